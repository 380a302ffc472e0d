//! Where the results live: the default location, and telling a PostgreSQL URL from a file
//! (and showing it without its password).

use std::path::PathBuf;

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
