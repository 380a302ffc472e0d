//! Progress over stored sessions: personal bests per scenario, the principles most often
//! broken, and a player's trend. Plain functions over [`StoredSession`]s and [`Point`]s, shared by
//! the game's history and team screens, and a workshop room's comparison with each player's own.

use crate::scenario::Principle;
use crate::score::Verdict;
use crate::store::{Measure, Point, StoredSession};
use std::collections::BTreeMap;

/// A player's best on one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Best {
    pub scenario: String,
    pub title: String,
    pub sessions: usize,
    /// Best per measure, in [`Measure::ALL`] order.
    pub best: [u8; 5],
    /// When the best overall score was reached.
    pub when: i64,
}

/// The best score per scenario and measure, by scenario title.
pub fn bests(sessions: &[&StoredSession]) -> Vec<Best> {
    let mut by: BTreeMap<&str, Best> = BTreeMap::new();
    for s in sessions {
        let b = by.entry(&s.scenario).or_insert_with(|| Best {
            scenario: s.scenario.clone(),
            title: s.title.clone(),
            sessions: 0,
            best: [0; 5],
            when: s.ended,
        });
        b.sessions += 1;
        for (slot, m) in b.best.iter_mut().zip(Measure::ALL) {
            let v = m.of(&s.scores);
            if m == Measure::Overall && v > *slot {
                b.when = s.ended;
            }
            *slot = (*slot).max(v);
        }
    }
    let mut v: Vec<Best> = by.into_values().collect();
    v.sort_by(|a, b| a.title.cmp(&b.title));
    v
}

/// The principles broken (a debit finding) in the most sessions, most first, with the number
/// of sessions each was broken in.
pub fn broken_principles(sessions: &[&StoredSession]) -> Vec<(Principle, usize)> {
    let mut count: BTreeMap<Principle, usize> = BTreeMap::new();
    for s in sessions {
        let mut seen: Vec<Principle> = s
            .findings
            .iter()
            .filter(|f| f.verdict == Verdict::Debit)
            .map(|f| f.principle)
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for p in seen {
            *count.entry(p).or_default() += 1;
        }
    }
    let mut v: Vec<(Principle, usize)> = count.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.key().cmp(b.0.key())));
    v
}

/// How a series of scores moved: the mean of the last few minus the mean of the first few
/// (three each, fewer for short series), so one lucky or bad session does not decide it.
/// `None` with fewer than two scores.
pub fn trend(values: &[u8]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let k = (values.len() / 2).clamp(1, 3);
    let mean = |s: &[u8]| s.iter().map(|v| f64::from(*v)).sum::<f64>() / s.len() as f64;
    Some(mean(&values[values.len() - k..]) - mean(&values[..k]))
}

/// Each player's points for `measure`, oldest first, by player name.
pub fn per_player(points: &[Point], measure: Measure) -> BTreeMap<String, Vec<(i64, u8)>> {
    let mut by: BTreeMap<String, Vec<(i64, u8)>> = BTreeMap::new();
    for p in points {
        by.entry(p.player.clone())
            .or_default()
            .push((p.ended, measure.of(&p.scores)));
    }
    by
}

/// One participant's own results on the room's scenario, next to the room's.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub player: String,
    pub sessions: usize,
    pub best: Option<u8>,
    pub mean: Option<f64>,
    pub latest: Option<u8>,
}

