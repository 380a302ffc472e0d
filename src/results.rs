//! Stored results for people and tools: a table, CSV for spreadsheets, JSON, and xAPI
//! statements for learning record stores.

use crate::calendar::rfc3339;
use crate::score::Band;
use crate::store::{Measure, Standing, StoredSession};
use serde_json::json;
use std::fmt::Write as _;

/// Output formats of `collector-dojo results`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
    Xapi,
}

/// Where xAPI identifiers live (activity and extension IRIs).
pub const XAPI_BASE: &str = "https://collector-dojo.org/xapi";

const DIMENSIONS: [&str; 4] = ["empathy", "fact_gathering", "agreement", "compliance"];

fn dims(s: &StoredSession) -> [u8; 4] {
    [
        s.scores.empathy,
        s.scores.fact_gathering,
        s.scores.agreement,
        s.scores.compliance,
    ]
}

pub fn render(sessions: &[StoredSession], format: Format) -> String {
    match format {
        Format::Table => table(sessions),
        Format::Csv => csv(sessions),
        Format::Json => serde_json::to_string_pretty(sessions).unwrap_or_default() + "\n",
        Format::Xapi => xapi(sessions, false),
    }
}

/// The xAPI statements of these sessions as pretty JSON: one per session and, with
/// `per_turn`, after each its [`turn_statements`].
pub fn xapi(sessions: &[StoredSession], per_turn: bool) -> String {
    serde_json::to_string_pretty(&statements(sessions, per_turn)).unwrap_or_default() + "\n"
}

/// The xAPI statements of these sessions: each session's [`statement`] and, with `per_turn`,
/// its [`turn_statements`] right after it.
pub fn statements(sessions: &[StoredSession], per_turn: bool) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    for s in sessions {
        out.push(statement(s));
        if per_turn {
            out.extend(turn_statements(s));
        }
    }
    out
}

fn table(sessions: &[StoredSession]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<17} {:<14} {:<12} {:<18} {:<16} {:>4} {:>4} {:>4} {:>4} {:>4}  band",
        "ended (UTC)", "player", "team", "scenario", "ending", "emp", "fact", "agr", "comp", "all"
    );
    for s in sessions {
        let [e, f, a, c] = dims(s);
        let when = rfc3339(s.ended).replace('T', " ");
        let _ = writeln!(
            out,
            "{:<17} {:<14} {:<12} {:<18} {:<16} {e:>4} {f:>4} {a:>4} {c:>4} {:>4}  {}",
            &when[..16],
            crate::text::shorten(&s.player, 14),
            crate::text::shorten(&s.team, 12),
            crate::text::shorten(&s.scenario, 18),
            s.ending_key(),
            s.scores.overall,
            Band::of(s.scores.overall).key()
        );
    }
    let _ = writeln!(
        out,
        "{} session{}",
        sessions.len(),
        if sessions.len() == 1 { "" } else { "s" }
    );
    out
}

