//! The scenario picker: a card per scenario with persona, archetype, difficulty, the
//! principles it trains and the player's best score, easiest first; a filter on the principle
//! a trainer wants to practise; files that fail validation are listed with their `check`
//! message.

use crate::game::art::{ArtIds, Expression};
use crate::game::library::Library;
use crate::game::records::Records;
use crate::game::session::{Action, Notice, Screen, UiSet};
use crate::game::settings::Settings;
use crate::game::theme;
use crate::game::widgets::{
    card, compact_card, key, number_key, picture, primary, primary_sized, viewport_ui, warning,
};
use crate::scenario::{Archetype, Principle};
use crate::text::{Lang, Text};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

/// What a scenario card shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    pub persona: String,
    pub archetype: Archetype,
    pub difficulty: u8,
    pub trains: Vec<Principle>,
    pub best: Option<u8>,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        bevy_egui::EguiPrimaryContextPass,
        system.in_set(UiSet).run_if(in_state(Screen::Picker)),
    );
}

// A Bevy system: each argument is a resource it reads.
#[allow(clippy::too_many_arguments)]
fn system(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    library: Res<Library>,
    records: Res<Records>,
    notice: Res<Notice>,
    art: Res<ArtIds>,
    mut actions: MessageWriter<Action>,
    mut filter: Local<Option<Principle>>,
) -> Result {
    let mut cards: Vec<Card> = library
        .playable()
        .map(|b| {
            let s = &b.scenario;
            let fill = crate::scenario::Fill {
                scenario: s,
                plan: None,
            };
            let filled = |t: &Text| Text::new(fill.text(t, Lang::Nl), fill.text(t, Lang::En));
            Card {
                id: s.id.clone(),
                title: filled(&s.title),
                summary: filled(&s.summary),
                persona: s.persona.name.clone(),
                archetype: s.persona.archetype,
                difficulty: s.difficulty,
                trains: s.trains.clone(),
                best: records.best(&s.id).map(|r| r.scores.overall),
            }
        })
        .collect();
    // Introductory calls first, so a new collector starts at the top.
    cards.sort_by(|a, b| {
        a.difficulty
            .cmp(&b.difficulty)
            .then_with(|| a.id.cmp(&b.id))
    });
    let mut problems: Vec<String> = library.errors().map(str::to_string).collect();
    problems.extend(notice.0.clone());
    let ctx = contexts.ctx_mut()?;
    let mut root = viewport_ui(ctx);
    let action = egui::CentralPanel::default()
        .show(&mut root, |ui| {
            ui_picker(
                ui,
                settings.lang,
                &art,
                &cards,
                &problems,
                library.ready,
                &mut filter,
            )
        })
        .inner;
    if let Some(a) = action {
        actions.write(a);
    }
    Ok(())
}

