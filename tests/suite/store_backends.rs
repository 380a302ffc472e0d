//! The same store tests on both backends: SQLite in a temp file, and a real PostgreSQL server
//! (`scripts/postgres.sh` starts one; `COLLECTOR_DOJO_TEST_PG` names another). Outside CI the
//! PostgreSQL half skips with a message when no server answers; with `CI=true` it must run.
//!
//! Each PostgreSQL test works in its own schema, so tests run in parallel on one database.

use collector_dojo::score::Scores;
use collector_dojo::store::{
    Filter, Measure, SCHEMA_VERSION, Store, StoreError, StoredSession, new_key,
};
use std::collections::BTreeSet;
use std::process::Command;
use std::sync::{Arc, Barrier};
use std::time::Duration;

const DEFAULT_PG: &str = "postgres://dojo:dojo@localhost/dojo_test";

fn pg_base() -> String {
    std::env::var("COLLECTOR_DOJO_TEST_PG").unwrap_or_else(|_| DEFAULT_PG.to_string())
}

/// A fresh, empty schema on the test server as a URL, or `None` (with a message) when no
/// server answers outside CI.
fn pg(name: &str) -> Option<String> {
    let base = pg_base();
    let mut config: postgres::Config = base.parse().expect("COLLECTOR_DOJO_TEST_PG is a URL");
    config.connect_timeout(Duration::from_secs(3));
    let mut client = match config.connect(postgres::NoTls) {
        Ok(c) => c,
        Err(e) => {
            let cause = std::error::Error::source(&e).map(|c| format!(": {c}"));
            let why = format!(
                "no PostgreSQL server at {base} ({e}{}); run `bash scripts/postgres.sh` or set COLLECTOR_DOJO_TEST_PG",
                cause.unwrap_or_default()
            );
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("CI must run the PostgreSQL tests: {why}");
            }
            eprintln!("SKIPPED {name} on PostgreSQL: {why}");
            return None;
        }
    };
    let schema = format!("t_{name}_{}", std::process::id());
    client
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema};"
        ))
        .expect("creates a test schema");
    let sep = if base.contains('?') { '&' } else { '?' };
    Some(format!("{base}{sep}options=-c%20search_path%3D{schema}"))
}

