//! The debrief: scores per dimension with their band, then every turn with its findings and
//! the principle behind each (a card explains it), the better option at each weak turn and
//! where it would have led (the engine replays it), retry and replay from a turn.

use crate::dialogue::{Act, Conversation, Speaker};
use crate::game::art::ArtIds;
use crate::game::records::Records;
use crate::game::session::{Action, Alternative, Screen, Session, UiSet};
use crate::game::settings::Settings;
use crate::game::theme;
use crate::game::widgets::feedback::{
    alternatives_ui, miti_panel, principle_chip, principle_window, scores_panel,
};
use crate::game::widgets::{card, key, primary, viewport_ui, warning};
use crate::scenario::Principle;
use crate::score::miti::Profile;
use crate::score::{Assessment, Band, Verdict};
use crate::text::Lang;
use crate::text::money;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};
use std::collections::{BTreeMap, BTreeSet};

/// Which turn is selected, which turns show their alternatives, which card is open.
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct DebriefState {
    pub selected: usize,
    pub open: BTreeSet<usize>,
    pub card: Option<Principle>,
    /// Scroll the selected turn into view on the next frame.
    pub scroll: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<DebriefState>()
        .add_systems(OnEnter(Screen::Debrief), open_first_weak_turn)
        .add_systems(
            bevy_egui::EguiPrimaryContextPass,
            system.in_set(UiSet).run_if(in_state(Screen::Debrief)),
        );
}

/// Turns where the trainee lost something: any debit finding.
pub fn weak_turns(conv: &Conversation, a: &Assessment) -> Vec<usize> {
    conv.turns()
        .iter()
        .filter(|t| matches!(t.act, Act::Choice(_)))
        .filter(|t| a.findings.iter().any(|f| f.turn == t.number && f.is_slip()))
        .map(|t| t.number)
        .collect()
}

fn open_first_weak_turn(session: Option<Res<Session>>, mut state: ResMut<DebriefState>) {
    *state = DebriefState::default();
    let Some(s) = session else { return };
    let Some(a) = &s.assessment else { return };
    state.selected = weak_turns(&s.conv, a).first().copied().unwrap_or(1);
    let selected = state.selected;
    if weak_turns(&s.conv, a).contains(&selected) {
        state.open.insert(selected);
    }
}

