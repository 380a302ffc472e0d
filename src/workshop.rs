//! Workshops: a trainer's plan (`workshops/<name>.workshop.ron`: scenarios in order, with the
//! trainer's own notes), the room's votes at each turn, and the comparison of the room's run
//! with the same people's individual results. Bevy-free; the game's workshop mode plays it.

use crate::scenario::{LoadError, Pos, Problem, SourceMap};
use crate::store::Session;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The file name ending of a workshop plan.
pub const EXTENSION: &str = ".workshop.ron";

/// How the options are shown after the discussion pause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Reveal {
    /// All options at once.
    #[default]
    AllAtOnce,
    /// One by one, each on the trainer's key press, so the room weighs each before the next.
    OneByOne,
}

/// One scenario in a workshop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// A scenario id from the scenarios folder.
    pub scenario: String,
    /// The customer's wording (default: 1), so every run of the plan reads the same.
    #[serde(default)]
    pub seed: Option<u64>,
    /// Overrides the plan's `reveal` for this scenario.
    #[serde(default)]
    pub reveal: Option<Reveal>,
    /// The trainer's notes for this scenario (shown to the trainer, in any language).
    #[serde(default)]
    pub notes: String,
}

/// A workshop plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub title: String,
    #[serde(default)]
    pub trainer: String,
    /// Who is in the room, to compare the room's run with their own results afterwards.
    #[serde(default)]
    pub players: Vec<String>,
    #[serde(default)]
    pub reveal: Reveal,
    /// Notes for the whole workshop.
    #[serde(default)]
    pub notes: String,
    pub steps: Vec<Step>,
}

/// A validated plan and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Workshop {
    /// The file name without `.workshop.ron`.
    pub name: String,
    pub plan: Plan,
    pub path: PathBuf,
}

impl Workshop {
    /// A one-step workshop for a single scenario (`play --workshop SCENARIO`).
    pub fn single(scenario: &str) -> Workshop {
        Workshop {
            name: scenario.to_string(),
            // `reveal` and `players` stay at their defaults: all options at once, no list.
            plan: Plan {
                title: scenario.to_string(),
                trainer: String::new(),
                players: Vec::new(),
                reveal: Reveal::AllAtOnce,
                notes: String::new(),
                steps: vec![Step {
                    scenario: scenario.to_string(),
                    seed: None,
                    reveal: None,
                    notes: String::new(),
                }],
            },
            path: PathBuf::new(),
        }
    }

    /// Reads and validates a plan; `known` are the playable scenario ids.
    pub fn load(path: impl AsRef<Path>, known: &[String]) -> Result<Workshop, LoadError> {
        let path = path.as_ref();
        let src = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Workshop::parse(&src, path, known)
    }

    pub fn parse(src: &str, path: &Path, known: &[String]) -> Result<Workshop, LoadError> {
        let invalid = |problems| LoadError::Invalid {
            path: path.to_path_buf(),
            problems,
        };
        let plan: Plan = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(src)
            .map_err(|e| {
                invalid(vec![Problem {
                    pos: Pos {
                        line: e.span.start.line.max(1),
                        col: e.span.start.col.max(1),
                    },
                    message: e.code.to_string(),
                }])
            })?;
        let map = SourceMap::new(src);
        let mut problems = Vec::new();
        let mut at = |p: &str, message: String| {
            problems.push(Problem {
                pos: map.locate(p),
                message,
            })
        };
        if plan.title.trim().is_empty() {
            at("title", "the workshop needs a title".into());
        }
        if plan.steps.is_empty() {
            at(
                "steps",
                "the workshop has no steps: add at least one scenario".into(),
            );
        }
        for (i, s) in plan.steps.iter().enumerate() {
            if !known.contains(&s.scenario) {
                at(
                    &format!("steps[{i}].scenario"),
                    format!(
                        "unknown scenario `{}`; known: {}",
                        s.scenario,
                        if known.is_empty() {
                            "none".to_string()
                        } else {
                            known.join(", ")
                        }
                    ),
                );
            }
        }
        for (i, p) in plan.players.iter().enumerate() {
            if p.trim().is_empty() {
                at(&format!("players[{i}]"), "a player without a name".into());
            } else if plan.players[..i].contains(p) {
                at(&format!("players[{i}]"), format!("`{p}` is listed twice"));
            }
        }
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(EXTENSION))
            .unwrap_or_default()
            .to_string();
        if name.is_empty() {
            at(
                "",
                format!("a workshop file's name must end in {EXTENSION}"),
            );
        }
        if !problems.is_empty() {
            problems.sort_by_key(|p| p.pos);
            return Err(invalid(problems));
        }
        Ok(Workshop {
            name,
            plan,
            path: path.to_path_buf(),
        })
    }

    /// How options are revealed at step `i`.
    pub fn reveal(&self, i: usize) -> Reveal {
        self.plan
            .steps
            .get(i)
            .and_then(|s| s.reveal)
            .unwrap_or(self.plan.reveal)
    }
}

