//! The results store: every finished session (player, team, scenario and a hash of its
//! content, seed, choices, plan, ending, scores, findings, start and end), in an embedded
//! SQLite file or a team's shared PostgreSQL database, with the same schema and versioned
//! migrations for both. Every write is one transaction and every session carries a unique key,
//! so a crash loses no finished session and a retried write never stores it twice; a corrupt,
//! locked, unreachable or newer database is a clear error and is never changed.
//!
//! Queries are written once (with `?N` parameters) and run on either backend.

mod pg;
mod sqlite;

use crate::render::Plan;
use crate::report::Report;
use crate::score::Scores;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::time::Duration;

/// One stored session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Row id; 0 before it is stored.
    pub id: i64,
    /// Unique per finished session (made when it ends): storing it again is a no-op.
    #[serde(default)]
    pub key: String,
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
    /// For a session a workshop room played: who was there and how they voted at each turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<crate::workshop::Room>,
}

impl Session {
    /// A session from a finished report, with a fresh key.
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
            key: new_key(),
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
            room: None,
        }
    }
}

/// A random 128-bit session key in hex.
pub fn new_key() -> String {
    format!("{:032x}", rand::random::<u128>())
}

/// What a leaderboard ranks by: the overall score or one dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    #[default]
    Overall,
    Empathy,
    FactGathering,
    Agreement,
    Compliance,
}

impl Measure {
    pub const ALL: [Measure; 5] = [
        Measure::Overall,
        Measure::Empathy,
        Measure::FactGathering,
        Measure::Agreement,
        Measure::Compliance,
    ];
    /// The column it is stored in (also its key in exports).
    pub fn column(self) -> &'static str {
        match self {
            Measure::Overall => "overall",
            Measure::Empathy => "empathy",
            Measure::FactGathering => "fact_gathering",
            Measure::Agreement => "agreement",
            Measure::Compliance => "compliance",
        }
    }
    pub fn label(self) -> Text {
        let (nl, en) = match self {
            Measure::Overall => ("Totaal", "Overall"),
            Measure::Empathy => ("Empathie", "Empathy"),
            Measure::FactGathering => ("Feiten", "Facts"),
            Measure::Agreement => ("Afspraak", "Agreement"),
            Measure::Compliance => ("Naleving", "Compliance"),
        };
        Text::new(nl, en)
    }
    pub fn of(self, s: &Scores) -> u8 {
        match self {
            Measure::Overall => s.overall,
            Measure::Empathy => s.empathy,
            Measure::FactGathering => s.fact_gathering,
            Measure::Agreement => s.agreement,
            Measure::Compliance => s.compliance,
        }
    }
}

/// Filters for the queries; `None` matches everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub player: Option<String>,
    pub team: Option<String>,
    pub scenario: Option<String>,
    /// Only this version of the scenario (its content hash).
    pub scenario_hash: Option<String>,
    /// Only sessions ended at or after this time (seconds since the epoch).
    pub since: Option<i64>,
    /// Only sessions ended before this time.
    pub until: Option<i64>,
    /// Only sessions a player played alone (not a workshop room's).
    pub solo: bool,
}

/// One row of a leaderboard: a player's best and mean score on the filtered sessions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standing {
    pub player: String,
    pub team: String,
    pub best: u8,
    pub mean: f64,
    pub sessions: i64,
    /// When the player last finished one (seconds since the epoch).
    pub last: i64,
}

/// A session's scores without its findings and choices: what trend charts need.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    pub player: String,
    pub team: String,
    pub scenario: String,
    pub scenario_hash: String,
    pub ended: i64,
    pub scores: Scores,
}

/// How many sessions were played on one version of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Version {
    pub scenario_hash: String,
    pub sessions: i64,
    pub last: i64,
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
    #[error("{path}: {reason}")]
    Sql { path: String, reason: String },
}

/// One schema version, written for each backend.
struct Migration {
    sqlite: &'static str,
    postgres: &'static str,
}

