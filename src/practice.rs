//! What to practise next, and when: spaced follow-ups per scenario (one day, one week, one
//! month, three months), proficiency per dimension and principle in MITI's tiers, weighted to
//! the most recent sessions, and the scenario and customer that train the weakest of them.
//!
//! Plain functions over stored sessions and a catalogue of scenarios, shared by
//! `collector-dojo practice`, the title screen, the history and the practice record.

use crate::calendar::Date;
use crate::scenario::{Playbook, Principle};
use crate::score::miti::{Profile, Tier};
use crate::score::{Band, Dimension, Verdict};
use crate::store::StoredSession;
use crate::text::{Lang, Text};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The follow-up ladder: how long until a scenario is due again. A session below good goes
/// back to the first rung; one at good or better, played when it was due, climbs one rung.
/// Three or four spaced follow-ups keep a trained skill from fading (Schwalbe et al. 2014).
pub const LADDER: [Interval; 5] = [
    Interval::Days(1),
    Interval::Days(7),
    Interval::Months(1),
    Interval::Months(3),
    Interval::Months(6),
];

/// How many of a player's most recent sessions proficiency reads.
pub const RECENT: usize = 10;
/// Each older session weighs this much of the next newer one.
pub const DECAY: f64 = 0.75;

/// A proficiency rating is read on MITI's 1–5 scale of global ratings: fair from 3, good
/// from 4 (MITI 4.2.1's thresholds for the technical global).
pub const RATING_FAIR: f64 = 3.0;
pub const RATING_GOOD: f64 = 4.0;
/// A principle is mastered at good after this many recent sessions practised it, the newest
/// of them without a slip.
pub const MASTERED_AFTER: usize = 3;

/// A rung of the ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Interval {
    Days(u32),
    Months(u32),
}

impl Interval {
    pub fn after(self, d: Date) -> Date {
        match self {
            Interval::Days(n) => d.plus_days(n),
            Interval::Months(n) => d.plus_months(n),
        }
    }

    pub fn label(self) -> Text {
        match self {
            Interval::Days(1) => Text::new("een dag", "one day"),
            Interval::Days(7) => Text::new("een week", "one week"),
            Interval::Days(n) => Text::new(format!("{n} dagen"), format!("{n} days")),
            Interval::Months(1) => Text::new("een maand", "one month"),
            Interval::Months(n) => Text::new(format!("{n} maanden"), format!("{n} months")),
        }
    }
}

/// What the catalogue says of a scenario the player could play.
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    pub id: String,
    pub title: Text,
    pub difficulty: u8,
    pub trains: Vec<Principle>,
    pub draws: usize,
}

impl Offer {
    pub fn of(book: &Playbook) -> Offer {
        let s = &book.scenario;
        Offer {
            id: s.id.clone(),
            title: s.title.clone(),
            difficulty: s.difficulty,
            trains: s.trains.clone(),
            draws: book.draw_count(),
        }
    }
}

/// When a scenario is due again.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Due {
    pub scenario: String,
    pub title: String,
    pub sessions: usize,
    /// The latest session: when it ended, its overall score and band.
    pub last: i64,
    pub score: u8,
    pub band: Band,
    /// The rung reached ([`LADDER`] index) and the day it falls due.
    pub rung: usize,
    pub due: Date,
}

impl Due {
    pub fn interval(&self) -> Interval {
        LADDER[self.rung.min(LADDER.len() - 1)]
    }

    /// Days from `today` to the due day: negative when overdue.
    pub fn days_left(&self, today: Date) -> i64 {
        self.due.to_days() - today.to_days()
    }
}

