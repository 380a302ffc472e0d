//! A simulated class of trainees, for demo databases and the store benchmark: real sessions
//! (random walks through the shipped scenarios, scored by the rubric) handed out to players
//! whose skill grows over the weeks, so histories and leaderboards look like a real team's.

use crate::dialogue::{Act, Conversation, Prompt};
use crate::report::Report;
use crate::scenario::Playbook;
use crate::store::StoredSession;
use crate::text::Lang;
use rand::{Rng, RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::sync::Arc;

/// Played conversations of one scenario, worst to best overall.
pub struct Pool {
    pub book: Arc<Playbook>,
    pub reports: Vec<Report>,
}

/// One walk: at each turn, with chance `care`, the move the explorer finds best from here
/// (looking at a few hundred endings); otherwise a random option, or a random plan from the
/// explorer's grid.
fn walk(book: &Arc<Playbook>, care: f64, rng: &mut impl Rng) -> Conversation {
    let grid = crate::explore::grid_for(book);
    let mut c = Conversation::new(Arc::clone(book), rng.random());
    for _ in 0..=book.scenario.nodes.len() + 2 {
        if c.ending().is_some() {
            break;
        }
        if rng.random_bool(care.clamp(0.0, 1.0))
            && let Some(best) = crate::explore::best_continuation(&c, 300)
            && let Some(next) = best.turns().get(c.turns().len())
        {
            match next.act {
                Act::Channel(i) => c.take_channel(i),
                Act::Choice(i) => c.take_choice(i),
                Act::Proposal { plan, .. } => {
                    let _ = c.propose(plan);
                }
            }
            continue;
        }
        if let Prompt::Negotiate { .. } = c.prompt() {
            if grid.is_empty() {
                break;
            }
            // Grid plans are valid by construction.
            let _ = c.propose(grid[rng.random_range(0..grid.len())]);
        } else {
            let options = c.options();
            if options.is_empty() {
                break;
            }
            let id = options[rng.random_range(0..options.len())].0.clone();
            let _ = c.choose(&id);
        }
    }
    c
}

impl Pool {
    /// `n` walks through `book`, from careless to careful, sorted by overall score.
    pub fn new(book: &Arc<Playbook>, n: usize, seed: u64) -> Pool {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut reports: Vec<Report> = (0..n)
            .map(|i| {
                let care = i as f64 / n.saturating_sub(1).max(1) as f64;
                Report::new(&walk(book, care, &mut rng), Lang::En)
            })
            .filter(|r| r.ending.is_some())
            .collect();
        reports.sort_by_key(|r| r.scores.overall);
        Pool {
            book: Arc::clone(book),
            reports,
        }
    }

    /// The report at skill `s` (0 = the worst walk, 1 = the best).
    pub fn at(&self, s: f64) -> Option<&Report> {
        let last = self.reports.len().checked_sub(1)?;
        let i = (s.clamp(0.0, 1.0) * last as f64).round() as usize;
        self.reports.get(i)
    }
}

/// The shape of a simulated class.
#[derive(Debug, Clone)]
pub struct Class {
    pub players: usize,
    pub teams: Vec<String>,
    /// Sessions in all.
    pub sessions: usize,
    /// The period they are spread over, ending at `until`.
    pub days: i64,
    pub until: i64,
    pub seed: u64,
}

const NAMES: [&str; 24] = [
    "Anouk", "Bram", "Chaimae", "Daan", "Elif", "Femke", "Gijs", "Hanna", "Ilias", "Jana", "Kobe",
    "Lotte", "Mehmet", "Nina", "Olivier", "Priya", "Quinten", "Roos", "Sem", "Tess", "Umut",
    "Vera", "Wout", "Yara",
];

/// A player's name: the list above, numbered after the first round.
pub fn player_name(i: usize) -> String {
    let base = NAMES[i % NAMES.len()];
    match i / NAMES.len() {
        0 => base.to_string(),
        k => format!("{base} {}", k + 1),
    }
}

impl Class {
    /// The class's sessions, oldest first: each player starts at their own skill and improves
    /// at their own rate, with a bad day now and then.
    pub fn sessions(&self, pools: &[Pool]) -> Vec<StoredSession> {
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed);
        let players: Vec<(String, String, f64, f64)> = (0..self.players.max(1))
            .map(|i| {
                let team = self
                    .teams
                    .get(i % self.teams.len().max(1))
                    .cloned()
                    .unwrap_or_default();
                let start = rng.random_range(0.15..0.55);
                let growth = rng.random_range(0.1..0.45);
                (player_name(i), team, start, growth)
            })
            .collect();
        let span = self.days.max(1) * 86_400;
        // Office hours (UTC 07–16) on the days of the period, never after `until`.
        let today = self.until.div_euclid(86_400) * 86_400;
        let mut times: Vec<i64> = (0..self.sessions)
            .map(|_| {
                let day = today - rng.random_range(0..self.days.max(1)) * 86_400;
                (day + rng.random_range(7 * 3600..16 * 3600)).min(self.until)
            })
            .collect();
        times.sort_unstable();
        let mut out = Vec::with_capacity(self.sessions);
        for ended in times {
            if pools.is_empty() {
                break;
            }
            let (player, team, start, growth) = &players[rng.random_range(0..players.len())];
            let pool = &pools[rng.random_range(0..pools.len())];
            let progress = 1.0 - (self.until - ended) as f64 / span as f64;
            let noise: f64 = rng.random_range(-0.2..0.2);
            let skill = start + growth * progress + noise;
            let Some(report) = pool.at(skill) else {
                continue;
            };
            let took = rng.random_range(240..900);
            let mut s = StoredSession::from_report(
                report,
                &pool.book.hash,
                player,
                team,
                ended - took,
                ended,
            );
            s.key = format!("{:032x}", rng.random::<u128>());
            out.push(s);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pools() -> Vec<Pool> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
        ["cant-pay", "ostrich"]
            .iter()
            .map(|id| {
                let book = Arc::new(
                    Playbook::load(dir.join(format!("{id}.scenario.ron"))).expect("loads"),
                );
                Pool::new(&book, 60, 7)
            })
            .collect()
    }

    #[test]
    fn a_class_improves_over_the_period_and_is_reproducible() {
        let pools = pools();
        assert!(pools.iter().all(|p| p.reports.len() > 50));
        assert!(
            pools
                .iter()
                .all(|p| p.reports.first().map(|r| r.scores.overall)
                    < p.reports.last().map(|r| r.scores.overall)),
            "walks differ in quality"
        );
        let class = Class {
            players: 8,
            teams: vec!["Noord".into(), "Zuid".into()],
            sessions: 400,
            days: 60,
            until: 100 * 86_400,
            seed: 1,
        };
        let a = class.sessions(&pools);
        assert_eq!(a.len(), 400);
        assert!(a.windows(2).all(|w| w[0].ended <= w[1].ended));
        let mean = |s: &[StoredSession]| {
            s.iter().map(|x| f64::from(x.scores.overall)).sum::<f64>() / s.len() as f64
        };
        let (early, late) = a.split_at(200);
        assert!(
            mean(late) > mean(early) + 5.0,
            "the class improves: {} → {}",
            mean(early),
            mean(late)
        );
        let b = class.sessions(&pools);
        assert_eq!(
            a.iter().map(|s| &s.key).collect::<Vec<_>>(),
            b.iter().map(|s| &s.key).collect::<Vec<_>>()
        );
        let teams: std::collections::BTreeSet<&str> = a.iter().map(|s| s.team.as_str()).collect();
        assert_eq!(teams.len(), 2);
    }
}
