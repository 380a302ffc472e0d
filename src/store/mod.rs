//! The results store: every finished session (player, team, scenario and a hash of its
//! content, seed, choices, plan, ending, scores, findings, start and end), in an embedded
//! SQLite file or a team's shared PostgreSQL database, with the same schema and versioned
//! migrations for both. Every write is one transaction and every session carries a unique key,
//! so a crash loses no finished session and a retried write never stores it twice; a corrupt,
//! locked, unreachable or newer database is a clear error and is never changed.
//!
//! Queries are written once (with `?N` parameters) and run on either backend.

mod location;
mod model;
mod pg;
mod queries;
mod schema;
mod sqlite;

pub use location::{default_location, is_postgres, redact};
pub use model::*;
pub use schema::SCHEMA_VERSION;

use queries::{INSERT, added_in, json, table_of};
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: cannot open the results database: {reason}")]
    Open { path: String, reason: String },
    #[error(
        "{path}: not a collector-dojo results database, or it is corrupt ({reason}); it was left unchanged"
    )]
    Corrupt { path: String, reason: String },
    #[error("{path}: the database is locked by another program; try again in a moment")]
    Locked { path: String },
    #[error("{path}: the database is read-only; choose another")]
    ReadOnly { path: String },
    #[error(
        "{path}: made by a newer collector-dojo (schema version {found}; this one knows up to {known}); it was left unchanged"
    )]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("{path}: {reason}")]
    Sql { path: String, reason: String },
    /// Reading a database that is not there: a read never creates one.
    #[error("no results database at {path} (nothing has been stored there yet)")]
    Missing { path: String },
    /// Reading a zero-length file: a read never turns it into a database.
    #[error(
        "{path}: the file is empty, not a results database (nothing has been stored there yet); it was left unchanged"
    )]
    Empty { path: String },
    /// Reading a database without collector-dojo's tables: a read never creates them.
    #[error(
        "{path}: holds no collector-dojo results (its tables are absent: nothing has been stored there yet); it was left unchanged"
    )]
    NoSchema { path: String },
    #[error(
        "the database at {path} has no column `{column}` in table `{table}`: it was not made by this version of collector-dojo or is damaged; nothing was changed"
    )]
    MissingColumn {
        path: String,
        table: String,
        column: String,
    },
    /// A stored session that cannot be read ([`Store::read_sessions`] skips it instead).
    #[error(
        "{path}: {} cannot be read: column {}: {}{}; it was left unchanged",
        .row.session(),
        .row.column,
        .row.reason,
        more_note(.more)
    )]
    BadSession {
        path: String,
        row: SkippedRow,
        /// How many more sessions could not be read.
        more: usize,
    },
    /// Writing through a store opened with [`Store::open_read_only`].
    #[error("{path}: opened for reading only; nothing was stored")]
    OpenedForReading { path: String },
}

/// ` (and 2 more unreadable sessions)`, or nothing.
fn more_note(more: &usize) -> String {
    match more {
        0 => String::new(),
        1 => " (and 1 more unreadable session)".to_string(),
        n => format!(" (and {n} more unreadable sessions)"),
    }
}

/// The table (if the message names it) and column of a "missing column" error of either
/// backend: SQLite's `no such column: x` and `table t has no column named x`, PostgreSQL's
/// `column "x" does not exist` and `column "x" of relation "t" does not exist`.
fn missing_column(message: &str) -> Option<(Option<String>, String)> {
    let unquote = |s: &str| s.trim().trim_matches('"').to_string();
    // `s.x` and `"s"."x"`: the column is the last part.
    let last = |s: &str| unquote(s.rsplit('.').next().unwrap_or(s));
    if let Some(rest) = message.strip_prefix("no such column: ") {
        return Some((None, last(rest)));
    }
    if let Some(rest) = message.strip_prefix("table ")
        && let Some((table, column)) = rest.split_once(" has no column named ")
    {
        return Some((Some(unquote(table)), last(column)));
    }
    let rest = message
        .strip_prefix("column ")?
        .strip_suffix(" does not exist")?;
    Some(match rest.split_once(" of relation ") {
        Some((column, table)) => (Some(unquote(table)), last(column)),
        None => (None, last(rest)),
    })
}

