//! The embedded backend: one SQLite file (WAL, `synchronous=FULL`), checked before anything is
//! written so a corrupt or foreign file is refused and left as it was.

use super::schema::MIGRATIONS;
use super::{Cells, Param, StoreError};
use crate::calendar::now;
use rusqlite::{Connection, OpenFlags, params, params_from_iter, types::Value};
use std::path::Path;
use std::time::Duration;

pub(super) struct Db {
    conn: Connection,
    path: String,
}

fn classify(path: &str, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode::*;
    let reason = e.to_string();
    let path = path.to_string();
    match e.sqlite_error_code() {
        Some(DatabaseBusy | DatabaseLocked) => StoreError::Locked { path },
        Some(ReadOnly) => StoreError::ReadOnly { path },
        Some(NotADatabase | DatabaseCorrupt) => StoreError::Corrupt { path, reason },
        Some(CannotOpen | PermissionDenied) => StoreError::Open { path, reason },
        _ => StoreError::Sql { path, reason },
    }
}

impl Cells for rusqlite::Row<'_> {
    fn text(&self, i: usize) -> Result<String, String> {
        self.get(i).map_err(|e| e.to_string())
    }
    fn opt_text(&self, i: usize) -> Result<Option<String>, String> {
        self.get(i).map_err(|e| e.to_string())
    }
    fn int(&self, i: usize) -> Result<i64, String> {
        self.get(i).map_err(|e| e.to_string())
    }
    fn real(&self, i: usize) -> Result<f64, String> {
        self.get(i).map_err(|e| e.to_string())
    }
}

/// SQLite's own message of an error (without the SQL rusqlite adds to it).
fn message(e: &rusqlite::Error) -> Option<&str> {
    match e {
        rusqlite::Error::SqlInputError { msg, .. } => Some(msg),
        rusqlite::Error::SqliteFailure(_, Some(msg)) => Some(msg),
        _ => None,
    }
}

/// An error running `sql`: a missing column is named as such rather than shown as raw SQL.
fn classify_query(path: &str, sql: &str, e: rusqlite::Error) -> StoreError {
    message(&e)
        .and_then(|m| StoreError::missing_column(path, sql, m))
        .unwrap_or_else(|| classify(path, e))
}

/// Files this process has found sound (by their canonical path).
fn sound() -> &'static std::sync::Mutex<std::collections::HashSet<std::path::PathBuf>> {
    static SOUND: std::sync::OnceLock<
        std::sync::Mutex<std::collections::HashSet<std::path::PathBuf>>,
    > = std::sync::OnceLock::new();
    SOUND.get_or_init(Default::default)
}

fn identity(path: &str) -> std::path::PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.into())
}