fn csv(sessions: &[StoredSession]) -> String {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "id",
        "ended",
        "started",
        "player",
        "team",
        "scenario",
        "scenario_hash",
        "seed",
        "choices",
        "plan",
        "ending",
        "empathy",
        "fact_gathering",
        "agreement",
        "compliance",
        "overall",
        "band",
        "draw",
    ]);
    for s in sessions {
        let [e, f, a, c] = dims(s);
        let plan = s.plan.map(|p| p.to_string()).unwrap_or_default();
        let _ = w.write_record([
            s.id.to_string(),
            rfc3339(s.ended),
            rfc3339(s.started),
            s.player.clone(),
            s.team.clone(),
            s.scenario.clone(),
            s.scenario_hash.clone(),
            s.seed.to_string(),
            s.choices.join(","),
            plan,
            s.ending_key().to_string(),
            e.to_string(),
            f.to_string(),
            a.to_string(),
            c.to_string(),
            s.scores.overall.to_string(),
            Band::of(s.scores.overall).key().to_string(),
            s.draw.to_string(),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A leaderboard as a table, CSV or JSON (rank, player, team, best, mean, sessions, last).
pub fn render_board(rows: &[Standing], measure: Measure, format: Format) -> String {
    match format {
        Format::Table | Format::Xapi => {
            let mut out = String::new();
            let _ = writeln!(
                out,
                "{:>4}  {:<20} {:<14} {:>5} {:>6} {:>8}  last played (UTC)",
                "rank", "player", "team", "best", "mean", "sessions"
            );
            for (i, r) in rows.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "{:>4}  {:<20} {:<14} {:>5} {:>6.1} {:>8}  {}{}",
                    i + 1,
                    crate::text::shorten(&r.player, 20),
                    crate::text::shorten(&r.team, 14),
                    r.best,
                    r.mean,
                    r.sessions,
                    &rfc3339(r.last).replace('T', " ")[..16],
                    r.draw.map(|d| format!("  draw {d}")).unwrap_or_default()
                );
            }
            let _ = writeln!(
                out,
                "{} player{}, ranked by best {}",
                rows.len(),
                if rows.len() == 1 { "" } else { "s" },
                measure.column()
            );
            out
        }
        Format::Csv => {
            let mut w = ::csv::Writer::from_writer(Vec::new());
            let _ = w.write_record([
                "rank", "player", "team", "measure", "best", "mean", "sessions", "last", "draw",
            ]);
            for (i, r) in rows.iter().enumerate() {
                let _ = w.write_record([
                    (i + 1).to_string(),
                    r.player.clone(),
                    r.team.clone(),
                    measure.column().to_string(),
                    r.best.to_string(),
                    format!("{:.1}", r.mean),
                    r.sessions.to_string(),
                    rfc3339(r.last),
                    r.draw.map(|d| d.to_string()).unwrap_or_default(),
                ]);
            }
            String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
        }
        Format::Json => {
            serde_json::to_string_pretty(&json!({ "measure": measure, "standings": rows }))
                .unwrap_or_default()
                + "\n"
        }
    }
}

/// A session key (32 hex digits) as a version-4 UUID, so re-sending the same sessions to a
/// learning record store does not duplicate them (xAPI statement ids must be UUIDs).
fn statement_id(key: &str) -> Option<String> {
    let hex: Vec<u8> = key
        .chars()
        .map(|c| c.to_digit(16).map(|d| d as u8))
        .collect::<Option<_>>()?;
    if hex.len() != 32 {
        return None;
    }
    let mut h = hex;
    h[12] = 4;
    h[16] = 8 | (h[16] & 3);
    let s: String = h.iter().map(|d| format!("{d:x}")).collect();
    Some(format!(
        "{}-{}-{}-{}-{}",
        &s[..8],
        &s[8..12],
        &s[12..16],
        &s[16..20],
        &s[20..]
    ))
}

/// A turn's statement id: a UUID (version-5 shaped, variant RFC 4122) made of the SHA-256
/// of the session key and the turn, so a turn re-sent is the same statement.
fn turn_statement_id(key: &str, turn: usize) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(format!("{key}/turn/{turn}").as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&digest[..16]);
    b[6] = 0x50 | (b[6] & 0x0f);
    b[8] = 0x80 | (b[8] & 0x3f);
    let s: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &s[..8],
        &s[8..12],
        &s[12..16],
        &s[16..20],
        &s[20..]
    )
}

/// The player as an xAPI actor.
fn actor(s: &StoredSession) -> serde_json::Value {
    json!({
        "objectType": "Agent",
        "name": s.player,
        "account": { "homePage": XAPI_BASE, "name": s.player },
    })
}

/// The scenario as an xAPI activity id.
fn scenario_activity(s: &StoredSession) -> String {
    format!("{XAPI_BASE}/scenarios/{}", s.scenario)
}

