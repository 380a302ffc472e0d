//! The results store: every finished session (player, team, scenario and a hash of its
//! content, seed, choices, plan, ending, scores, findings, start and end) in SQLite, with
//! versioned migrations. Writes are transactions in WAL mode, so a crash loses no finished
//! session and leaves a readable database; a corrupt, locked or newer database is a clear
//! error and is never changed.

use crate::render::Plan;
use crate::report::Report;
use crate::score::Scores;
use rusqlite::{Connection, OpenFlags, params};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One stored session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Row id; 0 before it is stored.
    pub id: i64,
    pub player: String,
    pub team: String,
    pub scenario: String,
    /// SHA-256 of the scenario file's text: a changed scenario's scores are not mixed silently.
    pub scenario_hash: String,
    pub title: String,
    pub seed: u64,
    pub choices: Vec<String>,
    pub plan: Option<Plan>,
    pub ending: String,
    pub scores: Scores,
    /// The findings as `run --json` reports them (turn, principle, verdict, dimension, note).
    pub findings: serde_json::Value,
    /// Seconds since the Unix epoch.
    pub started: i64,
    pub ended: i64,
}

impl Session {
    /// A session from a finished report.
    pub fn from_report(
        r: &Report,
        hash: &str,
        player: &str,
        team: &str,
        started: i64,
        ended: i64,
    ) -> Session {
        Session {
            id: 0,
            player: player.to_string(),
            team: team.to_string(),
            scenario: r.scenario.clone(),
            scenario_hash: hash.to_string(),
            title: r.title.clone(),
            seed: r.seed,
            choices: r.choices.clone(),
            plan: r.plan,
            ending: r.ending.map_or("none", |e| e.key()).to_string(),
            scores: r.scores,
            findings: serde_json::to_value(&r.findings).unwrap_or_default(),
            started,
            ended,
        }
    }
}

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
    #[error("{path}: the database is read-only; choose another with --db")]
    ReadOnly { path: String },
    #[error(
        "{path}: made by a newer collector-dojo (schema version {found}; this one knows up to {known}); it was left unchanged"
    )]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    #[error(
        "{url}: PostgreSQL results databases are not supported by this build yet; use a file path"
    )]
    Unsupported { url: String },
    #[error("{path}: {reason}")]
    Sql { path: String, reason: String },
}

/// The schema, one migration per version; applied in order, each in its own transaction.
const MIGRATIONS: &[&str] = &[
    // 1: sessions.
    "CREATE TABLE sessions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        player TEXT NOT NULL,
        team TEXT NOT NULL,
        scenario TEXT NOT NULL,
        scenario_hash TEXT NOT NULL,
        title TEXT NOT NULL,
        seed TEXT NOT NULL,
        choices TEXT NOT NULL,
        plan TEXT,
        ending TEXT NOT NULL,
        empathy INTEGER NOT NULL,
        fact_gathering INTEGER NOT NULL,
        agreement INTEGER NOT NULL,
        compliance INTEGER NOT NULL,
        overall INTEGER NOT NULL,
        findings TEXT NOT NULL,
        started INTEGER NOT NULL,
        ended INTEGER NOT NULL
    );
    CREATE INDEX sessions_player ON sessions (player, ended);
    CREATE INDEX sessions_scenario ON sessions (scenario, overall);
    CREATE INDEX sessions_team ON sessions (team, ended);",
];

/// Filters for [`Store::sessions`].
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub player: Option<String>,
    pub team: Option<String>,
    pub scenario: Option<String>,
    /// Only sessions ended at or after this time (seconds since the epoch).
    pub since: Option<i64>,
}

pub struct Store {
    conn: Connection,
    path: String,
}

/// `$COLLECTOR_DOJO_DB`, else `results.sqlite3` in the platform's data folder.
pub fn default_location() -> String {
    if let Ok(db) = std::env::var("COLLECTOR_DOJO_DB") {
        return db;
    }
    directories::ProjectDirs::from("nl", "collector-dojo", "collector-dojo")
        .map(|d| d.data_dir().join("results.sqlite3"))
        .unwrap_or_else(|| PathBuf::from("results.sqlite3"))
        .display()
        .to_string()
}

