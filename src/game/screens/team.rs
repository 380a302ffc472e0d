//! The team screen: a leaderboard per scenario and per dimension, filtered by team and period,
//! with each player's trend, and a chart of the leading players' scores over time. It queries
//! the results database (a team's shared PostgreSQL database shows the whole team) whenever a
//! filter changes or a session is stored.

use super::charts::{PLAYER_COLOURS, Series, score_chart};
use super::history::header;
use super::{key, tr, viewport_ui};
use crate::game::library::Library;
use crate::game::records::Records;
use crate::game::session::{Action, Screen};
use crate::game::settings::Settings;
use crate::game::theme;
use crate::progress::{per_player, trend};
use crate::score::Band;
use crate::store::{Filter, Measure, Point, Standing, Store, StoreError};
use crate::text::Lang;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<TeamBoard>()
        .add_systems(Update, refresh.run_if(in_state(Screen::Team)))
        .add_systems(
            bevy_egui::EguiPrimaryContextPass,
            system.in_set(super::UiSet).run_if(in_state(Screen::Team)),
        );
}

/// The period a leaderboard covers, up to now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    Week,
    #[default]
    Month,
    Quarter,
    Year,
    All,
}

impl Period {
    pub const ALL: [Period; 5] = [
        Period::Week,
        Period::Month,
        Period::Quarter,
        Period::Year,
        Period::All,
    ];
    pub fn days(self) -> Option<i64> {
        match self {
            Period::Week => Some(7),
            Period::Month => Some(30),
            Period::Quarter => Some(91),
            Period::Year => Some(365),
            Period::All => None,
        }
    }
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Period::Week => tr(lang, "7 dagen", "7 days"),
            Period::Month => tr(lang, "30 dagen", "30 days"),
            Period::Quarter => tr(lang, "kwartaal", "quarter"),
            Period::Year => tr(lang, "jaar", "year"),
            Period::All => tr(lang, "altijd", "all time"),
        }
    }
    fn next(self) -> Period {
        let i = Period::ALL.iter().position(|p| *p == self).unwrap_or(0);
        Period::ALL[(i + 1) % Period::ALL.len()]
    }
}

/// What the trainer or player asked to see.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardQuery {
    /// `None`: every scenario.
    pub scenario: Option<String>,
    pub measure: Measure,
    /// `None`: every team.
    pub team: Option<String>,
    pub period: Period,
    /// Only sessions on the scenario's current content (its hash), so a changed scenario's
    /// scores are not mixed with the old one's.
    pub this_version: bool,
}

impl Default for BoardQuery {
    fn default() -> Self {
        BoardQuery {
            scenario: None,
            measure: Measure::Overall,
            team: None,
            period: Period::Month,
            this_version: true,
        }
    }
}

/// One scenario the board can show.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub id: String,
    pub title: String,
    /// The content hash of the version in the scenarios folder.
    pub hash: String,
}

/// What the database answered.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct BoardData {
    pub standings: Vec<Standing>,
    /// The filtered sessions' scores, for trends and the chart.
    pub points: Vec<Point>,
    pub teams: Vec<String>,
    /// Sessions of this scenario on other versions, left out by `this_version`.
    pub other_versions: i64,
}

#[derive(Resource, Debug, Default)]
pub struct TeamBoard {
    pub query: BoardQuery,
    pub data: BoardData,
    pub error: Option<String>,
    /// The query, data generation and location `data` answers.
    loaded: Option<(BoardQuery, u64, Option<String>)>,
}

/// How many players a board lists.
pub const BOARD_SIZE: usize = 50;

/// Runs the board's queries on `location` as of `now`.
pub fn load(
    location: &str,
    q: &BoardQuery,
    current: Option<&Choice>,
    now: i64,
) -> Result<BoardData, StoreError> {
    let mut store = Store::open(location)?;
    let hash = current.map(|c| c.hash.clone());
    let filter = Filter {
        scenario: q.scenario.clone(),
        team: q.team.clone(),
        scenario_hash: if q.this_version && q.scenario.is_some() {
            hash.clone()
        } else {
            None
        },
        since: q.period.days().map(|d| now - d * 86_400),
        // A workshop room is not a player on the board.
        solo: true,
        ..Default::default()
    };
    let other_versions = match (&q.scenario, &hash) {
        (Some(id), Some(h)) if q.this_version => store
            .versions(id)?
            .iter()
            .filter(|v| &v.scenario_hash != h)
            .map(|v| v.sessions)
            .sum(),
        _ => 0,
    };
    Ok(BoardData {
        standings: store.leaderboard(&filter, q.measure, BOARD_SIZE)?,
        points: store.points(&filter)?,
        teams: store.teams()?,
        other_versions,
    })
}

