//! The Bevy game: a thin layer over the engine. Screens are Bevy states, one plugin per file;
//! scenarios are assets read from the `scenarios/` folder with hot reload; every screen change
//! is an [`Action`], so the UI, the automation mode and the tests drive the same game.

pub mod art;
pub mod automation;
pub mod library;
pub mod probe;
pub mod records;
pub mod screens;
pub mod session;
pub mod settings;
pub mod theme;
pub mod widgets;

pub use session::{Action, Screen, Session, WorkshopRun};

use bevy::asset::io::AssetSourceBuilder;
use bevy::prelude::*;
use bevy::window::WindowResolution;
use bevy_egui::EguiPlugin;
use std::path::{Path, PathBuf};

/// How to start the game.
#[derive(Debug, Clone)]
pub struct GameOptions {
    /// The scenarios folder (an asset source of its own).
    pub scenarios: PathBuf,
    /// The `assets/` folder (portraits, icons).
    pub assets: PathBuf,
    /// Overrides the language in the settings for this run.
    pub lang: Option<crate::text::Lang>,
    /// Overrides the UI scale for this run.
    pub ui_scale: Option<f32>,
    /// Open in workshop mode with this plan.
    pub workshop: Option<crate::workshop::Workshop>,
    /// Overrides the player's name and team for this run.
    pub player: Option<String>,
    pub team: Option<String>,
    /// Play a script in the window and exit (tests, demos).
    pub automation: Option<automation::Script>,
    /// Open straight at this scenario, to play it by hand.
    pub open_at: Option<String>,
    /// The results database (`--db`); default: the platform's data folder.
    pub db: Option<String>,
    /// When `main` started, for the performance probe.
    pub started: std::time::Instant,
}

/// A folder given relative to the working directory, else next to the executable, else in the
/// source checkout, so `cargo run`, an installed binary and the tests all find it.
pub fn find_dir(name: &Path) -> PathBuf {
    if name.is_absolute() {
        return name.to_path_buf();
    }
    let candidates = [
        std::env::current_dir().ok().map(|d| d.join(name)),
        std::env::current_exe()
            .ok()
            .and_then(|e| e.parent().map(|p| p.join(name))),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|p| p.is_dir())
        .unwrap_or_else(|| name.to_path_buf())
}

/// Registers the `scenarios://` asset source; must come before `AssetPlugin`.
pub fn register_scenario_source(app: &mut App, dir: &Path) {
    app.register_asset_source(
        library::SOURCE,
        AssetSourceBuilder::platform_default(&dir.to_string_lossy(), None),
    );
}

/// The game without rendering: scenarios, session and screens, settings, records. Headless
/// tests run this on `MinimalPlugins`.
pub fn logic_plugin(app: &mut App) {
    app.add_plugins((
        settings::plugin,
        records::plugin,
        library::plugin,
        session::plugin,
    ));
}

/// The egui screens, their widgets, theme and artwork.
pub fn ui_plugin(app: &mut App) {
    app.add_plugins((theme::plugin, art::plugin, widgets::plugin, screens::plugin));
}

/// Opens the window and runs the game until it is closed.
pub fn run(options: GameOptions) -> AppExit {
    let mut app = App::new();
    register_scenario_source(&mut app, &options.scenarios);
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "collector-dojo".into(),
                    resolution: WindowResolution::new(1280, 720),
                    ..default()
                }),
                ..default()
            })
            .set(AssetPlugin {
                file_path: options.assets.to_string_lossy().into_owned(),
                watch_for_changes_override: Some(true),
                ..default()
            }),
    )
    .add_plugins(EguiPlugin::default())
    .insert_resource(ClearColor(Color::srgb_u8(0xfb, 0xf7, 0xf0)))
    .insert_resource(art::AssetsDir(options.assets.clone()))
    .insert_resource(screens::workshops::WorkshopsDir(Some(
        crate::workshop::folder(&options.scenarios),
    )))
    .add_systems(Startup, |mut commands: Commands| {
        // egui smooths its own edges; multisampling the whole window only costs memory and
        // frame time (four samples a pixel, most of all with software rendering).
        commands.spawn((Camera2d, bevy::render::view::Msaa::Off));
    });
    if options.automation.is_some() {
        // A scripted run must not touch the player's own settings or history.
        let tmp = std::env::temp_dir().join(format!("collector-dojo-play-{}", std::process::id()));
        app.insert_resource(settings::SettingsDir(None))
            .insert_resource(records::DataDir(Some(tmp)));
    }
    if let Some(db) = options.db {
        app.insert_resource(records::Database(db));
    }
    app.init_resource::<records::OpenInBackground>();
    app.add_plugins((logic_plugin, ui_plugin));
    {
        let mut s = app.world_mut().resource_mut::<settings::Settings>();
        if let Some(lang) = options.lang {
            s.lang = lang;
        }
        if let Some(p) = options.player {
            s.player = p;
        }
        if let Some(t) = options.team {
            s.team = t;
        }
        if let Some(scale) = options.ui_scale {
            s.ui_scale = scale.clamp(settings::MIN_SCALE, settings::MAX_SCALE);
        }
    }
    let scripted = options.automation.is_some();
    if let Some(script) = options.automation {
        app.insert_resource(script).add_plugins(automation::plugin);
    } else if let Some(w) = options.workshop {
        app.insert_resource(automation::OpenWorkshop(w))
            .add_plugins(automation::open_workshop_plugin);
    } else if let Some(id) = options.open_at {
        app.insert_resource(automation::OpenAt(id))
            .add_plugins(automation::open_at_plugin);
    }
    // Draw only when something changes: input, a window event, an easing bar (it asks for
    // the next frame itself), egui's own animations (bevy_egui asks). A wake-up every second
    // picks up hot reloads of scenarios and artwork. A scripted run and the probe draw
    // continuously: they measure and capture frames.
    if !scripted && std::env::var_os("COLLECTOR_DOJO_PROBE").is_none() {
        use bevy::winit::{UpdateMode, WinitSettings};
        use std::time::Duration;
        app.insert_resource(WinitSettings {
            focused_mode: UpdateMode::reactive(Duration::from_secs(1)),
            unfocused_mode: UpdateMode::reactive_low_power(Duration::from_secs(2)),
        });
    }
    probe::add(&mut app, options.started, None);
    if app.world().contains_resource::<probe::UiDrawn>() {
        app.add_systems(
            bevy_egui::EguiPrimaryContextPass,
            probe_screen.after(session::UiSet),
        );
    }
    app.run()
}

/// Marks the UI as drawn and buckets frame times by screen.
fn probe_screen(
    screen: Res<State<Screen>>,
    mut drawn: ResMut<probe::UiDrawn>,
    mut phase: ResMut<probe::Phase>,
) {
    drawn.0 = true;
    let name = format!("{:?}", screen.get()).to_lowercase();
    if phase.0 != name {
        phase.0 = name;
    }
}