/// The follow-up of every scenario the player has played, soonest due first.
///
/// A session below good puts the scenario back on the first rung (due the next day). One at
/// good or better climbs a rung, if it was played on or after its due day (or was the first):
/// playing the same scenario again the same afternoon is not a spaced follow-up, so it keeps
/// its rung, counted from the new session.
pub fn schedule(sessions: &[&StoredSession]) -> Vec<Due> {
    let mut by: BTreeMap<&str, Vec<&StoredSession>> = BTreeMap::new();
    for s in sessions.iter().filter(|s| s.ending.is_some()) {
        by.entry(&s.scenario).or_default().push(s);
    }
    let mut out: Vec<Due> = by
        .into_values()
        .filter_map(|mut v| {
            v.sort_by_key(|s| (s.ended, s.id));
            let mut rung: Option<usize> = None;
            let mut due: Option<Date> = None;
            for s in &v {
                let day = Date::of_timestamp(s.ended);
                let good = Band::of(s.scores.overall) >= Band::Good;
                let next = match (good, rung, due) {
                    (false, _, _) => 0,
                    (true, None, _) => 1,
                    (true, Some(r), Some(d)) if day >= d => (r + 1).min(LADDER.len() - 1),
                    // Early: the rung holds (but a good session never stays on the first).
                    (true, Some(r), _) => r.max(1),
                };
                rung = Some(next);
                due = Some(LADDER[next].after(day));
            }
            let last = v.last()?;
            Some(Due {
                scenario: last.scenario.clone(),
                title: last.title.clone(),
                sessions: v.len(),
                last: last.ended,
                score: last.scores.overall,
                band: Band::of(last.scores.overall),
                rung: rung?,
                due: due?,
            })
        })
        .collect();
    out.sort_by(|a, b| a.due.cmp(&b.due).then(a.scenario.cmp(&b.scenario)));
    out
}

/// A rating on MITI's 1–5 scale, and its tier.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rating {
    pub value: f64,
    pub tier: Tier,
}

impl Rating {
    /// From a share 0–1 (of the best possible): 1 + 4·share.
    pub fn of_share(share: f64) -> Rating {
        let value = 1.0 + 4.0 * share.clamp(0.0, 1.0);
        let tier = if value >= RATING_GOOD {
            Tier::Good
        } else if value >= RATING_FAIR {
            Tier::Fair
        } else {
            Tier::BelowFair
        };
        Rating { value, tier }
    }

    /// "3.6 (fair)", "3,6 (redelijk)".
    pub fn show(&self, lang: Lang) -> String {
        format!(
            "{} ({})",
            crate::text::decimal(self.value, lang),
            self.tier.label().get(lang)
        )
    }
}

/// How a dimension stands over the recent sessions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionStanding {
    pub dimension: Dimension,
    /// The recency-weighted mean score, 0–100.
    pub mean: f64,
    pub rating: Rating,
}

/// How a principle stands over the recent sessions that practised it (had a finding on it).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrincipleStanding {
    #[serde(serialize_with = "principle_key")]
    pub principle: Principle,
    pub practised: usize,
    /// Recent sessions in which it was broken (a slip or a debit that cost points).
    pub broken: usize,
    /// The weighted share of practising sessions that kept it, on MITI's scale.
    pub rating: Rating,
    pub mastered: bool,
}

fn principle_key<S: serde::Serializer>(p: &Principle, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(p.key())
}

/// Proficiency over a player's recent sessions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proficiency {
    /// How many sessions it reads (at most [`RECENT`]).
    pub sessions: usize,
    pub dimensions: Vec<DimensionStanding>,
    /// Practised principles, weakest first.
    pub principles: Vec<PrincipleStanding>,
    /// The MITI profile of the recent sessions' behaviours together, when they could be replayed.
    pub miti: Option<Profile>,
}

/// The most recent sessions, newest first, each with its weight.
fn recent<'a>(sessions: &[&'a StoredSession]) -> Vec<(&'a StoredSession, f64)> {
    let mut v: Vec<&StoredSession> = sessions
        .iter()
        .copied()
        .filter(|s| s.ending.is_some())
        .collect();
    v.sort_by_key(|s| std::cmp::Reverse((s.ended, s.id)));
    v.into_iter()
        .take(RECENT)
        .enumerate()
        .map(|(k, s)| (s, DECAY.powi(k as i32)))
        .collect()
}

