//! The coach of solo play: after each choice a one-line note on the principle it honoured or
//! broke, and how the coach fades as the trainee gets better at a scenario (every note, then
//! only the mistakes, then none). Immediate feedback while practising is what makes simulated
//! practice transfer (Tanana et al. 2019); fading it keeps the trainee from leaning on it.

use crate::dialogue::Conversation;
use crate::scenario::Principle;
use crate::score::{Band, Note, Verdict};
use crate::store::StoredSession;
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};

/// How much the coach says, and what a stored session was played with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Coach {
    /// No coach: switched off, faded out, or a session from before the coach.
    #[default]
    Off,
    /// A note after every choice.
    All,
    /// Notes only on mistakes.
    Mistakes,
}

impl Coach {
    pub fn key(self) -> &'static str {
        match self {
            Coach::Off => "off",
            Coach::All => "all",
            Coach::Mistakes => "mistakes",
        }
    }

    pub fn from_key(key: &str) -> Option<Coach> {
        [Coach::Off, Coach::All, Coach::Mistakes]
            .into_iter()
            .find(|c| c.key() == key)
    }

    /// What the score says about it: "played with the coach (every note)".
    pub fn label(self) -> Text {
        match self {
            Coach::Off => Text::new("zonder coach", "without the coach"),
            Coach::All => Text::new("met de coach (alle tips)", "with the coach (every note)"),
            Coach::Mistakes => Text::new(
                "met de coach (alleen fouten)",
                "with the coach (mistakes only)",
            ),
        }
    }
}

/// How many sessions in a row at good or better fade the coach one step: after the first the
/// coach says only the mistakes, after the second nothing. A session below good brings every
/// note back.
pub const FADE_AFTER: usize = 1;

/// The coach for the next session of `scenario`, from the player's earlier sessions (any
/// order); `None` when the trainee switched the coach off.
pub fn level(earlier: &[&StoredSession], scenario: &str, enabled: bool) -> Coach {
    if !enabled {
        return Coach::Off;
    }
    let mut mine: Vec<&&StoredSession> = earlier
        .iter()
        .filter(|s| s.scenario == scenario && s.ending.is_some() && s.room.is_none())
        .collect();
    mine.sort_by_key(|s| std::cmp::Reverse((s.ended, s.id)));
    let streak = mine
        .iter()
        .take_while(|s| Band::of(s.scores.overall) >= Band::Good)
        .count();
    match streak {
        0 => Coach::All,
        n if n <= FADE_AFTER => Coach::Mistakes,
        _ => Coach::Off,
    }
}

/// One note of the coach.
#[derive(Debug, Clone, PartialEq)]
pub struct CoachNote {
    pub turn: usize,
    pub principle: Principle,
    /// Honoured (true) or broken.
    pub honoured: bool,
    pub text: String,
}

/// The coach's note on the last turn of `conv` at `level`: the first slip of that turn, or
/// (with every note on) the first behaviour it credits. Notes that would name a fact the
/// customer has not told are never chosen.
pub fn note(conv: &Conversation, level: Coach, lang: Lang) -> Option<CoachNote> {
    if level == Coach::Off {
        return None;
    }
    let turn = conv.turns().last()?.number;
    let findings = crate::score::assess(conv).findings;
    let here = || findings.iter().filter(|f| f.turn == turn);
    // Findings about facts speak of a fact by name; a probed fact may still be hidden.
    let safe = |n: &Note| {
        !matches!(
            n,
            Note::ProbeTooEarly(_) | Note::ProbeWrongKind(_) | Note::FactMissed(_)
        )
    };
    let slip = here().find(|f| f.is_slip() && safe(&f.note));
    let credit = here().find(|f| f.verdict == Verdict::Credit && matches!(f.note, Note::Code(_)));
    let (f, honoured) = match (slip, credit, level) {
        (Some(f), _, _) => (f, false),
        (None, Some(f), Coach::All) => (f, true),
        _ => return None,
    };
    Some(CoachNote {
        turn,
        principle: f.principle,
        honoured,
        text: f.explain(conv.book(), lang),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::Scores;

    fn s(overall: u8, ended: i64) -> StoredSession {
        StoredSession {
            draw: 0,
            coach: Coach::All,
            id: ended,
            key: format!("k{ended}"),
            player: "A".into(),
            team: "T".into(),
            scenario: "x".into(),
            scenario_hash: "h".into(),
            title: "X".into(),
            seed: 1,
            choices: vec![],
            plan: None,
            ending: crate::scenario::Ending::from_key("arrangement"),
            scores: Scores {
                empathy: overall,
                fact_gathering: overall,
                agreement: overall,
                compliance: overall,
                overall,
            },
            findings: vec![],
            started: ended - 60,
            ended,
            room: None,
        }
    }

    #[test]
    fn the_coach_fades_with_good_sessions_and_comes_back_after_a_weak_one() {
        let lvl = |v: &[StoredSession]| {
            let refs: Vec<&StoredSession> = v.iter().collect();
            level(&refs, "x", true)
        };
        assert_eq!(lvl(&[]), Coach::All, "a first session gets every note");
        assert_eq!(lvl(&[s(45, 1)]), Coach::All, "fair is not good yet");
        assert_eq!(lvl(&[s(45, 1), s(65, 2)]), Coach::Mistakes);
        assert_eq!(lvl(&[s(45, 1), s(65, 2), s(85, 3)]), Coach::Off);
        assert_eq!(
            lvl(&[s(65, 2), s(85, 3), s(30, 4)]),
            Coach::All,
            "a weak one brings it back"
        );
        // The order of the slice does not matter; the newest decide.
        assert_eq!(lvl(&[s(85, 3), s(30, 1), s(65, 2)]), Coach::Off);
        // Another scenario's sessions do not count; switched off is off.
        let mut other = s(90, 5);
        other.scenario = "y".into();
        assert_eq!(lvl(&[other.clone(), other]), Coach::All);
        let refs = [&s(10, 1)];
        assert_eq!(level(&refs, "x", false), Coach::Off);
    }

    #[test]
    fn a_note_says_the_principle_broken_or_honoured_on_the_last_turn() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
        let book = std::sync::Arc::new(
            crate::Playbook::load(dir.join("cant-pay.scenario.ron")).expect("cant-pay loads"),
        );
        let book = book.for_run(1, Some(0)).expect("draw 0");
        let play = |ids: &str| {
            let ids: Vec<String> = ids.split(',').map(str::to_string).collect();
            let mut c = Conversation::new(std::sync::Arc::clone(&book), 1);
            for id in &ids {
                c.choose(id).expect("a valid choice");
            }
            c
        };
        // An accusation: broken, shown at every level but off.
        let harsh = play("call,o_blunt,d_accuse");
        let n = note(&harsh, Coach::Mistakes, Lang::En).expect("a mistake is noted");
        assert!(!n.honoured, "{n:?}");
        assert_eq!(n.turn, 3);
        assert!(!n.text.is_empty());
        assert_eq!(note(&harsh, Coach::Off, Lang::En), None);
        // A reflection: honoured, noted only with every note on.
        let warm = play("call,o_warm,h_reflect");
        let n = note(&warm, Coach::All, Lang::En).expect("a credit is noted");
        assert!(n.honoured, "{n:?}");
        assert_eq!(note(&warm, Coach::Mistakes, Lang::En), None);
    }
}
