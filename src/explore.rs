//! The explorer: walks every path through a scenario (every option, and for a negotiation a
//! grid of plans built from the scenario's finances) and summarises endings and scores.
//!
//! Paths do not depend on the seed (only the wording of the customer's lines does), so one
//! walk covers every seed. The walk clones the small conversation state at each branch and
//! keeps only counters and the best and worst path, so memory stays flat however many paths
//! there are.

use crate::dialogue::{Conversation, Prompt};
use crate::plan::Finances;
use crate::plan::Plan;
use crate::report::Report;
use crate::scenario::{Condition, Ending, Negotiation, Playbook};
use crate::score::{Band, Scores};
use crate::text::Lang;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;
use std::sync::Arc;

/// The most paths a walk will take before it gives up with an error.
pub const MAX_PATHS: u64 = 20_000_000;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{scenario}: more than {limit} paths; simplify the scenario (merge branches, fewer options per node)"
)]
pub struct TooManyPaths {
    pub scenario: String,
    pub limit: u64,
}

/// The plans tried at a negotiation: instalments around what the customer can pay, counts
/// that cover the debt (and one that does not), first payments too early, on time and late.
pub fn plan_grid(f: &Finances, negotiation: &Negotiation) -> Vec<Plan> {
    let owe = f.undisputed().max(0.01);
    let cap = f.can_pay_monthly;
    let mut amounts: Vec<f64> = vec![
        cap.floor(),
        (cap * 0.5).floor(),
        (cap * 1.5 / 5.0).round() * 5.0,
        (cap * 2.0 / 5.0).round() * 5.0,
        ((owe * 100.0).ceil() / 100.0).min(crate::plan::MAX_INSTALMENT),
    ];
    amounts.retain(|a| *a >= 0.01);
    amounts.sort_by(|a, b| a.total_cmp(b));
    amounts.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    let mut days = vec![
        3u32.min(f.can_start_in_days),
        f.can_start_in_days,
        negotiation.max_days + 30,
    ];
    days.sort_unstable();
    days.dedup();
    let mut grid = Vec::new();
    for &amount in &amounts {
        let covering = ((owe / amount).ceil() as u32).clamp(1, crate::plan::MAX_INSTALMENTS);
        let mut counts = vec![covering];
        if (amount - cap.floor()).abs() < 0.5 && covering >= 2 {
            counts.push(covering / 2);
        }
        for &count in &counts {
            for &d in &days {
                let plan = Plan {
                    amount,
                    count,
                    days: d,
                };
                // Only plans `propose` takes: the walk tries each one.
                if plan.check().is_ok() {
                    grid.push(plan);
                }
            }
        }
    }
    grid
}

/// Spread of one score over all paths.
#[derive(Debug, Clone, Serialize)]
pub struct Spread {
    pub min: u8,
    pub p10: u8,
    pub p25: u8,
    pub median: u8,
    pub p75: u8,
    pub p90: u8,
    pub max: u8,
    pub mean: f64,
    /// Paths per band.
    pub bands: BTreeMap<&'static str, u64>,
}

#[derive(Debug, Clone)]
struct Histogram([u64; 101]);

impl Default for Histogram {
    fn default() -> Self {
        Histogram([0; 101])
    }
}

impl Histogram {
    fn add(&mut self, v: u8) {
        self.0[usize::from(v.min(100))] += 1;
    }

