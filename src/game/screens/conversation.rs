//! The conversation: call log, the customer's portrait and mood (which visibly reacts after
//! each choice), the notes panel, the options, chosen by mouse or number keys 1–9, and the
//! coach's note on the last choice with what the customer felt (C switches the coach).

use crate::coach::{Coach, CoachNote};
use crate::dialogue::{Conversation, Prompt};
use crate::game::art::ArtIds;
use crate::game::records::Records;
use crate::game::session::{Action, Notice, Screen, Session, UiSet};
use crate::game::settings::Settings;
use crate::game::theme;
use crate::game::widgets::play::{MoodShown, call_log, customer_panel, top_bar};
use crate::game::widgets::{card, key, number_key, side_width, viewport_ui, warning};
use crate::text::Lang;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        bevy_egui::EguiPrimaryContextPass,
        system.in_set(UiSet).run_if(in_state(Screen::Conversation)),
    );
}

#[allow(clippy::too_many_arguments)]
fn system(
    mut contexts: EguiContexts,
    mut settings: ResMut<Settings>,
    session: Option<ResMut<Session>>,
    records: Res<Records>,
    shown: Res<MoodShown>,
    notice: Res<Notice>,
    art: Res<ArtIds>,
    mut actions: MessageWriter<Action>,
) -> Result {
    let Some(mut session) = session else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    // C switches the coach: off if it speaks, on (every note) if it is silent or faded.
    if !ctx.egui_wants_keyboard_input() && ctx.input(|i| i.key_pressed(egui::Key::C)) {
        let on = session.coach.unwrap_or(Coach::Off) == Coach::Off;
        settings.coach = on;
        session.coach = Some(if on { Coach::All } else { Coach::Off });
        session.noted = usize::MAX;
    }
    coach_up_to_date(&mut session, &records, &settings);
    let mut root = viewport_ui(ctx);
    let view = ConversationView {
        lang: settings.lang,
        art: &art,
        player: &settings.player,
        shown: (shown.trust, shown.stress),
        delta: shown.delta,
        notice: notice.0.as_deref(),
        coach: CoachView {
            level: session.coach.unwrap_or(Coach::Off),
            enabled: settings.coach,
            note: session.note.as_ref(),
            feel: session.feel.as_deref(),
        },
    };
    if let Some(a) = ui_conversation(&mut root, &view, &session.conv) {
        actions.write(a);
    }
    Ok(())
}

/// Decides the session's coach once (the settings and the fading rule), and makes the note
/// and the customer's feeling for each new turn.
fn coach_up_to_date(session: &mut Session, records: &Records, settings: &Settings) {
    let id = session.conv.book().id().to_string();
    let level = *session
        .coach
        .get_or_insert_with(|| crate::coach::level(&records.all_mine(), &id, settings.coach));
    let turns = session.conv.turns().len();
    if session.noted == turns {
        return;
    }
    session.noted = turns;
    let conv = &session.conv;
    session.note = crate::coach::note(conv, level, settings.lang);
    session.feel = (level != Coach::Off)
        .then(|| conv.turns().last())
        .flatten()
        .map(|t| {
            crate::score::feel::inner(conv, t)
                .get(settings.lang)
                .to_string()
        });
    if turns > 0 && level != Coach::Off && session.coached != Coach::All {
        session.coached = level;
    }
}

/// What the conversation screen draws besides the conversation itself.
pub struct ConversationView<'a> {
    pub lang: Lang,
    pub art: &'a ArtIds,
    pub player: &'a str,
    pub shown: (f32, f32),
    pub delta: Option<(i32, i32)>,
    pub notice: Option<&'a str>,
    pub coach: CoachView<'a>,
}

/// What the coach panel shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct CoachView<'a> {
    pub level: Coach,
    /// The coach is on in the settings (it may still have faded for this scenario).
    pub enabled: bool,
    pub note: Option<&'a CoachNote>,
    pub feel: Option<&'a str>,
}

