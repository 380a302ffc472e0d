//! The workshop chooser: the trainer's plans from the `workshops/` folder (with their steps,
//! players and notes, or the `check` message of a broken one) and every scenario as a
//! one-step workshop. Starting one opens the projected room screens.

use crate::game::library::Library;
use crate::game::session::{Action, Screen, UiSet};
use crate::game::settings::Settings;
use crate::game::theme;
use crate::game::widgets::{card, key, number_key, primary, viewport_ui, warning};
use crate::scenario::LoadError;
use crate::text::Lang;
use crate::workshop::Workshop;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};
use std::path::PathBuf;

/// Where the trainer's plans are; `None`: no folder (only single scenarios are offered).
#[derive(Resource, Debug, Clone, Default)]
pub struct WorkshopsDir(pub Option<PathBuf>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<WorkshopsDir>().add_systems(
        bevy_egui::EguiPrimaryContextPass,
        system.in_set(UiSet).run_if(in_state(Screen::Workshops)),
    );
}

/// A plan, or the `check` message of a broken one.
pub type Listed = Result<Workshop, LoadError>;

/// The plans in `dir`, each validated against the playable scenarios.
pub fn plans(dir: Option<&std::path::Path>, known: &[String]) -> Vec<Listed> {
    let Some(dir) = dir else { return Vec::new() };
    crate::scenario::discover_with(&[dir.to_path_buf()], &[crate::workshop::EXTENSION])
        .unwrap_or_default()
        .iter()
        .map(|p| Workshop::load(p, known))
        .collect()
}

fn system(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    library: Res<Library>,
    dir: Res<WorkshopsDir>,
    mut cache: Local<Option<(usize, Vec<Listed>)>>,
    mut participants: Local<String>,
    mut actions: MessageWriter<Action>,
) -> Result {
    let known: Vec<String> = library.playable().map(|b| b.id().to_string()).collect();
    // Read the folder again when the playable scenarios change (hot reload).
    if cache.as_ref().map(|c| c.0) != Some(known.len()) {
        *cache = Some((known.len(), plans(dir.0.as_deref(), &known)));
    }
    let list = cache.as_ref().map(|c| c.1.as_slice()).unwrap_or(&[]);
    let singles: Vec<(String, String)> = library
        .playable()
        .map(|b| {
            (
                b.id().to_string(),
                b.scenario.title.get(settings.lang).to_string(),
            )
        })
        .collect();
    let ctx = contexts.ctx_mut()?;
    let mut root = viewport_ui(ctx);
    let action = egui::CentralPanel::default()
        .show(&mut root, |ui| {
            ui_workshops(ui, settings.lang, list, &singles, &mut participants)
        })
        .inner;
    if let Some(a) = action {
        actions.write(a);
    }
    Ok(())
}

/// The names typed in "who is in the room", or `None` when none were typed.
fn typed_names(typed: &str) -> Option<Vec<String>> {
    let mut names: Vec<String> = Vec::new();
    for n in typed.split([',', ';', '\n']).map(str::trim) {
        if !n.is_empty() && !names.iter().any(|m| m.eq_ignore_ascii_case(n)) {
            names.push(n.to_string());
        }
    }
    (!names.is_empty()).then_some(names)
}

/// The plan as the room plays it: the participants typed today replace the plan's list.
fn for_room(w: &Workshop, typed: &str) -> Workshop {
    let mut w = w.clone();
    if let Some(names) = typed_names(typed) {
        w.plan.players = names;
    }
    w
}

