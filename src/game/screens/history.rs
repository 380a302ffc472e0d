//! The history screen: the player's sessions, newest first, and their best score per scenario.

use super::{card, tr, viewport_ui};
use crate::game::records::Records;
use crate::game::session::{Action, Screen};
use crate::game::settings::Settings;
use crate::game::theme;
use crate::score::Band;
use crate::store::Session as Record;
use crate::text::Lang;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        bevy_egui::EguiPrimaryContextPass,
        system
            .in_set(super::UiSet)
            .run_if(in_state(Screen::History)),
    );
}

fn system(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    records: Res<Records>,
    mut actions: MessageWriter<Action>,
) -> Result {
    let mine = records.of(&settings.player);
    let ctx = contexts.ctx_mut()?;
    let mut root = viewport_ui(ctx);
    let action = egui::CentralPanel::default()
        .show(&mut root, |ui| {
            ui_history(ui, settings.lang, &settings.player, &mine)
        })
        .inner;
    if let Some(a) = action {
        actions.write(a);
    }
    Ok(())
}

fn scored(ui: &mut egui::Ui, v: u8) {
    ui.label(
        egui::RichText::new(v.to_string())
            .strong()
            .color(theme::band_colour(Band::of(v))),
    );
}

pub fn ui_history(
    ui: &mut egui::Ui,
    lang: Lang,
    player: &str,
    records: &[&Record],
) -> Option<Action> {
    let mut action = None;
    ui.horizontal(|ui| {
        let who = if player.is_empty() {
            tr(lang, "(geen naam)", "(no name)").to_string()
        } else {
            player.to_string()
        };
        ui.heading(format!("{} — {who}", tr(lang, "Geschiedenis", "History")));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button(tr(lang, "Scenario's (S)", "Scenarios (S)"))
                .clicked()
                || super::key(ui, egui::Key::S)
            {
                action = Some(Action::Go(Screen::Picker));
            }
            if ui.button(tr(lang, "Terug (Esc)", "Back (Esc)")).clicked()
                || super::key(ui, egui::Key::Escape)
            {
                action = Some(Action::Go(Screen::Title));
            }
        });
    });
    if records.is_empty() {
        ui.label(tr(
            lang,
            "Nog geen gesprekken gespeeld.",
            "No conversations played yet.",
        ));
        return action;
    }
    let mut best: std::collections::BTreeMap<&str, &Record> = std::collections::BTreeMap::new();
    for r in records {
        let e = best.entry(r.scenario.as_str()).or_insert(r);
        if r.scores.overall > e.scores.overall {
            *e = r;
        }
    }
    card(ui, |ui| {
        ui.label(
            egui::RichText::new(tr(
                lang,
                "Beste score per scenario",
                "Best score per scenario",
            ))
            .strong(),
        );
        ui.horizontal_wrapped(|ui| {
            for r in best.values() {
                ui.label(format!("{}:", r.title));
                scored(ui, r.scores.overall);
                ui.add_space(12.0);
            }
        });
    });
    ui.add_space(8.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("history")
                .striped(true)
                .num_columns(8)
                .spacing([18.0, 6.0])
                .show(ui, |ui| {
                    for h in [
                        tr(lang, "Datum", "Date"),
                        "Scenario",
                        tr(lang, "Afloop", "Ending"),
                        tr(lang, "Empathie", "Empathy"),
                        tr(lang, "Feiten", "Facts"),
                        tr(lang, "Afspraak", "Agreement"),
                        tr(lang, "Naleving", "Compliance"),
                        tr(lang, "Totaal", "Overall"),
                    ] {
                        ui.label(egui::RichText::new(h).strong());
                    }
                    ui.end_row();
                    for r in records {
                        let d = super::negotiation::Date::from_days(r.ended / 86_400);
                        ui.label(d.show(lang));
                        ui.label(&r.title);
                        let ending = crate::scenario::Ending::ALL
                            .iter()
                            .find(|e| e.key() == r.ending);
                        ui.label(ending.map_or_else(
                            || r.ending.replace('_', " "),
                            |e| e.label().get(lang).to_string(),
                        ));
                        for v in [
                            r.scores.empathy,
                            r.scores.fact_gathering,
                            r.scores.agreement,
                            r.scores.compliance,
                            r.scores.overall,
                        ] {
                            scored(ui, v);
                        }
                        ui.end_row();
                    }
                });
        });
    action
}