/// The coach's strip above the options: the principle honoured or broken by the last choice
/// with its icon, what the customer felt, and how to switch it.
pub fn coach_panel(ui: &mut egui::Ui, art: &ArtIds, lang: Lang, c: &CoachView) {
    ui.add_space(4.0);
    let status = match (c.level, c.enabled) {
        (Coach::All, _) => lang.pick(
            "Coach: alle tips · C zet uit",
            "Coach: every note · C switches off",
        ),
        (Coach::Mistakes, _) => lang.pick(
            "Coach: alleen fouten (je gaat vooruit) · C zet uit",
            "Coach: mistakes only (you are improving) · C switches off",
        ),
        (Coach::Off, true) => lang.pick(
            "De coach is weggevaagd: dit scenario speel je zelf · C haalt hem terug",
            "The coach has faded: you play this one on your own · C brings it back",
        ),
        (Coach::Off, false) => lang.pick("Coach uit · C zet aan", "Coach off · C switches on"),
    };
    if let Some(n) = c.note {
        ui.horizontal_wrapped(|ui| {
            crate::game::widgets::picture(ui, art.principle(n.principle), 22.0);
            let (mark, color) = if n.honoured {
                ("✔", theme::TEAL_DARK)
            } else {
                ("✖", theme::TERRACOTTA)
            };
            ui.label(egui::RichText::new(mark).color(color).strong());
            ui.label(
                egui::RichText::new(n.principle.title().get(lang))
                    .color(color)
                    .strong(),
            );
            ui.label(egui::RichText::new(&n.text).size(16.0));
        });
    }
    if let Some(f) = c.feel {
        ui.label(
            egui::RichText::new(format!("💭 {f}"))
                .italics()
                .color(theme::MUTED),
        );
    }
    ui.label(egui::RichText::new(status).small().color(theme::MUTED));
}

