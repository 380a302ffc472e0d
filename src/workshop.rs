//! Workshops: a trainer's plan (`workshops/<name>.workshop.ron`: scenarios in order, with the
//! trainer's own notes), the room's votes at each turn, and the comparison of the room's run
//! with the same people's individual results. Bevy-free; the game's workshop mode plays it.

use crate::scenario::{LoadError, Pos, Problem, SourceMap};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

/// The file name ending of a workshop plan.
pub const EXTENSION: &str = ".workshop.ron";

/// How the options are shown after the discussion pause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum RevealMode {
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
    /// The customer the room meets (a draw of the scenario; default: the seed's), so a
    /// trainer can prepare for a known customer.
    #[serde(default)]
    pub draw: Option<usize>,
    /// Overrides the plan's `reveal` for this scenario.
    #[serde(default)]
    pub reveal: Option<RevealMode>,
    /// The trainer's notes for this scenario (shown to the trainer, in any language).
    #[serde(default)]
    pub notes: String,
}

/// A workshop plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agenda {
    pub title: String,
    #[serde(default)]
    pub trainer: String,
    /// Who is in the room, to compare the room's run with their own results afterwards.
    #[serde(default)]
    pub players: Vec<String>,
    #[serde(default)]
    pub reveal: RevealMode,
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
    pub plan: Agenda,
    pub path: PathBuf,
}

impl Workshop {
    /// A one-step workshop for a single scenario (`play --workshop SCENARIO`).
    pub fn single(scenario: &str) -> Workshop {
        Workshop {
            name: scenario.to_string(),
            // `reveal` and `players` stay at their defaults: all options at once, no list.
            plan: Agenda {
                title: scenario.to_string(),
                trainer: String::new(),
                players: Vec::new(),
                reveal: RevealMode::AllAtOnce,
                notes: String::new(),
                steps: vec![Step {
                    scenario: scenario.to_string(),
                    seed: None,
                    draw: None,
                    reveal: None,
                    notes: String::new(),
                }],
            },
            path: PathBuf::new(),
        }
    }

    /// Reads and validates a plan; `known` are the playable scenario ids (see
    /// [`KnownScenarios`]). Bytes that are not UTF-8 are a problem at their line and column.
    pub fn load(path: impl AsRef<Path>, known: &[String]) -> Result<Workshop, LoadError> {
        let path = path.as_ref();
        let src = crate::scenario::read_text(path)?;
        Workshop::parse(&src, path, known)
    }

