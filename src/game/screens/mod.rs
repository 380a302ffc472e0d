//! The screens, one plugin per file, and the widgets they share (portrait, mood bars, notes,
//! principle chips, score bars). Each screen's `ui` function is plain egui that returns what
//! the player asked for, so egui_kittest can test it without a window.

pub mod charts;
pub mod conversation;
pub mod debrief;
pub mod history;
pub mod negotiation;
pub mod picker;
pub mod room;
pub mod team;
pub mod title;
pub mod workshops;

use super::art::{ArtIds, Expression};
use super::theme;
use crate::dialogue::{Conversation, Speaker};
use crate::scenario::{FactKind, Mood, Principle};
use crate::score::Band;
use crate::text::Lang;
use bevy::prelude::*;
use bevy_egui::egui;

/// The set all screen UI systems run in (after the theme is applied).
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct UiSet;

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
            workshops::plugin,
        ));
}

/// Dutch or English, inline.
pub fn tr(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    if lang == Lang::Nl { nl } else { en }
}

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

/// The customer's portrait for their current mood.
pub fn portrait(ui: &mut egui::Ui, art: &ArtIds, scenario: &str, mood: Mood, size: f32) {
    picture(ui, art.portrait(scenario, Expression::of(mood)), size);
}

/// Trust and stress as bars; `shown` is the animated value, `mood` the real one.
pub fn mood_bars(ui: &mut egui::Ui, lang: Lang, shown: (f32, f32), delta: Option<(i32, i32)>) {
    let bar =
        |ui: &mut egui::Ui, label: &str, value: f32, colour: egui::Color32, change: Option<i32>| {
            ui.horizontal(|ui| {
                ui.add_sized(
                    [78.0, 20.0],
                    egui::Label::new(egui::RichText::new(label).strong()),
                );
                let width = ui.available_width() - 52.0;
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(width.max(60.0), 18.0), egui::Sense::hover());
                ui.painter()
                    .rect_filled(rect, 9.0, egui::Color32::from_rgb(0xe8, 0xe0, 0xd2));
                let mut fill = rect;
                fill.set_width(rect.width() * (value / 100.0).clamp(0.0, 1.0));
                ui.painter().rect_filled(fill, 9.0, colour);
                let text = match change {
                    Some(c) if c != 0 => format!("{}{c}", if c > 0 { "+" } else { "" }),
                    _ => format!("{}", value.round()),
                };
                let tone = match change {
                    Some(c) if c > 0 => theme::GREEN,
                    Some(c) if c < 0 => theme::TERRACOTTA,
                    _ => theme::MUTED,
                };
                ui.label(egui::RichText::new(text).color(tone).strong());
            });
        };
    bar(
        ui,
        tr(lang, "Vertrouwen", "Trust"),
        shown.0,
        theme::TEAL,
        delta.map(|d| d.0),
    );
    bar(ui, "Stress", shown.1, theme::TERRACOTTA, delta.map(|d| d.1));
}

/// The trainee's notes: facts uncovered so far.
pub fn notes(ui: &mut egui::Ui, lang: Lang, conv: &Conversation) {
    ui.label(
        egui::RichText::new(tr(lang, "Notities", "Notes"))
            .heading()
            .size(20.0),
    );
    let fill = conv.fill();
    let facts = &conv.book().scenario.persona.facts;
    let mut any = false;
    for (i, f) in facts.iter().enumerate() {
        if conv.known() & (1 << i) != 0 {
            any = true;
            let mark = match f.kind {
                FactKind::Income | FactKind::Costs | FactKind::Capacity => "€",
                FactKind::Dispute => "!",
                _ => "•",
            };
            ui.label(format!("{mark}  {}", fill.text(&f.note, lang)));
        }
    }
    if !any {
        ui.label(
            egui::RichText::new(tr(
                lang,
                "Nog niets te weten gekomen. Vraag ernaar.",
                "Nothing uncovered yet. Ask.",
            ))
            .italics()
            .color(theme::MUTED),
        );
    }
    let key = facts.iter().filter(|f| f.key).count();
    let known_key = facts
        .iter()
        .enumerate()
        .filter(|(i, f)| f.key && conv.known() & (1 << i) != 0)
        .count();
    ui.label(
        egui::RichText::new(format!(
            "{known_key}/{key} {}",
            tr(lang, "kernfeiten", "key facts")
        ))
        .small()
        .color(theme::MUTED),
    );
}

