//! The team screen: a leaderboard per scenario and per dimension, filtered by team and period,
//! with each player's trend, and a chart of the leading players' scores over time. It asks
//! the results database (a team's shared PostgreSQL database shows the whole team) whenever a
//! filter changes or a session is stored, off the frame (see [`crate::game::records::lookup`]).

use crate::calendar::Date;
use crate::game::library::Library;
use crate::game::records::lookup::{self, BoardData, BoardQuery, Lookup, Period};
use crate::game::records::{Records, Waker};
use crate::game::session::{Action, Screen, UiSet};
use crate::game::settings::Settings;
use crate::game::theme;
use crate::game::widgets::charts::{PLAYER_COLOURS, Series, score_chart};
use crate::game::widgets::{header, key, viewport_ui, warning};
use crate::progress::{per_player, trend};
use crate::score::Band;
use crate::store::Measure;
use crate::text::Lang;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<TeamBoard>()
        .add_systems(Update, refresh.run_if(in_state(Screen::Team)))
        .add_systems(
            bevy_egui::EguiPrimaryContextPass,
            system.in_set(UiSet).run_if(in_state(Screen::Team)),
        );
}

/// A period's name on the board.
fn period_label(p: Period, lang: Lang) -> &'static str {
    match p {
        Period::Week => lang.pick("7 dagen", "7 days"),
        Period::Month => lang.pick("30 dagen", "30 days"),
        Period::Quarter => lang.pick("kwartaal", "quarter"),
        Period::Year => lang.pick("jaar", "year"),
        Period::All => lang.pick("altijd", "all time"),
    }
}

/// One scenario the board can show.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardScenario {
    pub id: String,
    pub title: String,
    /// The content hash of the version in the scenarios folder.
    pub hash: String,
}

/// What the board asks: the query, the scenario's current version, and the location and data
/// generation of the database asked.
type BoardKey = (BoardQuery, Option<String>, Option<String>, u64);

/// The board being shown: what is asked and the database's last answer.
#[derive(Resource, Debug, Default)]
pub struct TeamBoard {
    pub query: BoardQuery,
    pub lookup: Lookup<BoardKey, BoardData>,
}

fn choices(library: &Library, lang: Lang) -> Vec<BoardScenario> {
    library
        .playable()
        .map(|b| BoardScenario {
            id: b.id().to_string(),
            title: b.scenario.title.get(lang).to_string(),
            hash: b.hash.clone(),
        })
        .collect()
}

/// Asks the database again when the query, the database or its data changed; takes the
/// answer when it is there.
fn refresh(
    mut board: ResMut<TeamBoard>,
    records: Res<Records>,
    library: Res<Library>,
    waker: Res<Waker>,
) {
    let current = board.query.scenario.as_ref().and_then(|id| {
        library
            .playable()
            .find(|b| b.id() == id)
            .map(|b| b.hash.clone())
    });
    let key = (
        board.query.clone(),
        current.clone(),
        records.location.clone(),
        records.generation,
    );
    let board = &mut *board;
    if board.lookup.wants(&key) {
        let query = board.query.clone();
        board
            .lookup
            .ask(key, records.location.as_deref(), &waker, move |store| {
                lookup::board(store, &query, current.as_deref(), crate::calendar::now())
            });
    }
    board.lookup.take();
}

fn system(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    library: Res<Library>,
    records: Res<Records>,
    mut board: ResMut<TeamBoard>,
    mut actions: MessageWriter<Action>,
) -> Result {
    let all = choices(&library, settings.lang);
    let ctx = contexts.ctx_mut()?;
    let mut root = viewport_ui(ctx);
    let mut query = board.query.clone();
    let shared = records
        .location
        .as_deref()
        .is_some_and(crate::store::is_postgres);
    let error = board.lookup.error().map(ToString::to_string);
    let action = egui::CentralPanel::default()
        .show(&mut root, |ui| {
            let view = TeamView {
                lang: settings.lang,
                me: &settings.player,
                choices: &all,
                data: board.lookup.answer(),
                error: error.as_deref(),
                shared,
                fetching: board.lookup.waiting(),
            };
            ui_team(ui, &view, &mut query)
        })
        .inner;
    if query != board.query {
        board.query = query;
    }
    if let Some(a) = action {
        actions.write(a);
    }
    Ok(())
}