/// The schema, one migration per version, applied in order; both backends keep the version
/// in `schema_migrations`. Append, never edit: databases in the field have run these.
const MIGRATIONS: &[Migration] = &[
    // 1: sessions.
    Migration {
        sqlite: "CREATE TABLE sessions (
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
        postgres: "CREATE TABLE sessions (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
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
            started BIGINT NOT NULL,
            ended BIGINT NOT NULL
        );
        CREATE INDEX sessions_player ON sessions (player, ended);
        CREATE INDEX sessions_scenario ON sessions (scenario, overall);
        CREATE INDEX sessions_team ON sessions (team, ended);",
    },
    // 2: a unique key per session, so a retried write is not a duplicate; and an index for
    // leaderboards (one scenario, a period).
    Migration {
        sqlite: "ALTER TABLE sessions ADD COLUMN session_key TEXT;
        CREATE UNIQUE INDEX sessions_key ON sessions (session_key);
        CREATE INDEX sessions_board ON sessions (scenario, ended);",
        postgres: "ALTER TABLE sessions ADD COLUMN session_key TEXT;
        CREATE UNIQUE INDEX sessions_key ON sessions (session_key);
        CREATE INDEX sessions_board ON sessions (scenario, ended);",
    },
    // 3: a workshop room's players and votes (JSON), for sessions a room played.
    Migration {
        sqlite: "ALTER TABLE sessions ADD COLUMN room TEXT;",
        postgres: "ALTER TABLE sessions ADD COLUMN room TEXT;",
    },
    // 4: covering indexes for leaderboards and trends, so they read an index instead of rows
    // that carry the findings (about 5 kB each): at 100,000 sessions in SQLite the board of
    // every scenario went from 360 ms to 30 ms. The first leads with the scenario and period,
    // the second with the player and team the boards group by; they replace sessions_board.
    Migration {
        sqlite: "CREATE INDEX sessions_board_scores ON sessions (scenario, ended, team, player,
            scenario_hash, empathy, fact_gathering, agreement, compliance, overall, room);
        CREATE INDEX sessions_standing ON sessions (player, team, scenario, scenario_hash, ended,
            empathy, fact_gathering, agreement, compliance, overall, room);
        DROP INDEX sessions_board;",
        // Nothing: PostgreSQL keeps the findings out of line (TOAST), so its rows are narrow
        // and the same indexes gained little there (every scenario's board 84 ms with them,
        // 98 ms without) for a cost on every insert.
        postgres: "SELECT 1;",
    },
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

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

/// Whether a location names a PostgreSQL server rather than a file.
pub fn is_postgres(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

/// A location fit for messages and screens: the password of a URL is left out.
pub fn redact(location: &str) -> String {
    let Some(scheme_end) = location.find("://") else {
        return location.to_string();
    };
    let rest = &location[scheme_end + 3..];
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    match (authority.rfind('@'), authority.find(':')) {
        (Some(at), Some(colon)) if colon < at => format!(
            "{}{}{}",
            &location[..scheme_end + 3],
            &authority[..colon],
            &rest[at..]
        ),
        _ => location.to_string(),
    }
}

/// SHA-256 of a scenario file's text, in hex.
pub fn content_hash(text: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

const SESSION_COLUMNS: &str =
    "id, player, team, scenario, scenario_hash, title, seed, choices, plan, ending,
    empathy, fact_gathering, agreement, compliance, overall, findings, started, ended, session_key, room";

const INSERT: &str = "INSERT INTO sessions (player, team, scenario, scenario_hash, title, seed, choices, plan,
    ending, empathy, fact_gathering, agreement, compliance, overall, findings, started, ended, session_key, room)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)
    ON CONFLICT (session_key) DO NOTHING RETURNING id";

/// ` WHERE …` for a filter, pushing its parameters.
fn conditions(f: &Filter, params: &mut Vec<Param>) -> String {
    let mut parts = Vec::new();
    let mut add = |column: &str, op: &str, p: Param| {
        params.push(p);
        parts.push(format!("{column} {op} ?{}", params.len()));
    };
    if let Some(v) = &f.player {
        add("player", "=", Param::Text(v.clone()));
    }
    if let Some(v) = &f.team {
        add("team", "=", Param::Text(v.clone()));
    }
    if let Some(v) = &f.scenario {
        add("scenario", "=", Param::Text(v.clone()));
    }
    if let Some(v) = &f.scenario_hash {
        add("scenario_hash", "=", Param::Text(v.clone()));
    }
    if let Some(v) = f.since {
        add("ended", ">=", Param::Int(v));
    }
    if let Some(v) = f.until {
        add("ended", "<", Param::Int(v));
    }
    if f.solo {
        parts.push("room IS NULL".to_string());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", parts.join(" AND "))
    }
}

fn score(v: i64) -> u8 {
    v.clamp(0, 100) as u8
}

fn scores_at(row: &dyn Cells, first: usize) -> Result<Scores, String> {
    Ok(Scores {
        empathy: score(row.int(first)?),
        fact_gathering: score(row.int(first + 1)?),
        agreement: score(row.int(first + 2)?),
        compliance: score(row.int(first + 3)?),
        overall: score(row.int(first + 4)?),
    })
}

/// A JSON column back into its value; a damaged cell names the column.
fn decode<T: serde::de::DeserializeOwned>(column: &str, text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| format!("column {column}: {e}"))
}