    fn spread(&self) -> Spread {
        let n: u64 = self.0.iter().sum();
        let quantile = |q: f64| -> u8 {
            let target = ((n as f64 - 1.0) * q).round() as u64;
            let mut seen = 0;
            for (v, c) in self.0.iter().enumerate() {
                seen += c;
                if seen > target {
                    return v as u8;
                }
            }
            100
        };
        let sum: u64 = self.0.iter().enumerate().map(|(v, c)| v as u64 * c).sum();
        let mut bands = BTreeMap::new();
        for b in [Band::NeedsWork, Band::Fair, Band::Good, Band::Excellent] {
            bands.insert(b.key(), 0);
        }
        for (v, c) in self.0.iter().enumerate() {
            *bands.entry(Band::of(v as u8).key()).or_default() += c;
        }
        Spread {
            min: self.0.iter().position(|c| *c > 0).unwrap_or(0) as u8,
            p10: quantile(0.10),
            p25: quantile(0.25),
            median: quantile(0.5),
            p75: quantile(0.75),
            p90: quantile(0.90),
            max: self.0.iter().rposition(|c| *c > 0).unwrap_or(0) as u8,
            mean: if n == 0 {
                0.0
            } else {
                (sum as f64 / n as f64 * 10.0).round() / 10.0
            },
            bands,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Distribution {
    pub empathy: Spread,
    pub fact_gathering: Spread,
    pub agreement: Spread,
    pub compliance: Spread,
    pub overall: Spread,
}

/// What `explore` reports.
#[derive(Debug, Clone, Serialize)]
pub struct Exploration {
    pub scenario: String,
    pub seed: u64,
    pub paths: u64,
    /// Paths per ending.
    pub endings: BTreeMap<&'static str, u64>,
    /// Best and worst path by overall score (the first found on a tie), as `run --json`
    /// reports them.
    pub best: Report,
    pub worst: Report,
    pub distribution: Distribution,
    /// The plans tried at each negotiation (of every draw walked).
    pub plan_grid: Vec<Plan>,
    /// Each draw walked: its paths, endings, best and worst.
    pub draws: Vec<DrawSummary>,
}

/// Hands `visit` each conversation one action on from `conv`: every option, or at a
/// negotiation every plan of the grid; stops at the first error. An action that changed
/// nothing (a plan `propose` refused as invalid, say) is a dead end, never a state to walk on
/// from, so every walk ends. One clone at a time: the walk's hot path.
fn each_successor<E>(
    conv: &Conversation,
    grid: &[Plan],
    mut visit: impl FnMut(Conversation) -> Result<(), E>,
) -> Result<(), E> {
    let mut act = |f: &dyn Fn(&mut Conversation)| {
        let mut c = conv.clone();
        f(&mut c);
        if c.turns().len() > conv.turns().len() {
            visit(c)
        } else {
            Ok(())
        }
    };
    match conv.prompt() {
        Prompt::Ended(_) => Ok(()),
        Prompt::Channel(cc) => (0..cc.options.len()).try_for_each(|i| act(&|c| c.take_channel(i))),
        Prompt::Choose { options, .. } => {
            (0..options.len()).try_for_each(|i| act(&|c| c.take_choice(i)))
        }
        Prompt::Negotiate { .. } => grid.iter().try_for_each(|p| {
            act(&|c| {
                let _ = c.propose(*p);
            })
        }),
    }
}

struct Walk {
    paths: u64,
    limit: u64,
    endings: BTreeMap<Ending, u64>,
    hist: [Histogram; 5],
    best: Option<(u8, Conversation)>,
    worst: Option<(u8, Conversation)>,
    score: bool,
    grid: Rc<[Plan]>,
}

impl Walk {
    fn new(book: &Playbook, limit: u64, score: bool) -> Walk {
        Walk {
            paths: 0,
            limit,
            endings: BTreeMap::new(),
            hist: Default::default(),
            best: None,
            worst: None,
            score,
            grid: grid_for(book).into(),
        }
    }

    fn go(&mut self, conv: Conversation) -> Result<(), ()> {
        let Prompt::Ended(e) = conv.prompt() else {
            let grid = Rc::clone(&self.grid);
            return each_successor(&conv, &grid, |c| self.go(c));
        };
        if self.paths >= self.limit {
            return Err(());
        }
        self.paths += 1;
        if self.score {
            *self.endings.entry(e).or_default() += 1;
            self.leaf(conv);
        }
        Ok(())
    }

    fn leaf(&mut self, conv: Conversation) {
        let Scores {
            empathy,
            fact_gathering,
            agreement,
            compliance,
            overall,
        } = crate::score::scores(&conv);
        for (h, v) in
            self.hist
                .iter_mut()
                .zip([empathy, fact_gathering, agreement, compliance, overall])
        {
            h.add(v);
        }
        if self.best.as_ref().is_none_or(|(b, _)| overall > *b) {
            self.best = Some((overall, conv.clone()));
        }
        if self.worst.as_ref().is_none_or(|(w, _)| overall < *w) {
            self.worst = Some((overall, conv));
        }
    }
}

/// Every plan the walk tries in this scenario: the union of its negotiations' grids.
pub fn grid_for(book: &Playbook) -> Vec<Plan> {
    // Validation allows several negotiation nodes on different branches; their policies may
    // differ, so the grid is the union of each node's grid.
    let mut grid: Vec<Plan> = Vec::new();
    for n in book
        .scenario
        .nodes
        .iter()
        .filter_map(|n| n.negotiate.as_ref())
    {
        for p in plan_grid(&book.scenario.persona.finances, n) {
            if !grid.contains(&p) {
                grid.push(p);
            }
        }
    }
    grid
}

/// The best way to finish a conversation from where it stands, looking at no more than
/// `limit` endings (the best of those seen if there are more). `None` only if no ending was
/// reached at all.
pub fn best_continuation(conv: &Conversation, limit: u64) -> Option<Conversation> {
    let book = conv.book();
    let mut w = Walk::new(book, limit, true);
    let _ = w.go(conv.clone());
    w.best.map(|(_, c)| c)
}

/// Counts the paths through a scenario without scoring them; `None` above `limit`.
///
/// Paths that reach the same state (see [`Conversation::ahead`]) share what lies ahead, so
/// each state's count is computed once: `check` counts millions of paths in milliseconds.
pub fn count_paths(book: &Arc<Playbook>, limit: u64) -> Option<u64> {
    let watched = chose_ids(book);
    let mut counter = Counter {
        watched: watched.iter().map(String::as_str).collect(),
        grid: grid_for(book).into(),
        memo: HashMap::new(),
        limit,
    };
    counter.count(&Conversation::new(Arc::clone(book), 0))
}

/// The option ids that `Chose` conditions anywhere in the scenario name.
fn chose_ids(book: &Playbook) -> Vec<String> {
    fn visit(c: &Condition, out: &mut Vec<String>) {
        match c {
            Condition::Chose(id) if !out.contains(id) => out.push(id.clone()),
            Condition::All(v) | Condition::Any(v) => v.iter().for_each(|c| visit(c, out)),
            Condition::Not(c) => visit(c, out),
            _ => {}
        }
    }
    let s = &book.scenario;
    let mut out = Vec::new();
    for b in s.interrupts.iter().chain(
        s.nodes
            .iter()
            .flat_map(|n| n.options.iter().flat_map(|o| &o.branch)),
    ) {
        visit(&b.when, &mut out);
    }
    out
}

struct Counter<'a> {
    watched: Vec<&'a str>,
    grid: Rc<[Plan]>,
    memo: HashMap<crate::dialogue::Ahead, u64>,
    limit: u64,
}

impl Counter<'_> {
    fn count(&mut self, conv: &Conversation) -> Option<u64> {
        // Past 64 watched ids the key could confuse states: count without the memo then.
        let key = (self.watched.len() <= 64).then(|| conv.ahead(&self.watched));
        if let Some(n) = key.as_ref().and_then(|k| self.memo.get(k)) {
            return Some(*n);
        }
        let mut n = u64::from(matches!(conv.prompt(), Prompt::Ended(_)));
        let grid = Rc::clone(&self.grid);
        each_successor(conv, &grid, |c| {
            n = n.saturating_add(self.count(&c).ok_or(())?);
            if n > self.limit { Err(()) } else { Ok(()) }
        })
        .ok()?;
        if let Some(k) = key {
            self.memo.insert(k, n);
        }
        (n <= self.limit).then_some(n)
    }
}

/// One draw's part of an exploration.
#[derive(Debug, Clone, Serialize)]
pub struct DrawSummary {
    pub index: usize,
    pub truth: String,
    pub style: &'static str,
    pub paths: u64,
    pub endings: BTreeMap<&'static str, u64>,
    pub best: PathSummary,
    pub worst: PathSummary,
}

/// A path in a line: its scores, band, ending and the command that plays it.
#[derive(Debug, Clone, Serialize)]
pub struct PathSummary {
    pub overall: u8,
    pub band: Band,
    pub scores: Scores,
    pub ending: Option<&'static str>,
    pub command: String,
}

impl PathSummary {
    fn of(r: &Report) -> PathSummary {
        PathSummary {
            overall: r.scores.overall,
            band: r.band,
            scores: r.scores,
            ending: r.ending.map(|e| e.key()),
            command: r.command(),
        }
    }
}

/// Walks and scores every path of every draw (or of the one pinned); the best and worst are
/// reported with `seed` and `lang`. The totals are over all draws walked, `draws` has each.
pub fn explore(
    book: &Arc<Playbook>,
    seed: u64,
    lang: Lang,
    pinned: Option<usize>,
) -> Result<Exploration, ExploreError> {
    let too_many = || {
        ExploreError::TooMany(TooManyPaths {
            scenario: book.id().to_string(),
            limit: MAX_PATHS,
        })
    };
    let indices: Vec<usize> = match pinned {
        Some(i) => vec![i],
        None => (0..book.draw_count()).collect(),
    };
    let mut paths = 0;
    let mut endings: BTreeMap<Ending, u64> = BTreeMap::new();
    let mut hist: [Histogram; 5] = Default::default();
    let mut best: Option<(u8, Report)> = None;
    let mut worst: Option<(u8, Report)> = None;
    let mut grid: Vec<Plan> = Vec::new();
    let mut draws = Vec::new();
    for w in walk_draws(book, seed, &indices) {
        let w = w?;
        let (bo, b) = w.best;
        let (wo, wc) = w.worst;
        let (b_report, w_report) = (replayed(&b, seed, lang), replayed(&wc, seed, lang));
        draws.push(DrawSummary {
            index: w.index,
            truth: b.book().draw().truth.clone(),
            style: b.book().draw().style.key(),
            paths: w.paths,
            endings: w.endings.iter().map(|(k, v)| (k.key(), *v)).collect(),
            best: PathSummary::of(&b_report),
            worst: PathSummary::of(&w_report),
        });
        if best.as_ref().is_none_or(|(x, _)| bo > *x) {
            best = Some((bo, b_report));
        }
        if worst.as_ref().is_none_or(|(x, _)| wo < *x) {
            worst = Some((wo, w_report));
        }
        paths += w.paths;
        if paths > MAX_PATHS {
            return Err(too_many());
        }
        for (k, v) in &w.endings {
            *endings.entry(*k).or_default() += v;
        }
        for (total, h) in hist.iter_mut().zip(&w.hist) {
            for (t, v) in total.0.iter_mut().zip(h.0) {
                *t += v;
            }
        }
        for p in &w.grid {
            if !grid.contains(p) {
                grid.push(*p);
            }
        }
    }
    let (Some((_, best)), Some((_, worst))) = (best, worst) else {
        return Err(too_many());
    };
    let [e, f, a, c, o] = &hist;
    Ok(Exploration {
        scenario: book.id().to_string(),
        seed,
        paths,
        endings: endings.iter().map(|(k, v)| (k.key(), *v)).collect(),
        best,
        worst,
        distribution: Distribution {
            empathy: e.spread(),
            fact_gathering: f.spread(),
            agreement: a.spread(),
            compliance: c.spread(),
            overall: o.spread(),
        },
        plan_grid: grid,
        draws,
    })
}

/// One draw walked: what [`explore`] adds up (the walk's own state stays on its thread).
struct Walked {
    index: usize,
    paths: u64,
    endings: BTreeMap<Ending, u64>,
    hist: [Histogram; 5],
    best: (u8, Conversation),
    worst: (u8, Conversation),
    grid: Vec<Plan>,
}

/// Walks the draws `indices` of `book`, each on its own thread (they are independent).
fn walk_draws(
    book: &Arc<Playbook>,
    seed: u64,
    indices: &[usize],
) -> Vec<Result<Walked, ExploreError>> {
    std::thread::scope(|scope| {
        let handles: Vec<_> = indices
            .iter()
            .map(|&index| scope.spawn(move || walk_draw(book, seed, index)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(ExploreError::TooMany(TooManyPaths {
                        scenario: book.id().to_string(),
                        limit: MAX_PATHS,
                    }))
                })
            })
            .collect()
    })
}

