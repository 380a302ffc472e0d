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
        // An open question is an effort to grasp the customer's side (MITI's empathy rating).
        Code::OpenQuestion => 0.3,
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

/// A conversation spoiled throughout scores 0 on the dimension: a slip of weight `w` (a share of
/// one turn) in a call of `n` turns spoils `SLIP_SPOIL × w / n` of what the dimension earned.
/// One judgement in an eight-turn call costs 15% of the connection it earned; the same in a
/// four-turn call costs twice that.
pub(super) const SLIP_SPOIL: f64 = 1.2;

pub(super) fn clamp(x: f64) -> u8 {
    x.round().clamp(0.0, 100.0) as u8
}

/// A cap that keeps order: a score above `cap`'s band is folded into that band (from the band's
/// bottom up to `cap`) instead of cut off, so two calls with the same slip still rank by how
/// well the rest went, and no call with the slip reaches the band above.
pub(super) fn soft_cap(x: f64, cap: u8) -> f64 {
    fold(x, cap, 19.0)
}

/// [`soft_cap`] with the fold starting `width` below the cap.
pub(super) fn fold(x: f64, cap: u8, width: f64) -> f64 {
    let c = f64::from(cap);
    let knee = c - width;
    if x <= knee {
        x
    } else {
        knee + (x.min(100.0) - knee) * (c - knee) / (100.0 - knee)
    }
}

pub(super) struct Sheet {
    pub(super) findings: Vec<Finding>,
    /// Slips waiting for their cost: (finding index, weight as a share of one turn).
    slips: Vec<(usize, f64)>,
    /// The dimensions a slip or a debit that cost points was written on, as bits of
    /// [`dim_bit`]: what [`Sheet::slipped`] answers without a pass over the findings.
    slipped: u8,
}

fn dim_bit(d: Dimension) -> u8 {
    match d {
        Dimension::Empathy => 1,
        Dimension::FactGathering => 2,
        Dimension::Agreement => 4,
        Dimension::Compliance => 8,
    }
}

impl Sheet {
    pub(super) fn new() -> Sheet {
        Sheet {
            findings: Vec::with_capacity(48),
            slips: Vec::with_capacity(8),
            slipped: 0,
        }
    }
    pub(super) fn add(
        &mut self,
        turn: usize,
        principle: Principle,
        dimension: Dimension,
        points: i32,
        verdict: Verdict,
        note: Note,
    ) {
        if verdict == Verdict::Debit && points < 0 {
            self.slipped |= dim_bit(dimension);
        }
        self.findings.push(Finding {
            turn,
            principle,
            verdict,
            dimension,
            points,
            note,
        });
    }
    /// A slip of `weight` turns against `dimension`; its points are set by [`Sheet::settle`].
    pub(super) fn slip(
        &mut self,
        turn: usize,
        principle: Principle,
        dimension: Dimension,
        weight: f64,
        note: Note,
    ) {
        self.slips.push((self.findings.len(), weight));
        self.slipped |= dim_bit(dimension);
        self.add(turn, principle, dimension, 0, Verdict::Debit, note);
    }
    /// What `dimension` keeps of `earned` once its slips in a call of `turns` turns have spoiled
    /// their share; each slip's finding gets the points it cost.
    pub(super) fn settle(&mut self, dimension: Dimension, earned: f64, turns: usize) -> f64 {
        let n = turns.max(1) as f64;
        let findings = &mut self.findings;
        let weight: f64 = self
            .slips
            .iter()
            .filter(|&&(i, _)| findings[i].dimension == dimension)
            .map(|&(_, w)| w)
            .sum();
        let spoiled = (SLIP_SPOIL * weight / n).min(1.0);
        if weight > 0.0 {
            for &(i, w) in &self.slips {
                if findings[i].dimension == dimension {
                    findings[i].points = -((earned * spoiled * w / weight).round() as i32);
                }
            }
        }
        earned * (1.0 - spoiled)
    }
    /// Whether `dimension` has a slip (a debit that cost points, or a weighed slip).
    pub(super) fn slipped(&self, dimension: Dimension) -> bool {
        self.slipped & dim_bit(dimension) != 0
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

/// The behaviour codes of a turn: the option chosen, or the message the channel sends.
pub(super) fn codes_of<'a>(book: &'a Playbook, t: &Turn) -> &'a [Code] {
    match (t.act, t.node) {
        (Act::Choice(i), Some(n)) => &book.node(n).options[i].codes,
        (Act::Channel(i), _) => book
            .scenario
            .context
            .channel_choice
            .as_ref()
            .and_then(|cc| cc.options.get(i))
            .map_or(&[], |o| &o.codes),
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_soft_cap_keeps_the_order_and_the_band() {
        assert_eq!(soft_cap(100.0, 79), 79.0);
        assert_eq!(soft_cap(50.0, 79), 50.0);
        assert!(soft_cap(90.0, 79) < soft_cap(95.0, 79));
        assert!(soft_cap(61.0, 59) < 60.0 && soft_cap(61.0, 59) > soft_cap(60.0, 59));
        assert!(
            fold(45.0, 59, 24.0) < 40.0,
            "a failed call that was only fair lands lower"
        );
    }

    #[test]
    fn slips_spoil_their_share_of_what_was_earned() {
        let mut sheet = Sheet::new();
        sheet.slip(
            1,
            Principle::Oma,
            Dimension::Empathy,
            1.0,
            Note::Code(Code::Judge),
        );
        // One full slip in a ten-turn call spoils 12% of 80.
        let kept = sheet.settle(Dimension::Empathy, 80.0, 10);
        assert!((kept - 80.0 * (1.0 - SLIP_SPOIL / 10.0)).abs() < 1e-9);
        assert_eq!(sheet.findings[0].points, -10);
        assert!(sheet.slipped(Dimension::Empathy));
        assert!(!sheet.slipped(Dimension::FactGathering));
        // The same slip in a two-turn call spoils more, never below zero.
        let mut short = Sheet::new();
        for _ in 0..3 {
            short.slip(
                1,
                Principle::Oma,
                Dimension::Empathy,
                1.0,
                Note::Code(Code::Judge),
            );
        }
        assert_eq!(short.settle(Dimension::Empathy, 80.0, 2), 0.0);
    }
}
