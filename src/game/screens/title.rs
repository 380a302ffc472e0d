//! The title screen: who is playing, for which team, in which language, at which size, and
//! which results database (the local file or a team's shared server); and the player's
//! practice plan: what to play next and why, and what is due again.

use crate::game::art::ArtIds;
use crate::game::library::Library;
use crate::game::records::lrs::{Delivery, LrsOutbox};
use crate::game::records::{Database, Records};
use crate::game::session::{Action, Screen, UiSet};
use crate::game::settings::{MAX_SCALE, MIN_SCALE, Settings};
use crate::game::theme;
use crate::game::widgets::{card, key, picture, primary, viewport_ui};
use crate::practice::PracticePlan;
use crate::text::Lang;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        bevy_egui::EguiPrimaryContextPass,
        system.in_set(UiSet).run_if(in_state(Screen::Title)),
    );
}

#[allow(clippy::too_many_arguments)]
fn system(
    mut contexts: EguiContexts,
    mut settings: ResMut<Settings>,
    art: Res<ArtIds>,
    records: Res<Records>,
    library: Res<Library>,
    explicit: Option<Res<Database>>,
    lrs: Res<LrsOutbox>,
    mut fields: Local<Fields>,
    mut plan: Local<PlanCache>,
    mut actions: MessageWriter<Action>,
) -> Result {
    plan.refresh(&records, &library);
    let ctx = contexts.ctx_mut()?;
    let mut root = viewport_ui(ctx);
    let mut edit = settings.clone();
    let shown = records.shown();
    let status = Status {
        db: DbStatus {
            shown: &shown,
            error: records.error.as_deref(),
            fixed: explicit.is_some(),
            sessions: records.all_mine().len(),
        },
        lrs: LrsStatus {
            waiting: lrs.waiting(),
            delivery: &lrs.delivery,
            password_set: std::env::var_os(crate::lrs::PASSWORD_VAR).is_some_and(|p| !p.is_empty()),
        },
    };
    let action = egui::CentralPanel::default()
        .show(&mut root, |ui| {
            // A projector's large text, or a small window, scrolls instead of cutting off.
            egui::ScrollArea::vertical()
                .show(ui, |ui| {
                    ui_title(
                        ui,
                        &mut edit,
                        &art,
                        &mut fields,
                        &status,
                        plan.plan.as_ref(),
                    )
                })
                .inner
        })
        .inner;
    if edit != *settings {
        *settings = edit;
    }
    if let Some(a) = action {
        actions.write(a);
    }
    Ok(())
}

/// The practice plan, made again when the records, the player, the scenarios or the day change.
#[derive(Debug, Default)]
struct PlanCache {
    made_for: Option<(u64, String, usize, i64)>,
    plan: Option<PracticePlan>,
}

impl PlanCache {
    fn refresh(&mut self, records: &Records, library: &Library) {
        let today = crate::calendar::Date::today();
        // The scenarios as a count of good versions: a new file or a hot-reloaded edit changes
        // it, and reading it each frame takes no copy of the books.
        let versions: usize = library
            .entries
            .values()
            .filter(|e| e.good.is_some())
            .map(|e| 1 + e.version as usize)
            .sum();
        let key = (
            records.generation,
            records.player.clone(),
            versions,
            today.to_days(),
        );
        if self.made_for.as_ref() == Some(&key) {
            return;
        }
        let books: Vec<std::sync::Arc<crate::scenario::Playbook>> =
            library.playable().cloned().collect();
        let mine: Vec<&crate::store::StoredSession> = records
            .all_mine()
            .into_iter()
            .filter(|s| s.room.is_none())
            .collect();
        let offers: Vec<crate::practice::Offer> = books
            .iter()
            .map(|b| crate::practice::Offer::of(b))
            .collect();
        self.plan = (!offers.is_empty() && !records.player.trim().is_empty()).then(|| {
            let profiles = crate::practice::profiles(&books, &mine);
            crate::practice::plan(&records.player, &mine, &offers, &profiles, today)
        });
        self.made_for = Some(key);
    }
}

/// The plan's card: the next scenario and customer with why, and what is due.
fn plan_card(ui: &mut egui::Ui, lang: Lang, plan: &PracticePlan) -> Option<Action> {
    let next = plan.suggestions.first()?;
    let mut action = None;
    card(ui, |ui| {
        ui.set_max_width(520.0);
        ui.set_min_width(520.0);
        ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
            plan_lines(ui, lang, plan, next, &mut action)
        });
    });
    action
}

