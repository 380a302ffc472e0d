//! Headless Bevy tests of the game's logic: `MinimalPlugins` + `StatesPlugin` + `AssetPlugin`
//! with the game's logic plugin, update loops capped. The screen flow, the scenario asset
//! loader, and hot reload including a broken edit.
#![cfg(feature = "game")]

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use collector_dojo::Plan;
use collector_dojo::game::library::Library;
use collector_dojo::game::records::{DataDir, Records};
use collector_dojo::game::session::Notice;
use collector_dojo::game::settings::SettingsDir;
use collector_dojo::game::{self, Action, Screen, Session};
use std::path::{Path, PathBuf};
use std::time::Duration;

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dojo-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn app(scenarios: &Path, data: &Path) -> App {
    let mut app = App::new();
    game::register_scenario_source(&mut app, scenarios);
    app.insert_resource(SettingsDir(None))
        .insert_resource(DataDir(Some(data.to_path_buf())));
    app.add_plugins((
        MinimalPlugins,
        StatesPlugin,
        AssetPlugin {
            file_path: data.to_string_lossy().into_owned(),
            watch_for_changes_override: Some(true),
            ..default()
        },
    ));
    app.add_plugins(game::logic_plugin);
    app
}

/// Updates until `done` holds; false after `frames` updates (never hangs a failing test).
fn until(app: &mut App, frames: usize, done: impl Fn(&World) -> bool) -> bool {
    for _ in 0..frames {
        app.update();
        if done(app.world()) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    false
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn act(app: &mut App, action: Action) {
    app.world_mut().write_message(action);
    app.update();
    app.update();
}

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

#[test]
fn loader_reads_every_shipped_scenario() {
    let data = temp("loader");
    let mut app = app(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios"),
        &data,
    );
    assert!(
        until(&mut app, 500, |w| w
            .resource::<Library>()
            .playable()
            .count()
            == crate::SHIPPED.len()),
        "every shipped scenario loads"
    );
    let lib = app.world().resource::<Library>();
    assert_eq!(lib.errors().count(), 0);
    for id in crate::SHIPPED {
        assert!(lib.get(id).is_some(), "{id}");
    }
}

#[test]
fn screen_flow_from_title_to_debrief_and_back() {
    let data = temp("flow");
    let mut app = app(&fixture_dir(), &data);
    assert!(until(&mut app, 500, |w| w
        .resource::<Library>()
        .get("mini")
        .is_some()));
    assert_eq!(screen(&app), Screen::Title);
    act(&mut app, Action::Go(Screen::Picker));
    assert_eq!(screen(&app), Screen::Picker);
    act(&mut app, Action::StartSeeded("mini".into(), 4, None));
    assert_eq!(screen(&app), Screen::Conversation);
    act(&mut app, Action::Choose("nonsense".into()));
    let notice = app
        .world()
        .resource::<Notice>()
        .0
        .clone()
        .unwrap_or_default();
    assert!(
        notice.contains("unknown choice `nonsense`") && notice.contains("ask"),
        "{notice}"
    );
    assert_eq!(screen(&app), Screen::Conversation);
    act(&mut app, Action::Choose("ask".into()));
    act(&mut app, Action::Choose("together".into()));
    assert_eq!(screen(&app), Screen::Negotiation);
    act(
        &mut app,
        Action::Propose(Plan {
            amount: 50.0,
            count: 6,
            days: 10,
        }),
    );
    assert_eq!(
        screen(&app),
        Screen::Conversation,
        "the accept node has options"
    );
    act(&mut app, Action::Choose("thank".into()));
    assert_eq!(screen(&app), Screen::Debrief);
    let overall = app
        .world()
        .resource::<Session>()
        .assessment
        .as_ref()
        .map(|a| a.scores.overall);
    // Good, not excellent: this call never says what is owed (README: no excellence with a slip).
    assert!(
        overall.is_some_and(|o| (60..80).contains(&o)),
        "{overall:?}"
    );
    // The finished session is stored, on disk too.
    assert_eq!(app.world().resource::<Records>().all_mine().len(), 1);
    let stored = collector_dojo::store::Store::open(data.join("results.sqlite3").to_str().unwrap())
        .and_then(|mut s| s.sessions(&Default::default()))
        .expect("the results database holds it");
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].scenario, "mini");
    assert_eq!(Some(stored[0].scores.overall), overall, "stored as scored");
    act(&mut app, Action::ReplayFrom(2));
    assert_eq!(screen(&app), Screen::Conversation);
    assert_eq!(
        app.world().resource::<Session>().conv.turns().len(),
        1,
        "turn 1 kept, playing on from turn 2"
    );
    act(&mut app, Action::Retry);
    assert_eq!(app.world().resource::<Session>().conv.turns().len(), 0);
    act(&mut app, Action::Go(Screen::History));
    assert_eq!(screen(&app), Screen::History);
    act(&mut app, Action::Start("no-such".into()));
    let notice = app
        .world()
        .resource::<Notice>()
        .0
        .clone()
        .unwrap_or_default();
    assert!(
        notice.contains("no playable scenario `no-such`") && notice.contains("mini"),
        "{notice}"
    );
}