impl StoreError {
    /// [`StoreError::MissingColumn`] if `message` (from running `sql`) says a column is missing.
    fn missing_column(path: &str, sql: &str, message: &str) -> Option<StoreError> {
        let (table, column) = missing_column(message)?;
        Some(StoreError::MissingColumn {
            path: path.to_string(),
            table: table.unwrap_or_else(|| table_of(sql).to_string()),
            column,
        })
    }
}

/// A query parameter; `Small` is for INTEGER columns (PostgreSQL types them strictly).
#[derive(Debug, Clone)]
enum Param {
    Text(String),
    OptText(Option<String>),
    Int(i64),
    Small(i32),
}

/// Reading one result row on either backend; errors name the column.
trait Cells {
    fn text(&self, i: usize) -> Result<String, String>;
    fn opt_text(&self, i: usize) -> Result<Option<String>, String>;
    fn int(&self, i: usize) -> Result<i64, String>;
    fn real(&self, i: usize) -> Result<f64, String>;
}

enum Backend {
    Sqlite(sqlite::Db),
    Postgres(Box<pg::Db>),
}

/// An open results database.
pub struct Store {
    backend: Backend,
    /// The location as shown in messages (a PostgreSQL password is left out).
    location: String,
    /// The schema version the database is at: [`SCHEMA_VERSION`] once opened for writing
    /// (migrated), possibly older when opened for reading (never migrated).
    version: i64,
    /// Opened with [`Store::open_read_only`]: writes are refused.
    read_only: bool,
}

impl Store {
    /// Opens (creating and migrating if needed) the store at `location`: a file path,
    /// `sqlite://PATH`, or `postgres://user:password@host/database`.
    pub fn open(location: &str) -> Result<Store, StoreError> {
        Store::open_with_timeout(location, Duration::from_secs(5))
    }

    /// As [`Store::open`], waiting at most `wait` for another writer or for the server.
    pub fn open_with_timeout(location: &str, wait: Duration) -> Result<Store, StoreError> {
        if is_postgres(location) {
            let shown = redact(location);
            let db = pg::Db::open(location, &shown, wait)?;
            return Ok(Store {
                backend: Backend::Postgres(Box::new(db)),
                location: shown,
                version: SCHEMA_VERSION,
                read_only: false,
            });
        }
        let path = location.strip_prefix("sqlite://").unwrap_or(location);
        Ok(Store {
            backend: Backend::Sqlite(sqlite::Db::open(path, wait)?),
            location: path.to_string(),
            version: SCHEMA_VERSION,
            read_only: false,
        })
    }

    /// Opens an existing store at `location` for reading only: nothing is created (no folder,
    /// no file, no table), nothing is migrated and nothing is written. A missing or empty file,
    /// or a database without collector-dojo's tables, is an error that says so; a database
    /// made by an older version is read as it is.
    pub fn open_read_only(location: &str) -> Result<Store, StoreError> {
        let wait = Duration::from_secs(5);
        let (backend, location) = if is_postgres(location) {
            let shown = redact(location);
            let db = pg::Db::open_read_only(location, &shown, wait)?;
            (Backend::Postgres(Box::new(db)), shown)
        } else {
            let path = location.strip_prefix("sqlite://").unwrap_or(location);
            (
                Backend::Sqlite(sqlite::Db::open_read_only(path, wait)?),
                path.to_string(),
            )
        };
        let mut store = Store {
            backend,
            location,
            version: SCHEMA_VERSION,
            read_only: true,
        };
        store.version = store.schema_version()?;
        Ok(store)
    }

    /// Where the store is, fit to show (no password).
    pub fn location(&self) -> &str {
        &self.location
    }

    /// Whether this is a shared (PostgreSQL) database.
    pub fn is_shared(&self) -> bool {
        matches!(self.backend, Backend::Postgres(_))
    }

    /// The schema version the database is at.
    pub fn schema_version(&mut self) -> Result<i64, StoreError> {
        let mut v = 0;
        self.query(
            "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
            &[],
            &mut |r| {
                v = r.int(0)?;
                Ok(())
            },
        )?;
        Ok(v)
    }