/// Proficiency per dimension and principle over the player's recent sessions; `profiles`
/// gives the MITI profile of each session that could be replayed (by session key).
pub fn proficiency(
    sessions: &[&StoredSession],
    profiles: &BTreeMap<String, Profile>,
) -> Proficiency {
    let recent = recent(sessions);
    let total: f64 = recent.iter().map(|(_, w)| w).sum();
    let dimensions = Dimension::ALL
        .iter()
        .map(|&d| {
            let mean = if total > 0.0 {
                recent
                    .iter()
                    .map(|(s, w)| w * f64::from(s.scores.get(d)))
                    .sum::<f64>()
                    / total
            } else {
                0.0
            };
            DimensionStanding {
                dimension: d,
                mean,
                rating: Rating::of_share(mean / 100.0),
            }
        })
        .collect();
    let mut principles: Vec<PrincipleStanding> = Principle::ALL
        .iter()
        .filter_map(|&p| {
            // (weight, kept) of each recent session that practised p, newest first.
            let practised: Vec<(f64, bool)> = recent
                .iter()
                .filter_map(|(s, w)| {
                    let mine: Vec<_> = s.findings.iter().filter(|f| f.principle == p).collect();
                    // Kept: no debit on it (a stored finding keeps no slip flag, so any debit counts).
                    (!mine.is_empty())
                        .then(|| (*w, !mine.iter().any(|f| f.verdict == Verdict::Debit)))
                })
                .collect();
            if practised.is_empty() {
                return None;
            }
            let weight: f64 = practised.iter().map(|(w, _)| w).sum();
            let kept: f64 = practised.iter().filter(|(_, k)| *k).map(|(w, _)| w).sum();
            let rating = Rating::of_share(kept / weight);
            Some(PrincipleStanding {
                principle: p,
                practised: practised.len(),
                broken: practised.iter().filter(|(_, k)| !k).count(),
                rating,
                mastered: rating.tier == Tier::Good
                    && practised.len() >= MASTERED_AFTER
                    && practised[0].1,
            })
        })
        .collect();
    principles.sort_by(|a, b| {
        a.rating
            .value
            .total_cmp(&b.rating.value)
            .then(b.broken.cmp(&a.broken))
            .then(a.principle.key().cmp(b.principle.key()))
    });
    let replayed: Vec<&Profile> = recent
        .iter()
        .filter_map(|(s, _)| profiles.get(&s.key))
        .collect();
    let miti = (!replayed.is_empty()).then(|| {
        replayed.iter().fold(Profile::default(), |a, p| Profile {
            reflections: a.reflections + p.reflections,
            complex_reflections: a.complex_reflections + p.complex_reflections,
            questions: a.questions + p.questions,
            open_questions: a.open_questions + p.open_questions,
            adherent: a.adherent + p.adherent,
            non_adherent: a.non_adherent + p.non_adherent,
        })
    });
    Proficiency {
        sessions: recent.len(),
        dimensions,
        principles,
        miti,
    }
}

/// Why a scenario is suggested.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Reason {
    /// Its follow-up is due (or overdue) since `since`.
    Due { since: Date, score: u8, band: Band },
    /// It trains a principle that is not yet good.
    Trains {
        #[serde(serialize_with = "principle_key")]
        principle: Principle,
        rating: Rating,
        broken: usize,
        practised: usize,
    },
    /// The weakest dimension.
    Dimension {
        dimension: Dimension,
        rating: Rating,
    },
    /// Not played yet.
    New,
    /// The first session: the easiest scenario.
    Start,
    /// A customer of the scenario the player has not met (or met least).
    Customer { draw: usize, met: usize },
}

impl Reason {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Reason::Due { since, score, band } => lang.pick(
                format!(
                    "weer aan de beurt sinds {} (laatst {score}, {})",
                    since.show(lang),
                    band.label().get(lang).to_lowercase()
                ),
                format!(
                    "due again since {} (last {score}, {})",
                    since.show(lang),
                    band.label().get(lang).to_lowercase()
                ),
            ),
            Reason::Trains {
                principle,
                rating,
                broken,
                practised,
            } => lang.pick(
                format!(
                    "oefent {}: {}, gebroken in {broken} van je laatste {practised} gesprekken erover",
                    principle.title().get(lang),
                    rating.show(lang)
                ),
                format!(
                    "trains {}: {}, broken in {broken} of your last {practised} sessions on it",
                    principle.title().get(lang),
                    rating.show(lang)
                ),
            ),
            Reason::Dimension { dimension, rating } => lang.pick(
                format!(
                    "je zwakste dimensie is {}: {}",
                    dimension.label().get(lang).to_lowercase(),
                    rating.show(lang)
                ),
                format!(
                    "your weakest dimension is {}: {}",
                    dimension.label().get(lang).to_lowercase(),
                    rating.show(lang)
                ),
            ),
            Reason::New => lang.pick("nog niet gespeeld", "not played yet").to_string(),
            Reason::Start => lang
                .pick(
                    "om te beginnen: het makkelijkste gesprek",
                    "to begin: the easiest conversation",
                )
                .to_string(),
            Reason::Customer { draw, met: 0 } => lang.pick(
                format!("klant {draw}: die heb je nog niet gesproken"),
                format!("customer {draw}: one you have not met yet"),
            ),
            Reason::Customer { draw, met } => lang.pick(
                format!("klant {draw}: de klant die je het minst sprak ({met}×)"),
                format!("customer {draw}: the one you met least ({met}×)"),
            ),
        }
    }
}