/// Where the plan will be, before there is a player to make it for.
fn no_plan_card(ui: &mut egui::Ui, lang: Lang) {
    card(ui, |ui| {
        ui.set_max_width(520.0);
        ui.set_min_width(520.0);
        ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
            ui.label(
                egui::RichText::new(lang.pick("Je oefenplan", "Your practice plan"))
                    .strong()
                    .color(theme::TEAL_DARK),
            );
            ui.label(
                egui::RichText::new(lang.pick(
                    "Vul je naam in: dan staat hier wat je nu het best kunt oefenen, en wanneer je terugkomt.",
                    "Fill in your name: this is where you will see what to practise next, and when to come back.",
                ))
                .color(theme::MUTED),
            );
        });
    });
}

fn plan_lines(
    ui: &mut egui::Ui,
    lang: Lang,
    plan: &PracticePlan,
    next: &crate::practice::Suggestion,
    action: &mut Option<Action>,
) {
    // The button beside the heading, so a long title wraps under it instead of running
    // beneath the button.
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new(lang.pick("Je oefenplan", "Your practice plan"))
                .strong()
                .color(theme::TEAL_DARK),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button(lang.pick("Speel dit  (P)", "Play it  (P)"))
                .clicked()
                || key(ui, egui::Key::P)
            {
                *action = Some(Action::StartSeeded(
                    next.scenario.clone(),
                    rand::random(),
                    Some(next.draw),
                ));
            }
        });
    });
    ui.label(
        egui::RichText::new(format!(
            "{}: {} · {} {}",
            lang.pick("Nu", "Next"),
            next.title.get(lang),
            lang.pick("klant", "customer"),
            next.draw
        ))
        .strong(),
    );
    // The reasons that say most: due, then the principles; the customer line is implied.
    for r in next
        .reasons
        .iter()
        .filter(|r| !matches!(r, crate::practice::Reason::Customer { .. }))
        .take(3)
    {
        ui.label(
            egui::RichText::new(format!("· {}", r.text(lang)))
                .small()
                .color(theme::MUTED),
        );
    }
    let today = plan.today;
    let due_now = plan.due.iter().filter(|d| d.days_left(today) <= 0).count();
    let later = plan.due.iter().find(|d| d.days_left(today) > 0);
    let line = match (due_now, later) {
        (0, Some(d)) => lang.pick(
            format!(
                "Niets staat open; „{}” is weer aan de beurt op {}.",
                d.title,
                d.due.show(lang)
            ),
            format!(
                "Nothing is due; “{}” comes back on {}.",
                d.title,
                d.due.show(lang)
            ),
        ),
        (0, None) => String::new(),
        (n, _) => lang.pick(
            format!(
                "{n} van je scenario's {} weer aan de beurt (geschiedenis: H).",
                if n == 1 { "is" } else { "zijn" }
            ),
            format!(
                "{n} of your scenarios {} due again (history: H).",
                if n == 1 { "is" } else { "are" }
            ),
        ),
    };
    if !line.is_empty() {
        ui.label(egui::RichText::new(line).small());
    }
}

/// The database field while it is being edited (the URL, password included, shows only then).
#[derive(Debug, Default)]
pub struct DbField {
    pub editing: bool,
    pub text: String,
}

/// What the title screen says about the results database.
#[derive(Debug)]
pub struct DbStatus<'a> {
    /// The location without a password.
    pub shown: &'a str,
    pub error: Option<&'a str>,
    /// Set by `--db` for this run: not editable here.
    pub fixed: bool,
    /// The player's sessions in it.
    pub sessions: usize,
}

