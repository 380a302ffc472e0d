//! The shared backend: a team's PostgreSQL database (`postgres://user:password@host/db`),
//! reached with the synchronous rust-postgres client. Migrations run under an advisory lock, so
//! twenty players starting at once apply each version exactly once.

use super::schema::MIGRATIONS;
use super::{Cells, Param, StoreError};
use crate::calendar::now;
use postgres::types::{ToSql, Type};
use postgres::{Client, NoTls};
use std::time::Duration;

/// Key of the advisory lock that serialises migrations ("dojo" in ASCII).
const MIGRATION_LOCK: i64 = 0x646f_6a6f;

pub(super) struct Db {
    client: Client,
    shown: String,
    /// Prepared statements by SQL text: one round trip per query instead of two.
    prepared: std::collections::HashMap<String, postgres::Statement>,
}

/// The message of an error and of everything that caused it.
fn reason(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return db.message().to_string();
    }
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

fn classify(shown: &str, e: postgres::Error) -> StoreError {
    use postgres::error::SqlState;
    let path = shown.to_string();
    match e.code() {
        None if e.as_db_error().is_none() => StoreError::Open {
            path,
            reason: reason(&e),
        },
        Some(c) if *c == SqlState::READ_ONLY_SQL_TRANSACTION => StoreError::ReadOnly { path },
        Some(c)
            if *c == SqlState::LOCK_NOT_AVAILABLE
                || *c == SqlState::T_R_DEADLOCK_DETECTED
                || *c == SqlState::T_R_SERIALIZATION_FAILURE =>
        {
            StoreError::Locked { path }
        }
        Some(c)
            if *c == SqlState::INVALID_PASSWORD
                || *c == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
                || *c == SqlState::INVALID_CATALOG_NAME =>
        {
            StoreError::Open {
                path,
                reason: reason(&e),
            }
        }
        _ => StoreError::Sql {
            path,
            reason: reason(&e),
        },
    }
}

/// An error running `sql`: a missing column is named as such rather than shown as raw SQL.
fn classify_query(shown: &str, sql: &str, e: postgres::Error) -> StoreError {
    use postgres::error::SqlState;
    if e.code() == Some(&SqlState::UNDEFINED_COLUMN)
        && let Some(missing) = e
            .as_db_error()
            .and_then(|db| StoreError::missing_column(shown, sql, db.message()))
    {
        return missing;
    }
    classify(shown, e)
}

/// `?N` placeholders (the SQLite spelling the queries are written in) as PostgreSQL's `$N`.
fn dollar_params(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '?' && chars.peek().is_some_and(|n| n.is_ascii_digit()) {
            out.push('$');
        } else {
            out.push(c);
        }
    }
    out
}

impl Cells for postgres::Row {
    fn text(&self, i: usize) -> Result<String, String> {
        self.try_get(i).map_err(|e| e.to_string())
    }
    fn opt_text(&self, i: usize) -> Result<Option<String>, String> {
        self.try_get(i).map_err(|e| e.to_string())
    }
    fn int(&self, i: usize) -> Result<i64, String> {
        let t = self.columns().get(i).map(|c| c.type_().clone());
        match t {
            Some(Type::INT2) => self.try_get::<_, i16>(i).map(i64::from),
            Some(Type::INT4) => self.try_get::<_, i32>(i).map(i64::from),
            _ => self.try_get::<_, i64>(i),
        }
        .map_err(|e| e.to_string())
    }
    fn real(&self, i: usize) -> Result<f64, String> {
        self.try_get(i).map_err(|e| e.to_string())
    }
}

impl Db {
    pub(super) fn open(url: &str, shown: &str, wait: Duration) -> Result<Db, StoreError> {
        let mut db = Db::connect(url, shown, wait)?;
        db.migrate()?;
        Ok(db)
    }

    /// Connects for reading only: the session is read-only (the server refuses any write) and
    /// nothing is created or migrated; a database without collector-dojo's tables says so.
    pub(super) fn open_read_only(url: &str, shown: &str, wait: Duration) -> Result<Db, StoreError> {
        let mut db = Db::connect(url, shown, wait)?;
        db.client
            .batch_execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            .map_err(|e| classify(shown, e))?;
        db.check_readable()?;
        Ok(db)
    }

