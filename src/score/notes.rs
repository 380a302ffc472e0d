//! Findings in words: what each note says, in Dutch and English, and the rubric's sentence
//! for each behaviour code.

use super::{Finding, Fit, Verdict};
use crate::scenario::{Channel, Code, Ending, Fill, Jurisdiction, Playbook, Principle, Style};
use crate::text::{Lang, Text, money};
use serde::{Deserialize, Serialize};

/// What a finding says, in no language; rendered into words by [`Finding::explain`]. Stored
/// with each session as `{"kind": "plan_unaffordable", "of": {…}}`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "of", rename_all = "snake_case")]
pub enum Note {
    /// A behaviour code on the option chosen.
    Code(Code),
    /// `Refer` before any reason or financial fact was known.
    ReferTooEarly,
    /// `Refer` once the facts were known.
    ReferAfterFacts,
    FactUncovered(usize),
    FactMissed(usize),
    /// Probed at too low trust.
    ProbeTooEarly(usize),
    /// Probed with a behaviour that does not bring this fact out.
    ProbeWrongKind(usize),
    Channel(Channel, Fit),
    PreferredChannel(Channel),
    ReflectionRatio {
        reflections: usize,
        questions: usize,
    },
    /// The trust gained over the call. No longer written (the mood is no input to a score);
    /// kept so that sessions stored with it read back.
    TrustChange(i32),
    Ending(Ending),
    PlanReached,
    PlanVague,
    PlanAffordable,
    PlanUnaffordable {
        amount: f64,
        capacity: f64,
        days: u32,
        start: u32,
    },
    PlanRealistic,
    PlanGivesAway {
        total: f64,
        owed: f64,
    },
    PlanTooLong {
        count: u32,
        max: u32,
    },
    PlanLateStart {
        days: u32,
        max: u32,
    },
    PlanTogether,
    PlanImposed,
    PlanFromFacts,
    PlanWithoutFacts,
    /// Named an amount before asking what the customer can pay, whatever they answered.
    ProposedBlind,
    ExpectationClear,
    ExpectationMissing,
    Confirmed,
    NotConfirmed,
    Appreciated,
    NotAppreciated,
    ErrorAcknowledged,
    ErrorNotAcknowledged,
    DisputeFound,
    DisputeNotFound,
    UndisputedSettled,
    UndisputedOpen,
    PressedUnaffordable,
    /// Agreed the trainee's own plan, which the customer cannot keep, without checking.
    AgreedUnchecked,
    /// Collection costs announced when the law allows them.
    CostsLawful(Jurisdiction),
    /// Collection costs announced before the law allows them (or with no law named).
    CostsTooEarly(Option<Jurisdiction>),
    /// Urged the customer to pay more after they said what they can (their counter-offer or
    /// their figures): pressing an unaffordable plan.
    PressedBeyondCapacity,
    /// A proposal asking clearly more than is owed.
    ProposedMoreThanOwed {
        total: f64,
        owed: f64,
    },
    /// The customer's own affordable plan, inside the mandate, was left on the table.
    CounterLeft,
    /// Pushed or talked the customer into a plan far beyond what they can pay.
    PressedIntoUnaffordable,
    /// Agreed the trainee's own plan a little above what the customer can pay.
    AgreedAboveCapacity {
        amount: f64,
        capacity: f64,
    },
    /// Urged again after an earlier push: repeated pressure is harassment.
    PressedAgain,
    /// A plan proposed before anything was asked about what the customer can pay.
    AffordabilityUnchecked,
    /// A root cause (the fact) came out and an option dealt with it.
    CauseAddressed(usize),
    /// A root cause came out and nothing in the agreement dealt with it.
    CauseLeft(usize),
    /// More instalments than the customer needs at what they can pay.
    PlanOverlong {
        count: u32,
        needed: u32,
    },
    /// A first payment sooner than the customer had said they could start.
    ProposedBeforeKnownStart {
        days: u32,
        start: u32,
    },
    /// Proposed more than the customer had said they could pay.
    ProposedAboveKnownCapacity {
        amount: f64,
        capacity: f64,
    },
    /// How the trainee's lines suited the customer's style: turns with a behaviour this style
    /// wants, and with one it bristles at (the style table).
    StyleRead {
        style: Style,
        wanted: u8,
        resented: u8,
    },
}

