//! The score report of one playthrough: what `run --json` prints, what `explore` returns as
//! best and worst path, and the plain-text version people read in a terminal.

use crate::dialogue::{Conversation, Line, Speaker};
use crate::plan::Plan;
use crate::scenario::Fill;
use crate::scenario::{Ending, Mood};
use crate::score::miti::{Profile, Tier};
use crate::score::{Assessment, Band, Dimension, Scores, Verdict, assess};
use crate::text::Lang;
use crate::text::money;
use serde::Serialize;
use std::fmt::Write as _;

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub scenario: String,
    pub title: String,
    pub persona: String,
    pub archetype: String,
    pub seed: u64,
    /// The customer this run met: the truth and style drawn, their finances and facts.
    pub draw: DrawOut,
    pub lang: Lang,
    /// Option ids in order: what `run --choices` takes.
    pub choices: Vec<String>,
    /// The trainee's proposal, if the path had a negotiation: what `run --plan` takes.
    pub plan: Option<Plan>,
    /// The ending's key (`arrangement`, `hung_up`, …); `None` only for an unfinished
    /// conversation.
    #[serde(serialize_with = "ending_key")]
    pub ending: Option<Ending>,
    pub scores: Scores,
    /// Band of the overall score.
    pub band: Band,
    pub bands: Bands,
    pub findings: Vec<FindingOut>,
    /// The MITI profile: reflections to questions, complex reflections, MI-(non-)adherent.
    pub miti: MitiOut,
    /// The customer's mood at the end.
    pub mood: Mood,
    /// The plan both sides agreed to, if any.
    pub agreement: Option<AgreementOut>,
    /// Facts uncovered, with the trainee's note of each.
    pub facts: Vec<FactOut>,
    /// The scenario author's remarks on the options chosen.
    pub feedback: Vec<FeedbackOut>,
    pub transcript: Vec<Line>,
    /// What the customer felt at each turn (index 0 = turn 1), in the report's language.
    pub feels: Vec<String>,
}