/// Everything the team screen shows.
pub struct TeamView<'a> {
    pub lang: Lang,
    pub me: &'a str,
    pub choices: &'a [BoardScenario],
    pub data: &'a BoardData,
    pub error: Option<&'a str>,
    /// A shared (team) database, not this computer's file.
    pub shared: bool,
    /// The database has not answered the query yet.
    pub fetching: bool,
}

fn filters(ui: &mut egui::Ui, v: &TeamView, q: &mut BoardQuery) {
    let lang = v.lang;
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("Scenario:").strong());
        ui.selectable_value(&mut q.scenario, None, lang.pick("alle", "all"));
        for c in v.choices {
            ui.selectable_value(
                &mut q.scenario,
                Some(c.id.clone()),
                crate::text::shorten(&c.title, 30),
            );
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(lang.pick("Rangschik op (M):", "Rank by (M):")).strong());
        for m in Measure::ALL {
            ui.selectable_value(&mut q.measure, m, m.label().get(lang));
        }
        ui.add_space(16.0);
        ui.label(egui::RichText::new(lang.pick("Periode (P):", "Period (P):")).strong());
        for p in Period::ALL {
            ui.selectable_value(&mut q.period, p, period_label(p, lang));
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("Team:").strong());
        let all = lang.pick("alle teams", "all teams");
        egui::ComboBox::from_id_salt("team-filter")
            .selected_text(q.team.clone().unwrap_or_else(|| all.to_string()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut q.team, None, all);
                for t in &v.data.teams {
                    let shown = if t.is_empty() {
                        lang.pick("(geen team)", "(no team)").to_string()
                    } else {
                        t.clone()
                    };
                    ui.selectable_value(&mut q.team, Some(t.clone()), shown);
                }
            });
        if q.scenario.is_some() {
            ui.add_space(16.0);
            ui.checkbox(
                &mut q.this_version,
                lang.pick(
                    "alleen de huidige versie van het scenario",
                    "only the scenario's current version",
                ),
            );
            if v.data.other_versions > 0 {
                ui.label(
                    egui::RichText::new(format!(
                        "({} {})",
                        v.data.other_versions,
                        lang.pick(
                            "gesprekken op eerdere versies niet meegeteld",
                            "sessions on earlier versions left out",
                        )
                    ))
                    .color(theme::MUTED),
                );
            }
        }
    });
    if key(ui, egui::Key::M) {
        let i = Measure::ALL
            .iter()
            .position(|m| *m == q.measure)
            .unwrap_or(0);
        q.measure = Measure::ALL[(i + 1) % Measure::ALL.len()];
    }
    if key(ui, egui::Key::P) {
        q.period = q.period.next();
    }
}

/// Each listed player's trend in the filtered sessions (see [`trend`]).
pub fn trends(data: &BoardData, measure: Measure) -> Vec<Option<f64>> {
    let by = per_player(&data.points, measure);
    data.standings
        .iter()
        .map(|s| {
            by.get(&s.player).and_then(|pts| {
                let values: Vec<u8> = pts.iter().map(|(_, v)| *v).collect();
                trend(&values)
            })
        })
        .collect()
}

fn trend_label(lang: Lang, t: Option<f64>) -> egui::RichText {
    match t {
        None => egui::RichText::new("–").color(theme::MUTED),
        Some(t) if t.abs() < 0.5 => {
            egui::RichText::new(lang.pick("gelijk", "steady")).color(theme::MUTED)
        }
        Some(t) if t > 0.0 => egui::RichText::new(format!("+{t:.0}"))
            .strong()
            .color(theme::GREEN),
        Some(t) => egui::RichText::new(format!("−{:.0}", -t))
            .strong()
            .color(theme::TERRACOTTA),
    }
}