fn database_row(
    ui: &mut egui::Ui,
    lang: Lang,
    settings: &mut Settings,
    field: &mut DbField,
    status: &DbStatus,
) {
    ui.vertical(|ui| {
        if field.editing {
            let r = ui.add(
                egui::TextEdit::singleline(&mut field.text)
                    .id(egui::Id::new("title-db"))
                    .hint_text(lang.pick(
                        "leeg: dit bestand · of postgres://naam:wachtwoord@server/db",
                        "empty: local file · or postgres://name:password@server/db",
                    ))
                    .desired_width(300.0),
            );
            if !r.has_focus() && !r.lost_focus() {
                r.request_focus();
            }
            if r.lost_focus() {
                field.editing = false;
                if !ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    settings.db = field.text.trim().to_string();
                }
            }
            return;
        }
        ui.horizontal(|ui| {
            let what = if status.shown.is_empty() {
                lang.pick("alleen in het geheugen", "in memory only")
                    .to_string()
            } else {
                crate::text::shorten(status.shown, 42)
            };
            ui.label(egui::RichText::new(what).monospace())
                .on_hover_text(status.shown);
            if status.fixed {
                ui.label(
                    egui::RichText::new(lang.pick("(via --db)", "(set by --db)"))
                        .color(theme::MUTED),
                );
            } else if ui.button(lang.pick("Wijzig…", "Change…")).clicked() {
                field.editing = true;
                field.text = settings.db.clone();
            }
        });
        match status.error {
            Some(e) => {
                ui.label(egui::RichText::new(e).color(theme::TERRACOTTA).small());
            }
            None if !status.shown.is_empty() => {
                ui.label(
                    egui::RichText::new(format!(
                        "✔ {} {}",
                        sessions(lang, status.sessions),
                        lang.pick("van jou", "of yours")
                    ))
                    .small()
                    .color(theme::MUTED),
                );
            }
            None => {}
        }
    });
}

/// The learning record store's fields while they are being edited.
#[derive(Debug, Default)]
pub struct LrsField {
    pub editing: bool,
    pub url: String,
    pub user: String,
    pub per_turn: bool,
    /// The endpoint field takes the keyboard when the editing starts.
    pub focus: bool,
}

/// The title screen's fields being edited.
#[derive(Debug, Default)]
pub struct Fields {
    pub db: DbField,
    pub lrs: LrsField,
}

/// What the title screen says about sending sessions to a learning record store.
#[derive(Debug)]
pub struct LrsStatus<'a> {
    /// Sessions not at the LRS yet.
    pub waiting: usize,
    pub delivery: &'a Delivery,
    /// `$COLLECTOR_DOJO_LRS_PASSWORD` is set.
    pub password_set: bool,
}

/// What the title screen says about where sessions go.
#[derive(Debug)]
pub struct Status<'a> {
    pub db: DbStatus<'a>,
    pub lrs: LrsStatus<'a>,
}

fn sessions(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Nl, 1) => "1 gesprek".into(),
        (Lang::Nl, n) => format!("{n} gesprekken"),
        (Lang::En, 1) => "1 session".into(),
        (Lang::En, n) => format!("{n} sessions"),
    }
}

