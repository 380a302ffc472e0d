//! The rubric: one set of rules for every scenario, from behaviour codes, facts uncovered and
//! the outcome to four dimension scores and a list of explained findings.
//!
//! Options never carry points; the numbers live here and in [`rules`] and [`agreement`],
//! once, and the README's "How a score is made" section documents them. Change one and the
//! README must change with it. [`notes`] turns findings into words; [`channel`] is 3x M.

mod agreement;
mod channel;
pub mod law;
pub mod miti;
mod notes;
mod rules;

pub use channel::{Fit, channel_fit};
pub use notes::{Note, code_note};

use crate::dialogue::{Act, Conversation};
use crate::scenario::{Code, Ending, FactKind, Principle};
use crate::text::Text;
use agreement::AgreementInput;
use rules::{
    Sheet, clamp, code_rule, codes_of, fact_bits, filling_in, relational, roadblock, slip_points,
};
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

/// A scored conversation.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub scores: Scores,
    pub findings: Vec<Finding>,
}

// The rubric's numbers. README "How a score is made" documents each.
const RELATIONAL_TARGET: f64 = 0.5;
/// Announcing collection costs before the law allows them: misleading about costs.
const COSTS_TOO_EARLY: i32 = -35;
/// A poor channel for the mission weighs half a roadblock turn.
const POOR_CHANNEL: f64 = 0.5;
const FACT_SHARE: f64 = 70.0;
const FACT_QUESTIONS: f64 = 30.0;
const QUESTIONS_TARGET: f64 = 3.0;
/// A compliance breach, or giving the claim away, caps the overall score below "good".
const OVERALL_CAP: u8 = 59;
/// A slip against the principles keeps its dimension and the overall score below "excellent".
const GOOD_CAP: u8 = 79;
/// Intimidation, a false legal threat or disclosure to others: compliance "needs work".
const NEEDS_WORK_CAP: u8 = 39;