/// A scenario and customer to play, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    pub scenario: String,
    pub title: Text,
    pub draw: usize,
    pub reasons: Vec<Reason>,
}

/// The whole plan: what next (the first suggestion, then others), when each played scenario
/// is due, and how the player stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PracticePlan {
    pub player: String,
    pub today: Date,
    pub suggestions: Vec<Suggestion>,
    pub due: Vec<Due>,
    pub proficiency: Proficiency,
}

/// How many of the weakest principles a plan aims at.
pub const FOCUS: usize = 3;

/// Principles a suggestion aims at: the [`FOCUS`] weakest practised ones below good.
fn focus(p: &Proficiency) -> Vec<&PrincipleStanding> {
    p.principles
        .iter()
        .filter(|s| s.rating.tier < Tier::Good)
        .take(FOCUS)
        .collect()
}

/// Makes the plan for `player` on `today` from their sessions and the scenarios on offer.
pub fn plan(
    player: &str,
    sessions: &[&StoredSession],
    offers: &[Offer],
    profiles: &BTreeMap<String, Profile>,
    today: Date,
) -> PracticePlan {
    let due = schedule(sessions);
    let proficiency = proficiency(sessions, profiles);
    let weak_dimension = proficiency
        .dimensions
        .iter()
        .filter(|d| d.rating.tier < Tier::Good)
        .min_by(|a, b| a.mean.total_cmp(&b.mean));
    let focus = focus(&proficiency);
    let played = |id: &str| due.iter().find(|d| d.scenario == id);
    let mut ranked: Vec<(f64, &Offer, Vec<Reason>)> = offers
        .iter()
        .map(|o| {
            let mut score = 0.0;
            let mut reasons = Vec::new();
            match played(&o.id) {
                Some(d) if d.days_left(today) <= 0 => {
                    // Due first, the longest overdue before the rest.
                    score += 100.0 + (-d.days_left(today)).min(30) as f64;
                    reasons.push(Reason::Due {
                        since: d.due,
                        score: d.score,
                        band: d.band,
                    });
                }
                // Not yet due: coming back early is not spaced practice.
                Some(_) => score -= 100.0,
                None if sessions.is_empty() => {}
                None => {
                    score += 10.0;
                    reasons.push(Reason::New);
                }
            }
            for f in &focus {
                if o.trains.contains(&f.principle) {
                    score += 5.0 * (5.0 - f.rating.value) + f.broken as f64;
                    reasons.push(Reason::Trains {
                        principle: f.principle,
                        rating: f.rating,
                        broken: f.broken,
                        practised: f.practised,
                    });
                }
            }
            // A newcomer starts easy; later the harder ones are as welcome.
            if sessions.len() < 3 {
                score -= 8.0 * f64::from(o.difficulty.saturating_sub(1));
            }
            (score, o, reasons)
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(a.1.difficulty.cmp(&b.1.difficulty))
            .then(a.1.id.cmp(&b.1.id))
    });
    let suggestions = ranked
        .into_iter()
        .take(3)
        .enumerate()
        .map(|(i, (_, o, mut reasons))| {
            if sessions.is_empty() && i == 0 {
                reasons.push(Reason::Start);
            }
            if i == 0
                && !sessions.is_empty()
                && let Some(d) = weak_dimension
            {
                reasons.push(Reason::Dimension {
                    dimension: d.dimension,
                    rating: d.rating,
                });
            }
            // The customer met least often (a new person behind the same file), lowest first.
            let mut met = vec![0usize; o.draws.max(1)];
            for s in sessions.iter().filter(|s| s.scenario == o.id) {
                if let Some(m) = met.get_mut(s.draw) {
                    *m += 1;
                }
            }
            let (draw, times) = met
                .iter()
                .enumerate()
                .min_by_key(|(i, m)| (**m, *i))
                .map_or((0, 0), |(i, m)| (i, *m));
            if o.draws > 1 {
                reasons.push(Reason::Customer { draw, met: times });
            }
            Suggestion {
                scenario: o.id.clone(),
                title: o.title.clone(),
                draw,
                reasons,
            }
        })
        .collect();
    PracticePlan {
        player: player.to_string(),
        today,
        suggestions,
        due,
        proficiency,
    }
}