fn sqlite(name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("dojo-backends-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join("r.sqlite3").display().to_string()
}

/// Both backends' locations for a test (PostgreSQL only when reachable).
fn backends(name: &str) -> Vec<String> {
    let mut v = vec![sqlite(name)];
    v.extend(pg(name));
    v
}

fn session(player: &str, team: &str, scenario: &str, overall: u8, ended: i64) -> StoredSession {
    StoredSession {
        draw: 0,
        coach: Default::default(),
        id: 0,
        key: new_key(),
        player: player.into(),
        team: team.into(),
        scenario: scenario.into(),
        scenario_hash: "v1".into(),
        title: format!("Scenario {scenario}"),
        seed: u64::MAX - ended as u64,
        choices: vec!["call".into(), "o_warm".into()],
        plan: Some(collector_dojo::plan::Plan {
            amount: 40.5,
            count: 12,
            days: 14,
        }),
        ending: collector_dojo::scenario::Ending::from_key("arrangement"),
        scores: Scores {
            empathy: overall.saturating_sub(5),
            fact_gathering: overall / 2,
            agreement: 100 - overall,
            compliance: 100,
            overall,
        },
        findings: vec![
            collector_dojo::store::StoredFinding {
                turn: 1,
                principle: collector_dojo::scenario::Principle::Connect,
                verdict: collector_dojo::score::Verdict::Credit,
                dimension: collector_dojo::score::Dimension::Empathy,
                points: 0,
                note: collector_dojo::store::StoredNote::Typed(collector_dojo::score::Note::Code(
                    collector_dojo::scenario::Code::Reflection,
                )),
            },
            collector_dojo::store::StoredFinding {
                turn: 5,
                principle: collector_dojo::scenario::Principle::AffordablePlan,
                verdict: collector_dojo::score::Verdict::Debit,
                dimension: collector_dojo::score::Dimension::Agreement,
                points: 0,
                note: collector_dojo::store::StoredNote::Typed(
                    collector_dojo::score::Note::PlanUnaffordable {
                        amount: 100.5,
                        capacity: 40.0,
                        days: 7,
                        start: 14,
                    },
                ),
            },
        ],
        started: ended - 300,
        ended,
        room: None,
    }
}

#[test]
fn sessions_round_trip_and_a_retried_write_is_not_a_duplicate() {
    for loc in backends("roundtrip") {
        let mut s = Store::open(&loc).expect("opens");
        assert_eq!(s.schema_version().expect("version"), SCHEMA_VERSION);
        let one = session("Anouk", "Noord", "ostrich", 82, 1_000);
        let id = s.insert(&one).expect("inserts");
        assert!(id > 0);
        assert_eq!(
            s.insert(&one).expect("a retry succeeds"),
            id,
            "{loc}: the same key gives the same row"
        );
        // A workshop room's session keeps its players and votes.
        let mut room = session("De zaal", "Noord", "ostrich", 64, 1_100);
        let mut tally = collector_dojo::workshop::Tally::new(2, vec!["a".into(), "b".into()]);
        tally.counts = vec![3, 9];
        tally.play(0);
        room.room = Some(collector_dojo::workshop::Room {
            workshop: Some("intro".into()),
            players: vec!["Anouk".into(), "Bram".into()],
            tallies: vec![tally],
        });
        let room_id = s.insert(&room).expect("inserts the room's session");
        let back = s.sessions(&Filter::default()).expect("reads");
        assert_eq!(
            back,
            vec![
                StoredSession { id, ..one },
                StoredSession {
                    id: room_id,
                    ..room
                }
            ],
            "{loc}"
        );
        // Reopening finds the same data and does not migrate again.
        let mut again = Store::open(&loc).expect("reopens");
        assert_eq!(again.sessions(&Filter::default()).unwrap().len(), 2);
        assert_eq!(again.schema_version().unwrap(), SCHEMA_VERSION);
    }
}

#[test]
fn filters_leaderboards_points_versions_and_teams() {
    for loc in backends("queries") {
        let mut s = Store::open(&loc).expect("opens");
        let day = 86_400;
        for (player, team, scenario, overall, ended) in [
            ("Anouk", "Noord", "ostrich", 60, day),
            ("Anouk", "Noord", "ostrich", 90, 3 * day),
            ("Bram", "Noord", "ostrich", 90, 2 * day),
            ("Bram", "Noord", "ostrich", 70, 4 * day),
            ("Chris", "Zuid", "ostrich", 95, 5 * day),
            ("Chris", "Zuid", "cant-pay", 40, 6 * day),
        ] {
            s.insert(&session(player, team, scenario, overall, ended))
                .expect("inserts");
        }
        let mut changed = session("Dana", "Zuid", "ostrich", 99, 7 * day);
        changed.scenario_hash = "v2".into();
        s.insert(&changed).unwrap();
        // Another customer of the same scenario (a draw): kept, and filtered on.
        let mut other = session("Eva", "Zuid", "dispute", 50, 8 * day);
        other.draw = 4;
        s.insert(&other).unwrap();
        let on_four = Filter {
            draw: Some(4),
            ..Default::default()
        };
        let found = s.sessions(&on_four).expect("filters on the draw");
        assert_eq!(
            found
                .iter()
                .map(|x| (x.player.as_str(), x.draw))
                .collect::<Vec<_>>(),
            [("Eva", 4)],
            "{loc}"
        );
        let board = s
            .leaderboard(
                &Filter {
                    scenario: Some("dispute".into()),
                    ..Default::default()
                },
                Measure::Overall,
                10,
            )
            .expect("a board per customer");
        assert_eq!(board[0].draw, Some(4), "{loc}");

        let ostrich_v1 = Filter {
            scenario: Some("ostrich".into()),
            scenario_hash: Some("v1".into()),
            ..Default::default()
        };
        let board = s
            .leaderboard(&ostrich_v1, Measure::Overall, 10)
            .expect("leaderboard");
        let order: Vec<(&str, u8)> = board.iter().map(|r| (r.player.as_str(), r.best)).collect();
        // Anouk and Bram tie on a best of 90; Bram's mean (80) is above Anouk's (75).
        assert_eq!(
            order,
            vec![("Chris", 95), ("Bram", 90), ("Anouk", 90)],
            "{loc}"
        );
        assert_eq!(board[1].sessions, 2);
        assert!(
            (board[1].mean - 80.0).abs() < 1e-9,
            "{loc}: {}",
            board[1].mean
        );
        assert_eq!(board[1].last, 4 * day);

        let noord_early = Filter {
            team: Some("Noord".into()),
            since: Some(2 * day),
            until: Some(4 * day),
            ..ostrich_v1.clone()
        };
        let board = s.leaderboard(&noord_early, Measure::Agreement, 10).unwrap();
        // In [day 2, day 4): Bram 90 (agreement 10), Anouk 90 (agreement 10).
        assert_eq!(board.len(), 2, "{loc}: {board:?}");
        assert!(board.iter().all(|r| r.best == 10 && r.team == "Noord"));
        assert_eq!(
            s.leaderboard(&ostrich_v1, Measure::Overall, 1)
                .unwrap()
                .len(),
            1,
            "limit"
        );

        let anouk = s
            .points(&Filter {
                player: Some("Anouk".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(
            anouk
                .iter()
                .map(|p| (p.ended, p.scores.overall))
                .collect::<Vec<_>>(),
            vec![(day, 60), (3 * day, 90)],
            "oldest first"
        );

        let versions = s.versions("ostrich").unwrap();
        assert_eq!(versions.len(), 2);
        assert_eq!(
            (versions[0].scenario_hash.as_str(), versions[0].sessions),
            ("v2", 1),
            "the latest version first"
        );
        assert_eq!(versions[1].sessions, 5);
        assert_eq!(s.teams().unwrap(), vec!["Noord", "Zuid"]);
        assert_eq!(
            s.sessions(&Filter {
                team: Some("Zuid".into()),
                scenario: Some("ostrich".into()),
                ..Default::default()
            })
            .unwrap()
            .len(),
            2
        );
    }
}

/// Twenty players finish at the same moment, each from their own connection (and the first
/// open of an empty database races the migrations); each also retries once, as a client does
/// after a network error. Every session is stored exactly once.
#[test]
fn twenty_players_finishing_at_once_lose_and_duplicate_nothing() {
    for loc in backends("twenty") {
        let players = 20;
        let gate = Arc::new(Barrier::new(players));
        let threads: Vec<_> = (0..players)
            .map(|i| {
                let loc = loc.clone();
                let gate = gate.clone();
                std::thread::spawn(move || {
                    let mut store = Store::open_with_timeout(&loc, Duration::from_secs(30))
                        .unwrap_or_else(|e| panic!("player {i}: {e}"));
                    let mine = session(
                        &format!("speler-{i:02}"),
                        if i % 2 == 0 { "Noord" } else { "Zuid" },
                        "cant-pay",
                        (50 + i) as u8,
                        10_000,
                    );
                    gate.wait();
                    let id = store
                        .insert(&mine)
                        .unwrap_or_else(|e| panic!("player {i}: {e}"));
                    let retry = store
                        .insert(&mine)
                        .unwrap_or_else(|e| panic!("player {i} retry: {e}"));
                    assert_eq!(id, retry);
                    (id, mine)
                })
            })
            .collect();
        let written: Vec<(i64, StoredSession)> = threads
            .into_iter()
            .map(|t| t.join().expect("a player's thread"))
            .collect();
        let mut store = Store::open(&loc).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let stored = store.sessions(&Filter::default()).unwrap();
        assert_eq!(stored.len(), players, "{loc}: one row per player");
        let ids: BTreeSet<i64> = stored.iter().map(|s| s.id).collect();
        assert_eq!(ids.len(), players, "distinct ids");
        for (id, mine) in written {
            let row = stored
                .iter()
                .find(|s| s.id == id)
                .unwrap_or_else(|| panic!("{loc}: {} lost", mine.player));
            assert_eq!(row, &StoredSession { id, ..mine });
        }
    }
}

#[test]
fn an_older_schema_is_upgraded_with_its_sessions_kept() {
    // SQLite: a version-1 file (before session keys), written directly.
    let path = sqlite("upgrade");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied INTEGER NOT NULL);
             INSERT INTO schema_migrations VALUES (1, 0);
             CREATE TABLE sessions (id INTEGER PRIMARY KEY AUTOINCREMENT, player TEXT NOT NULL, team TEXT NOT NULL,
               scenario TEXT NOT NULL, scenario_hash TEXT NOT NULL, title TEXT NOT NULL, seed TEXT NOT NULL,
               choices TEXT NOT NULL, plan TEXT, ending TEXT NOT NULL, empathy INTEGER NOT NULL,
               fact_gathering INTEGER NOT NULL, agreement INTEGER NOT NULL, compliance INTEGER NOT NULL,
               overall INTEGER NOT NULL, findings TEXT NOT NULL, started INTEGER NOT NULL, ended INTEGER NOT NULL);
             INSERT INTO sessions VALUES (NULL, 'Anouk', 'Noord', 'ostrich', 'h', 'T', '7', '[\"call\"]', NULL,
               'hung_up', 1, 2, 3, 4, 5, '[]', 10, 20);",
        )
        .unwrap();
    }
    let mut s = Store::open(&path).expect("upgrades");
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    let rows = s.sessions(&Filter::default()).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].player.as_str(), rows[0].seed), ("Anouk", 7));
    assert_eq!(rows[0].key, "", "an old session has no key");
    // New sessions still get one each, and old keyless rows do not collide.
    s.insert(&session("Bram", "Zuid", "ostrich", 50, 30))
        .unwrap();
    assert_eq!(s.sessions(&Filter::default()).unwrap().len(), 2);
}