    fn query(
        &mut self,
        sql: &str,
        params: &[Param],
        each: &mut dyn FnMut(&dyn Cells) -> Result<(), String>,
    ) -> Result<(), StoreError> {
        match &mut self.backend {
            Backend::Sqlite(db) => db.query(sql, params, each),
            Backend::Postgres(db) => db.query(sql, params, each),
        }
    }

    /// Stores a session in one transaction and returns its id. A session whose key is already
    /// stored is not stored again: the existing id is returned.
    pub fn insert(&mut self, s: &StoredSession) -> Result<i64, StoreError> {
        if self.read_only {
            return Err(StoreError::OpenedForReading {
                path: self.location.clone(),
            });
        }
        let key = if s.key.is_empty() {
            new_key()
        } else {
            s.key.clone()
        };
        let scores = &s.scores;
        let params = [
            Param::Text(s.player.clone()),
            Param::Text(s.team.clone()),
            Param::Text(s.scenario.clone()),
            Param::Text(s.scenario_hash.clone()),
            Param::Text(s.title.clone()),
            Param::Text(s.seed.to_string()),
            Param::Text(json(&s.choices)),
            Param::OptText(s.plan.map(|p| json(&p))),
            Param::Text(s.ending_key().to_string()),
            Param::Small(scores.empathy.into()),
            Param::Small(scores.fact_gathering.into()),
            Param::Small(scores.agreement.into()),
            Param::Small(scores.compliance.into()),
            Param::Small(scores.overall.into()),
            Param::Text(json(&s.findings)),
            Param::Int(s.started),
            Param::Int(s.ended),
            Param::Text(key.clone()),
            Param::OptText(s.room.as_ref().map(json)),
            Param::Small(i32::try_from(s.draw).unwrap_or(i32::MAX)),
            Param::OptText(
                (s.coach != crate::coach::Coach::Off).then(|| s.coach.key().to_string()),
            ),
        ];
        let mut id = None;
        // One statement is one transaction on both backends (autocommit).
        self.query(INSERT, &params, &mut |r| {
            id = Some(r.int(0)?);
            Ok(())
        })?;
        if id.is_none() {
            self.query(
                "SELECT id FROM sessions WHERE session_key = ?1",
                &[Param::Text(key)],
                &mut |r| {
                    id = Some(r.int(0)?);
                    Ok(())
                },
            )?;
        }
        id.ok_or_else(|| StoreError::Sql {
            path: self.location.clone(),
            reason: "the session was neither stored nor found".to_string(),
        })
    }

