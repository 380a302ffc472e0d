//! Living customers: a seed picks the same customer and the same words every time, every
//! customer of every shipped scenario can be won and lost, a path learnt on one customer does
//! not carry over to another, and the interfaces show and keep the draw.

use collector_dojo::dialogue::replay;
use collector_dojo::scenario::Playbook;
use collector_dojo::score::{Band, assess};
use collector_dojo::{Lang, Plan};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use crate::{SHIPPED, dojo};

fn load(id: &str) -> Arc<Playbook> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    Arc::new(
        Playbook::load(root.join(format!("scenarios/{id}.scenario.ron")))
            .unwrap_or_else(|e| panic!("{e}")),
    )
}

/// A case of the paths files (the suite's own reader checks their records; this one needs
/// the path, its kind and its customer).
#[derive(Debug, Deserialize)]
struct PathCase {
    name: String,
    kind: Kind,
    choices: String,
    plan: String,
    #[serde(default)]
    draw: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
enum Kind {
    Expert,
    Harsh,
    Lenient,
    Unaffordable,
}

fn cases(id: &str) -> Vec<PathCase> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = std::fs::read_to_string(root.join(format!("tests/paths/{id}.paths.ron")))
        .expect("paths file");
    ron::from_str(&src).expect("paths parse")
}

fn play(
    book: &Arc<Playbook>,
    draw: usize,
    seed: u64,
    choices: &str,
    plan: &str,
) -> Result<collector_dojo::Conversation, collector_dojo::dialogue::PlayError> {
    let drawn = book.for_run(seed, Some(draw)).expect("the draw exists");
    let ids: Vec<String> = choices.split(',').map(str::to_string).collect();
    let plan = (!plan.is_empty()).then(|| plan.parse::<Plan>().expect("plan"));
    replay(&drawn, seed, &ids, plan)
}

#[test]
fn the_same_seed_meets_the_same_customer_in_the_same_words() {
    for id in SHIPPED {
        let book = load(id);
        assert!(book.draw_count() >= 6, "{id}: {} draws", book.draw_count());
        let mut met = BTreeSet::new();
        for seed in 0..40u64 {
            let a = book.for_run(seed, None).expect("a draw");
            let b = book.for_run(seed, None).expect("a draw");
            assert_eq!(a.draw(), b.draw(), "{id} seed {seed}");
            met.insert(a.draw().index);
            let case = &cases(id)[0];
            if let (Ok(x), Ok(y)) = (
                play(&book, a.draw().index, seed, &case.choices, &case.plan),
                play(&book, b.draw().index, seed, &case.choices, &case.plan),
            ) {
                assert_eq!(
                    x.transcript(Lang::Nl),
                    y.transcript(Lang::Nl),
                    "{id} {seed}"
                );
            }
        }
        // Forty runs meet more than one customer.
        assert!(met.len() > 2, "{id}: forty seeds met only {met:?}");
    }
}

#[test]
fn every_customer_has_an_excellent_expert_call_and_a_harsh_call_that_needs_work() {
    for id in SHIPPED {
        let book = load(id);
        let all = cases(id);
        for draw in 0..book.draw_count() {
            let best = |kind: Kind| {
                all.iter()
                    .filter(|c| c.draw == draw && c.kind == kind)
                    .map(|c| {
                        let conv = play(&book, draw, 1, &c.choices, &c.plan)
                            .unwrap_or_else(|e| panic!("{id} {}: {e}", c.name));
                        (assess(&conv).scores.overall, c.name.clone())
                    })
                    .collect::<Vec<_>>()
            };
            let expert = best(Kind::Expert);
            assert!(
                expert.iter().any(|(s, _)| Band::of(*s) == Band::Excellent),
                "{id} draw {draw}: no excellent expert path: {expert:?}"
            );
            let harsh = best(Kind::Harsh);
            assert!(
                harsh.iter().any(|(s, _)| Band::of(*s) == Band::NeedsWork),
                "{id} draw {draw}: no harsh path that needs work: {harsh:?}"
            );
        }
    }
}

