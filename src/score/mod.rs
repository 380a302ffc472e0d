//! The rubric: one set of rules for every scenario, from behaviour codes, facts uncovered and
//! the outcome to four dimension scores and a list of explained findings.
//!
//! Options never carry points; the numbers live here and in [`rules`] and [`agreement`],
//! once, and the README's "How a score is made" section documents them. Change one and the
//! README must change with it. [`notes`] turns findings into words; [`channel`] is 3x M;
//! [`feel`] says what the customer feels at each turn.

mod agreement;
mod behaviour;
mod channel;
pub mod feel;
pub mod law;
pub mod miti;
mod notes;
mod rules;

pub use channel::{Fit, channel_fit};
pub use notes::{Note, code_note};

use crate::dialogue::Conversation;
use crate::scenario::{Code, Ending, FactKind, Principle};
use crate::text::Text;
use agreement::AgreementInput;
use behaviour::{Bits, Tally};
use rules::{Sheet, clamp, fact_bits, soft_cap};
use serde::{Deserialize, Serialize};

/// The four scored dimensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Empathy,
    FactGathering,
    Agreement,
    Compliance,
}

impl Dimension {
    pub const ALL: [Dimension; 4] = [
        Dimension::Empathy,
        Dimension::FactGathering,
        Dimension::Agreement,
        Dimension::Compliance,
    ];

    /// The one name of the dimension everywhere it is shown.
    pub fn label(self) -> Text {
        let (nl, en) = match self {
            Dimension::Empathy => ("Empathie", "Empathy"),
            Dimension::FactGathering => ("Feiten verzamelen", "Fact-gathering"),
            Dimension::Agreement => ("Kwaliteit afspraak", "Agreement quality"),
            Dimension::Compliance => ("Naleving", "Compliance"),
        };
        Text::new(nl, en)
    }
}

/// The name of the overall score, beside [`Dimension::label`].
pub fn overall_label() -> Text {
    Text::new("Totaal", "Overall")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Credit,
    Debit,
}

/// needs_work < 40 ≤ fair < 60 ≤ good < 80 ≤ excellent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    NeedsWork,
    Fair,
    Good,
    Excellent,
}

impl Band {
    pub fn of(score: u8) -> Band {
        match score {
            0..=39 => Band::NeedsWork,
            40..=59 => Band::Fair,
            60..=79 => Band::Good,
            _ => Band::Excellent,
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Band::NeedsWork => "needs_work",
            Band::Fair => "fair",
            Band::Good => "good",
            Band::Excellent => "excellent",
        }
    }
    pub fn label(self) -> Text {
        let (nl, en) = match self {
            Band::NeedsWork => ("Werkpunt", "Needs work"),
            Band::Fair => ("Redelijk", "Fair"),
            Band::Good => ("Goed", "Good"),
            Band::Excellent => ("Uitstekend", "Excellent"),
        };
        Text::new(nl, en)
    }
}

/// Scores 0–100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Scores {
    pub empathy: u8,
    pub fact_gathering: u8,
    pub agreement: u8,
    pub compliance: u8,
    pub overall: u8,
}

impl Scores {
    pub fn get(&self, d: Dimension) -> u8 {
        match d {
            Dimension::Empathy => self.empathy,
            Dimension::FactGathering => self.fact_gathering,
            Dimension::Agreement => self.agreement,
            Dimension::Compliance => self.compliance,
        }
    }
}

/// One explained observation about the conversation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Finding {
    pub turn: usize,
    pub principle: Principle,
    pub verdict: Verdict,
    pub dimension: Dimension,
    /// What it did to the dimension's score (0 for observations that explain a missing credit).
    pub points: i32,
    pub note: Note,
}

impl Finding {
    /// Whether this finding marks something the trainee did wrong at its turn: a debit that cost
    /// points, or a behaviour that broke a principle (which may cost nothing when the dimension
    /// had earned nothing to spoil), or a guessed plan.
    pub fn is_slip(&self) -> bool {
        self.verdict == Verdict::Debit
            && (self.points < 0
                || matches!(
                    self.note,
                    Note::Code(_)
                        | Note::ProposedBlind
                        | Note::ReferTooEarly
                        | Note::Channel(_, Fit::Poor)
                        | Note::ProposedAboveKnownCapacity { .. }
                        | Note::ProposedBeforeKnownStart { .. }
                ))
    }
}

