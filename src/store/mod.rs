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

use crate::plan::Plan;
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
    #[serde(with = "seed_text")]
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

/// A seed in JSON (`results --format json`, the game's outbox) is a string: a seed is any u64,
/// and JavaScript readers round integers above 2^53. A number is read too (older outboxes).
mod seed_text {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(seed: &u64, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(seed)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Seed {
            Number(u64),
            Text(String),
        }
        match Seed::deserialize(d)? {
            Seed::Number(n) => Ok(n),
            Seed::Text(t) => t.parse().map_err(|_| {
                D::Error::custom(format!("seed `{t}` is not a whole number 0…2^64−1"))
            }),
        }
    }
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
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

/// A stored session that could not be read: which session, which column and why. Listing
/// sessions skips it and reports it, so every readable session is still shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedRow {
    /// Its row id, if even that could not be read `None`.
    pub id: Option<i64>,
    /// Its session key (`None` if absent or unreadable; sessions stored before keys have none).
    pub key: Option<String>,
    /// The column whose value is damaged.
    pub column: &'static str,
    pub reason: String,
}

impl SkippedRow {
    /// The session as a person can find it: `session 17 (key 0123…)`.
    pub fn session(&self) -> String {
        let id = self.id.map_or_else(
            || "a session with an unreadable id".to_string(),
            |id| format!("session {id}"),
        );
        match &self.key {
            Some(key) => format!("{id} (key {key})"),
            None => id,
        }
    }
}

impl std::fmt::Display for SkippedRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} skipped: column {}: {}",
            self.session(),
            self.column,
            self.reason
        )
    }
}

/// The sessions a listing could read, and the ones it had to skip.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Listing {
    pub sessions: Vec<Session>,
    pub skipped: Vec<SkippedRow>,
}