/// The customer behind the scenario in this run, revealed after the conversation.
#[derive(Debug, Clone, Serialize)]
pub struct DrawOut {
    pub index: usize,
    /// How many draws the scenario has.
    pub count: usize,
    pub truth: String,
    pub style: &'static str,
    /// The style's name in the report's language.
    #[serde(skip)]
    pub style_label: String,
    /// What this style wants from a collector.
    pub style_wants: String,
    /// What was really going on.
    pub situation: String,
    pub finances: crate::plan::Finances,
    /// Every fact this customer had, uncovered or not.
    pub facts: Vec<DrawFact>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DrawFact {
    pub id: String,
    pub kind: crate::scenario::FactKind,
    pub note: String,
    pub uncovered: bool,
}

impl DrawOut {
    pub fn of(conv: &Conversation, lang: Lang) -> DrawOut {
        let book = conv.book();
        let s = &book.scenario;
        let fill = Fill {
            scenario: s,
            plan: None,
        };
        let d = book.draw();
        DrawOut {
            index: d.index,
            count: d.count,
            truth: d.truth.clone(),
            style: d.style.key(),
            style_label: d.style.label().get(lang).to_string(),
            style_wants: d.style.wants().get(lang).to_string(),
            situation: fill.text(&s.persona.situation, lang),
            finances: s.persona.finances,
            facts: s
                .persona
                .facts
                .iter()
                .enumerate()
                .map(|(i, f)| DrawFact {
                    id: f.id.clone(),
                    kind: f.kind,
                    note: fill.text(&f.note, lang),
                    uncovered: conv.known() & (1 << i) != 0,
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Bands {
    pub empathy: Band,
    pub fact_gathering: Band,
    pub agreement: Band,
    pub compliance: Band,
}

/// The MITI profile with each summary against its thresholds.
#[derive(Debug, Clone, Serialize)]
pub struct MitiOut {
    #[serde(flatten)]
    pub counts: Profile,
    /// Reflections per question (`null` without questions).
    pub reflection_to_question: Option<f64>,
    pub reflection_to_question_tier: Tier,
    /// Complex reflections as a share of reflections (`null` without reflections).
    pub complex_share: Option<f64>,
    pub complex_tier: Tier,
}

impl From<Profile> for MitiOut {
    fn from(p: Profile) -> MitiOut {
        MitiOut {
            reflection_to_question: p.ratio(),
            reflection_to_question_tier: p.ratio_tier(),
            complex_share: p.complex_share(),
            complex_tier: p.complex_tier(),
            counts: p,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct FindingOut {
    pub turn: usize,
    pub principle: &'static str,
    pub principle_title: String,
    pub verdict: Verdict,
    pub dimension: Dimension,
    pub points: i32,
    pub note: String,
    /// The finding the words came from (what the store keeps).
    #[serde(skip)]
    pub typed: crate::score::Finding,
}

#[derive(Debug, Clone, Serialize)]
pub struct AgreementOut {
    pub amount: f64,
    pub count: u32,
    pub days: u32,
    pub total: f64,
    pub affordable: bool,
    /// `trainee` (their proposal accepted) or `customer` (the counter-offer taken).
    pub proposed_by: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct FactOut {
    pub id: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FeedbackOut {
    pub turn: usize,
    pub choice: String,
    pub text: String,
}

impl Report {
    /// Scores `conv` and builds its report in `lang`.
    pub fn new(conv: &Conversation, lang: Lang) -> Report {
        Report::from_assessment(conv, &assess(conv), lang)
    }

    pub fn from_assessment(conv: &Conversation, a: &Assessment, lang: Lang) -> Report {
        let book = conv.book();
        let s = &book.scenario;
        let fill = Fill {
            scenario: s,
            plan: None,
        };
        let f = &s.persona.finances;
        let findings = a
            .findings
            .iter()
            .map(|x| FindingOut {
                turn: x.turn,
                principle: x.principle.key(),
                principle_title: x.principle.title().get(lang).to_string(),
                verdict: x.verdict,
                dimension: x.dimension,
                points: x.points,
                note: x.explain(book, lang),
                typed: *x,
            })
            .collect();
        let facts = s
            .persona
            .facts
            .iter()
            .enumerate()
            .filter(|(i, _)| conv.known() & (1 << i) != 0)
            .map(|(_, fact)| FactOut {
                id: fact.id.clone(),
                note: fill.text(&fact.note, lang),
            })
            .collect();
        let feedback = conv
            .turns()
            .iter()
            .filter_map(|t| {
                let id = conv.option_id(t)?;
                let fb = match (t.act, t.node) {
                    (crate::dialogue::Act::Choice(i), Some(n)) => {
                        s.nodes[n].options[i].feedback.as_ref()
                    }
                    (crate::dialogue::Act::Channel(i), _) => {
                        s.context.channel_choice.as_ref()?.options[i]
                            .feedback
                            .as_ref()
                    }
                    _ => None,
                }?;
                Some(FeedbackOut {
                    turn: t.number,
                    choice: id.to_string(),
                    text: fill.text(fb, lang),
                })
            })
            .collect();
        let agreement = conv.agreed().map(|p| AgreementOut {
            amount: p.amount,
            count: p.count,
            days: p.days,
            total: p.total(),
            affordable: f.affords(&p),
            proposed_by: if conv.proposal() == Some(p) {
                "trainee"
            } else {
                "customer"
            },
        });
        let sc = a.scores;
        Report {
            scenario: s.id.clone(),
            title: s.title.get(lang).to_string(),
            persona: s.persona.name.clone(),
            archetype: s.persona.archetype.label().to_string(),
            seed: conv.seed(),
            draw: DrawOut::of(conv, lang),
            lang,
            choices: conv.choice_ids(),
            plan: conv.proposal(),
            ending: conv.ending(),
            scores: sc,
            band: Band::of(sc.overall),
            bands: Bands {
                empathy: Band::of(sc.empathy),
                fact_gathering: Band::of(sc.fact_gathering),
                agreement: Band::of(sc.agreement),
                compliance: Band::of(sc.compliance),
            },
            findings,
            miti: Profile::of(conv).into(),
            mood: conv.mood(),
            agreement,
            facts,
            feedback,
            transcript: conv.transcript(lang),
            feels: conv
                .turns()
                .iter()
                .map(|t| crate::score::feel::inner(conv, t).get(lang).to_string())
                .collect(),
        }
    }

    /// The command that reproduces this report.
    pub fn command(&self) -> String {
        let mut cmd = format!("collector-dojo run {} --seed {}", self.scenario, self.seed);
        if self.draw.count > 1 {
            let _ = write!(cmd, " --draw {}", self.draw.index);
        }
        if !self.choices.is_empty() {
            let _ = write!(cmd, " --choices {}", self.choices.join(","));
        }
        if let Some(p) = self.plan {
            let _ = write!(cmd, " --plan {p}");
        }
        cmd
    }

    /// The report for people: transcript, scores, findings.
    pub fn to_text(&self) -> String {
        let lang = self.lang;
        let l = |nl: &'static str, en: &'static str| lang.pick(nl, en);
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} — {} ({}) · seed {}",
            self.title, self.persona, self.archetype, self.seed
        );
        let _ = writeln!(out, "\n== {} ==", l("Gesprek", "Conversation"));
        for (i, line) in self.transcript.iter().enumerate() {
            let who = match line.speaker {
                Speaker::Customer => self
                    .persona
                    .split_whitespace()
                    .next()
                    .unwrap_or("Klant")
                    .to_string(),
                Speaker::Trainee => l("Jij", "You").to_string(),
                Speaker::Narrator => String::new(),
            };
            if who.is_empty() {
                let _ = writeln!(out, "[{:>2}] {}", line.turn, line.text);
            } else {
                let _ = writeln!(out, "[{:>2}] {who}: {}", line.turn, line.text);
            }
            // What the customer felt, after the turn's last line.
            let turn_ends = self
                .transcript
                .get(i + 1)
                .is_none_or(|n| n.turn != line.turn);
            if let (true, Some(f)) = (
                turn_ends,
                line.turn.checked_sub(1).and_then(|k| self.feels.get(k)),
            ) {
                let _ = writeln!(out, "     ~ {f}");
            }
        }
        if let Some(a) = &self.agreement {
            let _ = writeln!(
                out,
                "\n{}: {} × {} ({}), {} {} {}{}",
                l("Afspraak", "Agreement"),
                a.count,
                money(a.amount, self.lang),
                money(a.total, self.lang),
                l("eerste betaling over", "first payment in"),
                a.days,
                l("dagen", "days"),
                if a.affordable {
                    ""
                } else {
                    l(" — onhaalbaar", " — unaffordable")
                }
            );
        }
        let _ = writeln!(out, "\n== {} ==", l("Score", "Score"));
        let rows = Dimension::ALL
            .map(|d| (d.label(), self.scores.get(d)))
            .into_iter()
            .chain([(crate::score::overall_label(), self.scores.overall)]);
        for (name, v) in rows {
            let name = name.get(self.lang);
            let bar: String = (0..20)
                .map(|i| if i < usize::from(v) / 5 { '█' } else { '·' })
                .collect();
            let _ = writeln!(
                out,
                "{name:<20} {v:>3}  {bar}  {}",
                Band::of(v).label().get(self.lang)
            );
        }
        let _ = writeln!(
            out,
            "{}: {} {}, stress {}",
            l("Stemming aan het eind", "Mood at the end"),
            l("vertrouwen", "trust"),
            self.mood.trust,
            self.mood.stress
        );
        let _ = writeln!(out, "MITI: {}", self.miti.counts.describe(self.lang));
        let d = &self.draw;
        let _ = writeln!(
            out,
            "\n== {} ==",
            l("Wie je aan de lijn had", "Who you were talking to")
        );
        if d.count > 1 {
            let _ = writeln!(
                out,
                "{} {} {} {} ({})",
                l("Trekking", "Draw"),
                d.index,
                l("van", "of"),
                d.count,
                d.truth
            );
        }
        let _ = writeln!(
            out,
            "{}: {} ({})",
            l("Stijl", "Style"),
            d.style_label,
            d.style_wants
        );
        let _ = writeln!(out, "{}", d.situation);
        let f = &d.finances;
        let _ = writeln!(
            out,
            "{}: {} {}, {} {}, {} {} {} {} {}",
            l("Financiën", "Finances"),
            l("inkomen", "income"),
            money(f.monthly_income, lang),
            l("vaste lasten", "fixed costs"),
            money(f.fixed_costs, lang),
            l("kan", "can pay"),
            money(f.can_pay_monthly, lang),
            l("per maand vanaf dag", "a month from day"),
            f.can_start_in_days,
            if f.disputed > 0.0 {
                format!("({} {})", l("betwist", "disputed"), money(f.disputed, lang))
            } else {
                String::new()
            }
        );
        for fact in &d.facts {
            let _ = writeln!(
                out,
                "  {} {}",
                if fact.uncovered { '✓' } else { '·' },
                fact.note
            );
        }
        let _ = writeln!(out, "\n== {} ==", l("Bevindingen", "Findings"));
        for f in &self.findings {
            let mark = match f.verdict {
                Verdict::Credit => '+',
                Verdict::Debit => '−',
            };
            let _ = writeln!(
                out,
                "{} {} {:>2}  [{}] {}",
                mark,
                l("beurt", "turn"),
                f.turn,
                f.principle_title,
                f.note
            );
        }
        if !self.feedback.is_empty() {
            let _ = writeln!(
                out,
                "\n== {} ==",
                l("Opmerkingen van de auteur", "Author's remarks")
            );
            for fb in &self.feedback {
                let _ = writeln!(
                    out,
                    "{} {:>2} ({}): {}",
                    l("beurt", "turn"),
                    fb.turn,
                    fb.choice,
                    fb.text
                );
            }
        }
        out
    }
}

fn ending_key<S: serde::Serializer>(e: &Option<Ending>, s: S) -> Result<S::Ok, S::Error> {
    match e {
        Some(e) => s.serialize_str(e.key()),
        None => s.serialize_none(),
    }
}