/// SHA-256 of a scenario file's text, in hex.
pub fn content_hash(text: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn classify(path: &str, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode::*;
    let reason = e.to_string();
    match e.sqlite_error_code() {
        Some(DatabaseBusy | DatabaseLocked) => StoreError::Locked {
            path: path.to_string(),
        },
        Some(ReadOnly) => StoreError::ReadOnly {
            path: path.to_string(),
        },
        Some(NotADatabase | DatabaseCorrupt) => StoreError::Corrupt {
            path: path.to_string(),
            reason,
        },
        Some(CannotOpen | PermissionDenied) => StoreError::Open {
            path: path.to_string(),
            reason,
        },
        _ => StoreError::Sql {
            path: path.to_string(),
            reason,
        },
    }
}

impl Store {
    /// Opens (creating if needed) the store at `location`: a file path or `sqlite://PATH`.
    pub fn open(location: &str) -> Result<Store, StoreError> {
        Store::open_with_timeout(location, Duration::from_secs(5))
    }

    /// As [`Store::open`], waiting at most `busy` for another writer.
    pub fn open_with_timeout(location: &str, busy: Duration) -> Result<Store, StoreError> {
        if location.starts_with("postgres://") || location.starts_with("postgresql://") {
            return Err(StoreError::Unsupported {
                url: location.to_string(),
            });
        }
        let path = location
            .strip_prefix("sqlite://")
            .unwrap_or(location)
            .to_string();
        if let Some(dir) = Path::new(&path)
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Open {
                path: path.clone(),
                reason: e.to_string(),
            })?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&path, flags).map_err(|e| classify(&path, e))?;
        conn.busy_timeout(busy).map_err(|e| classify(&path, e))?;
        let mut store = Store { conn, path };
        store.check_and_migrate()?;
        Ok(store)
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    fn check_and_migrate(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let err = |e| classify(&path, e);
        // Reading the schema fails on a file that is not a database; nothing is written yet.
        let tables: Vec<String> = {
            let mut stmt = self.conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").map_err(err)?;
            stmt.query_map([], |r| r.get(0))
                .map_err(err)?
                .collect::<Result<_, _>>()
                .map_err(err)?
        };
        let ours = tables.iter().any(|t| t == "schema_migrations");
        if !tables.is_empty() && !ours {
            return Err(StoreError::Corrupt {
                path,
                reason: format!("it holds other tables ({})", tables.join(", ")),
            });
        }
        if ours {
            let ok: String = self
                .conn
                .query_row("PRAGMA quick_check", [], |r| r.get(0))
                .map_err(err)?;
            if ok != "ok" {
                return Err(StoreError::Corrupt { path, reason: ok });
            }
        }
        self.conn
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(err)?;
        self.conn
            .pragma_update(None, "synchronous", "FULL")
            .map_err(err)?;
        self.conn
            .execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied INTEGER NOT NULL)", [])
            .map_err(err)?;
        let current: i64 = self
            .conn
            .query_row(
                "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
                [],
                |r| r.get(0),
            )
            .map_err(err)?;
        let known = MIGRATIONS.len() as i64;
        if current > known {
            return Err(StoreError::TooNew {
                path,
                found: current,
                known,
            });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
            let tx = self.conn.transaction().map_err(err)?;
            tx.execute_batch(sql).map_err(err)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, applied) VALUES (?1, ?2)",
                params![i as i64 + 1, now()],
            )
            .map_err(err)?;
            tx.commit().map_err(err)?;
        }
        Ok(())
    }

    /// Stores a session in one transaction; returns its id.
    pub fn insert(&mut self, s: &Session) -> Result<i64, StoreError> {
        let path = self.path.clone();
        let err = |e| classify(&path, e);
        let json = |v: &dyn erased::Ser| v.to_json();
        let tx = self.conn.transaction().map_err(err)?;
        tx.execute(
            "INSERT INTO sessions (player, team, scenario, scenario_hash, title, seed, choices, plan, ending,
                empathy, fact_gathering, agreement, compliance, overall, findings, started, ended)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            params![
                s.player,
                s.team,
                s.scenario,
                s.scenario_hash,
                s.title,
                s.seed.to_string(),
                json(&s.choices),
                s.plan.map(|p| json(&p)),
                s.ending,
                s.scores.empathy,
                s.scores.fact_gathering,
                s.scores.agreement,
                s.scores.compliance,
                s.scores.overall,
                json(&s.findings),
                s.started,
                s.ended,
            ],
        )
        .map_err(err)?;
        let id = tx.last_insert_rowid();
        tx.commit().map_err(err)?;
        Ok(id)
    }

    /// Sessions matching `f`, oldest first.
    pub fn sessions(&self, f: &Filter) -> Result<Vec<Session>, StoreError> {
        let path = self.path.clone();
        let err = |e| classify(&path, e);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, player, team, scenario, scenario_hash, title, seed, choices, plan, ending,
                    empathy, fact_gathering, agreement, compliance, overall, findings, started, ended
                 FROM sessions
                 WHERE (?1 IS NULL OR player = ?1) AND (?2 IS NULL OR team = ?2)
                   AND (?3 IS NULL OR scenario = ?3) AND (?4 IS NULL OR ended >= ?4)
                 ORDER BY ended, id",
            )
            .map_err(err)?;
        let rows = stmt
            .query_map(params![f.player, f.team, f.scenario, f.since], |r| {
                let text = |i: usize| r.get::<_, String>(i);
                let plan: Option<String> = r.get(8)?;
                Ok(Session {
                    id: r.get(0)?,
                    player: text(1)?,
                    team: text(2)?,
                    scenario: text(3)?,
                    scenario_hash: text(4)?,
                    title: text(5)?,
                    seed: text(6)?.parse().unwrap_or(0),
                    choices: decode(7, text(7)?)?,
                    plan: plan.map(|p| decode(8, p)).transpose()?,
                    ending: text(9)?,
                    scores: Scores {
                        empathy: r.get(10)?,
                        fact_gathering: r.get(11)?,
                        agreement: r.get(12)?,
                        compliance: r.get(13)?,
                        overall: r.get(14)?,
                    },
                    findings: decode(15, text(15)?)?,
                    started: r.get(16)?,
                    ended: r.get(17)?,
                })
            })
            .map_err(err)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(err)
    }
}

/// A JSON column back into its value; a damaged cell is a conversion error naming the column.
fn decode<T: serde::de::DeserializeOwned>(column: usize, text: String) -> rusqlite::Result<T> {
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// Serialising to JSON text for a column (values we build ourselves cannot fail).
mod erased {
    pub trait Ser {
        fn to_json(&self) -> String;
    }
    impl<T: serde::Serialize> Ser for T {
        fn to_json(&self) -> String {
            serde_json::to_string(self).unwrap_or_else(|_| "null".to_string())
        }
    }
}

pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}