pub fn ui_picker(
    ui: &mut egui::Ui,
    lang: Lang,
    art: &ArtIds,
    cards: &[Card],
    problems: &[String],
    ready: bool,
    filter: &mut Option<Principle>,
) -> Option<Action> {
    let mut action = None;
    ui.horizontal(|ui| {
        ui.heading(lang.pick("Kies een gesprek", "Choose a conversation"));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button(lang.pick("Geschiedenis (H)", "History (H)"))
                .clicked()
                || key(ui, egui::Key::H)
            {
                action = Some(Action::Go(Screen::History));
            }
            if ui.button(lang.pick("Terug (Esc)", "Back (Esc)")).clicked()
                || key(ui, egui::Key::Escape)
            {
                action = Some(Action::Go(Screen::Title));
            }
        });
    });
    for p in problems {
        warning(ui, p);
    }
    if cards.is_empty() {
        ui.label(if ready {
            lang.pick(
                "Geen speelbare scenario's gevonden.",
                "No playable scenarios found.",
            )
        } else {
            lang.pick("Scenario's laden…", "Loading scenarios…")
        });
    }
    if !cards.is_empty() {
        principle_filter(ui, lang, art, cards, filter);
    }
    let shown: Vec<&Card> = cards.iter().filter(|c| trains(c, *filter)).collect();
    // 1–9 start the first nine cards shown, 0 the tenth.
    let pressed = number_key(ui).or_else(|| key(ui, egui::Key::Num0).then_some(10));
    if let Some(n) = pressed
        && let Some(c) = shown.get(n - 1)
    {
        action = Some(Action::Start(c.id.clone()));
    }
    // On a projector (large text on a small logical screen) full cards would show one at a
    // time; a compact row per call keeps the whole choice in view.
    let compact = ui.available_height() < COMPACT_BELOW;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let columns = if ui.available_width() > 1000.0 { 2 } else { 1 };
            ui.columns(columns, |cols| {
                for (i, c) in shown.iter().enumerate() {
                    let ui = &mut cols[i % columns];
                    let started = if compact {
                        compact_card(ui, |ui| scenario_row(ui, lang, art, c, i + 1))
                    } else {
                        card(ui, |ui| scenario_card(ui, lang, art, c, i + 1))
                    };
                    if started {
                        action = Some(Action::Start(c.id.clone()));
                    }
                    ui.add_space(if compact { 6.0 } else { 12.0 });
                }
            });
        });
    action
}

/// Below this much logical height for the cards, the picker shows compact rows.
const COMPACT_BELOW: f32 = 560.0;

/// One call in a line: portrait, title, customer, difficulty, the principles as icons (named
/// on hover), the best score and Start; the summary is on hover of the title.
fn scenario_row(ui: &mut egui::Ui, lang: Lang, art: &ArtIds, c: &Card, number: usize) -> bool {
    ui.set_width(ui.available_width());
    let mut start = false;
    ui.horizontal(|ui| {
        picture(ui, art.portrait(&c.id, Expression::Neutral), 52.0);
        ui.vertical(|ui| {
            ui.horizontal(|ui| {
                ui.label(
                    egui::RichText::new(c.title.get(lang))
                        .size(17.0)
                        .strong()
                        .color(theme::TEAL_DARK),
                )
                .on_hover_text(c.summary.get(lang));
                difficulty_dots(ui, c.difficulty, 10.0);
            });
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    egui::RichText::new(format!("{} · {}", c.persona, c.archetype.label()))
                        .small()
                        .color(theme::MUTED),
                );
                for p in &c.trains {
                    picture(ui, art.principle(*p), 16.0).on_hover_text(p.title().get(lang));
                }
                if let Some(b) = c.best {
                    let band = crate::score::Band::of(b);
                    ui.label(
                        egui::RichText::new(format!("{}: {b}", lang.pick("Beste", "Best")))
                            .small()
                            .strong()
                            .color(theme::band_colour(band)),
                    );
                }
            });
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let label = format!("{}  ({})", lang.pick("Start", "Start"), number % 10);
            if primary_sized(ui, &label, 17.0, egui::vec2(96.0, 32.0)).clicked() {
                start = true;
            }
        });
    });
    start
}

/// The difficulty as three dots, filled up to `difficulty`.
fn difficulty_dots(ui: &mut egui::Ui, difficulty: u8, size: f32) {
    for d in 1..=3u8 {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
        let fill = if d <= difficulty {
            theme::TERRACOTTA
        } else {
            egui::Color32::from_rgb(0xe4, 0xd9, 0xc6)
        };
        ui.painter().circle_filled(rect.center(), size * 0.43, fill);
    }
}

/// Whether a card trains the principle filtered on (every card, with no filter).
fn trains(c: &Card, filter: Option<Principle>) -> bool {
    filter.is_none_or(|p| c.trains.contains(&p))
}

