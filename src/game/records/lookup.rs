//! The questions the screens ask the results database (the team board, the room's players'
//! own results), each answered on a thread of its own: a team server can take seconds, and no
//! frame waits for it. A screen shows the last answer meanwhile, and the error if there is one.

use super::Waker;
use crate::store::{Filter, Point, Standing, Store, StoreError, StoredSession};
use bevy::prelude::*;
use std::thread::JoinHandle;

/// Why a question got no answer.
#[derive(Debug, thiserror::Error)]
pub enum LookupError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot ask the results database: {0}")]
    Spawn(#[source] std::io::Error),
    #[error("the question to the results database stopped without an answer")]
    Stopped,
}

/// A question to the database, keyed by what it asks (`K`), answered on a thread. One runs at
/// a time: a key changed meanwhile is asked when the running question is answered.
#[derive(Debug)]
pub struct Lookup<K, T> {
    /// What the answer (or the running question) is for.
    asked: Option<K>,
    running: Option<JoinHandle<Result<T, StoreError>>>,
    answer: T,
    error: Option<LookupError>,
}

impl<K, T: Default> Default for Lookup<K, T> {
    fn default() -> Self {
        Lookup {
            asked: None,
            running: None,
            answer: T::default(),
            error: None,
        }
    }
}

impl<K: PartialEq, T: Default + Send + 'static> Lookup<K, T> {
    /// Whether `key` is still to be asked (nothing runs, and it is not what was asked last).
    pub fn wants(&self, key: &K) -> bool {
        self.running.is_none() && self.asked.as_ref() != Some(key)
    }

    /// Asks `question` of the database at `location` on a thread; with no database (memory
    /// only) the answer is empty at once.
    pub fn ask(
        &mut self,
        key: K,
        location: Option<&str>,
        waker: &Waker,
        question: impl FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
    ) {
        self.asked = Some(key);
        let Some(location) = location.map(str::to_string) else {
            self.answer = T::default();
            self.error = None;
            return;
        };
        let task = std::thread::Builder::new()
            .name("store-lookup".into())
            .spawn({
                let waker = waker.clone();
                move || {
                    let answer = Store::open(&location).and_then(|mut s| question(&mut s));
                    waker.wake();
                    answer
                }
            });
        match task {
            Ok(handle) => self.running = Some(handle),
            Err(e) => {
                warn!("cannot ask the results database: {e}");
                self.error = Some(LookupError::Spawn(e));
            }
        }
    }

    /// Takes the answer once the thread is done; true when the answer or error changed.
    pub fn take(&mut self) -> bool {
        if !self.running.as_ref().is_some_and(|h| h.is_finished()) {
            return false;
        }
        let Some(handle) = self.running.take() else {
            return false;
        };
        match handle.join() {
            Ok(Ok(answer)) => {
                self.answer = answer;
                self.error = None;
            }
            Ok(Err(e)) => {
                warn!("{e}");
                self.error = Some(LookupError::Store(e));
            }
            Err(_) => {
                warn!("{}", LookupError::Stopped);
                self.error = Some(LookupError::Stopped);
            }
        }
        true
    }

    /// The last answer (empty before the first).
    pub fn answer(&self) -> &T {
        &self.answer
    }

    /// Why the last question got no answer.
    pub fn error(&self) -> Option<&LookupError> {
        self.error.as_ref()
    }

    /// A question is on its way.
    pub fn waiting(&self) -> bool {
        self.running.is_some()
    }

    /// The answer is to the question asked last (nothing is on its way).
    pub fn answered(&self) -> bool {
        self.asked.is_some() && self.running.is_none()
    }
}

/// The period a leaderboard covers, up to now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    Week,
    #[default]
    Month,
    Quarter,
    Year,
    All,
}

impl Period {
    pub const ALL: [Period; 5] = [
        Period::Week,
        Period::Month,
        Period::Quarter,
        Period::Year,
        Period::All,
    ];
    pub fn days(self) -> Option<i64> {
        match self {
            Period::Week => Some(7),
            Period::Month => Some(30),
            Period::Quarter => Some(91),
            Period::Year => Some(365),
            Period::All => None,
        }
    }
    pub fn next(self) -> Period {
        let i = Period::ALL.iter().position(|p| *p == self).unwrap_or(0);
        Period::ALL[(i + 1) % Period::ALL.len()]
    }
}

/// What the trainer or player asked the team board to show.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardQuery {
    /// `None`: every scenario.
    pub scenario: Option<String>,
    pub measure: crate::store::Measure,
    /// `None`: every team.
    pub team: Option<String>,
    pub period: Period,
    /// Only sessions on the scenario's current content (its hash), so a changed scenario's
    /// scores are not mixed with the old one's.
    pub this_version: bool,
}

impl Default for BoardQuery {
    fn default() -> Self {
        BoardQuery {
            scenario: None,
            measure: crate::store::Measure::Overall,
            team: None,
            period: Period::Month,
            this_version: true,
        }
    }
}

/// What the database answered for the team board.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct BoardData {
    pub standings: Vec<Standing>,
    /// The filtered sessions' scores, for trends and the chart.
    pub points: Vec<Point>,
    pub teams: Vec<String>,
    /// Sessions of this scenario on other versions, left out by `this_version`.
    pub other_versions: i64,
}

/// How many players a board lists.
pub const BOARD_SIZE: usize = 50;

