//! The comparison for `scripts/measure.sh`: a bare Bevy + bevy_egui window with the same
//! Bevy features and build profile as the game, one label, and the same probe.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};
use collector_dojo::game::probe::{self, UiDrawn};
use collector_dojo::game::widgets::viewport_ui;

fn main() {
    let started = std::time::Instant::now();
    let mut app = App::new();
    app.add_plugins(DefaultPlugins)
        .add_plugins(EguiPlugin::default())
        .add_systems(Startup, |mut commands: Commands| {
            commands.spawn(Camera2d);
        });
    app.add_systems(EguiPrimaryContextPass, ui);
    probe::add(&mut app, started, Some(240));
    app.run();
}

fn ui(mut contexts: EguiContexts, drawn: Option<ResMut<UiDrawn>>) -> Result {
    egui::CentralPanel::default().show(&mut viewport_ui(contexts.ctx_mut()?), |ui| {
        ui.heading("bare")
    });
    if let Some(mut d) = drawn {
        d.0 = true;
    }
    Ok(())
}