fn walk_draw(book: &Arc<Playbook>, seed: u64, index: usize) -> Result<Walked, ExploreError> {
    let too_many = || {
        ExploreError::TooMany(TooManyPaths {
            scenario: book.id().to_string(),
            limit: MAX_PATHS,
        })
    };
    let drawn = book.for_run(seed, Some(index))?;
    let mut w = Walk::new(&drawn, MAX_PATHS, true);
    w.go(Conversation::new(Arc::clone(&drawn), seed))
        .map_err(|_| too_many())?;
    let (Some(best), Some(worst)) = (w.best.take(), w.worst.take()) else {
        return Err(too_many());
    };
    Ok(Walked {
        index,
        paths: w.paths,
        endings: std::mem::take(&mut w.endings),
        hist: std::mem::take(&mut w.hist),
        best,
        worst,
        grid: w.grid.to_vec(),
    })
}

/// The report of a path as `run --seed` prints it: replayed with the seed so the transcript
/// reads exactly the same.
fn replayed(c: &Conversation, seed: u64, lang: Lang) -> Report {
    Report::new(
        &crate::dialogue::replay(c.book(), seed, &c.choice_ids(), c.proposal())
            .unwrap_or_else(|_| c.clone()),
        lang,
    )
}

/// What `check` finds wrong with one draw: it cannot be won, or an ending of the scenario
/// cannot be reached with this customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawProblem {
    pub index: usize,
    pub truth: String,
    pub style: crate::scenario::Style,
    pub message: String,
}