#[test]
fn a_path_learnt_on_one_customer_loses_on_another() {
    let mut lost_on_scores = 0;
    let mut differing_best = BTreeSet::new();
    for id in SHIPPED {
        let book = load(id);
        let all = cases(id);
        // The path a trainee learns by playing the file as written, then meets another customer.
        let experts: Vec<&PathCase> = all
            .iter()
            .filter(|c| c.kind == Kind::Expert && c.draw == 0)
            .collect();
        for from in &experts {
            let own = assess(&play(&book, from.draw, 1, &from.choices, &from.plan).expect("plays"))
                .scores;
            for to in 0..book.draw_count() {
                let (a, b) = (
                    book.with_draw(from.draw).expect("draw"),
                    book.with_draw(to).expect("draw"),
                );
                // Only where the truth differs: the same person in another style may well be
                // won the same way.
                if a.draw().truth == b.draw().truth {
                    continue;
                }
                differing_best.insert(id);
                match play(&book, to, 1, &from.choices, &from.plan) {
                    // The memorised path does not even fit this conversation.
                    Err(_) => {}
                    Ok(conv) => {
                        let s = assess(&conv).scores;
                        assert!(
                            s.fact_gathering < own.fact_gathering
                                || s.agreement < own.agreement
                                || s.overall < own.overall,
                            "{id}: `{}` (draw {}) scores as well on draw {to}: {s:?} vs {own:?}",
                            from.name,
                            from.draw
                        );
                        lost_on_scores += 1;
                    }
                }
            }
        }
    }
    assert!(lost_on_scores > 0, "no copied path plays through anywhere");
    assert!(differing_best.len() >= 2, "{differing_best:?}");
}