/// The call log: the transcript as chat bubbles.
pub fn call_log(ui: &mut egui::Ui, lang: Lang, conv: &Conversation, customer: &str) {
    egui::ScrollArea::vertical()
        .stick_to_bottom(true)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let width = ui.available_width();
            for line in conv.transcript(lang) {
                match line.speaker {
                    Speaker::Narrator => {
                        ui.vertical_centered(|ui| {
                            ui.label(
                                egui::RichText::new(&line.text)
                                    .italics()
                                    .color(theme::MUTED),
                            )
                        });
                    }
                    Speaker::Customer | Speaker::Trainee => {
                        let mine = line.speaker == Speaker::Trainee;
                        let layout = if mine {
                            egui::Layout::right_to_left(egui::Align::TOP)
                        } else {
                            egui::Layout::left_to_right(egui::Align::TOP)
                        };
                        ui.with_layout(layout, |ui| {
                            egui::Frame::new()
                                .fill(if mine {
                                    theme::TRAINEE_BUBBLE
                                } else {
                                    theme::CUSTOMER_BUBBLE
                                })
                                .corner_radius(12.0)
                                .inner_margin(egui::Margin::symmetric(14, 10))
                                .show(ui, |ui| {
                                    ui.set_max_width(width * 0.72);
                                    ui.with_layout(
                                        egui::Layout::top_down(egui::Align::LEFT),
                                        |ui| {
                                            let who = if mine {
                                                tr(lang, "Jij", "You").to_string()
                                            } else {
                                                customer.to_string()
                                            };
                                            ui.label(
                                                egui::RichText::new(who)
                                                    .small()
                                                    .strong()
                                                    .color(theme::MUTED),
                                            );
                                            ui.add(egui::Label::new(&line.text).wrap());
                                        },
                                    );
                                });
                        });
                    }
                }
                ui.add_space(4.0);
            }
        });
}

/// A principle as a small chip with its icon; clicking it asks for its card.
pub fn principle_chip(ui: &mut egui::Ui, art: &ArtIds, lang: Lang, p: Principle) -> bool {
    let title = p.title();
    let resp = ui
        .horizontal(|ui| {
            picture(ui, art.principle(p), 22.0);
            ui.add(
                egui::Label::new(
                    egui::RichText::new(title.get(lang))
                        .color(theme::TEAL_DARK)
                        .strong(),
                )
                .sense(egui::Sense::click()),
            )
        })
        .inner;
    resp.on_hover_text(p.explain().get(lang)).clicked()
}

/// The card that explains a principle.
pub fn principle_card(ui: &mut egui::Ui, art: &ArtIds, lang: Lang, p: Principle) {
    ui.horizontal(|ui| {
        picture(ui, art.principle(p), 64.0);
        ui.vertical(|ui| {
            ui.heading(p.title().get(lang));
            ui.label(p.explain().get(lang));
        });
    });
}

/// The open principle card as a window in the middle of the screen; Close empties `card`.
pub fn principle_window(root: &egui::Ui, art: &ArtIds, lang: Lang, card: &mut Option<Principle>) {
    let Some(p) = *card else { return };
    let mut open = true;
    egui::Window::new(p.title().get(lang))
        .title_bar(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(root.ctx(), |ui| {
            ui.set_max_width(600.0);
            principle_card(ui, art, lang, p);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button(tr(lang, "Sluiten (Esc)", "Close (Esc)"))
                    .clicked()
                {
                    open = false;
                }
            });
        });
    if !open {
        *card = None;
    }
}

