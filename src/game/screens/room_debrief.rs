//! The group debrief after a workshop room's conversation, on the projector: turn by turn,
//! with the room's tally, the alternatives and where each leads, and the principle behind each
//! finding; the last page shows the scores and compares the room's run with the same people's
//! own results (asked of the database off the frame).

use crate::dialogue::{Conversation, Speaker};
use crate::game::art::ArtIds;
use crate::game::records::lookup::{Lookup, own_results};
use crate::game::records::{Records, Waker};
use crate::game::session::{Action, Alternative, Screen, Session, UiSet, WorkshopRun, room_name};
use crate::game::settings::Settings;
use crate::game::theme;
use crate::game::widgets::feedback::{
    alternatives_ui, miti_panel, principle_chip, principle_window, scores_panel,
};
use crate::game::widgets::{PROJECTED_LINE, PROJECTED_OPTION, card, key, viewport_ui, warning};
use crate::progress::{Comparison, compare};
use crate::scenario::Principle;
use crate::score::miti::Profile;
use crate::score::{Assessment, Band, Verdict};
use crate::store::StoredSession;
use crate::text::Lang;
use crate::workshop::Tally;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};
use std::collections::BTreeMap;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<RoomDebriefState>()
        .init_resource::<OwnResults>()
        .add_systems(OnEnter(Screen::RoomDebrief), reset_debrief)
        .add_systems(
            Update,
            fetch_own_results.run_if(in_state(Screen::RoomDebrief)),
        )
        .add_systems(
            bevy_egui::EguiPrimaryContextPass,
            debrief_system
                .in_set(UiSet)
                .run_if(in_state(Screen::RoomDebrief)),
        );
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
pub struct RoomDebriefView<'a> {
    pub lang: Lang,
    pub art: &'a ArtIds,
    pub tallies: &'a [Tally],
    pub players: &'a [String],
    pub comparison: &'a [Comparison],
    /// The players' own results are still being asked for.
    pub fetching: bool,
    /// Why they could not be read.
    pub error: Option<&'a str>,
    pub last_step: bool,
}

/// What the room's players' own sessions are asked for: the scenario, and the location and
/// data generation of the database.
type OwnKey = (String, Option<String>, u64);

/// The room's players' own results on this scenario, asked of the database when the debrief
/// opens or a session is stored, and the room's run compared with them.
#[derive(Resource, Debug, Default)]
pub struct OwnResults {
    pub lookup: Lookup<OwnKey, Vec<StoredSession>>,
    pub comparison: Vec<Comparison>,
}

fn fetch_own_results(
    records: Res<Records>,
    session: Option<Res<Session>>,
    run: Option<Res<WorkshopRun>>,
    mut own: ResMut<OwnResults>,
    waker: Res<Waker>,
) {
    let (Some(session), Some(run)) = (session, run) else {
        return;
    };
    let scenario = session.conv.book().id().to_string();
    let key = (
        scenario.clone(),
        records.location.clone(),
        records.generation,
    );
    let own = &mut *own;
    let mut changed = false;
    if own.lookup.wants(&key) {
        own.lookup
            .ask(key, records.location.as_deref(), &waker, move |store| {
                own_results(store, &scenario)
            });
        changed = true;
    }
    changed |= own.lookup.take();
    if changed {
        let room = room_session(&records, &run, &session);
        own.comparison = compare(&room, &run.workshop.plan.players, own.lookup.answer());
    }
}