impl Db {
    pub(super) fn open(path: &str, busy: Duration) -> Result<Db, StoreError> {
        if let Some(dir) = Path::new(path)
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Open {
                path: path.to_string(),
                reason: e.to_string(),
            })?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
        conn.busy_timeout(busy).map_err(|e| classify(path, e))?;
        let mut db = Db {
            conn,
            path: path.to_string(),
        };
        db.check_and_migrate()?;
        Ok(db)
    }

    /// Opens an existing file for reading only: a missing file is not created (nor its
    /// folder), an empty one is not made a database, and nothing is migrated or written.
    pub(super) fn open_read_only(path: &str, busy: Duration) -> Result<Db, StoreError> {
        use std::io::ErrorKind;
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory) => {
                return Err(StoreError::Missing {
                    path: path.to_string(),
                });
            }
            Err(e) => {
                return Err(StoreError::Open {
                    path: path.to_string(),
                    reason: e.to_string(),
                });
            }
        };
        if meta.is_dir() {
            return Err(StoreError::Open {
                path: path.to_string(),
                reason: "it is a folder, not a database file".to_string(),
            });
        }
        if meta.len() == 0 {
            return Err(StoreError::Empty {
                path: path.to_string(),
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
        conn.busy_timeout(busy).map_err(|e| classify(path, e))?;
        let db = Db {
            conn,
            path: path.to_string(),
        };
        db.check_readable()?;
        Ok(db)
    }

    /// The tables of the file; fails on a file that is not a database (nothing is written).
    fn tables(&self) -> Result<Vec<String>, StoreError> {
        let err = |e| classify(&self.path, e);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            )
            .map_err(err)?;
        stmt.query_map([], |r| r.get(0))
            .map_err(err)?
            .collect::<Result<_, _>>()
            .map_err(err)
    }

    /// Refuses a file holding other programs' tables or damaged pages.
    fn check_ours(&self, tables: &[String]) -> Result<(), StoreError> {
        let path = self.path.clone();
        let ours = tables.iter().any(|t| t == "schema_migrations");
        if !tables.is_empty() && !ours {
            return Err(StoreError::Corrupt {
                path,
                reason: format!("it holds other tables ({})", tables.join(", ")),
            });
        }
        // A full page check reads the whole file (about 0.2 s at 100,000 sessions), so once a
        // file passed it in this process, later opens (the game opens per write) skip it.
        let known_sound = sound()
            .lock()
            .is_ok_and(|s| s.contains(&identity(&self.path)));
        if ours && !known_sound {
            let ok: String = self
                .conn
                .query_row("PRAGMA quick_check", [], |r| r.get(0))
                .map_err(|e| classify(&path, e))?;
            if ok != "ok" {
                return Err(StoreError::Corrupt { path, reason: ok });
            }
            if let Ok(mut s) = sound().lock() {
                s.insert(identity(&self.path));
            }
        }
        Ok(())
    }

    /// What opening for reading checks instead of migrating: the file is ours, sound, holds
    /// sessions and is not newer than this build.
    fn check_readable(&self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let tables = self.tables()?;
        if tables.is_empty() {
            return Err(StoreError::NoSchema { path });
        }
        self.check_ours(&tables)?;
        let version: i64 = self
            .conn
            .query_row(
                "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
                [],
                |r| r.get(0),
            )
            .map_err(|e| classify_query(&path, "FROM schema_migrations", e))?;
        let known = MIGRATIONS.len() as i64;
        if version > known {
            return Err(StoreError::TooNew {
                path,
                found: version,
                known,
            });
        }
        if version == 0 {
            return Err(StoreError::NoSchema { path });
        }
        if !tables.iter().any(|t| t == "sessions") {
            return Err(StoreError::Corrupt {
                path,
                reason: "it has no sessions table".to_string(),
            });
        }
        Ok(())
    }

    fn check_and_migrate(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let err = |e| classify(&path, e);
        let tables = self.tables()?;
        self.check_ours(&tables)?;
        self.conn
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(err)?;
        self.conn
            .pragma_update(None, "synchronous", "FULL")
            .map_err(err)?;
        self.conn
            .execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied INTEGER NOT NULL)", [])
            .map_err(err)?;
        let known = MIGRATIONS.len() as i64;
        let version = |c: &Connection| {
            c.query_row(
                "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
                [],
                |r| r.get::<_, i64>(0),
            )
        };
        // Up to date: no write lock, so opening goes on while another program writes.
        if version(&self.conn).map_err(err)? == known {
            return Ok(());
        }
        // Read again and apply under one write lock, so two programs opening a new file at the
        // same moment do not both apply a migration.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(err)?;
        let current = version(&tx).map_err(err)?;
        if current > known {
            return Err(StoreError::TooNew {
                path,
                found: current,
                known,
            });
        }
        for (i, m) in MIGRATIONS.iter().enumerate().skip(current as usize) {
            tx.execute_batch(m.sqlite).map_err(err)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, applied) VALUES (?1, ?2)",
                params![i as i64 + 1, now()],
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
        let path = self.path.clone();
        let err = |e| classify(&path, e);
        let values = params.iter().map(|p| match p {
            Param::Text(s) => Value::Text(s.clone()),
            Param::OptText(s) => s.clone().map_or(Value::Null, Value::Text),
            Param::Int(i) => Value::Integer(*i),
            Param::Small(i) => Value::Integer((*i).into()),
        });
        let mut stmt = self
            .conn
            .prepare_cached(sql)
            .map_err(|e| classify_query(&path, sql, e))?;
        let mut rows = stmt.query(params_from_iter(values)).map_err(err)?;
        while let Some(row) = rows.next().map_err(err)? {
            each(row).map_err(|reason| StoreError::Corrupt {
                path: self.path.clone(),
                reason,
            })?;
        }
        Ok(())
    }
}