/// Each of the room's players' individual sessions on the room's scenario (same version).
/// Names match whatever their case: the trainer types them, each player typed their own.
pub fn compare(
    room: &StoredSession,
    players: &[String],
    individual: &[StoredSession],
) -> Vec<Comparison> {
    players
        .iter()
        .map(|p| {
            let mine: Vec<&StoredSession> = individual
                .iter()
                .filter(|s| {
                    s.player.to_lowercase() == p.to_lowercase()
                        && s.scenario == room.scenario
                        && s.scenario_hash == room.scenario_hash
                        && s.id != room.id
                })
                .collect();
            let overall: Vec<u8> = mine.iter().map(|s| s.scores.overall).collect();
            Comparison {
                player: p.clone(),
                sessions: mine.len(),
                best: overall.iter().max().copied(),
                mean: (!overall.is_empty()).then(|| {
                    overall.iter().map(|v| f64::from(*v)).sum::<f64>() / overall.len() as f64
                }),
                latest: mine
                    .iter()
                    .max_by_key(|s| s.ended)
                    .map(|s| s.scores.overall),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::Scores;

    fn s(scenario: &str, overall: u8, ended: i64, debits: &[&str]) -> StoredSession {
        StoredSession {
            draw: 0,
            coach: Default::default(),
            id: 0,
            key: String::new(),
            player: "A".into(),
            team: "T".into(),
            scenario: scenario.into(),
            scenario_hash: "h".into(),
            title: scenario.to_uppercase(),
            seed: 1,
            choices: vec![],
            plan: None,
            ending: crate::scenario::Ending::from_key("arrangement"),
            scores: Scores {
                empathy: 100 - overall,
                fact_gathering: overall,
                agreement: overall,
                compliance: 100,
                overall,
            },
            // A key that names no principle cannot be stored (the store skips such a row and
            // names it), so it never reaches progress.
            findings: debits
                .iter()
                .filter_map(|p| crate::scenario::Principle::from_key(p))
                .map(|principle| crate::store::StoredFinding {
                    turn: 1,
                    principle,
                    verdict: crate::score::Verdict::Debit,
                    dimension: crate::score::Dimension::Empathy,
                    points: 0,
                    note: crate::store::StoredNote::Words(String::new()),
                })
                .chain(["connect"].map(|p| crate::store::StoredFinding {
                    turn: 1,
                    principle: crate::scenario::Principle::from_key(p).expect("a principle"),
                    verdict: crate::score::Verdict::Credit,
                    dimension: crate::score::Dimension::Empathy,
                    points: 0,
                    note: crate::store::StoredNote::Words(String::new()),
                }))
                .collect(),
            started: ended - 60,
            ended,
            room: None,
        }
    }

    #[test]
    fn bests_are_per_scenario_and_measure() {
        let all = [
            s("ostrich", 40, 1, &[]),
            s("ostrich", 80, 2, &[]),
            s("dispute", 55, 3, &[]),
        ];
        let refs: Vec<&StoredSession> = all.iter().collect();
        let b = bests(&refs);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].title, "DISPUTE");
        let ostrich = &b[1];
        assert_eq!(ostrich.sessions, 2);
        assert_eq!(
            ostrich.best,
            [80, 60, 80, 80, 100],
            "empathy's best is the 40 run's"
        );
        assert_eq!(ostrich.when, 2);
    }

    #[test]
    fn principles_are_counted_once_per_session_most_first() {
        let all = [
            s("x", 1, 1, &["nivea", "nivea", "anna"]),
            s("x", 1, 2, &["nivea"]),
            s("x", 1, 3, &["oma", "not_a_principle"]),
        ];
        let refs: Vec<&StoredSession> = all.iter().collect();
        assert_eq!(
            broken_principles(&refs),
            vec![
                (Principle::Nivea, 2),
                (Principle::Anna, 1),
                (Principle::Oma, 1)
            ]
        );
    }

    #[test]
    fn trend_compares_the_first_and_last_few() {
        assert_eq!(trend(&[50]), None);
        assert_eq!(trend(&[40, 60]), Some(20.0));
        assert_eq!(trend(&[10, 20, 30, 90, 70, 80, 90]), Some(60.0));
        assert_eq!(trend(&[90, 90, 90, 30, 30, 30]), Some(-60.0));
    }

    fn session(id: i64, player: &str, hash: &str, overall: u8, ended: i64) -> StoredSession {
        StoredSession {
            draw: 0,
            coach: Default::default(),
            id,
            key: format!("k{id}"),
            player: player.into(),
            team: "Noord".into(),
            scenario: "ostrich".into(),
            scenario_hash: hash.into(),
            title: "De la met brieven".into(),
            seed: 1,
            choices: vec!["call".into()],
            plan: None,
            ending: crate::scenario::Ending::from_key("no_agreement"),
            scores: crate::score::Scores {
                empathy: overall,
                fact_gathering: overall,
                agreement: overall,
                compliance: 100,
                overall,
            },
            findings: Vec::new(),
            started: ended - 60,
            ended,
            room: None,
        }
    }

    #[test]
    fn the_room_is_compared_with_each_players_own_sessions_on_the_same_version() {
        let room = session(1, "Zaal · Verbinden", "v2", 80, 1_000);
        let individual = vec![
            room.clone(),
            session(2, "Anouk", "v2", 40, 100),
            session(3, "anouk", "v2", 70, 300),
            session(4, "Anouk", "v1", 100, 200),
            session(5, "Bram", "v2", 55, 150),
        ];
        let players = ["ANOUK".to_string(), "Lotte".to_string()];
        let c = compare(&room, &players, &individual);
        assert_eq!(c.len(), 2);
        // Anouk's two sessions on this version, whatever the case of the name; not the older
        // version's 100, not the room itself, not Bram.
        assert_eq!(c[0].player, "ANOUK");
        assert_eq!(c[0].sessions, 2);
        assert_eq!(c[0].best, Some(70));
        assert_eq!(c[0].mean, Some(55.0));
        assert_eq!(c[0].latest, Some(70));
        assert_eq!(
            (c[1].sessions, c[1].best, c[1].mean, c[1].latest),
            (0, None, None, None)
        );
    }
}