/// The chooser: who is in the room, plans (1–9 start them), then single scenarios.
/// `participants` is the text field of names, kept by the caller between frames.
pub fn ui_workshops(
    ui: &mut egui::Ui,
    lang: Lang,
    plans: &[Listed],
    singles: &[(String, String)],
    participants: &mut String,
) -> Option<Action> {
    let mut action = None;
    ui.horizontal(|ui| {
        ui.heading(lang.pick("Workshop", "Workshop"));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(lang.pick("Terug (Esc)", "Back (Esc)")).clicked()
                || key(ui, egui::Key::Escape)
            {
                action = Some(Action::Go(Screen::Title));
            }
        });
    });
    ui.label(
        egui::RichText::new(lang.pick("Eén scherm voor de hele zaal: de klant spreekt, de zaal bespreekt en stemt, jij speelt de keuze. Scores pas in de nabespreking.",
            "One screen for the whole room: the customer speaks, the room discusses and votes, you play the choice. Scores only in the debrief.",
        ))
        .color(theme::MUTED),
    );
    ui.add_space(8.0);
    // The room differs every time the plan is given: the names typed here are compared with
    // each one's own results after the debrief.
    ui.horizontal(|ui| {
        ui.label(lang.pick("Wie zit er in de zaal?", "Who is in the room?"));
        ui.add(
            egui::TextEdit::singleline(participants)
                .hint_text(lang.pick(
                    "namen, gescheiden door komma's (anders die van het plan)",
                    "names, separated by commas (otherwise the plan's)",
                ))
                .desired_width(ui.available_width().min(520.0)),
        );
    });
    ui.add_space(8.0);
    let good: Vec<&Workshop> = plans.iter().filter_map(|p| p.as_ref().ok()).collect();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if plans.is_empty() {
                ui.label(lang.pick("Nog geen workshopplannen. Maak er een in workshops/<naam>.workshop.ron (zie docs/workshop-format.md).",
                    "No workshop plans yet. Write one in workshops/<name>.workshop.ron (see docs/workshop-format.md).",
                ));
            }
            for (i, w) in good.iter().enumerate() {
                card(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(
                            egui::RichText::new(format!("{}  {}", i + 1, w.plan.title))
                                .size(22.0)
                                .strong(),
                        );
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            if primary(ui, lang.pick("Start", "Start")).clicked() {
                                action = Some(Action::StartWorkshop(for_room(w, participants)));
                            }
                        });
                    });
                    let steps: Vec<&str> =
                        w.plan.steps.iter().map(|s| s.scenario.as_str()).collect();
                    ui.label(format!(
                        "{} {}: {}",
                        steps.len(),
                        lang.pick("stappen", "steps"),
                        steps.join(", ")
                    ));
                    if !w.plan.players.is_empty() && typed_names(participants).is_none() {
                        ui.label(
                            egui::RichText::new(format!(
                                "{}: {}",
                                lang.pick("Deelnemers", "Participants"),
                                w.plan.players.join(", ")
                            ))
                            .color(theme::MUTED),
                        );
                    }
                    if !w.plan.notes.is_empty() {
                        ui.label(egui::RichText::new(&w.plan.notes).italics().color(theme::MUTED));
                    }
                });
                ui.add_space(6.0);
            }
            for e in plans.iter().filter_map(|p| p.as_ref().err()) {
                warning(ui, &e.to_string());
            }
            ui.add_space(8.0);
            ui.label(
                egui::RichText::new(lang.pick("Of één scenario met de zaal:", "Or one scenario with the room:"))
                    .strong(),
            );
            ui.horizontal_wrapped(|ui| {
                for (id, title) in singles {
                    if ui.button(title).clicked() {
                        action = Some(Action::StartWorkshop(for_room(
                            &Workshop::single(id),
                            participants,
                        )));
                    }
                }
            });
        });
    if let Some(n) = number_key(ui)
        && let Some(w) = good.get(n - 1)
    {
        action = Some(Action::StartWorkshop(for_room(w, participants)));
    }
    action
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    fn plan() -> Workshop {
        Workshop::parse(
            r#"(title: "Verbinden", players: ["Anouk"], steps: [(scenario: "ostrich")])"#,
            std::path::Path::new("verbinden.workshop.ron"),
            &["ostrich".to_string()],
        )
        .expect("plan")
    }

    /// The chooser over `plans` and the ostrich as a single scenario; the state is the action
    /// and the names typed.
    fn chooser(plans: Vec<Listed>) -> Harness<'static, (Option<Action>, String)> {
        let singles = vec![("ostrich".to_string(), "De la met brieven".to_string())];
        Harness::builder()
            .with_size(egui::vec2(1280.0, 720.0))
            .build_ui_state(
                move |ui, (got, names): &mut (Option<Action>, String)| {
                    if let Some(a) = ui_workshops(ui, Lang::Nl, &plans, &singles, names) {
                        *got = Some(a);
                    }
                },
                (None, String::new()),
            )
    }

    #[test]
    fn plans_start_by_number_and_broken_ones_show_their_message() {
        let plan = plan();
        let mut h = chooser(vec![
            Ok(plan.clone()),
            Err(LoadError::Invalid {
                path: "workshops/kapot.workshop.ron".into(),
                problems: vec![crate::scenario::Problem {
                    pos: crate::scenario::Pos { line: 3, col: 5 },
                    message: "unknown scenario `x`".into(),
                }],
            }),
        ]);
        h.run();
        assert!(h.query_by_label_contains("Deelnemers: Anouk").is_some());
        assert!(
            h.query_by_label_contains("kapot.workshop.ron:3:5")
                .is_some()
        );
        h.key_press(egui::Key::Num1);
        h.run();
        assert_eq!(h.state().0, Some(Action::StartWorkshop(plan.clone())));
        h.get_by_label("De la met brieven").click();
        h.run();
        assert_eq!(
            h.state().0,
            Some(Action::StartWorkshop(Workshop::single("ostrich")))
        );
    }

    #[test]
    fn the_names_typed_for_today_replace_the_plans_players() {
        let plan = plan();
        let mut h = chooser(vec![Ok(plan.clone())]);
        h.run();
        h.get_by_role(egui::accesskit::Role::TextInput).click();
        h.run();
        h.get_by_role(egui::accesskit::Role::TextInput)
            .type_text("Bram, Fatima;  bram ,Lotte1");
        h.run();
        // Digits typed in the field start nothing.
        assert_eq!(h.state().0, None, "a digit in a name started a plan");
        assert_eq!(h.state().1, "Bram, Fatima;  bram ,Lotte1");
        // The plan's own list is no longer shown as the room.
        assert!(h.query_by_label_contains("Deelnemers: Anouk").is_none());
        h.get_by_label("Start").click();
        h.run();
        let Some(Action::StartWorkshop(w)) = &h.state().0 else {
            panic!("no start: {:?}", h.state().0);
        };
        assert_eq!(w.plan.players, ["Bram", "Fatima", "Lotte1"]);
        assert_eq!(w.plan.steps, plan.plan.steps);
    }
}
