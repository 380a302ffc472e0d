//! Draws: the customer behind a scenario file for one run. A scenario lists the hidden truths
//! its customer may have (reason, facts, finances, starting mood) and the styles they may
//! show; a draw is one truth in one style, picked from the run's seed or pinned. A drawn
//! [`Playbook`] is a plain scenario to the dialogue and the rubric: its persona is the one
//! drawn and its options' mood changes come from the style table for that style.

use super::model::{Persona, Scenario, Style, Truth};
use super::{Playbook, style};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::sync::Arc;

/// Which customer a run meets.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Draw {
    /// 0-based: truth-major, `truth × styles + style`. Draw 0 is the persona as written.
    pub index: usize,
    /// How many draws the scenario has.
    pub count: usize,
    /// The id of the truth drawn (`as-written` when the scenario lists none).
    pub truth: String,
    pub style: Style,
}

/// A draw a scenario does not have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{scenario} has no draw {index}: its draws are 0–{last} ({})", .draws.join(", "))]
pub struct NoSuchDraw {
    pub scenario: String,
    pub index: usize,
    pub last: usize,
    draws: Vec<String>,
}

/// The truth id used when a scenario lists no truths.
pub const AS_WRITTEN: &str = "as-written";

/// The styles a persona may show, `style` first.
pub fn styles(p: &Persona) -> Vec<Style> {
    let mut v = vec![p.style];
    for s in &p.styles {
        if !v.contains(s) {
            v.push(*s);
        }
    }
    v
}

/// How many draws a persona has (at least one): truths × styles.
pub fn count(p: &Persona) -> usize {
    p.truths.len().max(1) * styles(p).len()
}

/// The truth (`None`: the persona as written) and style of draw `index`, clamped to the last.
fn locate(p: &Persona, index: usize) -> (Option<&Truth>, Style) {
    let styles = styles(p);
    let index = index.min(count(p) - 1);
    (
        p.truths.get(index / styles.len()),
        styles[index % styles.len()],
    )
}

/// The truth's id, as a draw names it.
fn truth_id(t: Option<&Truth>) -> String {
    t.map_or(AS_WRITTEN, |t| t.id.as_str()).to_string()
}

/// The draw a seed picks: from its own stream, so the seed's wording is what it was.
pub fn for_seed(seed: u64, count: usize) -> usize {
    if count <= 1 {
        return 0;
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x00D1_CE5E_ED0F_C057);
    rng.random_range(0..count)
}

/// The scenario as the customer of draw `index` (< [`count`]) makes it.
pub(super) fn materialise(written: &Scenario, index: usize) -> (Scenario, Draw) {
    let p = &written.persona;
    let count = count(p);
    let index = index.min(count - 1);
    let (chosen, drawn) = locate(p, index);
    let as_written = Truth::default();
    let truth = chosen.unwrap_or(&as_written);
    let mut s = written.clone();
    let persona = &mut s.persona;
    persona.style = drawn;
    persona.styles.clear();
    persona.truths.clear();
    if let Some(t) = &truth.situation {
        persona.situation = t.clone();
    }
    if let Some(m) = truth.mood {
        persona.mood = m;
    }
    persona.finances = truth.finances.apply(&p.finances);
    persona.facts = p
        .facts
        .iter()
        .filter(|f| !truth.absent.contains(&f.id))
        .map(
            |f| match truth.facts.iter().find(|patch| patch.id == f.id) {
                Some(patch) => patch.apply(f),
                None => f.clone(),
            },
        )
        .collect();
    // Every option's mood change, as this style takes it.
    let react = |codes: &[super::Code], trust: &mut Option<i32>, stress: &mut Option<i32>| {
        let (t, st) = style::effect(p.style, drawn, codes, *trust, *stress);
        *trust = Some(t);
        *stress = Some(st);
    };
    if let Some(cc) = &mut s.context.channel_choice {
        for o in &mut cc.options {
            react(&o.codes, &mut o.trust, &mut o.stress);
        }
    }
    for n in &mut s.nodes {
        for o in &mut n.options {
            react(&o.codes, &mut o.trust, &mut o.stress);
        }
    }
    let draw = Draw {
        index,
        count,
        truth: truth_id(chosen),
        style: drawn,
    };
    (s, draw)
}

impl Playbook {
    /// This book's draw.
    pub fn draw(&self) -> &Draw {
        &self.draw
    }

    /// How many draws the scenario has.
    pub fn draw_count(&self) -> usize {
        self.draw.count
    }

    /// The scenario as written, before any draw.
    pub fn written(&self) -> &Scenario {
        &self.written
    }

    /// The same scenario with the customer of draw `index`.
    pub fn with_draw(&self, index: usize) -> Result<Playbook, NoSuchDraw> {
        if index >= self.draw.count {
            return Err(NoSuchDraw {
                scenario: self.id().to_string(),
                index,
                last: self.draw.count - 1,
                draws: (0..self.draw.count.min(12))
                    .map(|i| {
                        let (truth, style) = locate(&self.written.persona, i);
                        format!("{i} = {} {}", truth_id(truth), style.key())
                    })
                    .collect(),
            });
        }
        if index == self.draw.index {
            return Ok(self.clone());
        }
        Ok(Playbook::drawn(
            Arc::clone(&self.written),
            self.path.clone(),
            self.hash.clone(),
            index,
        ))
    }

    /// The book a run with `seed` plays: the draw pinned, or the one the seed picks.
    pub fn for_run(
        self: &Arc<Playbook>,
        seed: u64,
        pinned: Option<usize>,
    ) -> Result<Arc<Playbook>, NoSuchDraw> {
        let index = pinned.unwrap_or_else(|| for_seed(seed, self.draw.count));
        if index == self.draw.index && index < self.draw.count {
            return Ok(Arc::clone(self));
        }
        self.with_draw(index).map(Arc::new)
    }

    /// Every draw of the scenario, in order.
    pub fn all_draws(&self) -> impl Iterator<Item = Playbook> + '_ {
        (0..self.draw.count).filter_map(|i| self.with_draw(i).ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_picks_the_same_draw_every_time_and_every_draw_is_picked() {
        let mut seen = [0u32; 6];
        for seed in 0..600u64 {
            let d = for_seed(seed, 6);
            assert_eq!(d, for_seed(seed, 6));
            seen[d] += 1;
        }
        assert!(seen.iter().all(|n| *n > 60), "{seen:?}");
        assert_eq!(for_seed(7, 1), 0);
    }
}