/// The team board's queries as of `now`; `current_hash` is the content hash of the scenario's
/// version in the scenarios folder.
pub fn board(
    store: &mut Store,
    q: &BoardQuery,
    current_hash: Option<&str>,
    now: i64,
) -> Result<BoardData, StoreError> {
    let filter = Filter {
        scenario: q.scenario.clone(),
        team: q.team.clone(),
        scenario_hash: if q.this_version && q.scenario.is_some() {
            current_hash.map(str::to_string)
        } else {
            None
        },
        since: q.period.days().map(|d| now - d * 86_400),
        // A workshop room is not a player on the board.
        solo: true,
        ..Default::default()
    };
    let other_versions = match (&q.scenario, current_hash) {
        (Some(id), Some(h)) if q.this_version => store
            .versions(id)?
            .iter()
            .filter(|v| v.scenario_hash != h)
            .map(|v| v.sessions)
            .sum(),
        _ => 0,
    };
    Ok(BoardData {
        standings: store.leaderboard(&filter, q.measure, BOARD_SIZE)?,
        points: store.points(&filter)?,
        teams: store.teams()?,
        other_versions,
    })
}

/// Everyone's own sessions on a scenario (not a workshop room's), to compare a room with.
pub fn own_results(store: &mut Store, scenario: &str) -> Result<Vec<StoredSession>, StoreError> {
    store.sessions(&Filter {
        scenario: Some(scenario.to_string()),
        solo: true,
        ..Default::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(player: &str, team: &str, hash: &str, overall: u8, ended: i64) -> StoredSession {
        StoredSession {
            draw: 0,
            coach: Default::default(),
            id: 0,
            key: crate::store::new_key(),
            player: player.into(),
            team: team.into(),
            scenario: "ostrich".into(),
            scenario_hash: hash.into(),
            title: "T".into(),
            seed: 1,
            choices: vec![],
            plan: None,
            ending: crate::scenario::Ending::from_key("arrangement"),
            scores: crate::score::Scores {
                empathy: overall,
                fact_gathering: overall,
                agreement: overall,
                compliance: 100,
                overall,
            },
            findings: Vec::new(),
            started: ended - 60,
            ended,
            room: None,
        }
    }

    fn temp(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("dojo-lookup-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn the_board_filters_by_version_team_and_period() {
        let dir = temp("board");
        let loc = dir.join("r.sqlite3").display().to_string();
        let mut store = Store::open(&loc).expect("a new database");
        let now = 100 * 86_400;
        for (player, team, hash, overall, ago_days) in [
            ("Anouk", "Noord", "v2", 70, 1),
            ("Anouk", "Noord", "v2", 90, 2),
            ("Bram", "Zuid", "v2", 80, 3),
            ("Chris", "Noord", "v1", 99, 4),
            ("Dana", "Noord", "v2", 95, 40),
        ] {
            let s = session(player, team, hash, overall, now - ago_days * 86_400);
            store.insert(&s).expect("stored");
        }
        let q = BoardQuery {
            scenario: Some("ostrich".into()),
            team: Some("Noord".into()),
            ..Default::default()
        };
        let d = board(&mut store, &q, Some("v2"), now).expect("answered");
        let names: Vec<&str> = d.standings.iter().map(|s| s.player.as_str()).collect();
        assert_eq!(
            names,
            vec!["Anouk"],
            "Bram is in Zuid, Chris on v1, Dana too long ago"
        );
        assert_eq!(d.other_versions, 1);
        assert_eq!(d.points.len(), 2);
        assert_eq!(d.teams, vec!["Noord", "Zuid"]);
        let all_versions = BoardQuery {
            this_version: false,
            period: Period::All,
            ..q
        };
        let d = board(&mut store, &all_versions, Some("v2"), now).expect("answered");
        let names: Vec<&str> = d.standings.iter().map(|s| s.player.as_str()).collect();
        assert_eq!(names, vec!["Chris", "Dana", "Anouk"]);
        assert_eq!(
            own_results(&mut store, "ostrich").expect("answered").len(),
            5
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// The question runs on its thread; the answer is taken when it is done, and asked once
    /// per key. An unusable database is an error to show, the last answer stays.
    #[test]
    fn a_lookup_answers_off_the_frame_and_keeps_its_error() {
        let dir = temp("thread");
        std::fs::create_dir_all(&dir).expect("a folder");
        let loc = dir.join("r.sqlite3").display().to_string();
        let mut store = Store::open(&loc).expect("a new database");
        store
            .insert(&session("Anouk", "Noord", "v1", 70, 1000))
            .expect("stored");
        drop(store);
        let mut lookup: Lookup<u64, Vec<StoredSession>> = Lookup::default();
        assert!(lookup.wants(&1));
        lookup.ask(1, Some(&loc), &Waker::default(), |s| {
            own_results(s, "ostrich")
        });
        assert!(!lookup.wants(&2), "one question at a time");
        while !lookup.take() {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert!(lookup.answered());
        assert_eq!(lookup.answer().len(), 1);
        assert!(lookup.error().is_none());
        assert!(!lookup.wants(&1), "asked once");
        let broken = dir.join("broken.sqlite3");
        std::fs::write(
            &broken,
            b"definitely not sqlite, but long enough to be read as a header",
        )
        .expect("written");
        lookup.ask(
            2,
            Some(&broken.display().to_string()),
            &Waker::default(),
            |s| own_results(s, "ostrich"),
        );
        while !lookup.take() {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert!(
            lookup
                .error()
                .is_some_and(|e| e.to_string().contains("corrupt")),
            "{:?}",
            lookup.error()
        );
        assert_eq!(lookup.answer().len(), 1, "the last answer stays");
        lookup.ask(3, None, &Waker::default(), |s| own_results(s, "ostrich"));
        assert!(lookup.answer().is_empty() && lookup.error().is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
