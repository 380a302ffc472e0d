//! Player settings (name, team, language, UI scale, results database, coach, LRS), kept in a RON file in the platform's
//! config folder so a projector's scale and a player's name survive a restart.

use crate::text::Lang;
use bevy::prelude::*;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub player: String,
    pub team: String,
    pub lang: Lang,
    /// egui zoom: 1.0 for a laptop, 1.5–2 for a projector.
    pub ui_scale: f32,
    /// The results database (a file path or a team's postgres:// URL); empty: the local file.
    pub db: String,
    /// The coach in solo play (notes after each choice, fading as the player improves).
    pub coach: bool,
    /// A learning record store's xAPI endpoint that each finished session is sent to (the
    /// password comes from `$COLLECTOR_DOJO_LRS_PASSWORD`, never from this file); empty: none.
    pub lrs: String,
    /// The LRS user (its key, for most LRSs).
    pub lrs_user: String,
    /// Also a statement per answer, besides the session's.
    pub lrs_per_turn: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            player: String::new(),
            team: String::new(),
            lang: Lang::Nl,
            ui_scale: 1.0,
            db: String::new(),
            coach: true,
            lrs: String::new(),
            lrs_user: String::new(),
            lrs_per_turn: false,
        }
    }
}

pub const MIN_SCALE: f32 = 0.75;
pub const MAX_SCALE: f32 = 2.5;

/// Where settings live: `$COLLECTOR_DOJO_CONFIG_DIR`, else the platform config folder.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("COLLECTOR_DOJO_CONFIG_DIR") {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("nl", "collector-dojo", "collector-dojo")
        .map(|d| d.config_dir().to_path_buf())
}

/// Reads settings; a missing file gives defaults, a corrupt one is set aside (`.bak`) with a
/// warning so nothing the player saved is silently overwritten.
pub fn load(dir: &Path) -> Settings {
    let path = dir.join("settings.ron");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Settings::default();
    };
    match ron::from_str::<Settings>(&text) {
        Ok(mut s) => {
            s.ui_scale = s.ui_scale.clamp(MIN_SCALE, MAX_SCALE);
            s
        }
        Err(e) => {
            let backup = dir.join("settings.ron.bak");
            warn!(
                "{}: {e}; using defaults, the old file is kept as {}",
                path.display(),
                backup.display()
            );
            let _ = std::fs::rename(&path, &backup);
            Settings::default()
        }
    }
}

/// Writes settings atomically (temp file, then rename).
pub fn save(dir: &Path, settings: &Settings) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let text = ron::ser::to_string_pretty(settings, ron::ser::PrettyConfig::default())
        .map_err(std::io::Error::other)?;
    let tmp = dir.join("settings.ron.tmp");
    std::fs::write(&tmp, text)?;
    std::fs::rename(tmp, dir.join("settings.ron"))
}

/// Where the settings file is, if anywhere.
#[derive(Resource, Debug, Clone)]
pub struct SettingsDir(pub Option<PathBuf>);

pub(super) fn plugin(app: &mut App) {
    let dir = app
        .world()
        .get_resource::<SettingsDir>()
        .cloned()
        .unwrap_or_else(|| SettingsDir(config_dir()));
    let settings = dir.0.as_deref().map(load).unwrap_or_default();
    app.insert_resource(settings)
        .insert_resource(dir)
        .add_systems(Last, persist);
}

fn persist(settings: Res<Settings>, dir: Res<SettingsDir>) {
    if settings.is_changed()
        && !settings.is_added()
        && let Some(d) = &dir.0
        && let Err(e) = save(d, &settings)
    {
        warn!("could not save settings in {}: {e}", d.display());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_corrupt_files_are_kept_aside() {
        let dir = std::env::temp_dir().join(format!("dojo-settings-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let s = Settings {
            player: "Anouk".into(),
            team: "Team Noord".into(),
            lang: Lang::En,
            ui_scale: 1.75,
            db: "postgres://dojo@server/dojo".into(),
            coach: false,
            lrs: "https://lrs.example/xapi".into(),
            lrs_user: "key".into(),
            lrs_per_turn: true,
        };
        save(&dir, &s).expect("saves");
        assert_eq!(load(&dir), s);
        std::fs::write(dir.join("settings.ron"), "(player: ").expect("writes");
        assert_eq!(load(&dir), Settings::default());
        assert!(
            dir.join("settings.ron.bak").exists(),
            "the corrupt file is kept"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
