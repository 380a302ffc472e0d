//! Property tests over every shipped scenario: random walks always end, scores stay in 0–100,
//! and the same seed and choices give the same transcript and report.

use collector_dojo::dialogue::Prompt;
use collector_dojo::scenario::{Playbook, discover};
use collector_dojo::score::assess;
use collector_dojo::{Conversation, Lang, Plan, Report};
use proptest::prelude::*;
use std::path::Path;
use std::sync::{Arc, OnceLock};

fn books() -> &'static [Arc<Playbook>] {
    static BOOKS: OnceLock<Vec<Arc<Playbook>>> = OnceLock::new();
    BOOKS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = discover(&[root.join("scenarios")]).expect("scenarios");
        files.push(root.join("tests/fixtures/mini.scenario.ron"));
        files
            .iter()
            .map(|f| Arc::new(Playbook::load(f).unwrap_or_else(|e| panic!("{e}"))))
            .collect()
    })
}

/// Plays a walk driven by `picks` (one per turn, taken modulo the options) and `plans`.
fn walk(book: &Arc<Playbook>, seed: u64, picks: &[usize], plan: Plan) -> (Conversation, usize) {
    let mut c = Conversation::new(Arc::clone(book), seed);
    let limit = book.scenario.nodes.len() + 2;
    let mut steps = 0;
    let mut picks = picks.iter().cycle();
    loop {
        match c.prompt() {
            Prompt::Ended(_) => return (c, steps),
            Prompt::Negotiate { .. } => {
                c.propose(plan).expect("valid plan");
            }
            _ => {
                let options = c.options();
                let k = picks.next().copied().unwrap_or(0) % options.len();
                let id = options[k].0.clone();
                c.choose(&id).expect("offered option");
            }
        }
        steps += 1;
        if steps > limit {
            return (c, steps);
        }
    }
}

fn plan_strategy() -> impl Strategy<Value = Plan> {
    (1.0f64..2000.0, 1u32..=60, 0u32..=90).prop_map(|(amount, count, days)| Plan {
        amount: (amount * 100.0).round() / 100.0,
        count,
        days,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn every_path_ends_and_scores_stay_in_range(
        which in 0usize..5,
        seed in any::<u64>(),
        picks in prop::collection::vec(0usize..8, 1..16),
        plan in plan_strategy(),
    ) {
        let books = books();
        let book = &books[which % books.len()];
        let (c, steps) = walk(book, seed, &picks, plan);
        prop_assert!(c.ending().is_some(), "{}: no ending after {steps} steps", book.id());
        prop_assert!(steps <= book.scenario.nodes.len() + 1);
        let s = assess(&c).scores;
        for v in [s.empathy, s.fact_gathering, s.agreement, s.compliance, s.overall] {
            prop_assert!(v <= 100);
        }
        let m = c.mood();
        prop_assert!((0..=100).contains(&m.trust) && (0..=100).contains(&m.stress));
    }

    #[test]
    fn same_seed_same_transcript_and_report(
        which in 0usize..5,
        seed in any::<u64>(),
        picks in prop::collection::vec(0usize..8, 1..16),
        plan in plan_strategy(),
    ) {
        let books = books();
        let book = &books[which % books.len()];
        let (a, _) = walk(book, seed, &picks, plan);
        let (b, _) = walk(book, seed, &picks, plan);
        for lang in [Lang::Nl, Lang::En] {
            let (ra, rb) = (Report::new(&a, lang), Report::new(&b, lang));
            prop_assert_eq!(&ra.transcript, &rb.transcript);
            prop_assert_eq!(serde_json::to_string(&ra).unwrap(), serde_json::to_string(&rb).unwrap());
        }
        // Replaying the recorded choices and plan reproduces the conversation exactly.
        let replayed = collector_dojo::dialogue::replay(book, seed, &a.choice_ids(), a.proposal()).expect("replays");
        prop_assert_eq!(Report::new(&replayed, Lang::En).transcript, Report::new(&a, Lang::En).transcript);
    }

    #[test]
    fn an_affordable_plan_is_always_accepted_unless_it_charges_the_dispute(
        which in 0usize..5,
        frac in 0.05f64..1.0,
        extra_days in 0u32..20,
        trust in 0i32..=100,
        stress in 0i32..=100,
    ) {
        let books = books();
        let f = books[which % books.len()].scenario.persona.finances;
        let amount = (f.can_pay_monthly * frac).max(0.01);
        let count = ((f.undisputed() / amount).floor() as u32).clamp(1, 120);
        let plan = Plan { amount, count, days: f.can_start_in_days + extra_days };
        let r = collector_dojo::dialogue::respond(&f, collector_dojo::scenario::Mood { trust, stress }, plan);
        prop_assert_eq!(r, collector_dojo::dialogue::Response::Accept);
    }
}
