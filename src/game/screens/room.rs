//! Workshop mode on a projector: the customer's line first, large, with a pause for the room
//! to discuss; then the options (all at once or one by one); the trainer enters the room's
//! votes and the majority is played unless the trainer overrides it. No scores are shown
//! before the group debrief (the next screen).

use crate::dialogue::{Conversation, Speaker};
use crate::game::art::ArtIds;
use crate::game::session::{Action, Screen, Session, UiSet, WorkshopRun};
use crate::game::settings::Settings;
use crate::game::theme;
use crate::game::widgets::play::portrait;
use crate::game::widgets::{
    PROJECTED_LINE, PROJECTED_OPTION, key, number_key, primary, side_width, viewport_ui,
};
use crate::text::Lang;
use crate::workshop::{RevealMode, Tally};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<RoomState>().add_systems(
        bevy_egui::EguiPrimaryContextPass,
        room_system.in_set(UiSet).run_if(in_state(Screen::Room)),
    );
}

/// Where the room is in the current turn.
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct RoomState {
    /// The turn (1-based) this state is for; a new turn starts with a discussion.
    pub turn: usize,
    /// Options shown so far (0 while the room discusses the customer's line).
    pub revealed: usize,
    /// The votes for this turn.
    pub tally: Option<Tally>,
    /// The trainer's notes are shown (off by default: the screen is projected).
    pub notes: bool,
}

impl RoomState {
    /// A fresh state for `turn` if the conversation moved on.
    pub fn follow(&mut self, conv: &Conversation) {
        let turn = conv.turns().len() + 1;
        if self.turn != turn || self.tally.is_none() {
            let ids = conv.options().into_iter().map(|(id, _)| id).collect();
            *self = RoomState {
                turn,
                revealed: 0,
                tally: Some(Tally::new(turn, ids)),
                notes: self.notes,
            };
        }
    }
}

/// What the projected room screen needs.
pub struct RoomView<'a> {
    pub lang: Lang,
    pub art: &'a ArtIds,
    /// "Stap 1 van 3" and the plan's title.
    pub step: (usize, usize, &'a str),
    pub reveal: RevealMode,
    pub notes: &'a str,
}

fn room_system(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    art: Res<ArtIds>,
    session: Option<Res<Session>>,
    run: Option<ResMut<WorkshopRun>>,
    mut state: ResMut<RoomState>,
    mut actions: MessageWriter<Action>,
) -> Result {
    let (Some(session), Some(mut run)) = (session, run) else {
        return Ok(());
    };
    state.follow(&session.conv);
    let ctx = contexts.ctx_mut()?;
    let mut root = viewport_ui(ctx);
    let step = run.step;
    let w = &run.workshop;
    let notes = w
        .plan
        .steps
        .get(step)
        .map(|s| s.notes.clone())
        .unwrap_or_default();
    let view = RoomView {
        lang: settings.lang,
        art: &art,
        step: (step + 1, w.plan.steps.len(), &w.plan.title),
        reveal: w.reveal(step),
        notes: &notes,
    };
    let mut st = state.clone();
    let played = ui_room(&mut root, &view, &session.conv, &mut st);
    if let Some(t) = played {
        actions.write(Action::Choose(t.chosen.clone()));
        run.tallies.push(t);
        st.tally = None;
    }
    if st != *state {
        *state = st;
    }
    Ok(())
}