/// A scored conversation.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub scores: Scores,
    pub findings: Vec<Finding>,
}

// The rubric's numbers. README "How a score is made" documents each.
const RELATIONAL_TARGET: f64 = 0.6;
/// Listening less than asking (below MITI's 1:1 with three or more questions): half a turn.
const INTERROGATION: f64 = 0.25;
const FACT_SHARE: f64 = 70.0;
const FACT_QUESTIONS: f64 = 30.0;
const QUESTIONS_TARGET: f64 = 3.0;
/// A compliance breach, giving the claim away, letting the customer's own workable plan go or a
/// call that broke down caps the overall score below "good".
const OVERALL_CAP: u8 = 59;
/// ... folding everything above 35 into 35–59: such a call that was only fair anyway lands in
/// needs work.
const FAILED_CALL_FOLD: f64 = 24.0;
/// A slip against the principles keeps its dimension and the overall score below "excellent".
const GOOD_CAP: u8 = 79;
/// Intimidation, a false legal threat, disclosure to others or pressing the customer to pay
/// more than they said they can: compliance "needs work".
const NEEDS_WORK_CAP: u8 = 39;
/// The lowest overall score of a call that reached a sound arrangement without a breach.
const FAIR_FLOOR: u8 = 40;
/// A plan named without knowing what the customer can pay keeps empathy and fact-gathering
/// at most fair: the trainee's frame, not the customer's (NIVEA, ANNA).
const BLIND_CAP: u8 = 59;

/// A plan that leaves more than a third of the claim unpaid is capitulation in all but name.
pub(crate) const GIVES_AWAY_SHARE: f64 = 0.65;

/// What the findings add up to, read in one pass.
#[derive(Default)]
struct Flags {
    /// An agreement finding that is a debit: something missing or wrong.
    agreement_slip: bool,
    /// Any compliance debit; one that is more than a slip of tone; one that is grave.
    compliance_slip: bool,
    breach: bool,
    grave: bool,
    facts_missed: bool,
    /// A capitulation, or a plan that drops more than a third of the claim.
    gave_away: bool,
    counter_left: bool,
}

impl Flags {
    fn of(findings: &[Finding]) -> Flags {
        let mut x = Flags::default();
        for f in findings {
            let debit = f.verdict == Verdict::Debit;
            match (f.dimension, &f.note) {
                (Dimension::Agreement, Note::Code(Code::Capitulate)) => x.gave_away = true,
                (_, Note::PlanGivesAway { total, owed }) if *total < owed * GIVES_AWAY_SHARE => {
                    x.gave_away = true
                }
                (_, Note::FactMissed(_)) => x.facts_missed = true,
                (_, Note::CounterLeft) => x.counter_left = true,
                _ => {}
            }
            if debit && f.dimension == Dimension::Agreement {
                x.agreement_slip = true;
            }
            if debit && f.dimension == Dimension::Compliance {
                x.compliance_slip = true;
                // A slip of tone keeps compliance below excellent; anything else is a breach.
                let tone_only = matches!(
                    f.note,
                    Note::Code(Code::Pressure | Code::Irritation | Code::Dismiss)
                        | Note::AffordabilityUnchecked
                        | Note::AgreedAboveCapacity { .. }
                );
                x.breach |= !tone_only;
                x.grave |= matches!(
                    f.note,
                    Note::Code(Code::Threaten | Code::FalseThreat | Code::ThirdParty)
                        | Note::PressedBeyondCapacity
                        | Note::PressedIntoUnaffordable
                );
            }
        }
        x
    }
}

/// Scores a conversation (finished or not; an unfinished one is scored as it stands), with
/// every finding in turn order.
pub fn assess(conv: &Conversation) -> Assessment {
    let (scores, mut findings) = score(conv);
    findings.push(style_read(conv));
    findings.sort_by_key(|f| f.turn);
    Assessment { scores, findings }
}

/// The scores alone, as [`assess`] gives them: for walks over many paths, which need no
/// findings in order nor the observations that cost nothing.
pub fn scores(conv: &Conversation) -> Scores {
    score(conv).0
}

