//! What the store keeps and gives back: a stored session, the measures boards rank by, the
//! filters, standings, points and versions queries return, and the rows a listing skipped.

use crate::plan::Plan;
use crate::report::Report;
use crate::scenario::{Ending, Playbook, Principle};
use crate::score::{Dimension, Finding, Note, Scores, Verdict};
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};

/// One stored session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredSession {
    /// Row id; 0 before it is stored.
    pub id: i64,
    /// Unique per finished session (made when it ends): storing it again is a no-op.
    #[serde(default)]
    pub key: String,
    pub player: String,
    pub team: String,
    pub scenario: String,
    /// SHA-256 of the scenario file's text: a changed scenario's scores are not mixed silently.
    pub scenario_hash: String,
    pub title: String,
    #[serde(with = "seed_text")]
    pub seed: u64,
    pub choices: Vec<String>,
    pub plan: Option<Plan>,
    /// How it ended; `None` for a conversation stored unfinished. Written as the ending's
    /// key (`arrangement`, …, or `none`).
    #[serde(with = "ending_key")]
    pub ending: Option<Ending>,
    pub scores: Scores,
    /// What the rubric found, in no language: shown in words when the scenario is at hand.
    pub findings: Vec<StoredFinding>,
    /// Seconds since the Unix epoch.
    pub started: i64,
    pub ended: i64,
    /// For a session a workshop room played: who was there and how they voted at each turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<crate::workshop::Room>,
    /// Which customer the session met: the scenario's draw (0 = the persona as written).
    #[serde(default)]
    pub draw: usize,
    /// Whether it was played with the coach, and how much it said (off for sessions from
    /// before the coach).
    #[serde(default)]
    pub coach: crate::coach::Coach,
}

/// A seed in JSON (`results --format json`, the game's outbox) is a string: a seed is any u64,
/// and JavaScript readers round integers above 2^53. A number is read too (older outboxes).
mod seed_text {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(seed: &u64, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(seed)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Seed {
            Number(u64),
            Text(String),
        }
        match Seed::deserialize(d)? {
            Seed::Number(n) => Ok(n),
            Seed::Text(t) => t.parse().map_err(|_| {
                D::Error::custom(format!("seed `{t}` is not a whole number 0…2^64−1"))
            }),
        }
    }
}

/// The ending as its key, `none` for an unfinished conversation.
mod ending_key {
    use crate::scenario::Ending;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(e: &Option<Ending>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(e.map_or("none", Ending::key))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Ending>, D::Error> {
        let key = String::deserialize(d)?;
        super::ending_from_key(&key).map_err(D::Error::custom)
    }
}

/// An ending's key back into the ending (`none`: unfinished).
pub(crate) fn ending_from_key(key: &str) -> Result<Option<Ending>, String> {
    match key {
        "none" => Ok(None),
        k => Ending::from_key(k).map(Some).ok_or_else(|| {
            let known: Vec<&str> = Ending::ALL.iter().map(|e| e.key()).collect();
            format!("`{k}` is not an ending (known: none, {})", known.join(", "))
        }),
    }
}

/// A principle as its key (`3x_m`, `anna`, …), as findings have always been written.
mod principle_key {
    use crate::scenario::Principle;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(p: &Principle, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(p.key())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Principle, D::Error> {
        let key = String::deserialize(d)?;
        Principle::from_key(&key)
            .ok_or_else(|| D::Error::custom(format!("`{key}` is not a principle")))
    }
}

/// A finding as stored: turn, principle, verdict, dimension, points and what it says, in no
/// language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredFinding {
    pub turn: usize,
    #[serde(with = "principle_key")]
    pub principle: Principle,
    pub verdict: Verdict,
    pub dimension: Dimension,
    pub points: i32,
    pub note: StoredNote,
}

/// What a stored finding says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum StoredNote {
    Typed(Note),
    /// Sessions stored before findings were typed (schema 4 and older) kept the note in the
    /// words of the language they were played in; they are read back as those words.
    Words(String),
}

impl From<&Finding> for StoredFinding {
    fn from(f: &Finding) -> StoredFinding {
        StoredFinding {
            turn: f.turn,
            principle: f.principle,
            verdict: f.verdict,
            dimension: f.dimension,
            points: f.points,
            note: StoredNote::Typed(f.note),
        }
    }
}

impl StoredFinding {
    /// The finding in words, from the scenario it was played on (the same version).
    pub fn explain(&self, book: &Playbook, lang: Lang) -> String {
        match &self.note {
            StoredNote::Typed(note) => Finding {
                turn: self.turn,
                principle: self.principle,
                verdict: self.verdict,
                dimension: self.dimension,
                points: self.points,
                note: *note,
            }
            .explain(book, lang),
            StoredNote::Words(w) => w.clone(),
        }
    }
}

