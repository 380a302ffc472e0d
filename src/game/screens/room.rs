//! Workshop mode on a projector: the customer's line first, large, with a pause for the room
//! to discuss; then the options (all at once or one by one); the trainer enters the room's
//! votes and the majority is played unless the trainer overrides it. Afterwards the group
//! debrief steps through the conversation turn by turn, with the tally, the alternatives and
//! where each leads, and the principle behind each finding; the last page compares the room's
//! run with the same people's own results. No scores are shown before that debrief.

use super::debrief::alternatives_ui;
use super::{key, number_key, portrait, principle_chip, score_bar, tr, viewport_ui};
use crate::dialogue::{Conversation, Speaker};
use crate::game::art::ArtIds;
use crate::game::records::Records;
use crate::game::session::{Action, Alternative, Screen, Session, WorkshopRun, room_name};
use crate::game::settings::Settings;
use crate::game::theme;
use crate::progress::{Comparison, compare};
use crate::scenario::Principle;
use crate::score::{Assessment, Band, Verdict};
use crate::store::Session as Stored;
use crate::text::Lang;
use crate::workshop::{Reveal, Tally};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};
use std::collections::BTreeMap;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<RoomState>()
        .init_resource::<RoomDebriefState>()
        .add_systems(OnEnter(Screen::RoomDebrief), reset_debrief)
        .add_systems(
            bevy_egui::EguiPrimaryContextPass,
            (
                room_system.run_if(in_state(Screen::Room)),
                debrief_system.run_if(in_state(Screen::RoomDebrief)),
            )
                .in_set(super::UiSet),
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

/// Large type for the projector, on top of the player's UI scale.
const LINE: f32 = 30.0;
const OPTION: f32 = 22.0;

/// What the projected room screen needs.
pub struct RoomView<'a> {
    pub lang: Lang,
    pub art: &'a ArtIds,
    /// "Stap 1 van 3" and the plan's title.
    pub step: (usize, usize, &'a str),
    pub reveal: Reveal,
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
                    tr(lang, "Stap", "Step"),
                    v.step.0,
                    tr(lang, "van", "of"),
                    v.step.1,
                    v.step.2
                ))
                .color(theme::MUTED),
            );
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(tr(lang, "Notities (N)", "Notes (N)")).clicked()
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
        .exact_size(super::side_width(root))
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
                Speaker::Trainee => tr(lang, "Wij", "We"),
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
                LINE
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
                egui::RichText::new(tr(
                    lang,
                    "Bespreek in de zaal: wat zeg je nu, en waarom?",
                    "Discuss in the room: what do you say now, and why?",
                ))
                .size(OPTION)
                .color(theme::TEAL_DARK),
            );
            if super::primary(ui, tr(lang, "Toon de opties (spatie)", "Show the options (space)")).clicked()
                || key(ui, egui::Key::Space)
            {
                state.revealed = match v.reveal {
                    Reveal::AllAtOnce => options.len(),
                    Reveal::OneByOne => 1,
                };
            }
            return;
        }
        if state.revealed < options.len()
            && (key(ui, egui::Key::Space)
                || ui
                    .button(tr(lang, "Volgende optie (spatie)", "Next option (space)"))
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
                    ui.label(egui::RichText::new(format!("{}", i + 1)).size(OPTION).strong());
                    ui.vertical(|ui| {
                        ui.label(
                            egui::RichText::new(fill.text(text, lang))
                                .size(OPTION)
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
                            if ui.button(tr(lang, "Speel deze", "Play this")).clicked() {
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
                    tr(lang, "Speel de keuze van de zaal:", "Play the room's choice:"),
                    m + 1
                );
                let clicked = super::primary(ui, &label).clicked();
                if clicked || key(ui, egui::Key::Enter) {
                    tally.play(m);
                    played = Some(tally.clone());
                }
            } else {
                ui.label(
                    egui::RichText::new(tr(
                        lang,
                        "Nog geen meerderheid: tel de stemmen (1–9, Shift haalt weg) of kies zelf (Alt+nummer).",
                        "No majority yet: count the votes (1–9, Shift takes away) or choose yourself (Alt+number).",
                    ))
                    .color(theme::MUTED),
                );
            }
        }
    });
    played
}

