//! The results store and `collector-dojo results`: sessions stored by `run --player`, listed
//! as table, CSV, JSON and xAPI, filtered; and the bad-database cases (corrupt, foreign,
//! newer schema, locked) give clear errors and leave the file unchanged.

use collector_dojo::store::{Filter, Store, StoreError, StoredSession};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dojo-results-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

use crate::dojo;

const EXPERT: [&str; 6] = [
    "--choices",
    "call,o_warm,h_reflect,st_figures,fi_summarize,fu_capacity,w_refer,y_confirm",
    "--plan",
    "40:15:14",
    "--seed",
    "3",
];

fn play(db: &Path, player: &str, team: &str) {
    let mut args = vec![
        "run",
        "cant-pay",
        "--db",
        db.to_str().unwrap(),
        "--player",
        player,
        "--team",
        team,
    ];
    args.extend(EXPERT);
    let out = dojo(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("for {player} in")));
}

#[test]
fn run_stores_sessions_and_results_lists_them_in_every_format() {
    let dir = temp("formats");
    let db = dir.join("r.sqlite3");
    play(&db, "Anouk", "Noord");
    play(&db, "Bram", "Zuid");
    let out = dojo(&[
        "run",
        "ostrich",
        "--db",
        db.to_str().unwrap(),
        "--choices",
        "call,records_show,threaten_def",
        // The customer as written: a driver drawn by a random seed may not hang up here.
        "--draw",
        "0",
        "--player",
        "Bram",
        "--team",
        "Zuid",
    ]);
    assert!(out.status.success());

    let json: Value = serde_json::from_slice(
        &dojo(&["results", "--db", db.to_str().unwrap(), "--format", "json"]).stdout,
    )
    .expect("json");
    let all = json.as_array().expect("array");
    assert_eq!(all.len(), 3);
    let first = &all[0];
    assert_eq!(first["player"], "Anouk");
    assert_eq!(first["scenario"], "cant-pay");
    assert_eq!(first["scores"]["overall"], 100);
    assert_eq!(
        first["seed"], "3",
        "the seed is a string: JavaScript rounds integers above 2^53"
    );
    assert_eq!(
        first["plan"],
        serde_json::json!({"amount": 40.0, "count": 15, "days": 14})
    );
    assert_eq!(first["choices"].as_array().map(|c| c.len()), Some(8));
    assert!(first["findings"].as_array().is_some_and(|f| !f.is_empty()));
    let src = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/cant-pay.scenario.ron"),
    )
    .unwrap();
    assert_eq!(
        first["scenario_hash"],
        collector_dojo::scenario::content_hash(&src),
        "the hash names the exact scenario version"
    );

    let bram = dojo(&[
        "results",
        "--db",
        db.to_str().unwrap(),
        "--player",
        "Bram",
        "--scenario",
        "ostrich",
    ]);
    let table = String::from_utf8_lossy(&bram.stdout);
    assert!(
        table.contains("hung_up") && table.contains("needs_work") && table.contains("1 session"),
        "{table}"
    );

    let csv = String::from_utf8_lossy(
        &dojo(&[
            "results",
            "--db",
            db.to_str().unwrap(),
            "--team",
            "Noord",
            "--format",
            "csv",
        ])
        .stdout,
    )
    .to_string();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 2, "{csv}");
    assert!(lines[0].starts_with("id,ended,started,player,team,scenario,"));
    assert!(
        lines[1].contains(",Anouk,Noord,cant-pay,") && lines[1].contains("\"call,o_warm,"),
        "choices are quoted: {csv}"
    );

    let xapi: Value = serde_json::from_slice(
        &dojo(&[
            "results",
            "--db",
            db.to_str().unwrap(),
            "--player",
            "Anouk",
            "--format",
            "xapi",
        ])
        .stdout,
    )
    .unwrap();
    let st = &xapi[0];
    assert_eq!(st["actor"]["name"], "Anouk");
    assert_eq!(st["verb"]["id"], "http://adlnet.gov/expapi/verbs/completed");
    assert!(
        st["object"]["id"]
            .as_str()
            .unwrap()
            .ends_with("/scenarios/cant-pay")
    );
    assert_eq!(st["result"]["score"]["scaled"], 1.0);
    assert_eq!(st["result"]["success"], true);
    let ext = st["result"]["extensions"].as_object().unwrap();
    for d in ["empathy", "fact_gathering", "agreement", "compliance"] {
        assert!(
            ext.keys().any(|k| k.ends_with(&format!("/{d}"))),
            "no {d} extension"
        );
    }
    let ts = st["timestamp"].as_str().unwrap();
    assert!(
        ts.len() == 20 && ts.ends_with('Z') && ts.as_bytes()[10] == b'T',
        "{ts}"
    );

    let future = dojo(&[
        "results",
        "--db",
        db.to_str().unwrap(),
        "--since",
        "2999-01-01",
        "--format",
        "json",
    ]);
    assert_eq!(String::from_utf8_lossy(&future.stdout).trim(), "[]");
    let bad = dojo(&[
        "results",
        "--db",
        db.to_str().unwrap(),
        "--since",
        "yesterday",
    ]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("YYYY-MM-DD"));
}

