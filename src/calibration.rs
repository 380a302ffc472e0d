//! Calibration: the rubric held against expert trainers' judgements. A calibration file
//! (`tests/calibration/<id>.calibration.ron`) lists played paths of one scenario, each with the
//! band a trainer gives on every dimension and overall; [`calibrate`] plays every path, scores it
//! and reports, cell by cell, where the rubric agrees, and which overall orderings it breaks.

use crate::dialogue::{PlayError, replay};
use crate::plan::{Plan, PlanError};
use crate::scenario::{LoadError, Playbook};
use crate::score::{Band, Scores, assess};
use serde::Deserialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The file name ending of a calibration file.
pub const EXTENSION: &str = ".calibration.ron";

/// What a transcript is an example of (the kinds of call the set must cover).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Class {
    Expert,
    Typical,
    Harsh,
    RepairedOpening,
    WarmNoMoneyAbove,
    Lenient,
    ColdCorrect,
    BlindBelow,
    BlindAbove,
    OneThreat,
    WrongChannel,
    CauseNotFixed,
    GoodTalkNoAgreement,
    Other,
}

/// A trainer's band, in the words of the calibration files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Judged {
    NeedsWork,
    Fair,
    Good,
    Excellent,
}

impl From<Judged> for Band {
    fn from(j: Judged) -> Band {
        match j {
            Judged::NeedsWork => Band::NeedsWork,
            Judged::Fair => Band::Fair,
            Judged::Good => Band::Good,
            Judged::Excellent => Band::Excellent,
        }
    }
}

/// The bands a trainer gave one transcript.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bands {
    pub empathy: Judged,
    pub fact_gathering: Judged,
    pub agreement: Judged,
    pub compliance: Judged,
    pub overall: Judged,
}

impl Bands {
    /// The five judged bands: the four dimensions in [`Dimension::ALL`] order, then overall.
    pub fn cells(&self) -> [Band; 5] {
        [
            self.empathy,
            self.fact_gathering,
            self.agreement,
            self.compliance,
            self.overall,
        ]
        .map(Band::from)
    }
}

/// One judged transcript.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub name: String,
    pub class: Class,
    pub choices: String,
    /// `AMOUNT:COUNT:DAYS`, or empty when no plan is proposed.
    pub plan: String,
    #[serde(default = "one")]
    pub seed: u64,
    /// The customer the transcript was played against (a draw of the scenario; 0, the persona
    /// as written, if not named).
    #[serde(default)]
    pub draw: usize,
    pub bands: Bands,
    /// The principle behind the judgement, in a line.
    pub reason: String,
}

fn one() -> u64 {
    1
}

/// Why a calibration set could not be played.
#[derive(Debug, thiserror::Error)]
pub enum CalibrationError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Parse {
        path: PathBuf,
        source: Box<ron::error::SpannedError>,
    },
    #[error("{path}: `{case}`: {source}")]
    Draw {
        path: PathBuf,
        case: String,
        source: crate::scenario::NoSuchDraw,
    },
    #[error("{path}: no scenario `{id}` beside it: {source}")]
    Scenario {
        path: PathBuf,
        id: String,
        source: Box<LoadError>,
    },
    #[error("{path}: `{case}`: {source}")]
    BadPlan {
        path: PathBuf,
        case: String,
        source: PlanError,
    },
    #[error("{path}: `{case}` does not play: {source}")]
    Play {
        path: PathBuf,
        case: String,
        source: Box<PlayError>,
    },
}

/// One transcript scored beside its judgement.
#[derive(Debug, Clone)]
pub struct Row {
    pub scenario: String,
    pub case: Case,
    pub scores: Scores,
}

impl Row {
    /// The rubric's five bands, in the order of [`Bands::cells`].
    pub fn scored(&self) -> [Band; 5] {
        let s = self.scores;
        [
            s.empathy,
            s.fact_gathering,
            s.agreement,
            s.compliance,
            s.overall,
        ]
        .map(Band::of)
    }

    /// How many of the five cells agree.
    pub fn matches(&self) -> usize {
        self.scored()
            .iter()
            .zip(self.case.bands.cells())
            .filter(|(a, b)| *a == b)
            .count()
    }
}

/// Every row of a calibration run, with what it adds up to.
#[derive(Debug, Clone, Default)]
pub struct Calibration {
    pub rows: Vec<Row>,
}