fn choices(library: &Library, lang: Lang) -> Vec<Choice> {
    library
        .playable()
        .map(|b| Choice {
            id: b.id().to_string(),
            title: b.scenario.title.get(lang).to_string(),
            hash: b.hash.clone(),
        })
        .collect()
}

fn refresh(
    mut board: ResMut<TeamBoard>,
    records: Res<Records>,
    library: Res<Library>,
    settings: Res<Settings>,
) {
    let key = (
        board.query.clone(),
        records.generation,
        records.location.clone(),
    );
    if board.loaded.as_ref() == Some(&key) {
        return;
    }
    let all = choices(&library, settings.lang);
    let current = board
        .query
        .scenario
        .as_ref()
        .and_then(|id| all.iter().find(|c| &c.id == id));
    let result = records
        .location
        .as_deref()
        .map(|loc| load(loc, &board.query, current, crate::calendar::now()));
    match result {
        Some(Ok(data)) => {
            board.data = data;
            board.error = None;
        }
        Some(Err(e)) => {
            warn!("{e}");
            board.error = Some(e.to_string());
        }
        None => {
            board.data = BoardData::default();
            board.error = None;
        }
    }
    board.loaded = Some(key);
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
    let action = egui::CentralPanel::default()
        .show(&mut root, |ui| {
            let view = TeamView {
                lang: settings.lang,
                me: &settings.player,
                choices: &all,
                data: &board.data,
                error: board.error.as_deref(),
                shared,
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
    pub choices: &'a [Choice],
    pub data: &'a BoardData,
    pub error: Option<&'a str>,
    /// A shared (team) database, not this computer's file.
    pub shared: bool,
}

fn filters(ui: &mut egui::Ui, v: &TeamView, q: &mut BoardQuery) {
    let lang = v.lang;
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("Scenario:").strong());
        ui.selectable_value(&mut q.scenario, None, tr(lang, "alle", "all"));
        for c in v.choices {
            ui.selectable_value(
                &mut q.scenario,
                Some(c.id.clone()),
                crate::text::shorten(&c.title, 30),
            );
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(tr(lang, "Rangschik op (M):", "Rank by (M):")).strong());
        for m in Measure::ALL {
            ui.selectable_value(&mut q.measure, m, m.label().get(lang));
        }
        ui.add_space(16.0);
        ui.label(egui::RichText::new(tr(lang, "Periode (P):", "Period (P):")).strong());
        for p in Period::ALL {
            ui.selectable_value(&mut q.period, p, p.label(lang));
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("Team:").strong());
        let all = tr(lang, "alle teams", "all teams");
        egui::ComboBox::from_id_salt("team-filter")
            .selected_text(q.team.clone().unwrap_or_else(|| all.to_string()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut q.team, None, all);
                for t in &v.data.teams {
                    let shown = if t.is_empty() {
                        tr(lang, "(geen team)", "(no team)").to_string()
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
                tr(
                    lang,
                    "alleen de huidige versie van het scenario",
                    "only the scenario's current version",
                ),
            );
            if v.data.other_versions > 0 {
                ui.label(
                    egui::RichText::new(format!(
                        "({} {})",
                        v.data.other_versions,
                        tr(
                            lang,
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
            egui::RichText::new(tr(lang, "gelijk", "steady")).color(theme::MUTED)
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
                        tr(lang, "Speler", "Player"),
                        "Team",
                        tr(lang, "Beste", "Best"),
                        tr(lang, "Gemiddeld", "Mean"),
                        tr(lang, "Gesprekken", "Sessions"),
                        "Trend",
                        tr(lang, "Laatst", "Last"),
                    ] {
                        ui.label(egui::RichText::new(h).strong());
                    }
                    ui.end_row();
                    for (i, (s, t)) in v.data.standings.iter().zip(trends).enumerate() {
                        let me = s.player == v.me;
                        let name = egui::RichText::new(&s.player);
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
                            .on_hover_text(tr(
                                lang,
                                "gemiddelde van de laatste drie gesprekken min dat van de eerste drie in deze periode",
                                "mean of the last three sessions minus that of the first three in this period",
                            ));
                        ui.label(
                            crate::calendar::Date::from_days(s.last.div_euclid(86_400))
                                .short(lang),
                        );
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
        tr(
            lang,
            "Team — ranglijst (gedeelde database)",
            "Team — leaderboard (shared database)",
        )
    } else {
        tr(
            lang,
            "Team — ranglijst (deze computer)",
            "Team — leaderboard (this computer)",
        )
    };
    let action = header(ui, lang, title.to_string(), Screen::History);
    if let Some(e) = v.error {
        super::warning(ui, e);
    }
    filters(ui, v, q);
    ui.separator();
    if v.data.standings.is_empty() {
        ui.label(tr(
            lang,
            "Geen gesprekken in deze selectie. Kies een langere periode of een ander team.",
            "No sessions in this selection. Choose a longer period or another team.",
        ));
        return action;
    }
    egui::Panel::right("team-chart")
        .resizable(false)
        .exact_size((ui.available_width() * 0.45).clamp(320.0, 620.0))
        .show(ui, |ui| {
            ui.label(
                egui::RichText::new(format!(
                    "{} — {}",
                    tr(lang, "Verloop", "Progress"),
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
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    fn standing(player: &str, best: u8) -> Standing {
        Standing {
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
        let choices = vec![Choice {
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
                    };
                    ui_team(ui, &v, q);
                },
                BoardQuery::default(),
            );
        harness.run();
        assert!(harness.query_all_by_label("Bram").count() >= 1);
        assert!(harness.query_by_label("+40").is_some(), "Anouk's trend");
        assert!(harness.query_by_label("−20").is_some(), "Bram's trend");
        harness.get_by_label("Agreement").click();
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
    fn load_filters_by_version_team_and_period() {
        let dir = std::env::temp_dir().join(format!("dojo-team-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let loc = dir.join("r.sqlite3").display().to_string();
        let mut store = Store::open(&loc).unwrap();
        let now = 100 * 86_400;
        for (player, team, hash, overall, ago_days) in [
            ("Anouk", "Noord", "v2", 70, 1),
            ("Anouk", "Noord", "v2", 90, 2),
            ("Bram", "Zuid", "v2", 80, 3),
            ("Chris", "Noord", "v1", 99, 4),
            ("Dana", "Noord", "v2", 95, 40),
        ] {
            let mut s = crate::store::Session {
                id: 0,
                key: crate::store::new_key(),
                player: player.into(),
                team: team.into(),
                scenario: "ostrich".into(),
                scenario_hash: hash.into(),
                title: "T".into(),
                seed: 1,
                choices: vec![],
                plan: None,
                ending: crate::scenario::Ending::from_key("arrangement"),
                scores: point(player, 0, overall).scores,
                findings: Vec::new(),
                started: 0,
                ended: now - ago_days * 86_400,
                room: None,
            };
            s.started = s.ended - 60;
            store.insert(&s).unwrap();
        }
        let current = Choice {
            id: "ostrich".into(),
            title: "T".into(),
            hash: "v2".into(),
        };
        let q = BoardQuery {
            scenario: Some("ostrich".into()),
            team: Some("Noord".into()),
            ..Default::default()
        };
        let d = load(&loc, &q, Some(&current), now).unwrap();
        let names: Vec<&str> = d.standings.iter().map(|s| s.player.as_str()).collect();
        assert_eq!(
            names,
            vec!["Anouk"],
            "Bram is in Zuid, Chris on v1, Dana too long ago"
        );
        assert_eq!(d.other_versions, 1);
        assert_eq!(d.points.len(), 2);
        assert_eq!(d.teams, vec!["Noord", "Zuid"]);
        let all_versions = BoardQuery {
            this_version: false,
            period: Period::All,
            ..q
        };
        let d = load(&loc, &all_versions, Some(&current), now).unwrap();
        let names: Vec<&str> = d.standings.iter().map(|s| s.player.as_str()).collect();
        assert_eq!(names, vec!["Chris", "Dana", "Anouk"]);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