#[test]
fn hot_reload_takes_good_edits_and_keeps_the_last_good_version_on_a_broken_one() {
    let dir = temp("hot");
    let data = temp("hot-data");
    let file = dir.join("mini.scenario.ron");
    let original =
        std::fs::read_to_string(fixture_dir().join("mini.scenario.ron")).expect("fixture");
    std::fs::write(&file, &original).expect("copy");
    let mut app = app(&dir, &data);
    let title = |w: &World| {
        w.resource::<Library>()
            .get("mini")
            .map(|b| b.scenario.title.en.clone())
    };
    assert!(until(&mut app, 500, |w| title(w).is_some()));
    assert_eq!(title(app.world()).as_deref(), Some("Mini"));

    std::fs::write(
        &file,
        original.replace("en: \"Mini\"", "en: \"Mini, edited\""),
    )
    .expect("edit");
    assert!(
        until(&mut app, 1000, |w| title(w).as_deref()
            == Some("Mini, edited")),
        "a good edit is picked up"
    );

    std::fs::write(
        &file,
        original
            .replace("en: \"Mini\"", "en: \"Broken\"")
            .replace("difficulty: 1,", "difficulty: 1"),
    )
    .expect("break");
    let error = |w: &World| w.resource::<Library>().errors().next().map(str::to_string);
    assert!(
        until(&mut app, 1000, |w| error(w).is_some()),
        "the broken edit is reported"
    );
    let message = error(app.world()).unwrap_or_default();
    assert!(
        message.contains("mini.scenario.ron:6:5: Expected comma"),
        "{message}"
    );
    assert_eq!(
        title(app.world()).as_deref(),
        Some("Mini, edited"),
        "the last good version stays playable"
    );

    std::fs::write(&file, &original).expect("fix");
    assert!(
        until(&mut app, 1000, |w| error(w).is_none()
            && title(w).as_deref() == Some("Mini")),
        "fixing it clears the error"
    );
}

#[test]
fn the_database_and_player_in_the_settings_choose_whose_sessions_are_shown() {
    use collector_dojo::game::settings::Settings;
    use collector_dojo::store::{Store, StoredSession, new_key};
    let data = temp("settings-db");
    let team_db = data.join("team.sqlite3").display().to_string();
    {
        let mut store = Store::open(&team_db).expect("creates");
        for (player, overall) in [("Anouk", 70), ("Anouk", 90), ("Bram", 40)] {
            store
                .insert(&StoredSession {
                    draw: 0,
                    coach: Default::default(),
                    id: 0,
                    key: new_key(),
                    player: player.into(),
                    team: "Noord".into(),
                    scenario: "mini".into(),
                    scenario_hash: "h".into(),
                    title: "Mini".into(),
                    seed: 1,
                    choices: vec![],
                    plan: None,
                    ending: collector_dojo::scenario::Ending::from_key("arrangement"),
                    scores: collector_dojo::score::Scores {
                        empathy: overall,
                        fact_gathering: overall,
                        agreement: overall,
                        compliance: overall,
                        overall,
                    },
                    findings: Vec::new(),
                    started: 1,
                    ended: 2,
                    room: None,
                })
                .expect("inserts");
        }
    }
    let mut app = app(&fixture_dir(), &data);
    app.update();
    let records = |app: &App| {
        let r = app.world().resource::<Records>();
        (r.location.clone(), r.all_mine().len())
    };
    assert_eq!(
        records(&app),
        (Some(data.join("results.sqlite3").display().to_string()), 0),
        "the local file by default"
    );
    {
        let mut s = app.world_mut().resource_mut::<Settings>();
        s.db = team_db.clone();
        s.player = "Anouk".into();
    }
    app.update();
    assert_eq!(records(&app), (Some(team_db.clone()), 2));
    assert_eq!(
        app.world()
            .resource::<Records>()
            .best("mini")
            .map(|s| s.scores.overall),
        Some(90)
    );
    app.world_mut().resource_mut::<Settings>().player = "Bram".into();
    app.update();
    assert_eq!(records(&app), (Some(team_db), 1));
}

