//! The fixed meaning of each behaviour code (principle, dimension, verdict, points), its
//! connecting weight, and the sheet findings are written on.

use super::{Dimension, Finding, Note, Verdict};
use crate::dialogue::{Act, Turn};
use crate::scenario::{Archetype, Code, FactKind, Playbook, Principle};

/// Connecting weight of a code (MITI relational behaviours), per turn capped at 1.
pub(super) fn relational(code: Code) -> f64 {
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
pub(super) fn code_rule(code: Code, archetype: Archetype) -> (Principle, Dimension, Verdict, i32) {
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
        // Judged by the law of the call (see `law`); `assess` decides the verdict.
        Code::AnnounceCosts => (Principle::HardOnContent, Agreement, Credit, 0),
    }
}

/// How heavily a behaviour breaks the connection (MITI: MI-non-adherent, or a roadblock), as a
/// share of one turn. Its cost is that share of the conversation: the same judgement weighs
/// more in a short call than in a long one.
pub(super) fn roadblock(code: Code) -> f64 {
    match code {
        Code::Judge | Code::Accuse | Code::Irritation | Code::Threaten | Code::FalseThreat => 1.0,
        Code::Dismiss => 0.8,
        Code::Opinion
        | Code::PrematureAdvice
        | Code::Pressure
        | Code::ThirdParty
        | Code::Misleading => 0.6,
        Code::Boilerplate => 0.4,
        _ => 0.0,
    }
}

/// How heavily a behaviour stands in for asking (ANNA, NIVEA), as a share of one turn.
pub(super) fn filling_in(code: Code) -> f64 {
    match code {
        Code::Assume | Code::FillIn => 1.0,
        _ => 0.0,
    }
}

/// What a slip of `weight` turns costs a dimension in a conversation of `turns` turns: the
/// share of the conversation it spoiled, times [`SLIP_COST`].
pub(super) fn slip_points(weight: f64, turns: usize) -> i32 {
    -((SLIP_COST * weight / turns.max(1) as f64).round() as i32)
}

/// A conversation spoiled throughout scores 0 on the dimension; one judgement in eight turns
/// costs 19 points, in four turns 38.
pub(super) const SLIP_COST: f64 = 150.0;

pub(super) fn clamp(x: f64) -> u8 {
    x.round().clamp(0.0, 100.0) as u8
}

pub(super) struct Sheet {
    pub(super) findings: Vec<Finding>,
}

impl Sheet {
    pub(super) fn add(
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
    pub(super) fn sum(&self, d: Dimension) -> f64 {
        self.findings
            .iter()
            .filter(|f| f.dimension == d)
            .map(|f| f64::from(f.points))
            .sum()
    }
}

pub(super) fn fact_bits(book: &Playbook, kinds: &[FactKind]) -> u64 {
    book.scenario
        .persona
        .facts
        .iter()
        .enumerate()
        .filter(|(_, f)| kinds.contains(&f.kind))
        .fold(0, |acc, (i, _)| acc | (1 << i))
}

pub(super) fn codes_of<'a>(book: &'a Playbook, t: &Turn) -> &'a [Code] {
    match (t.act, t.node) {
        (Act::Choice(i), Some(n)) => &book.node(n).options[i].codes,
        _ => &[],
    }
}