/// The conversation screen (call log, customer, options).
pub fn ui_conversation(
    root: &mut egui::Ui,
    v: &ConversationView,
    conv: &Conversation,
) -> Option<Action> {
    let lang = v.lang;
    let mut action = None;
    egui::Panel::top("conv-top").show(root, |ui| top_bar(ui, v.art, lang, conv, v.player));
    let side = side_width(root);
    egui::Panel::left("conv-customer")
        .exact_size(side)
        .show(root, |ui| {
            customer_panel(ui, v.art, lang, conv, Some((v.shown, v.delta)))
        });
    egui::Panel::bottom("conv-options").show(root, |ui| {
        ui.add_space(6.0);
        if let Some(n) = v.notice {
            warning(ui, n);
        }
        let fill = conv.fill();
        if let Prompt::Channel(cc) = conv.prompt() {
            ui.label(
                egui::RichText::new(fill.text(&cc.prompt, lang))
                    .strong()
                    .size(19.0),
            );
        } else {
            ui.label(
                egui::RichText::new(lang.pick("Wat zeg je?", "What do you say?"))
                    .strong()
                    .color(theme::MUTED),
            );
        }
        let options = conv.options();
        // At a projector's scale the options may not all fit: they scroll, the log stays.
        let max = ui.ctx().content_rect().height() * 0.5;
        egui::ScrollArea::vertical().max_height(max).show(ui, |ui| {
            for (i, (id, text)) in options.iter().enumerate() {
                let label = format!("{}   {}", i + 1, fill.text(text, lang));
                let button = egui::Button::new(egui::RichText::new(label).size(17.0))
                    .wrap()
                    .min_size(egui::vec2(ui.available_width(), 40.0));
                if ui.add(button).clicked() {
                    action = Some(Action::Choose(id.clone()));
                }
            }
        });
        if let Some(n) = number_key(ui)
            && let Some((id, _)) = options.get(n - 1)
        {
            action = Some(Action::Choose(id.clone()));
        }
        ui.add_space(6.0);
    });
    // Solo play only: a workshop room has its own screen and no coach.
    egui::Panel::bottom("conv-coach").show(root, |ui| coach_panel(ui, v.art, lang, &v.coach));
    egui::CentralPanel::default().show(root, |ui| {
        let s = &conv.book().scenario;
        if conv.turns().is_empty() {
            let fill = conv.fill();
            card(ui, |ui| {
                ui.label(egui::RichText::new(fill.text(&s.context.role, lang)).strong());
                ui.label(fill.text(&s.context.briefing, lang));
            });
        }
        call_log(
            ui,
            lang,
            conv,
            s.persona.name.split_whitespace().next().unwrap_or(""),
        );
    });
    if key(root, egui::Key::Escape) {
        action = Some(Action::Go(Screen::Picker));
    }
    action
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Playbook;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use std::sync::Arc;

    fn mini() -> Conversation {
        let src = include_str!("../../../tests/fixtures/mini.scenario.ron");
        Conversation::new(
            Arc::new(Playbook::parse(src, "mini.scenario.ron").expect("fixture")),
            3,
        )
    }

    /// The screen with its action applied, as the game does.
    fn harness() -> Harness<'static, Conversation> {
        let mut h = Harness::new_ui_state(
            |ui, conv: &mut Conversation| {
                let art = ArtIds::default();
                let v = ConversationView {
                    lang: Lang::En,
                    art: &art,
                    player: "Anouk",
                    shown: (40.0, 60.0),
                    delta: None,
                    notice: None,
                    coach: CoachView::default(),
                };
                if let Some(Action::Choose(id)) = ui_conversation(ui, &v, conv) {
                    conv.choose(&id).expect("offered");
                }
            },
            mini(),
        );
        h.set_size(egui::vec2(1280.0, 720.0));
        h.run();
        h
    }

    #[test]
    fn clicking_an_option_grows_the_transcript() {
        let mut h = harness();
        let before = h.state().transcript(Lang::En).len();
        h.get_by_label_contains("What happened?").click();
        h.run();
        assert_eq!(h.state().turns().len(), 1);
        assert!(h.state().transcript(Lang::En).len() > before);
        assert!(
            h.query_all_by_label("I work fewer hours.").next().is_some(),
            "the revealed fact is in the call log"
        );
        assert!(
            h.query_all_by_label_contains("Fewer hours")
                .next()
                .is_some(),
            "and in the notes"
        );
    }

    #[test]
    fn the_coach_panel_shows_the_principle_the_feeling_and_how_it_fades() {
        let note = CoachNote {
            turn: 2,
            principle: crate::scenario::Principle::Oma,
            honoured: false,
            text: "Judging: the customer feels judged.".into(),
        };
        let mut h = Harness::new_ui_state(
            |ui, c: &mut (Coach, bool, bool)| {
                let view = CoachView {
                    level: c.0,
                    enabled: c.1,
                    note: c.2.then_some(&note),
                    feel: c.2.then_some("Sofie hears a judgement and closes up."),
                };
                coach_panel(ui, &ArtIds::default(), Lang::En, &view);
            },
            (Coach::All, true, true),
        );
        h.run();
        assert!(
            h.query_by_label("✖").is_some(),
            "a broken principle is marked"
        );
        assert!(h.query_by_label("Leave OMA at home").is_some());
        assert!(
            h.query_by_label("Judging: the customer feels judged.")
                .is_some()
        );
        assert!(h.query_by_label_contains("closes up").is_some());
        assert!(h.query_by_label_contains("every note").is_some());
        // Faded: no note, and it says so.
        *h.state_mut() = (Coach::Off, true, false);
        h.run();
        assert!(h.query_by_label("Leave OMA at home").is_none());
        assert!(h.query_by_label_contains("The coach has faded").is_some());
        *h.state_mut() = (Coach::Off, false, false);
        h.run();
        assert!(h.query_by_label_contains("C switches on").is_some());
    }

    #[test]
    fn number_keys_choose_options() {
        let mut h = harness();
        // Keys follow the order shown (drawn from the seed), not the order written.
        let third = mini().options()[2].0.clone();
        h.key_press(egui::Key::Num3);
        h.run();
        assert_eq!(h.state().choice_ids(), vec![third]);
    }
}
