//! Scenarios as Bevy assets: a loader for `*.scenario.ron` that runs the engine's own parse
//! and validation, and a [`Library`] that keeps the last good version of every file through
//! hot reloads, with the `check` message of a broken edit for the game to show.

use crate::scenario::Playbook;
use bevy::asset::io::Reader;
use bevy::asset::{AssetLoadFailedEvent, AssetLoader, LoadContext, LoadedFolder};
use bevy::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

/// The asset source that reads the `scenarios/` folder (not a copy under `assets/`).
pub const SOURCE: &str = "scenarios";

/// One scenario file as loaded: the validated playbook, or the `check` message.
#[derive(Asset, TypePath, Debug)]
pub struct ScenarioFile {
    /// File name within the scenarios folder, e.g. `cant-pay.scenario.ron`.
    pub file: String,
    pub result: Result<Arc<Playbook>, String>,
}

/// Loads `*.scenario.ron`. Validation failures are not load errors: they become a
/// [`ScenarioFile`] carrying the message, so a broken edit never replaces the good version.
#[derive(Default, TypePath)]
pub struct ScenarioLoader;

impl AssetLoader for ScenarioLoader {
    type Asset = ScenarioFile;
    type Settings = ();
    type Error = std::io::Error;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _settings: &(),
        ctx: &mut LoadContext<'_>,
    ) -> Result<ScenarioFile, Self::Error> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).await?;
        let file = ctx.path().path().display().to_string();
        let shown = PathBuf::from(SOURCE).join(&file);
        let result = crate::scenario::text_from_bytes(bytes, &shown)
            .and_then(|text| Playbook::parse(&text, &shown))
            .map(Arc::new)
            .map_err(|e| e.to_string());
        Ok(ScenarioFile { file, result })
    }

    fn extensions(&self) -> &[&str] {
        &["scenario.ron"]
    }
}

/// What the game knows about one scenario file.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    /// The last version that passed validation.
    pub good: Option<Arc<Playbook>>,
    /// The `check` message of the current file, if it fails validation.
    pub error: Option<String>,
    /// Bumped whenever a new good version arrives.
    pub version: u32,
}

/// Every scenario file in the folder, by file name.
#[derive(Resource, Debug, Default)]
pub struct Library {
    folder: Option<Handle<LoadedFolder>>,
    pub entries: BTreeMap<String, Entry>,
    /// Set once the folder has loaded.
    pub ready: bool,
}

impl Library {
    /// Playable scenarios, in file order.
    pub fn playable(&self) -> impl Iterator<Item = &Arc<Playbook>> {
        self.entries.values().filter_map(|e| e.good.as_ref())
    }

    /// A playable scenario by id.
    pub fn get(&self, id: &str) -> Option<&Arc<Playbook>> {
        self.playable().find(|b| b.id() == id)
    }

    /// The messages of files that currently fail validation.
    pub fn errors(&self) -> impl Iterator<Item = &str> {
        self.entries.values().filter_map(|e| e.error.as_deref())
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_asset::<ScenarioFile>()
        .init_asset_loader::<ScenarioLoader>()
        .init_resource::<Library>()
        .add_systems(Startup, load_folder)
        .add_systems(
            PreUpdate,
            (track_folder, track_files, track_failures).chain(),
        );
}

fn load_folder(server: Res<AssetServer>, mut library: ResMut<Library>) {
    library.folder = Some(server.load_folder(format!("{SOURCE}://")));
}

fn track_folder(mut events: MessageReader<AssetEvent<LoadedFolder>>, mut library: ResMut<Library>) {
    for e in events.read() {
        if let Some(folder) = &library.folder
            && e.is_loaded_with_dependencies(folder)
        {
            library.ready = true;
        }
    }
}

fn track_files(
    mut events: MessageReader<AssetEvent<ScenarioFile>>,
    files: Res<Assets<ScenarioFile>>,
    mut library: ResMut<Library>,
) {
    for e in events.read() {
        let (AssetEvent::Added { id } | AssetEvent::Modified { id }) = e else {
            continue;
        };
        let Some(file) = files.get(*id) else { continue };
        let entry = library.entries.entry(file.file.clone()).or_default();
        match &file.result {
            Ok(book) => {
                entry.good = Some(Arc::clone(book));
                entry.error = None;
                entry.version += 1;
                info!("scenario {} loaded (version {})", file.file, entry.version);
            }
            Err(message) => {
                warn!(
                    "scenario {} fails validation; keeping the last good version:\n{message}",
                    file.file
                );
                entry.error = Some(message.clone());
            }
        }
    }
}

fn track_failures(
    mut events: MessageReader<AssetLoadFailedEvent<ScenarioFile>>,
    mut library: ResMut<Library>,
) {
    for e in events.read() {
        let file = e.path.path().display().to_string();
        let entry = library.entries.entry(file.clone()).or_default();
        entry.error = Some(format!("{SOURCE}/{file}: {}", e.error));
    }
}