impl StoredSession {
    /// The ending's key as exports write it (`none` for an unfinished conversation).
    pub fn ending_key(&self) -> &'static str {
        self.ending.map_or("none", Ending::key)
    }

    /// A session from a finished report, with a fresh key.
    pub fn from_report(
        r: &Report,
        hash: &str,
        player: &str,
        team: &str,
        started: i64,
        ended: i64,
    ) -> StoredSession {
        StoredSession {
            id: 0,
            key: new_key(),
            player: player.to_string(),
            team: team.to_string(),
            scenario: r.scenario.clone(),
            scenario_hash: hash.to_string(),
            title: r.title.clone(),
            seed: r.seed,
            choices: r.choices.clone(),
            plan: r.plan,
            ending: r.ending,
            scores: r.scores,
            findings: r
                .findings
                .iter()
                .map(|f| StoredFinding::from(&f.typed))
                .collect(),
            started,
            ended,
            room: None,
            draw: r.draw.index,
            coach: Default::default(),
        }
    }
}

/// A random 128-bit session key in hex.
pub fn new_key() -> String {
    format!("{:032x}", rand::random::<u128>())
}

/// What a leaderboard ranks by: the overall score or one dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    #[default]
    Overall,
    Empathy,
    FactGathering,
    Agreement,
    Compliance,
}

impl Measure {
    pub const ALL: [Measure; 5] = [
        Measure::Overall,
        Measure::Empathy,
        Measure::FactGathering,
        Measure::Agreement,
        Measure::Compliance,
    ];
    /// The column it is stored in (also its key in exports).
    pub fn column(self) -> &'static str {
        match self {
            Measure::Overall => "overall",
            Measure::Empathy => "empathy",
            Measure::FactGathering => "fact_gathering",
            Measure::Agreement => "agreement",
            Measure::Compliance => "compliance",
        }
    }
    /// The dimension it ranks by; `None` for the overall score.
    pub fn dimension(self) -> Option<Dimension> {
        match self {
            Measure::Overall => None,
            Measure::Empathy => Some(Dimension::Empathy),
            Measure::FactGathering => Some(Dimension::FactGathering),
            Measure::Agreement => Some(Dimension::Agreement),
            Measure::Compliance => Some(Dimension::Compliance),
        }
    }

    pub fn label(self) -> Text {
        self.dimension()
            .map_or_else(crate::score::overall_label, Dimension::label)
    }
    pub fn of(self, s: &Scores) -> u8 {
        match self {
            Measure::Overall => s.overall,
            Measure::Empathy => s.empathy,
            Measure::FactGathering => s.fact_gathering,
            Measure::Agreement => s.agreement,
            Measure::Compliance => s.compliance,
        }
    }
}

/// Filters for the queries; `None` matches everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub player: Option<String>,
    pub team: Option<String>,
    pub scenario: Option<String>,
    /// Only this version of the scenario (its content hash).
    pub scenario_hash: Option<String>,
    /// Only sessions ended at or after this time (seconds since the epoch).
    pub since: Option<i64>,
    /// Only sessions ended before this time.
    pub until: Option<i64>,
    /// Only sessions a player played alone (not a workshop room's).
    pub solo: bool,
    /// Only sessions that met this customer (a draw of the scenario).
    pub draw: Option<usize>,
}

/// One row of a leaderboard: a player's best and mean score on the filtered sessions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standing {
    pub player: String,
    pub team: String,
    pub best: u8,
    pub mean: f64,
    pub sessions: i64,
    /// When the player last finished one (seconds since the epoch).
    pub last: i64,
    /// On a board of one scenario, the customer (draw) this standing is on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draw: Option<usize>,
}

/// A session's scores without its findings and choices: what trend charts need.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    pub player: String,
    pub team: String,
    pub scenario: String,
    pub scenario_hash: String,
    pub ended: i64,
    pub scores: Scores,
}

/// How many sessions were played on one version of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Version {
    pub scenario_hash: String,
    pub sessions: i64,
    pub last: i64,
}

/// A stored session that could not be read: which session, which column and why. Listing
/// sessions skips it and reports it, so every readable session is still shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedRow {
    /// Its row id, if even that could not be read `None`.
    pub id: Option<i64>,
    /// Its session key (`None` if absent or unreadable; sessions stored before keys have none).
    pub key: Option<String>,
    /// The column whose value is damaged.
    pub column: &'static str,
    pub reason: String,
}

impl SkippedRow {
    /// The session as a person can find it: `session 17 (key 0123…)`.
    pub fn session(&self) -> String {
        let id = self.id.map_or_else(
            || "a session with an unreadable id".to_string(),
            |id| format!("session {id}"),
        );
        match &self.key {
            Some(key) => format!("{id} (key {key})"),
            None => id,
        }
    }
}

impl std::fmt::Display for SkippedRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} skipped: column {}: {}",
            self.session(),
            self.column,
            self.reason
        )
    }
}

/// The sessions a listing could read, and the ones it had to skip.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Listing {
    pub sessions: Vec<StoredSession>,
    pub skipped: Vec<SkippedRow>,
}