/// The projected conversation. Returns the finished tally when the trainer plays an option.
pub fn ui_room(
    root: &mut egui::Ui,
    v: &RoomView,
    conv: &Conversation,
    state: &mut RoomState,
) -> Option<Tally> {
    let lang = v.lang;
    let s = &conv.book().scenario;
    let options = conv.options();
    let fill = conv.fill();
    let mut played = None;
    egui::Panel::top("room-top").show(root, |ui| {
        ui.horizontal(|ui| {
            ui.label(
                egui::RichText::new(format!(
                    "{} {} {} {} · {}",
                    lang.pick("Stap", "Step"),
                    v.step.0,
                    lang.pick("van", "of"),
                    v.step.1,
                    v.step.2
                ))
                .color(theme::MUTED),
            );
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(lang.pick("Notities (N)", "Notes (N)")).clicked()
                    || key(ui, egui::Key::N)
                {
                    state.notes = !state.notes;
                }
            });
        });
        ui.label(
            egui::RichText::new(fill.text(&s.title, lang))
                .size(26.0)
                .strong()
                .color(theme::TEAL_DARK),
        );
    });
    if state.notes && !v.notes.is_empty() {
        egui::Panel::bottom("room-notes").show(root, |ui| {
            ui.label(egui::RichText::new(v.notes).italics().color(theme::MUTED));
        });
    }
    egui::Panel::left("room-customer")
        .exact_size(side_width(root))
        .show(root, |ui| {
            ui.vertical_centered(|ui| {
                let size = (ui.available_width() * 0.8).clamp(120.0, 260.0);
                portrait(ui, v.art, conv.book().id(), conv.mood(), size);
                ui.label(egui::RichText::new(&s.persona.name).size(24.0).strong());
            });
        });
    egui::CentralPanel::default().show(root, |ui| {
        let turn = conv.turns().len() + 1;
        let lines = conv.transcript(lang);
        let first = s.persona.name.split_whitespace().next().unwrap_or("");
        // What was said last turn, small; the customer's line now, large.
        for l in lines.iter().filter(|l| l.turn + 1 == turn) {
            let who = match l.speaker {
                Speaker::Trainee => lang.pick("Wij", "We"),
                Speaker::Customer => first,
                Speaker::Narrator => "",
            };
            ui.label(
                egui::RichText::new(format!("{who}{}{}", if who.is_empty() { "" } else { ": " }, l.text))
                    .size(17.0)
                    .color(theme::MUTED),
            );
        }
        ui.add_space(8.0);
        for l in lines.iter().filter(|l| l.turn == turn) {
            let text = egui::RichText::new(&l.text).size(if l.speaker == Speaker::Customer {
                PROJECTED_LINE
            } else {
                20.0
            });
            ui.label(if l.speaker == Speaker::Customer {
                text.strong().color(theme::INK)
            } else {
                text.italics().color(theme::MUTED)
            });
        }
        if turn == 1 {
            ui.label(egui::RichText::new(fill.text(&s.context.briefing, lang)).size(20.0));
        }
        ui.add_space(16.0);
        let Some(tally) = state.tally.as_mut() else {
            return;
        };
        if state.revealed == 0 {
            ui.label(
                egui::RichText::new(lang.pick("Bespreek in de zaal: wat zeg je nu, en waarom?",
                    "Discuss in the room: what do you say now, and why?",
                ))
                .size(PROJECTED_OPTION)
                .color(theme::TEAL_DARK),
            );
            if primary(ui, lang.pick("Toon de opties (spatie)", "Show the options (space)")).clicked()
                || key(ui, egui::Key::Space)
            {
                state.revealed = match v.reveal {
                    RevealMode::AllAtOnce => options.len(),
                    RevealMode::OneByOne => 1,
                };
            }
            return;
        }
        if state.revealed < options.len()
            && (key(ui, egui::Key::Space)
                || ui
                    .button(lang.pick("Volgende optie (spatie)", "Next option (space)"))
                    .clicked())
        {
            state.revealed += 1;
        }
        let total = tally.total().max(1);
        let majority = tally.majority();
        egui::ScrollArea::vertical().id_salt("room-options").show(ui, |ui| {
            for (i, (_, text)) in options.iter().enumerate().take(state.revealed) {
                let lead = majority == Some(i);
                ui.horizontal(|ui| {
                    ui.label(egui::RichText::new(format!("{}", i + 1)).size(PROJECTED_OPTION).strong());
                    ui.vertical(|ui| {
                        ui.label(
                            egui::RichText::new(fill.text(text, lang))
                                .size(PROJECTED_OPTION)
                                .color(if lead { theme::TEAL_DARK } else { theme::INK }),
                        );
                        ui.horizontal(|ui| {
                            let n = tally.counts[i];
                            let w = 320.0 * n as f32 / total as f32;
                            let (rect, _) = ui.allocate_exact_size(egui::vec2(320.0, 18.0), egui::Sense::hover());
                            ui.painter().rect_filled(rect, 4.0, theme::SAND);
                            ui.painter().rect_filled(
                                egui::Rect::from_min_size(rect.min, egui::vec2(w, 18.0)),
                                4.0,
                                if lead { theme::TEAL } else { theme::GOLD },
                            );
                            ui.label(egui::RichText::new(n.to_string()).size(20.0).strong());
                            if ui.small_button("−").clicked() {
                                tally.counts[i] = n.saturating_sub(1);
                            }
                            if ui.small_button("+").clicked() {
                                tally.counts[i] += 1;
                            }
                            if ui.button(lang.pick("Speel deze", "Play this")).clicked() {
                                tally.play(i);
                                played = Some(tally.clone());
                            }
                        });
                    });
                });
                ui.add_space(6.0);
            }
        });
        // Keys: 1–9 add a vote, Shift+1–9 take one away, Enter plays the majority,
        // Alt+1–9 plays that option whatever the votes (the trainer's override).
        let (shift, alt) = ui.input(|i| (i.modifiers.shift, i.modifiers.alt));
        if let Some(n) = number_key(ui).filter(|n| *n <= state.revealed) {
            let c = &mut tally.counts[n - 1];
            if alt {
                tally.play(n - 1);
                played = Some(tally.clone());
            } else if shift {
                *c = c.saturating_sub(1);
            } else {
                *c += 1;
            }
        }
        let all_shown = state.revealed >= options.len();
        ui.add_space(6.0);
        if all_shown {
            if let Some(m) = majority {
                let label = format!(
                    "{} {} (Enter)",
                    lang.pick("Speel de keuze van de zaal:", "Play the room's choice:"),
                    m + 1
                );
                let clicked = primary(ui, &label).clicked();
                if clicked || key(ui, egui::Key::Enter) {
                    tally.play(m);
                    played = Some(tally.clone());
                }
            } else {
                ui.label(
                    egui::RichText::new(lang.pick("Nog geen meerderheid: tel de stemmen (1–9, Shift haalt weg) of kies zelf (Alt+nummer).",
                        "No majority yet: count the votes (1–9, Shift takes away) or choose yourself (Alt+number).",
                    ))
                    .color(theme::MUTED),
                );
            }
        }
    });
    played
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Playbook;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use std::sync::Arc;

    fn book() -> Arc<Playbook> {
        let src = include_str!("../../../tests/fixtures/mini.scenario.ron");
        Arc::new(Playbook::parse(src, "mini.scenario.ron").expect("fixture"))
    }

    fn room(reveal: RevealMode) -> impl FnMut(&mut egui::Ui, &mut (RoomState, Option<Tally>)) {
        let conv = Conversation::new(book(), 1);
        move |ui, state| {
            state.0.follow(&conv);
            let v = RoomView {
                lang: Lang::En,
                art: &ArtIds::default(),
                step: (1, 2, "Intro"),
                reveal,
                notes: "Ask the room why.",
            };
            if let Some(t) = ui_room(ui, &v, &conv, &mut state.0) {
                state.1 = Some(t);
            }
        }
    }

    #[test]
    fn the_room_discusses_first_then_votes_and_the_majority_is_played() {
        let mut h = Harness::builder()
            .with_size(egui::vec2(1280.0, 720.0))
            .build_ui_state(room(RevealMode::AllAtOnce), (RoomState::default(), None));
        h.run();
        assert!(h.query_by_label_contains("Discuss in the room").is_some());
        assert!(
            h.query_by_label_contains("What happened?").is_none(),
            "options wait for the discussion"
        );
        h.key_press(egui::Key::Space);
        h.run();
        assert_eq!(h.state().0.revealed, 3);
        assert!(h.query_by_label_contains("What happened?").is_some());
        // Votes by number keys: 1 twice, 2 three times, then Shift+2 takes one away: a tie.
        for k in [
            egui::Key::Num1,
            egui::Key::Num1,
            egui::Key::Num2,
            egui::Key::Num2,
            egui::Key::Num2,
        ] {
            h.key_press(k);
            h.run();
        }
        h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Num2);
        h.run();
        assert_eq!(
            h.state().0.tally.as_ref().map(|t| t.counts.clone()),
            Some(vec![2, 2, 0])
        );
        assert!(h.query_by_label_contains("No majority yet").is_some());
        h.key_press(egui::Key::Enter);
        h.run();
        assert_eq!(h.state().1, None, "a tie plays nothing");
        // A click on + breaks the tie; Enter plays the room's choice.
        h.get_all_by_label("+")
            .next()
            .expect("the first option's +")
            .click();
        h.run();
        assert!(
            h.query_by_label_contains("Play the room's choice: 1")
                .is_some()
        );
        h.key_press(egui::Key::Enter);
        h.run();
        let t = h.state().1.clone().expect("played");
        // The first option shown, whatever the author wrote first.
        assert_eq!(
            (t.chosen.as_str(), t.counts.clone(), t.overridden),
            (shown()[0].as_str(), vec![3, 2, 0], false)
        );
    }

    /// The ids of the first turn's options in the order the room sees them (seed 1).
    fn shown() -> Vec<String> {
        Conversation::new(book(), 1)
            .options()
            .into_iter()
            .map(|(id, _)| id)
            .collect()
    }

    #[test]
    fn options_come_one_by_one_and_the_trainer_can_override() {
        let mut h = Harness::builder()
            .with_size(egui::vec2(1280.0, 720.0))
            .build_ui_state(room(RevealMode::OneByOne), (RoomState::default(), None));
        h.run();
        h.key_press(egui::Key::Space);
        h.run();
        assert_eq!(h.state().0.revealed, 1);
        let conv = Conversation::new(book(), 1);
        let texts: Vec<String> = conv
            .options()
            .iter()
            .map(|(_, t)| conv.fill().text(t, Lang::En))
            .collect();
        assert!(h.query_by_label_contains(&texts[0]).is_some());
        assert!(h.query_by_label_contains(&texts[2]).is_none());
        h.key_press(egui::Key::Num1);
        h.run();
        h.key_press(egui::Key::Space);
        h.run();
        h.key_press(egui::Key::Space);
        h.run();
        assert_eq!(h.state().0.revealed, 3);
        // The room wants 1; the trainer plays 3 (Alt+3) to show where it leads.
        h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::Num3);
        h.run();
        let t = h.state().1.clone().expect("played");
        assert_eq!(
            (t.chosen.as_str(), t.overridden),
            (shown()[2].as_str(), true)
        );
    }
}
