//! The title screen: who is playing, for which team, in which language, at which size.

use super::{key, primary, tr, viewport_ui};
use crate::game::art::ArtIds;
use crate::game::session::{Action, Screen};
use crate::game::settings::{MAX_SCALE, MIN_SCALE, Settings};
use crate::game::theme;
use crate::text::Lang;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        bevy_egui::EguiPrimaryContextPass,
        system.in_set(super::UiSet).run_if(in_state(Screen::Title)),
    );
}

fn system(
    mut contexts: EguiContexts,
    mut settings: ResMut<Settings>,
    art: Res<ArtIds>,
    mut actions: MessageWriter<Action>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = viewport_ui(ctx);
    let mut edit = settings.clone();
    let action = egui::CentralPanel::default()
        .show(&mut root, |ui| ui_title(ui, &mut edit, &art))
        .inner;
    if edit != *settings {
        *settings = edit;
    }
    if let Some(a) = action {
        actions.write(a);
    }
    Ok(())
}

/// The title screen; edits `settings` in place.
pub fn ui_title(ui: &mut egui::Ui, settings: &mut Settings, art: &ArtIds) -> Option<Action> {
    let lang = settings.lang;
    let mut action = None;
    ui.vertical_centered(|ui| {
        ui.add_space(30.0);
        super::picture(ui, art.app, 110.0);
        ui.label(
            egui::RichText::new("collector-dojo")
                .size(44.0)
                .strong()
                .color(theme::TEAL_DARK),
        );
        ui.label(
            egui::RichText::new(tr(
                lang,
                "Oefen moeilijke incassogesprekken. Verbind, vraag door, regel het samen.",
                "Rehearse hard collections conversations. Connect, ask, solve it together.",
            ))
            .size(19.0)
            .color(theme::MUTED),
        );
        ui.add_space(24.0);
        super::card(ui, |ui| {
            ui.set_max_width(520.0);
            egui::Grid::new("title-form")
                .num_columns(2)
                .spacing([16.0, 12.0])
                .show(ui, |ui| {
                    ui.label(egui::RichText::new(tr(lang, "Naam", "Name")).strong());
                    ui.add(
                        egui::TextEdit::singleline(&mut settings.player)
                            .hint_text(tr(lang, "Je naam", "Your name"))
                            .desired_width(300.0),
                    );
                    ui.end_row();
                    ui.label(egui::RichText::new("Team").strong());
                    ui.add(
                        egui::TextEdit::singleline(&mut settings.team)
                            .hint_text(tr(lang, "Je team", "Your team"))
                            .desired_width(300.0),
                    );
                    ui.end_row();
                    ui.label(egui::RichText::new(tr(lang, "Taal", "Language")).strong());
                    ui.horizontal(|ui| {
                        ui.selectable_value(&mut settings.lang, Lang::Nl, "Nederlands");
                        ui.selectable_value(&mut settings.lang, Lang::En, "English");
                    });
                    ui.end_row();
                    ui.label(egui::RichText::new(tr(lang, "Tekstgrootte", "Text size")).strong());
                    ui.horizontal(|ui| {
                        ui.add(
                            egui::Slider::new(&mut settings.ui_scale, MIN_SCALE..=MAX_SCALE)
                                .step_by(0.05)
                                .fixed_decimals(2),
                        );
                        if ui.button(tr(lang, "Laptop", "Laptop")).clicked() {
                            settings.ui_scale = 1.0;
                        }
                        if ui
                            .button("Beamer")
                            .on_hover_text(tr(
                                lang,
                                "Groot, voor een projectiescherm",
                                "Large, for a projector",
                            ))
                            .clicked()
                        {
                            settings.ui_scale = 1.6;
                        }
                    });
                    ui.end_row();
                });
        });
        ui.add_space(18.0);
        if primary(
            ui,
            tr(
                lang,
                "Kies een scenario  (Enter)",
                "Choose a scenario  (Enter)",
            ),
        )
        .clicked()
            || key(ui, egui::Key::Enter)
        {
            action = Some(Action::Go(Screen::Picker));
        }
        ui.add_space(6.0);
        if ui
            .button(tr(lang, "Mijn geschiedenis  (H)", "My history  (H)"))
            .clicked()
            || key(ui, egui::Key::H)
        {
            action = Some(Action::Go(Screen::History));
        }
        if key(ui, egui::Key::L) {
            settings.lang = if lang == Lang::Nl { Lang::En } else { Lang::Nl };
        }
        ui.add_space(10.0);
        ui.label(
            egui::RichText::new(tr(
                lang,
                "Toetsen: Enter verder · H geschiedenis · L taal · Tab en pijltjes om te kiezen",
                "Keys: Enter continue · H history · L language · Tab and arrows to move",
            ))
            .small()
            .color(theme::MUTED),
        );
    });
    action
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn language_switch_and_start() {
        let mut harness = Harness::new_ui_state(
            |ui, state: &mut (Settings, Option<Action>)| {
                if let Some(a) = ui_title(ui, &mut state.0, &ArtIds::default()) {
                    state.1 = Some(a);
                }
            },
            (Settings::default(), None),
        );
        harness.get_by_label("English").click();
        harness.run();
        assert_eq!(harness.state().0.lang, Lang::En);
        harness.get_by_label("Choose a scenario  (Enter)").click();
        harness.run();
        assert_eq!(harness.state().1, Some(Action::Go(Screen::Picker)));
    }
}