/// Scores a conversation (finished or not; an unfinished one is scored as it stands).
pub fn assess(conv: &Conversation) -> Assessment {
    use Dimension::*;
    use Verdict::*;
    let book = conv.book();
    let s = &book.scenario;
    let archetype = s.persona.archetype;
    let turns = conv.turns();
    let last = turns.len().max(1);
    let mut sheet = Sheet {
        findings: Vec::with_capacity(48),
    };
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

    // The length of the conversation a slip is a share of.
    let n = turns
        .iter()
        .filter(|t| matches!(t.act, Act::Choice(_)))
        .count();
    let mut poor_channel = false;

    // Per turn: codes, probes, facts.
    let (mut choice_turns, mut relational_sum) = (0usize, 0.0f64);
    let (mut open_q, mut closed_q, mut reflections) = (0usize, 0usize, 0usize);
    let mut expectation = false;
    let mut together_before_plan = false;
    let mut proposed = false;
    let mut agreed_turn: Option<usize> = None;
    for t in turns {
        match t.act {
            Act::Channel(i) => {
                if let Some(cc) = &s.context.channel_choice {
                    let ch = cc.options[i].channel;
                    let fit = channel_fit(s.context.mission, ch);
                    let (v, p) = match fit {
                        Fit::Good => (Credit, 0),
                        Fit::Ok => (Credit, 0),
                        Fit::Poor => (Debit, slip_points(POOR_CHANNEL, n)),
                    };
                    poor_channel |= fit == Fit::Poor;
                    sheet.add(
                        t.number,
                        Principle::ThreeM,
                        Empathy,
                        p,
                        v,
                        Note::Channel(ch, fit),
                    );
                    if s.context.preferred_channel == Some(ch) {
                        sheet.add(
                            t.number,
                            Principle::ThreeM,
                            Empathy,
                            0,
                            Credit,
                            Note::PreferredChannel(ch),
                        );
                    }
                }
            }
            Act::Choice(_) => {
                choice_turns += 1;
                let codes = codes_of(book, t);
                let mut r = 0.0;
                // One turn spoils at most one turn's share of each dimension, however many
                // slips it holds.
                let (mut spent_empathy, mut spent_facts) = (0.0f64, 0.0f64);
                let share = |spent: &mut f64, w: f64| {
                    let w = w.min(1.0 - *spent).max(0.0);
                    *spent += w;
                    slip_points(w, n)
                };
                for &code in codes {
                    r += relational(code);
                    match code {
                        Code::OpenQuestion => open_q += 1,
                        Code::ClosedQuestion => closed_q += 1,
                        // MITI counts a summary as a (complex) reflection.
                        Code::Reflection | Code::ComplexReflection | Code::Summarize => {
                            reflections += 1
                        }
                        Code::StateExpectation | Code::GiveInformation => expectation = true,
                        Code::SeekCollaboration | Code::EmphasizeAutonomy if !proposed => {
                            together_before_plan = true
                        }
                        _ => {}
                    }
                    if code == Code::AnnounceCosts {
                        match law::costs(&s.context) {
                            law::Costs::Allowed(j) => sheet.add(
                                t.number,
                                Principle::HardOnContent,
                                Agreement,
                                0,
                                Credit,
                                Note::CostsLawful(j),
                            ),
                            law::Costs::TooEarly(j) => sheet.add(
                                t.number,
                                Principle::FairTreatment,
                                Compliance,
                                COSTS_TOO_EARLY,
                                Debit,
                                Note::CostsTooEarly(Some(j)),
                            ),
                            law::Costs::Unknown => sheet.add(
                                t.number,
                                Principle::FairTreatment,
                                Compliance,
                                COSTS_TOO_EARLY,
                                Debit,
                                Note::CostsTooEarly(None),
                            ),
                        }
                        continue;
                    }
                    if code == Code::Refer {
                        if t.known_before & situation_bits == 0 {
                            sheet.add(
                                t.number,
                                Principle::Oma,
                                Empathy,
                                share(&mut spent_empathy, roadblock(Code::PrematureAdvice)),
                                Debit,
                                Note::ReferTooEarly,
                            );
                        } else {
                            sheet.add(
                                t.number,
                                Principle::AffordablePlan,
                                Agreement,
                                0,
                                Credit,
                                Note::ReferAfterFacts,
                            );
                        }
                        continue;
                    }
                    let (principle, dim, verdict, points) = code_rule(code, archetype);
                    // A slip on connection or asking costs its share of the conversation.
                    let points = match (dim, verdict) {
                        (Empathy, Debit) => share(&mut spent_empathy, roadblock(code)),
                        (FactGathering, Debit) => share(&mut spent_facts, filling_in(code)),
                        _ => points,
                    };
                    sheet.add(t.number, principle, dim, points, verdict, Note::Code(code));
                    // A threat is felt before it is illegal: it breaks the connection too.
                    if dim == Compliance && roadblock(code) > 0.0 {
                        sheet.add(
                            t.number,
                            Principle::LowerTheThreat,
                            Empathy,
                            share(&mut spent_empathy, roadblock(code)),
                            Debit,
                            Note::Code(code),
                        );
                    }
                }
                relational_sum += r.min(1.0);
                for (fi, f) in s.persona.facts.iter().enumerate() {
                    let bit = 1u64 << fi;
                    if t.revealed & bit != 0 {
                        sheet.add(
                            t.number,
                            Principle::Anna,
                            FactGathering,
                            0,
                            Credit,
                            Note::FactUncovered(fi),
                        );
                    } else if t.missed & bit != 0 {
                        let right_kind = f.reveal.by.iter().any(|c| codes.contains(c));
                        let note = if right_kind {
                            Note::ProbeTooEarly(fi)
                        } else {
                            Note::ProbeWrongKind(fi)
                        };
                        let principle = if right_kind {
                            Principle::Connect
                        } else {
                            Principle::Anna
                        };
                        sheet.add(t.number, principle, FactGathering, 0, Debit, note);
                    }
                }
            }
            Act::Proposal { response, .. } => {
                // Naming an amount before asking what the customer can pay is filling in for
                // them (NIVEA), whatever they answer.
                if !proposed && t.known_before & capacity_bits == 0 {
                    sheet.add(
                        t.number,
                        Principle::Nivea,
                        FactGathering,
                        slip_points(filling_in(Code::FillIn), n),
                        Debit,
                        Note::ProposedBlind,
                    );
                }
                proposed = true;
                if response == crate::dialogue::Response::Accept && agreed_turn.is_none() {
                    agreed_turn = Some(t.number);
                }
            }
        }
    }
    // An accepted counter is agreed at the turn that took it.
    if agreed_turn.is_none() && conv.agreed().is_some() {
        agreed_turn = turns
            .iter()
            .find(|t| matches!(t.act, Act::Choice(i) if t.node.is_some_and(|n| book.node(n).options[i].plan == crate::scenario::PlanAction::AcceptCounter)))
            .map(|t| t.number);
    }

    // Empathy.
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
        sheet.add(
            last,
            Principle::Connect,
            Empathy,
            -5,
            Debit,
            Note::ReflectionRatio {
                reflections,
                questions,
            },
        );
    }
    // What the trainee did, not how the customer happened to feel: the mood is no input.
    let connect = if choice_turns == 0 {
        0.0
    } else {
        (relational_sum / (RELATIONAL_TARGET * choice_turns as f64)).min(1.0)
    };
    let empathy = clamp(100.0 * connect + sheet.sum(Empathy));

    // Fact-gathering.
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
    let fact_gathering =
        clamp(FACT_SHARE * share + FACT_QUESTIONS * asked + sheet.sum(FactGathering));

    // Agreement.
    let input = AgreementInput {
        ending: conv.ending(),
        agreed_turn,
        expectation,
        together_before_plan,
        capacity_bits,
        situation_bits,
    };
    let agreement = agreement::agreement(conv, &mut sheet, input);
    // An agreement with anything missing or wrong (not confirmed, not made together, too
    // long, …) is not a model one.
    let agreement_slip = sheet
        .findings
        .iter()
        .any(|f| f.dimension == Agreement && f.verdict == Debit);
    let agreement = if agreement_slip {
        agreement.min(GOOD_CAP)
    } else {
        agreement
    };

    // Compliance: any breach keeps it below good; intimidation, a false legal threat or telling
    // others about the debt puts it in needs work, whatever else went well.
    let breach = sheet
        .findings
        .iter()
        .any(|f| f.dimension == Compliance && f.verdict == Debit);
    let grave = sheet.findings.iter().any(|f| {
        f.dimension == Compliance
            && matches!(
                f.note,
                Note::Code(Code::Threaten | Code::FalseThreat | Code::ThirdParty)
            )
    });
    let compliance = clamp(100.0 + sheet.sum(Compliance)).min(match (grave, breach) {
        (true, _) => NEEDS_WORK_CAP,
        (false, true) => OVERALL_CAP,
        (false, false) => 100,
    });
    // No ceiling: a slip against the principles (a roadblock, a threat felt, assuming or filling
    // in) keeps its dimension, and the call, below excellent however well the rest went; so does
    // a poor channel for the mission (3x M). A repaired call is good, not a model.
    let slipped = |d: Dimension| {
        sheet
            .findings
            .iter()
            .any(|f| f.dimension == d && f.verdict == Debit && f.points < 0)
    };
    let facts_missed = sheet
        .findings
        .iter()
        .any(|f| matches!(f.note, Note::FactMissed(_)));
    let (empathy_slip, facts_slip) = (slipped(Empathy), slipped(FactGathering) || facts_missed);
    let empathy = if empathy_slip {
        empathy.min(GOOD_CAP)
    } else {
        empathy
    };
    let fact_gathering = if facts_slip {
        fact_gathering.min(GOOD_CAP)
    } else {
        fact_gathering
    };
    // Giving the claim away is capitulation, not connection (a plan that gives part of it away
    // caps agreement instead).
    let gave_away = conv.ending() == Some(Ending::DebtWaived)
        || sheet
            .findings
            .iter()
            .any(|f| f.note == Note::Code(Code::Capitulate));
    let weighted = 0.30 * f64::from(empathy)
        + 0.25 * f64::from(fact_gathering)
        + 0.30 * f64::from(agreement)
        + 0.15 * f64::from(compliance);
    let mut overall = clamp(weighted);
    if empathy_slip || facts_slip || agreement_slip || poor_channel {
        overall = overall.min(GOOD_CAP);
    }
    if breach || gave_away {
        overall = overall.min(OVERALL_CAP);
    }
    let mut findings = sheet.findings;
    findings.sort_by_key(|f| f.turn);
    Assessment {
        scores: Scores {
            empathy,
            fact_gathering,
            agreement,
            compliance,
            overall,
        },
        findings,
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
        let plan = Some(Plan {
            amount: 100.0,
            count: 3,
            days: 10,
        });
        let ids = |s: &str| s.split(',').map(str::to_string).collect::<Vec<_>>();
        // Stress 60 after the opening question: cornered, she says yes to what she cannot pay.
        let yes = replay(&mini_with_mood(30, 70), 1, &ids("ask,info,thank"), plan).expect("plays");
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
            y.agreement.abs_diff(c.agreement) < 15 && c.agreement <= 40,
            "the same guess: {y:?} vs {c:?}"
        );
        assert!(
            assess(&counter)
                .findings
                .iter()
                .any(|f| f.note == Note::ProposedBlind && f.points < 0),
            "the guess is named where it happened"
        );
    }

    #[test]
    fn any_breach_keeps_compliance_below_good_and_a_threat_in_needs_work() {
        let plan = Some(Plan {
            amount: 50.0,
            count: 6,
            days: 10,
        });
        // Pressure ("a hundred must be possible"): a breach.
        assert!(play("ask,fill,thank", plan).scores.compliance < 60);
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
            amount: 90.0,
            count: 4,
            days: 10,
        });
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
            assert_eq!(lawful.scores.compliance, 100, "{j}");
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
        let a = play(
            "ask,fill,push",
            Some(Plan {
                amount: 200.0,
                count: 1,
                days: 0,
            }),
        );
        let book = mini();
        for f in &a.findings {
            let (nl, en) = (f.explain(&book, Lang::Nl), f.explain(&book, Lang::En));
            assert!(!nl.is_empty() && !en.is_empty() && nl != en, "{f:?}");
        }
    }
}
