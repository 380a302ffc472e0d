//! The MITI profile of a conversation (after MITI 4.2.1): reflections to questions, the share
//! of complex reflections, and the MI-adherent and MI-non-adherent behaviours, each summary
//! measured against MITI's thresholds for fair and good practice. It describes how the trainee
//! talked; it does not feed the scores.

use super::rules::codes_of;
use crate::dialogue::Conversation;
use crate::scenario::Code;
use crate::text::{Lang, Text};
use serde::Serialize;

/// Reflections per question at which MITI calls practice fair, and good.
pub const RATIO_FAIR: f64 = 1.0;
pub const RATIO_GOOD: f64 = 2.0;
/// Complex reflections as a share of all reflections: fair, and good.
pub const COMPLEX_FAIR: f64 = 0.4;
pub const COMPLEX_GOOD: f64 = 0.5;

/// Where a summary stands against MITI's thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    BelowFair,
    Fair,
    Good,
}

impl Tier {
    fn of(value: f64, fair: f64, good: f64) -> Tier {
        if value >= good {
            Tier::Good
        } else if value >= fair {
            Tier::Fair
        } else {
            Tier::BelowFair
        }
    }

    pub fn label(self) -> Text {
        match self {
            Tier::BelowFair => Text::new("onder redelijk", "below fair"),
            Tier::Fair => Text::new("redelijk", "fair"),
            Tier::Good => Text::new("goed", "good"),
        }
    }
}

/// The behaviour counts of one conversation, MITI's way.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Profile {
    /// Simple and complex reflections (a summary counts as a complex reflection).
    pub reflections: usize,
    pub complex_reflections: usize,
    pub questions: usize,
    pub open_questions: usize,
    /// Affirming, seeking collaboration, emphasising autonomy.
    pub adherent: usize,
    /// Persuading without permission and confronting: judging, opinions, premature advice,
    /// accusing, irritation, dismissing, threats, pressure, misleading.
    pub non_adherent: usize,
}

/// A code's place in MITI.
fn is_adherent(c: Code) -> bool {
    matches!(
        c,
        Code::Affirm | Code::SeekCollaboration | Code::EmphasizeAutonomy
    )
}

fn is_non_adherent(c: Code) -> bool {
    matches!(
        c,
        Code::Judge
            | Code::Opinion
            | Code::PrematureAdvice
            | Code::Accuse
            | Code::Irritation
            | Code::Dismiss
            | Code::Threaten
            | Code::FalseThreat
            | Code::Pressure
            | Code::Misleading
    )
}

impl Profile {
    /// Counts the trainee's coded behaviours over the whole conversation.
    pub fn of(conv: &Conversation) -> Profile {
        let book = conv.book();
        let mut p = Profile::default();
        for t in conv.turns() {
            // A channel's message counts like a spoken line; a proposal has no codes.
            for &c in codes_of(book, t) {
                match c {
                    Code::Reflection => p.reflections += 1,
                    Code::ComplexReflection | Code::Summarize => {
                        p.reflections += 1;
                        p.complex_reflections += 1;
                    }
                    Code::OpenQuestion => {
                        p.questions += 1;
                        p.open_questions += 1;
                    }
                    Code::ClosedQuestion => p.questions += 1,
                    _ => {}
                }
                p.adherent += usize::from(is_adherent(c));
                p.non_adherent += usize::from(is_non_adherent(c));
            }
        }
        p
    }

    /// Reflections per question; `None` without questions (then any reflection is plenty).
    pub fn ratio(&self) -> Option<f64> {
        (self.questions > 0).then(|| self.reflections as f64 / self.questions as f64)
    }

    pub fn ratio_tier(&self) -> Tier {
        match self.ratio() {
            Some(r) => Tier::of(r, RATIO_FAIR, RATIO_GOOD),
            None if self.reflections > 0 => Tier::Good,
            None => Tier::BelowFair,
        }
    }

    /// Complex reflections as a share of reflections; `None` without reflections.
    pub fn complex_share(&self) -> Option<f64> {
        (self.reflections > 0).then(|| self.complex_reflections as f64 / self.reflections as f64)
    }

    pub fn complex_tier(&self) -> Tier {
        self.complex_share()
            .map_or(Tier::BelowFair, |s| Tier::of(s, COMPLEX_FAIR, COMPLEX_GOOD))
    }

    /// Reflections per question as shown: `1.5` (`1,5` in Dutch), or `–` without questions.
    pub fn ratio_text(&self, lang: Lang) -> String {
        self.ratio()
            .map_or_else(|| "–".to_string(), |r| crate::text::decimal(r, lang))
    }

    /// The share of complex reflections as shown: `50%`, or `–` without reflections.
    pub fn share_text(&self) -> String {
        self.complex_share()
            .map_or_else(|| "–".to_string(), |s| format!("{:.0}%", 100.0 * s))
    }

    /// The profile in a line, with each summary against its thresholds.
    pub fn describe(&self, lang: Lang) -> String {
        let tier = |t: Tier| t.label().get(lang).to_string();
        let [rq, of, fair_rq, cr, of_cr, fair_cr, mia, mina] = lang.pick(
            [
                "reflecties op vragen",
                ":",
                "redelijk vanaf 1, goed vanaf 2",
                "complexe reflecties",
                "van",
                "redelijk vanaf 40%, goed vanaf 50%",
                "MI-consistent",
                "MI-inconsistent",
            ],
            [
                "reflections to questions",
                ":",
                "fair from 1, good from 2",
                "complex reflections",
                "of",
                "fair from 40%, good from 50%",
                "MI-adherent",
                "MI-non-adherent",
            ],
        );
        format!(
            "{rq} {} {of} {} = {} ({}; {fair_rq}) · {cr} {} {of_cr} {} = {} ({}; {fair_cr}) · {mia} {} · {mina} {}",
            self.reflections,
            self.questions,
            self.ratio_text(lang),
            tier(self.ratio_tier()),
            self.complex_reflections,
            self.reflections,
            self.share_text(),
            tier(self.complex_tier()),
            self.adherent,
            self.non_adherent
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_follow_mitis_thresholds() {
        let p = |reflections, complex_reflections, questions| Profile {
            reflections,
            complex_reflections,
            questions,
            ..Profile::default()
        };
        assert_eq!(p(1, 0, 2).ratio_tier(), Tier::BelowFair);
        assert_eq!(p(2, 0, 2).ratio_tier(), Tier::Fair);
        assert_eq!(p(4, 0, 2).ratio_tier(), Tier::Good);
        assert_eq!(p(3, 0, 0).ratio_tier(), Tier::Good);
        assert_eq!(p(0, 0, 0).ratio_tier(), Tier::BelowFair);
        assert_eq!(p(5, 1, 1).complex_tier(), Tier::BelowFair);
        assert_eq!(p(5, 2, 1).complex_tier(), Tier::Fair);
        assert_eq!(p(4, 2, 1).complex_tier(), Tier::Good);
        assert!(
            p(4, 2, 2)
                .describe(Lang::En)
                .starts_with("reflections to questions 4 : 2 = 2.0 (good; fair from 1, good from 2) · complex reflections 2 of 4 = 50% (good")
        );
    }
}