fn score(conv: &Conversation) -> (Scores, Vec<Finding>) {
    use Dimension::*;
    use Verdict::*;
    let book = conv.book();
    let s = &book.scenario;
    let turns = conv.turns();
    let last = turns.len().max(1);
    let mut sheet = Sheet::new();
    let situation_bits = fact_bits(
        book,
        &[
            FactKind::Reason,
            FactKind::Income,
            FactKind::Costs,
            FactKind::Capacity,
        ],
    );
    let capacity_bits = fact_bits(book, &[FactKind::Income, FactKind::Capacity]);

    let bits = Bits {
        situation: situation_bits,
        capacity: capacity_bits,
    };
    let tally = Tally::of(conv, &mut sheet, bits);
    let Tally {
        choice_turns: n,
        relational_sum,
        open_q,
        closed_q,
        reflections,
        expectation,
        together_before_plan,
        blind,
        poor_channel,
        addressed,
        agreed_turn,
        ..
    } = tally;

    // Empathy: the share of turns that connect, spoiled by the slips' share of the call.
    let questions = open_q + closed_q;
    if reflections > 0 && reflections >= questions {
        sheet.add(
            last,
            Principle::Connect,
            Empathy,
            0,
            Credit,
            Note::ReflectionRatio {
                reflections,
                questions,
            },
        );
    } else if questions >= 3 && reflections * 2 < questions {
        sheet.slip(
            last,
            Principle::Connect,
            Empathy,
            INTERROGATION,
            Note::ReflectionRatio {
                reflections,
                questions,
            },
        );
    }
    // What the trainee did, not how the customer happened to feel: the mood is no input.
    let connect = if n == 0 {
        0.0
    } else {
        (relational_sum / (RELATIONAL_TARGET * n as f64)).min(1.0)
    };
    let empathy = sheet.settle(Empathy, 100.0 * connect, n);

    // Fact-gathering: the share of key facts found and the asking that found them.
    let key = book.key_facts();
    for (fi, f) in s.persona.facts.iter().enumerate() {
        if f.key && conv.known() & (1 << fi) == 0 {
            sheet.add(
                last,
                Principle::Anna,
                FactGathering,
                0,
                Debit,
                Note::FactMissed(fi),
            );
        }
    }
    let share = if key == 0 {
        1.0
    } else {
        f64::from((conv.known() & key).count_ones()) / f64::from(key.count_ones())
    };
    let asked = ((open_q as f64 + 0.5 * closed_q as f64) / QUESTIONS_TARGET).min(1.0);
    let fact_gathering = sheet.settle(
        FactGathering,
        FACT_SHARE * share + FACT_QUESTIONS * asked,
        n,
    );

    // Agreement.
    let input = AgreementInput {
        ending: conv.ending(),
        agreed_turn,
        expectation,
        together_before_plan,
        capacity_bits,
        situation_bits,
        addressed,
    };
    let agreement = agreement::agreement(conv, &mut sheet, input);
    // An agreement with anything missing or wrong (not confirmed, not made together, too
    // long, a known cause left alone, …) is not a model one.
    let flags = Flags::of(&sheet.findings);
    let agreement_slip = flags.agreement_slip;
    let agreement = if agreement_slip {
        soft_cap(agreement, GOOD_CAP)
    } else {
        agreement
    };

    // Compliance: a slip of tone keeps it below excellent, any breach below good; intimidation,
    // a false legal threat, telling others about the debt or pressing for more than the
    // customer can pay puts it in needs work, whatever else went well.
    let (compliance_slip, breach, grave) = (flags.compliance_slip, flags.breach, flags.grave);
    let compliance = (100.0 + sheet.sum(Compliance)).max(0.0);
    let compliance = match (grave, breach, compliance_slip) {
        (true, _, _) => soft_cap(compliance, NEEDS_WORK_CAP),
        (false, true, _) => soft_cap(compliance, OVERALL_CAP),
        (false, false, true) => soft_cap(compliance, GOOD_CAP),
        _ => compliance,
    };
    // No ceiling: a slip against the principles (a roadblock, a threat felt, assuming or filling
    // in) keeps its dimension, and the call, below excellent however well the rest went; so does
    // a poor channel for the mission (3x M). A repaired call is good, not a model.
    let facts_missed = flags.facts_missed;
    let (empathy_slip, facts_slip) = (
        sheet.slipped(Empathy),
        sheet.slipped(FactGathering) || facts_missed,
    );
    let mut empathy = if empathy_slip {
        soft_cap(empathy, GOOD_CAP)
    } else {
        empathy
    };
    let mut fact_gathering = if facts_slip {
        soft_cap(fact_gathering, GOOD_CAP)
    } else {
        fact_gathering
    };
    // MITI: reflective listening is how empathy shows; a call without a single reflection
    // can be polite and correct, but its connection is at most fair.
    if reflections == 0 {
        empathy = soft_cap(empathy, BLIND_CAP);
    }
    if blind {
        empathy = soft_cap(empathy, BLIND_CAP);
        fact_gathering = soft_cap(fact_gathering, BLIND_CAP);
    }
    // Giving the claim away is capitulation, not connection (a plan that gives part of it away
    // caps agreement instead).
    let gave_away = conv.ending() == Some(Ending::DebtWaived) || flags.gave_away;
    // The arrangement is what the call is for; connection and asking are how it is reached.
    let weighted = 0.25 * empathy + 0.20 * fact_gathering + 0.40 * agreement + 0.15 * compliance;
    let mut overall = weighted;
    if empathy_slip || facts_slip || agreement_slip || compliance_slip || poor_channel || blind {
        overall = soft_cap(overall, GOOD_CAP);
    }
    // The contact broke down (the customer hung up or escalated): whatever went well, the call
    // failed its mission. Letting the customer's own affordable plan go does too.
    let broke_down = matches!(conv.ending(), Some(Ending::HungUp | Ending::Escalated));
    let counter_left = flags.counter_left;
    if breach || gave_away || broke_down || counter_left {
        overall = rules::fold(overall, OVERALL_CAP, FAILED_CALL_FOLD);
    }
    // A typical call (polite, scripted, little real listening, a payment agreed) is fair: an
    // arrangement the customer can keep, for the whole claim, reached without any breach of fair
    // treatment, keeps the call out of needs work however little else went well.
    let sound_deal = conv.agreed().is_some_and(|p| {
        let f = &s.persona.finances;
        f.affords(&p) && p.total() >= f.undisputed() * 0.99 - 0.005
    });
    if sound_deal && !breach && !gave_away && overall < f64::from(FAIR_FLOOR) {
        overall = f64::from(FAIR_FLOOR) + overall / 20.0;
    }
    let scores = Scores {
        empathy: clamp(empathy),
        fact_gathering: clamp(fact_gathering),
        agreement: clamp(agreement),
        compliance: clamp(compliance),
        overall: clamp(overall),
    };
    (scores, sheet.findings)
}