#[test]
fn the_best_path_of_one_customer_is_not_the_best_of_another() {
    // explore's best path per draw, in at least two scenarios.
    let mut scenarios = 0;
    for id in SHIPPED {
        let out = dojo(&["explore", id, "--json"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).expect("json");
        let draws = v["draws"].as_array().expect("draws");
        assert_eq!(draws.len(), load(id).draw_count(), "{id}");
        let total: u64 = draws.iter().map(|d| d["paths"].as_u64().unwrap_or(0)).sum();
        assert_eq!(
            v["paths"].as_u64(),
            Some(total),
            "{id}: totals over every draw"
        );
        let bests: BTreeSet<String> = draws
            .iter()
            .map(|d| {
                // The path, not the draw flag in the command.
                let cmd = d["best"]["command"].as_str().unwrap_or_default();
                cmd.split(" --choices ").nth(1).unwrap_or(cmd).to_string()
            })
            .collect();
        if bests.len() > 1 {
            scenarios += 1;
        }
        for d in draws {
            assert!(
                d["best"]["overall"].as_u64().unwrap_or(0) >= 80,
                "{id}: {d}"
            );
        }
    }
    assert!(
        scenarios >= 2,
        "only {scenarios} scenarios have per-draw best paths"
    );
}

#[test]
fn run_json_names_the_customer_and_the_report_reveals_them() {
    let out = dojo(&[
        "run",
        "cant-pay",
        "--seed",
        "3",
        "--draw",
        "2",
        "--json",
        "--choices",
        "call,o_blunt,d_threat",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let d = &v["draw"];
    assert_eq!(d["index"], 2);
    assert_eq!(d["count"], 6);
    assert!(
        ["amiable", "analytical"].contains(&d["style"].as_str().unwrap_or("")),
        "{d}"
    );
    assert!(d["finances"]["can_pay_monthly"].as_f64().is_some(), "{d}");
    assert!(d["facts"].as_array().is_some_and(|f| !f.is_empty()), "{d}");
    // The truth drawn differs from the persona as written.
    let book = load("cant-pay");
    let drawn = book.with_draw(2).expect("draw 2");
    assert_eq!(d["truth"], drawn.draw().truth.as_str());
    assert_ne!(
        d["finances"]["can_pay_monthly"].as_f64(),
        Some(book.scenario.persona.finances.can_pay_monthly)
    );
    // The text report says who it was, and the command replays that customer.
    let out = dojo(&[
        "run",
        "cant-pay",
        "--seed",
        "3",
        "--draw",
        "2",
        "--choices",
        "call,o_blunt,d_threat",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("== Who you were talking to =="), "{text}");
    assert!(text.contains("--seed 3 --draw 2 --choices"), "{text}");
    // A draw the scenario does not have names the ones it has.
    let out = dojo(&["run", "cant-pay", "--draw", "9", "--choices", "call"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cant-pay has no draw 9: its draws are 0–5"),
        "{err}"
    );
    assert!(err.contains("0 = bankruptcy amiable"), "{err}");
}

#[test]
fn check_reports_the_draws_and_a_customer_who_cannot_be_won() {
    let out = dojo(&["check", "scenarios"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("6 draws (3 truths × 2 styles)"), "{text}");
    // A truth whose customer can pay nothing and starts in a year: no call is a good one.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = std::fs::read_to_string(root.join("scenarios/cant-pay.scenario.ron")).expect("read");
    let broken = src.replacen(
        "truths: [",
        "truths: [\n            (id: \"hopeless\", finances: (can_pay_monthly: 0.5, can_start_in_days: 365), absent: [\"nonsense\"]),",
        1,
    );
    let dir = std::env::temp_dir().join(format!("dojo-draws-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("cant-pay.scenario.ron");
    std::fs::write(&file, broken).expect("write");
    let out = dojo(&["check", file.to_str().expect("utf-8 path")]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("truth `hopeless`: no fact `nonsense` to leave out"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_customer_who_tells_one_fact_answers_rather_than_evades() {
    // The mini fixture's opening question also asks about the capacity, which the second
    // customer does not have; asked on its own, that customer has nothing to tell.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let file = root.join("tests/fixtures/mini.scenario.ron");
    let src = std::fs::read_to_string(&file)
        .expect("reads")
        .replace(
            r#"probes: ["reason"], next: "money"),"#,
            r#"probes: ["reason", "capacity"], reply: [(nl: "Goed.", en: "Right.")], evade: [(nl: "Weet ik niet.", en: "Don't know.")], next: "money"),"#,
        )
        .replace(
            r#"codes: [SeekCollaboration, OpenQuestion], trust: 5, probes: ["capacity"], next: "plan"),"#,
            r#"codes: [SeekCollaboration, OpenQuestion], trust: 5, probes: ["capacity"], reply: [(nl: "Goed.", en: "Right.")], evade: [(nl: "Weet ik niet.", en: "Don't know.")], next: "plan"),"#,
        )
        .replace(
            "can_start_in_days: 10),\n",
            "can_start_in_days: 10),\n        truths: [(id: \"as-written\"), (id: \"no-figure\", absent: [\"capacity\"])],\n",
        );
    let book = Arc::new(Playbook::parse(&src, &file).unwrap_or_else(|e| panic!("{e}")));
    let ids = |s: &str| s.split(',').map(str::to_string).collect::<Vec<_>>();
    let no_figure = book.for_run(1, Some(1)).expect("draw 1");
    let conv = replay(
        &no_figure,
        1,
        &ids("ask,together,thank"),
        Some("50:6:10".parse().expect("plan")),
    )
    .expect("plays");
    let turns = conv.turns();
    assert!(turns[0].revealed != 0, "the reason comes out");
    assert!(!turns[0].evaded, "one fact told: an answer, not an evasion");
    assert!(
        turns[1].evaded,
        "only the absent figure asked for: nothing to tell"
    );
    let text: Vec<String> = conv
        .transcript(Lang::En)
        .into_iter()
        .map(|l| l.text)
        .collect();
    assert!(text.iter().any(|l| l == "Right."), "{text:?}");
    assert!(text.iter().any(|l| l == "Don't know."), "{text:?}");
}