    /// Parses and validates plan text; `path` is used in messages and for the plan's name. A
    /// leading byte-order mark is ignored.
    pub fn parse(src: &str, path: &Path, known: &[String]) -> Result<Workshop, LoadError> {
        let src = crate::scenario::strip_bom(src);
        let invalid = |problems| LoadError::Invalid {
            path: path.to_path_buf(),
            problems,
        };
        let plan: Agenda = ron::Options::default()
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
        // Names and ids come from the file: keep control characters in them escaped, so every
        // problem stays one line.
        let mut at = |p: &str, message: String| {
            problems.push(Problem {
                pos: map.locate(p),
                message: crate::scenario::one_line(&message).into_owned(),
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
        let playable: HashSet<&str> = known.iter().map(String::as_str).collect();
        for (i, s) in plan.steps.iter().enumerate() {
            if !playable.contains(s.scenario.as_str()) {
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
        // Each repeat of a name is reported where it repeats; a set keeps this linear for long
        // lists (a pasted class register).
        let mut listed: HashSet<&str> = HashSet::with_capacity(plan.players.len());
        for (i, p) in plan.players.iter().enumerate() {
            if p.trim().is_empty() {
                at(&format!("players[{i}]"), "a player without a name".into());
            } else if !listed.insert(p.as_str()) {
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
    pub fn reveal(&self, i: usize) -> RevealMode {
        self.plan
            .steps
            .get(i)
            .and_then(|s| s.reveal)
            .unwrap_or(self.plan.reveal)
    }
}

/// The workshops folder next to a scenarios folder (`X/scenarios` → `X/workshops`).
pub fn folder(scenarios: &Path) -> PathBuf {
    sibling(scenarios, "workshops")
}

/// The scenarios folder a plan sees by its own location: next to the folder that holds the
/// plan (`X/workshops/intro.workshop.ron` → `X/scenarios`), wherever the command runs.
pub fn scenarios_of(plan: &Path) -> PathBuf {
    let dir = plan
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    sibling(dir, "scenarios")
}

/// The folder `name` next to `dir`. A `dir` that does not end in a name (`.`, `..`, `/`) is
/// resolved first, so `--scenarios .` finds `../workshops`.
fn sibling(dir: &Path, name: &str) -> PathBuf {
    let named = matches!(dir.components().next_back(), Some(Component::Normal(_)));
    let dir = if named {
        dir.to_path_buf()
    } else {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf())
    };
    dir.parent().unwrap_or(Path::new(".")).join(name)
}

/// The scenario ids a workshop plan may name, for `check`: the playable scenarios among the
/// paths being checked and the `--scenarios` folder (`sources`), and those in the scenarios
/// folder next to the plan's own folder ([`scenarios_of`]); never the current folder alone.
/// Each folder or file is read once, however many plans ask.
#[derive(Debug, Default)]
pub struct KnownScenarios {
    read: HashMap<PathBuf, Vec<String>>,
}

impl KnownScenarios {
    /// The playable ids for the plan at `plan`, sorted and without repeats. `sources` are
    /// scenario files and folders; missing ones and files that are not `*.scenario.ron` (the
    /// plans themselves) are skipped.
    pub fn for_plan(&mut self, plan: &Path, sources: &[PathBuf]) -> Vec<String> {
        let own = scenarios_of(plan);
        let mut ids: Vec<String> = Vec::new();
        for source in sources.iter().chain([&own]) {
            ids.extend(self.ids_in(source).iter().cloned());
        }
        ids.sort();
        ids.dedup();
        ids
    }

    fn ids_in(&mut self, source: &Path) -> &[String] {
        let key = std::fs::canonicalize(source).unwrap_or_else(|_| source.to_path_buf());
        self.read.entry(key).or_insert_with(|| {
            if source.is_dir() {
                crate::scenario::playable_ids(source)
            } else if source.is_file()
                && source
                    .to_string_lossy()
                    .ends_with(crate::scenario::EXTENSION)
            {
                crate::scenario::Playbook::load(source)
                    .map(|b| vec![b.id().to_string()])
                    .unwrap_or_default()
            } else {
                Vec::new()
            }
        })
    }
}

/// [`KnownScenarios::for_plan`] for a single plan.
pub fn known_scenarios(plan: &Path, sources: &[PathBuf]) -> Vec<String> {
    KnownScenarios::default().for_plan(plan, sources)
}

/// Why [`find`] found no workshop.
#[derive(Debug, thiserror::Error)]
pub enum FindError {
    /// The plan exists but is broken: its `check` message.
    #[error(transparent)]
    Broken(#[from] LoadError),
    #[error(
        "no workshop plan or scenario `{name}`; plans: {}; scenarios: {}",
        list(plans),
        scenarios.join(", ")
    )]
    Unknown {
        name: String,
        plans: Vec<String>,
        scenarios: Vec<String>,
    },
}

fn list(names: &[String]) -> String {
    if names.is_empty() {
        "none".to_string()
    } else {
        names.join(", ")
    }
}

/// A workshop by name: a `.workshop.ron` file, a plan in the workshops folder next to
/// `scenarios`, or a single scenario id. The error lists what exists.
pub fn find(name: &str, scenarios: &Path) -> Result<Workshop, FindError> {
    let known = crate::scenario::playable_ids(scenarios);
    let dir = folder(scenarios);
    let as_file = Path::new(name);
    let by_name = dir.join(format!("{name}{EXTENSION}"));
    for candidate in [as_file, by_name.as_path()] {
        if candidate.is_file() && candidate.to_string_lossy().ends_with(EXTENSION) {
            return Ok(Workshop::load(candidate, &known)?);
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
    Err(FindError::Unknown {
        name: name.to_string(),
        plans,
        scenarios: known,
    })
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
        assert_eq!(w.reveal(0), RevealMode::OneByOne);
        assert_eq!(w.reveal(1), RevealMode::AllAtOnce);
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

    /// A fresh folder under the system's temporary folder.
    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("dojo-workshop-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp folder");
        dir
    }

    const PLAN: &str = "(title: \"Intro\", steps: [(scenario: \"mini\")])";

    #[test]
    fn a_plan_that_is_not_utf8_is_a_problem_at_the_bad_byte() {
        let dir = temp_dir("utf8");
        let file = dir.join("intro.workshop.ron");
        std::fs::write(&file, b"(\n  title: \"Caf\xE9\",\n  steps: [],\n)").expect("written");
        let e = Workshop::load(&file, &known()).unwrap_err();
        assert!(matches!(e, LoadError::Invalid { .. }), "{e:?}");
        assert_eq!(
            e.to_string(),
            format!(
                "{}:2:14: invalid UTF-8 (byte 0xE9): save the file as UTF-8",
                file.display()
            )
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let known = vec!["mini".to_string()];
        let src = format!("\u{feff}{PLAN}");
        let w = Workshop::parse(&src, Path::new("intro.workshop.ron"), &known).expect("valid");
        assert_eq!(w.plan.title, "Intro");
        let dir = temp_dir("bom");
        let file = dir.join("intro.workshop.ron");
        std::fs::write(&file, &src).expect("written");
        assert_eq!(Workshop::load(&file, &known).expect("loads").name, "intro");
        // Positions count from after the mark.
        let e = Workshop::parse(
            "\u{feff}(title: \"\", steps: [])",
            Path::new("x.workshop.ron"),
            &known,
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("x.workshop.ron:1:9: "), "{e}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn every_problem_is_one_line_whatever_the_names_hold() {
        let src = "(title: \"x\", players: [\"An\\nouk\", \"An\\nouk\"], steps: [(scenario: \"new\\nline\")])";
        let e = Workshop::parse(src, Path::new("x.workshop.ron"), &known()).unwrap_err();
        let text = e.to_string();
        assert_eq!(e.problems().len(), 2, "{text}");
        assert_eq!(text.lines().count(), 2, "{text}");
        let col = src.rfind("\"An").expect("there") + 1;
        assert!(
            text.contains(&format!(":1:{col}: `An\\nouk` is listed twice")),
            "{text}"
        );
        assert!(
            text.contains("unknown scenario `new\\nline`; known: cant-pay, ostrich"),
            "{text}"
        );
    }

    #[test]
    fn a_repeated_player_is_found_in_a_long_list() {
        let mut names: Vec<String> = (0..100_000).map(|i| format!("\"p{i}\"")).collect();
        names.push("\"p4711\"".into());
        let src = format!(
            "(title: \"x\", players: [{}], steps: [(scenario: \"ostrich\")])",
            names.join(", ")
        );
        let e = Workshop::parse(&src, Path::new("x.workshop.ron"), &known()).unwrap_err();
        assert_eq!(e.problems().len(), 1, "{e}");
        assert_eq!(e.problems()[0].message, "`p4711` is listed twice");
        let col = src.rfind("\"p4711\"").expect("there") + 1;
        assert_eq!(e.problems()[0].pos, Pos { line: 1, col });
    }

    #[test]
    fn a_plan_knows_the_scenarios_next_to_it_and_those_checked_not_the_current_folder() {
        let root = temp_dir("known");
        let (scenarios, workshops) = (root.join("X/scenarios"), root.join("X/workshops"));
        std::fs::create_dir_all(&scenarios).expect("folder");
        std::fs::create_dir_all(&workshops).expect("folder");
        std::fs::create_dir_all(root.join("elsewhere")).expect("folder");
        let mini = scenarios.join("mini.scenario.ron");
        std::fs::write(&mini, include_str!("../tests/fixtures/mini.scenario.ron")).expect("mini");
        std::fs::write(scenarios.join("broken.scenario.ron"), "(").expect("broken");
        let plan = workshops.join("intro.workshop.ron");
        std::fs::write(&plan, PLAN).expect("plan");
        let away = root.join("elsewhere/intro.workshop.ron");
        std::fs::write(&away, PLAN).expect("plan");

        // `check /abs/X/scenarios /abs/X/workshops` run from another folder: the default
        // `--scenarios scenarios` names nothing there.
        let mut known = KnownScenarios::default();
        let sources = [
            scenarios.clone(),
            workshops.clone(),
            PathBuf::from("no-such-scenarios"),
        ];
        assert_eq!(known.for_plan(&plan, &sources), ["mini"]);
        // `check /abs/X/workshops` alone: the plan's own location.
        assert_eq!(
            known.for_plan(&plan, &[PathBuf::from("no-such-scenarios")]),
            ["mini"]
        );
        let ids = known_scenarios(&plan, std::slice::from_ref(&workshops));
        assert!(Workshop::load(&plan, &ids).is_ok());
        // A plan elsewhere sees the scenario files being checked with it, and nothing else.
        assert_eq!(
            known_scenarios(&away, &[mini.clone(), away.clone()]),
            ["mini"]
        );
        assert_eq!(
            known_scenarios(&away, std::slice::from_ref(&away)),
            Vec::<String>::new()
        );
        let e = Workshop::load(&away, &known_scenarios(&away, &[])).unwrap_err();
        assert!(
            e.to_string()
                .contains("unknown scenario `mini`; known: none"),
            "{e}"
        );
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn workshops_and_scenarios_folders_are_siblings() {
        assert_eq!(folder(Path::new("X/scenarios")), Path::new("X/workshops"));
        assert_eq!(folder(Path::new("scenarios")), Path::new("workshops"));
        assert_eq!(
            scenarios_of(Path::new("X/workshops/a.workshop.ron")),
            Path::new("X/scenarios")
        );
        assert_eq!(
            scenarios_of(Path::new("workshops/a.workshop.ron")),
            Path::new("scenarios")
        );
        let here = std::fs::canonicalize(".").expect("current folder");
        let up = here.parent().expect("not the root");
        assert_eq!(folder(Path::new(".")), up.join("workshops"));
        assert_eq!(
            scenarios_of(Path::new("a.workshop.ron")),
            up.join("scenarios")
        );
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
}
