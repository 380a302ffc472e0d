//! The screens, one plugin per file. Each screen's `ui` function is plain egui that returns
//! what the player asked for, so egui_kittest can test it without a window; what they draw
//! with is in [`super::widgets`], and no screen uses another.

pub mod conversation;
pub mod debrief;
pub mod history;
pub mod negotiation;
pub mod picker;
pub mod room;
pub mod room_debrief;
pub mod team;
pub mod title;
pub mod workshops;

use super::session::UiSet;
use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.configure_sets(bevy_egui::EguiPrimaryContextPass, UiSet)
        .add_plugins((
            title::plugin,
            picker::plugin,
            conversation::plugin,
            negotiation::plugin,
            debrief::plugin,
            history::plugin,
            team::plugin,
            room::plugin,
            room_debrief::plugin,
            workshops::plugin,
        ));
}
