//! The play screens' panels: the top bar, the customer (portrait, mood bars that ease after
//! each turn, notes) and the call log.

use super::picture;
use crate::dialogue::{Conversation, Speaker};
use crate::game::art::{ArtIds, Expression};
use crate::game::session::Session;
use crate::game::theme;
use crate::scenario::{FactKind, Mood};
use crate::text::Lang;
use bevy::prelude::*;
use bevy_egui::egui;

/// The mood as drawn: it eases towards the real mood so a change is seen happening, and the
/// last change is shown as +/− for a few seconds.
#[derive(Resource, Debug, Clone, Default)]
pub struct MoodShown {
    pub trust: f32,
    pub stress: f32,
    pub turns: usize,
    pub delta: Option<(i32, i32)>,
    pub delta_age: f32,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<MoodShown>()
        // The window plugin registers it too; headless apps have none.
        .add_message::<bevy::window::RequestRedraw>()
        .add_systems(Update, ease_mood);
}

fn ease_mood(
    time: Res<Time>,
    session: Option<Res<Session>>,
    mut shown: ResMut<MoodShown>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    let Some(s) = session else { return };
    let mood = s.conv.mood();
    let turns = s.conv.turns().len();
    if turns != shown.turns {
        if turns > shown.turns {
            let last = s.conv.turns()[turns - 1];
            shown.delta = Some((
                last.mood_after.trust - last.mood_before.trust,
                last.mood_after.stress - last.mood_before.stress,
            ));
            shown.delta_age = 0.0;
        } else {
            // A new or replayed conversation starts from its own mood.
            shown.trust = mood.trust as f32;
            shown.stress = mood.stress as f32;
            shown.delta = None;
        }
        shown.turns = turns;
    }
    let k = 1.0 - (-time.delta_secs() * 4.0).exp();
    shown.trust += (mood.trust as f32 - shown.trust) * k;
    shown.stress += (mood.stress as f32 - shown.stress) * k;
    shown.delta_age += time.delta_secs();
    if shown.delta_age > 4.0 {
        shown.delta = None;
    }
    // The game draws only on change: keep frames coming while the bars move (about a second
    // and a half). The +/− label goes with the once-a-second wake-up after its four seconds.
    let moving = (mood.trust as f32 - shown.trust).abs() > 0.05
        || (mood.stress as f32 - shown.stress).abs() > 0.05;
    if moving {
        redraw.write(bevy::window::RequestRedraw);
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
        lang.pick("Vertrouwen", "Trust"),
        shown.0,
        theme::TEAL,
        delta.map(|d| d.0),
    );
    bar(ui, "Stress", shown.1, theme::TERRACOTTA, delta.map(|d| d.1));
}

/// The trainee's notes: facts uncovered so far.
pub fn notes(ui: &mut egui::Ui, lang: Lang, conv: &Conversation) {
    ui.label(
        egui::RichText::new(lang.pick("Notities", "Notes"))
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
            egui::RichText::new(lang.pick(
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
            lang.pick("kernfeiten", "key facts")
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
                                                lang.pick("Jij", "You").to_string()
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
                egui::RichText::new(lang.pick("Esc: menu", "Esc: menu"))
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
