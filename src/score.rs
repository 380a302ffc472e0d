//! The rubric: one set of rules for every scenario, from behaviour codes, facts uncovered, mood
//! and outcome to four dimension scores and a list of explained findings.
//!
//! Options never carry points; the numbers live here, once, and the README's "How a score is
//! made" section documents them. Change one and the README must change with it.

use crate::dialogue::{Act, Conversation, Turn};
use crate::render::{Fill, Plan, money};
use crate::scenario::{Archetype, Channel, Code, Ending, FactKind, Mission, Playbook, Principle};
use crate::text::{Lang, Text};
use serde::Serialize;

/// The four scored dimensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Empathy,
    FactGathering,
    Agreement,
    Compliance,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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

/// How well a channel fits a mission (3x M).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fit {
    Good,
    Ok,
    Poor,
}

/// The 3x M table: mission × channel.
pub fn channel_fit(mission: Mission, channel: Channel) -> Fit {
    use Channel::*;
    use Fit::*;
    match (mission, channel) {
        (Mission::FirstReminder, Sms | Email | Letter) => Good,
        (Mission::FirstReminder, Phone | VoiceMessage) => Ok,
        (Mission::ResultNow, Phone) => Good,
        (Mission::ResultNow, Visit) => Ok,
        (Mission::KeyAccount, Visit) => Good,
        (Mission::KeyAccount, Phone) => Ok,
        (Mission::ManyCustomers, Sms | VoiceMessage) => Good,
        (Mission::ManyCustomers, Phone | Email | Letter) => Ok,
        (Mission::Complaint, Phone) => Good,
        (Mission::Complaint, Visit) => Ok,
        (Mission::Service, Phone | Sms) => Good,
        (Mission::Service, Email | Letter | VoiceMessage) => Ok,
        _ => Poor,
    }
}

/// What a finding says; rendered into words by [`Finding::note`].
#[derive(Debug, Clone, Copy, PartialEq)]
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
    /// Proposed more than the customer had said they could pay.
    ProposedAboveKnownCapacity {
        amount: f64,
        capacity: f64,
    },
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
const EMPATHY_CONNECT: f64 = 65.0;
const EMPATHY_TRUST: f64 = 35.0;
const FACT_SHARE: f64 = 70.0;
const FACT_QUESTIONS: f64 = 30.0;
const QUESTIONS_TARGET: f64 = 3.0;
/// A compliance breach, or giving the claim away, caps the overall score below "good".
const OVERALL_CAP: u8 = 59;

/// Connecting weight of a code (MITI relational behaviours), per turn capped at 1.
fn relational(code: Code) -> f64 {
    match code {
        Code::ComplexReflection => 1.0,
        Code::Acknowledge => 0.8,
        Code::Reflection | Code::Affirm | Code::Summarize | Code::EmphasizeAutonomy => 0.6,
        Code::Appreciate => 0.5,
        Code::SeekCollaboration => 0.4,
        _ => 0.0,
    }
}