/// Where the group debrief is: page 0 opens, pages 1..=turns are the turns, the last page
/// shows the scores and the comparison with the room's own results.
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct RoomDebriefState {
    pub page: usize,
    /// The alternatives of this page are shown.
    pub revealed: bool,
    pub card: Option<Principle>,
}

fn reset_debrief(mut state: ResMut<RoomDebriefState>) {
    *state = RoomDebriefState::default();
}

/// What the group debrief shows besides the conversation.
pub struct DebriefView<'a> {
    pub lang: Lang,
    pub art: &'a ArtIds,
    pub tallies: &'a [Tally],
    pub players: &'a [String],
    pub comparison: &'a [Comparison],
    pub last_step: bool,
}

#[allow(clippy::too_many_arguments)]
fn debrief_system(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    art: Res<ArtIds>,
    records: Res<Records>,
    session: Option<ResMut<Session>>,
    run: Option<Res<WorkshopRun>>,
    mut state: ResMut<RoomDebriefState>,
    mut comparison: Local<Option<(u64, Vec<Comparison>)>>,
    mut actions: MessageWriter<Action>,
) -> Result {
    let (Some(mut session), Some(run)) = (session, run) else {
        return Ok(());
    };
    let Some(a) = session.assessment.clone() else {
        return Ok(());
    };
    if state.revealed && state.page >= 1 {
        session.alternatives(state.page, settings.lang);
    }
    // The players' own results on this scenario, read once per stored change.
    if comparison.as_ref().map(|c| c.0) != Some(records.generation) {
        let room = room_session(&records, &run, &session);
        let individual = records
            .location
            .as_deref()
            .and_then(|loc| {
                crate::store::Store::open(loc)
                    .and_then(|mut s| {
                        s.sessions(&crate::store::Filter {
                            scenario: Some(session.conv.book().id().to_string()),
                            solo: true,
                            ..Default::default()
                        })
                    })
                    .ok()
            })
            .unwrap_or_default();
        *comparison = Some((
            records.generation,
            compare(&room, &run.workshop.plan.players, &individual),
        ));
    }
    let ctx = contexts.ctx_mut()?;
    let mut root = viewport_ui(ctx);
    let view = DebriefView {
        lang: settings.lang,
        art: &art,
        tallies: &run.tallies,
        players: &run.workshop.plan.players,
        comparison: comparison.as_ref().map(|c| c.1.as_slice()).unwrap_or(&[]),
        last_step: run.step + 1 >= run.workshop.plan.steps.len(),
    };
    let mut st = state.clone();
    let action = ui_room_debrief(
        &mut root,
        &view,
        &session.conv,
        &a,
        &session.alternatives,
        &mut st,
    );
    if st != *state {
        *state = st;
    }
    if let Some(a) = action {
        actions.write(a);
    }
    Ok(())
}

/// The room's session as stored (for the comparison: its scenario version and id).
fn room_session(records: &Records, run: &WorkshopRun, session: &Session) -> Stored {
    let name = room_name(&run.workshop);
    records
        .pending
        .iter()
        .chain(records.mine.iter())
        .filter(|s| s.player == name)
        .max_by_key(|s| s.ended)
        .cloned()
        .unwrap_or_else(|| Stored {
            id: 0,
            key: String::new(),
            player: name,
            team: String::new(),
            scenario: session.conv.book().id().to_string(),
            scenario_hash: session.conv.book().hash.clone(),
            title: String::new(),
            seed: session.conv.seed(),
            choices: Vec::new(),
            plan: None,
            ending: None,
            scores: session
                .assessment
                .as_ref()
                .map(|a| a.scores)
                .unwrap_or(crate::score::Scores {
                    empathy: 0,
                    fact_gathering: 0,
                    agreement: 0,
                    compliance: 0,
                    overall: 0,
                }),
            findings: Vec::new(),
            started: 0,
            ended: 0,
            room: None,
        })
}