/// Two transcripts of one scenario that the trainer ranks one way (by overall band) and the
/// rubric the other (or level).
#[derive(Debug, Clone, PartialEq)]
pub struct Inversion {
    pub scenario: String,
    /// Judged better.
    pub better: String,
    pub worse: String,
    pub scores: (u8, u8),
}

impl Calibration {
    /// Cells (transcript × dimension, overall included) whose bands agree, and all cells.
    pub fn agreement(&self) -> (usize, usize) {
        (
            self.rows.iter().map(Row::matches).sum(),
            self.rows.len() * 5,
        )
    }

    /// Per cell column (the four dimensions, then overall): agreeing rows.
    pub fn by_column(&self) -> [usize; 5] {
        let mut out = [0; 5];
        for r in &self.rows {
            for (i, (a, b)) in r.scored().iter().zip(r.case.bands.cells()).enumerate() {
                out[i] += usize::from(*a == b);
            }
        }
        out
    }

    /// Pairs within a scenario that the trainer ranks apart by overall band and the rubric does
    /// not score in that order.
    pub fn inversions(&self) -> Vec<Inversion> {
        let mut out = Vec::new();
        for a in &self.rows {
            for b in &self.rows {
                let (ja, jb) = (
                    Band::from(a.case.bands.overall),
                    b.case.bands.overall.into(),
                );
                if a.scenario == b.scenario && ja > jb && a.scores.overall <= b.scores.overall {
                    out.push(Inversion {
                        scenario: a.scenario.clone(),
                        better: a.case.name.clone(),
                        worse: b.case.name.clone(),
                        scores: (a.scores.overall, b.scores.overall),
                    });
                }
            }
        }
        out
    }

    /// The agreement table, for people: each transcript with the trainer's band and the
    /// rubric's score per cell, then the totals.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let short = |b: Band| match b {
            Band::NeedsWork => "N",
            Band::Fair => "F",
            Band::Good => "G",
            Band::Excellent => "E",
        };
        let _ = writeln!(
            out,
            "{:<18} {:<34} {:<18} {:>9} {:>9} {:>9} {:>9} {:>9}",
            "scenario", "transcript", "class", "empathy", "facts", "agreement", "compl.", "overall"
        );
        for r in &self.rows {
            let cells: Vec<String> = r
                .case
                .bands
                .cells()
                .iter()
                .zip(r.scored())
                .zip([
                    r.scores.empathy,
                    r.scores.fact_gathering,
                    r.scores.agreement,
                    r.scores.compliance,
                    r.scores.overall,
                ])
                .map(|((j, s), v)| {
                    format!("{} {v:>3}{}", short(*j), if *j == s { " " } else { "✗" })
                })
                .collect();
            let _ = writeln!(
                out,
                "{:<18} {:<34} {:<18} {:>9} {:>9} {:>9} {:>9} {:>9}",
                r.scenario,
                r.case.name,
                format!("{:?}", r.case.class),
                cells[0],
                cells[1],
                cells[2],
                cells[3],
                cells[4]
            );
        }
        let (hit, all) = self.agreement();
        let cols = self.by_column();
        let n = self.rows.len().max(1);
        let pct = |x: usize, of: usize| 100.0 * x as f64 / of.max(1) as f64;
        let _ = writeln!(
            out,
            "\n(trainer's band, then the score; ✗ where the score's band differs)\n\
             agreement: {hit} of {all} cells ({:.0}%): empathy {:.0}%, fact-gathering {:.0}%, \
             agreement {:.0}%, compliance {:.0}%, overall {:.0}%",
            pct(hit, all),
            pct(cols[0], n),
            pct(cols[1], n),
            pct(cols[2], n),
            pct(cols[3], n),
            pct(cols[4], n),
        );
        let inv = self.inversions();
        let _ = writeln!(out, "overall orderings the rubric breaks: {}", inv.len());
        for i in inv.iter().take(20) {
            let _ = writeln!(
                out,
                "  {}: {} ({}) judged above {} ({})",
                i.scenario, i.better, i.scores.0, i.worse, i.scores.1
            );
        }
        if inv.len() > 20 {
            let _ = writeln!(out, "  … and {} more", inv.len() - 20);
        }
        out
    }
}