/// The fixed meaning of a code: principle, dimension, verdict and points.
fn code_rule(code: Code, archetype: Archetype) -> (Principle, Dimension, Verdict, i32) {
    use Dimension::*;
    use Verdict::*;
    let complaint = matches!(archetype, Archetype::Dispute | Archetype::TwitterComplaint);
    match code {
        Code::OpenQuestion => (Principle::Anna, FactGathering, Credit, 0),
        Code::ClosedQuestion => (Principle::Anna, FactGathering, Credit, 0),
        Code::Reflection | Code::ComplexReflection | Code::Affirm | Code::Summarize => {
            (Principle::Connect, Empathy, Credit, 0)
        }
        Code::SeekCollaboration | Code::EmphasizeAutonomy => {
            (Principle::SolveTogether, Empathy, Credit, 0)
        }
        Code::Acknowledge if complaint => (Principle::PublicComplaint, Empathy, Credit, 0),
        Code::Acknowledge => (Principle::Connect, Empathy, Credit, 0),
        Code::Appreciate => (Principle::Appreciation, Empathy, Credit, 0),
        Code::GiveInformation | Code::StateExpectation | Code::Confirm => {
            (Principle::HardOnContent, Agreement, Credit, 0)
        }
        Code::Refer => (Principle::AffordablePlan, Agreement, Credit, 0),
        Code::Judge => (Principle::Oma, Empathy, Debit, -12),
        Code::Opinion => (Principle::Oma, Empathy, Debit, -8),
        Code::PrematureAdvice => (Principle::Oma, Empathy, Debit, -8),
        Code::Assume => (Principle::Anna, FactGathering, Debit, -12),
        Code::FillIn => (Principle::Nivea, FactGathering, Debit, -12),
        Code::Accuse => (Principle::HardOnContent, Empathy, Debit, -12),
        Code::Irritation => (Principle::GenuineEmpathy, Empathy, Debit, -12),
        Code::Boilerplate => (Principle::CustomerNotDebtor, Empathy, Debit, -6),
        Code::Dismiss if complaint => (Principle::PublicComplaint, Empathy, Debit, -10),
        Code::Dismiss => (Principle::Connect, Empathy, Debit, -10),
        Code::Capitulate => (Principle::DontOvershoot, Agreement, Debit, -25),
        Code::Threaten => (Principle::FairTreatment, Compliance, Debit, -30),
        Code::FalseThreat => (Principle::FairTreatment, Compliance, Debit, -45),
        Code::Pressure => (Principle::FairTreatment, Compliance, Debit, -20),
        Code::ThirdParty => (Principle::FairTreatment, Compliance, Debit, -45),
        Code::Misleading => (Principle::FairTreatment, Compliance, Debit, -35),
    }
}

/// What a compliance breach also costs empathy (a threat is felt before it is illegal).
fn empathy_side_effect(code: Code) -> i32 {
    match code {
        Code::Threaten => -15,
        Code::FalseThreat => -10,
        Code::Pressure | Code::ThirdParty | Code::Misleading => -5,
        _ => 0,
    }
}

fn clamp(x: f64) -> u8 {
    x.round().clamp(0.0, 100.0) as u8
}

struct Sheet {
    findings: Vec<Finding>,
}

impl Sheet {
    fn add(
        &mut self,
        turn: usize,
        principle: Principle,
        dimension: Dimension,
        points: i32,
        verdict: Verdict,
        note: Note,
    ) {
        self.findings.push(Finding {
            turn,
            principle,
            verdict,
            dimension,
            points,
            note,
        });
    }
    fn sum(&self, d: Dimension) -> f64 {
        self.findings
            .iter()
            .filter(|f| f.dimension == d)
            .map(|f| f64::from(f.points))
            .sum()
    }
}

fn fact_bits(book: &Playbook, kinds: &[FactKind]) -> u64 {
    book.scenario
        .persona
        .facts
        .iter()
        .enumerate()
        .filter(|(_, f)| kinds.contains(&f.kind))
        .fold(0, |acc, (i, _)| acc | (1 << i))
}