/// "Trains: [all principles ▾]  3 of 10": a trainer looking for calls on one principle.
fn principle_filter(
    ui: &mut egui::Ui,
    lang: Lang,
    art: &ArtIds,
    cards: &[Card],
    filter: &mut Option<Principle>,
) {
    let offered: Vec<Principle> = Principle::ALL
        .into_iter()
        .filter(|p| cards.iter().any(|c| c.trains.contains(p)))
        .collect();
    let all = lang.pick("Alle principes", "All principles");
    ui.horizontal(|ui| {
        ui.label(lang.pick("Oefent:", "Trains:"));
        egui::ComboBox::from_id_salt("picker-principle")
            .selected_text(filter.map_or(all.to_string(), |p| p.title().get(lang).to_string()))
            .width(260.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(filter, None, all);
                for p in offered {
                    ui.horizontal(|ui| {
                        picture(ui, art.principle(p), 18.0);
                        ui.selectable_value(filter, Some(p), p.title().get(lang).to_string());
                    });
                }
            });
        let n = cards.iter().filter(|c| trains(c, *filter)).count();
        ui.label(
            egui::RichText::new(match lang {
                Lang::Nl => format!("{n} van {}", cards.len()),
                Lang::En => format!("{n} of {}", cards.len()),
            })
            .color(theme::MUTED),
        );
        if filter.is_some() && ui.small_button(lang.pick("Wis", "Clear")).clicked() {
            *filter = None;
        }
    });
    ui.add_space(6.0);
}