/// The MITI profile of a stored session, replayed on its scenario (`None` when the scenario
/// changed since, or the path no longer plays).
pub fn replayed_profile(s: &StoredSession, book: &Arc<Playbook>) -> Option<Profile> {
    if s.scenario_hash != book.hash || s.room.is_some() {
        return None;
    }
    let book = book.for_run(s.seed, Some(s.draw)).ok()?;
    let conv = crate::dialogue::replay(&book, s.seed, &s.choices, s.plan).ok()?;
    Some(Profile::of(&conv))
}

/// The scenarios in `dir` that validate, as offers, and the MITI profile of each of
/// `sessions` that replays on its scenario (by session key).
pub fn catalogue(
    dir: &std::path::Path,
    sessions: &[StoredSession],
) -> (Vec<Offer>, BTreeMap<String, Profile>) {
    let books: Vec<Arc<Playbook>> = crate::scenario::discover(&[dir.to_path_buf()])
        .unwrap_or_default()
        .iter()
        .filter_map(|f| Playbook::load(f).ok())
        .map(Arc::new)
        .collect();
    let refs: Vec<&StoredSession> = sessions.iter().collect();
    (
        books.iter().map(|b| Offer::of(b)).collect(),
        profiles(&books, &refs),
    )
}

/// The MITI profile of each of the [`RECENT`] newest sessions that replays on one of `books`
/// (by session key): all [`proficiency`] reads.
pub fn profiles(books: &[Arc<Playbook>], sessions: &[&StoredSession]) -> BTreeMap<String, Profile> {
    recent(sessions)
        .into_iter()
        .filter_map(|(s, _)| {
            let book = books.iter().find(|b| b.id() == s.scenario)?;
            Some((s.key.clone(), replayed_profile(s, book)?))
        })
        .collect()
}

/// "1 day", "3 dagen".
fn days(n: i64, lang: Lang) -> String {
    match (n, lang) {
        (1, Lang::Nl) => "1 dag".into(),
        (1, Lang::En) => "1 day".into(),
        (n, Lang::Nl) => format!("{n} dagen"),
        (n, Lang::En) => format!("{n} days"),
    }
}

