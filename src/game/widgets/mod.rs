//! The widget kit every screen draws with: keys, cards, buttons, notices, the menu
//! screens' header. The play screens' panels, the feedback (scores, principles, what-ifs) and
//! the charts are in the submodules. Widgets know no screen; screens know no other screen.

pub mod charts;
pub mod feedback;
pub mod play;

use super::session::{Action, Screen};
use super::theme;
use crate::text::Lang;
use bevy::prelude::*;
use bevy_egui::egui;

/// The play widgets' state (the mood as drawn, easing after each turn).
pub(super) fn plugin(app: &mut App) {
    play::plugin(app);
}

/// Type sizes on the projector (the workshop room's screens), on top of the player's UI
/// scale: the customer's line, and the options.
pub const PROJECTED_LINE: f32 = 30.0;
pub const PROJECTED_OPTION: f32 = 22.0;

/// A full-window `Ui` to put panels on (egui 0.36 panels take a `Ui`).
pub fn viewport_ui(ctx: &egui::Context) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        "viewport".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}

/// The number key pressed this frame, 1–9.
pub fn number_key(ui: &egui::Ui) -> Option<usize> {
    use egui::Key::*;
    let keys = [Num1, Num2, Num3, Num4, Num5, Num6, Num7, Num8, Num9];
    if ui.ctx().egui_wants_keyboard_input() {
        return None;
    }
    ui.input(|i| keys.iter().position(|k| i.key_pressed(*k)).map(|p| p + 1))
}

/// Whether `k` was pressed this frame as a screen shortcut.
pub fn key(ui: &egui::Ui, k: egui::Key) -> bool {
    // Typing in a text field must not trigger screen shortcuts.
    !ui.ctx().egui_wants_keyboard_input() && ui.input(|i| i.key_pressed(k))
}

/// An image from the artwork, or a soft placeholder of the same size.
pub fn picture(ui: &mut egui::Ui, id: Option<egui::TextureId>, size: f32) -> egui::Response {
    match id {
        Some(id) => ui.add(
            egui::Image::new(egui::load::SizedTexture::new(id, [size, size]))
                .corner_radius(size * 0.08),
        ),
        None => {
            let (rect, resp) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
            ui.painter().rect_filled(rect, size * 0.08, theme::SAND);
            resp
        }
    }
}

/// A card frame.
pub fn card<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    framed(ui, 10.0, egui::Margin::same(14), add)
}

/// A card frame with less padding, for a list of compact rows.
pub fn compact_card<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    framed(ui, 8.0, egui::Margin::symmetric(8, 6), add)
}

fn framed<R>(
    ui: &mut egui::Ui,
    radius: f32,
    margin: egui::Margin,
    add: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    egui::Frame::new()
        .fill(theme::CARD)
        .stroke(egui::Stroke::new(
            1.0,
            egui::Color32::from_rgb(0xe4, 0xd9, 0xc6),
        ))
        .corner_radius(radius)
        .inner_margin(margin)
        .show(ui, add)
        .inner
}

/// A notice in a red frame (validation errors, failed saves).
pub fn warning(ui: &mut egui::Ui, text: &str) {
    egui::Frame::new()
        .fill(egui::Color32::from_rgb(0xfb, 0xe7, 0xe1))
        .stroke(egui::Stroke::new(1.0, theme::TERRACOTTA))
        .corner_radius(6.0)
        .inner_margin(egui::Margin::same(10))
        .show(ui, |ui| {
            ui.label(
                egui::RichText::new(text)
                    .monospace()
                    .color(egui::Color32::from_rgb(0x7a, 0x2e, 0x1b)),
            );
        });
}

/// A big primary button.
pub fn primary(ui: &mut egui::Ui, text: &str) -> egui::Response {
    primary_sized(ui, text, 19.0, egui::vec2(160.0, 40.0))
}

/// The primary button at another size (a compact row's Start).
pub fn primary_sized(ui: &mut egui::Ui, text: &str, size: f32, min: egui::Vec2) -> egui::Response {
    ui.add(
        egui::Button::new(
            egui::RichText::new(text)
                .color(egui::Color32::WHITE)
                .strong()
                .size(size),
        )
        .fill(theme::TEAL)
        .min_size(min),
    )
}

/// Width of the side panels: a share of the window, so a projector's scale still leaves room
/// for the conversation.
pub fn side_width(ui: &egui::Ui) -> f32 {
    (ui.available_width() * 0.28).clamp(200.0, 320.0)
}

/// The header row of a menu screen: its title, Back, Scenarios, and the other of history and
/// team (`other`).
pub fn header(ui: &mut egui::Ui, lang: Lang, title: String, other: Screen) -> Option<Action> {
    let mut action = None;
    ui.horizontal(|ui| {
        ui.heading(title);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(lang.pick("Terug (Esc)", "Back (Esc)")).clicked()
                || key(ui, egui::Key::Escape)
            {
                action = Some(Action::Go(Screen::Title));
            }
            if ui
                .button(lang.pick("Scenario's (S)", "Scenarios (S)"))
                .clicked()
                || key(ui, egui::Key::S)
            {
                action = Some(Action::Go(Screen::Picker));
            }
            let (label, k) = match other {
                Screen::Team => (lang.pick("Team (T)", "Team (T)"), egui::Key::T),
                _ => (
                    lang.pick("Mijn geschiedenis (H)", "My history (H)"),
                    egui::Key::H,
                ),
            };
            if ui.button(label).clicked() || key(ui, k) {
                action = Some(Action::Go(other));
            }
        });
    });
    action
}