fn scenario_card(ui: &mut egui::Ui, lang: Lang, art: &ArtIds, c: &Card, number: usize) -> bool {
    ui.set_width(ui.available_width());
    let mut start = false;
    ui.horizontal(|ui| {
        picture(ui, art.portrait(&c.id, Expression::Neutral), 110.0);
        ui.vertical(|ui| {
            ui.label(
                egui::RichText::new(c.title.get(lang))
                    .size(21.0)
                    .strong()
                    .color(theme::TEAL_DARK),
            );
            ui.label(
                egui::RichText::new(format!("{} · {}", c.persona, c.archetype.label()))
                    .color(theme::MUTED),
            );
            ui.horizontal(|ui| {
                ui.label(lang.pick("Moeilijkheid", "Difficulty"));
                difficulty_dots(ui, c.difficulty, 14.0);
            });
            match c.best {
                Some(b) => {
                    let band = crate::score::Band::of(b);
                    ui.label(
                        egui::RichText::new(format!(
                            "{}: {b} ({})",
                            lang.pick("Jouw beste score", "Your best score"),
                            band.label().get(lang)
                        ))
                        .strong()
                        .color(theme::band_colour(band)),
                    );
                }
                None => {
                    ui.label(
                        egui::RichText::new(lang.pick("Nog niet gespeeld", "Not played yet"))
                            .italics()
                            .color(theme::MUTED),
                    );
                }
            }
        });
    });
    if !c.summary.get(lang).is_empty() {
        ui.add(egui::Label::new(c.summary.get(lang)).wrap());
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new(lang.pick("Oefent:", "Trains:"))
                .small()
                .strong(),
        );
        for p in &c.trains {
            // The name before the colon ("ANNA", "3x M"): ten cards must fit a projector, and
            // the full title and its explanation are on hover.
            let title = p.title();
            let short = title.get(lang).split(':').next().unwrap_or_default();
            let hover = format!("{}\n\n{}", title.get(lang), p.explain().get(lang));
            picture(ui, art.principle(*p), 20.0).on_hover_text(&hover);
            ui.label(egui::RichText::new(short).small())
                .on_hover_text(&hover);
        }
    });
    ui.allocate_ui_with_layout(
        egui::vec2(ui.available_width(), 44.0),
        egui::Layout::right_to_left(egui::Align::Center),
        |ui| {
            let label = format!("{}  ({})", lang.pick("Start", "Start"), number % 10);
            if primary(ui, &label).clicked() {
                start = true;
            }
        },
    );
    start
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    fn cards() -> Vec<Card> {
        ["ostrich", "dispute"]
            .iter()
            .map(|id| Card {
                id: id.to_string(),
                title: Text::new(format!("T {id}"), format!("T {id}")),
                summary: Text::new(format!("S {id}"), format!("S {id}")),
                persona: "P".into(),
                archetype: Archetype::Ostrich,
                difficulty: 2,
                trains: if *id == "dispute" {
                    vec![Principle::Anna, Principle::ThreeM]
                } else {
                    vec![Principle::Anna]
                },
                best: Some(72),
            })
            .collect()
    }

    #[test]
    fn clicking_a_card_or_pressing_its_number_starts_it() {
        let mut h = Harness::builder()
            .with_size(egui::vec2(1280.0, 800.0))
            .build_ui_state(
                |ui, state: &mut Option<Action>| {
                    if let Some(a) = ui_picker(
                        ui,
                        Lang::En,
                        &ArtIds::default(),
                        &cards(),
                        &["scenarios/x.scenario.ron:3:1: broken".into()],
                        true,
                        &mut None,
                    ) {
                        *state = Some(a);
                    }
                },
                None,
            );
        h.get_by_label("Start  (2)").click();
        h.run();
        assert_eq!(h.state(), &Some(Action::Start("dispute".into())));
        assert!(
            h.query_all_by_label("scenarios/x.scenario.ron:3:1: broken")
                .next()
                .is_some(),
            "validation errors are shown"
        );
        assert!(
            h.query_all_by_label_contains("Your best score: 72")
                .next()
                .is_some()
        );
        h.key_press(egui::Key::Num1);
        h.run();
        assert_eq!(h.state(), &Some(Action::Start("ostrich".into())));
    }

    #[test]
    fn a_principle_filter_shows_only_the_calls_that_train_it_and_numbers_them_afresh() {
        let mut h = Harness::new_ui_state(
            |ui, state: &mut (Option<Action>, Option<Principle>)| {
                if let Some(a) = ui_picker(
                    ui,
                    Lang::En,
                    &ArtIds::default(),
                    &cards(),
                    &[],
                    true,
                    &mut state.1,
                ) {
                    state.0 = Some(a);
                }
            },
            (None, Some(Principle::ThreeM)),
        );
        h.run();
        assert!(
            h.query_by_label("1 of 2").is_some(),
            "the count of shown cards"
        );
        assert!(
            h.query_by_label("T ostrich").is_none(),
            "ostrich does not train 3x M"
        );
        h.get_by_label("Start  (1)").click();
        h.run();
        assert_eq!(h.state().0, Some(Action::Start("dispute".into())));
        h.get_by_label("Clear").click();
        h.run();
        assert_eq!(h.state().1, None);
        assert!(h.query_by_label("T ostrich").is_some());
    }

    #[test]
    fn on_a_projector_the_cards_become_rows_that_still_name_and_start_every_call() {
        let run = |size: egui::Vec2| {
            let mut h = Harness::builder().with_size(size).build_ui_state(
                |ui, state: &mut Option<Action>| {
                    if let Some(a) = ui_picker(
                        ui,
                        Lang::En,
                        &ArtIds::default(),
                        &cards(),
                        &[],
                        true,
                        &mut None,
                    ) {
                        *state = Some(a);
                    }
                },
                None,
            );
            h.run();
            let summary = h.query_by_label("S ostrich").is_some();
            let title = h.query_by_label("T dispute").is_some();
            h.get_by_label("Start  (2)").click();
            h.run();
            (summary, title, h.state().clone())
        };
        let started = Some(Action::Start("dispute".into()));
        // A laptop: full cards with the summary.
        assert_eq!(
            run(egui::vec2(1280.0, 800.0)),
            (true, true, started.clone())
        );
        // 1280×800 at the projector's text size 1.6: rows, the summary on hover.
        assert_eq!(run(egui::vec2(800.0, 500.0)), (false, true, started));
    }
}
