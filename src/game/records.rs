//! The game's side of the results store: finished sessions go into the same SQLite database
//! as `collector-dojo run --player` (the history screen and the best score on each card read
//! it back). A database that cannot be opened or written is shown, never fatal: the game stays
//! playable and keeps this run's sessions in memory.

use crate::store::{Filter, Session, Store};
use bevy::prelude::*;

/// This run's view of the store.
#[derive(Resource, Debug, Default)]
pub struct Records {
    /// The database location; `None` keeps sessions in memory only.
    pub location: Option<String>,
    pub all: Vec<Session>,
    /// Why the database could not be read or written, to show in the game.
    pub error: Option<String>,
}

impl Records {
    /// Reads every stored session from `location`.
    pub fn open(location: Option<String>) -> Records {
        let mut r = Records {
            location,
            ..Default::default()
        };
        if let Some(loc) = &r.location {
            match Store::open(loc).and_then(|mut s| s.sessions(&Filter::default())) {
                Ok(all) => r.all = all,
                Err(e) => {
                    warn!("{e}");
                    r.error = Some(e.to_string());
                }
            }
        }
        r
    }

    /// The player's best overall score on a scenario.
    pub fn best(&self, player: &str, scenario: &str) -> Option<&Session> {
        self.all
            .iter()
            .filter(|r| r.player == player && r.scenario == scenario)
            .max_by_key(|r| r.scores.overall)
    }

    /// The player's sessions, newest first.
    pub fn of(&self, player: &str) -> Vec<&Session> {
        let mut v: Vec<&Session> = self.all.iter().filter(|r| r.player == player).collect();
        v.sort_by_key(|r| std::cmp::Reverse(r.ended));
        v
    }

    /// Stores a finished session (one transaction), then keeps it in memory.
    pub fn add(&mut self, mut session: Session) {
        if let Some(loc) = &self.location {
            match Store::open(loc).and_then(|mut s| s.insert(&session)) {
                Ok(id) => {
                    session.id = id;
                    self.error = None;
                }
                Err(e) => {
                    let msg = format!("this session was not saved: {e}");
                    warn!("{msg}");
                    self.error = Some(msg);
                }
            }
        }
        self.all.push(session);
    }
}

/// The results database the game uses; tests and automation point it elsewhere.
#[derive(Resource, Debug, Clone)]
pub struct DataDir(pub Option<std::path::PathBuf>);

/// An explicit database (`--db`), overriding the data folder.
#[derive(Resource, Debug, Clone)]
pub struct Database(pub String);

pub(super) fn plugin(app: &mut App) {
    let location = match (
        app.world().get_resource::<Database>(),
        app.world().get_resource::<DataDir>(),
    ) {
        (Some(db), _) => Some(db.0.clone()),
        (None, Some(DataDir(dir))) => dir
            .as_ref()
            .map(|d| d.join("results.sqlite3").display().to_string()),
        (None, None) => Some(crate::store::default_location()),
    };
    app.insert_resource(Records::open(location));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(player: &str, overall: u8, ended: i64) -> Session {
        Session {
            id: 0,
            key: crate::store::new_key(),
            player: player.into(),
            team: "Noord".into(),
            scenario: "ostrich".into(),
            scenario_hash: "h".into(),
            title: "t".into(),
            seed: 1,
            choices: vec!["call".into()],
            plan: None,
            ending: "hung_up".into(),
            scores: crate::score::Scores {
                empathy: overall,
                fact_gathering: overall,
                agreement: overall,
                compliance: overall,
                overall,
            },
            findings: serde_json::json!([]),
            started: ended.saturating_sub(60),
            ended,
        }
    }

    #[test]
    fn sessions_survive_a_restart() {
        let dir = std::env::temp_dir().join(format!("dojo-records-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let loc = dir.join("r.sqlite3").display().to_string();
        let mut r = Records::open(Some(loc.clone()));
        r.add(session("Anouk", 40, 1000));
        r.add(session("Anouk", 85, 2000));
        assert_eq!(r.error, None);
        let again = Records::open(Some(loc));
        assert_eq!(again.all.len(), 2);
        assert_eq!(
            again.best("Anouk", "ostrich").map(|s| s.scores.overall),
            Some(85)
        );
        assert_eq!(again.of("Anouk")[0].ended, 2000);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_corrupt_database_is_reported_and_the_game_goes_on() {
        let dir = std::env::temp_dir().join(format!("dojo-records-bad-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("r.sqlite3");
        std::fs::write(
            &file,
            b"definitely not sqlite, but long enough to be read as a header",
        )
        .unwrap();
        let mut r = Records::open(Some(file.display().to_string()));
        assert!(r.error.as_deref().unwrap_or("").contains("corrupt"));
        r.add(session("Anouk", 50, 10));
        assert!(r.error.as_deref().unwrap_or("").contains("not saved"));
        assert_eq!(r.all.len(), 1, "the session stays in this run's history");
        assert!(
            std::fs::read(&file)
                .unwrap()
                .starts_with(b"definitely not sqlite"),
            "the file is untouched"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