#[test]
fn postgres_refuses_a_newer_schema_and_a_foreign_sessions_table() {
    let Some(url) = pg("refuse") else { return };
    let mut s = Store::open(&url).expect("opens");
    s.insert(&session("A", "T", "x", 50, 1)).unwrap();
    drop(s);
    let mut c: postgres::Config = url.parse().unwrap();
    c.connect_timeout(Duration::from_secs(3));
    let mut client = c.connect(postgres::NoTls).unwrap();
    client
        .batch_execute("INSERT INTO schema_migrations VALUES (99, 0)")
        .unwrap();
    match Store::open(&url) {
        Err(e @ StoreError::TooNew { found: 99, .. }) => {
            assert!(e.to_string().contains("newer collector-dojo"))
        }
        other => panic!("expected TooNew, got {:?}", other.err()),
    }
    client
        .batch_execute("DROP TABLE schema_migrations")
        .unwrap();
    match Store::open(&url) {
        Err(e @ StoreError::Corrupt { .. }) => {
            assert!(e.to_string().contains("did not make"), "{e}")
        }
        other => panic!("expected Corrupt, got {:?}", other.err()),
    }
    let left: i64 = client
        .query_one("SELECT COUNT(*) FROM sessions", &[])
        .unwrap()
        .get(0);
    assert_eq!(left, 1, "nothing was changed");
}