/// The lowest overall score a draw's best path must reach to count as winnable.
pub const WINNABLE: u8 = 60;

/// What `check` learns from walking every draw: the paths over all draws, and each draw no
/// path wins (a good score or better) or that cannot reach an ending the scenario has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawCheck {
    pub paths: u64,
    pub problems: Vec<DrawProblem>,
}

pub fn check_draws(book: &Arc<Playbook>) -> DrawCheck {
    let named: std::collections::BTreeSet<Ending> =
        book.scenario.nodes.iter().filter_map(|n| n.end).collect();
    let indices: Vec<usize> = (0..book.draw_count()).collect();
    let mut out = DrawCheck {
        paths: 0,
        problems: Vec::new(),
    };
    for (index, walked) in indices.iter().zip(walk_draws(book, 0, &indices)) {
        let Ok(d) = book.with_draw(*index).map(|b| b.draw().clone()) else {
            continue;
        };
        let mut problem = |message: String| {
            out.problems.push(DrawProblem {
                index: d.index,
                truth: d.truth.clone(),
                style: d.style,
                message,
            })
        };
        let w = match walked {
            Ok(w) => w,
            Err(e) => {
                problem(e.to_string());
                continue;
            }
        };
        let best = w.best.0;
        if best < WINNABLE {
            problem(format!(
                "this customer cannot be won: the best path scores {best} overall (a good call needs {WINNABLE})"
            ));
        }
        let missing: Vec<&str> = named
            .iter()
            .filter(|e| !w.endings.contains_key(e))
            .map(|e| e.key())
            .collect();
        if !missing.is_empty() {
            problem(format!(
                "no path reaches {} with this customer",
                missing.join(", ")
            ));
        }
        out.paths += w.paths;
    }
    out
}