fn tally_bars(ui: &mut egui::Ui, lang: Lang, conv: &Conversation, t: &Tally) {
    let fill = conv.fill();
    let total = t.total().max(1);
    let texts: BTreeMap<String, String> = option_texts(conv, t.turn)
        .into_iter()
        .map(|(id, text)| (id, fill.text(&text, lang)))
        .collect();
    for (i, id) in t.options.iter().enumerate() {
        let n = t.counts.get(i).copied().unwrap_or(0);
        let chosen = *id == t.chosen;
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(200.0, 16.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 4.0, theme::SAND);
            ui.painter().rect_filled(
                egui::Rect::from_min_size(
                    rect.min,
                    egui::vec2(200.0 * n as f32 / total as f32, 16.0),
                ),
                4.0,
                if chosen { theme::TEAL } else { theme::GOLD },
            );
            ui.label(egui::RichText::new(format!("{n:>2}")).strong());
            let text = texts.get(id).cloned().unwrap_or_else(|| id.clone());
            let label = egui::RichText::new(crate::text::shorten(&text, 90));
            ui.label(if chosen {
                label.strong().color(theme::TEAL_DARK)
            } else {
                label
            });
        });
    }
    if t.overridden {
        ui.label(
            egui::RichText::new(tr(
                lang,
                "De trainer koos anders dan de meerderheid.",
                "The trainer chose differently from the majority.",
            ))
            .italics()
            .color(theme::TERRACOTTA),
        );
    }
}

/// The options offered at `turn` (1-based), as (id, text).
fn option_texts(conv: &Conversation, turn: usize) -> Vec<(String, crate::text::Text)> {
    conv.prefix(turn.saturating_sub(1))
        .options()
        .into_iter()
        .map(|(id, t)| (id, t.clone()))
        .collect()
}