/// The learning record store each finished session is sent to: shown, or edited (endpoint,
/// user, a statement per answer); the password is never asked here, it comes from the
/// environment.
fn lrs_row(
    ui: &mut egui::Ui,
    lang: Lang,
    settings: &mut Settings,
    field: &mut LrsField,
    status: &LrsStatus,
) {
    ui.vertical(|ui| {
        if field.editing {
            let url = ui.add(
                egui::TextEdit::singleline(&mut field.url)
                    .id(egui::Id::new("title-lrs-url"))
                    .hint_text(lang.pick(
                        "leeg: niet versturen · of https://lrs.voorbeeld.nl/xapi",
                        "empty: don't send · or https://lrs.example.com/xapi",
                    ))
                    .desired_width(300.0),
            );
            if std::mem::take(&mut field.focus) {
                url.request_focus();
            }
            let user = ui.add(
                egui::TextEdit::singleline(&mut field.user)
                    .id(egui::Id::new("title-lrs-user"))
                    .hint_text(lang.pick("gebruiker (sleutel)", "user (key)"))
                    .desired_width(300.0),
            );
            ui.checkbox(
                &mut field.per_turn,
                lang.pick("Ook elk antwoord apart", "Each answer too"),
            );
            ui.label(
                egui::RichText::new(format!(
                    "{} ${}",
                    lang.pick("Het wachtwoord komt uit", "The password comes from"),
                    crate::lrs::PASSWORD_VAR
                ))
                .small()
                .color(theme::MUTED),
            );
            let enter = (url.lost_focus() || user.lost_focus())
                && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let escape = ui.input(|i| i.key_pressed(egui::Key::Escape));
            ui.horizontal(|ui| {
                if ui.button("OK").clicked() || enter {
                    settings.lrs = field.url.trim().to_string();
                    settings.lrs_user = field.user.trim().to_string();
                    settings.lrs_per_turn = field.per_turn;
                    field.editing = false;
                }
                if ui.button(lang.pick("Annuleer", "Cancel")).clicked() || escape {
                    field.editing = false;
                }
            });
            return;
        }
        ui.horizontal(|ui| {
            if settings.lrs.is_empty() {
                ui.label(
                    egui::RichText::new(lang.pick("niet ingesteld", "not set")).color(theme::MUTED),
                );
            } else {
                ui.label(egui::RichText::new(crate::text::shorten(&settings.lrs, 42)).monospace())
                    .on_hover_text(format!("{} · {}", settings.lrs, settings.lrs_user));
            }
            let label = if settings.lrs.is_empty() {
                lang.pick("Instellen…", "Set…")
            } else {
                lang.pick("Wijzig…", "Change…")
            };
            if ui.button(label).clicked() {
                *field = LrsField {
                    editing: true,
                    url: settings.lrs.clone(),
                    user: settings.lrs_user.clone(),
                    per_turn: settings.lrs_per_turn,
                    focus: true,
                };
            }
        });
        let (line, colour) = match status.delivery {
            Delivery::Failed { brief, full } => {
                ui.label(egui::RichText::new(brief).small().color(theme::TERRACOTTA))
                    .on_hover_text(full);
                (String::new(), theme::MUTED)
            }
            Delivery::Sending => (
                format!(
                    "⏳ {} {}…",
                    sessions(lang, status.waiting),
                    lang.pick("onderweg", "on their way")
                ),
                theme::MUTED,
            ),
            _ if status.waiting > 0 => (
                format!(
                    "{} {}",
                    sessions(lang, status.waiting),
                    lang.pick("wachten op de LRS", "waiting for the LRS")
                ),
                theme::MUTED,
            ),
            Delivery::Sent {
                sessions: n,
                summary,
            } => (
                lang.pick(
                    format!(
                        "✔ {} verstuurd ({} statements)",
                        sessions(lang, *n),
                        summary.statements()
                    ),
                    format!(
                        "✔ {} sent ({} statements)",
                        sessions(lang, *n),
                        summary.statements()
                    ),
                ),
                theme::MUTED,
            ),
            _ if settings.lrs.is_empty() => (String::new(), theme::MUTED),
            _ => (
                lang.pick(
                    "Elk afgerond gesprek gaat hierheen",
                    "Each finished session goes here",
                )
                .to_string(),
                theme::MUTED,
            ),
        };
        if !line.is_empty() {
            ui.label(egui::RichText::new(line).small().color(colour));
        }
        if !settings.lrs.is_empty() && !status.password_set {
            ui.label(
                egui::RichText::new(format!(
                    "{} ${} {}",
                    lang.pick("Geen wachtwoord:", "No password:"),
                    crate::lrs::PASSWORD_VAR,
                    lang.pick("is niet gezet", "is not set")
                ))
                .small()
                .color(theme::MUTED),
            );
        }
    });
}