impl Finding {
    /// The finding in words.
    pub fn explain(&self, book: &Playbook, lang: Lang) -> String {
        let s = &book.scenario;
        let fill = Fill {
            scenario: s,
            plan: None,
        };
        let fact = |i: usize| fill.text(&s.persona.facts[i].note, lang);
        let m = |x: f64| money(x, lang);
        let t = |nl: String, en: String| lang.pick(nl, en);
        match self.note {
            Note::Code(code) => code_note(code, self.principle == Principle::LowerTheThreat).get(lang).to_string(),
            Note::ReferTooEarly => t(
                "Doorverwezen naar hulp voordat je wist wat er speelt: voorbarig advies.".into(),
                "Pointed to help before knowing what is going on: premature advice.".into(),
            ),
            Note::ReferAfterFacts => t(
                "Doorverwezen naar hulp nadat de feiten op tafel lagen: op het juiste moment.".into(),
                "Pointed to help once the facts were known: the right moment.".into(),
            ),
            Note::FactUncovered(i) => t(format!("Ontdekt: {}", fact(i)), format!("Uncovered: {}", fact(i))),
            Note::FactMissed(i) => t(format!("Niet te weten gekomen: {}", fact(i)), format!("Never found out: {}", fact(i))),
            Note::ProbeTooEarly(i) => t(
                format!("Je vroeg ernaar, maar het vertrouwen was nog te laag om het te vertellen ({}). Eerst verbinden, dan vragen.", fact(i)),
                format!("You asked, but trust was still too low for them to tell you ({}). Connect first, then ask.", fact(i)),
            ),
            Note::ProbeWrongKind(i) => t(
                format!("Deze vraag bracht het niet naar boven ({}); een open vraag of een reflectie had dat wel gedaan.", fact(i)),
                format!("This did not bring it out ({}); an open question or a reflection would have.", fact(i)),
            ),
            Note::Channel(ch, fit) => {
                let c = ch.label();
                let c = c.get(lang);
                match fit {
                    Fit::Good => t(format!("{c} past bij het doel van dit contact."), format!("{c} fits the goal of this contact.")),
                    Fit::Ok => t(format!("{c} kan, maar is niet het sterkste middel voor dit doel."), format!("{c} can work, but is not the strongest means for this goal.")),
                    Fit::Poor => t(format!("{c} past niet bij het doel van dit contact: kies het middel op missie en mens."), format!("{c} does not fit the goal of this contact: choose the means for the mission and the person.")),
                }
            }
            Note::PreferredChannel(ch) => t(
                format!("De klant koos zelf voor {} bij de aanmelding: het kanaal van de klant.", ch.label().nl),
                format!("The customer signed up through {}: their own channel.", ch.label().en),
            ),
            Note::ReflectionRatio { reflections, questions } => {
                if self.verdict == Verdict::Credit {
                    t(
                        format!("{reflections} reflecties op {questions} vragen: je luisterde minstens zoveel als je vroeg."),
                        format!("{reflections} reflections to {questions} questions: you listened at least as much as you asked."),
                    )
                } else {
                    t(
                        format!("{reflections} reflecties op {questions} vragen: een verhoor. Geef terug wat je hoort (streef naar 1 op 1)."),
                        format!("{reflections} reflections to {questions} questions: an interrogation. Reflect back what you hear (aim for 1:1)."),
                    )
                }
            }
            Note::TrustChange(d) => t(
                format!("Vertrouwen van de klant {}{d} over het gesprek.", if d >= 0 { "+" } else { "" }),
                format!("Customer's trust {}{d} over the conversation.", if d >= 0 { "+" } else { "" }),
            ),
            Note::Ending(e) => {
                let label = e.label();
                let label = label.get(lang);
                match e {
                    Ending::HungUp => t(format!("{label}: de drempel werd te hoog."), format!("{label}: the threat grew too high.")),
                    Ending::Escalated => t(format!("{label}: escalatie maakt het probleem van de klant groter."), format!("{label}: escalation makes the customer's problem bigger.")),
                    Ending::DebtWaived => t(format!("{label}: vriendelijk, maar het probleem is niet opgelost en de marge is weg."), format!("{label}: friendly, but the problem is not solved and the margin is gone.")),
                    Ending::NoAgreement => t(format!("{label}: het gesprek leverde geen afspraak op."), format!("{label}: the conversation produced no agreement.")),
                    Ending::Referred if self.verdict == Verdict::Debit => t(format!("{label}, maar zonder de situatie te kennen."), format!("{label}, but without knowing the situation.")),
                    _ => label.to_string(),
                }
            }
            Note::PlanReached => t("Er is een concrete regeling: bedrag, aantal termijnen, startdatum.".into(), "A concrete arrangement: amount, number of instalments, start date.".into()),
            Note::PlanVague => t("Een afspraak zonder bedrag of datum is geen regeling.".into(), "An agreement with no amount or date is not an arrangement.".into()),
            Note::PlanAffordable => t("De regeling past binnen wat de klant echt kan betalen.".into(), "The plan fits what the customer can really pay.".into()),
            Note::PlanUnaffordable { amount, capacity, days, start } => {
                if amount > capacity + 0.005 {
                    t(
                        format!("{} per maand terwijl de klant hooguit {} kan: een belofte die zal breken.", m(amount), m(capacity)),
                        format!("{} a month while the customer can manage at most {}: a promise that will break.", m(amount), m(capacity)),
                    )
                } else {
                    t(
                        format!("Eerste betaling over {days} dagen, maar de klant kan pas over {start} dagen: een belofte die zal breken."),
                        format!("First payment in {days} days, but the customer can only start in {start}: a promise that will break."),
                    )
                }
            }
            Note::PlanRealistic => t("Realistisch voor het bedrijf: de hele vordering, binnen de termijn.".into(), "Realistic for the company: the whole claim, within the term.".into()),
            Note::PlanGivesAway { total, owed } => t(
                format!("De regeling brengt {} op van {}: je geeft de rest weg.", m(total), m(owed)),
                format!("The plan brings in {} of {}: you give the rest away.", m(total), m(owed)),
            ),
            Note::PlanTooLong { count, max } => t(
                format!("{count} termijnen, terwijl het beleid er hoogstens {max} toestaat."),
                format!("{count} instalments, while policy allows at most {max}."),
            ),
            Note::PlanLateStart { days, max } => t(
                format!("Eerste betaling pas over {days} dagen (beleid: hoogstens {max}): uitstel maakt het probleem groter."),
                format!("First payment only in {days} days (policy: at most {max}): deferral makes the problem bigger."),
            ),
            Note::PlanTogether => t("De klant dacht mee over de regeling: zo komt die ze ook na.".into(), "The customer helped shape the plan: they will keep it.".into()),
            Note::PlanImposed => t("De regeling werd opgelegd, niet samen gemaakt.".into(), "The plan was imposed, not made together.".into()),
            Note::PlanFromFacts => t("Voorstel gedaan na het navragen van inkomen of draagkracht.".into(), "Proposal made after asking about income or capacity.".into()),
            Note::ProposedBlind => t("Een bedrag genoemd zonder te vragen wat de klant kan betalen: ingevuld voor de ander, wat de klant ook antwoordt. Het voorstel was een gok, niet het hunne.".into(), "Named an amount without asking what the customer can pay: filling in for them, whatever they answer. The plan was a guess, not theirs.".into()),
            Note::PlanWithoutFacts => t("Voorstel gedaan zonder te weten wat de klant kan betalen: ingevuld voor de ander.".into(), "Proposal made without knowing what the customer can pay: filled in for them.".into()),
            Note::ExpectationClear => t("Duidelijk over wat er openstaat en wat je verwacht.".into(), "Clear about what is owed and what you expect.".into()),
            Note::ExpectationMissing => t("Nergens duidelijk gezegd wat er openstaat en wat je verwacht.".into(), "Never said clearly what is owed and what you expect.".into()),
            Note::Confirmed => t("De afspraak werd bevestigd: bedrag, datum, manier.".into(), "The agreement was confirmed: amount, date, method.".into()),
            Note::NotConfirmed => t("De afspraak werd niet samengevat of bevestigd.".into(), "The agreement was not summarised or confirmed.".into()),
            Note::Appreciated => t("Waardering uitgesproken voor de regeling.".into(), "Appreciation shown for the arrangement.".into()),
            Note::NotAppreciated => t("Geen waardering uitgesproken voor de afspraak.".into(), "No appreciation shown for the agreement.".into()),
            Note::ErrorAcknowledged => t("De fout van het bedrijf werd erkend.".into(), "The company's error was acknowledged.".into()),
            Note::ErrorNotAcknowledged => t("De fout van het bedrijf werd nooit erkend.".into(), "The company's error was never acknowledged.".into()),
            Note::DisputeFound => t("Je achterhaalde wat er misging.".into(), "You found out what went wrong.".into()),
            Note::DisputeNotFound => t("Je achterhaalde niet wat er precies misging.".into(), "You never found out what exactly went wrong.".into()),
            Note::UndisputedSettled => t("Het onbetwiste deel is geregeld.".into(), "The undisputed part is settled.".into()),
            Note::UndisputedOpen => t("Het onbetwiste deel bleef open.".into(), "The undisputed part was left open.".into()),
            Note::ProposedMoreThanOwed { total, owed } => t(
                format!("Een regeling van {} voorgesteld voor {} die openstaat: meer vragen dan verschuldigd is, is misleidend.", m(total), m(owed)),
                format!("Proposed a plan of {} for {} owed: asking for more than is owed misleads the customer.", m(total), m(owed)),
            ),
            Note::CounterLeft => t(
                "De klant bood zelf een haalbare regeling binnen het mandaat aan, en die bleef liggen: de oplossing die de klant zelf bedacht, is de oplossing die standhoudt.".into(),
                "The customer offered a plan they can pay, inside the mandate, and it was left on the table: the solution the customer designs is the one that holds.".into(),
            ),
            Note::PressedIntoUnaffordable => t(
                "De klant onder druk of met een ingevuld bedrag ja laten zeggen tegen een regeling ver boven wat die kan dragen: intimiderend, en de belofte breekt.".into(),
                "Pushed or talked the customer into a yes to a plan far beyond what they can pay: intimidating, and the promise will break.".into(),
            ),
            Note::PressedBeyondCapacity => t(
                "Aangedrongen op meer nadat de klant had gezegd wat die kan betalen: een regeling doordrukken die niet haalbaar is.".into(),
                "Pushed for more after the customer said what they can pay: pressing a plan they cannot afford.".into(),
            ),
            Note::AgreedAboveCapacity { amount, capacity } => t(
                format!("{} per maand afgesproken, boven de {} die de klant echt kan missen: een belofte die kan breken.", m(amount), m(capacity)),
                format!("Agreed {} a month, above the {} the customer can really spare: a promise that may break.", m(amount), m(capacity)),
            ),
            Note::PressedAgain => t(
                "Opnieuw druk gezet na een eerdere duw: herhaalde druk is intimidatie, geen toon meer.".into(),
                "Pressed again after an earlier push: repeated pressure is harassment, no longer a slip of tone.".into(),
            ),
            Note::AffordabilityUnchecked => t(
                "Een regeling voorgesteld zonder na te gaan wat de klant kan dragen: eerlijke behandeling vraagt die check eerst.".into(),
                "Put a plan to the customer without checking what they can afford: fair treatment asks for that check first.".into(),
            ),
            Note::CauseAddressed(i) => t(
                format!("De oorzaak van de achterstand aangepakt: {}.", fact(i)),
                format!("The cause of the arrears was dealt with: {}.", fact(i)),
            ),
            Note::CauseLeft(i) => t(
                format!("De oorzaak kwam op tafel maar bleef liggen ({}): zonder die aan te pakken komt de achterstand terug.", fact(i)),
                format!("The cause came out but was left alone ({}): unless it is dealt with, the arrears will come back.", fact(i)),
            ),
            Note::PlanOverlong { count, needed } => t(
                format!("{count} termijnen waar {needed} genoeg waren met wat de klant kan betalen: de schuld onnodig uitgesmeerd."),
                format!("{count} instalments where {needed} would do at what the customer can pay: the debt stretched for nothing."),
            ),
            Note::ProposedBeforeKnownStart { days, start } => t(
                format!("Een eerste betaling over {days} dagen voorgesteld, terwijl de klant had gezegd pas over {start} dagen te kunnen beginnen: niet geluisterd."),
                format!("Proposed a first payment in {days} days after the customer said they can start only in {start}: not listened to."),
            ),
            Note::StyleRead {
                style,
                wanted,
                resented,
            } => {
                let (label, wants) = (style.label(), style.wants());
                let (nl_style, en_style) = (label.get(Lang::Nl), label.get(Lang::En));
                let (nl_wants, en_wants) = (wants.get(Lang::Nl), wants.get(Lang::En));
                let turns = |n: u8, nl: bool| match (n, nl) {
                    (1, true) => "één beurt".to_string(),
                    (n, true) => format!("{n} beurten"),
                    (1, false) => "one turn".to_string(),
                    (n, false) => format!("{n} turns"),
                };
                if resented > 0 && wanted >= 2 && wanted >= 3 * resented {
                    t(
                        format!("Deze klant is {nl_style}: {nl_wants}. Grotendeels aangepast: in {} gaf je wat zo iemand nodig heeft, in {} koos je wat hem of haar tegen de haren in strijkt.", turns(wanted, true), turns(resented, true)),
                        format!("This customer is {en_style}: {en_wants}. Mostly adapted: in {} you gave what such a person needs, in {} you chose what rubs them the wrong way.", turns(wanted, false), turns(resented, false)),
                    )
                } else if resented > 0 {
                    t(
                        format!("Deze klant is {nl_style}: {nl_wants}. In {} koos je wat zo iemand tegen de haren in strijkt: niet aangepast.", turns(resented, true)),
                        format!("This customer is {en_style}: {en_wants}. In {} you chose what rubs such a person the wrong way: not adapted.", turns(resented, false)),
                    )
                } else if wanted >= 2 {
                    t(
                        format!("Deze klant is {nl_style}: {nl_wants}. Je paste je aan: in {} gaf je wat zo iemand nodig heeft.", turns(wanted, true)),
                        format!("This customer is {en_style}: {en_wants}. You adapted: in {} you gave what such a person needs.", turns(wanted, false)),
                    )
                } else {
                    t(
                        format!("Deze klant is {nl_style}: {nl_wants}. Daar speelde je nauwelijks op in."),
                        format!("This customer is {en_style}: {en_wants}. You hardly played to that."),
                    )
                }
            }
            Note::ProposedAboveKnownCapacity { amount, capacity } => t(
                format!("Je stelde {} per maand voor terwijl de klant al zei dat {} het maximum is: ingevuld voor de ander.", m(amount), m(capacity)),
                format!("You proposed {} a month after the customer had said {} is the most they can pay: filling in for them.", m(amount), m(capacity)),
            ),
            Note::CostsLawful(j) => match j {
                Jurisdiction::Nl => t("Incassokosten genoemd nu de gratis veertiendagenbrief is verstuurd en de termijn voorbij is: dat mag (art. 6:96 BW), volgens de wettelijke staffel.".into(), "Collection costs named now that the free 14-day letter has gone out and its term has passed: lawful (Dutch Civil Code art. 6:96), on the legal scale.".into()),
                Jurisdiction::Be => t("Incassokosten genoemd nu de gratis eerste herinnering is verstuurd en de 14 dagen voorbij zijn: dat mag (Boek XIX WER), binnen de wettelijke plafonds.".into(), "Collection costs named now that the free first reminder has gone out and its 14 days have passed: lawful (Book XIX of the Belgian Code of Economic Law), within the legal caps.".into()),
            },
            Note::CostsTooEarly(j) => match j {
                Some(Jurisdiction::Nl) => t("Incassokosten aangekondigd voordat de gratis veertiendagenbrief is verstuurd en verlopen: dat mag nog niet (art. 6:96 BW).".into(), "Collection costs announced before the free 14-day letter has gone out and run its term: not yet lawful (Dutch Civil Code art. 6:96).".into()),
                Some(Jurisdiction::Be) => t("Incassokosten aangekondigd vóór de gratis eerste herinnering en haar 14 dagen: dat mag nog niet (Boek XIX WER).".into(), "Collection costs announced before the free first reminder and its 14 days: not yet lawful (Book XIX of the Belgian Code of Economic Law).".into()),
                None => t("Incassokosten aangekondigd zonder dat vaststaat welke wet geldt: niet aantoonbaar rechtmatig.".into(), "Collection costs announced with no law of the call named: not shown to be lawful.".into()),
            },
            Note::AgreedUnchecked => t(
                "Je liet de klant ja zeggen op een regeling die niet haalbaar is, zonder na te gaan wat er kan: wie een afspraak maakt, toetst eerst of ze betaalbaar is.".into(),
                "You let the customer agree to a plan they cannot keep, without checking what they can pay: whoever makes an arrangement checks first that it is affordable.".into(),
            ),
            Note::PressedUnaffordable => t(
                "Je wist wat de klant kon betalen en drong toch een hoger bedrag op: onredelijke druk.".into(),
                "You knew what the customer could pay and still pressed for more: unreasonable pressure.".into(),
            ),
        }
    }
}

