//! The queries, written once with `?N` parameters for both backends: the session columns, the
//! filters as conditions, reading a session from a row, and the store's reads.

use super::{
    Cells, Filter, Listing, Measure, Param, Point, SkippedRow, Standing, Store, StoreError,
    StoredSession, Version,
};
use crate::score::Scores;
use serde::Serialize;

/// The columns a session is read from, in the order [`session_from`] reads them.
pub(super) const SESSION_COLUMNS: [&str; 22] = [
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
    "draw",
    "coach",
];

/// The schema version that added a column of `sessions` (see [`MIGRATIONS`]).
pub(super) fn added_in(column: &str) -> i64 {
    match column {
        "session_key" => 2,
        "room" => 3,
        "draw" => 5,
        "coach" => 6,
        _ => 1,
    }
}

/// The select list for sessions in a database at schema `version`: a column a later version
/// added is read as NULL (an older database opened for reading is not migrated).
pub(super) fn session_select(version: i64) -> String {
    SESSION_COLUMNS
        .iter()
        .map(|c| {
            if added_in(c) > version {
                // Before draws every session met the persona as written: draw 0.
                let missing = if *c == "draw" { "0" } else { "NULL" };
                format!("{missing} AS {c}")
            } else {
                (*c).to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The table a statement reads or writes (for messages): the name after FROM, INTO or UPDATE.
pub(super) fn table_of(sql: &str) -> &str {
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

pub(super) const INSERT: &str = "INSERT INTO sessions (player, team, scenario, scenario_hash, title, seed, choices, plan,
    ending, empathy, fact_gathering, agreement, compliance, overall, findings, started, ended, session_key, room,
    draw, coach)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)
    ON CONFLICT (session_key) DO NOTHING RETURNING id";

/// ` WHERE …` for a filter, pushing its parameters.
pub(super) fn conditions(f: &Filter, params: &mut Vec<Param>) -> String {
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
    if let Some(v) = f.draw {
        add(
            "draw",
            "=",
            Param::Small(i32::try_from(v).unwrap_or(i32::MAX)),
        );
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
fn session_from(row: &dyn Cells) -> Result<StoredSession, BadCell> {
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
    Ok(StoredSession {
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
        ending: super::model::ending_from_key(&text(9)?).map_err(at(9))?,
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
        draw: usize::try_from(int(20)?).map_err(|_| at(20)("a draw is 0 or more".to_string()))?,
        coach: match opt_text(21)? {
            None => crate::coach::Coach::Off,
            Some(k) => crate::coach::Coach::from_key(&k).ok_or_else(|| {
                at(21)(format!("`{k}` is not a coach setting (off, all, mistakes)"))
            })?,
        },
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

/// One damaged cell of a row.
#[derive(Debug, thiserror::Error)]
#[error("column {column}: {reason}")]
struct BadCell {
    column: &'static str,
    reason: String,
}

/// JSON text for a column (values we build ourselves cannot fail to serialise).
pub(super) fn json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".to_string())
}

impl Store {
    /// Sessions matching `f`, oldest first. A session that cannot be read is an error naming
    /// it ([`StoreError::BadSession`]); [`Store::read_sessions`] lists the others instead.
    pub fn sessions(&mut self, f: &Filter) -> Result<Vec<StoredSession>, StoreError> {
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
        // Like with like: on one scenario, each customer (draw) is its own standing; a
        // player's best on an easy customer is not ranked above another's on a hard one.
        let per_draw = f.scenario.is_some() && self.version >= added_in("draw");
        let draw = if per_draw { "draw" } else { "0" };
        let group = if per_draw { ", draw" } else { "" };
        let sql = format!(
            "SELECT player, team, MAX({col}) AS best, CAST(AVG({col}) AS DOUBLE PRECISION) AS mean,
                COUNT(*) AS n, MAX(ended) AS last, {draw} AS d
             FROM sessions{} GROUP BY player, team{group}
             ORDER BY best DESC, mean DESC, player, team, d LIMIT {limit}",
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
                draw: per_draw
                    .then(|| r.int(6))
                    .transpose()?
                    .map(|d| d.max(0) as usize),
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