/// One damaged cell of a row.
#[derive(Debug, thiserror::Error)]
#[error("column {column}: {reason}")]
struct BadCell {
    column: &'static str,
    reason: String,
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
    /// The schema version the database is at: [`SCHEMA_VERSION`] once opened for writing
    /// (migrated), possibly older when opened for reading (never migrated).
    version: i64,
    /// Opened with [`Store::open_read_only`]: writes are refused.
    read_only: bool,
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

/// The columns a session is read from, in the order [`session_from`] reads them.
const SESSION_COLUMNS: [&str; 20] = [
    "id",
    "player",
    "team",
    "scenario",
    "scenario_hash",
    "title",
    "seed",
    "choices",
    "plan",
    "ending",
    "empathy",
    "fact_gathering",
    "agreement",
    "compliance",
    "overall",
    "findings",
    "started",
    "ended",
    "session_key",
    "room",
];

/// The schema version that added a column of `sessions` (see [`MIGRATIONS`]).
fn added_in(column: &str) -> i64 {
    match column {
        "session_key" => 2,
        "room" => 3,
        _ => 1,
    }
}

/// The select list for sessions in a database at schema `version`: a column a later version
/// added is read as NULL (an older database opened for reading is not migrated).
fn session_select(version: i64) -> String {
    SESSION_COLUMNS
        .iter()
        .map(|c| {
            if added_in(c) > version {
                format!("NULL AS {c}")
            } else {
                (*c).to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The table a statement reads or writes (for messages): the name after FROM, INTO or UPDATE.
fn table_of(sql: &str) -> &str {
    let mut words = sql.split_whitespace();
    while let Some(w) = words.next() {
        if ["FROM", "INTO", "UPDATE"]
            .iter()
            .any(|k| w.eq_ignore_ascii_case(k))
            && let Some(name) = words.next()
        {
            return name.trim_matches(|c: char| !(c.is_alphanumeric() || c == '_'));
        }
    }
    "sessions"
}

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

/// A JSON column back into its value.
fn decode<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| format!("not the JSON expected here ({e})"))
}

/// One session from a row of [`SESSION_COLUMNS`]; a damaged cell names its column.
fn session_from(row: &dyn Cells) -> Result<Session, BadCell> {
    let at = |i: usize| {
        move |reason: String| BadCell {
            column: SESSION_COLUMNS[i],
            reason,
        }
    };
    let text = |i: usize| row.text(i).map_err(at(i));
    let opt_text = |i: usize| row.opt_text(i).map_err(at(i));
    let int = |i: usize| row.int(i).map_err(at(i));
    // Generic, so functions rather than closures.
    fn json<T: serde::de::DeserializeOwned>(row: &dyn Cells, i: usize) -> Result<T, BadCell> {
        let bad = |reason| BadCell {
            column: SESSION_COLUMNS[i],
            reason,
        };
        decode(&row.text(i).map_err(bad)?).map_err(bad)
    }
    fn opt_json<T: serde::de::DeserializeOwned>(
        row: &dyn Cells,
        i: usize,
    ) -> Result<Option<T>, BadCell> {
        let bad = |reason| BadCell {
            column: SESSION_COLUMNS[i],
            reason,
        };
        row.opt_text(i)
            .map_err(bad)?
            .map(|t| decode(&t).map_err(bad))
            .transpose()
    }
    let seed = text(6)?;
    Ok(Session {
        id: int(0)?,
        player: text(1)?,
        team: text(2)?,
        scenario: text(3)?,
        scenario_hash: text(4)?,
        title: text(5)?,
        seed: seed.parse().map_err(|_| {
            at(6)(format!(
                "`{seed}` is not a seed (a whole number from 0 to {})",
                u64::MAX
            ))
        })?,
        choices: json(row, 7)?,
        plan: opt_json(row, 8)?,
        ending: text(9)?,
        scores: Scores {
            empathy: score(int(10)?),
            fact_gathering: score(int(11)?),
            agreement: score(int(12)?),
            compliance: score(int(13)?),
            overall: score(int(14)?),
        },
        findings: json(row, 15)?,
        started: int(16)?,
        ended: int(17)?,
        key: opt_text(18)?.unwrap_or_default(),
        room: opt_json(row, 19)?,
    })
}

/// A row [`session_from`] could not read, named by its id and key as far as they can be read.
fn skipped(row: &dyn Cells, bad: BadCell) -> SkippedRow {
    SkippedRow {
        id: row.int(0).ok(),
        key: row.opt_text(18).ok().flatten().filter(|k| !k.is_empty()),
        column: bad.column,
        reason: bad.reason,
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
    pub fn insert(&mut self, s: &Session) -> Result<i64, StoreError> {
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

    /// `f` as this database can answer it: before workshop rooms (schema version 3) every
    /// session was played alone.
    fn adapt(&self, f: &Filter) -> Filter {
        let mut f = f.clone();
        if self.version < added_in("room") {
            f.solo = false;
        }
        f
    }

    /// Sessions matching `f`, oldest first. A session that cannot be read is an error naming
    /// it ([`StoreError::BadSession`]); [`Store::read_sessions`] lists the others instead.
    pub fn sessions(&mut self, f: &Filter) -> Result<Vec<Session>, StoreError> {
        let mut listing = self.read_sessions(f)?;
        if listing.skipped.is_empty() {
            return Ok(listing.sessions);
        }
        let more = listing.skipped.len() - 1;
        Err(StoreError::BadSession {
            path: self.location.clone(),
            row: listing.skipped.swap_remove(0),
            more,
        })
    }

    /// Sessions matching `f`, oldest first, and the ones that could not be read (each named by
    /// its id, key and damaged column), so one damaged row hides no other session.
    pub fn read_sessions(&mut self, f: &Filter) -> Result<Listing, StoreError> {
        let mut params = Vec::new();
        let sql = format!(
            "SELECT {} FROM sessions{} ORDER BY ended, id",
            session_select(self.version),
            conditions(&self.adapt(f), &mut params)
        );
        let mut out = Listing::default();
        self.query(&sql, &params, &mut |r| {
            match session_from(r) {
                Ok(s) => out.sessions.push(s),
                Err(bad) => out.skipped.push(skipped(r, bad)),
            }
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
            conditions(&self.adapt(f), &mut params)
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
            conditions(&self.adapt(f), &mut params)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_is_written_as_text_and_read_in_either_form() {
        let mut v = serde_json::to_value(session("Anouk", 100)).expect("serialises");
        assert_eq!(v["seed"], serde_json::json!("18446744073709551615"));
        let back: Session = serde_json::from_value(v.clone()).expect("reads text");
        assert_eq!(back.seed, u64::MAX);
        // An outbox written before seeds were text.
        v["seed"] = serde_json::json!(42);
        let old: Session = serde_json::from_value(v.clone()).expect("reads a number");
        assert_eq!(old.seed, 42);
        v["seed"] = serde_json::json!("-1");
        let err = serde_json::from_value::<Session>(v).expect_err("not a seed");
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

    fn session(player: &str, ended: i64) -> Session {
        Session {
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
            ending: "hung_up".into(),
            scores: Scores {
                empathy: 1,
                fact_gathering: 2,
                agreement: 3,
                compliance: 4,
                overall: 5,
            },
            findings: serde_json::json!([]),
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
        assert!(session_select(1).ends_with("NULL AS session_key, NULL AS room"));
        assert!(session_select(2).ends_with(", session_key, NULL AS room"));
        assert!(session_select(SCHEMA_VERSION).ends_with(", session_key, room"));
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
