//! `collector-dojo practice`: the plan from stored sessions, as text and JSON, for a player with
//! a weak session (due again tomorrow, the principles broken) and for a newcomer.

use crate::dojo;
use serde_json::Value;

#[test]
fn a_weak_session_is_due_tomorrow_and_the_plan_names_what_was_broken() {
    let dir = std::env::temp_dir().join(format!("dojo-practice-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let db = dir.join("r.sqlite3");
    let db = db.to_str().expect("a utf-8 path");
    // The harsh call on can't-pay: accused, threatened, hung up.
    let out = dojo(&[
        "run",
        "cant-pay",
        "--db",
        db,
        "--player",
        "Anouk",
        "--team",
        "Noord",
        "--seed",
        "1",
        "--draw",
        "0",
        "--choices",
        "call,o_blunt,d_accuse,c_threat",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = dojo(&["practice", "--db", db, "--player", "Anouk", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let plan: Value = serde_json::from_slice(&out.stdout).expect("json");
    let due = &plan["due"][0];
    assert_eq!(due["scenario"], "cant-pay");
    assert_eq!(due["rung"], 0, "below good: the first rung");
    let today = plan["today"].as_str().expect("a date").to_string();
    assert!(
        due["due"].as_str().expect("a date") > today.as_str(),
        "due after today"
    );
    // Not due yet: something else comes first, aimed at what was broken.
    let next = &plan["suggestions"][0];
    assert_ne!(next["scenario"], "cant-pay", "{plan:#}");
    assert!(
        next["reasons"]
            .as_array()
            .expect("reasons")
            .iter()
            .any(|r| r["kind"] == "trains"),
        "{next:#}"
    );
    assert!(
        plan["proficiency"]["principles"]
            .as_array()
            .is_some_and(|p| !p.is_empty())
    );
    // Tomorrow it is due, and first.
    let tomorrow = due["due"].as_str().expect("a date");
    let out = dojo(&[
        "practice", "--db", db, "--player", "Anouk", "--today", tomorrow,
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("Next:\n  Sofie wants to pay, but can't (cant-pay, customer 1)"),
        "{text}"
    );
    assert!(text.contains("due again since"), "{text}");
    assert!(
        text.contains("Where you stand (1 recent session,"),
        "{text}"
    );
    // A newcomer starts with the easiest scenario.
    let out = dojo(&["practice", "--db", db, "--player", "Bram", "--lang", "nl"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("om te beginnen: het makkelijkste gesprek"),
        "{text}"
    );
}