/// The workshops folder next to a scenarios folder.
pub fn folder(scenarios: &Path) -> PathBuf {
    scenarios
        .parent()
        .unwrap_or(Path::new("."))
        .join("workshops")
}

/// A workshop by name: a `.workshop.ron` file, a plan in the workshops folder next to
/// `scenarios`, or a single scenario id. The error lists what exists.
pub fn find(name: &str, scenarios: &Path) -> Result<Workshop, String> {
    let known = crate::scenario::playable_ids(scenarios);
    let dir = folder(scenarios);
    let as_file = Path::new(name);
    let by_name = dir.join(format!("{name}{EXTENSION}"));
    for candidate in [as_file, by_name.as_path()] {
        if candidate.is_file() && candidate.to_string_lossy().ends_with(EXTENSION) {
            return Workshop::load(candidate, &known).map_err(|e| e.to_string());
        }
    }
    if known.iter().any(|k| k == name) {
        return Ok(Workshop::single(name));
    }
    let plans: Vec<String> = crate::scenario::discover_with(&[dir], &[EXTENSION])
        .unwrap_or_default()
        .iter()
        .filter_map(|p| {
            p.file_name()?
                .to_str()?
                .strip_suffix(EXTENSION)
                .map(str::to_string)
        })
        .collect();
    Err(format!(
        "no workshop plan or scenario `{name}`; plans: {}; scenarios: {}",
        if plans.is_empty() {
            "none".to_string()
        } else {
            plans.join(", ")
        },
        known.join(", ")
    ))
}

/// The room's vote at one turn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// The turn (1-based) the vote was for.
    pub turn: usize,
    /// The option ids offered, in order.
    pub options: Vec<String>,
    /// How many people chose each option.
    pub counts: Vec<u32>,
    /// What was played.
    pub chosen: String,
    /// The trainer played something other than the room's majority.
    pub overridden: bool,
}

impl Tally {
    /// A fresh tally for the options offered at `turn`.
    pub fn new(turn: usize, options: Vec<String>) -> Tally {
        let counts = vec![0; options.len()];
        Tally {
            turn,
            options,
            counts,
            chosen: String::new(),
            overridden: false,
        }
    }

    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }

    /// The option with the most votes, if one has strictly more than every other.
    pub fn majority(&self) -> Option<usize> {
        let max = *self.counts.iter().max()?;
        if max == 0 {
            return None;
        }
        let mut at = self.counts.iter().enumerate().filter(|(_, c)| **c == max);
        let first = at.next()?.0;
        at.next().is_none().then_some(first)
    }

    /// Records what was played; an option other than the majority (or any when there is none)
    /// counts as the trainer's override.
    pub fn play(&mut self, index: usize) -> Option<&str> {
        let id = self.options.get(index)?.clone();
        self.overridden = self.majority() != Some(index);
        self.chosen = id;
        Some(&self.chosen)
    }
}

/// What is kept with a session the room played.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Room {
    /// The workshop plan's name, if it was played from one.
    pub workshop: Option<String>,
    /// Who was in the room.
    pub players: Vec<String>,
    /// One tally per option turn, in order.
    pub tallies: Vec<Tally>,
}

/// One participant's own results on the room's scenario, next to the room's.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub player: String,
    pub sessions: usize,
    pub best: Option<u8>,
    pub mean: Option<f64>,
    pub latest: Option<u8>,
}