/// The group debrief: right arrow or space next, left arrow back, R reveals the alternatives,
/// P the principle card.
pub fn ui_room_debrief(
    root: &mut egui::Ui,
    v: &DebriefView,
    conv: &Conversation,
    a: &Assessment,
    alternatives: &BTreeMap<usize, Vec<Alternative>>,
    state: &mut RoomDebriefState,
) -> Option<Action> {
    let lang = v.lang;
    let s = &conv.book().scenario;
    let turns = conv.turns().len();
    let last = turns + 1;
    let mut action = None;
    egui::Panel::top("rd-top").show(root, |ui| {
        ui.horizontal(|ui| {
            ui.heading(format!(
                "{} — {}",
                tr(lang, "Nabespreking met de zaal", "Group debrief"),
                conv.fill().text(&s.title, lang)
            ));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let page = match state.page {
                    0 => tr(lang, "begin", "start").to_string(),
                    p if p == last => tr(lang, "scores", "scores").to_string(),
                    p => format!("{} {p}/{turns}", tr(lang, "beurt", "turn")),
                };
                ui.label(egui::RichText::new(page).color(theme::MUTED));
            });
        });
    });
    egui::Panel::bottom("rd-keys").show(root, |ui| {
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr(lang, "Terug", "Back")).clicked() {
                state.page = state.page.saturating_sub(1);
                state.revealed = false;
            }
            if ui.button(tr(lang, "Volgende", "Next")).clicked() {
                state.page = (state.page + 1).min(last);
                state.revealed = false;
            }
            if state.page >= 1 && state.page <= turns && ui.button(tr(lang, "Toon alternatieven (R)", "Reveal alternatives (R)")).clicked() {
                state.revealed = true;
            }
            let next = if v.last_step {
                tr(lang, "Workshop afsluiten (Ctrl+N)", "End the workshop (Ctrl+N)")
            } else {
                tr(lang, "Volgend scenario (Ctrl+N)", "Next scenario (Ctrl+N)")
            };
            if ui.button(next).clicked() {
                action = Some(Action::NextStep);
            }
            ui.label(
                egui::RichText::new(tr(
                    lang,
                    "Toetsen: pijl rechts of spatie verder · pijl links terug · R alternatieven · P principe",
                    "Keys: right arrow or space next · left arrow back · R alternatives · P principle",
                ))
                .small()
                .color(theme::MUTED),
            );
        });
    });
    egui::CentralPanel::default().show(root, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("rd-page")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if state.page == 0 {
                    ui.add_space(20.0);
                    ui.label(
                        egui::RichText::new(tr(
                            lang,
                            "Zo liep het gesprek.",
                            "This is how the conversation went.",
                        ))
                        .size(LINE)
                        .strong(),
                    );
                    ui.label(
                        egui::RichText::new(format!(
                            "{turns} {} · {}",
                            tr(lang, "beurten", "turns"),
                            conv.ending()
                                .map_or(String::new(), |e| e.label().get(lang).to_string())
                        ))
                        .size(OPTION),
                    );
                    ui.label(
                        egui::RichText::new(tr(
                            lang,
                            "We lopen het beurt voor beurt door. De scores komen aan het eind.",
                            "We go through it turn by turn. The scores come at the end.",
                        ))
                        .size(20.0)
                        .color(theme::MUTED),
                    );
                } else if state.page <= turns {
                    turn_page(ui, v, conv, a, alternatives, state);
                } else {
                    scores_page(ui, v, a);
                }
            });
    });
    super::principle_window(root, v.art, lang, &mut state.card);
    let k = |k| key(root, k);
    if k(egui::Key::ArrowRight) || k(egui::Key::Space) {
        state.page = (state.page + 1).min(last);
        state.revealed = false;
    }
    if k(egui::Key::ArrowLeft) {
        state.page = state.page.saturating_sub(1);
        state.revealed = false;
    }
    if k(egui::Key::R) && (1..=turns).contains(&state.page) {
        state.revealed = !state.revealed;
    }
    if k(egui::Key::P) {
        let first = a
            .findings
            .iter()
            .find(|f| f.turn == state.page && f.verdict == Verdict::Debit)
            .or_else(|| a.findings.iter().find(|f| f.turn == state.page));
        state.card = first.map(|f| f.principle);
    }
    if root.input(|i| i.modifiers.command && i.key_pressed(egui::Key::N)) {
        action = Some(Action::NextStep);
    }
    if k(egui::Key::Escape) {
        if state.card.is_some() {
            state.card = None;
        } else {
            action = Some(Action::Go(Screen::Title));
        }
    }
    action
}

fn turn_page(
    ui: &mut egui::Ui,
    v: &DebriefView,
    conv: &Conversation,
    a: &Assessment,
    alternatives: &BTreeMap<usize, Vec<Alternative>>,
    state: &mut RoomDebriefState,
) {
    let lang = v.lang;
    let n = state.page;
    let first = conv
        .book()
        .scenario
        .persona
        .name
        .split_whitespace()
        .next()
        .unwrap_or("");
    for l in conv.transcript(lang).iter().filter(|l| l.turn == n) {
        let (who, size, colour) = match l.speaker {
            Speaker::Customer => (first, OPTION, theme::INK),
            Speaker::Trainee => (tr(lang, "De zaal", "The room"), OPTION, theme::TEAL_DARK),
            Speaker::Narrator => ("", 17.0, theme::MUTED),
        };
        let text = if who.is_empty() {
            l.text.clone()
        } else {
            format!("{who}: {}", l.text)
        };
        ui.label(egui::RichText::new(text).size(size).color(colour));
    }
    ui.add_space(8.0);
    if let Some(t) = v.tallies.iter().find(|t| t.turn == n) {
        super::card(ui, |ui| {
            ui.label(
                egui::RichText::new(format!(
                    "{} ({} {})",
                    tr(lang, "Wat de zaal koos", "What the room chose"),
                    t.total(),
                    tr(lang, "stemmen", "votes")
                ))
                .strong(),
            );
            tally_bars(ui, lang, conv, t);
        });
    }
    ui.add_space(6.0);
    for f in a.findings.iter().filter(|f| f.turn == n) {
        ui.horizontal_wrapped(|ui| {
            let (mark, colour) = if f.verdict == Verdict::Credit {
                ("✔", theme::GREEN)
            } else {
                ("✘", theme::TERRACOTTA)
            };
            ui.label(egui::RichText::new(mark).size(20.0).strong().color(colour));
            if principle_chip(ui, v.art, lang, f.principle) {
                state.card = Some(f.principle);
            }
            ui.label(egui::RichText::new(f.explain(conv.book(), lang)).size(18.0));
        });
    }
    if state.revealed {
        ui.add_space(8.0);
        match alternatives.get(&n) {
            Some(alts) if !alts.is_empty() => alternatives_ui(ui, lang, conv, alts),
            Some(_) => {
                ui.label(tr(
                    lang,
                    "Hier viel niets te kiezen.",
                    "There was nothing to choose here.",
                ));
            }
            None => {
                ui.label(tr(lang, "Even doorrekenen…", "Working it out…"));
            }
        }
    }
}