/// One score as a labelled bar with its value and band, in two lines so it fits any width.
pub fn score_bar(ui: &mut egui::Ui, lang: Lang, label: &str, value: u8) {
    let band = Band::of(value);
    ui.label(egui::RichText::new(label).strong());
    ui.horizontal(|ui| {
        let width = (ui.available_width() - 170.0).max(60.0);
        let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 22.0), egui::Sense::hover());
        let p = ui.painter();
        p.rect_filled(rect, 4.0, egui::Color32::from_rgb(0xea, 0xe2, 0xd4));
        let mut fill = rect;
        fill.set_width(rect.width() * f32::from(value) / 100.0);
        p.rect_filled(fill, 4.0, theme::band_colour(band));
        for edge in [40.0, 60.0, 80.0] {
            let x = rect.left() + rect.width() * edge / 100.0;
            p.line_segment(
                [egui::pos2(x, rect.top()), egui::pos2(x, rect.bottom())],
                egui::Stroke::new(1.0, egui::Color32::from_white_alpha(160)),
            );
        }
        ui.label(egui::RichText::new(format!("{value}")).strong().size(20.0));
        ui.label(
            egui::RichText::new(band.label().get(lang))
                .color(theme::band_colour(band))
                .strong(),
        );
    });
    ui.add_space(2.0);
}

/// A card frame.
pub fn card<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    egui::Frame::new()
        .fill(theme::CARD)
        .stroke(egui::Stroke::new(
            1.0,
            egui::Color32::from_rgb(0xe4, 0xd9, 0xc6),
        ))
        .corner_radius(10.0)
        .inner_margin(egui::Margin::same(14))
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
    ui.add(
        egui::Button::new(
            egui::RichText::new(text)
                .color(egui::Color32::WHITE)
                .strong()
                .size(19.0),
        )
        .fill(theme::TEAL)
        .min_size(egui::vec2(160.0, 40.0)),
    )
}

/// The top bar every play screen shares: scenario, channel, player.
pub fn top_bar(ui: &mut egui::Ui, art: &ArtIds, lang: Lang, conv: &Conversation, player: &str) {
    let s = &conv.book().scenario;
    ui.horizontal(|ui| {
        ui.heading(conv.fill().text(&s.title, lang));
        ui.separator();
        picture(ui, art.channel(conv.channel()), 26.0);
        ui.label(egui::RichText::new(conv.channel().label().get(lang)).strong());
        ui.separator();
        ui.label(
            egui::RichText::new(format!("{} · {}", s.context.company, s.persona.name))
                .color(theme::MUTED),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(
                egui::RichText::new(tr(lang, "Esc: menu", "Esc: menu"))
                    .small()
                    .color(theme::MUTED),
            );
            if !player.is_empty() {
                ui.label(egui::RichText::new(player).strong());
            }
        });
    });
}

/// Trust and stress as drawn, with their last change.
pub type MoodBars = ((f32, f32), Option<(i32, i32)>);

/// The customer panel every play screen shares: portrait, mood, notes. `mood: None` hides
/// the bars (a workshop room sees them only in the debrief).
pub fn customer_panel(
    ui: &mut egui::Ui,
    art: &ArtIds,
    lang: Lang,
    conv: &Conversation,
    mood: Option<MoodBars>,
) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let s = &conv.book().scenario;
            ui.vertical_centered(|ui| {
                let size = (ui.available_width() * 0.7).clamp(120.0, 200.0);
                portrait(ui, art, conv.book().id(), conv.mood(), size);
                ui.label(egui::RichText::new(&s.persona.name).heading().size(22.0));
                ui.label(egui::RichText::new(s.persona.archetype.label()).color(theme::MUTED));
            });
            ui.add_space(8.0);
            if let Some((shown, delta)) = mood {
                mood_bars(ui, lang, shown, delta);
                ui.add_space(10.0);
            }
            ui.separator();
            notes(ui, lang, conv);
        });
}

/// Width of the side panels: a share of the window, so a projector's scale still leaves room
/// for the conversation.
pub fn side_width(ui: &egui::Ui) -> f32 {
    (ui.available_width() * 0.28).clamp(200.0, 320.0)
}