#[test]
fn a_failed_run_stores_nothing_and_creates_no_database() {
    let dir = temp("failed");
    let db = dir.join("r.sqlite3");
    let out = dojo(&[
        "run",
        "cant-pay",
        "--db",
        db.to_str().unwrap(),
        "--choices",
        "nonsense",
        "--player",
        "Anouk",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!db.exists());
}

#[test]
fn results_only_reads_and_creates_no_folder_or_database() {
    let dir = temp("read-only");
    let typo = dir.join("typo/a/b.sqlite3");
    let out = dojo(&["results", "--db", typo.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "no results database at {} (nothing has been stored there yet); check --db",
            typo.display()
        )),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).is_empty());
    assert!(!dir.join("typo").exists(), "no folder created");

    // A zero-length file stays zero-length.
    let empty = dir.join("empty.sqlite3");
    std::fs::write(&empty, b"").unwrap();
    for args in [&[][..], &["--leaderboard", "overall"][..]] {
        let mut all = vec!["results", "--db", empty.to_str().unwrap()];
        all.extend(args);
        let out = dojo(&all);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("empty.sqlite3") && err.contains("empty, not a results database"),
            "{err}"
        );
    }
    assert_eq!(std::fs::read(&empty).unwrap(), b"", "left byte-identical");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names, ["empty.sqlite3"], "nothing else created");

    // Writing still creates the folders and the database.
    play(&typo, "Anouk", "Noord");
    let out = dojo(&["results", "--db", typo.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 session"));
}

#[test]
fn a_corrupt_row_is_named_on_stderr_and_the_others_are_listed() {
    let dir = temp("bad-row");
    let db = dir.join("r.sqlite3");
    play(&db, "Anouk", "Noord");
    play(&db, "Bram", "Zuid");
    play(&db, "Cor", "Noord");
    let (id, key): (i64, String) = {
        let c = rusqlite::Connection::open(&db).unwrap();
        let row = c
            .query_row(
                "SELECT id, session_key FROM sessions WHERE player = 'Bram'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        c.execute(
            "UPDATE sessions SET findings = '[{\"turn\": 1,' WHERE id = ?1",
            [row.0],
        )
        .unwrap();
        row
    };
    let before = std::fs::read(&db).unwrap();
    let out = dojo(&["results", "--db", db.to_str().unwrap(), "--format", "json"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    let players: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["player"].as_str().unwrap())
        .collect();
    assert_eq!(players, ["Anouk", "Cor"], "every good row is listed");
    assert!(
        err.contains(&format!(
            "warning: {}: session {id} (key {key}) skipped: column findings: ",
            db.display()
        )),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "a read changes nothing"
    );

    // The table lists the two readable sessions too; a leaderboard (scores only) ranks all three.
    let table = dojo(&["results", "--db", db.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&table.stdout).contains("2 sessions"));
    assert!(String::from_utf8_lossy(&table.stderr).contains(&format!("session {id} ")));
    let board = dojo(&[
        "results",
        "--db",
        db.to_str().unwrap(),
        "--leaderboard",
        "overall",
    ]);
    assert!(String::from_utf8_lossy(&board.stdout).contains("3 players"));
}

#[test]
fn a_corrupt_or_foreign_database_is_reported_and_left_unchanged() {
    let dir = temp("corrupt");
    let junk = dir.join("junk.sqlite3");
    std::fs::write(
        &junk,
        b"this is not a database at all, just some text that is long enough",
    )
    .unwrap();
    let before = std::fs::read(&junk).unwrap();
    let out = dojo(&["results", "--db", junk.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("junk.sqlite3") && err.contains("corrupt") && err.contains("left unchanged"),
        "{err}"
    );
    assert_eq!(std::fs::read(&junk).unwrap(), before, "nothing written");

    let foreign = dir.join("other.sqlite3");
    rusqlite_like_foreign(&foreign);
    match Store::open(foreign.to_str().unwrap()) {
        Err(StoreError::Corrupt { reason, .. }) => {
            assert!(reason.contains("other tables (customers)"), "{reason}")
        }
        other => panic!("expected Corrupt, got {:?}", other.err()),
    }
}

/// A SQLite file that belongs to some other program.
fn rusqlite_like_foreign(path: &Path) {
    let mut s = Store::open(path.to_str().unwrap()).expect("creates");
    // Make it look foreign: drop our tables, add one of theirs.
    s.sessions(&Filter::default()).expect("empty");
    drop(s);
    let out = Command::new("python3")
        .args(["-c", &format!("import sqlite3; c=sqlite3.connect('{}'); c.executescript('DROP TABLE sessions; DROP TABLE schema_migrations; CREATE TABLE customers(id);'); c.commit()", path.display())])
        .output()
        .expect("python3 with sqlite3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_newer_schema_is_refused_and_a_locked_database_says_so() {
    let dir = temp("schema");
    let db = dir.join("r.sqlite3");
    let path = db.to_str().unwrap();
    {
        let mut s = Store::open(path).expect("creates");
        let session = StoredSession {
            draw: 0,
            coach: Default::default(),
            id: 0,
            key: collector_dojo::store::new_key(),
            player: "A".into(),
            team: "T".into(),
            scenario: "x".into(),
            scenario_hash: "h".into(),
            title: "X".into(),
            seed: u64::MAX,
            choices: vec!["a".into()],
            plan: None,
            ending: collector_dojo::scenario::Ending::from_key("arrangement"),
            scores: collector_dojo::score::Scores {
                empathy: 1,
                fact_gathering: 2,
                agreement: 3,
                compliance: 4,
                overall: 5,
            },
            findings: Vec::new(),
            started: 10,
            ended: 20,
            room: None,
        };
        let id = s.insert(&session).expect("inserts");
        let back = s.sessions(&Filter::default()).expect("reads");
        assert_eq!(
            back,
            vec![StoredSession { id, ..session }],
            "a session survives the round trip, u64 seed included"
        );
    }
    // Another program holds a write lock: a second writer gets a clear message, not a hang.
    let mut holder = Command::new("python3")
        .args(["-c", &format!("import sqlite3,time; c=sqlite3.connect('{path}', isolation_level=None); c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); time.sleep(3)")])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3");
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(holder.stdout.take().expect("stdout")),
        &mut line,
    )
    .expect("reads");
    assert_eq!(line.trim(), "locked");
    // WAL: reading goes on while another program writes; writing waits, then says so.
    let mut s =
        Store::open_with_timeout(path, Duration::from_millis(200)).expect("opens while locked");
    assert_eq!(
        s.sessions(&Filter::default())
            .expect("reads while locked")
            .len(),
        1
    );
    let mut one = s.sessions(&Filter::default()).unwrap().remove(0);
    one.id = 0;
    match s.insert(&one) {
        Err(e @ StoreError::Locked { .. }) => {
            assert!(e.to_string().contains("locked by another program"))
        }
        other => panic!("expected Locked, got {other:?}"),
    }
    drop(s);
    holder.wait().expect("the lock holder exits");
    let out = Command::new("python3")
        .args(["-c", &format!("import sqlite3; c=sqlite3.connect('{path}'); c.execute('INSERT INTO schema_migrations VALUES (99, 0)'); c.commit()")])
        .output()
        .expect("python3");
    assert!(out.status.success());
    match Store::open(path) {
        Err(e @ StoreError::TooNew { found: 99, .. }) => {
            assert!(e.to_string().contains("newer collector-dojo"))
        }
        other => panic!("expected TooNew, got {:?}", other.err()),
    }
}