/// One xAPI statement per choice of the session, in order (a channel choice first, if the
/// scenario has one): verb *answered*, the turn (`…/scenarios/{id}/turns/{n}`, from 1) as a
/// `choice` interaction, the option id as the response, the scenario as parent activity and
/// the session's statement id as registration, so an LRS groups the turns with the session.
/// Statement ids come from the session key and the turn: re-sending them duplicates nothing.
/// A session stored without a key (none of this version's) gets neither ids nor registration.
pub fn turn_statements(s: &StoredSession) -> Vec<serde_json::Value> {
    let registration = statement_id(&s.key);
    s.choices
        .iter()
        .enumerate()
        .map(|(i, choice)| {
            let n = i + 1;
            let mut context = json!({
                "contextActivities": {
                    "parent": [{ "objectType": "Activity", "id": scenario_activity(s) }],
                },
                "extensions": { format!("{XAPI_BASE}/extensions/team"): s.team },
            });
            let mut statement = json!({
                "actor": actor(s),
                "verb": {
                    "id": "http://adlnet.gov/expapi/verbs/answered",
                    "display": { "en-US": "answered", "nl-NL": "beantwoordde" },
                },
                "object": {
                    "objectType": "Activity",
                    "id": format!("{}/turns/{n}", scenario_activity(s)),
                    "definition": {
                        "name": { "und": format!("{}, turn {n}", s.title) },
                        "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                        "interactionType": "choice",
                    },
                },
                "result": { "response": choice },
                "timestamp": rfc3339(s.ended),
            });
            if let Some(reg) = &registration {
                context["registration"] = json!(reg);
                statement["id"] = json!(turn_statement_id(&s.key, n));
            }
            statement["context"] = context;
            statement
        })
        .collect()
}