#[test]
fn unreachable_and_wrong_servers_are_clear_errors_without_the_password() {
    for (url, expect) in [
        (
            "postgres://dojo:s3cret@127.0.0.1:9/dojo".to_string(),
            "cannot open the results database",
        ),
        (
            "postgres://dojo:s3cret@localhost:notaport/dojo".to_string(),
            "not a valid PostgreSQL URL",
        ),
    ] {
        match Store::open_with_timeout(&url, Duration::from_secs(2)) {
            Err(e) => {
                let text = e.to_string();
                assert!(text.contains(expect), "{text}");
                assert!(text.contains("postgres://dojo@"), "{text}");
                assert!(!text.contains("s3cret"), "the password leaked: {text}");
            }
            Ok(_) => panic!("{url} opened"),
        }
    }
    if pg("password").is_some() {
        let wrong = pg_base().replacen("dojo:dojo@", "dojo:wrong@", 1);
        match Store::open(&wrong) {
            Err(e @ StoreError::Open { .. }) => {
                assert!(e.to_string().contains("password"), "{e}")
            }
            other => panic!("expected Open, got {:?}", other.err()),
        }
    }
}

#[test]
fn the_command_line_stores_and_lists_on_postgres() {
    let Some(url) = pg("cli") else { return };
    let dojo = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_collector-dojo"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(args)
            .output()
            .expect("runs")
    };
    for (player, team) in [("Anouk", "Noord"), ("Bram", "Zuid")] {
        let out = dojo(&[
            "run",
            "ostrich",
            "--db",
            &url,
            "--choices",
            "call,records_show,threaten_def",
            "--seed",
            "1",
            "--player",
            player,
            "--team",
            team,
        ]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{err}");
        assert!(
            err.contains(&format!("for {player} in postgres://dojo@")),
            "{err}"
        );
    }
    let out = dojo(&[
        "results",
        "--db",
        &url,
        "--leaderboard",
        "compliance",
        "--format",
        "csv",
    ]);
    let csv = String::from_utf8_lossy(&out.stdout);
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(csv.starts_with("rank,player,team,measure,best,mean,sessions,last"));
    let out = dojo(&["results", "--db", &url, "--team", "Zuid"]);
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("Bram") && !table.contains("Anouk"),
        "{table}"
    );
}