fn leaderboard(ui: &mut egui::Ui, v: &TeamView, measure: Measure) {
    let lang = v.lang;
    let trends = trends(v.data, measure);
    egui::ScrollArea::vertical()
        .id_salt("leaderboard")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("leaderboard")
                .striped(true)
                .num_columns(8)
                .spacing([14.0, 5.0])
                .show(ui, |ui| {
                    for h in [
                        "#",
                        lang.pick("Speler", "Player"),
                        "Team",
                        lang.pick("Beste", "Best"),
                        lang.pick("Gemiddeld", "Mean"),
                        lang.pick("Gesprekken", "Sessions"),
                        "Trend",
                        lang.pick("Laatst", "Last"),
                    ] {
                        ui.label(egui::RichText::new(h).strong());
                    }
                    ui.end_row();
                    for (i, (s, t)) in v.data.standings.iter().zip(trends).enumerate() {
                        let me = s.player == v.me;
                        // On one scenario's board each customer (draw) is its own standing.
                        let name = match s.draw {
                            Some(d) => format!(
                                "{} · {} {}",
                                s.player,
                                v.lang.pick("klant", "customer"),
                                d + 1
                            ),
                            None => s.player.clone(),
                        };
                        let name = egui::RichText::new(name);
                        ui.label((i + 1).to_string());
                        ui.label(if me {
                            name.strong().color(theme::TEAL_DARK)
                        } else {
                            name
                        });
                        ui.label(crate::text::shorten(&s.team, 14));
                        ui.label(
                            egui::RichText::new(s.best.to_string())
                                .strong()
                                .color(theme::band_colour(Band::of(s.best))),
                        );
                        ui.label(format!("{:.0}", s.mean));
                        ui.label(s.sessions.to_string());
                        ui.label(trend_label(lang, t))
                            .on_hover_text(lang.pick("gemiddelde van de laatste drie gesprekken min dat van de eerste drie in deze periode",
                                "mean of the last three sessions minus that of the first three in this period",
                            ));
                        ui.label(Date::from_days(s.last.div_euclid(86_400)).short(lang));
                        ui.end_row();
                    }
                });
        });
}

/// The leading players' lines (and the player's own, if listed further down).
pub fn player_series(v: &TeamView, measure: Measure) -> Vec<Series> {
    let by = per_player(&v.data.points, measure);
    let mut names: Vec<&str> = v
        .data
        .standings
        .iter()
        .take(PLAYER_COLOURS.len())
        .map(|s| s.player.as_str())
        .collect();
    if !names.contains(&v.me) && v.data.standings.iter().any(|s| s.player == v.me) {
        names.pop();
        names.push(v.me);
    }
    names
        .iter()
        .enumerate()
        .filter_map(|(i, n)| {
            Some(Series {
                name: n.to_string(),
                color: PLAYER_COLOURS[i % PLAYER_COLOURS.len()],
                points: by.get(*n)?.clone(),
                bold: *n == v.me,
            })
        })
        .collect()
}