/// One xAPI statement: actor, verb completed, the scenario as object, the result with a scaled
/// score, success (good or better) and the dimension scores as extensions, and the timestamp.
pub fn statement(s: &StoredSession) -> serde_json::Value {
    let mut extensions = serde_json::Map::new();
    for (name, v) in DIMENSIONS.iter().zip(dims(s)) {
        extensions.insert(format!("{XAPI_BASE}/extensions/{name}"), json!(v));
    }
    extensions.insert(format!("{XAPI_BASE}/extensions/ending"), json!(s.ending));
    extensions.insert(
        format!("{XAPI_BASE}/extensions/band"),
        json!(Band::of(s.scores.overall).key()),
    );
    let mut statement = json!({
        "actor": actor(s),
        "verb": {
            "id": "http://adlnet.gov/expapi/verbs/completed",
            "display": { "en-US": "completed", "nl-NL": "voltooide" },
        },
        "object": {
            "objectType": "Activity",
            "id": scenario_activity(s),
            "definition": {
                "name": { "und": s.title },
                "type": "http://adlnet.gov/expapi/activities/simulation",
                "extensions": { format!("{XAPI_BASE}/extensions/scenario_hash"): s.scenario_hash },
            },
        },
        "result": {
            "score": { "scaled": f64::from(s.scores.overall) / 100.0, "raw": s.scores.overall, "min": 0, "max": 100 },
            "success": Band::of(s.scores.overall) >= Band::Good,
            "completion": true,
            "duration": format!("PT{}S", (s.ended - s.started).max(0)),
            "extensions": extensions,
        },
        "context": {
            "extensions": { format!("{XAPI_BASE}/extensions/team"): s.team, format!("{XAPI_BASE}/extensions/seed"): s.seed.to_string() },
        },
        "timestamp": rfc3339(s.ended),
    });
    if let Some(id) = statement_id(&s.key) {
        statement["id"] = json!(id);
    }
    statement
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_keys_become_v4_uuids() {
        assert_eq!(
            statement_id("0123456789abcdef0123456789abcdef").as_deref(),
            Some("01234567-89ab-4def-8123-456789abcdef")
        );
        assert_eq!(statement_id("short"), None);
        assert_eq!(statement_id(""), None);
    }

    fn session(seed: u64) -> StoredSession {
        StoredSession {
            draw: 0,
            coach: Default::default(),
            id: 7,
            key: "0123456789abcdef0123456789abcdef".into(),
            player: "Anouk".into(),
            team: "Noord".into(),
            scenario: "ostrich".into(),
            scenario_hash: "h".into(),
            title: "T".into(),
            seed,
            choices: vec!["call".into()],
            plan: None,
            ending: crate::scenario::Ending::from_key("hung_up"),
            scores: crate::score::Scores {
                empathy: 1,
                fact_gathering: 2,
                agreement: 3,
                compliance: 4,
                overall: 5,
            },
            findings: Vec::new(),
            started: 10,
            ended: 20,
            room: None,
        }
    }

    #[test]
    fn turn_statements_are_one_per_choice_with_stable_distinct_ids_in_the_session() {
        let mut s = session(1);
        s.choices = vec!["call".into(), "o_warm".into(), "h_reflect".into()];
        let turns = turn_statements(&s);
        assert_eq!(turns.len(), 3);
        assert_eq!(turns, turn_statements(&s), "the same statements every time");
        let session_id = statement(&s)["id"].clone();
        assert!(session_id.is_string());
        let ids: Vec<&str> = turns.iter().filter_map(|t| t["id"].as_str()).collect();
        assert_eq!(ids.len(), 3);
        let mut distinct = ids.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), 3, "{ids:?}");
        assert!(!ids.contains(&session_id.as_str().unwrap_or_default()));
        for (i, (t, choice)) in turns.iter().zip(&s.choices).enumerate() {
            let id = t["id"].as_str().unwrap_or_default();
            let shape: Vec<usize> = id.split('-').map(str::len).collect();
            assert_eq!(shape, [8, 4, 4, 4, 12], "{id}");
            assert!(id.as_bytes()[14] == b'5' && b"89ab".contains(&id.as_bytes()[19]));
            assert_eq!(t["verb"]["id"], "http://adlnet.gov/expapi/verbs/answered");
            assert_eq!(
                t["object"]["id"],
                json!(format!("{XAPI_BASE}/scenarios/ostrich/turns/{}", i + 1))
            );
            let definition = &t["object"]["definition"];
            assert_eq!(
                definition["type"],
                "http://adlnet.gov/expapi/activities/cmi.interaction"
            );
            assert_eq!(definition["interactionType"], "choice");
            assert_eq!(t["result"]["response"], json!(choice));
            assert_eq!(t["context"]["registration"], session_id);
            assert_eq!(
                t["context"]["contextActivities"]["parent"][0]["id"],
                statement(&s)["object"]["id"]
            );
            assert_eq!(t["actor"], statement(&s)["actor"]);
        }
        // Another session's turns are other statements.
        let mut other = s.clone();
        other.key = "fedcba9876543210fedcba9876543210".into();
        assert_ne!(turn_statements(&other)[0]["id"], turns[0]["id"]);
        // Per turn, the listing puts each session's turns right after it.
        let all = statements(&[s.clone(), other], true);
        assert_eq!(all.len(), 8);
        assert_eq!(all[0], statement(&s));
        assert_eq!(all[1], turns[0]);
        assert_eq!(statements(std::slice::from_ref(&s), false), [statement(&s)]);
        // A session without a key: no ids to derive, so none are made up.
        s.key.clear();
        let keyless = turn_statements(&s);
        assert!(keyless.iter().all(|t| t.get("id").is_none()));
        assert!(
            keyless
                .iter()
                .all(|t| t["context"].get("registration").is_none())
        );
    }

    #[test]
    fn json_writes_the_seed_as_a_string_that_survives_javascript() {
        let s = session(u64::MAX);
        let text = render(std::slice::from_ref(&s), Format::Json);
        let v: serde_json::Value = serde_json::from_str(&text).expect("json");
        assert_eq!(v[0]["seed"], json!("18446744073709551615"), "{text}");
        // Everything else as the session serialises, in the same order.
        let mut plain = serde_json::to_value(&s).expect("value");
        plain["seed"] = json!(s.seed.to_string());
        assert_eq!(v[0], plain);
        let keys: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("    \"")?.split('"').next())
            .collect();
        assert_eq!(
            keys,
            [
                "id",
                "key",
                "player",
                "team",
                "scenario",
                "scenario_hash",
                "title",
                "seed",
                "choices",
                "plan",
                "ending",
                "scores",
                "findings",
                "started",
                "ended",
                "draw",
                "coach"
            ]
        );
        // CSV keeps the plain number.
        assert!(render(&[s], Format::Csv).contains(",18446744073709551615,"));
    }
}