/// The title screen; edits `settings` in place.
pub fn ui_title(
    ui: &mut egui::Ui,
    settings: &mut Settings,
    art: &ArtIds,
    fields: &mut Fields,
    status: &Status,
    plan: Option<&PracticePlan>,
) -> Option<Action> {
    let lang = settings.lang;
    let mut action = None;
    // The Enter that confirms a field being edited does not also start.
    let editing = fields.db.editing || fields.lrs.editing;
    ui.vertical_centered(|ui| {
        // Beside the form on a wide screen; under the buttons on a narrow one (a projector).
        // The layout follows the width only: were it to change when the plan comes (at the
        // first letter of a name), the form's grid would be new and drop the keyboard focus.
        let wide = ui.available_width() >= 1120.0;
        let compact = wide || plan.is_some();
        ui.add_space(if compact { 12.0 } else { 30.0 });
        picture(ui, art.app, if compact { 80.0 } else { 110.0 });
        ui.label(
            egui::RichText::new("collector-dojo")
                .size(44.0)
                .strong()
                .color(theme::TEAL_DARK),
        );
        ui.label(
            egui::RichText::new(lang.pick("Oefen moeilijke incassogesprekken. Verbind, vraag door, regel het samen.",
                "Rehearse hard collections conversations. Connect, ask, solve it together.",
            ))
            .size(19.0)
            .color(theme::MUTED),
        );
        ui.add_space(24.0);
        let mut form = |ui: &mut egui::Ui| {
            card(ui, |ui| {
                ui.set_max_width(520.0);
                // The fields keep fixed ids: typing the first letter of a name brings the plan
                // card, which moves the form, and an id from the layout would lose the focus.
                egui::Grid::new("title-form")
                    .num_columns(2)
                    .spacing([16.0, 12.0])
                    .show(ui, |ui| {
                        ui.label(egui::RichText::new(lang.pick("Naam", "Name")).strong());
                        ui.add(
                            egui::TextEdit::singleline(&mut settings.player)
                    .id(egui::Id::new("title-player"))
                                .hint_text(lang.pick("Je naam", "Your name"))
                                .desired_width(300.0),
                        );
                        ui.end_row();
                        ui.label(egui::RichText::new("Team").strong());
                        ui.add(
                            egui::TextEdit::singleline(&mut settings.team)
                    .id(egui::Id::new("title-team"))
                                .hint_text(lang.pick("Je team", "Your team"))
                                .desired_width(300.0),
                        );
                        ui.end_row();
                        ui.label(egui::RichText::new(lang.pick("Taal", "Language")).strong());
                        ui.horizontal(|ui| {
                            ui.selectable_value(&mut settings.lang, Lang::Nl, "Nederlands");
                            ui.selectable_value(&mut settings.lang, Lang::En, "English");
                        });
                        ui.end_row();
                        ui.label(egui::RichText::new("Coach").strong());
                        ui.checkbox(
                            &mut settings.coach,
                            lang.pick(
                                "Tips na elke keuze, die vervagen als je beter wordt (C)",
                                "Notes after each choice, fading as you improve (C)",
                            ),
                        );
                        ui.end_row();
                        ui.label(egui::RichText::new(lang.pick("Tekstgrootte", "Text size")).strong());
                        ui.horizontal(|ui| {
                            ui.add(
                                egui::Slider::new(&mut settings.ui_scale, MIN_SCALE..=MAX_SCALE)
                                    .step_by(0.05)
                                    .fixed_decimals(2),
                            );
                            if ui.button(lang.pick("Laptop", "Laptop")).clicked() {
                                settings.ui_scale = 1.0;
                            }
                            if ui
                                .button("Beamer")
                                .on_hover_text(lang.pick("Groot, voor een projectiescherm",
                                    "Large, for a projector",
                                ))
                                .clicked()
                            {
                                settings.ui_scale = 1.6;
                            }
                        });
                        ui.end_row();
                        ui.label(
                            egui::RichText::new(lang.pick("Resultaten", "Results")).strong(),
                        );
                        database_row(ui, lang, settings, &mut fields.db, &status.db);
                        ui.end_row();
                        ui.label(egui::RichText::new("LRS").strong()).on_hover_text(lang.pick(
                            "Leerregistratie (xAPI) van je opleiding: elk gesprek gaat erheen",
                            "Your training's learning record store (xAPI): each session goes there",
                        ));
                        lrs_row(ui, lang, settings, &mut fields.lrs, &status.lrs);
                        ui.end_row();
                    });
            });
        };
        if wide {
            ui.horizontal_top(|ui| {
                ui.add_space(((ui.available_width() - 1070.0) / 2.0).max(0.0));
                form(ui);
                ui.add_space(14.0);
                match plan {
                    Some(p) => {
                        if let Some(a) = plan_card(ui, lang, p) {
                            action = Some(a);
                        }
                    }
                    None => no_plan_card(ui, lang),
                }
            });
        } else {
            form(ui);
        }
        ui.add_space(18.0);
        if primary(
            ui,
            lang.pick("Kies een scenario  (Enter)",
                "Choose a scenario  (Enter)",
            ),
        )
        .clicked()
            || (!editing && key(ui, egui::Key::Enter))
        {
            action = Some(Action::Go(Screen::Picker));
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            // Centre the three buttons.
            let w = 3.0 * 200.0 + 2.0 * ui.spacing().item_spacing.x;
            ui.add_space(((ui.available_width() - w) / 2.0).max(0.0));
            for (label, k, screen) in [
                (
                    lang.pick("Mijn geschiedenis  (H)", "My history  (H)"),
                    egui::Key::H,
                    Screen::History,
                ),
                (
                    lang.pick("Team en ranglijst  (T)", "Team and leaderboard  (T)"),
                    egui::Key::T,
                    Screen::Team,
                ),
                (
                    lang.pick("Workshop met de zaal  (W)", "Workshop with a room  (W)"),
                    egui::Key::W,
                    Screen::Workshops,
                ),
            ] {
                let b = egui::Button::new(label).min_size(egui::vec2(200.0, 30.0));
                if ui.add(b).clicked() || key(ui, k) {
                    action = Some(Action::Go(screen));
                }
            }
        });
        if let Some(plan) = plan.filter(|_| !wide) {
            ui.add_space(12.0);
            if let Some(a) = plan_card(ui, lang, plan) {
                action = Some(a);
            }
        }
        if key(ui, egui::Key::L) {
            settings.lang = if lang == Lang::Nl { Lang::En } else { Lang::Nl };
        }
        ui.add_space(10.0);
        ui.label(
            egui::RichText::new(lang.pick("Toetsen: Enter verder · P speel het plan · H geschiedenis · T team · W workshop · L taal · Tab en pijltjes om te kiezen",
                "Keys: Enter continue · P play the plan · H history · T team · W workshop · L language · Tab and arrows to move",
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

    fn status<'a>(db: DbStatus<'a>, delivery: &'a Delivery) -> Status<'a> {
        Status {
            db,
            lrs: LrsStatus {
                waiting: 0,
                delivery,
                password_set: true,
            },
        }
    }

    #[test]
    fn language_switch_and_start() {
        let mut harness = Harness::new_ui_state(
            |ui, state: &mut (Settings, Option<Action>, Fields)| {
                let status = status(
                    DbStatus {
                        shown: "/data/results.sqlite3",
                        error: None,
                        fixed: false,
                        sessions: 3,
                    },
                    &Delivery::Idle,
                );
                if let Some(a) = ui_title(
                    ui,
                    &mut state.0,
                    &ArtIds::default(),
                    &mut state.2,
                    &status,
                    None,
                ) {
                    state.1 = Some(a);
                }
            },
            (Settings::default(), None, Fields::default()),
        );
        harness.get_by_label("English").click();
        harness.run();
        assert_eq!(harness.state().0.lang, Lang::En);
        harness.get_by_label("Choose a scenario  (Enter)").click();
        harness.run();
        assert_eq!(harness.state().1, Some(Action::Go(Screen::Picker)));
    }

    #[test]
    fn the_database_is_changed_by_typing_a_url_and_shown_without_its_password() {
        let mut harness = Harness::new_ui_state(
            |ui, state: &mut (Settings, Fields)| {
                let shown = crate::store::redact(&state.0.db);
                let status = status(
                    DbStatus {
                        shown: &shown,
                        error: None,
                        fixed: false,
                        sessions: 0,
                    },
                    &Delivery::Idle,
                );
                ui_title(
                    ui,
                    &mut state.0,
                    &ArtIds::default(),
                    &mut state.1,
                    &status,
                    None,
                );
            },
            (Settings::default(), Fields::default()),
        );
        harness.get_by_label("Wijzig…").click();
        harness.run();
        assert!(harness.state().1.db.editing);
        // Name, team, then the database field.
        harness
            .get_all_by_role(egui::accesskit::Role::TextInput)
            .last()
            .expect("the database field")
            .type_text("postgres://team:geheim@server/dojo");
        harness.run();
        assert_eq!(harness.state().0.db, "", "nothing changes while typing");
        harness.key_press(egui::Key::Enter);
        harness.run();
        harness.run();
        assert_eq!(harness.state().0.db, "postgres://team:geheim@server/dojo");
        assert!(!harness.state().1.db.editing);
        assert!(
            harness
                .query_by_label_contains("postgres://team@server/dojo")
                .is_some()
        );
        assert!(harness.query_by_label_contains("geheim").is_none());
    }

    #[test]
    fn the_lrs_is_set_on_the_title_screen_and_says_what_waits() {
        let failed = Delivery::Failed {
            brief: "cannot reach the LRS at lrs.example".into(),
            full: "cannot reach the LRS at lrs.example: refused; nothing was lost".into(),
        };
        let mut harness = Harness::new_ui_state(
            |ui, state: &mut (Settings, Fields, bool)| {
                let db = DbStatus {
                    shown: "/data/results.sqlite3",
                    error: None,
                    fixed: false,
                    sessions: 0,
                };
                let mut status = status(db, &failed);
                status.lrs.waiting = 2;
                status.lrs.password_set = false;
                if !state.2 {
                    status.lrs.delivery = &Delivery::Idle;
                }
                if ui_title(
                    ui,
                    &mut state.0,
                    &ArtIds::default(),
                    &mut state.1,
                    &status,
                    None,
                )
                .is_some()
                {
                    panic!("no action while setting the LRS");
                }
            },
            (Settings::default(), Fields::default(), false),
        );
        harness.get_by_label("Instellen…").click();
        harness.run();
        assert!(harness.state().1.lrs.editing);
        // The last two text fields: the endpoint, then the user.
        for (from_end, text) in [(1, "https://lrs.example/xapi"), (0, "key-1")] {
            let i = harness
                .get_all_by_role(egui::accesskit::Role::TextInput)
                .count()
                - 1
                - from_end;
            harness
                .get_all_by_role(egui::accesskit::Role::TextInput)
                .nth(i)
                .expect("the field")
                .focus();
            harness.run();
            harness
                .get_all_by_role(egui::accesskit::Role::TextInput)
                .nth(i)
                .expect("the field")
                .type_text(text);
            harness.run();
        }
        assert_eq!(
            (
                harness.state().1.lrs.url.as_str(),
                harness.state().1.lrs.user.as_str()
            ),
            ("https://lrs.example/xapi", "key-1")
        );
        assert_eq!(harness.state().0.lrs, "", "nothing changes while typing");
        harness.get_by_label("Ook elk antwoord apart").click();
        harness.run();
        harness.get_by_label("OK").click();
        harness.run();
        let s = &harness.state().0;
        assert_eq!(
            (s.lrs.as_str(), s.lrs_user.as_str(), s.lrs_per_turn),
            ("https://lrs.example/xapi", "key-1", true)
        );
        assert!(
            harness
                .query_by_label_contains("2 gesprekken wachten")
                .is_some()
        );
        assert!(
            harness
                .query_by_label_contains("COLLECTOR_DOJO_LRS_PASSWORD is niet gezet")
                .is_some()
        );
        harness.state_mut().2 = true;
        harness.run();
        assert!(
            harness
                .query_by_label_contains("cannot reach the LRS")
                .is_some()
        );
    }

    /// The first letter of a name brings the plan card, which moves the form: the name field
    /// keeps the keyboard for the next letters.
    #[test]
    fn typing_a_name_keeps_the_focus_when_the_plan_card_appears() {
        let offers = [crate::practice::Offer {
            id: "easy".into(),
            title: crate::text::Text::new("Makkelijk", "Easy"),
            difficulty: 1,
            trains: vec![],
            draws: 2,
        }];
        let today = crate::calendar::Date::today();
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1280.0, 720.0))
            .build_ui_state(
                |ui, state: &mut (Settings, Fields)| {
                    let db = DbStatus {
                        shown: "",
                        error: None,
                        fixed: false,
                        sessions: 0,
                    };
                    let plan = (!state.0.player.is_empty()).then(|| {
                        crate::practice::plan(
                            &state.0.player,
                            &[],
                            &offers,
                            &Default::default(),
                            today,
                        )
                    });
                    ui_title(
                        ui,
                        &mut state.0,
                        &ArtIds::default(),
                        &mut state.1,
                        &status(db, &Delivery::Idle),
                        plan.as_ref(),
                    );
                },
                (Settings::default(), Fields::default()),
            );
        harness
            .get_all_by_role(egui::accesskit::Role::TextInput)
            .next()
            .expect("the name field")
            .focus();
        harness.run();
        for letter in ["B", "r", "a", "m"] {
            harness.event(egui::Event::Text(letter.into()));
            harness.run();
        }
        assert_eq!(harness.state().0.player, "Bram");
        assert_eq!(harness.state().0.team, "");
    }
}