#[test]
fn a_workshop_plays_its_steps_in_the_room_and_stores_the_votes() {
    use collector_dojo::game::WorkshopRun;
    use collector_dojo::workshop::{Tally, Workshop};
    let data = temp("workshop");
    let mut app = app(&fixture_dir(), &data);
    assert!(until(&mut app, 500, |w| w
        .resource::<Library>()
        .get("mini")
        .is_some()));
    let plan = Workshop::parse(
        r#"(title: "Proef", players: ["Anouk"], steps: [(scenario: "mini", seed: 2), (scenario: "mini", seed: 3)])"#,
        Path::new("proef.workshop.ron"),
        &["mini".to_string()],
    )
    .expect("plan");
    act(&mut app, Action::StartWorkshop(plan));
    assert_eq!(screen(&app), Screen::Room, "the projected room screen");
    assert_eq!(
        app.world().resource::<Session>().conv.seed(),
        2,
        "the step's seed"
    );
    // The room votes 4–1 for `ask`; the screen would push the tally as it plays.
    let vote = |app: &mut App, turn: usize, options: &[&str], counts: Vec<u32>, play: usize| {
        let mut t = Tally::new(turn, options.iter().map(|s| s.to_string()).collect());
        t.counts = counts;
        t.play(play);
        let id = t.chosen.clone();
        app.world_mut()
            .resource_mut::<WorkshopRun>()
            .tallies
            .push(t);
        act(app, Action::Choose(id));
    };
    vote(&mut app, 1, &["ask", "threat", "waive"], vec![4, 1, 0], 0);
    vote(&mut app, 2, &["together", "fill", "info"], vec![5, 0, 2], 0);
    assert_eq!(screen(&app), Screen::Negotiation);
    act(
        &mut app,
        Action::Propose(Plan {
            amount: 50.0,
            count: 6,
            days: 10,
        }),
    );
    while screen(&app) == Screen::Room {
        let turn = app.world().resource::<Session>().conv.turns().len() + 1;
        let options: Vec<String> = app
            .world()
            .resource::<Session>()
            .conv
            .options()
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        let refs: Vec<&str> = options.iter().map(String::as_str).collect();
        // The trainer overrides a split room.
        let counts = vec![1; refs.len()];
        vote(&mut app, turn, &refs, counts, 0);
    }
    assert_eq!(screen(&app), Screen::RoomDebrief, "the group debrief");
    let stored = collector_dojo::store::Store::open(data.join("results.sqlite3").to_str().unwrap())
        .and_then(|mut s| s.sessions(&Default::default()))
        .expect("stored");
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].player, "Zaal · Proef");
    let room = stored[0].room.clone().expect("the room's votes");
    assert_eq!(room.workshop.as_deref(), Some("proef"));
    assert_eq!(room.players, vec!["Anouk"]);
    assert_eq!(room.tallies[0].counts, vec![4, 1, 0]);
    assert!(!room.tallies[0].overridden);
    assert!(
        room.tallies.last().is_some_and(|t| t.overridden),
        "a split room is an override"
    );
    act(&mut app, Action::NextStep);
    assert_eq!(screen(&app), Screen::Room);
    assert_eq!(app.world().resource::<Session>().conv.seed(), 3, "step two");
    assert!(app.world().resource::<WorkshopRun>().tallies.is_empty());
    act(&mut app, Action::NextStep);
    assert_eq!(screen(&app), Screen::Title, "after the last step");
    assert!(app.world().get_resource::<WorkshopRun>().is_none());
}

#[test]
fn retry_keeps_the_customer_and_new_customer_draws_another() {
    let data = temp("draws");
    let scenarios = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut app = app(&scenarios, &data);
    assert!(until(&mut app, 500, |w| w
        .resource::<collector_dojo::game::library::Library>()
        .get("cant-pay")
        .is_some()));
    act(&mut app, Action::StartSeeded("cant-pay".into(), 5, Some(3)));
    let draw = |app: &App| app.world().resource::<Session>().conv.book().draw().index;
    assert_eq!(draw(&app), 3, "the pinned customer");
    for _ in 0..5 {
        act(&mut app, Action::Retry);
        assert_eq!(draw(&app), 3, "Retry meets the same customer");
    }
    for _ in 0..5 {
        let before = draw(&app);
        act(&mut app, Action::NewCustomer);
        assert_ne!(draw(&app), before, "a new customer is another draw");
    }
    // A pinned draw the scenario does not have is explained, not a crash.
    act(
        &mut app,
        Action::StartSeeded("cant-pay".into(), 5, Some(60)),
    );
    let notice = app
        .world()
        .resource::<Notice>()
        .0
        .clone()
        .unwrap_or_default();
    assert!(
        notice.contains("cant-pay has no draw 60: its draws are 0–5"),
        "{notice}"
    );
}