pub fn ui_team(ui: &mut egui::Ui, v: &TeamView, q: &mut BoardQuery) -> Option<Action> {
    let lang = v.lang;
    let title = if v.shared {
        lang.pick(
            "Team — ranglijst (gedeelde database)",
            "Team — leaderboard (shared database)",
        )
    } else {
        lang.pick(
            "Team — ranglijst (deze computer)",
            "Team — leaderboard (this computer)",
        )
    };
    let action = header(ui, lang, title.to_string(), Screen::History);
    if let Some(e) = v.error {
        warning(ui, e);
    }
    filters(ui, v, q);
    ui.separator();
    if v.data.standings.is_empty() {
        ui.label(if v.fetching {
            lang.pick("Ranglijst ophalen…", "Fetching the leaderboard…")
        } else {
            lang.pick(
                "Geen gesprekken in deze selectie. Kies een langere periode of een ander team.",
                "No sessions in this selection. Choose a longer period or another team.",
            )
        });
        return action;
    }
    egui::Panel::right("team-chart")
        .resizable(false)
        .exact_size((ui.available_width() * 0.45).clamp(320.0, 620.0))
        .show(ui, |ui| {
            ui.label(
                egui::RichText::new(format!(
                    "{} — {}",
                    lang.pick("Verloop", "Progress"),
                    q.measure.label().get(lang)
                ))
                .strong(),
            );
            let h = ui.available_height().max(200.0);
            score_chart(ui, "team-chart", lang, &player_series(v, q.measure), h);
        });
    egui::CentralPanel::default().show(ui, |ui| leaderboard(ui, v, q.measure));
    action
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::Scores;
    use crate::store::{Point, Standing};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    fn standing(player: &str, best: u8) -> Standing {
        Standing {
            draw: None,
            player: player.into(),
            team: "Noord".into(),
            best,
            mean: f64::from(best) - 10.0,
            sessions: 3,
            last: 86_400 * 20_000,
        }
    }

    fn point(player: &str, ended: i64, overall: u8) -> Point {
        Point {
            player: player.into(),
            team: "Noord".into(),
            scenario: "ostrich".into(),
            scenario_hash: "h".into(),
            ended,
            scores: Scores {
                empathy: overall,
                fact_gathering: overall,
                agreement: overall,
                compliance: 100,
                overall,
            },
        }
    }

    fn data() -> BoardData {
        BoardData {
            standings: vec![standing("Bram", 92), standing("Anouk", 80)],
            points: vec![
                point("Bram", 1, 90),
                point("Anouk", 2, 40),
                point("Bram", 3, 70),
                point("Anouk", 4, 80),
            ],
            teams: vec!["Noord".into(), "Zuid".into()],
            other_versions: 4,
        }
    }

    #[test]
    fn trends_follow_each_players_sessions() {
        let d = data();
        assert_eq!(trends(&d, Measure::Overall), vec![Some(-20.0), Some(40.0)]);
        assert_eq!(trends(&d, Measure::Compliance), vec![Some(0.0), Some(0.0)]);
    }

    #[test]
    fn the_board_lists_players_and_its_filters_change_the_query() {
        let d = data();
        let choices = vec![BoardScenario {
            id: "ostrich".into(),
            title: "De struisvogel".into(),
            hash: "h".into(),
        }];
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1280.0, 720.0))
            .build_ui_state(
                |ui, q: &mut BoardQuery| {
                    let v = TeamView {
                        lang: Lang::En,
                        me: "Anouk",
                        choices: &choices,
                        data: &d,
                        error: None,
                        shared: true,
                        fetching: false,
                    };
                    ui_team(ui, &v, q);
                },
                BoardQuery::default(),
            );
        harness.run();
        assert!(harness.query_all_by_label("Bram").count() >= 1);
        assert!(harness.query_by_label("+40").is_some(), "Anouk's trend");
        assert!(harness.query_by_label("−20").is_some(), "Bram's trend");
        harness.get_by_label("Agreement quality").click();
        harness.run();
        assert_eq!(harness.state().measure, Measure::Agreement);
        harness.get_by_label("7 days").click();
        harness.run();
        assert_eq!(harness.state().period, Period::Week);
        harness.key_press(egui::Key::P);
        harness.run();
        assert_eq!(harness.state().period, Period::Month, "P cycles the period");
        harness.get_by_label("De struisvogel").click();
        harness.run();
        assert_eq!(harness.state().scenario.as_deref(), Some("ostrich"));
        assert!(
            harness
                .query_by_label_contains("4 sessions on earlier versions left out")
                .is_some()
        );
    }

    #[test]
    fn a_board_of_one_scenario_names_the_customer_of_each_standing() {
        let mut d = data();
        d.standings[0].draw = Some(2);
        d.standings[1].draw = Some(0);
        let choices: Vec<BoardScenario> = Vec::new();
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1280.0, 720.0))
            .build_ui(|ui| {
                let v = TeamView {
                    lang: Lang::En,
                    me: "Anouk",
                    choices: &choices,
                    data: &d,
                    error: None,
                    shared: true,
                    fetching: false,
                };
                ui_team(ui, &v, &mut BoardQuery::default());
            });
        harness.run();
        assert!(harness.query_by_label("Bram · customer 3").is_some());
        assert!(harness.query_by_label("Anouk · customer 1").is_some());
    }
}