/// Each of the room's players' individual sessions on the room's scenario (same version).
/// Names match whatever their case: the trainer types them, each player typed their own.
pub fn compare(room: &Session, players: &[String], individual: &[Session]) -> Vec<Comparison> {
    players
        .iter()
        .map(|p| {
            let mine: Vec<&Session> = individual
                .iter()
                .filter(|s| {
                    s.player.to_lowercase() == p.to_lowercase()
                        && s.scenario == room.scenario
                        && s.scenario_hash == room.scenario_hash
                        && s.id != room.id
                })
                .collect();
            let overall: Vec<u8> = mine.iter().map(|s| s.scores.overall).collect();
            Comparison {
                player: p.clone(),
                sessions: mine.len(),
                best: overall.iter().max().copied(),
                mean: (!overall.is_empty()).then(|| {
                    overall.iter().map(|v| f64::from(*v)).sum::<f64>() / overall.len() as f64
                }),
                latest: mine
                    .iter()
                    .max_by_key(|s| s.ended)
                    .map(|s| s.scores.overall),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Vec<String> {
        vec!["cant-pay".into(), "ostrich".into()]
    }

    #[test]
    fn a_plan_parses_with_defaults() {
        let w = Workshop::parse(
            r#"(title: "Intro", players: ["Anouk", "Bram"], reveal: OneByOne,
                steps: [(scenario: "ostrich", seed: 4, notes: "Let op de opening."), (scenario: "cant-pay", reveal: AllAtOnce)])"#,
            Path::new("workshops/intro.workshop.ron"),
            &known(),
        )
        .expect("valid");
        assert_eq!(w.name, "intro");
        assert_eq!(w.plan.steps[0].seed, Some(4));
        assert_eq!(w.reveal(0), Reveal::OneByOne);
        assert_eq!(w.reveal(1), Reveal::AllAtOnce);
    }

    #[test]
    fn problems_name_their_position_and_the_valid_options() {
        let src = "(\n  title: \"\",\n  players: [\"Anouk\", \"Anouk\"],\n  steps: [\n    (scenario: \"ostrich\"),\n    (scenario: \"struisvogel\"),\n  ],\n)";
        let e = Workshop::parse(src, Path::new("w/x.workshop.ron"), &known()).unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains("w/x.workshop.ron:2:10: the workshop needs a title"),
            "{text}"
        );
        assert!(text.contains(":3:22: `Anouk` is listed twice"), "{text}");
        assert!(
            text.contains(":6:16: unknown scenario `struisvogel`; known: cant-pay, ostrich"),
            "{text}"
        );
        let e = Workshop::parse(
            "(title: \"x\", stepz: [])",
            Path::new("x.workshop.ron"),
            &known(),
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("x.workshop.ron:1:"), "{e}");
    }

    #[test]
    fn the_majority_needs_a_clear_winner_and_other_choices_are_overrides() {
        let mut t = Tally::new(1, vec!["a".into(), "b".into(), "c".into()]);
        assert_eq!(t.majority(), None, "no votes yet");
        t.counts = vec![3, 5, 5];
        assert_eq!(t.majority(), None, "a tie");
        t.counts = vec![3, 6, 5];
        assert_eq!(t.majority(), Some(1));
        assert_eq!(t.total(), 14);
        assert_eq!(t.play(1), Some("b"));
        assert!(!t.overridden);
        assert_eq!(t.play(2), Some("c"));
        assert!(t.overridden);
        assert_eq!(t.play(7), None);
    }

    fn session(id: i64, player: &str, hash: &str, overall: u8, ended: i64) -> Session {
        Session {
            id,
            key: format!("k{id}"),
            player: player.into(),
            team: "Noord".into(),
            scenario: "ostrich".into(),
            scenario_hash: hash.into(),
            title: "De la met brieven".into(),
            seed: 1,
            choices: vec!["call".into()],
            plan: None,
            ending: "no_agreement".into(),
            scores: crate::score::Scores {
                empathy: overall,
                fact_gathering: overall,
                agreement: overall,
                compliance: 100,
                overall,
            },
            findings: serde_json::json!([]),
            started: ended - 60,
            ended,
            room: None,
        }
    }

    #[test]
    fn the_room_is_compared_with_each_players_own_sessions_on_the_same_version() {
        let room = session(1, "Zaal · Verbinden", "v2", 80, 1_000);
        let individual = vec![
            room.clone(),
            session(2, "Anouk", "v2", 40, 100),
            session(3, "anouk", "v2", 70, 300),
            session(4, "Anouk", "v1", 100, 200),
            session(5, "Bram", "v2", 55, 150),
        ];
        let players = ["ANOUK".to_string(), "Lotte".to_string()];
        let c = compare(&room, &players, &individual);
        assert_eq!(c.len(), 2);
        // Anouk's two sessions on this version, whatever the case of the name; not the older
        // version's 100, not the room itself, not Bram.
        assert_eq!(c[0].player, "ANOUK");
        assert_eq!(c[0].sessions, 2);
        assert_eq!(c[0].best, Some(70));
        assert_eq!(c[0].mean, Some(55.0));
        assert_eq!(c[0].latest, Some(70));
        assert_eq!(
            (c[1].sessions, c[1].best, c[1].mean, c[1].latest),
            (0, None, None, None)
        );
    }
}
