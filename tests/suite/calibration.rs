//! The rubric against expert trainers' judgements (`tests/calibration/`): every transcript
//! plays, the set covers the kinds of call it must; on the scenarios the rubric was calibrated
//! on at least 90% of the cells agree and no ordering of the trainers' overall bands within a
//! scenario is broken, and on the scenarios it has not been tuned on it does no worse than when
//! they arrived; `collector-dojo calibrate` prints the whole table.

use collector_dojo::calibration::{Calibration, Class, calibrate};
use std::path::Path;

/// Reached so far on the four scenarios the rubric was calibrated on (cells in agreement, of
/// all cells); no ordering among them may be broken.
/// Raise it when the rubric improves; never lower it to make a change pass.
///
/// History: the rubric before calibration agreed on 61% of the cells and broke 52 orderings.
/// The first calibrated step (slips as a share of the conversation, no excellence with a slip,
/// compliance breaches below good, no mood input, guessed plans capped) reached 74% and broke
/// 60: its caps make ties (28 of the 60 are equal scores), and judges differ among themselves
/// on partial give-aways and on breaches an author coded (see the closing note). The ceiling
/// moved once, with that reason. The second step (dimensions earned and then spoiled by their
/// slips' share, caps that fold instead of cut, root causes, the law's fair-treatment rules
/// graded, guesses judged by how far and how hard they were pushed) reached 492 of 545 (90.3%)
/// and broke none: the goal the rubric issue set.
const AGREEMENT_FLOOR: f64 = 0.90;
const CALIBRATED_ON: [&str; 4] = ["cant-pay", "dispute", "ostrich", "twitter-complaint"];

/// The six scenarios written after that, by other authors, judged by other trainers before the
/// rubric saw them: the rubric was not tuned on them, so they measure what it does on calls it
/// has not met. At their arrival it agreed on 624 of 755 cells (82.6%; two trainers judging the
/// same transcripts agree on about four in five) and broke 27 of their orderings (ties
/// included). A ratchet: raise the floor and lower the count as the rubric improves.
const UNSEEN_FLOOR: f64 = 0.82;
const UNSEEN_INVERSIONS: usize = 27;

fn part(c: &Calibration, held: bool) -> Calibration {
    Calibration {
        rows: c
            .rows
            .iter()
            .filter(|r| CALIBRATED_ON.contains(&r.scenario.as_str()) == held)
            .cloned()
            .collect(),
    }
}

#[test]
fn the_rubric_agrees_with_the_trainers_at_least_as_well_as_before() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let c = calibrate(&root.join("tests/calibration"), &root.join("scenarios"))
        .unwrap_or_else(|e| panic!("{e}"));
    eprintln!("{}", c.table());
    for (held, floor, most_broken) in [
        (true, AGREEMENT_FLOOR, 0),
        (false, UNSEEN_FLOOR, UNSEEN_INVERSIONS),
    ] {
        let set = part(&c, held);
        let which = if held { "calibrated-on" } else { "unseen" };
        let (hit, all) = set.agreement();
        assert!(all > 0, "no {which} transcripts");
        let share = hit as f64 / all as f64;
        assert!(
            share >= floor,
            "{which} scenarios: agreement fell to {hit} of {all} cells ({:.1}%), below the floor of {:.0}%",
            100.0 * share,
            100.0 * floor
        );
        let broken = set.inversions();
        assert!(
            broken.len() <= most_broken,
            "{which} scenarios: {} overall orderings broken, at most {most_broken}: {broken:?}",
            broken.len()
        );
    }
}

#[test]
fn every_shipped_scenario_has_a_calibration_set_that_covers_the_kinds_of_call() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let c = calibrate(&root.join("tests/calibration"), &root.join("scenarios"))
        .unwrap_or_else(|e| panic!("{e}"));
    for id in crate::SHIPPED {
        let rows: Vec<_> = c.rows.iter().filter(|r| r.scenario == id).collect();
        assert!(
            rows.len() >= 15,
            "{id}: {} transcripts, want 15",
            rows.len()
        );
        // A call on a poor channel, or one that leaves the root cause alone, can only be
        // played where the scenario has a channel choice or a root cause.
        let book = collector_dojo::scenario::Playbook::load(
            root.join(format!("scenarios/{id}.scenario.ron")),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let sc = &book.scenario;
        for class in [
            Class::Expert,
            Class::Typical,
            Class::Harsh,
            Class::RepairedOpening,
            Class::WarmNoMoneyAbove,
            Class::Lenient,
            Class::ColdCorrect,
            Class::BlindBelow,
            Class::BlindAbove,
            Class::OneThreat,
            Class::WrongChannel,
            Class::CauseNotFixed,
        ] {
            let playable = match class {
                Class::WrongChannel => sc.context.channel_choice.is_some(),
                Class::CauseNotFixed => {
                    sc.persona.facts.iter().any(|f| f.cause)
                        || sc
                            .persona
                            .truths
                            .iter()
                            .flat_map(|t| &t.facts)
                            .any(|f| f.cause == Some(true))
                }
                _ => true,
            };
            if !playable {
                continue;
            }
            assert!(
                rows.iter().any(|r| r.case.class == class),
                "{id}: no {class:?} transcript"
            );
        }
        assert!(
            rows.iter().all(|r| !r.case.reason.trim().is_empty()),
            "{id}: a judgement without its reason"
        );
    }
}