impl PracticePlan {
    /// The plan as text, for `collector-dojo practice`.
    pub fn to_text(&self, lang: Lang, offers: &[Offer]) -> String {
        use std::fmt::Write as _;
        let title = |id: &str, fallback: &str| {
            offers
                .iter()
                .find(|o| o.id == id)
                .map_or(fallback.to_string(), |o| o.title.get(lang).to_string())
        };
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} {} · {}",
            lang.pick("Oefenplan voor", "Practice plan for"),
            self.player,
            self.today.show(lang)
        );
        for (i, s) in self.suggestions.iter().enumerate() {
            let head = if i == 0 {
                lang.pick("\nNu", "\nNext")
            } else if i == 1 {
                lang.pick("\nDaarna", "\nThen")
            } else {
                ""
            };
            if !head.is_empty() {
                let _ = writeln!(out, "{head}:");
            }
            let _ = writeln!(
                out,
                "  {} ({}, {} {})    collector-dojo play --scenario {} --draw {}",
                s.title.get(lang),
                s.scenario,
                lang.pick("klant", "customer"),
                s.draw,
                s.scenario,
                s.draw
            );
            for r in &s.reasons {
                let _ = writeln!(out, "    - {}", r.text(lang));
            }
        }
        if !self.due.is_empty() {
            let _ = writeln!(
                out,
                "\n{}:",
                lang.pick("Wanneer terugkomen", "When to come back")
            );
            for d in &self.due {
                let left = d.days_left(self.today);
                let when = match left {
                    n if n < 0 => lang.pick(
                        format!("{} te laat", days(-n, lang)),
                        format!("{} overdue", days(-n, lang)),
                    ),
                    0 => lang.pick("vandaag", "today").to_string(),
                    n => lang.pick(
                        format!("over {}", days(n, lang)),
                        format!("in {}", days(n, lang)),
                    ),
                };
                let _ = writeln!(
                    out,
                    "  {:<34} {} {:>3} {:<11} {} {} ({}; {} {})",
                    crate::text::shorten(&title(&d.scenario, &d.title), 34),
                    crate::calendar::Date::of_timestamp(d.last).short(lang),
                    d.score,
                    d.band.label().get(lang).to_lowercase(),
                    lang.pick("terug op", "back on"),
                    d.due.show(lang),
                    when,
                    lang.pick("stap", "after"),
                    d.interval().label().get(lang)
                );
            }
        }
        let p = &self.proficiency;
        if p.sessions > 0 {
            let _ = writeln!(
                out,
                "\n{} ({} {}, {}):",
                lang.pick("Waar je staat", "Where you stand"),
                p.sessions,
                match (p.sessions, lang) {
                    (1, Lang::Nl) => "recent gesprek",
                    (_, Lang::Nl) => "recente gesprekken",
                    (1, Lang::En) => "recent session",
                    (_, Lang::En) => "recent sessions",
                },
                lang.pick(
                    "MITI-schaal 1–5: redelijk vanaf 3, goed vanaf 4",
                    "MITI's 1–5 scale: fair from 3, good from 4"
                )
            );
            for d in &p.dimensions {
                let _ = writeln!(
                    out,
                    "  {:<34} {:>3.0}  {}",
                    d.dimension.label().get(lang),
                    d.mean,
                    d.rating.show(lang)
                );
            }
            for s in &p.principles {
                let _ = writeln!(
                    out,
                    "  {:<34} {}  {} {}/{}{}",
                    crate::text::shorten(s.principle.title().get(lang), 34),
                    s.rating.show(lang),
                    lang.pick("gebroken", "broken"),
                    s.broken,
                    s.practised,
                    if s.mastered {
                        lang.pick("  · beheerst", "  · mastered")
                    } else {
                        ""
                    }
                );
            }
            if let Some(m) = &p.miti {
                let _ = writeln!(out, "  MITI: {}", m.describe(lang));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{StoredFinding, StoredNote};

    const DAY: i64 = 86_400;

    fn at(date: &str) -> i64 {
        crate::calendar::parse_date(date).expect("a date") + 10 * 3600
    }

    fn s(scenario: &str, overall: u8, ended: i64, broken: &[Principle]) -> StoredSession {
        let finding = |principle, verdict| StoredFinding {
            turn: 1,
            principle,
            verdict,
            dimension: Dimension::Empathy,
            points: 0,
            note: StoredNote::Words(String::new()),
        };
        StoredSession {
            draw: 0,
            coach: Default::default(),
            id: ended,
            key: format!("k{ended}"),
            player: "A".into(),
            team: "T".into(),
            scenario: scenario.into(),
            scenario_hash: "h".into(),
            title: scenario.into(),
            seed: 1,
            choices: vec![],
            plan: None,
            ending: crate::scenario::Ending::from_key("arrangement"),
            scores: crate::score::Scores {
                empathy: overall,
                fact_gathering: overall,
                agreement: overall,
                compliance: 100,
                overall,
            },
            findings: broken
                .iter()
                .map(|p| finding(*p, Verdict::Debit))
                .chain([finding(Principle::Connect, Verdict::Credit)])
                .collect(),
            started: ended - 600,
            ended,
            room: None,
        }
    }

    fn due_of(sessions: &[StoredSession]) -> Due {
        let refs: Vec<&StoredSession> = sessions.iter().collect();
        schedule(&refs).remove(0)
    }

    fn day(d: &str) -> Date {
        Date::of_timestamp(at(d))
    }

    #[test]
    fn below_good_is_due_after_a_day_and_good_climbs_the_ladder_when_played_on_time() {
        // A fair session: back tomorrow.
        let mut v = vec![s("x", 45, at("2026-11-02"), &[])];
        assert_eq!(due_of(&v).due, day("2026-11-03"));
        // Good the next day: one week.
        v.push(s("x", 65, at("2026-11-03"), &[]));
        assert_eq!(due_of(&v).due, day("2026-11-10"));
        // Good again when due: one month, then three months, then six, and there it stays.
        v.push(s("x", 70, at("2026-11-10"), &[]));
        assert_eq!(due_of(&v).due, day("2026-12-10"));
        v.push(s("x", 85, at("2026-12-11"), &[]));
        assert_eq!(due_of(&v).due, day("2027-03-11"));
        v.push(s("x", 85, at("2027-03-11"), &[]));
        assert_eq!(due_of(&v).due, day("2027-09-11"));
        v.push(s("x", 90, at("2027-09-12"), &[]));
        assert_eq!(due_of(&v).due, day("2028-03-12"));
        assert_eq!(due_of(&v).interval(), Interval::Months(6));
        // One session below good starts over: tomorrow.
        v.push(s("x", 30, at("2028-03-12"), &[]));
        let d = due_of(&v);
        assert_eq!((d.due, d.rung, d.sessions), (day("2028-03-13"), 0, 7));
    }

    #[test]
    fn a_good_first_session_is_due_in_a_week_and_cramming_does_not_climb() {
        let mut v = vec![s("x", 75, at("2026-11-02"), &[])];
        assert_eq!(due_of(&v).due, day("2026-11-09"));
        // Good again two hours later: still a week, counted from the new session.
        v.push(s("x", 80, at("2026-11-02") + 7200, &[]));
        assert_eq!(due_of(&v).due, day("2026-11-09"));
        v.push(s("x", 80, at("2026-11-04"), &[]));
        assert_eq!((due_of(&v).due, due_of(&v).rung), (day("2026-11-11"), 1));
    }

    #[test]
    fn the_schedule_is_per_scenario_soonest_first_and_skips_unfinished_sessions() {
        let mut unfinished = s("z", 10, at("2026-11-01"), &[]);
        unfinished.ending = None;
        let v = [
            s("x", 80, at("2026-11-01"), &[]),
            s("y", 20, at("2026-11-05"), &[]),
            unfinished,
        ];
        let refs: Vec<&StoredSession> = v.iter().collect();
        let due = schedule(&refs);
        let ids: Vec<(&str, Date)> = due.iter().map(|d| (d.scenario.as_str(), d.due)).collect();
        assert_eq!(ids, [("y", day("2026-11-06")), ("x", day("2026-11-08"))]);
        assert_eq!(due[0].days_left(day("2026-11-08")), -2);
    }

    #[test]
    fn tiers_read_recent_sessions_weighted_to_the_newest_on_mitis_scale() {
        assert_eq!(Rating::of_share(0.49).tier, Tier::BelowFair);
        assert_eq!(Rating::of_share(0.5).tier, Tier::Fair);
        assert_eq!(Rating::of_share(0.75).tier, Tier::Good);
        assert_eq!(Rating::of_share(1.0).value, 5.0);
        // Broke NIVEA long ago, kept it lately: the newest weigh most.
        let mut v: Vec<StoredSession> = (0..3)
            .map(|i| s("x", 30, at("2026-11-01") + i * DAY, &[Principle::Nivea]))
            .collect();
        let refs: Vec<&StoredSession> = v.iter().collect();
        let before = proficiency(&refs, &BTreeMap::new());
        let nivea = |p: &Proficiency| {
            p.principles
                .iter()
                .find(|s| s.principle == Principle::Nivea)
                .cloned()
                .expect("practised")
        };
        assert_eq!(nivea(&before).rating.tier, Tier::BelowFair);
        assert_eq!(
            before.principles[0].principle,
            Principle::Nivea,
            "weakest first"
        );
        // Sessions that keep NIVEA: a credit on it.
        for i in 3..6 {
            let mut k = s("x", 80, at("2026-11-01") + i * DAY, &[]);
            k.findings[0].principle = Principle::Nivea;
            v.push(k);
        }
        let refs: Vec<&StoredSession> = v.iter().collect();
        let after = proficiency(&refs, &BTreeMap::new());
        let n = nivea(&after);
        // Three kept (weights 1, .75, .5625) against three broken (.42, .32, .24): 2.31/3.29.
        assert!(
            (n.rating.value - (1.0 + 4.0 * 2.3125 / 3.2949)).abs() < 0.01,
            "{n:?}"
        );
        assert_eq!((n.rating.tier, n.practised, n.broken), (Tier::Fair, 6, 3));
        assert!(!n.mastered, "fair is not mastered");
        // Empathy: the weighted mean leans to the recent 80s.
        let e = &after.dimensions[0];
        assert!(e.mean > 55.0 && e.mean < 80.0, "{e:?}");
        // Only the ten newest count.
        let many: Vec<StoredSession> = (0..14)
            .map(|i| s("x", 50, at("2026-11-01") + i * DAY, &[]))
            .collect();
        let refs: Vec<&StoredSession> = many.iter().collect();
        assert_eq!(proficiency(&refs, &BTreeMap::new()).sessions, RECENT);
    }

    #[test]
    fn a_principle_is_mastered_when_good_over_three_sessions_the_newest_clean() {
        let kept = |i: i64| {
            let mut k = s("x", 80, at("2026-11-01") + i * DAY, &[]);
            k.findings[0].principle = Principle::Anna;
            k
        };
        let v = [kept(0), kept(1), kept(2)];
        let refs: Vec<&StoredSession> = v.iter().collect();
        let p = proficiency(&refs, &BTreeMap::new());
        assert!(
            p.principles
                .iter()
                .any(|s| s.principle == Principle::Anna && s.mastered)
        );
        let v = [kept(0), kept(1)];
        let refs: Vec<&StoredSession> = v.iter().collect();
        let p = proficiency(&refs, &BTreeMap::new());
        assert!(
            !p.principles.iter().any(|s| s.mastered),
            "two sessions are not enough"
        );
        // Broken in the newest: not mastered, even if the weighted share stays good.
        let v = [
            kept(0),
            kept(1),
            kept(2),
            kept(3),
            kept(4),
            s("x", 50, at("2026-11-09"), &[Principle::Anna]),
        ];
        let refs: Vec<&StoredSession> = v.iter().collect();
        let p = proficiency(&refs, &BTreeMap::new());
        let anna = p.principles.iter().find(|s| s.principle == Principle::Anna);
        assert!(anna.is_some_and(|a| !a.mastered), "{anna:?}");
    }

    fn offer(id: &str, difficulty: u8, trains: &[Principle]) -> Offer {
        Offer {
            id: id.into(),
            title: Text::new(id, id),
            difficulty,
            trains: trains.to_vec(),
            draws: 6,
        }
    }

    #[test]
    fn the_plan_puts_due_scenarios_first_then_what_trains_the_weakest_principle() {
        let offers = [
            offer("easy", 1, &[Principle::Connect]),
            offer("nivea", 2, &[Principle::Nivea]),
            offer("hard", 3, &[Principle::Anna]),
        ];
        // A newcomer: the easiest, customer 0.
        let p = plan("A", &[], &offers, &BTreeMap::new(), day("2026-11-01"));
        assert_eq!(p.suggestions[0].scenario, "easy");
        assert_eq!(p.suggestions[0].draw, 0);
        assert!(p.suggestions[0].reasons.contains(&Reason::Start));
        // Broke NIVEA on "easy" twice and once on "hard"; "easy" is due tomorrow, "hard" later.
        let v = [
            s("easy", 45, at("2026-11-01"), &[Principle::Nivea]),
            s("easy", 45, at("2026-11-02"), &[Principle::Nivea]),
            s("hard", 70, at("2026-11-02"), &[Principle::Nivea]),
        ];
        let refs: Vec<&StoredSession> = v.iter().collect();
        let p = plan("A", &refs, &offers, &BTreeMap::new(), day("2026-11-02"));
        assert_eq!(p.suggestions[0].scenario, "nivea", "{p:#?}");
        assert!(p.suggestions[0].reasons.iter().any(|r| matches!(
            r,
            Reason::Trains {
                principle: Principle::Nivea,
                broken: 3,
                ..
            }
        )));
        // The next day "easy" is due: it comes first, with a customer not met yet.
        let p = plan("A", &refs, &offers, &BTreeMap::new(), day("2026-11-03"));
        assert_eq!(p.suggestions[0].scenario, "easy");
        assert_eq!(p.suggestions[0].draw, 1, "customer 0 was met twice");
        assert!(matches!(
            p.suggestions[0].reasons[0],
            Reason::Due { score: 45, .. }
        ));
        // "hard" is not due for a week: last.
        assert_eq!(p.suggestions[2].scenario, "hard");
        let text = p.to_text(Lang::En, &offers);
        assert!(text.contains("Next:\n  easy (easy, customer 1)"), "{text}");
        assert!(
            text.contains("due again since 3 November 2026 (last 45, fair)"),
            "{text}"
        );
        assert!(
            text.contains("back on 9 November 2026 (in 6 days; after one week)"),
            "{text}"
        );
        let nl = p.to_text(Lang::Nl, &offers);
        assert!(nl.contains("Oefenplan voor A"), "{nl}");
    }
}