    /// `f` as this database can answer it: before workshop rooms (schema version 3) every
    /// session was played alone.
    fn adapt(&self, f: &Filter) -> Filter {
        let mut f = f.clone();
        if self.version < added_in("room") {
            f.solo = false;
        }
        if self.version < added_in("draw") {
            // Every session of an older database met draw 0: a filter on another matches none.
            match f.draw.take() {
                Some(d) if d > 0 => f.until = Some(i64::MIN),
                _ => {}
            }
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::Scores;
    use queries::{conditions, session_select};
    use schema::MIGRATIONS;
    use std::path::PathBuf;

    #[test]
    fn a_seed_is_written_as_text_and_read_in_either_form() {
        let mut v = serde_json::to_value(session("Anouk", 100)).expect("serialises");
        assert_eq!(v["seed"], serde_json::json!("18446744073709551615"));
        let back: StoredSession = serde_json::from_value(v.clone()).expect("reads text");
        assert_eq!(back.seed, u64::MAX);
        // An outbox written before seeds were text.
        v["seed"] = serde_json::json!(42);
        let old: StoredSession = serde_json::from_value(v.clone()).expect("reads a number");
        assert_eq!(old.seed, 42);
        v["seed"] = serde_json::json!("-1");
        let err = serde_json::from_value::<StoredSession>(v).expect_err("not a seed");
        assert!(err.to_string().contains("seed `-1`"), "{err}");
    }

    #[test]
    fn passwords_are_left_out_of_messages() {
        assert_eq!(
            redact("postgres://dojo:s3cret@db.example:5432/dojo"),
            "postgres://dojo@db.example:5432/dojo"
        );
        assert_eq!(
            redact("postgres://dojo@localhost/dojo"),
            "postgres://dojo@localhost/dojo"
        );
        assert_eq!(
            redact("postgresql://localhost/x?user=a"),
            "postgresql://localhost/x?user=a"
        );
        assert_eq!(redact("/tmp/a:b@c.sqlite3"), "/tmp/a:b@c.sqlite3");
    }

    /// A fresh folder for one test.
    fn temp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("dojo-store-unit-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    fn session(player: &str, ended: i64) -> StoredSession {
        StoredSession {
            draw: 0,
            coach: Default::default(),
            id: 0,
            key: new_key(),
            player: player.into(),
            team: "Noord".into(),
            scenario: "ostrich".into(),
            scenario_hash: "h".into(),
            title: "T".into(),
            seed: u64::MAX,
            choices: vec!["call".into()],
            plan: None,
            ending: crate::scenario::Ending::from_key("hung_up"),
            scores: Scores {
                empathy: 1,
                fact_gathering: 2,
                agreement: 3,
                compliance: 4,
                overall: 5,
            },
            findings: Vec::new(),
            started: ended - 10,
            ended,
            room: None,
        }
    }

    /// The files in a folder, by name.
    fn files(dir: &std::path::Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .expect("reads")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn reading_a_missing_database_creates_no_folder_and_no_file() {
        let dir = temp("missing");
        let path = dir.join("typo/a/b.sqlite3");
        let location = path.display().to_string();
        match Store::open_read_only(&location) {
            Err(e @ StoreError::Missing { .. }) => assert_eq!(
                e.to_string(),
                format!("no results database at {location} (nothing has been stored there yet)")
            ),
            other => panic!("expected Missing, got {:?}", other.err()),
        }
        // Also as a sqlite:// location.
        assert!(matches!(
            Store::open_read_only(&format!("sqlite://{location}")),
            Err(StoreError::Missing { .. })
        ));
        assert!(files(&dir).is_empty(), "nothing created: {:?}", files(&dir));
        // Writing still creates the folders and the database.
        let mut s = Store::open(&location).expect("a write creates it");
        s.insert(&session("Anouk", 20)).expect("stores");
        assert!(path.exists());
        drop(s);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn reading_an_empty_file_leaves_it_empty() {
        let dir = temp("empty");
        let path = dir.join("empty.sqlite3");
        std::fs::write(&path, b"").expect("writes");
        match Store::open_read_only(path.to_str().expect("utf-8")) {
            Err(e @ StoreError::Empty { .. }) => {
                let msg = e.to_string();
                assert!(
                    msg.contains("empty.sqlite3")
                        && msg.contains("empty, not a results database")
                        && msg.contains("left unchanged"),
                    "{msg}"
                );
            }
            other => panic!("expected Empty, got {:?}", other.err()),
        }
        assert_eq!(std::fs::read(&path).expect("reads"), b"");
        assert_eq!(files(&dir), ["empty.sqlite3"], "no journal beside it");

        // A SQLite file without any table is no results database either, and stays as it was.
        let bare = dir.join("bare.sqlite3");
        rusqlite::Connection::open(&bare)
            .and_then(|c| c.execute_batch("PRAGMA user_version = 1;"))
            .expect("makes a table-less database");
        let before = std::fs::read(&bare).expect("reads");
        assert!(matches!(
            Store::open_read_only(bare.to_str().expect("utf-8")),
            Err(StoreError::NoSchema { .. })
        ));
        assert_eq!(std::fs::read(&bare).expect("reads"), before);
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// A version-1 database (before session keys and rooms), as an old collector-dojo made it.
    fn version_one(path: &std::path::Path) {
        let c = rusqlite::Connection::open(path).expect("opens");
        c.execute_batch(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied INTEGER NOT NULL);
             INSERT INTO schema_migrations VALUES (1, 0);",
        )
        .expect("creates");
        c.execute_batch(MIGRATIONS[0].sqlite).expect("migrates");
        c.execute_batch(
            "INSERT INTO sessions VALUES (NULL, 'Anouk', 'Noord', 'ostrich', 'h', 'T', '7',
               '[\"call\"]', NULL, 'hung_up', 1, 2, 3, 4, 5, '[]', 10, 20);",
        )
        .expect("inserts");
    }

    #[test]
    fn reading_an_older_database_does_not_migrate_it() {
        let dir = temp("older");
        let path = dir.join("old.sqlite3");
        version_one(&path);
        let before = std::fs::read(&path).expect("reads");
        let mut s = Store::open_read_only(path.to_str().expect("utf-8")).expect("opens");
        assert_eq!(s.schema_version().expect("reads"), 1);
        let listing = s.read_sessions(&Filter::default()).expect("reads");
        assert!(listing.skipped.is_empty());
        assert_eq!(listing.sessions.len(), 1);
        assert_eq!(
            (
                listing.sessions[0].player.as_str(),
                listing.sessions[0].seed
            ),
            ("Anouk", 7)
        );
        assert_eq!(listing.sessions[0].key, "");
        assert_eq!(listing.sessions[0].room, None);
        // Leaderboards (solo sessions only) work before rooms existed.
        let board = s
            .leaderboard(
                &Filter {
                    solo: true,
                    ..Default::default()
                },
                Measure::Overall,
                10,
            )
            .expect("ranks");
        assert_eq!(board.len(), 1);
        // A store opened for reading refuses to write.
        assert!(matches!(
            s.insert(&session("Bram", 30)),
            Err(StoreError::OpenedForReading { .. })
        ));
        drop(s);
        assert_eq!(
            std::fs::read(&path).expect("reads"),
            before,
            "byte-identical"
        );
        let c = rusqlite::Connection::open(&path).expect("opens");
        let version: i64 = c
            .query_row("SELECT MAX(version) FROM schema_migrations", [], |r| {
                r.get(0)
            })
            .expect("reads");
        assert_eq!(version, 1, "not migrated");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn sessions_stored_before_typed_findings_read_back_whole() {
        // Before findings were typed, a session kept each note in the words of the language it
        // was played in, and `none` for an ending it never reached.
        let dir = temp("untyped-findings");
        let path = dir.join("r.sqlite3");
        let location = path.display().to_string();
        let mut s = Store::open(&location).expect("creates");
        let id = s.insert(&session("Anouk", 20)).expect("stores");
        drop(s);
        let old = r#"[{"turn":2,"principle":"anna","principle_title":"ANNA: always ask, never assume","verdict":"debit","dimension":"fact_gathering","points":-5,"note":"Filled in for the customer."}]"#;
        let c = rusqlite::Connection::open(&path).expect("opens");
        c.execute(
            "UPDATE sessions SET findings = ?1, ending = 'none' WHERE id = ?2",
            rusqlite::params![old, id],
        )
        .expect("writes the old form");
        drop(c);
        let mut s = Store::open_read_only(&location).expect("opens");
        let back = s.sessions(&Filter::default()).expect("reads every row");
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].ending, None);
        assert_eq!(
            back[0].findings,
            [StoredFinding {
                turn: 2,
                principle: crate::scenario::Principle::Anna,
                verdict: crate::score::Verdict::Debit,
                dimension: crate::score::Dimension::FactGathering,
                points: -5,
                note: StoredNote::Words("Filled in for the customer.".into()),
            }]
        );
        // Progress reads it as any other debit.
        let refs: Vec<&StoredSession> = back.iter().collect();
        assert_eq!(
            crate::progress::broken_principles(&refs),
            [(crate::scenario::Principle::Anna, 1)]
        );
        // An ending no version wrote is a damaged cell, named, not a guess.
        drop(s);
        let c = rusqlite::Connection::open(&path).expect("opens");
        c.execute("UPDATE sessions SET ending = 'won' WHERE id = ?1", [id])
            .expect("damages");
        drop(c);
        let mut s = Store::open_read_only(&location).expect("opens");
        let listing = s.read_sessions(&Filter::default()).expect("lists");
        assert_eq!(listing.skipped.len(), 1);
        assert!(
            listing.skipped[0]
                .to_string()
                .contains("column ending: `won` is not an ending (known: none, arrangement"),
            "{}",
            listing.skipped[0]
        );
        drop(s);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn one_corrupt_row_is_skipped_and_named_and_the_others_are_listed() {
        let dir = temp("corrupt-row");
        let path = dir.join("r.sqlite3");
        let location = path.display().to_string();
        let mut s = Store::open(&location).expect("creates");
        let ids: Vec<i64> = (0..3)
            .map(|i| {
                s.insert(&session(&format!("P{i}"), 20 + i))
                    .expect("stores")
            })
            .collect();
        drop(s);
        let c = rusqlite::Connection::open(&path).expect("opens");
        c.execute(
            "UPDATE sessions SET findings = '{not json' WHERE id = ?1",
            [ids[1]],
        )
        .expect("damages a row");
        let key: String = c
            .query_row(
                "SELECT session_key FROM sessions WHERE id = ?1",
                [ids[1]],
                |r| r.get(0),
            )
            .expect("reads");
        drop(c);
        let before = std::fs::read(&path).expect("reads");

        let mut s = Store::open_read_only(&location).expect("opens");
        let listing = s.read_sessions(&Filter::default()).expect("lists");
        let listed: Vec<i64> = listing.sessions.iter().map(|s| s.id).collect();
        assert_eq!(listed, [ids[0], ids[2]], "every good row is listed");
        assert_eq!(listing.skipped.len(), 1);
        let bad = &listing.skipped[0];
        assert_eq!(
            (bad.id, bad.key.as_deref(), bad.column),
            (Some(ids[1]), Some(key.as_str()), "findings")
        );
        let warning = bad.to_string();
        assert!(
            warning.starts_with(&format!(
                "session {} (key {key}) skipped: column findings: ",
                ids[1]
            )),
            "{warning}"
        );
        // The strict listing names the row, the column and the file.
        match s.sessions(&Filter::default()) {
            Err(e @ StoreError::BadSession { .. }) => {
                let msg = e.to_string();
                assert!(
                    msg.starts_with(&format!("{location}: session {} (key {key})", ids[1]))
                        && msg.contains("column findings")
                        && msg.contains("left unchanged"),
                    "{msg}"
                );
            }
            other => panic!("expected BadSession, got {other:?}"),
        }
        drop(s);
        assert_eq!(
            std::fs::read(&path).expect("reads"),
            before,
            "a read changes nothing"
        );

        // A damaged seed is named too, with the value.
        let c = rusqlite::Connection::open(&path).expect("opens");
        c.execute("UPDATE sessions SET seed = 'abc' WHERE id = ?1", [ids[2]])
            .expect("damages a row");
        drop(c);
        let mut s = Store::open(&location).expect("opens");
        let listing = s.read_sessions(&Filter::default()).expect("lists");
        assert_eq!(listing.sessions.len(), 1);
        let columns: Vec<&str> = listing.skipped.iter().map(|b| b.column).collect();
        assert_eq!(columns, ["findings", "seed"]);
        assert!(listing.skipped[1].reason.contains("`abc` is not a seed"));
        assert!(
            s.sessions(&Filter::default())
                .is_err_and(|e| e.to_string().contains("(and 1 more unreadable session)"))
        );
        drop(s);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_session_keeps_its_customer_and_a_board_of_one_scenario_ranks_per_customer() {
        let dir = temp("draws");
        let location = dir.join("r.sqlite3").display().to_string();
        let mut s = Store::open(&location).expect("creates");
        let with = |player: &str, draw: usize, overall: u8, ended: i64| {
            let mut x = session(player, ended);
            x.draw = draw;
            x.scores.overall = overall;
            x
        };
        s.insert(&with("Anouk", 0, 90, 10)).expect("stores");
        s.insert(&with("Anouk", 3, 40, 20)).expect("stores");
        s.insert(&with("Bram", 3, 70, 30)).expect("stores");
        let read = s.read_sessions(&Filter::default()).expect("reads").sessions;
        assert_eq!(read.iter().map(|x| x.draw).collect::<Vec<_>>(), [0, 3, 3]);
        let only = |draw| Filter {
            draw: Some(draw),
            ..Default::default()
        };
        assert_eq!(s.read_sessions(&only(3)).expect("reads").sessions.len(), 2);
        // One scenario: each customer its own standing, so Anouk's 90 on draw 0 does not rank
        // her above Bram on draw 3, where she scored 40.
        let board = s
            .leaderboard(
                &Filter {
                    scenario: Some("ostrich".into()),
                    ..Default::default()
                },
                Measure::Overall,
                10,
            )
            .expect("ranks");
        let rows: Vec<(&str, Option<usize>, u8)> = board
            .iter()
            .map(|r| (r.player.as_str(), r.draw, r.best))
            .collect();
        assert_eq!(
            rows,
            [
                ("Anouk", Some(0), 90),
                ("Bram", Some(3), 70),
                ("Anouk", Some(3), 40)
            ]
        );
        let board = s
            .leaderboard(&only(3), Measure::Overall, 10)
            .expect("ranks");
        assert_eq!(board.len(), 2);
        drop(s);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_missing_column_is_named_instead_of_printing_sql() {
        let dir = temp("missing-column");
        let path = dir.join("r.sqlite3");
        let location = path.display().to_string();
        let mut s = Store::open(&location).expect("creates");
        s.insert(&session("Anouk", 20)).expect("stores");
        drop(s);
        rusqlite::Connection::open(&path)
            .and_then(|c| c.execute_batch("ALTER TABLE sessions DROP COLUMN title;"))
            .expect("drops a column");
        let before = std::fs::read(&path).expect("reads");
        let mut s = Store::open_read_only(&location).expect("opens");
        match s.read_sessions(&Filter::default()) {
            Err(e @ StoreError::MissingColumn { .. }) => assert_eq!(
                e.to_string(),
                format!(
                    "the database at {location} has no column `title` in table `sessions`: it was not made by this version of collector-dojo or is damaged; nothing was changed"
                )
            ),
            other => panic!("expected MissingColumn, got {other:?}"),
        }
        drop(s);
        assert_eq!(std::fs::read(&path).expect("reads"), before);
        // A write names it too.
        let mut s = Store::open(&location).expect("opens");
        assert!(matches!(
            s.insert(&session("Bram", 30)),
            Err(StoreError::MissingColumn { ref column, ref table, .. })
                if column == "title" && table == "sessions"
        ));
        drop(s);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn missing_columns_are_read_from_either_backends_message() {
        let cases = [
            ("no such column: title", None, "title"),
            ("no such column: s.title", None, "title"),
            (
                "table sessions has no column named room",
                Some("sessions"),
                "room",
            ),
            ("column \"title\" does not exist", None, "title"),
            ("column s.title does not exist", None, "title"),
            (
                "column \"room\" of relation \"sessions\" does not exist",
                Some("sessions"),
                "room",
            ),
        ];
        for (message, table, column) in cases {
            assert_eq!(
                missing_column(message),
                Some((table.map(str::to_string), column.to_string())),
                "{message}"
            );
        }
        assert_eq!(missing_column("syntax error"), None);
        assert_eq!(missing_column("relation \"sessions\" does not exist"), None);
        assert_eq!(table_of("SELECT a, b FROM sessions WHERE x"), "sessions");
        assert_eq!(table_of("INSERT INTO sessions (a) VALUES (?1)"), "sessions");
    }

    #[test]
    fn older_schemas_read_later_columns_as_null() {
        assert!(
            session_select(1)
                .ends_with("NULL AS session_key, NULL AS room, 0 AS draw, NULL AS coach")
        );
        assert!(
            session_select(2).ends_with(", session_key, NULL AS room, 0 AS draw, NULL AS coach")
        );
        assert!(session_select(4).ends_with(", session_key, room, 0 AS draw, NULL AS coach"));
        assert!(session_select(5).ends_with(", session_key, room, draw, NULL AS coach"));
        assert!(session_select(SCHEMA_VERSION).ends_with(", session_key, room, draw, coach"));
    }

    #[test]
    fn filters_become_numbered_conditions() {
        let mut params = Vec::new();
        let f = Filter {
            team: Some("Noord".into()),
            since: Some(10),
            until: Some(20),
            ..Default::default()
        };
        assert_eq!(
            conditions(&f, &mut params),
            " WHERE team = ?1 AND ended >= ?2 AND ended < ?3"
        );
        assert_eq!(params.len(), 3);
        assert_eq!(conditions(&Filter::default(), &mut Vec::new()), "");
    }
}