fn codes_of<'a>(book: &'a Playbook, t: &Turn) -> &'a [Code] {
    match (t.act, t.node) {
        (Act::Choice(i), Some(n)) => &book.node(n).options[i].codes,
        _ => &[],
    }
}

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
                        Fit::Poor => (Debit, -10),
                    };
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
                    if code == Code::Refer {
                        if t.known_before & situation_bits == 0 {
                            sheet.add(
                                t.number,
                                Principle::Oma,
                                Empathy,
                                -8,
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
                    sheet.add(t.number, principle, dim, points, verdict, Note::Code(code));
                    let side = empathy_side_effect(code);
                    if side != 0 {
                        sheet.add(
                            t.number,
                            Principle::LowerTheThreat,
                            Empathy,
                            side,
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
    let delta = conv.mood().trust - s.persona.mood.trust;
    sheet.add(
        last,
        Principle::Connect,
        Empathy,
        0,
        if delta > 0 { Credit } else { Debit },
        Note::TrustChange(delta),
    );
    let connect = if choice_turns == 0 {
        0.0
    } else {
        (relational_sum / (RELATIONAL_TARGET * choice_turns as f64)).min(1.0)
    };
    let trust = ((f64::from(delta) + 10.0) / 40.0).clamp(0.0, 1.0);
    let empathy = clamp(EMPATHY_CONNECT * connect + EMPATHY_TRUST * trust + sheet.sum(Empathy));

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
    let agreement = agreement(conv, &mut sheet, input);

    // Compliance.
    let compliance = clamp(100.0 + sheet.sum(Compliance));
    let breach = sheet
        .findings
        .iter()
        .any(|f| f.dimension == Compliance && f.verdict == Debit);
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

/// Points a plan earns: affordable, realistic for the company, made together, based on facts.
struct PlanWeights {
    affordable: i32,
    realistic: i32,
    together: i32,
    facts: i32,
}

const ARRANGEMENT_PLAN: PlanWeights = PlanWeights {
    affordable: 25,
    realistic: 15,
    together: 10,
    facts: 5,
};
const DISPUTE_PLAN: PlanWeights = PlanWeights {
    affordable: 15,
    realistic: 10,
    together: 5,
    facts: 5,
};

struct AgreementInput {
    ending: Option<Ending>,
    agreed_turn: Option<usize>,
    expectation: bool,
    together_before_plan: bool,
    capacity_bits: u64,
    situation_bits: u64,
}

/// Agreement quality: the sum of its findings' points, capped by the kind of ending.
fn agreement(conv: &Conversation, sheet: &mut Sheet, input: AgreementInput) -> u8 {
    use Dimension::Agreement as A;
    use Verdict::*;
    let AgreementInput {
        ending,
        agreed_turn,
        expectation,
        together_before_plan,
        capacity_bits,
        situation_bits,
    } = input;
    let book = conv.book();
    let s = &book.scenario;
    let f = &s.persona.finances;
    let turns = conv.turns();
    let last = turns.len().max(1);
    // From the agreement on: the option that takes a counter-offer may itself confirm it.
    let after = |t: &Turn, code: Code| {
        agreed_turn.is_some_and(|a| t.number >= a) && codes_of(book, t).contains(&code)
    };
    let confirmed = turns
        .iter()
        .any(|t| after(t, Code::Confirm) || after(t, Code::Summarize));
    let appreciated = turns.iter().any(|t| after(t, Code::Appreciate));
    let acknowledged = turns
        .iter()
        .any(|t| codes_of(book, t).contains(&Code::Acknowledge));
    let proposal_turn = turns.iter().find(|t| matches!(t.act, Act::Proposal { .. }));
    let negotiation = proposal_turn
        .and_then(|t| t.node)
        .and_then(|n| book.node(n).negotiate.as_ref());
    let mut cap = 100.0;

    // The plan itself; returns the cap it puts on agreement: 30 for a promise that will
    // break, 50 for a plan that gives part of the claim away.
    let plan_points = |sheet: &mut Sheet, p: Plan, owe: f64, w: &PlanWeights| -> f64 {
        let turn = agreed_turn.unwrap_or(last);
        let affordable = crate::dialogue::affordable(f, &p);
        if affordable {
            sheet.add(
                turn,
                Principle::AffordablePlan,
                A,
                w.affordable,
                Credit,
                Note::PlanAffordable,
            );
        } else {
            let note = Note::PlanUnaffordable {
                amount: p.amount,
                capacity: f.can_pay_monthly,
                days: p.days,
                start: f.can_start_in_days,
            };
            sheet.add(turn, Principle::AffordablePlan, A, 0, Debit, note);
        }
        let (max_count, max_days) =
            negotiation.map_or((24, 30), |n| (n.max_instalments, n.max_days));
        let covers = p.total() >= owe * 0.99 - 0.005;
        if !covers {
            sheet.add(
                turn,
                Principle::DontOvershoot,
                A,
                0,
                Debit,
                Note::PlanGivesAway {
                    total: p.total(),
                    owed: owe,
                },
            );
        }
        if p.count > max_count {
            sheet.add(
                turn,
                Principle::DontOvershoot,
                A,
                0,
                Debit,
                Note::PlanTooLong {
                    count: p.count,
                    max: max_count,
                },
            );
        }
        if p.days > max_days {
            sheet.add(
                turn,
                Principle::DontOvershoot,
                A,
                0,
                Debit,
                Note::PlanLateStart {
                    days: p.days,
                    max: max_days,
                },
            );
        }
        if covers && p.count <= max_count && p.days <= max_days {
            sheet.add(
                turn,
                Principle::DontOvershoot,
                A,
                w.realistic,
                Credit,
                Note::PlanRealistic,
            );
        }
        if together_before_plan || conv.counter() == Some(p) {
            sheet.add(
                turn,
                Principle::SolveTogether,
                A,
                w.together,
                Credit,
                Note::PlanTogether,
            );
        } else {
            sheet.add(
                turn,
                Principle::SolveTogether,
                A,
                0,
                Debit,
                Note::PlanImposed,
            );
        }
        let knew = proposal_turn.is_some_and(|t| t.known_before & capacity_bits != 0);
        if knew {
            sheet.add(
                turn,
                Principle::Anna,
                A,
                w.facts,
                Credit,
                Note::PlanFromFacts,
            );
        } else {
            sheet.add(turn, Principle::Nivea, A, 0, Debit, Note::PlanWithoutFacts);
        }
        if knew && !affordable && conv.proposal() == Some(p) {
            sheet.add(
                turn,
                Principle::FairTreatment,
                Dimension::Compliance,
                -20,
                Debit,
                Note::PressedUnaffordable,
            );
        }
        match (affordable, covers) {
            (false, _) => 30.0,
            (true, false) => 50.0,
            (true, true) => 100.0,
        }
    };

    // Clear content, confirmation and appreciation: 5 each.
    let extras = |sheet: &mut Sheet| {
        let (v, n) = if expectation {
            (5, Note::ExpectationClear)
        } else {
            (0, Note::ExpectationMissing)
        };
        sheet.add(
            last,
            Principle::HardOnContent,
            A,
            v,
            if v > 0 { Credit } else { Debit },
            n,
        );
        let (v, n) = if confirmed {
            (5, Note::Confirmed)
        } else {
            (0, Note::NotConfirmed)
        };
        sheet.add(
            last,
            Principle::HardOnContent,
            A,
            v,
            if v > 0 { Credit } else { Debit },
            n,
        );
        let (v, n) = if appreciated {
            (5, Note::Appreciated)
        } else {
            (0, Note::NotAppreciated)
        };
        sheet.add(
            last,
            Principle::Appreciation,
            A,
            v,
            if v > 0 { Credit } else { Debit },
            n,
        );
    };

    // Proposing more than the customer said they can pay is filling in for them, even when
    // their counter-offer rescues the plan.
    if let (Some(t), Some(p)) = (proposal_turn, conv.proposal()) {
        let knew_capacity = t.known_before & capacity_bits != 0;
        if knew_capacity && p.amount > f.can_pay_monthly + 0.005 {
            let note = Note::ProposedAboveKnownCapacity {
                amount: p.amount,
                capacity: f.can_pay_monthly,
            };
            sheet.add(t.number, Principle::Nivea, A, -10, Debit, note);
        }
    }

    match ending {
        Some(e @ (Ending::Arrangement | Ending::PaidInFull)) => {
            match conv.agreed() {
                Some(p) => {
                    sheet.add(
                        agreed_turn.unwrap_or(last),
                        Principle::AffordablePlan,
                        A,
                        30,
                        Credit,
                        Note::PlanReached,
                    );
                    cap = plan_points(sheet, p, f.undisputed(), &ARRANGEMENT_PLAN);
                }
                None if e == Ending::PaidInFull => sheet.add(
                    last,
                    Principle::HardOnContent,
                    A,
                    85,
                    Credit,
                    Note::Ending(e),
                ),
                None => sheet.add(
                    last,
                    Principle::HardOnContent,
                    A,
                    20,
                    Debit,
                    Note::PlanVague,
                ),
            }
            extras(sheet);
        }
        Some(e @ Ending::DisputeResolved) => {
            sheet.add(
                last,
                Principle::PublicComplaint,
                A,
                30,
                Credit,
                Note::Ending(e),
            );
            if acknowledged {
                sheet.add(
                    last,
                    Principle::PublicComplaint,
                    A,
                    20,
                    Credit,
                    Note::ErrorAcknowledged,
                );
            } else {
                sheet.add(
                    last,
                    Principle::PublicComplaint,
                    A,
                    0,
                    Debit,
                    Note::ErrorNotAcknowledged,
                );
            }
            let dispute_bits = fact_bits(book, &[FactKind::Dispute]);
            if dispute_bits == 0 || conv.known() & dispute_bits != 0 {
                sheet.add(last, Principle::Anna, A, 15, Credit, Note::DisputeFound);
            } else {
                sheet.add(last, Principle::Anna, A, 0, Debit, Note::DisputeNotFound);
            }
            let owe = f.undisputed();
            match conv.agreed() {
                _ if owe < 0.01 => sheet.add(
                    last,
                    Principle::HardOnContent,
                    A,
                    35,
                    Credit,
                    Note::UndisputedSettled,
                ),
                Some(p) => cap = plan_points(sheet, p, owe, &DISPUTE_PLAN),
                None => sheet.add(
                    last,
                    Principle::HardOnContent,
                    A,
                    0,
                    Debit,
                    Note::UndisputedOpen,
                ),
            }
        }
        Some(e @ Ending::FollowUp) => {
            sheet.add(
                last,
                Principle::HardOnContent,
                A,
                40,
                Credit,
                Note::Ending(e),
            );
            extras(sheet);
            cap = 60.0;
        }
        Some(e @ Ending::Referred) => {
            if conv.known() & situation_bits != 0 {
                sheet.add(
                    last,
                    Principle::AffordablePlan,
                    A,
                    55,
                    Credit,
                    Note::Ending(e),
                );
            } else {
                sheet.add(last, Principle::Oma, A, 25, Debit, Note::Ending(e));
            }
            extras(sheet);
            cap = 70.0;
        }
        Some(e @ Ending::NoAgreement) => sheet.add(
            last,
            Principle::SolveTogether,
            A,
            15,
            Debit,
            Note::Ending(e),
        ),
        Some(e @ Ending::Escalated) => sheet.add(
            last,
            Principle::LowerTheThreat,
            A,
            10,
            Debit,
            Note::Ending(e),
        ),
        Some(e @ Ending::HungUp) => sheet.add(
            last,
            Principle::LowerTheThreat,
            A,
            0,
            Debit,
            Note::Ending(e),
        ),
        Some(e @ Ending::DebtWaived) => {
            sheet.add(last, Principle::DontOvershoot, A, 5, Debit, Note::Ending(e))
        }
        None => {}
    }
    clamp(sheet.sum(A).min(cap))
}

impl Finding {
    /// The finding in words.
    pub fn note(&self, book: &Playbook, lang: Lang) -> String {
        let s = &book.scenario;
        let fill = Fill {
            scenario: s,
            plan: None,
        };
        let fact = |i: usize| fill.text(&s.persona.facts[i].note, lang);
        let m = |x: f64| money(x, lang);
        let nl = lang == Lang::Nl;
        let t = |a: String, b: String| if nl { a } else { b };
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
            Note::ProposedAboveKnownCapacity { amount, capacity } => t(
                format!("Je stelde {} per maand voor terwijl de klant al zei dat {} het maximum is: ingevuld voor de ander.", m(amount), m(capacity)),
                format!("You proposed {} a month after the customer had said {} is the most they can pay: filling in for them.", m(amount), m(capacity)),
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
    };
    Text::new(nl, en)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::replay;
    use std::sync::Arc;

    fn mini() -> Arc<Playbook> {
        let src = include_str!("../tests/fixtures/mini.scenario.ron");
        Arc::new(Playbook::parse(src, "mini.scenario.ron").expect("valid fixture"))
    }

    fn play(choices: &str, plan: Option<Plan>) -> Assessment {
        let ids: Vec<String> = choices.split(',').map(str::to_string).collect();
        assess(&replay(&mini(), 1, &ids, plan).expect("valid path"))
    }

    #[test]
    fn channel_table_follows_3x_m() {
        assert_eq!(channel_fit(Mission::ResultNow, Channel::Phone), Fit::Good);
        assert_eq!(channel_fit(Mission::ResultNow, Channel::Letter), Fit::Poor);
        assert_eq!(channel_fit(Mission::KeyAccount, Channel::Visit), Fit::Good);
        assert_eq!(channel_fit(Mission::FirstReminder, Channel::Sms), Fit::Good);
        assert_eq!(
            channel_fit(Mission::Complaint, Channel::SocialMedia),
            Fit::Poor
        );
    }

    #[test]
    fn bands_have_the_documented_edges() {
        assert_eq!(Band::of(39), Band::NeedsWork);
        assert_eq!(Band::of(40), Band::Fair);
        assert_eq!(Band::of(60), Band::Good);
        assert_eq!(Band::of(80), Band::Excellent);
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
            let (nl, en) = (f.note(&book, Lang::Nl), f.note(&book, Lang::En));
            assert!(!nl.is_empty() && !en.is_empty() && nl != en, "{f:?}");
        }
    }
}
