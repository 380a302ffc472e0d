//! The negotiation: the trainee shapes a plan (amount per instalment, number of instalments,
//! first payment date), sees the total and end date, and sees only what they have uncovered
//! of the customer's finances. The customer's answer appears in the call log.

use crate::calendar::Date;
use crate::dialogue::Conversation;
use crate::game::art::ArtIds;
use crate::game::session::{Action, Notice, Screen, Session, UiSet, WorkshopRun};
use crate::game::settings::Settings;
use crate::game::theme;
use crate::game::widgets::play::{MoodShown, call_log, customer_panel, top_bar};
use crate::game::widgets::{card, key, primary, side_width, viewport_ui, warning};
use crate::plan::Plan;
use crate::scenario::FactKind;
use crate::text::Lang;
use crate::text::money;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

/// The plan being shaped.
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct Draft(pub Plan);

impl Default for Draft {
    fn default() -> Self {
        Draft(Plan {
            amount: 50.0,
            count: 10,
            days: 14,
        })
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Draft>()
        .add_systems(OnEnter(Screen::Negotiation), reset_draft)
        .add_systems(
            bevy_egui::EguiPrimaryContextPass,
            system.in_set(UiSet).run_if(in_state(Screen::Negotiation)),
        );
}

/// Start from an even split over ten months, which the trainee then adjusts.
fn reset_draft(session: Option<Res<Session>>, mut draft: ResMut<Draft>) {
    if let Some(s) = session {
        let owed = s
            .conv
            .book()
            .scenario
            .persona
            .finances
            .undisputed()
            .max(1.0);
        draft.0 = Plan {
            amount: (owed / 10.0).ceil(),
            count: 10,
            days: 14,
        };
    }
}

#[allow(clippy::too_many_arguments)]
fn system(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    session: Option<Res<Session>>,
    shown: Res<MoodShown>,
    notice: Res<Notice>,
    art: Res<ArtIds>,
    room: Option<Res<WorkshopRun>>,
    mut draft: ResMut<Draft>,
    mut actions: MessageWriter<Action>,
) -> Result {
    let Some(session) = session else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let mut root = viewport_ui(ctx);
    let lang = settings.lang;
    egui::Panel::top("neg-top").show(&mut root, |ui| {
        top_bar(ui, &art, lang, &session.conv, &settings.player)
    });
    let side = side_width(&root);
    egui::Panel::left("neg-customer")
        .exact_size(side)
        .show(&mut root, |ui| {
            // A workshop room sees no scores or mood until its debrief.
            let mood = room
                .is_none()
                .then_some(((shown.trust, shown.stress), shown.delta));
            customer_panel(ui, &art, lang, &session.conv, mood)
        });
    let mut d = draft.0;
    let action = egui::CentralPanel::default()
        .show(&mut root, |ui| {
            if let Some(n) = &notice.0 {
                warning(ui, n);
            }
            ui_negotiation(ui, lang, &session.conv, &mut d, Date::today())
        })
        .inner;
    if d != draft.0 {
        draft.0 = d;
    }
    if key(&root, egui::Key::Escape) {
        actions.write(Action::Go(Screen::Picker));
    }
    if let Some(a) = action {
        actions.write(a);
    }
    Ok(())
}

/// The plan shaper: finances known so far, three controls, total and dates, propose.
pub fn ui_negotiation(
    ui: &mut egui::Ui,
    lang: Lang,
    conv: &Conversation,
    plan: &mut Plan,
    today: Date,
) -> Option<Action> {
    let s = &conv.book().scenario;
    let f = &s.persona.finances;
    let mut action = None;
    egui::Panel::bottom("neg-plan").show(ui, |ui| {
        card(ui, |ui| {
            ui.heading(lang.pick("Stel een regeling voor", "Propose a plan"));
            ui.columns(2, |cols| {
                let ui = &mut cols[0];
                ui.label(egui::RichText::new(lang.pick("Wat je weet", "What you know")).strong());
                let known = |kind: FactKind| {
                    s.persona
                        .facts
                        .iter()
                        .enumerate()
                        .any(|(i, x)| x.kind == kind && conv.known() & (1 << i) != 0)
                };
                let row = |ui: &mut egui::Ui, label: &str, value: Option<String>| {
                    ui.horizontal(|ui| {
                        ui.label(label);
                        match value {
                            Some(v) => ui.label(egui::RichText::new(v).strong()),
                            None => ui.label(
                                egui::RichText::new(lang.pick("onbekend — vraag ernaar",
                                    "unknown — ask",
                                ))
                                .italics()
                                .color(theme::MUTED),
                            ),
                        };
                    });
                };
                row(
                    ui,
                    lang.pick("Openstaand:", "Owed:"),
                    Some(money(f.owed, lang)),
                );
                if known(FactKind::Dispute) && f.disputed > 0.0 {
                    row(
                        ui,
                        lang.pick("Waarvan betwist:", "Of which disputed:"),
                        Some(money(f.disputed, lang)),
                    );
                }
                row(
                    ui,
                    lang.pick("Inkomen per maand:", "Income per month:"),
                    known(FactKind::Income).then(|| money(f.monthly_income, lang)),
                );
                row(
                    ui,
                    lang.pick("Vaste lasten:", "Fixed costs:"),
                    known(FactKind::Costs).then(|| money(f.fixed_costs, lang)),
                );
                row(
                    ui,
                    lang.pick("Kan betalen:", "Can pay:"),
                    known(FactKind::Capacity).then(|| {
                        format!(
                            "{} {} {} {}",
                            money(f.can_pay_monthly, lang),
                            lang.pick("per maand, over", "a month, in"),
                            f.can_start_in_days,
                            lang.pick("dagen", "days")
                        )
                    }),
                );
                let ui = &mut cols[1];
                ui.spacing_mut().slider_width = (ui.available_width() - 240.0).max(120.0);
                let max_amount = (f.owed.ceil()).max(10.0);
                ui.add(
                    egui::Slider::new(&mut plan.amount, 1.0..=max_amount)
                        .step_by(1.0)
                        .text(lang.pick("€ per termijn", "€ per instalment")),
                );
                ui.add(egui::Slider::new(&mut plan.count, 1..=60).text(lang.pick("termijnen",
                    "instalments",
                )));
                ui.add(egui::Slider::new(&mut plan.days, 0..=90).text(lang.pick("dagen tot de eerste",
                    "days to the first",
                )));
                let first = today.plus_days(plan.days);
                let last = first.plus_months(plan.count.saturating_sub(1));
                ui.label(format!(
                    "{}: {}",
                    lang.pick("Eerste betaling", "First payment"),
                    first.show(lang)
                ));
                ui.label(format!(
                    "{}: {}",
                    lang.pick("Laatste betaling", "Last payment"),
                    last.show(lang)
                ));
                let owe = f.undisputed();
                let tone = if plan.total() + 0.005 >= owe {
                    theme::GREEN
                } else {
                    theme::TERRACOTTA
                };
                ui.label(
                    egui::RichText::new(format!(
                        "{}: {} {} {}",
                        lang.pick("Totaal", "Total"),
                        money(plan.total(), lang),
                        lang.pick("van", "of"),
                        money(owe, lang)
                    ))
                    .strong()
                    .color(tone),
                );
            });
            ui.add_space(6.0);
            shape_with_keys(ui, plan, f.owed);
            ui.label(
                egui::RichText::new(lang.pick("Toetsen: links/rechts bedrag (Shift: 10), op/neer termijnen, PgUp/PgDn dagen, Enter stelt voor",
                    "Keys: left/right amount (Shift: 10), up/down instalments, PgUp/PgDn days, Enter proposes",
                ))
                .small()
                .color(theme::MUTED),
            );
            let label = format!(
                "{} {} × {}  (Enter)",
                lang.pick("Stel voor:", "Propose:"),
                plan.count,
                money(plan.amount, lang)
            );
            if primary(ui, &label).clicked() || key(ui, egui::Key::Enter) {
                action = Some(Action::Propose(*plan));
            }
        });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        call_log(
            ui,
            lang,
            conv,
            s.persona.name.split_whitespace().next().unwrap_or(""),
        )
    });
    action
}

/// Arrow keys shape the plan when no control has the keyboard focus (a focused slider or
/// number field handles its own keys).
fn shape_with_keys(ui: &egui::Ui, plan: &mut Plan, owed: f64) {
    if ui.memory(|m| m.focused().is_some()) {
        return;
    }
    use egui::Key::*;
    let (pressed, shift) = ui.input(|i| {
        let keys = [ArrowLeft, ArrowRight, ArrowDown, ArrowUp, PageDown, PageUp];
        (keys.map(|k| i.key_pressed(k)), i.modifiers.shift)
    });
    let step = if shift { 10.0 } else { 1.0 };
    let max_amount = owed.ceil().max(10.0);
    if pressed[0] {
        plan.amount = (plan.amount - step).max(1.0);
    }
    if pressed[1] {
        plan.amount = (plan.amount + step).min(max_amount);
    }
    if pressed[2] {
        plan.count = plan.count.saturating_sub(1).max(1);
    }
    if pressed[3] {
        plan.count = (plan.count + 1).min(60);
    }
    if pressed[4] {
        plan.days = plan.days.saturating_sub(1);
    }
    if pressed[5] {
        plan.days = (plan.days + 1).min(90);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Playbook;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use std::sync::Arc;

    #[test]
    fn only_uncovered_finances_show_and_propose_sends_the_plan() {
        let src = include_str!("../../../tests/fixtures/mini.scenario.ron");
        let mut conv = Conversation::new(
            Arc::new(Playbook::parse(src, "mini.scenario.ron").expect("fixture")),
            1,
        );
        conv.choose("ask").expect("offered");
        conv.choose("info").expect("offered");
        let mut h = Harness::new_ui_state(
            |ui, state: &mut (Plan, Option<Action>)| {
                if let Some(a) = ui_negotiation(
                    ui,
                    Lang::En,
                    &conv,
                    &mut state.0,
                    Date {
                        year: 2026,
                        month: 11,
                        day: 22,
                    },
                ) {
                    state.1 = Some(a);
                }
            },
            (
                Plan {
                    amount: 50.0,
                    count: 6,
                    days: 10,
                },
                None,
            ),
        );
        h.set_size(egui::vec2(1000.0, 700.0));
        h.run();
        assert!(
            h.query_all_by_label("unknown — ask").next().is_some(),
            "capacity was never asked"
        );
        assert!(
            h.query_all_by_label_contains("Total: €300 of €300")
                .next()
                .is_some()
        );
        assert!(
            h.query_all_by_label_contains("2 December 2026")
                .next()
                .is_some(),
            "first payment date"
        );
        // Keyboard only: shape the plan, then Enter.
        h.key_press(egui::Key::ArrowLeft);
        h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowLeft);
        h.key_press(egui::Key::ArrowUp);
        h.key_press(egui::Key::PageUp);
        h.run();
        assert_eq!(
            h.state().0,
            Plan {
                amount: 39.0,
                count: 7,
                days: 11
            }
        );
        h.get_by_label_contains("Propose: 7 × €39").click();
        h.run();
        assert_eq!(
            h.state().1,
            Some(Action::Propose(Plan {
                amount: 39.0,
                count: 7,
                days: 11
            }))
        );
    }
}