/// Read the person: whether the trainee's lines suited the style of the customer drawn. It
/// explains and costs nothing itself: the style table already made the customer react to it.
fn style_read(conv: &Conversation) -> Finding {
    use crate::scenario::style::{Taste, taste};
    let book = conv.book();
    let style = book.scenario.persona.style;
    let (mut wanted, mut resented, mut first_resented) = (0u8, 0u8, None);
    let mut last = 1;
    for t in conv.turns() {
        // A proposal shows no codes; every option and channel does.
        let codes = rules::codes_of(book, t);
        if codes.is_empty() {
            continue;
        }
        last = t.number;
        let tastes = codes.iter().map(|&c| taste(style, c));
        if tastes.clone().any(|x| x == Taste::Resented) {
            resented = resented.saturating_add(1);
            first_resented.get_or_insert(t.number);
        } else if tastes.into_iter().any(|x| x == Taste::Wanted) {
            wanted = wanted.saturating_add(1);
        }
    }
    // A model call to a driver may still hold the one reflection that connects: adapted is
    // most lines suiting the person, not none rubbing them.
    let adapted = wanted >= 2 && wanted >= 3 * resented;
    Finding {
        turn: first_resented.unwrap_or(last),
        principle: Principle::ReadThePerson,
        verdict: if adapted {
            Verdict::Credit
        } else {
            Verdict::Debit
        },
        dimension: Dimension::Empathy,
        points: 0,
        note: Note::StyleRead {
            style,
            wanted,
            resented,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialogue::replay;
    use crate::plan::Plan;
    use crate::scenario::Playbook;
    use crate::text::Lang;
    use std::sync::Arc;

    fn mini() -> Arc<Playbook> {
        let src = include_str!("../../tests/fixtures/mini.scenario.ron");
        Arc::new(Playbook::parse(src, "mini.scenario.ron").expect("valid fixture"))
    }

    fn play(choices: &str, plan: Option<Plan>) -> Assessment {
        let ids: Vec<String> = choices.split(',').map(str::to_string).collect();
        assess(&replay(&mini(), 1, &ids, plan).expect("valid path"))
    }

    #[test]
    fn bands_have_the_documented_edges() {
        assert_eq!(Band::of(39), Band::NeedsWork);
        assert_eq!(Band::of(40), Band::Fair);
        assert_eq!(Band::of(60), Band::Good);
        assert_eq!(Band::of(80), Band::Excellent);
    }

    #[test]
    fn the_miti_profile_counts_what_the_trainee_said() {
        let plan = Some(Plan {
            amount: 50.0,
            count: 6,
            days: 10,
        });
        // ask: open question + affirm; together: collaboration + open question; thank: a
        // summary (a complex reflection) + appreciation.
        let profile = |choices: &str, plan| {
            let ids: Vec<String> = choices.split(',').map(str::to_string).collect();
            miti::Profile::of(&replay(&mini(), 1, &ids, plan).expect("valid path"))
        };
        let m = profile("ask,together,thank", plan);
        assert_eq!(
            m,
            miti::Profile {
                reflections: 1,
                complex_reflections: 1,
                questions: 2,
                open_questions: 2,
                adherent: 2,
                non_adherent: 0,
            }
        );
        assert_eq!(m.ratio(), Some(0.5));
        assert_eq!(m.ratio_tier(), miti::Tier::BelowFair);
        assert_eq!(m.complex_tier(), miti::Tier::Good);
        // A judgement at the close, and a threat (a false legal one too), are MI-non-adherent.
        assert_eq!(profile("ask,together,warn", plan).non_adherent, 1);
        assert_eq!(profile("threat", None).non_adherent, 2);
    }

    #[test]
    fn filling_in_costs_fact_gathering_and_compliance() {
        let good = play(
            "ask,together,thank",
            Some(Plan {
                amount: 50.0,
                count: 6,
                days: 10,
            }),
        );
        let nivea = play(
            "ask,fill,thank",
            Some(Plan {
                amount: 50.0,
                count: 6,
                days: 10,
            }),
        );
        assert!(
            nivea.scores.fact_gathering + 20 <= good.scores.fact_gathering,
            "{:?} vs {:?}",
            nivea.scores,
            good.scores
        );
        assert!(nivea.scores.compliance < good.scores.compliance);
        assert!(
            nivea
                .findings
                .iter()
                .any(|f| f.principle == Principle::Nivea && f.verdict == Verdict::Debit)
        );
        assert!(
            nivea.scores.overall <= OVERALL_CAP,
            "a compliance breach caps overall"
        );
    }

    /// The mini fixture with another starting mood.
    fn mini_with_mood(trust: i32, stress: i32) -> Arc<Playbook> {
        let src = include_str!("../../tests/fixtures/mini.scenario.ron").replace(
            "mood: (trust: 40, stress: 60)",
            &format!("mood: (trust: {trust}, stress: {stress})"),
        );
        Arc::new(Playbook::parse(&src, "mini.scenario.ron").expect("valid fixture"))
    }

    #[test]
    fn a_guessed_plan_costs_the_same_whether_the_customer_says_yes_or_counters() {
        let ids = |s: &str| s.split(',').map(str::to_string).collect::<Vec<_>>();
        // A harsh guess (twice what she can pay) and a modest one (a fifth above it, not
        // pushed): each scores nearly the same whatever she answers.
        for (amount, count) in [(100.0, 3), (60.0, 5)] {
            let plan = Some(Plan {
                amount,
                count,
                days: 10,
            });
            // Stress 60 after the opening question: cornered, she says yes to what she cannot
            // pay.
            let yes =
                replay(&mini_with_mood(30, 70), 1, &ids("ask,info,thank"), plan).expect("plays");
            assert_eq!(yes.agreed(), plan);
            // Five points calmer: she counters with what she can pay, and the trainee takes it.
            let counter = replay(
                &mini_with_mood(30, 65),
                1,
                &ids("ask,info,take,thank"),
                plan,
            )
            .expect("plays");
            assert_ne!(counter.agreed(), plan);
            let (y, c) = (assess(&yes).scores, assess(&counter).scores);
            assert!(
                y.agreement.abs_diff(c.agreement) < 15 && c.agreement < 80,
                "the same guess ({amount}): {y:?} vs {c:?}"
            );
            let counter = assess(&counter);
            assert!(
                counter
                    .findings
                    .iter()
                    .any(|f| f.note == Note::ProposedBlind),
                "the guess is named where it happened"
            );
            assert!(counter.scores.fact_gathering < 60 && counter.scores.empathy < 60);
        }
        // The harsh guess is the worse one.
        let agreement = |amount: f64, count: u32| {
            let plan = Plan {
                amount,
                count,
                days: 10,
            };
            let c = replay(
                &mini_with_mood(30, 65),
                1,
                &ids("ask,info,take,thank"),
                Some(plan),
            )
            .expect("plays");
            assess(&c).scores.agreement
        };
        assert!(agreement(100.0, 3) < agreement(60.0, 5));
    }

    #[test]
    fn any_breach_keeps_compliance_below_good_and_a_threat_in_needs_work() {
        let plan = Some(Plan {
            amount: 50.0,
            count: 6,
            days: 10,
        });
        // One push ("a hundred must be possible") to a plan she can keep: a slip of fair
        // treatment, below excellent but no breach.
        let push = play("ask,fill,thank", plan).scores.compliance;
        assert!((60..80).contains(&push), "{push}");
        // Pushing for more after she said what she can pay: pressing an unaffordable plan.
        let pressed = play(
            "ask,info,push",
            Some(Plan {
                amount: 100.0,
                count: 3,
                days: 10,
            }),
        );
        assert!(pressed.scores.compliance < 40, "{:?}", pressed.scores);
        assert!(
            pressed
                .findings
                .iter()
                .any(|f| f.note == Note::PressedBeyondCapacity)
        );
        // A threat and a false legal threat.
        assert!(play("threat", None).scores.compliance < 40);
    }

    /// The mini fixture whose `info` option also announces collection costs, under `context`.
    fn mini_announcing_costs(context: &str) -> Result<Arc<Playbook>, crate::scenario::LoadError> {
        let src = include_str!("../../tests/fixtures/mini.scenario.ron")
            .replace(
                "codes: [StateExpectation]",
                "codes: [StateExpectation, AnnounceCosts]",
            )
            .replace(
                "mission: ResultNow,",
                &format!("mission: ResultNow, {context}"),
            );
        Playbook::parse(&src, "mini.scenario.ron").map(Arc::new)
    }

    #[test]
    fn collection_costs_are_lawful_only_once_the_law_allows_them() {
        let ids: Vec<String> = ["ask", "info", "take", "thank"].map(String::from).to_vec();
        let plan = Some(Plan {
            amount: 75.0,
            count: 4,
            days: 10,
        });
        // The same path without the line about costs.
        let without = assess(&replay(&mini(), 1, &ids, plan).expect("plays"))
            .scores
            .compliance;
        let scored = |context: &str| {
            let book = mini_announcing_costs(context).expect("valid");
            assess(&replay(&book, 1, &ids, plan).expect("plays"))
        };
        for j in ["Nl", "Be"] {
            let lawful = scored(&format!("jurisdiction: {j}, reminder_sent: true,"));
            assert!(lawful
                .findings
                .iter()
                .any(|f| matches!(f.note, Note::CostsLawful(_)) && f.verdict == Verdict::Credit));
            assert_eq!(lawful.scores.compliance, without, "{j}");
            let early = scored(&format!("jurisdiction: {j}, reminder_sent: false,"));
            assert!(
                early
                    .findings
                    .iter()
                    .any(|f| matches!(f.note, Note::CostsTooEarly(Some(_))))
            );
            assert!(early.scores.compliance < 60, "{j}: {:?}", early.scores);
        }
        // A scenario that lets an option announce costs must say which law applies.
        let e = mini_announcing_costs("").expect_err("no jurisdiction");
        assert!(
            e.to_string()
                .contains("announces collection costs (AnnounceCosts), but the context names no `jurisdiction`"),
            "{e}"
        );
    }

    #[test]
    fn an_unaffordable_yes_caps_agreement() {
        // Filling in leaves the customer cornered (stress 60, trust 45): they say yes to 100 a month.
        let a = play(
            "ask,fill,bye",
            Some(Plan {
                amount: 100.0,
                count: 3,
                days: 3,
            }),
        );
        assert!(a.scores.agreement <= 30, "{:?}", a.scores);
        assert!(
            a.findings
                .iter()
                .any(|f| matches!(f.note, Note::PlanUnaffordable { .. }))
        );
    }

    #[test]
    fn taking_the_customers_counter_counts_as_solving_together() {
        let a = play(
            "ask,info,take,thank",
            Some(Plan {
                amount: 90.0,
                count: 4,
                days: 10,
            }),
        );
        assert!(a.findings.iter().any(|f| f.note == Note::PlanTogether));
        assert!(a.findings.iter().any(|f| f.note == Note::PlanAffordable));
    }

    #[test]
    fn a_plan_giving_the_claim_away_is_flagged() {
        let a = play(
            "ask,together,thank",
            Some(Plan {
                amount: 50.0,
                count: 2,
                days: 10,
            }),
        );
        assert!(
            a.findings
                .iter()
                .any(|f| matches!(f.note, Note::PlanGivesAway { .. }))
        );
        assert!(!a.findings.iter().any(|f| f.note == Note::PlanRealistic));
        assert!(
            a.scores.agreement <= 50,
            "a giveaway caps agreement at fair: {:?}",
            a.scores
        );
    }

    #[test]
    fn confirming_while_taking_the_counter_counts() {
        let a = play(
            "ask,info,thanks_counter,bye",
            Some(Plan {
                amount: 90.0,
                count: 4,
                days: 10,
            }),
        );
        assert!(
            a.findings.iter().any(|f| f.note == Note::Confirmed),
            "{:?}",
            a.findings
        );
        assert!(a.findings.iter().any(|f| f.note == Note::Appreciated));
    }

    #[test]
    fn waiving_the_debt_is_never_good_overall() {
        let a = play("waive", None);
        assert!(
            a.scores.agreement < 40 && a.scores.overall <= OVERALL_CAP,
            "{:?}",
            a.scores
        );
    }

    #[test]
    fn every_note_renders_in_both_languages() {
        let ids = |s: &str| s.split(',').map(str::to_string).collect::<Vec<_>>();
        let plan = |amount: f64, count: u32, days: u32| {
            Some(Plan {
                amount,
                count,
                days,
            })
        };
        let book = mini_with_cause();
        let paths = [
            ("ask,fill,push", plan(200.0, 1, 0)),
            ("ask,info,push", plan(100.0, 3, 10)),
            ("ask,together,thank_only", plan(25.0, 12, 10)),
            ("ask,together,take,thank", plan(100.0, 4, 10)),
            ("ask,info,take,thank", plan(60.0, 5, 10)),
            ("ask,fill,bye", plan(100.0, 3, 3)),
            ("threat", None),
            ("waive", None),
        ];
        let mut kinds = std::collections::HashSet::new();
        for (choices, plan) in paths {
            let a = assess(&replay(&book, 1, &ids(choices), plan).expect("plays"));
            for f in &a.findings {
                let (nl, en) = (f.explain(&book, Lang::Nl), f.explain(&book, Lang::En));
                assert!(!nl.is_empty() && !en.is_empty() && nl != en, "{f:?}");
                kinds.insert(std::mem::discriminant(&f.note));
            }
        }
        assert!(
            kinds.len() >= 28,
            "only {} kinds of note shown",
            kinds.len()
        );
    }

    /// The mini fixture with its reason fact a root cause, dealt with by the close `thank` and
    /// not by `thank_only` (the same words, less the follow-up).
    fn mini_with_cause() -> Arc<Playbook> {
        let src = include_str!("../../tests/fixtures/mini.scenario.ron")
            .replace(
                "reveal: (by: [OpenQuestion], trust: 40),",
                "reveal: (by: [OpenQuestion], trust: 40), cause: true,",
            )
            // Clear about what is owed, so that nothing but the cause stands between the plan
            // and a model agreement.
            .replace(
                "codes: [SeekCollaboration, OpenQuestion], trust: 5,",
                "codes: [SeekCollaboration, OpenQuestion, StateExpectation], trust: 5,",
            )
            .replace(
                "codes: [Appreciate, Summarize], next: \"done\"),",
                "codes: [Appreciate, Summarize], addresses: [\"reason\"], next: \"done\"),\n                (id: \"thank_only\", text: (nl: \"Dank u wel.\", en: \"Thank you.\"), codes: [Appreciate, Summarize], next: \"done\"),",
            );
        Arc::new(Playbook::parse(&src, "mini.scenario.ron").expect("valid fixture"))
    }

    #[test]
    fn a_root_cause_found_and_left_alone_keeps_the_agreement_below_excellent() {
        let book = mini_with_cause();
        let plan = Some(Plan {
            amount: 50.0,
            count: 6,
            days: 10,
        });
        let ids = |s: &str| s.split(',').map(str::to_string).collect::<Vec<_>>();
        let fixed = assess(&replay(&book, 1, &ids("ask,together,thank"), plan).expect("plays"));
        let left = assess(&replay(&book, 1, &ids("ask,together,thank_only"), plan).expect("plays"));
        assert!(
            fixed
                .findings
                .iter()
                .any(|f| f.note == Note::CauseAddressed(0))
        );
        assert_eq!(fixed.scores.agreement, 100, "{:?}", fixed.scores);
        assert!(left.findings.iter().any(|f| f.note == Note::CauseLeft(0)));
        assert!(
            (60..80).contains(&left.scores.agreement) && left.scores.overall < 80,
            "{:?}",
            left.scores
        );
        // A cause nobody can address, or an option addressing a fact that is no cause, is
        // reported by validation.
        let src = include_str!("../../tests/fixtures/mini.scenario.ron").replace(
            "reveal: (by: [OpenQuestion], trust: 40),",
            "reveal: (by: [OpenQuestion], trust: 40), cause: true,",
        );
        let e = Playbook::parse(&src, "mini.scenario.ron").expect_err("unaddressed");
        assert!(
            e.to_string()
                .contains("fact `reason` is a root cause (`cause: true`) that no option addresses"),
            "{e}"
        );
        let src = include_str!("../../tests/fixtures/mini.scenario.ron").replace(
            "codes: [Appreciate, Summarize], next: \"done\"),",
            "codes: [Appreciate, Summarize], addresses: [\"capacity\"], next: \"done\"),",
        );
        let e = Playbook::parse(&src, "mini.scenario.ron").expect_err("not a cause");
        assert!(
            e.to_string()
                .contains("addresses fact `capacity`, which is not a root cause"),
            "{e}"
        );
    }

    #[test]
    fn a_plan_longer_than_needed_or_asking_more_than_owed_is_named() {
        // 300 owed at 50 a month needs 6 instalments; 12 of 25 stretches it for nothing.
        let long = play(
            "ask,together,thank",
            Some(Plan {
                amount: 25.0,
                count: 12,
                days: 10,
            }),
        );
        assert!(long.findings.iter().any(|f| matches!(
            f.note,
            Note::PlanOverlong {
                count: 12,
                needed: 6
            }
        )));
        assert!(long.scores.agreement < 80, "{:?}", long.scores);
        // 4 × 100 for 300 owed asks for money that is not owed: misleading, whatever follows.
        let more = play(
            "ask,together,take,thank",
            Some(Plan {
                amount: 100.0,
                count: 4,
                days: 10,
            }),
        );
        assert!(
            more.findings
                .iter()
                .any(|f| matches!(f.note, Note::ProposedMoreThanOwed { .. }))
        );
        assert!(more.scores.compliance < 60, "{:?}", more.scores);
        // She said she can start in 10 days; a first payment in 3 is not listening, even when
        // her counter-offer rescues it.
        let early = play(
            "ask,together,take,thank",
            Some(Plan {
                amount: 50.0,
                count: 6,
                days: 3,
            }),
        );
        assert!(early.findings.iter().any(|f| matches!(
            f.note,
            Note::ProposedBeforeKnownStart { days: 3, start: 10 }
        )));
        assert!(
            early.scores.agreement < 80 && early.scores.empathy < 80,
            "{:?}",
            early.scores
        );
    }

    #[test]
    fn letting_the_customers_workable_counter_go_fails_the_call() {
        let a = play(
            "ask,info,push",
            Some(Plan {
                amount: 100.0,
                count: 3,
                days: 10,
            }),
        );
        assert!(a.findings.iter().any(|f| f.note == Note::CounterLeft));
        assert!(a.scores.overall < 60, "{:?}", a.scores);
    }

    #[test]
    fn a_sound_arrangement_without_a_breach_is_at_least_fair_overall() {
        // Nothing asked, a plan that happens to fit, no breach: a scripted call, fair.
        let a = play(
            "ask,info,bye",
            Some(Plan {
                amount: 50.0,
                count: 6,
                days: 10,
            }),
        );
        assert!(a.scores.overall >= FAIR_FLOOR, "{:?}", a.scores);
    }
}
