//! The look: one warm, high-contrast palette and type scale for every screen, and the UI
//! scale from the settings (a projector wants 1.5–2×).

use super::settings::Settings;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

pub const TEAL: egui::Color32 = egui::Color32::from_rgb(0x1f, 0x5f, 0x63);
pub const TEAL_DARK: egui::Color32 = egui::Color32::from_rgb(0x15, 0x45, 0x48);
pub const SAND: egui::Color32 = egui::Color32::from_rgb(0xf3, 0xe3, 0xc7);
pub const PAPER: egui::Color32 = egui::Color32::from_rgb(0xfb, 0xf7, 0xf0);
pub const CARD: egui::Color32 = egui::Color32::from_rgb(0xff, 0xfd, 0xf9);
pub const INK: egui::Color32 = egui::Color32::from_rgb(0x2d, 0x2a, 0x26);
pub const MUTED: egui::Color32 = egui::Color32::from_rgb(0x6b, 0x64, 0x5b);
pub const TERRACOTTA: egui::Color32 = egui::Color32::from_rgb(0xc8, 0x67, 0x4a);
pub const GOLD: egui::Color32 = egui::Color32::from_rgb(0xe0, 0xa9, 0x4a);
pub const GREEN: egui::Color32 = egui::Color32::from_rgb(0x3f, 0x8f, 0x5a);
pub const CUSTOMER_BUBBLE: egui::Color32 = egui::Color32::from_rgb(0xf3, 0xe3, 0xc7);
pub const TRAINEE_BUBBLE: egui::Color32 = egui::Color32::from_rgb(0xd9, 0xea, 0xe8);

/// The colour of a score band.
pub fn band_colour(band: crate::score::Band) -> egui::Color32 {
    use crate::score::Band::*;
    match band {
        NeedsWork => TERRACOTTA,
        Fair => GOLD,
        Good => TEAL,
        Excellent => GREEN,
    }
}

/// The visuals and text sizes of the game, on any egui context (the game's and the tests').
pub fn apply(ctx: &egui::Context) {
    let mut style = (*ctx.global_style()).clone();
    use egui::{FontFamily::Proportional, FontId, TextStyle};
    style.text_styles = [
        (TextStyle::Heading, FontId::new(28.0, Proportional)),
        (TextStyle::Body, FontId::new(17.0, Proportional)),
        (TextStyle::Button, FontId::new(17.0, Proportional)),
        (TextStyle::Small, FontId::new(13.0, Proportional)),
        (
            TextStyle::Monospace,
            FontId::new(15.0, egui::FontFamily::Monospace),
        ),
    ]
    .into();
    style.spacing.item_spacing = egui::vec2(10.0, 8.0);
    style.spacing.button_padding = egui::vec2(14.0, 8.0);
    let mut v = egui::Visuals::light();
    v.panel_fill = PAPER;
    v.window_fill = CARD;
    v.extreme_bg_color = egui::Color32::WHITE;
    for w in [
        &mut v.widgets.noninteractive,
        &mut v.widgets.inactive,
        &mut v.widgets.hovered,
        &mut v.widgets.active,
        &mut v.widgets.open,
    ] {
        w.fg_stroke.color = INK;
    }
    v.hyperlink_color = TEAL;
    v.selection.bg_fill = TEAL;
    v.selection.stroke = egui::Stroke::new(1.0, egui::Color32::WHITE);
    v.widgets.inactive.weak_bg_fill = egui::Color32::from_rgb(0xee, 0xe6, 0xd8);
    v.widgets.inactive.bg_fill = egui::Color32::from_rgb(0xee, 0xe6, 0xd8);
    v.widgets.hovered.weak_bg_fill = egui::Color32::from_rgb(0xe2, 0xef, 0xed);
    v.widgets.hovered.bg_stroke = egui::Stroke::new(1.5, TEAL);
    v.widgets.active.weak_bg_fill = egui::Color32::from_rgb(0xc9, 0xe0, 0xdd);
    v.widgets.noninteractive.bg_stroke =
        egui::Stroke::new(1.0, egui::Color32::from_rgb(0xe4, 0xd9, 0xc6));
    style.visuals = v;
    ctx.set_theme(egui::Theme::Light);
    ctx.set_global_style(style);
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        bevy_egui::EguiPrimaryContextPass,
        style_and_scale.before(super::session::UiSet),
    )
    .add_systems(
        PreUpdate,
        drop_unchanged_modifiers
            .after(bevy_egui::EguiPreUpdateSet::ProcessInput)
            .before(bevy_egui::EguiPreUpdateSet::BeginPass),
    );
}

/// bevy_egui reports the modifier keys as an event every frame, changed or not; egui takes any
/// event as a reason to draw the next frame, so the game never went idle (1.6 cores busy on
/// the title screen). Only a real change is passed on.
fn drop_unchanged_modifiers(
    mut inputs: Query<&mut bevy_egui::EguiInput>,
    mut last: Local<Option<egui::Modifiers>>,
) {
    for mut input in &mut inputs {
        input.0.events.retain(|e| match e {
            egui::Event::ModifiersChanged(m) if *last == Some(*m) => false,
            egui::Event::ModifiersChanged(m) => {
                *last = Some(*m);
                true
            }
            _ => true,
        });
    }
}

fn style_and_scale(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    mut done: Local<bool>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    if !*done {
        apply(ctx);
        *done = true;
    }
    if (ctx.zoom_factor() - settings.ui_scale).abs() > 0.001 {
        ctx.set_zoom_factor(settings.ui_scale);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use bevy_egui::EguiInput;

    /// Only a real change of the modifier keys reaches egui: an event every frame kept the
    /// game drawing when nothing happened.
    #[test]
    fn an_unchanged_modifier_state_is_not_an_event() {
        let mut app = App::new();
        app.add_systems(Update, drop_unchanged_modifiers);
        let input = app.world_mut().spawn(EguiInput::default()).id();
        let mut frame = |m: egui::Modifiers| -> usize {
            let mut i = app.world_mut().entity_mut(input);
            let mut raw = i.get_mut::<EguiInput>().expect("input");
            raw.0.events = vec![
                egui::Event::ModifiersChanged(m),
                egui::Event::Text("a".into()),
            ];
            app.update();
            let events = &app
                .world()
                .entity(input)
                .get::<EguiInput>()
                .expect("input")
                .0
                .events;
            assert!(
                events.contains(&egui::Event::Text("a".into())),
                "other events stay"
            );
            events.len() - 1
        };
        assert_eq!(frame(egui::Modifiers::NONE), 1, "the first state is news");
        assert_eq!(
            frame(egui::Modifiers::NONE),
            0,
            "the same state again is not"
        );
        assert_eq!(frame(egui::Modifiers::SHIFT), 1, "a change is");
        assert_eq!(frame(egui::Modifiers::SHIFT), 0);
    }
}