/// The rubric's sentence for a behaviour code.
pub fn code_note(code: Code, as_threat: bool) -> Text {
    if as_threat {
        return Text::new(
            "Dreiging en druk verhogen de stress: de klant klapt dicht of haakt af.",
            "Threats and pressure raise stress: the customer shuts down or walks away.",
        );
    }
    let (nl, en) = match code {
        Code::OpenQuestion => (
            "Open vraag: de klant vertelt zelf het verhaal.",
            "Open question: the customer tells their own story.",
        ),
        Code::ClosedQuestion => (
            "Gesloten vraag: nuttig om te checken, maar levert weinig verhaal op.",
            "Closed question: useful to check, but draws out little story.",
        ),
        Code::Reflection => (
            "Reflectie: je gaf terug wat je hoorde.",
            "Reflection: you gave back what you heard.",
        ),
        Code::ComplexReflection => (
            "Diepe reflectie: je benoemde het gevoel of de betekenis eronder.",
            "Complex reflection: you named the feeling or meaning underneath.",
        ),
        Code::Affirm => (
            "Bevestiging: je erkende wat de klant goed doet.",
            "Affirmation: you recognised what the customer does well.",
        ),
        Code::Summarize => (
            "Samenvatting: de klant hoort dat je luisterde.",
            "Summary: the customer hears that you listened.",
        ),
        Code::SeekCollaboration => (
            "Samenwerking gezocht: de klant denkt mee over de oplossing.",
            "Sought collaboration: the customer helps find the solution.",
        ),
        Code::EmphasizeAutonomy => (
            "Autonomie benadrukt: de klant beslist mee.",
            "Emphasised autonomy: the customer decides too.",
        ),
        Code::Acknowledge => (
            "Erkenning: je nam de ervaring of de fout serieus.",
            "Acknowledgement: you took the experience or the error seriously.",
        ),
        Code::Appreciate => ("Waardering uitgesproken.", "Appreciation shown."),
        Code::GiveInformation => (
            "Informatie gegeven: helder en neutraal.",
            "Gave information: clear and neutral.",
        ),
        Code::StateExpectation => (
            "Duidelijk over wat er openstaat en wat je verwacht: hard op de inhoud.",
            "Clear about what is owed and expected: hard on content.",
        ),
        Code::Confirm => (
            "Afspraak concreet bevestigd.",
            "Agreement confirmed concretely.",
        ),
        Code::Refer => (
            "Doorverwezen naar hulp of een alternatief.",
            "Pointed to help or an alternative.",
        ),
        Code::Judge => (
            "Oordeel: de klant voelt zich veroordeeld en verdedigt zich.",
            "Judgement: the customer feels judged and defends themselves.",
        ),
        Code::Opinion => (
            "Mening: jouw kijk doet er hier niet toe, die van de klant wel.",
            "Opinion: your view does not matter here, the customer's does.",
        ),
        Code::PrematureAdvice => (
            "Voorbarig advies: eerst vragen wat de mogelijkheden zijn.",
            "Premature advice: ask what the possibilities are first.",
        ),
        Code::Assume => (
            "Aanname: je vulde het verhaal in zonder te vragen (ANNA).",
            "Assumption: you filled in the story without asking (ANNA).",
        ),
        Code::FillIn => (
            "Ingevuld voor de klant wat die kan of wil (NIVEA).",
            "Filled in what the customer can or wants (NIVEA).",
        ),
        Code::Accuse => (
            "Beschuldiging: hard op de relatie in plaats van op de inhoud.",
            "Accusation: hard on the relationship instead of the content.",
        ),
        Code::Irritation => (
            "Irritatie: die hoort de klant, ook door de telefoon.",
            "Irritation: the customer hears it, even over the phone.",
        ),
        Code::Boilerplate => (
            "Standaardtaal: de klant wordt een dossier, geen klant.",
            "Boilerplate: the customer becomes a file, not a customer.",
        ),
        Code::Dismiss => (
            "Weggewuifd: verstoppen achter de procedure.",
            "Dismissed: hiding behind the procedure.",
        ),
        Code::Capitulate => (
            "Toegegeven zonder oplossing: het probleem wordt groter, niet kleiner.",
            "Gave in without a solution: the problem grows, not shrinks.",
        ),
        Code::Threaten => (
            "Dreigement: intimidatie is geen incasso.",
            "Threat: intimidation is not collection.",
        ),
        Code::FalseThreat => (
            "Onjuist juridisch dreigement: misleidend en niet toegestaan.",
            "False legal threat: misleading and not allowed.",
        ),
        Code::Pressure => (
            "Onredelijke druk op bedrag of termijn.",
            "Unreasonable pressure on amount or term.",
        ),
        Code::ThirdParty => (
            "De schuld gedeeld met derden (familie, buren, werkgever, publiek): niet toegestaan.",
            "Disclosed the debt to others (family, neighbours, employer, in public): not allowed.",
        ),
        Code::Misleading => (
            "Misleidende informatie over kosten, wet of gevolgen.",
            "Misleading information on costs, law or consequences.",
        ),
        Code::AnnounceCosts => ("Incassokosten aangekondigd.", "Collection costs announced."),
    };
    Text::new(nl, en)
}
