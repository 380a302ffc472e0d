//! The headless CLI: `run` and `explore` on the test fixture, their errors and JSON shape.

use serde_json::Value;

use crate::dojo;

const MINI: &str = "tests/fixtures/mini.scenario.ron";

fn run_json(extra: &[&str]) -> Value {
    let mut args = vec!["run", MINI, "--json", "--seed", "7"];
    args.extend_from_slice(extra);
    let out = dojo(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

#[test]
fn run_json_has_the_documented_fields() {
    let v = run_json(&["--choices", "ask,together,thank", "--plan", "50:6:10"]);
    assert_eq!(v["scenario"], "mini");
    assert_eq!(v["seed"], 7);
    assert_eq!(
        v["choices"],
        serde_json::json!(["ask", "together", "thank"])
    );
    assert_eq!(
        v["plan"],
        serde_json::json!({"amount": 50.0, "count": 6, "days": 10})
    );
    assert_eq!(v["ending"], "arrangement");
    for dim in [
        "empathy",
        "fact_gathering",
        "agreement",
        "compliance",
        "overall",
    ] {
        let s = v["scores"][dim].as_u64().expect(dim);
        assert!(s <= 100);
    }
    assert!(["needs_work", "fair", "good", "excellent"].contains(&v["band"].as_str().unwrap()));
    let findings = v["findings"].as_array().expect("findings");
    assert!(!findings.is_empty());
    for f in findings {
        assert!(f["turn"].as_u64().is_some());
        assert!(f["principle"].as_str().is_some());
        assert!(["credit", "debit"].contains(&f["verdict"].as_str().unwrap()));
        assert!(!f["note"].as_str().unwrap().is_empty());
    }
    assert!(v["mood"]["trust"].as_i64().is_some() && v["mood"]["stress"].as_i64().is_some());
    assert_eq!(v["agreement"]["affordable"], true);
    // The MITI profile, each summary against MITI's thresholds.
    let m = &v["miti"];
    for count in [
        "reflections",
        "complex_reflections",
        "questions",
        "open_questions",
        "adherent",
        "non_adherent",
    ] {
        assert!(m[count].as_u64().is_some(), "miti.{count}: {m}");
    }
    assert!(
        ["below_fair", "fair", "good"]
            .contains(&m["reflection_to_question_tier"].as_str().unwrap())
    );
    assert!(["below_fair", "fair", "good"].contains(&m["complex_tier"].as_str().unwrap()));
}

#[test]
fn threatening_opening_is_scored_low_and_explained() {
    let v = run_json(&["--choices", "threat"]);
    assert_eq!(v["ending"], "hung_up");
    assert!(v["scores"]["compliance"].as_u64().unwrap() < 40);
    let notes: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["principle"].as_str())
        .collect();
    assert!(notes.contains(&"fair_treatment"), "{notes:?}");
}

#[test]
fn unknown_choice_lists_what_is_valid() {
    let out = dojo(&["run", MINI, "--choices", "ask,bogus"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("turn 2: unknown choice `bogus`"), "{err}");
    for id in ["together", "fill", "info"] {
        assert!(err.contains(id), "{err}");
    }
    assert!(err.contains("mini.scenario.ron"), "{err}");
}

#[test]
fn choice_from_another_turn_is_not_offered() {
    let out = dojo(&["run", MINI, "--choices", "together"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("turn 1: choice `together` is not offered here (it belongs to node `money`)"),
        "{err}"
    );
    assert!(
        err.contains("ask") && err.contains("threat") && err.contains("waive"),
        "{err}"
    );
}

#[test]
fn plan_where_none_is_asked_is_an_error() {
    let out = dojo(&["run", MINI, "--choices", "waive", "--plan", "50:6:10"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no plan is asked for here"), "{err}");
}

#[test]
fn missing_plan_and_unfinished_paths_say_what_is_needed() {
    let out = dojo(&["run", MINI, "--choices", "ask,together"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("waiting for a plan"), "{err}");
    let out = dojo(&["run", MINI, "--choices", "ask"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("turn 2: the conversation is not over; add one of: "),
        "{err}"
    );
    for id in ["together (", "info (", "fill ("] {
        assert!(err.contains(id), "{id} is listed: {err}");
    }
    let out = dojo(&["run", MINI, "--choices", "ask,together", "--plan", "abc"]);
    assert_eq!(out.status.code(), Some(2), "clap rejects a malformed plan");
    assert!(String::from_utf8_lossy(&out.stderr).contains("AMOUNT:COUNT:DAYS"));
}

#[test]
fn unknown_scenario_lists_known_ids() {
    let out = dojo(&["run", "no-such-scenario", "--choices", "a"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no scenario `no-such-scenario`") && err.contains("cant-pay"),
        "{err}"
    );
}

#[test]
fn text_report_is_in_the_chosen_language() {
    let out = dojo(&[
        "run",
        MINI,
        "--seed",
        "1",
        "--choices",
        "ask,together,thank",
        "--plan",
        "50:6:10",
        "--lang",
        "nl",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Wat is er gebeurd?")
            && text.contains("Bevindingen")
            && text.contains("€ 50"),
        "{text}"
    );
    assert!(!text.contains("What happened?"));
}

#[test]
fn explore_best_and_worst_are_reproduced_by_run() {
    let out = dojo(&["explore", MINI, "--json", "--seed", "5"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let x: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(x["paths"], 272);
    let endings: u64 = x["endings"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(endings, 272);
    for which in ["best", "worst"] {
        let r = &x[which];
        let choices: Vec<&str> = r["choices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        let joined = choices.join(",");
        let mut args = vec!["run", MINI, "--json", "--seed", "5", "--choices", &joined];
        let plan;
        if let Some(p) = r["plan"].as_object() {
            plan = format!("{}:{}:{}", p["amount"], p["count"], p["days"]);
            args.extend(["--plan", &plan]);
        }
        let out = dojo(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let again: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(&again, r, "{which} path differs when replayed");
    }
    assert!(x["best"]["scores"]["overall"].as_u64() > x["worst"]["scores"]["overall"].as_u64());
    let spread = &x["distribution"]["overall"];
    assert!(
        spread["min"].as_u64() <= spread["median"].as_u64()
            && spread["median"].as_u64() <= spread["max"].as_u64()
    );
}

fn talk(id: &str, input: &str, lang: collector_dojo::Lang) -> String {
    let book = std::sync::Arc::new(
        collector_dojo::Playbook::load(format!(
            "{}/scenarios/{id}.scenario.ron",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("valid"),
    );
    let mut out = Vec::new();
    // Draw 0, the customer the typed input was made for.
    collector_dojo::cli::talk(
        &book,
        2,
        lang,
        &mut std::io::Cursor::new(input.as_bytes()),
        &mut out,
    )
    .expect("talks");
    String::from_utf8(out).expect("utf-8")
}

/// What to type in `talk` (seed 2) to take the option the author wrote first at every turn
/// and propose `plan`: its number is where the seed shows it.
fn typed_first_written(id: &str, plan: &str) -> String {
    use collector_dojo::dialogue::Prompt;
    let book = std::sync::Arc::new(
        collector_dojo::Playbook::load(format!(
            "{}/scenarios/{id}.scenario.ron",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("valid"),
    );
    let mut c = collector_dojo::Conversation::new(book, 2);
    let mut input = String::new();
    loop {
        let first = match c.prompt() {
            Prompt::Channel(cc) => cc.options[0].id.clone(),
            Prompt::Choose { options, .. } => options[0].id.clone(),
            Prompt::Negotiate { .. } => {
                input.push_str(plan);
                input.push('\n');
                c.propose(plan.parse::<collector_dojo::plan::Plan>().expect("plan"))
                    .expect("proposed");
                continue;
            }
            Prompt::Ended(_) => return input,
        };
        let shown = c.options().iter().position(|(id, _)| *id == first);
        input.push_str(&format!("{}\n", shown.expect("shown") + 1));
        c.choose(&first).expect("offered");
    }
}

#[test]
fn talk_plays_a_whole_conversation_from_typed_input() {
    let input = typed_first_written("cant-pay", "40:15:14");
    assert_ne!(
        input, "1\n1\n1\n1\n1\n1\n1\n40:15:14\n1\n",
        "the options are shown in the order written"
    );
    let out = talk("cant-pay", &input, collector_dojo::Lang::Nl);
    assert!(!out.contains('{'), "unfilled placeholder:\n{out}");
    assert!(
        out.contains("Je notities:") && out.contains("Kan € 40 per maand missen"),
        "{out}"
    );
    assert!(out.contains("— Betalingsregeling afgesproken —"), "{out}");
    assert!(out.contains("Totaal: 100"), "{out}");
    assert!(
        out.contains("collector-dojo run cant-pay --seed 2 --draw 0 --choices call,o_warm"),
        "{out}"
    );
}

#[test]
fn talk_explains_bad_input_and_stops_cleanly_at_end_of_input() {
    // Two bad entries, then the first option the author wrote (a call), then the input ends.
    let call = typed_first_written("ostrich", "50:12:21")
        .lines()
        .next()
        .map(str::to_string)
        .expect("a first turn");
    let out = talk(
        "ostrich",
        &format!("9\nabc\n{call}\n"),
        collector_dojo::Lang::En,
    );
    assert_eq!(out.matches("Choose a number 1–4").count(), 2, "{out}");
    assert!(out.contains("Conversation abandoned."), "{out}");
}

#[test]
fn check_validates_workshop_plans_too() {
    let out = dojo(&["check"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("ok workshop verbinden: Verbinden voordat je vordert, 3 steps (ostrich, cant-pay, twitter-complaint)"),
        "{text}"
    );
    let dir = std::env::temp_dir().join(format!("dojo-workshop-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("middag.workshop.ron");
    std::fs::write(
        &bad,
        "(\n    title: \"Middag\",\n    steps: [\n        (scenario: \"ostrich\"),\n        (scenario: \"struisvogel\", notes: 7),\n    ],\n)\n",
    )
    .unwrap();
    let out = dojo(&["check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("middag.workshop.ron:5:") && err.contains("string"),
        "a type error names its position: {err}"
    );
    std::fs::write(
        &bad,
        "(\n    title: \"Middag\",\n    steps: [\n        (scenario: \"ostrich\"),\n        (scenario: \"struisvogel\"),\n    ],\n)\n",
    )
    .unwrap();
    let out = dojo(&["check", bad.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("middag.workshop.ron:5:20: unknown scenario `struisvogel`; known: cant-pay, care-costs, dispute, heavy-usage, holiday, key-account, ostrich, small-business, twitter-complaint, wont-pay"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `cant-pay` with other finances, written to a temporary `cant-pay.scenario.ron`.
fn cant_pay_with(tag: &str, finances: &str) -> std::path::PathBuf {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = std::fs::read_to_string(root.join("scenarios/cant-pay.scenario.ron")).unwrap();
    let old = "monthly_income: 1790.0,\n            fixed_costs: 1725.0,\n            owed: 587.40,\n            can_pay_monthly: 40.0,";
    assert!(
        src.contains(old),
        "the shipped finances changed; update this test"
    );
    let dir = std::env::temp_dir().join(format!("dojo-finances-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("cant-pay.scenario.ron");
    // Only the persona as written: the truths' own finances would not fit these claims.
    let start = src.find("\n        truths: [").expect("truths");
    let end = start + src[start..].find("\n        ],").expect("end of truths") + 11;
    let src = format!("{}{}", &src[..start], &src[end..]);
    std::fs::write(&file, src.replace(old, finances)).unwrap();
    file
}

#[test]
fn a_claim_beyond_what_plans_allow_is_a_check_problem_not_a_crash() {
    // Once a stack overflow: the explorer's grid held a plan `propose` refused, and the walk
    // recursed on the unchanged conversation forever.
    let file = cant_pay_with(
        "huge",
        "monthly_income: 1790.0,\n            fixed_costs: 1725.0,\n            owed: 1000000.01,\n            can_pay_monthly: 40.0,",
    );
    let path = file.to_str().unwrap();
    for cmd in ["check", "explore"] {
        let out = dojo(&[cmd, path]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{cmd} exits 1, not by a signal: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("cant-pay.scenario.ron:") && err.contains("120 instalments")
                || err.contains("at most 120"),
            "{cmd} names the position and the limit: {err}"
        );
    }
    let _ = std::fs::remove_dir_all(file.parent().unwrap());
}

#[test]
fn claims_at_the_edge_of_the_plan_limits_explore_to_the_end() {
    // The largest claim the plan rules allow: instalments of a million, 120 of them.
    let file = cant_pay_with(
        "edge",
        "monthly_income: 1001725.0,\n            fixed_costs: 1725.0,\n            owed: 119999999.99,\n            can_pay_monthly: 1000000.0,",
    );
    let path = file.to_str().unwrap();
    let out = dojo(&["check", path]);
    // The plan limits hold; with a claim this size some endings are out of reach, which
    // `check` says per draw, and nothing else.
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.lines()
            .filter(|l| l.contains(".scenario.ron:"))
            .all(|l| l.contains(": draw ") && l.contains("no path reaches")),
        "{err}"
    );
    let out = dojo(&["explore", path, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert!(v["paths"].as_u64().unwrap_or(0) > 0, "{v}");
    for p in v["plan_grid"].as_array().expect("the grid") {
        assert!(
            p["amount"].as_f64().unwrap_or(f64::MAX) <= 1_000_000.0,
            "{p}"
        );
        assert!(p["count"].as_u64().unwrap_or(0) <= 120, "{p}");
    }
    let _ = std::fs::remove_dir_all(file.parent().unwrap());
}

#[test]
fn plans_and_seeds_out_of_range_say_what_is_allowed() {
    let cases: [(&[&str], &str); 5] = [
        (
            &["--plan", "20:4294967296:1"],
            "count `4294967296` is more than 120",
        ),
        (
            &["--plan", "20:4:4294967296"],
            "days `4294967296` is more than 365",
        ),
        (&["--plan", "-5:3:1"], "must be more than 0"),
        (&["--plan", "5:-3:1"], "cannot be negative"),
        (
            &["--seed", "-1"],
            "seed `-1` must be a whole number from 0 to",
        ),
    ];
    for (extra, expected) in cases {
        let mut args = vec!["run", MINI, "--choices", "ask,together,thank"];
        args.extend_from_slice(extra);
        let out = dojo(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{extra:?}: {err}");
        assert!(err.contains(expected), "{extra:?}: {err}");
        assert!(!err.contains("unexpected argument"), "{extra:?}: {err}");
    }
}