fn scores_page(ui: &mut egui::Ui, v: &DebriefView, a: &Assessment) {
    let lang = v.lang;
    let sc = a.scores;
    ui.label(
        egui::RichText::new(tr(lang, "De scores van de zaal", "The room's scores"))
            .size(LINE)
            .strong(),
    );
    for (label, value) in [
        (tr(lang, "Empathie", "Empathy"), sc.empathy),
        (
            tr(lang, "Feiten verzamelen", "Fact-gathering"),
            sc.fact_gathering,
        ),
        (
            tr(lang, "Kwaliteit van de afspraak", "Agreement quality"),
            sc.agreement,
        ),
        (tr(lang, "Naleving", "Compliance"), sc.compliance),
        (tr(lang, "Totaal", "Overall"), sc.overall),
    ] {
        score_bar(ui, lang, label, value);
    }
    ui.add_space(10.0);
    if v.players.is_empty() {
        ui.label(egui::RichText::new(tr(lang, "Typ bij de start van de workshop wie er in de zaal zit (of zet hen in het plan bij players) om de zaal met ieders eigen resultaten te vergelijken.", "Type who is in the room when starting the workshop (or list them in the plan's players) to compare the room with everyone's own results.")).color(theme::MUTED));
        return;
    }
    super::card(ui, |ui| {
        ui.label(
            egui::RichText::new(tr(
                lang,
                "De zaal en ieders eigen resultaten op dit scenario",
                "The room and everyone's own results on this scenario",
            ))
            .strong(),
        );
        egui::Grid::new("room-compare")
            .striped(true)
            .spacing([18.0, 4.0])
            .show(ui, |ui| {
                for h in [
                    tr(lang, "Deelnemer", "Participant"),
                    tr(lang, "Gesprekken", "Sessions"),
                    tr(lang, "Beste", "Best"),
                    tr(lang, "Gemiddeld", "Mean"),
                    tr(lang, "Laatste", "Latest"),
                    tr(lang, "Zaal t.o.v. gemiddeld", "Room vs mean"),
                ] {
                    ui.label(egui::RichText::new(h).strong());
                }
                ui.end_row();
                for c in v.comparison {
                    ui.label(&c.player);
                    ui.label(c.sessions.to_string());
                    for x in [c.best, None, c.latest].iter().enumerate().map(|(i, x)| {
                        if i == 1 {
                            c.mean.map(|m| m.round() as u8)
                        } else {
                            *x
                        }
                    }) {
                        match x {
                            Some(x) => ui.label(
                                egui::RichText::new(x.to_string())
                                    .color(theme::band_colour(Band::of(x))),
                            ),
                            None => ui.label("–"),
                        };
                    }
                    match c.mean {
                        Some(m) => {
                            let d = f64::from(sc.overall) - m;
                            ui.label(
                                egui::RichText::new(format!(
                                    "{}{:.0}",
                                    if d >= 0.0 { "+" } else { "−" },
                                    d.abs()
                                ))
                                .strong()
                                .color(if d >= 0.0 {
                                    theme::GREEN
                                } else {
                                    theme::TERRACOTTA
                                }),
                            )
                        }
                        None => {
                            ui.label(tr(lang, "nog niet alleen gespeeld", "not played alone yet"))
                        }
                    };
                    ui.end_row();
                }
            });
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialogue::replay;
    use crate::game::session::what_if;
    use crate::plan::Plan;
    use crate::scenario::Playbook;
    use crate::score::assess;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use std::sync::Arc;

    fn book() -> Arc<Playbook> {
        let src = include_str!("../../../tests/fixtures/mini.scenario.ron");
        Arc::new(Playbook::parse(src, "mini.scenario.ron").expect("fixture"))
    }

    fn room(reveal: Reveal) -> impl FnMut(&mut egui::Ui, &mut (RoomState, Option<Tally>)) {
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
            .build_ui_state(room(Reveal::AllAtOnce), (RoomState::default(), None));
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
            .build_ui_state(room(Reveal::OneByOne), (RoomState::default(), None));
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

    #[test]
    fn the_group_debrief_steps_through_turns_and_reveals_alternatives() {
        let conv = replay(
            &book(),
            1,
            &["ask".into(), "fill".into(), "bye".into()],
            Some(Plan {
                amount: 100.0,
                count: 3,
                days: 3,
            }),
        )
        .expect("path");
        let a = assess(&conv);
        let mut tally = Tally::new(1, vec!["ask".into(), "threat".into(), "waive".into()]);
        tally.counts = vec![6, 3, 1];
        tally.play(0);
        let tallies = vec![tally];
        let alternatives: BTreeMap<usize, Vec<Alternative>> =
            [(1, what_if(&conv, 1, Lang::En))].into_iter().collect();
        let players = vec!["Anouk".to_string()];
        let comparison = vec![Comparison {
            player: "Anouk".into(),
            sessions: 2,
            best: Some(70),
            mean: Some(50.0),
            latest: Some(70),
        }];
        let mut h = Harness::builder()
            .with_size(egui::vec2(1280.0, 720.0))
            .build_ui_state(
                |ui, state: &mut (RoomDebriefState, Option<Action>)| {
                    let v = DebriefView {
                        lang: Lang::En,
                        art: &ArtIds::default(),
                        tallies: &tallies,
                        players: &players,
                        comparison: &comparison,
                        last_step: false,
                    };
                    if let Some(act) =
                        ui_room_debrief(ui, &v, &conv, &a, &alternatives, &mut state.0)
                    {
                        state.1 = Some(act);
                    }
                },
                (RoomDebriefState::default(), None),
            );
        h.run();
        assert!(
            h.query_by_label_contains("The scores come at the end")
                .is_some()
        );
        assert!(
            h.query_by_label("Overall").is_none(),
            "no scores before the end"
        );
        h.key_press(egui::Key::ArrowRight);
        h.run();
        assert_eq!(h.state().0.page, 1);
        assert!(
            h.query_by_label_contains("What the room chose (10 votes)")
                .is_some()
        );
        assert_eq!(h.query_all_by_label_contains("Also possible").count(), 0);
        h.key_press(egui::Key::R);
        h.run();
        assert!(h.state().0.revealed);
        assert!(
            h.query_all_by_label_contains("Also possible").count() >= 1,
            "alternatives and where they lead"
        );
        h.key_press(egui::Key::P);
        h.run();
        assert!(
            h.state().0.card.is_some(),
            "the principle card of the turn's finding"
        );
        h.key_press(egui::Key::Escape);
        h.run();
        assert_eq!(h.state().0.card, None);
        h.key_press(egui::Key::ArrowLeft);
        h.run();
        assert_eq!((h.state().0.page, h.state().0.revealed), (0, false));
        for _ in 0..10 {
            h.key_press(egui::Key::Space);
            h.run();
        }
        assert_eq!(
            h.state().0.page,
            conv.turns().len() + 1,
            "stops at the scores page"
        );
        assert!(h.query_by_label("Overall").is_some());
        assert!(h.query_by_label("Anouk").is_some());
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
        h.run();
        assert_eq!(h.state().1, Some(Action::NextStep));
    }
}
