//! Finished sessions kept on disk (one JSON line each) for the history screen and the best
//! score on each scenario card. Appending a whole line at a time means a crash loses at most
//! the session being played; an unreadable line is skipped with a warning, never fatal.

use crate::score::Scores;
use bevy::prelude::*;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub player: String,
    pub team: String,
    pub scenario: String,
    pub title: String,
    pub seed: u64,
    pub choices: Vec<String>,
    pub plan: Option<crate::render::Plan>,
    pub ending: String,
    pub scores: Scores,
    /// Seconds since the Unix epoch.
    pub started: u64,
    pub ended: u64,
}

/// All records, plus where they are stored.
#[derive(Resource, Debug, Default)]
pub struct Records {
    pub file: Option<PathBuf>,
    pub all: Vec<Record>,
    /// Why the last write failed, to show in the game (which stays playable).
    pub error: Option<String>,
}

impl Records {
    /// The player's best overall score on a scenario.
    pub fn best(&self, player: &str, scenario: &str) -> Option<&Record> {
        self.all
            .iter()
            .filter(|r| r.player == player && r.scenario == scenario)
            .max_by_key(|r| r.scores.overall)
    }

    /// The player's sessions, newest first.
    pub fn of(&self, player: &str) -> Vec<&Record> {
        let mut v: Vec<&Record> = self.all.iter().filter(|r| r.player == player).collect();
        v.sort_by_key(|r| std::cmp::Reverse(r.ended));
        v
    }

    /// Stores a finished session: appended to the file, then kept in memory.
    pub fn add(&mut self, record: Record) {
        if let Some(file) = &self.file {
            match append(file, &record) {
                Ok(()) => self.error = None,
                Err(e) => {
                    let msg = format!("could not save this session to {}: {e}", file.display());
                    warn!("{msg}");
                    self.error = Some(msg);
                }
            }
        }
        self.all.push(record);
    }
}

fn append(file: &Path, record: &Record) -> std::io::Result<()> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut line = serde_json::to_string(record).map_err(std::io::Error::other)?;
    line.push('\n');
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(file)?;
    f.write_all(line.as_bytes())?;
    f.sync_data()
}

/// Reads a records file, skipping (and reporting) lines that do not parse.
pub fn read(file: &Path) -> (Vec<Record>, Vec<String>) {
    let Ok(text) = std::fs::read_to_string(file) else {
        return (Vec::new(), Vec::new());
    };
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        match serde_json::from_str(line) {
            Ok(r) => records.push(r),
            Err(e) => problems.push(format!("{}:{}: skipped: {e}", file.display(), i + 1)),
        }
    }
    (records, problems)
}

/// `$COLLECTOR_DOJO_DATA_DIR`, else the platform data folder.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("COLLECTOR_DOJO_DATA_DIR") {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("nl", "collector-dojo", "collector-dojo")
        .map(|d| d.data_dir().to_path_buf())
}

/// The data folder the game uses; tests and automation point it elsewhere.
#[derive(Resource, Debug, Clone)]
pub struct DataDir(pub Option<PathBuf>);

pub(super) fn plugin(app: &mut App) {
    let dir = app
        .world()
        .get_resource::<DataDir>()
        .cloned()
        .unwrap_or_else(|| DataDir(data_dir()));
    let file = dir.0.as_ref().map(|d| d.join("sessions.jsonl"));
    let (all, problems) = file.as_deref().map(read).unwrap_or_default();
    for p in &problems {
        warn!("{p}");
    }
    app.insert_resource(Records {
        file,
        all,
        error: None,
    })
    .insert_resource(dir);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(overall: u8, ended: u64) -> Record {
        Record {
            player: "Anouk".into(),
            team: "Noord".into(),
            scenario: "ostrich".into(),
            title: "t".into(),
            seed: 1,
            choices: vec!["call".into()],
            plan: None,
            ending: "hung_up".into(),
            scores: Scores {
                empathy: overall,
                fact_gathering: overall,
                agreement: overall,
                compliance: overall,
                overall,
            },
            started: ended.saturating_sub(60),
            ended,
        }
    }

    #[test]
    fn records_survive_a_restart_and_a_corrupt_line_is_skipped() {
        let dir = std::env::temp_dir().join(format!("dojo-records-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let file = dir.join("sessions.jsonl");
        let mut r = Records {
            file: Some(file.clone()),
            ..Default::default()
        };
        r.add(record(40, 1000));
        r.add(record(85, 2000));
        std::fs::OpenOptions::new()
            .append(true)
            .open(&file)
            .unwrap()
            .write_all(b"{not json\n")
            .unwrap();
        let (all, problems) = read(&file);
        assert_eq!(all.len(), 2);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("sessions.jsonl:3"));
        let again = Records {
            file: Some(file),
            all,
            error: None,
        };
        assert_eq!(
            again.best("Anouk", "ostrich").map(|r| r.scores.overall),
            Some(85)
        );
        assert_eq!(again.of("Anouk")[0].ended, 2000);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn an_unwritable_file_is_reported_not_fatal() {
        let mut r = Records {
            file: Some(PathBuf::from("/proc/forbidden/sessions.jsonl")),
            ..Default::default()
        };
        r.add(record(50, 10));
        assert!(r.error.as_deref().unwrap_or("").contains("could not save"));
        assert_eq!(r.all.len(), 1, "the session stays in this run's history");
    }
}