    fn connect(url: &str, shown: &str, wait: Duration) -> Result<Db, StoreError> {
        let mut config: postgres::Config = url.parse().map_err(|e| StoreError::Open {
            path: shown.to_string(),
            reason: format!("not a valid PostgreSQL URL: {e}"),
        })?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(wait);
        }
        config.application_name("collector-dojo");
        let client = config.connect(NoTls).map_err(|e| classify(shown, e))?;
        Ok(Db {
            client,
            shown: shown.to_string(),
            prepared: Default::default(),
        })
    }

    /// What opening for reading checks instead of migrating: the tables are ours, hold
    /// sessions and are not newer than this build.
    fn check_readable(&mut self) -> Result<(), StoreError> {
        let shown = self.shown.clone();
        let mut tables = None;
        self.query(
            "SELECT (to_regclass('schema_migrations') IS NOT NULL)::int,
                (to_regclass('sessions') IS NOT NULL)::int",
            &[],
            &mut |r| {
                tables = Some((r.int(0)? == 1, r.int(1)? == 1));
                Ok(())
            },
        )?;
        let (ours, sessions) = tables.unwrap_or_default();
        match (ours, sessions) {
            (false, false) => return Err(StoreError::NoSchema { path: shown }),
            (false, true) => {
                return Err(StoreError::Corrupt {
                    path: shown,
                    reason: "it holds a sessions table that collector-dojo did not make"
                        .to_string(),
                });
            }
            _ => {}
        }
        let mut version = 0;
        self.query(
            "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
            &[],
            &mut |r| {
                version = r.int(0)?;
                Ok(())
            },
        )?;
        let known = MIGRATIONS.len() as i64;
        if version > known {
            return Err(StoreError::TooNew {
                path: shown,
                found: version,
                known,
            });
        }
        if version == 0 {
            return Err(StoreError::NoSchema { path: shown });
        }
        if !sessions {
            return Err(StoreError::Corrupt {
                path: shown,
                reason: "it has no sessions table".to_string(),
            });
        }
        Ok(())
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let shown = self.shown.clone();
        let err = |e| classify(&shown, e);
        let mut tx = self.client.transaction().map_err(err)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .map_err(err)?;
        let row = tx
            .query_one(
                "SELECT to_regclass('schema_migrations') IS NOT NULL, to_regclass('sessions') IS NOT NULL",
                &[],
            )
            .map_err(err)?;
        let (ours, sessions): (bool, bool) = (row.get(0), row.get(1));
        if sessions && !ours {
            return Err(StoreError::Corrupt {
                path: shown,
                reason: "it holds a sessions table that collector-dojo did not make".to_string(),
            });
        }
        tx.batch_execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied BIGINT NOT NULL)")
            .map_err(err)?;
        let current: i32 = tx
            .query_one(
                "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
                &[],
            )
            .map_err(err)?
            .get(0);
        let known = MIGRATIONS.len() as i64;
        if i64::from(current) > known {
            return Err(StoreError::TooNew {
                path: shown,
                found: current.into(),
                known,
            });
        }
        for (i, m) in MIGRATIONS.iter().enumerate().skip(current as usize) {
            tx.batch_execute(m.postgres).map_err(err)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, applied) VALUES ($1, $2)",
                &[&(i as i32 + 1), &now()],
            )
            .map_err(err)?;
        }
        tx.commit().map_err(err)
    }

    pub(super) fn query(
        &mut self,
        sql: &str,
        params: &[Param],
        each: &mut dyn FnMut(&dyn Cells) -> Result<(), String>,
    ) -> Result<(), StoreError> {
        let values: Vec<Box<dyn ToSql + Sync>> = params
            .iter()
            .map(|p| -> Box<dyn ToSql + Sync> {
                match p {
                    Param::Text(s) => Box::new(s.clone()),
                    Param::OptText(s) => Box::new(s.clone()),
                    Param::Int(i) => Box::new(*i),
                    Param::Small(i) => Box::new(*i),
                }
            })
            .collect();
        let refs: Vec<&(dyn ToSql + Sync)> = values.iter().map(|b| b.as_ref()).collect();
        let statement = match self.prepared.get(sql) {
            Some(s) => s.clone(),
            None => {
                let s = self
                    .client
                    .prepare(&dollar_params(sql))
                    .map_err(|e| classify_query(&self.shown, sql, e))?;
                self.prepared.insert(sql.to_string(), s.clone());
                s
            }
        };
        let rows = self
            .client
            .query(&statement, &refs)
            .map_err(|e| classify(&self.shown, e))?;
        for row in &rows {
            each(row).map_err(|reason| StoreError::Corrupt {
                path: self.shown.clone(),
                reason,
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn placeholders_are_renumbered_for_postgres() {
        assert_eq!(
            super::dollar_params("a = ?1 AND b = ?12 OR c ?"),
            "a = $1 AND b = $12 OR c ?"
        );
    }
}