/// Run as a child process by the test below: stores sessions one by one and prints each key
/// once its transaction has returned.
fn writer_child(loc: &str) -> ! {
    use std::io::Write;
    let mut store = Store::open(loc).expect("child opens");
    let out = std::io::stdout();
    for i in 0.. {
        let s = session(
            &format!("p{i}"),
            "Noord",
            "ostrich",
            (i % 100) as u8,
            1_000 + i,
        );
        store.insert(&s).expect("child inserts");
        let mut o = out.lock();
        let _ = writeln!(o, "stored {}", s.key);
        let _ = o.flush();
    }
    unreachable!()
}

/// A test's full name in this binary (its module path without the crate), for `--exact`.
fn test_name(name: &str) -> String {
    match module_path!().split_once("::") {
        Some((_, module)) => format!("{module}::{name}"),
        None => name.to_string(),
    }
}

/// Kill -9 a program in the middle of storing sessions, at three different moments: every
/// session it was told was stored is there, nothing else is half-written, and the database
/// opens (after SQLite's full page check) and takes new sessions.
#[test]
fn killing_a_writer_at_any_moment_loses_no_stored_session() {
    if let Ok(loc) = std::env::var("DOJO_WRITER_CHILD") {
        writer_child(&loc);
    }
    use std::io::BufRead;
    for loc in backends("kill") {
        let mut told = Vec::new();
        for stop_after in [5, 37, 120] {
            let mut child = Command::new(std::env::current_exe().expect("test binary"))
                .args([
                    "--exact",
                    &test_name("killing_a_writer_at_any_moment_loses_no_stored_session"),
                    "--nocapture",
                ])
                .env("DOJO_WRITER_CHILD", &loc)
                .stdout(std::process::Stdio::piped())
                .spawn()
                .expect("spawns the writer");
            let stdout = child.stdout.take().expect("stdout");
            let mut lines = std::io::BufReader::new(stdout).lines();
            let mut seen = 0;
            while seen < stop_after {
                let Some(Ok(line)) = lines.next() else { break };
                if let Some(key) = line.strip_prefix("stored ") {
                    told.push(key.to_string());
                    seen += 1;
                }
            }
            child.kill().expect("kill -9");
            let _ = child.wait();
            // Lines printed between the last read and the kill also count.
            for line in lines.map_while(Result::ok) {
                if let Some(key) = line.strip_prefix("stored ") {
                    told.push(key.to_string());
                }
            }
            assert!(seen == stop_after, "{loc}: the writer stopped early");
        }
        let mut store = Store::open(&loc).expect("opens after the kills");
        let stored: BTreeSet<String> = store
            .sessions(&Filter::default())
            .expect("reads")
            .into_iter()
            .map(|s| s.key)
            .collect();
        for key in &told {
            assert!(stored.contains(key), "{loc}: session {key} was lost");
        }
        assert!(
            stored.len() <= told.len() + 3,
            "{loc}: at most the one in flight per kill is extra ({} stored, {} told)",
            stored.len(),
            told.len()
        );
        store
            .insert(&session("after", "Noord", "ostrich", 50, 1))
            .expect("takes new sessions");
    }
}