/// Reads one calibration file and plays it against the scenario of the same id in `scenarios`.
pub fn play_file(path: &Path, scenarios: &Path) -> Result<Vec<Row>, CalibrationError> {
    let text = std::fs::read_to_string(path).map_err(|source| CalibrationError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let cases: Vec<Case> = ron::from_str(&text).map_err(|source| CalibrationError::Parse {
        path: path.to_path_buf(),
        source: Box::new(source),
    })?;
    let id = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(EXTENSION))
        .unwrap_or_default()
        .to_string();
    let book = Playbook::load(scenarios.join(format!("{id}{}", crate::scenario::EXTENSION)))
        .map(Arc::new)
        .map_err(|source| CalibrationError::Scenario {
            path: path.to_path_buf(),
            id: id.clone(),
            source: Box::new(source),
        })?;
    cases
        .into_iter()
        .map(|case| {
            let plan = match case.plan.trim() {
                "" => None,
                p => Some(
                    p.parse::<Plan>()
                        .map_err(|source| CalibrationError::BadPlan {
                            path: path.to_path_buf(),
                            case: case.name.clone(),
                            source,
                        })?,
                ),
            };
            let choices: Vec<String> = case.choices.split(',').map(str::to_string).collect();
            let book = book.for_run(case.seed, Some(case.draw)).map_err(|source| {
                CalibrationError::Draw {
                    path: path.to_path_buf(),
                    case: case.name.clone(),
                    source,
                }
            })?;
            let conv = replay(&book, case.seed, &choices, plan).map_err(|source| {
                CalibrationError::Play {
                    path: path.to_path_buf(),
                    case: case.name.clone(),
                    source: Box::new(source),
                }
            })?;
            Ok(Row {
                scenario: id.clone(),
                scores: assess(&conv).scores,
                case,
            })
        })
        .collect()
}

/// Plays every calibration file in `dir` (sorted by name) against `scenarios`.
pub fn calibrate(dir: &Path, scenarios: &Path) -> Result<Calibration, CalibrationError> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|source| CalibrationError::Read {
            path: dir.to_path_buf(),
            source,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(EXTENSION))
        .collect();
    files.sort();
    let mut rows = Vec::new();
    for f in files {
        rows.extend(play_file(&f, scenarios)?);
    }
    Ok(Calibration { rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, overall: Judged, scores: [u8; 5]) -> Row {
        let [empathy, fact_gathering, agreement, compliance, o] = scores;
        Row {
            scenario: "x".into(),
            case: Case {
                draw: 0,
                name: name.into(),
                class: Class::Other,
                choices: String::new(),
                plan: String::new(),
                seed: 1,
                bands: Bands {
                    empathy: Judged::Good,
                    fact_gathering: Judged::Good,
                    agreement: Judged::Fair,
                    compliance: Judged::Excellent,
                    overall,
                },
                reason: "r".into(),
            },
            scores: Scores {
                empathy,
                fact_gathering,
                agreement,
                compliance,
                overall: o,
            },
        }
    }

    #[test]
    fn cells_agree_by_band_and_orderings_follow_the_overall_band() {
        let c = Calibration {
            rows: vec![
                // empathy 79 is good, facts 80 is excellent (not good), agreement 40 fair,
                // compliance 100 excellent, overall 70 good: four of five.
                row("a", Judged::Good, [79, 80, 40, 100, 70]),
                // Judged below `a` but scored above it: one broken ordering.
                row("b", Judged::Fair, [60, 60, 59, 100, 75]),
            ],
        };
        assert_eq!(c.rows[0].matches(), 4);
        assert_eq!(c.agreement(), (4 + 4, 10));
        assert_eq!(c.by_column(), [2, 1, 2, 2, 1]);
        let inv = c.inversions();
        assert_eq!(inv.len(), 1);
        assert_eq!((inv[0].better.as_str(), inv[0].scores), ("a", (70, 75)));
        assert!(c.table().contains("agreement: 8 of 10 cells (80%)"));
    }

    #[test]
    fn a_path_that_does_not_play_is_named_with_its_file() {
        let dir = std::env::temp_dir().join(format!("dojo-calibration-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let file = dir.join("cant-pay.calibration.ron");
        let text = r#"[(name: "x", class: Other, choices: "call,nope", plan: "", bands: (empathy: Fair, fact_gathering: Fair, agreement: Fair, compliance: Fair, overall: Fair), reason: "r")]"#;
        std::fs::write(&file, text).expect("writes");
        let scenarios = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
        let e = calibrate(&dir, &scenarios).expect_err("an unknown choice");
        let msg = e.to_string();
        assert!(
            msg.contains(
                "cant-pay.calibration.ron: `x` does not play: turn 2: unknown choice `nope`"
            ),
            "{msg}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