#[allow(clippy::too_many_arguments)]
fn debrief_system(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    art: Res<ArtIds>,
    session: Option<ResMut<Session>>,
    run: Option<Res<WorkshopRun>>,
    own: Res<OwnResults>,
    mut state: ResMut<RoomDebriefState>,
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
    let error = own.lookup.error().map(ToString::to_string);
    let ctx = contexts.ctx_mut()?;
    let mut root = viewport_ui(ctx);
    let view = RoomDebriefView {
        lang: settings.lang,
        art: &art,
        tallies: &run.tallies,
        players: &run.workshop.plan.players,
        comparison: &own.comparison,
        fetching: !own.lookup.answered(),
        error: error.as_deref(),
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
fn room_session(records: &Records, run: &WorkshopRun, session: &Session) -> StoredSession {
    let name = room_name(&run.workshop);
    records
        .pending
        .iter()
        .chain(records.mine.iter())
        .filter(|s| s.player == name)
        .max_by_key(|s| s.ended)
        .cloned()
        .unwrap_or_else(|| StoredSession {
            id: 0,
            key: String::new(),
            player: name,
            team: String::new(),
            scenario: session.conv.book().id().to_string(),
            scenario_hash: session.conv.book().hash.clone(),
            title: String::new(),
            seed: session.conv.seed(),
            draw: session.conv.book().draw().index,
            coach: Default::default(),
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
            egui::RichText::new(lang.pick(
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
    v: &RoomDebriefView,
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
                lang.pick("Nabespreking met de zaal", "Group debrief"),
                conv.fill().text(&s.title, lang)
            ));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let page = match state.page {
                    0 => lang.pick("begin", "start").to_string(),
                    p if p == last => lang.pick("scores", "scores").to_string(),
                    p => format!("{} {p}/{turns}", lang.pick("beurt", "turn")),
                };
                ui.label(egui::RichText::new(page).color(theme::MUTED));
            });
        });
    });
    egui::Panel::bottom("rd-keys").show(root, |ui| {
        ui.horizontal_wrapped(|ui| {
            if ui.button(lang.pick("Terug", "Back")).clicked() {
                state.page = state.page.saturating_sub(1);
                state.revealed = false;
            }
            if ui.button(lang.pick("Volgende", "Next")).clicked() {
                state.page = (state.page + 1).min(last);
                state.revealed = false;
            }
            if state.page >= 1 && state.page <= turns && ui.button(lang.pick("Toon alternatieven (R)", "Reveal alternatives (R)")).clicked() {
                state.revealed = true;
            }
            let next = if v.last_step {
                lang.pick("Workshop afsluiten (Ctrl+N)", "End the workshop (Ctrl+N)")
            } else {
                lang.pick("Volgend scenario (Ctrl+N)", "Next scenario (Ctrl+N)")
            };
            if ui.button(next).clicked() {
                action = Some(Action::NextStep);
            }
            ui.label(
                egui::RichText::new(lang.pick("Toetsen: pijl rechts of spatie verder · pijl links terug · R alternatieven · P principe",
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
                        egui::RichText::new(
                            lang.pick("Zo liep het gesprek.", "This is how the conversation went."),
                        )
                        .size(PROJECTED_LINE)
                        .strong(),
                    );
                    ui.label(
                        egui::RichText::new(format!(
                            "{turns} {} · {}",
                            lang.pick("beurten", "turns"),
                            conv.ending()
                                .map_or(String::new(), |e| e.label().get(lang).to_string())
                        ))
                        .size(PROJECTED_OPTION),
                    );
                    ui.label(
                        egui::RichText::new(lang.pick(
                            "We lopen het beurt voor beurt door. De scores komen aan het eind.",
                            "We go through it turn by turn. The scores come at the end.",
                        ))
                        .size(20.0)
                        .color(theme::MUTED),
                    );
                } else if state.page <= turns {
                    turn_page(ui, v, conv, a, alternatives, state);
                } else {
                    scores_page(ui, v, conv, a);
                }
            });
    });
    principle_window(root, v.art, lang, &mut state.card);
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
    v: &RoomDebriefView,
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
            Speaker::Customer => (first, PROJECTED_OPTION, theme::INK),
            Speaker::Trainee => (
                lang.pick("De zaal", "The room"),
                PROJECTED_OPTION,
                theme::TEAL_DARK,
            ),
            Speaker::Narrator => ("", 17.0, theme::MUTED),
        };
        let text = if who.is_empty() {
            l.text.clone()
        } else {
            format!("{who}: {}", l.text)
        };
        ui.label(egui::RichText::new(text).size(size).color(colour));
    }
    // What the customer felt: the room hears it after the turn, never a fact still hidden.
    if let Some(t) = conv.turns().get(n.wrapping_sub(1)) {
        ui.label(
            egui::RichText::new(format!(
                "💭 {}",
                crate::score::feel::inner(conv, t).get(lang)
            ))
            .size(PROJECTED_OPTION)
            .italics()
            .color(theme::MUTED),
        );
    }
    ui.add_space(8.0);
    if let Some(t) = v.tallies.iter().find(|t| t.turn == n) {
        card(ui, |ui| {
            ui.label(
                egui::RichText::new(format!(
                    "{} ({} {})",
                    lang.pick("Wat de zaal koos", "What the room chose"),
                    t.total(),
                    lang.pick("stemmen", "votes")
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
                ui.label(lang.pick(
                    "Hier viel niets te kiezen.",
                    "There was nothing to choose here.",
                ));
            }
            None => {
                ui.label(lang.pick("Even doorrekenen…", "Working it out…"));
            }
        }
    }
}

fn scores_page(ui: &mut egui::Ui, v: &RoomDebriefView, conv: &Conversation, a: &Assessment) {
    let lang = v.lang;
    let sc = a.scores;
    ui.label(
        egui::RichText::new(lang.pick("De scores van de zaal", "The room's scores"))
            .size(PROJECTED_LINE)
            .strong(),
    );
    scores_panel(ui, lang, sc, true);
    ui.add_space(10.0);
    miti_panel(ui, lang, &Profile::of(conv));
    ui.add_space(10.0);
    if v.players.is_empty() {
        ui.label(egui::RichText::new(lang.pick("Typ bij de start van de workshop wie er in de zaal zit (of zet hen in het plan bij players) om de zaal met ieders eigen resultaten te vergelijken.", "Type who is in the room when starting the workshop (or list them in the plan's players) to compare the room with everyone's own results.")).color(theme::MUTED));
        return;
    }
    if let Some(e) = v.error {
        warning(ui, e);
        return;
    }
    if v.fetching {
        ui.label(
            egui::RichText::new(lang.pick(
                "Ieders eigen resultaten ophalen…",
                "Fetching everyone's own results…",
            ))
            .color(theme::MUTED),
        );
        return;
    }
    card(ui, |ui| {
        ui.label(
            egui::RichText::new(lang.pick(
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
                    lang.pick("Deelnemer", "Participant"),
                    lang.pick("Gesprekken", "Sessions"),
                    lang.pick("Beste", "Best"),
                    lang.pick("Gemiddeld", "Mean"),
                    lang.pick("Laatste", "Latest"),
                    lang.pick("Zaal t.o.v. gemiddeld", "Room vs mean"),
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
                            ui.label(lang.pick("nog niet alleen gespeeld", "not played alone yet"))
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
                    let v = RoomDebriefView {
                        lang: Lang::En,
                        art: &ArtIds::default(),
                        tallies: &tallies,
                        players: &players,
                        comparison: &comparison,
                        fetching: false,
                        error: None,
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