/// The scenario's text with every mood number (starting mood, option effects, reveal
/// thresholds, mood conditions) multiplied by `factor`, kept within the format's ranges.
fn scale_moods(src: &str, factor: f64) -> String {
    const KEYS: [&str; 6] = [
        "trust: ",
        "stress: ",
        "TrustAtLeast(",
        "TrustBelow(",
        "StressAtLeast(",
        "StressBelow(",
    ];
    let mut out = String::with_capacity(src.len());
    let mut rest = src;
    while let Some((at, key)) = KEYS
        .iter()
        .filter_map(|k| rest.find(k).map(|i| (i, *k)))
        .min_by_key(|(i, _)| *i)
    {
        let after = &rest[at + key.len()..];
        let len = after
            .char_indices()
            .find(|(i, c)| !(c.is_ascii_digit() || (*i == 0 && *c == '-')))
            .map_or(after.len(), |(i, _)| i);
        out.push_str(&rest[..at + key.len()]);
        match after[..len].parse::<f64>() {
            Ok(n) => out.push_str(&((n * factor).round().clamp(-100.0, 100.0) as i64).to_string()),
            Err(_) => out.push_str(&after[..len]),
        }
        rest = &after[len..];
    }
    out.push_str(rest);
    out
}

#[test]
fn the_mood_is_no_input_to_a_score_except_through_what_it_caused() {
    // Doubling and halving every mood number of a scenario changes how the customer feels,
    // not what the trainee did: a path that uncovers the same facts, gets the same answers and
    // reaches the same ending must keep its scores.
    use collector_dojo::calibration::Case;
    use collector_dojo::dialogue::replay;
    use collector_dojo::scenario::Playbook;
    use collector_dojo::score::assess;
    use std::sync::Arc;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut compared = 0;
    for id in crate::SHIPPED {
        let file = root.join(format!("scenarios/{id}.scenario.ron"));
        let src = std::fs::read_to_string(&file).expect("reads");
        let book = Arc::new(Playbook::parse(&src, &file).unwrap_or_else(|e| panic!("{e}")));
        let text =
            std::fs::read_to_string(root.join(format!("tests/calibration/{id}.calibration.ron")))
                .expect("reads");
        let cases: Vec<Case> = ron::from_str(&text).expect("parses");
        for factor in [2.0, 0.5] {
            let scaled = Arc::new(
                Playbook::parse(&scale_moods(&src, factor), &file)
                    .unwrap_or_else(|e| panic!("{id} ×{factor}: {e}")),
            );
            assert_ne!(
                scaled.scenario.persona.mood, book.scenario.persona.mood,
                "{id}: the moods were scaled"
            );
            for case in &cases {
                let choices: Vec<String> = case.choices.split(',').map(str::to_string).collect();
                let plan = (!case.plan.is_empty()).then(|| {
                    case.plan
                        .parse::<collector_dojo::plan::Plan>()
                        .expect("a plan")
                });
                let (Ok(a), Ok(b)) = (
                    replay(&book, case.seed, &choices, plan),
                    replay(&scaled, case.seed, &choices, plan),
                ) else {
                    continue;
                };
                let answers = |c: &collector_dojo::Conversation| {
                    (c.ending(), c.known(), c.agreed(), c.counter(), c.proposal())
                };
                if answers(&a) != answers(&b) {
                    continue;
                }
                compared += 1;
                assert_eq!(
                    assess(&a).scores,
                    assess(&b).scores,
                    "{id} `{}` with every mood number ×{factor}",
                    case.name
                );
            }
        }
    }
    assert!(compared >= 50, "only {compared} paths played the same");
}