fn session_from(row: &dyn Cells) -> Result<Session, String> {
    let plan = row.opt_text(8)?;
    Ok(Session {
        id: row.int(0)?,
        player: row.text(1)?,
        team: row.text(2)?,
        scenario: row.text(3)?,
        scenario_hash: row.text(4)?,
        title: row.text(5)?,
        seed: row
            .text(6)?
            .parse()
            .map_err(|e| format!("column seed: {e}"))?,
        choices: decode("choices", &row.text(7)?)?,
        plan: plan.map(|p| decode("plan", &p)).transpose()?,
        ending: row.text(9)?,
        scores: scores_at(row, 10)?,
        findings: decode("findings", &row.text(15)?)?,
        started: row.int(16)?,
        ended: row.int(17)?,
        key: row.opt_text(18)?.unwrap_or_default(),
        room: row.opt_text(19)?.map(|r| decode("room", &r)).transpose()?,
    })
}

/// JSON text for a column (values we build ourselves cannot fail to serialise).
fn json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".to_string())
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
            });
        }
        let path = location.strip_prefix("sqlite://").unwrap_or(location);
        Ok(Store {
            backend: Backend::Sqlite(sqlite::Db::open(path, wait)?),
            location: path.to_string(),
        })
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
    pub fn insert(&mut self, s: &Session) -> Result<i64, StoreError> {
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
            Param::Text(s.ending.clone()),
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

    /// Sessions matching `f`, oldest first.
    pub fn sessions(&mut self, f: &Filter) -> Result<Vec<Session>, StoreError> {
        let mut params = Vec::new();
        let sql = format!(
            "SELECT {SESSION_COLUMNS} FROM sessions{} ORDER BY ended, id",
            conditions(f, &mut params)
        );
        let mut out = Vec::new();
        self.query(&sql, &params, &mut |r| {
            out.push(session_from(r)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// The scores of the sessions matching `f`, oldest first (no findings: cheap to fetch).
    pub fn points(&mut self, f: &Filter) -> Result<Vec<Point>, StoreError> {
        let mut params = Vec::new();
        let sql = format!(
            "SELECT player, team, scenario, scenario_hash, ended,
                empathy, fact_gathering, agreement, compliance, overall
             FROM sessions{} ORDER BY ended, id",
            conditions(f, &mut params)
        );
        let mut out = Vec::new();
        self.query(&sql, &params, &mut |r| {
            out.push(Point {
                player: r.text(0)?,
                team: r.text(1)?,
                scenario: r.text(2)?,
                scenario_hash: r.text(3)?,
                ended: r.int(4)?,
                scores: scores_at(r, 5)?,
            });
            Ok(())
        })?;
        Ok(out)
    }

    /// Each player's best and mean `measure` over the sessions matching `f`, best first (ties:
    /// higher mean, then name); at most `limit` rows.
    pub fn leaderboard(
        &mut self,
        f: &Filter,
        measure: Measure,
        limit: usize,
    ) -> Result<Vec<Standing>, StoreError> {
        let mut params = Vec::new();
        let col = measure.column();
        let sql = format!(
            "SELECT player, team, MAX({col}) AS best, CAST(AVG({col}) AS DOUBLE PRECISION) AS mean,
                COUNT(*) AS n, MAX(ended) AS last
             FROM sessions{} GROUP BY player, team
             ORDER BY best DESC, mean DESC, player, team LIMIT {limit}",
            conditions(f, &mut params)
        );
        let mut out = Vec::new();
        self.query(&sql, &params, &mut |r| {
            out.push(Standing {
                player: r.text(0)?,
                team: r.text(1)?,
                best: score(r.int(2)?),
                mean: r.real(3)?,
                sessions: r.int(4)?,
                last: r.int(5)?,
            });
            Ok(())
        })?;
        Ok(out)
    }

    /// The versions of a scenario that were played, the most recently played first.
    pub fn versions(&mut self, scenario: &str) -> Result<Vec<Version>, StoreError> {
        let mut out = Vec::new();
        self.query(
            "SELECT scenario_hash, COUNT(*), MAX(ended) AS last FROM sessions
             WHERE scenario = ?1 GROUP BY scenario_hash ORDER BY last DESC",
            &[Param::Text(scenario.to_string())],
            &mut |r| {
                out.push(Version {
                    scenario_hash: r.text(0)?,
                    sessions: r.int(1)?,
                    last: r.int(2)?,
                });
                Ok(())
            },
        )?;
        Ok(out)
    }

    /// The teams that have stored sessions, by name.
    pub fn teams(&mut self) -> Result<Vec<String>, StoreError> {
        let mut out = Vec::new();
        self.query(
            "SELECT DISTINCT team FROM sessions ORDER BY team",
            &[],
            &mut |r| {
                out.push(r.text(0)?);
                Ok(())
            },
        )?;
        Ok(out)
    }
}

pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

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
