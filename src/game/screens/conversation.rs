//! The conversation: call log, the customer's portrait and mood (which visibly reacts after
//! each choice), the notes panel, and the options, chosen by mouse or number keys 1–9.

use crate::dialogue::{Conversation, Prompt};
use crate::game::art::ArtIds;
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

fn system(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    session: Option<Res<Session>>,
    shown: Res<MoodShown>,
    notice: Res<Notice>,
    art: Res<ArtIds>,
    mut actions: MessageWriter<Action>,
) -> Result {
    let Some(session) = session else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let mut root = viewport_ui(ctx);
    let view = ConversationView {
        lang: settings.lang,
        art: &art,
        player: &settings.player,
        shown: (shown.trust, shown.stress),
        delta: shown.delta,
        notice: notice.0.as_deref(),
    };
    if let Some(a) = ui_conversation(&mut root, &view, &session.conv) {
        actions.write(a);
    }
    Ok(())
}

/// What the conversation screen draws besides the conversation itself.
pub struct ConversationView<'a> {
    pub lang: Lang,
    pub art: &'a ArtIds,
    pub player: &'a str,
    pub shown: (f32, f32),
    pub delta: Option<(i32, i32)>,
    pub notice: Option<&'a str>,
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
    fn number_keys_choose_options() {
        let mut h = harness();
        // Keys follow the order shown (drawn from the seed), not the order written.
        let third = mini().options()[2].0.clone();
        h.key_press(egui::Key::Num3);
        h.run();
        assert_eq!(h.state().choice_ids(), vec![third]);
    }
}