/// Plays the transcript `name` of a scenario's calibration set.
fn judged(id: &str, name: &str) -> collector_dojo::score::Assessment {
    use collector_dojo::calibration::play_file;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let file = root.join(format!("tests/calibration/{id}.calibration.ron"));
    let rows = play_file(&file, &root.join("scenarios")).unwrap_or_else(|e| panic!("{e}"));
    let row = rows
        .iter()
        .find(|r| r.case.name == name)
        .unwrap_or_else(|| panic!("{id} has no transcript `{name}`"));
    let book = std::sync::Arc::new(
        collector_dojo::scenario::Playbook::load(root.join(format!("scenarios/{id}.scenario.ron")))
            .expect("loads"),
    );
    let choices: Vec<String> = row.case.choices.split(',').map(str::to_string).collect();
    let plan = (!row.case.plan.is_empty()).then(|| {
        row.case
            .plan
            .parse::<collector_dojo::plan::Plan>()
            .expect("a plan")
    });
    collector_dojo::score::assess(
        &collector_dojo::dialogue::replay(&book, row.case.seed, &choices, plan).expect("plays"),
    )
}

#[test]
fn a_repaired_opening_is_good_not_excellent() {
    // The same call as the model one, opened with a judgement and then repaired.
    let model = judged("cant-pay", "expert").scores;
    let repaired = judged("cant-pay", "repaired-judgement").scores;
    assert!(model.empathy >= 80 && model.overall >= 80, "{model:?}");
    assert!(
        (60..80).contains(&repaired.empathy) && (60..80).contains(&repaired.overall),
        "{repaired:?}"
    );
}

#[test]
fn a_poor_channel_keeps_an_otherwise_good_call_below_excellent() {
    // A public reply on X first (3x M: the wrong means for a complaint), then the model call.
    let a = judged("twitter-complaint", "wrong-channel-public-reply");
    assert!(a.scores.overall < 80, "{:?}", a.scores);
    assert!(a.findings.iter().any(|f| matches!(
        f.note,
        collector_dojo::score::Note::Channel(_, collector_dojo::score::Fit::Poor)
    )));
}

#[test]
fn a_root_cause_left_alone_keeps_the_agreement_below_excellent() {
    use collector_dojo::score::Note;
    // The model call refers her to budget help and has the advance reviewed; the same call with
    // a plain "let's make a plan" leaves the bills piling up elsewhere as they were.
    let model = judged("cant-pay", "expert");
    let left = judged("cant-pay", "cause-not-fixed");
    assert!(
        model
            .findings
            .iter()
            .any(|f| matches!(f.note, Note::CauseAddressed(_)))
    );
    assert!(model.scores.agreement >= 80, "{:?}", model.scores);
    assert!(
        left.findings
            .iter()
            .any(|f| matches!(f.note, Note::CauseLeft(_)))
    );
    assert!(
        (60..80).contains(&left.scores.agreement) && left.scores.overall < 80,
        "{:?}",
        left.scores
    );
}

#[test]
fn a_channels_message_is_scored_like_a_line() {
    use collector_dojo::scenario::Code;
    use collector_dojo::score::{Dimension, Note};
    // "A third letter, in a sterner tone": the wrong means (3x M) and a push, lawful but not fair
    // treatment at its best.
    let letter = judged("cant-pay", "wrong-channel-letter");
    assert!(letter.findings.iter().any(|f| f.turn == 1
        && f.dimension == Dimension::Compliance
        && f.note == Note::Code(Code::Pressure)));
    assert!(
        (60..80).contains(&letter.scores.compliance),
        "{:?}",
        letter.scores
    );
    // The payment link asks nothing unfair.
    assert_eq!(
        judged("cant-pay", "wrong-channel-sms").scores.compliance,
        100
    );
}

#[test]
fn harsh_calls_score_below_typical_ones_on_every_dimension_the_trainer_ranks_them_apart() {
    use collector_dojo::score::Dimension;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let c = calibrate(&root.join("tests/calibration"), &root.join("scenarios"))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut pairs = 0;
    for typical in c.rows.iter().filter(|r| r.case.class == Class::Typical) {
        for harsh in c
            .rows
            .iter()
            .filter(|r| r.case.class == Class::Harsh && r.scenario == typical.scenario)
        {
            let (tb, hb) = (typical.case.bands.cells(), harsh.case.bands.cells());
            for (i, d) in Dimension::ALL.into_iter().enumerate() {
                // Below where the trainer ranks the typical call higher; never above it (both
                // can need work: a typical call may end in a promise that breaks, too).
                let (h, t) = (harsh.scores.get(d), typical.scores.get(d));
                assert!(
                    if tb[i] > hb[i] { h < t } else { h <= t },
                    "{}: harsh `{}` ({:?}) is not below typical `{}` ({:?}) on {d:?}",
                    typical.scenario,
                    harsh.case.name,
                    harsh.scores,
                    typical.case.name,
                    typical.scores
                );
            }
            assert!(harsh.scores.overall < typical.scores.overall);
            pairs += 1;
        }
    }
    assert!(pairs >= 4, "only {pairs} harsh/typical pairs");
}