/// Why an exploration could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExploreError {
    #[error(transparent)]
    TooMany(#[from] TooManyPaths),
    #[error(transparent)]
    Draw(#[from] crate::scenario::NoSuchDraw),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::discover;
    use std::path::Path;

    fn shipped() -> Vec<Arc<Playbook>> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        discover(&[root.join("scenarios"), root.join("tests/fixtures")])
            .expect("scenarios")
            .iter()
            .map(|f| Arc::new(Playbook::load(f).expect("a shipped scenario loads")))
            .collect()
    }

    #[test]
    fn the_memoised_count_equals_the_paths_the_walk_takes() {
        for book in shipped() {
            let counted = count_paths(&book, MAX_PATHS).expect("within the limit");
            let mut w = Walk::new(&book, MAX_PATHS, false);
            w.go(Conversation::new(Arc::clone(&book), 0))
                .expect("within the limit");
            assert_eq!(counted, w.paths, "{}", book.id());
            assert!(counted > 1, "{}", book.id());
            // The limit is a limit.
            assert_eq!(count_paths(&book, counted - 1), None, "{}", book.id());
        }
    }

    #[test]
    fn the_grid_holds_only_plans_that_can_be_proposed() {
        let book = shipped().remove(0);
        let neg = book
            .scenario
            .nodes
            .iter()
            .find_map(|n| n.negotiate.clone())
            .expect("a negotiation");
        for (owed, cap) in [
            (1_000_000.01, 40.0),
            (119_999_999.99, 1_000_000.0),
            (0.01, 0.0),
        ] {
            let f = Finances {
                owed,
                can_pay_monthly: cap,
                monthly_income: cap + 100.0,
                ..book.scenario.persona.finances
            };
            let grid = plan_grid(&f, &neg);
            assert!(!grid.is_empty(), "owed {owed}");
            for p in grid {
                assert!(p.check().is_ok(), "owed {owed}: {p:?}");
            }
        }
    }
}