#[allow(clippy::too_many_arguments)]
fn system(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    session: Option<ResMut<Session>>,
    records: Res<Records>,
    art: Res<ArtIds>,
    mut state: ResMut<DebriefState>,
    mut actions: MessageWriter<Action>,
) -> Result {
    let Some(mut session) = session else {
        return Ok(());
    };
    // What-ifs are computed when a turn is opened, then cached on the session.
    let open: Vec<usize> = state.open.iter().copied().collect();
    for t in open {
        session.alternatives(t, settings.lang);
    }
    let Some(a) = session.assessment.clone() else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let mut root = viewport_ui(ctx);
    let mut st = state.clone();
    let view = DebriefView {
        lang: settings.lang,
        art: &art,
        save_error: records.error.as_deref(),
        coached: session.coached,
    };
    let action = ui_debrief(
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

pub struct DebriefView<'a> {
    pub lang: Lang,
    pub art: &'a ArtIds,
    pub save_error: Option<&'a str>,
    /// How much the coach said during the session.
    pub coached: crate::coach::Coach,
}

/// The debrief screen.
pub fn ui_debrief(
    root: &mut egui::Ui,
    v: &DebriefView,
    conv: &Conversation,
    a: &Assessment,
    alternatives: &BTreeMap<usize, Vec<Alternative>>,
    state: &mut DebriefState,
) -> Option<Action> {
    let lang = v.lang;
    let s = &conv.book().scenario;
    let mut action = None;
    let sc = a.scores;
    let band = Band::of(sc.overall);
    let turns = conv.turns().len().max(1);
    let weak = weak_turns(conv, a);

    egui::Panel::top("debrief-top").show(root, |ui| {
        ui.heading(format!(
            "{} — {}",
            lang.pick("Nabespreking", "Debrief"),
            conv.fill().text(&s.title, lang)
        ));
        ui.label(
            egui::RichText::new(format!(
                "{} {}",
                lang.pick("Gespeeld", "Played"),
                v.coached.label().get(lang)
            ))
            .small()
            .color(theme::MUTED),
        );
    });
    egui::Panel::bottom("debrief-actions").show(root, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            if primary(
                ui,
                lang.pick("Opnieuw, zelfde klant (R)", "Retry, same customer (R)"),
            )
            .clicked()
            {
                action = Some(Action::Retry);
            }
            if conv.book().draw_count() > 1
                && ui
                    .button(lang.pick("Nieuwe klant (N)", "New customer (N)"))
                    .clicked()
            {
                action = Some(Action::NewCustomer);
            }
            if ui
                .button(lang.pick(
                    "Vanaf de gekozen beurt opnieuw (F)",
                    "Replay from the selected turn (F)",
                ))
                .clicked()
            {
                action = Some(Action::ReplayFrom(state.selected.max(1)));
            }
            if ui
                .button(lang.pick("Scenario's (Esc)", "Scenarios (Esc)"))
                .clicked()
            {
                action = Some(Action::Go(Screen::Picker));
            }
            if ui
                .button(lang.pick("Geschiedenis (H)", "History (H)"))
                .clicked()
            {
                action = Some(Action::Go(Screen::History));
            }
        });
        ui.add_space(2.0);
    });

    let side = (root.available_width() * 0.36).clamp(280.0, 430.0);
    egui::Panel::left("debrief-scores")
        .exact_size(side)
        .show(root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(
                        egui::RichText::new(format!("{}", sc.overall))
                            .size(56.0)
                            .strong()
                            .color(theme::band_colour(band)),
                    );
                    ui.vertical(|ui| {
                        ui.label(
                            egui::RichText::new(band.label().get(lang))
                                .size(24.0)
                                .strong()
                                .color(theme::band_colour(band)),
                        );
                        let ending = conv
                            .ending()
                            .map(|e| e.label().get(lang).to_string())
                            .unwrap_or_default();
                        ui.label(egui::RichText::new(ending).strong());
                    });
                });
                ui.add_space(6.0);
                scores_panel(ui, lang, sc, false);
                ui.add_space(8.0);
                if let Some(p) = conv.agreed() {
                    let f = &s.persona.finances;
                    let ok = f.affords(&p);
                    ui.label(
                        egui::RichText::new(format!(
                            "{}: {} × {}, {} {} {}{}",
                            lang.pick("Afspraak", "Agreement"),
                            p.count,
                            money(p.amount, lang),
                            lang.pick("eerste over", "first in"),
                            p.days,
                            lang.pick("dagen", "days"),
                            if ok {
                                ""
                            } else {
                                lang.pick(" — onhaalbaar", " — unaffordable")
                            }
                        ))
                        .strong()
                        .color(if ok {
                            theme::INK
                        } else {
                            theme::TERRACOTTA
                        }),
                    );
                }
                let m = conv.mood();
                ui.label(format!(
                    "{}: {} {}, stress {}",
                    lang.pick("Stemming aan het eind", "Mood at the end"),
                    lang.pick("vertrouwen", "trust"),
                    m.trust,
                    m.stress
                ));
                ui.add_space(8.0);
                card(ui, |ui| {
                    ui.label(
                        egui::RichText::new(
                            lang.pick("Wat er echt speelde", "What was really going on"),
                        )
                        .strong(),
                    );
                    let d = conv.book().draw();
                    ui.label(format!(
                        "{}: {} ({})",
                        lang.pick("Stijl", "Style"),
                        d.style.label().get(lang),
                        d.style.wants().get(lang)
                    ));
                    ui.label(conv.fill().text(&s.persona.situation, lang));
                    let f = &s.persona.finances;
                    ui.label(format!(
                        "{} {}, {} {}: {} {} {} {}",
                        lang.pick("Inkomen", "Income"),
                        money(f.monthly_income, lang),
                        lang.pick("vaste lasten", "fixed costs"),
                        money(f.fixed_costs, lang),
                        lang.pick("kon", "could pay"),
                        money(f.can_pay_monthly, lang),
                        lang.pick("per maand vanaf dag", "a month from day"),
                        f.can_start_in_days
                    ));
                    if d.count > 1 {
                        ui.label(
                            egui::RichText::new(format!(
                                "{} {} {} {}",
                                lang.pick("Klant", "Customer"),
                                d.index + 1,
                                lang.pick("van", "of"),
                                d.count
                            ))
                            .small()
                            .color(theme::MUTED),
                        );
                    }
                });
                ui.add_space(8.0);
                miti_panel(ui, lang, &Profile::of(conv));
                ui.add_space(8.0);
                if let Some(e) = v.save_error {
                    warning(ui, e);
                }
            });
        });

    egui::CentralPanel::default().show(root, |ui| {
        ui.label(
            egui::RichText::new(lang.pick("Pijltjes: kies een beurt · Enter toon betere opties · P principe · F vanaf hier opnieuw · R opnieuw · N nieuwe klant",
                "Arrows: pick a turn · Enter show better options · P principle · F replay from here · R retry · N new customer",
            ))
            .small()
            .color(theme::MUTED),
        );
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            let transcript = conv.transcript(lang);
            for t in conv.turns() {
                let n = t.number;
                let selected = state.selected == n;
                let frame = egui::Frame::new()
                    .fill(if selected { egui::Color32::from_rgb(0xee, 0xf5, 0xf4) } else { theme::CARD })
                    .stroke(egui::Stroke::new(if selected { 2.0 } else { 1.0 }, if selected { theme::TEAL } else { egui::Color32::from_rgb(0xe4, 0xd9, 0xc6) }))
                    .corner_radius(10.0)
                    .inner_margin(egui::Margin::same(12));
                let resp = frame.show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal(|ui| {
                        ui.label(egui::RichText::new(format!("{} {n}", lang.pick("Beurt", "Turn"))).strong().size(19.0));
                        let d = (t.mood_after.trust - t.mood_before.trust, t.mood_after.stress - t.mood_before.stress);
                        if d != (0, 0) {
                            ui.label(egui::RichText::new(format!("{} {:+} · stress {:+}", lang.pick("vertrouwen", "trust"), d.0, d.1)).small().color(theme::MUTED));
                        }
                        if weak.contains(&n) {
                            ui.label(egui::RichText::new(lang.pick("werkpunt", "to improve")).small().strong().color(theme::TERRACOTTA));
                        }
                    });
                    for l in transcript.iter().filter(|l| l.turn == n && l.speaker != Speaker::Narrator).take(3) {
                        let who = if l.speaker == Speaker::Trainee { lang.pick("Jij", "You") } else { s.persona.name.split_whitespace().next().unwrap_or("") };
                        ui.label(egui::RichText::new(format!("{who}: {}", l.text)).color(if l.speaker == Speaker::Trainee { theme::TEAL_DARK } else { theme::INK }));
                    }
                    ui.label(egui::RichText::new(format!("💭 {}", crate::score::feel::inner(conv, t).get(lang))).italics().color(theme::MUTED));
                    for f in a.findings.iter().filter(|f| f.turn == n) {
                        ui.horizontal_wrapped(|ui| {
                            let (mark, colour) = if f.verdict == Verdict::Credit { ("✔", theme::GREEN) } else { ("✘", theme::TERRACOTTA) };
                            ui.label(egui::RichText::new(mark).strong().color(colour));
                            if principle_chip(ui, v.art, lang, f.principle) {
                                state.card = Some(f.principle);
                            }
                            ui.label(f.explain(conv.book(), lang));
                        });
                    }
                    if let (Act::Choice(i), Some(node)) = (t.act, t.node)
                        && let Some(fb) = &s.nodes[node].options[i].feedback
                    {
                        ui.label(egui::RichText::new(format!("💬 {}", conv.fill().text(fb, lang))).italics());
                    }
                    if weak.contains(&n) {
                        let open = state.open.contains(&n);
                        let label = if open { lang.pick("Verberg andere opties", "Hide other options") } else { lang.pick("Wat had beter gekund? (Enter)", "What would have been better? (Enter)") };
                        if ui.button(label).clicked() {
                            toggle(&mut state.open, n);
                        }
                        if open {
                            match alternatives.get(&n) {
                                Some(alts) => alternatives_ui(ui, lang, conv, alts),
                                None => {
                                    ui.label(lang.pick("Even doorrekenen…", "Working it out…"));
                                }
                            }
                        }
                    }
                    if ui.small_button(lang.pick("Vanaf deze beurt opnieuw spelen", "Replay from this turn")).clicked() {
                        action = Some(Action::ReplayFrom(n));
                    }
                });
                let r = resp.response.interact(egui::Sense::click());
                if r.clicked() {
                    state.selected = n;
                }
                if selected && state.scroll {
                    r.scroll_to_me(Some(egui::Align::Center));
                    state.scroll = false;
                }
                ui.add_space(8.0);
            }
        });
    });

    principle_window(root, v.art, lang, &mut state.card);

    // Keyboard: the debrief is fully usable without a mouse.
    let k = |k| key(root, k);
    if k(egui::Key::ArrowDown) && state.selected < turns {
        state.selected += 1;
        state.scroll = true;
    }
    if k(egui::Key::ArrowUp) && state.selected > 1 {
        state.selected -= 1;
        state.scroll = true;
    }
    if k(egui::Key::Enter) && weak.contains(&state.selected) {
        toggle(&mut state.open, state.selected);
    }
    if k(egui::Key::P) {
        let first = a
            .findings
            .iter()
            .find(|f| f.turn == state.selected && f.verdict == Verdict::Debit)
            .or_else(|| a.findings.iter().find(|f| f.turn == state.selected));
        state.card = first.map(|f| f.principle);
    }
    if k(egui::Key::R) {
        action = Some(Action::Retry);
    }
    if k(egui::Key::N) && conv.book().draw_count() > 1 {
        action = Some(Action::NewCustomer);
    }
    if k(egui::Key::F) {
        action = Some(Action::ReplayFrom(state.selected.max(1)));
    }
    if k(egui::Key::H) {
        action = Some(Action::Go(Screen::History));
    }
    if k(egui::Key::Escape) {
        if state.card.is_some() {
            state.card = None;
        } else {
            action = Some(Action::Go(Screen::Picker));
        }
    }
    action
}

fn toggle(set: &mut BTreeSet<usize>, n: usize) {
    if !set.remove(&n) {
        set.insert(n);
    }
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

    fn played() -> Conversation {
        let src = include_str!("../../../tests/fixtures/mini.scenario.ron");
        let book = Arc::new(Playbook::parse(src, "mini.scenario.ron").expect("fixture"));
        let choices: Vec<String> = ["ask", "fill", "bye"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        replay(
            &book,
            1,
            &choices,
            Some(Plan {
                amount: 100.0,
                count: 3,
                days: 3,
            }),
        )
        .expect("path")
    }

    #[test]
    fn a_weak_turn_shows_the_better_option_and_where_it_leads() {
        let conv = played();
        let a = assess(&conv);
        assert_eq!(
            weak_turns(&conv, &a),
            vec![2],
            "filling in is the weak turn"
        );
        let mut alts = BTreeMap::new();
        alts.insert(2, what_if(&conv, 2, Lang::En));
        let better = alts[&2]
            .iter()
            .find(|x| x.option == "together")
            .expect("alternative");
        let chosen = alts[&2].iter().find(|x| x.chosen).expect("chosen");
        assert!(
            better.best.expect("reaches an ending").1.overall
                > chosen.best.expect("ends").1.overall
        );
        let mut h = Harness::new_ui_state(
            |ui, state: &mut (DebriefState, Option<Action>)| {
                let art = ArtIds::default();
                let v = DebriefView {
                    lang: Lang::En,
                    art: &art,
                    save_error: None,
                    coached: crate::coach::Coach::Off,
                };
                if let Some(x) = ui_debrief(ui, &v, &conv, &a, &alts, &mut state.0) {
                    state.1 = Some(x);
                }
            },
            (
                DebriefState {
                    selected: 2,
                    open: [2].into(),
                    ..Default::default()
                },
                None,
            ),
        );
        h.set_size(egui::vec2(1280.0, 900.0));
        h.run();
        assert!(
            h.query_all_by_label_contains("Better: “What can you spare a month?”")
                .next()
                .is_some()
        );
        assert!(
            h.query_all_by_label_contains("Best possible outcome: Payment arrangement made")
                .next()
                .is_some()
        );
        assert!(
            h.query_all_by_label("NIVEA: don't fill in for the other")
                .next()
                .is_some(),
            "findings name their principle"
        );
        assert!(
            h.query_all_by_label("Conversation profile (MITI)")
                .next()
                .is_some()
                && h.query_all_by_label("Reflections per question")
                    .next()
                    .is_some(),
            "the debrief shows the MITI profile"
        );
        h.key_press(egui::Key::P);
        h.run();
        assert_eq!(
            h.state().0.card,
            Some(Principle::Nivea),
            "P opens the card of the turn's first debit"
        );
        assert!(
            h.query_all_by_label_contains("let them say it")
                .next()
                .is_some(),
            "the card explains the principle"
        );
        h.key_press(egui::Key::Escape);
        h.run();
        assert_eq!(h.state().0.card, None);
        h.key_press(egui::Key::F);
        h.run();
        assert_eq!(h.state().1, Some(Action::ReplayFrom(2)));
    }
}
