//! The practice record (`collector-dojo record`): one collector's sessions over a period, the
//! time spent, the scores, the principles practised and mastered and the current standing, as
//! a printable HTML page or an A4 PDF that a collection firm shows an inspector (the Wki asks
//! that staff are trained in conversation techniques) or an auditor, signed by a team lead.
//!
//! [`gather`] makes the [`Record`] from stored sessions (plain data, no format); [`html`] and
//! [`pdf`] render it; [`load`] reads the sessions from a store and [`write_atomically`] puts
//! the file in place whole or not at all.

use crate::calendar::Date;
use crate::practice::{Offer, Proficiency, Rating};
use crate::scenario::{Ending, Principle};
use crate::score::miti::Profile;
use crate::score::{Band, Dimension, Scores, Verdict};
use crate::store::{SkippedRow, Store, StoreError, StoredSession};
use crate::text::{Lang, Text, decimal};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The tool and version named on every record.
pub const TOOL: &str = concat!("collector-dojo ", env!("CARGO_PKG_VERSION"));

/// Up to this many players, an unknown player's error lists the known ones.
pub const LIST_PLAYERS: usize = 20;

/// What `--format` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Html,
    Pdf,
}

impl Format {
    /// The format a file name's extension asks for (`.pdf`, `.html`, `.htm`).
    pub fn of_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "pdf" => Some(Format::Pdf),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }

    /// The record in this format.
    pub fn render(self, record: &Record, lang: Lang) -> Vec<u8> {
        match self {
            Format::Html => html(record, lang).into_bytes(),
            Format::Pdf => pdf(record, lang),
        }
    }
}

/// Whose record, and over which days.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Request {
    pub player: String,
    /// Only the player's sessions in this team.
    pub team: Option<String>,
    /// From this day on (default: the first session).
    pub since: Option<Date>,
    /// Up to and including this day (default: the last session).
    pub until: Option<Date>,
}

impl Request {
    /// Whether a session belongs in the record.
    fn takes(&self, s: &StoredSession) -> bool {
        let day = Date::of_timestamp(s.ended);
        s.player == self.player
            && self.team.as_ref().is_none_or(|t| &s.team == t)
            && self.since.is_none_or(|d| day >= d)
            && self.until.is_none_or(|d| day <= d)
    }

    /// The store's filter for these sessions.
    fn filter(&self) -> crate::store::Filter {
        crate::store::Filter {
            player: Some(self.player.clone()),
            team: self.team.clone(),
            since: self.since.map(Date::timestamp),
            until: self.until.map(|d| d.plus_days(1).timestamp()),
            ..Default::default()
        }
    }
}

/// One collector's practice over a period: everything a record shows, in no language.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub player: String,
    /// The team asked for, or the teams the sessions were played in.
    pub teams: Vec<String>,
    /// The period covered: `--since`/`--until`, or the first and last session's day.
    pub from: Date,
    pub to: Date,
    /// The day the record was made.
    pub made: Date,
    /// The tool and version that made it ([`TOOL`]).
    pub tool: String,
    /// The database it was read from (no password).
    pub database: String,
    /// Every session in the period, oldest first.
    pub sessions: Vec<Row>,
    pub summary: Summary,
    /// Every principle practised in the period, in the order of the principles.
    pub principles: Vec<PrincipleRecord>,
    /// The standing at the end of the period: the most recent sessions played alone, as
    /// `collector-dojo practice` reads them.
    pub standing: Proficiency,
    /// Stored sessions of the player that could not be read (damaged rows), left out.
    pub unreadable: usize,
}

/// One session of the record.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The day it ended (UTC).
    pub date: Date,
    pub scenario: String,
    pub title: Text,
    /// The customer met: the scenario's draw.
    pub draw: usize,
    /// `None`: stored unfinished.
    pub ending: Option<Ending>,
    pub scores: Scores,
    pub band: Band,
    /// From start to end.
    pub seconds: i64,
    /// Played by a workshop room rather than alone.
    pub workshop: bool,
}

/// The totals of a record.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub sessions: usize,
    /// Sessions that reached an ending: the scores below are over these.
    pub finished: usize,
    /// Distinct scenarios played.
    pub scenarios: usize,
    /// Time spent practising: the sum of every session's end minus start.
    pub seconds: i64,
    pub first: Date,
    pub last: Date,
    /// Mean and best overall score of the finished sessions.
    pub mean: Option<f64>,
    pub best: Option<u8>,
    /// Finished sessions per band: needs work, fair, good, excellent.
    pub bands: [usize; 4],
}

/// A principle over the whole period, and where it stands now.
#[derive(Debug, Clone, PartialEq)]
pub struct PrincipleRecord {
    pub principle: Principle,
    /// Finished sessions that practised it: the rubric had a finding on it.
    pub practised: usize,
    /// Of those, the sessions that kept it: no finding on it cost points.
    pub kept: usize,
    /// The current standing, if the recent sessions practised it.
    pub rating: Option<Rating>,
    pub mastered: bool,
}

const BANDS: [Band; 4] = [Band::NeedsWork, Band::Fair, Band::Good, Band::Excellent];

/// The record of `request.player` from `sessions` (those of other players, teams or days are
/// left out), with titles from `offers` and MITI profiles by session key; `None` when no
/// session is left.
pub fn gather(
    request: &Request,
    sessions: &[StoredSession],
    offers: &[Offer],
    profiles: &BTreeMap<String, Profile>,
    database: &str,
    made: Date,
) -> Option<Record> {
    let mut mine: Vec<&StoredSession> = sessions.iter().filter(|s| request.takes(s)).collect();
    mine.sort_by_key(|s| (s.ended, s.id));
    let first = Date::of_timestamp(mine.first()?.ended);
    let last = Date::of_timestamp(mine.last()?.ended);
    let title = |s: &StoredSession| {
        offers
            .iter()
            .find(|o| o.id == s.scenario)
            .map_or_else(|| Text::new(&s.title, &s.title), |o| o.title.clone())
    };
    let rows: Vec<Row> = mine
        .iter()
        .map(|s| Row {
            date: Date::of_timestamp(s.ended),
            scenario: s.scenario.clone(),
            title: title(s),
            draw: s.draw,
            ending: s.ending,
            scores: s.scores,
            band: Band::of(s.scores.overall),
            seconds: (s.ended - s.started).max(0),
            workshop: s.room.is_some(),
        })
        .collect();
    let finished: Vec<&StoredSession> = mine
        .iter()
        .copied()
        .filter(|s| s.ending.is_some())
        .collect();
    let mut bands = [0; 4];
    for s in &finished {
        let b = Band::of(s.scores.overall);
        if let Some(i) = BANDS.iter().position(|x| *x == b) {
            bands[i] += 1;
        }
    }
    let overall: Vec<u8> = finished.iter().map(|s| s.scores.overall).collect();
    let summary = Summary {
        sessions: rows.len(),
        finished: finished.len(),
        scenarios: mine
            .iter()
            .map(|s| s.scenario.as_str())
            .collect::<BTreeSet<_>>()
            .len(),
        seconds: rows.iter().map(|r| r.seconds).sum(),
        first,
        last,
        mean: (!overall.is_empty())
            .then(|| overall.iter().map(|&o| f64::from(o)).sum::<f64>() / overall.len() as f64),
        best: overall.iter().copied().max(),
        bands,
    };
    // The current standing reads sessions played alone, as `practice` does: a room's
    // choices are the room's.
    let solo: Vec<&StoredSession> = mine.iter().copied().filter(|s| s.room.is_none()).collect();
    let standing = crate::practice::proficiency(&solo, profiles);
    let principles = Principle::ALL
        .iter()
        .filter_map(|&p| {
            let on: Vec<bool> = finished
                .iter()
                .filter_map(|s| {
                    let mut it = s.findings.iter().filter(|f| f.principle == p).peekable();
                    it.peek()?;
                    Some(!it.any(|f| f.verdict == Verdict::Debit))
                })
                .collect();
            if on.is_empty() {
                return None;
            }
            let now = standing.principles.iter().find(|s| s.principle == p);
            Some(PrincipleRecord {
                principle: p,
                practised: on.len(),
                kept: on.iter().filter(|k| **k).count(),
                rating: now.map(|s| s.rating),
                mastered: now.is_some_and(|s| s.mastered),
            })
        })
        .collect();
    let mut teams: Vec<String> = match &request.team {
        Some(t) => vec![t.clone()],
        None => mine.iter().map(|s| s.team.clone()).collect(),
    };
    teams.sort();
    teams.dedup();
    Some(Record {
        player: request.player.clone(),
        teams,
        from: request.since.unwrap_or(first),
        to: request.until.unwrap_or(last),
        made,
        tool: TOOL.to_string(),
        database: database.to_string(),
        sessions: rows,
        summary,
        principles,
        standing,
        unreadable: 0,
    })
}

/// Why no record was made, or it could not be written.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    #[error("{}", no_sessions(.request, .database, .known, .theirs))]
    NoSessions {
        request: Box<Request>,
        database: String,
        /// Every player with sessions in the database, by name.
        known: Vec<String>,
        /// The player's own sessions outside the team or period asked for: (team, ended).
        theirs: Vec<(String, i64)>,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write the record to {}: {reason}", .path.display())]
    Write { path: PathBuf, reason: String },
}

/// An empty record's message: whom and where, and what the database does hold.
fn no_sessions(
    request: &Request,
    database: &str,
    known: &[String],
    theirs: &[(String, i64)],
) -> String {
    let who = &request.player;
    let mut scope = String::new();
    if let Some(t) = &request.team {
        scope.push_str(&format!(" in team `{t}`"));
    }
    match (request.since, request.until) {
        (Some(a), Some(b)) => scope.push_str(&format!(" from {a} to {b}")),
        (Some(a), None) => scope.push_str(&format!(" since {a}")),
        (None, Some(b)) => scope.push_str(&format!(" up to {b}")),
        (None, None) => {}
    }
    let head = format!("no sessions of player `{who}`{scope} in {database}");
    if !theirs.is_empty() {
        let mut teams: Vec<&str> = theirs.iter().map(|(t, _)| t.as_str()).collect();
        teams.sort();
        teams.dedup();
        let first = theirs.iter().map(|(_, e)| *e).min().unwrap_or(0);
        let last = theirs.iter().map(|(_, e)| *e).max().unwrap_or(0);
        let teams: Vec<String> = teams
            .iter()
            .map(|t| {
                if t.is_empty() {
                    "(none)".to_string()
                } else {
                    format!("`{t}`")
                }
            })
            .collect();
        return format!(
            "{head}; {who} has {} session{} there, from {} to {}, in team {} (check --team, --since and --until)",
            theirs.len(),
            if theirs.len() == 1 { "" } else { "s" },
            Date::of_timestamp(first),
            Date::of_timestamp(last),
            teams.join(", ")
        );
    }
    let alike: Vec<&String> = known
        .iter()
        .filter(|k| k.to_lowercase() == who.to_lowercase())
        .collect();
    let hint = match alike.first() {
        Some(k) => format!("; did you mean `{k}`? (names are matched exactly)"),
        None => String::new(),
    };
    match known.len() {
        0 => format!("{head}: it holds no sessions yet (check --db)"),
        n if n <= LIST_PLAYERS => format!(
            "{head}{hint}; the players there: {} (check --player and --db)",
            known.join(", ")
        ),
        n => format!("{head}{hint}; {n} players have sessions there (check --player and --db)"),
    }
}

/// A record as read from a store.
#[derive(Debug)]
pub struct Loaded {
    pub record: Record,
    /// The player's stored sessions that could not be read (left out of the record).
    pub skipped: Vec<SkippedRow>,
    /// How many scenarios were found for titles in both languages and MITI profiles: with
    /// none, the titles are as stored and there is no profile.
    pub scenarios: usize,
}

/// Reads the record of `request` from `store`, with the titles and MITI profiles of the
/// scenarios in `scenarios`.
pub fn load(
    store: &mut Store,
    scenarios: &Path,
    request: &Request,
    made: Date,
) -> Result<Loaded, RecordError> {
    let listing = store.read_sessions(&request.filter())?;
    let (offers, profiles) = crate::practice::catalogue(scenarios, &listing.sessions);
    let record = gather(
        request,
        &listing.sessions,
        &offers,
        &profiles,
        store.location(),
        made,
    );
    match record {
        Some(mut record) => {
            record.unreadable = listing.skipped.len();
            Ok(Loaded {
                record,
                skipped: listing.skipped,
                scenarios: offers.len(),
            })
        }
        None => {
            // Only on this path: who is there, so the message can say.
            let points = store.points(&crate::store::Filter::default())?;
            let known: BTreeSet<String> = points.iter().map(|p| p.player.clone()).collect();
            let theirs = points
                .iter()
                .filter(|p| p.player == request.player)
                .map(|p| (p.team.clone(), p.ended))
                .collect();
            Err(RecordError::NoSessions {
                request: Box::new(request.clone()),
                database: store.location().to_string(),
                known: known.into_iter().collect(),
                theirs,
            })
        }
    }
}

/// Writes `bytes` to `path` whole or not at all: into a new file in the same folder, then
/// renamed over `path`. A failure leaves `path` as it was and no temporary file behind.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), RecordError> {
    use std::io::Write as _;
    let fail = |reason: String| RecordError::Write {
        path: path.to_path_buf(),
        reason,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Some(name) = path.file_name() else {
        return Err(fail("it names no file".into()));
    };
    if !dir.is_dir() {
        return Err(fail(format!("the folder {} does not exist", dir.display())));
    }
    if path.is_dir() {
        return Err(fail("it is a folder".into()));
    }
    let tmp = dir.join(format!(
        ".{}.{}-{}.tmp",
        name.to_string_lossy(),
        std::process::id(),
        crate::store::new_key()
    ));
    let written = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    written.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e.to_string())
    })
}

// ---------------------------------------------------------------------------------------------
// The words and numbers both formats share.

/// `dd-mm-yyyy`, as Dutch forms write a date.
fn dmy(d: Date) -> String {
    format!("{:02}-{:02}-{:04}", d.day, d.month, d.year)
}

/// Total time: `3 uur 25 min`, `3 h 25 min`, `25 min`.
fn hours(seconds: i64, lang: Lang) -> String {
    let minutes = (seconds + 30) / 60;
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, lang) {
        (0, _) => format!("{m} min"),
        (h, Lang::Nl) => format!("{h} uur {m} min"),
        (h, Lang::En) => format!("{h} h {m} min"),
    }
}

/// One session's length: `12 min`, `1 uur 5 min`, or `< 1 min`.
fn minutes(seconds: i64, lang: Lang) -> String {
    if seconds < 30 {
        "< 1 min".to_string()
    } else {
        hours(seconds, lang)
    }
}

fn yes_no(b: bool, lang: Lang) -> &'static str {
    match (b, lang) {
        (true, Lang::Nl) => "ja",
        (false, Lang::Nl) => "nee",
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
    }
}

fn ending(e: Option<Ending>, lang: Lang) -> String {
    e.map_or_else(
        || lang.pick("Niet afgerond", "Not finished").to_string(),
        |e| e.label().get(lang).to_string(),
    )
}

/// The headings and fixed sentences of a record.
struct Words {
    title: &'static str,
    subtitle: &'static str,
    collector: &'static str,
    team: &'static str,
    period: &'static str,
    made: &'static str,
    tool: &'static str,
    database: &'static str,
    summary: &'static str,
    sessions: &'static str,
    sessions_continued: &'static str,
    principles: &'static str,
    dimensions: &'static str,
    how: &'static str,
    seen: &'static str,
    name: &'static str,
    date: &'static str,
    signature: &'static str,
    page: &'static str,
    of: &'static str,
    made_on: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Nl => Words {
            title: "Oefenverslag gesprekstechnieken",
            subtitle: "Geoefende incassogesprekken in de simulator, als bewijs van training in gesprekstechnieken (Wet kwaliteit incassodienstverlening).",
            collector: "Medewerker",
            team: "Team",
            period: "Periode",
            made: "Opgesteld op",
            tool: "Gemaakt met",
            database: "Gelezen uit",
            summary: "Samenvatting",
            sessions: "Sessies",
            sessions_continued: "Sessies (vervolg)",
            principles: "Principes: geoefend en beheerst",
            dimensions: "Huidige stand per dimensie",
            how: "Hoe de scores tot stand komen",
            seen: "Gezien door (teamleider)",
            name: "Naam",
            date: "Datum",
            signature: "Handtekening",
            page: "pagina",
            of: "van",
            made_on: "opgesteld op",
        },
        Lang::En => Words {
            title: "Practice record: conversation techniques",
            subtitle: "Collections conversations practised in the simulator, as evidence of training in conversation techniques (Dutch Collection Services Quality Act, Wki).",
            collector: "Collector",
            team: "Team",
            period: "Period",
            made: "Made on",
            tool: "Made with",
            database: "Read from",
            summary: "Summary",
            sessions: "Sessions",
            sessions_continued: "Sessions (continued)",
            principles: "Principles: practised and mastered",
            dimensions: "Current standing per dimension",
            how: "How the scores are made",
            seen: "Seen by (team lead)",
            name: "Name",
            date: "Date",
            signature: "Signature",
            page: "page",
            of: "of",
            made_on: "made on",
        },
    }
}

/// The header's label–value lines.
fn header_lines(r: &Record, lang: Lang) -> Vec<(&'static str, String)> {
    let w = words(lang);
    let teams = if r.teams.iter().all(|t| t.is_empty()) {
        "–".to_string()
    } else {
        r.teams
            .iter()
            .filter(|t| !t.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    };
    vec![
        (w.collector, r.player.clone()),
        (w.team, teams),
        (
            w.period,
            format!("{} – {}", r.from.show(lang), r.to.show(lang)),
        ),
        (w.made, r.made.show(lang)),
        (w.tool, r.tool.clone()),
        (w.database, r.database.clone()),
    ]
}

/// The summary's label–value lines.
fn summary_lines(r: &Record, lang: Lang) -> Vec<(&'static str, String)> {
    let s = &r.summary;
    let nl = lang == Lang::Nl;
    let mut count = s.sessions.to_string();
    if s.finished < s.sessions {
        let open = s.sessions - s.finished;
        count.push_str(&lang.pick(
            format!(" (waarvan {open} niet afgerond)"),
            format!(" ({open} not finished)"),
        ));
    }
    let workshop = r.sessions.iter().filter(|x| x.workshop).count();
    if workshop > 0 {
        count.push_str(&lang.pick(
            format!(", {workshop} in een workshop"),
            format!(", {workshop} in a workshop"),
        ));
    }
    let mean = s.mean.map_or("–".to_string(), |m| decimal(m, lang));
    let best = s.best.map_or("–".to_string(), |b| {
        format!("{b} ({})", Band::of(b).label().get(lang).to_lowercase())
    });
    let bands = BANDS
        .iter()
        .zip(s.bands)
        .map(|(b, n)| format!("{} {n}", b.label().get(lang)))
        .collect::<Vec<_>>()
        .join(" · ");
    let mut v = vec![
        (lang.pick("Sessies", "Sessions"), count),
        (
            lang.pick("Verschillende scenario's", "Distinct scenarios"),
            s.scenarios.to_string(),
        ),
        (
            lang.pick("Totale oefentijd", "Time spent practising"),
            hours(s.seconds, lang),
        ),
        (
            lang.pick("Eerste sessie", "First session"),
            s.first.show(lang),
        ),
        (
            lang.pick("Laatste sessie", "Last session"),
            s.last.show(lang),
        ),
        (
            lang.pick("Gemiddelde totaalscore", "Mean overall score"),
            mean,
        ),
        (lang.pick("Beste totaalscore", "Best overall score"), best),
        (lang.pick("Verdeling over banden", "Bands"), bands),
    ];
    if r.unreadable > 0 {
        v.push((
            lang.pick("Onleesbaar", "Unreadable"),
            if nl {
                format!(
                    "{} opgeslagen sessie(s) beschadigd en weggelaten",
                    r.unreadable
                )
            } else {
                format!("{} stored session(s) damaged and left out", r.unreadable)
            },
        ));
    }
    v
}

/// How a column's cells are aligned: numbers right, a short code centred.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
    Center,
}

/// A table: its header cells, how each column is aligned and which may wrap.
struct Table {
    head: Vec<String>,
    align: Vec<Align>,
    wrap: Vec<bool>,
    rows: Vec<Vec<String>>,
}

fn sessions_table(r: &Record, lang: Lang) -> Table {
    let head = lang.pick(
        [
            "Datum", "Scenario", "Klant", "Afloop", "Emp.", "Feiten", "Afspr.", "Nalev.", "Totaal",
            "Band", "Duur", "Workshop",
        ],
        [
            "Date", "Scenario", "Customer", "Ending", "Emp.", "Facts", "Agr.", "Compl.", "Overall",
            "Band", "Time", "Workshop",
        ],
    );
    let rows = r
        .sessions
        .iter()
        .map(|s| {
            vec![
                dmy(s.date),
                s.title.get(lang).to_string(),
                s.draw.to_string(),
                ending(s.ending, lang),
                s.scores.empathy.to_string(),
                s.scores.fact_gathering.to_string(),
                s.scores.agreement.to_string(),
                s.scores.compliance.to_string(),
                s.scores.overall.to_string(),
                s.band.label().get(lang).to_string(),
                minutes(s.seconds, lang),
                yes_no(s.workshop, lang).to_string(),
            ]
        })
        .collect();
    let num = [4, 5, 6, 7, 8, 10];
    Table {
        head: head.iter().map(|h| h.to_string()).collect(),
        align: (0..12)
            .map(|i| match i {
                2 => Align::Center,
                i if num.contains(&i) => Align::Right,
                _ => Align::Left,
            })
            .collect(),
        wrap: (0..12).map(|i| i == 1 || i == 3).collect(),
        rows,
    }
}

/// The legend under the sessions' heading.
fn sessions_legend(lang: Lang) -> String {
    let d = |x: Dimension| x.label().get(lang).to_lowercase();
    lang.pick(
        format!(
            "Scores 0–100. Emp. = {}, Feiten = {}, Afspr. = {}, Nalev. = {}. Klant: welke klant van het scenario de sessie trof (0 = zoals beschreven). Workshop: in een groep gespeeld.",
            d(Dimension::Empathy),
            d(Dimension::FactGathering),
            d(Dimension::Agreement),
            d(Dimension::Compliance)
        ),
        format!(
            "Scores 0–100. Emp. = {}, Facts = {}, Agr. = {}, Compl. = {}. Customer: which of the scenario's customers the session met (0 = as written). Workshop: played as a group.",
            d(Dimension::Empathy),
            d(Dimension::FactGathering),
            d(Dimension::Agreement),
            d(Dimension::Compliance)
        ),
    )
}

fn principles_table(r: &Record, lang: Lang) -> Table {
    let head = lang.pick(
        [
            "Principe",
            "Geoefend (sessies)",
            "Nageleefd",
            "Huidig niveau",
            "Beheerst",
        ],
        [
            "Principle",
            "Practised (sessions)",
            "Kept",
            "Current tier",
            "Mastered",
        ],
    );
    let rows = r
        .principles
        .iter()
        .map(|p| {
            vec![
                p.principle.title().get(lang).to_string(),
                p.practised.to_string(),
                p.kept.to_string(),
                p.rating.map_or_else(
                    || lang.pick("– (niet recent)", "– (not recent)").to_string(),
                    |r| format!("{} ({})", r.tier.label().get(lang), decimal(r.value, lang)),
                ),
                yes_no(p.mastered, lang).to_string(),
            ]
        })
        .collect();
    Table {
        head: head.iter().map(|h| h.to_string()).collect(),
        align: vec![
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Left,
            Align::Left,
        ],
        wrap: vec![true, true, false, false, false],
        rows,
    }
}

fn principles_legend(r: &Record, lang: Lang) -> String {
    let n = r.summary.finished;
    lang.pick(
        format!(
            "Geoefend en nageleefd tellen over alle {n} afgeronde sessies van de periode; het huidige niveau en beheerst over de recente sessies (zie onder)."
        ),
        format!(
            "Practised and kept count over all {n} finished sessions of the period; the current tier and mastered over the recent sessions (see below)."
        ),
    )
}

fn dimensions_table(r: &Record, lang: Lang) -> Table {
    let head = lang.pick(
        [
            "Dimensie",
            "Gemiddelde (0–100)",
            "MITI-schaal (1–5)",
            "Niveau",
        ],
        ["Dimension", "Mean (0–100)", "MITI scale (1–5)", "Tier"],
    );
    let rows = r
        .standing
        .dimensions
        .iter()
        .map(|d| {
            vec![
                d.dimension.label().get(lang).to_string(),
                format!("{:.0}", d.mean),
                decimal(d.rating.value, lang),
                d.rating.tier.label().get(lang).to_string(),
            ]
        })
        .collect();
    Table {
        head: head.iter().map(|h| h.to_string()).collect(),
        align: vec![Align::Left, Align::Right, Align::Right, Align::Left],
        wrap: vec![true, false, false, false],
        rows,
    }
}

/// What the standing reads, under its heading.
fn standing_note(r: &Record, lang: Lang) -> String {
    let n = r.standing.sessions;
    if n == 0 {
        return lang
            .pick(
                "Geen afgeronde sessies alleen gespeeld in deze periode: er is geen huidige stand.",
                "No finished sessions played alone in this period: there is no current standing.",
            )
            .to_string();
    }
    lang.pick(
        format!(
            "De {n} meest recente afgeronde sessies die alleen gespeeld zijn, tot {} (de nieuwste wegen het zwaarst).",
            r.summary.last.show(lang)
        ),
        format!(
            "The {n} most recent finished sessions played alone, up to {} (the newest weigh most).",
            r.summary.last.show(lang)
        ),
    )
}

fn miti_line(r: &Record, lang: Lang) -> String {
    match &r.standing.miti {
        Some(m) => format!(
            "{} {}",
            lang.pick("MITI-profiel van deze sessies:", "MITI profile of these sessions:"),
            m.describe(lang)
        ),
        None if r.standing.sessions == 0 => String::new(),
        None => lang
            .pick(
                "MITI-profiel: niet beschikbaar (de scenario's van deze sessies zijn niet gevonden of sindsdien gewijzigd).",
                "MITI profile: not available (the scenarios of these sessions were not found or have changed since).",
            )
            .to_string(),
    }
}

/// The paragraphs on how scores, bands and tiers are made.
fn explanation(lang: Lang) -> Vec<String> {
    let lines: [&str; 3] = lang.pick(
        [
            "Elke sessie is een geoefend incassogesprek met een gesimuleerde klant. Eén vaste rubric beoordeelt wat de medewerker zei en deed tegen de principes van verbindend incasseren en geeft vier scores van 0 tot 100: empathie, feiten verzamelen, kwaliteit van de afspraak en naleving (wet en eerlijke behandeling). De totaalscore weegt ze: 25% empathie, 20% feiten, 40% afspraak, 15% naleving. Banden: werkpunt onder 40, redelijk van 40 tot 60, goed van 60 tot 80, uitstekend vanaf 80.",
            "Een principe is in een sessie geoefend als de rubric er een bevinding op gaf, en nageleefd als geen van die bevindingen punten kostte. De huidige stand leest de tien meest recente sessies die de medewerker alleen speelde, de nieuwste het zwaarst, en zet ze op de schaal van 1 tot 5 van MITI 4.2.1 (Motivational Interviewing Treatment Integrity): redelijk vanaf 3, goed vanaf 4. Een principe is beheerst als het goed staat na minstens drie recente sessies die het oefenden, de nieuwste zonder misstap.",
            "Het MITI-profiel telt hoe er gesproken is: reflecties per vraag (redelijk vanaf 1, goed vanaf 2), het aandeel complexe reflecties (redelijk vanaf 40%, goed vanaf 50%) en MI-consistent en MI-inconsistent gedrag. Het beschrijft; het telt niet mee in de scores.",
        ],
        [
            "Each session is a practised collections conversation with a simulated customer. One fixed rubric judges what the collector said and did against the principles of connection-based collections and gives four scores from 0 to 100: empathy, fact-gathering, agreement quality and compliance (the law and fair treatment). The overall score weighs them: 25% empathy, 20% facts, 40% agreement, 15% compliance. Bands: needs work below 40, fair from 40 to 60, good from 60 to 80, excellent from 80.",
            "A principle was practised in a session when the rubric had a finding on it, and kept when none of those findings cost points. The current standing reads the ten most recent sessions the collector played alone, the newest weighing most, on the 1 to 5 scale of MITI 4.2.1 (Motivational Interviewing Treatment Integrity): fair from 3, good from 4. A principle is mastered when it is good after at least three recent sessions that practised it, the newest without a slip.",
            "The MITI profile counts how the collector talked: reflections per question (fair from 1, good from 2), the share of complex reflections (fair from 40%, good from 50%) and MI-adherent and MI-non-adherent behaviour. It describes; it does not feed the scores.",
        ],
    );
    lines.iter().map(|s| s.to_string()).collect()
}

/// The footer of a page: `pagina 1 van 3 · Anouk · opgesteld op 12-03-2027`.
fn footer(r: &Record, lang: Lang, page: usize, pages: usize) -> String {
    let w = words(lang);
    format!(
        "{} {page} {} {pages} · {} · {} {}",
        w.page,
        w.of,
        r.player,
        w.made_on,
        dmy(r.made)
    )
}

// ---------------------------------------------------------------------------------------------
// HTML.

/// Text fit for HTML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text fit for a CSS string inside a `<style>` element: everything but letters, digits and
/// spaces as a hex escape, so no `"`, `\` or `</style>` can end it.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        if c.is_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", u32::from(c)));
        }
    }
    out.push('"');
    out
}

const CSS: &str = r#"
* { box-sizing: border-box; }
html { color: #000; background: #fff; }
body { font-family: Helvetica, Arial, "Liberation Sans", sans-serif; font-size: 10pt; line-height: 1.35; margin: 2em auto; max-width: 60em; padding: 0 1em; }
h1 { font-size: 17pt; margin: 0 0 0.2em; }
h2 { font-size: 12pt; margin: 1.4em 0 0.4em; break-after: avoid; page-break-after: avoid; }
p { margin: 0.3em 0; }
.sub { margin-bottom: 1em; }
.note { font-size: 8.5pt; }
table { border-collapse: collapse; width: 100%; margin: 0.3em 0 0.6em; font-size: 9pt; }
table.grid { table-layout: fixed; }
thead { display: table-header-group; }
tr, .keep { break-inside: avoid; page-break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 2px 4px; border-bottom: 0.5pt solid #888; }
th { border-top: 1pt solid #000; border-bottom: 1pt solid #000; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.c, th.c { text-align: center; white-space: nowrap; }
td.nw { white-space: nowrap; }
table.pairs { width: auto; margin: 0; }
table.pairs th, table.pairs td { border: none; padding: 1px 12px 1px 0; font-size: 10pt; }
table.sessions { font-size: 8pt; }
.sign { margin-top: 2em; break-inside: avoid; page-break-inside: avoid; }
.sign .line { display: flex; align-items: flex-end; margin: 1.6em 0 0; }
.sign .line span { width: 8em; }
.sign .line i { flex: 0 0 22em; border-bottom: 0.75pt solid #000; height: 1.2em; }
footer { margin-top: 2em; padding-top: 0.4em; border-top: 0.5pt solid #000; font-size: 8pt; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
  table { font-size: 8.5pt; }
  table.sessions { font-size: 7.5pt; }
  a { color: #000; text-decoration: none; }
}
"#;

/// The record as one self-contained HTML page (inline CSS, no scripts, nothing fetched) that
/// prints on A4: rows kept whole, the header row repeated on every page.
pub fn html(r: &Record, lang: Lang) -> String {
    use std::fmt::Write as _;
    let w = words(lang);
    let mut h = String::new();
    // The page's margin boxes (Chromium prints them; browsers without them ignore them and
    // the footer at the end stays): the record and player on top, page N of M below.
    let boxes = [
        (
            "top-left",
            css_string(&format!("{} · {}", w.title, r.player)),
        ),
        (
            "bottom-left",
            format!(
                "{} counter(page) \" {} \" counter(pages) {}",
                css_string(&format!("{} ", w.page)),
                w.of,
                css_string(&format!(" · {} · {} {}", r.player, w.made_on, dmy(r.made)))
            ),
        ),
        ("bottom-right", css_string(&r.tool)),
    ];
    let mut page_css = String::from("@page { size: A4; margin: 16mm 15mm 18mm 15mm;\n");
    for (at, content) in boxes {
        let _ = writeln!(
            page_css,
            "  @{at} {{ content: {content}; font-family: Helvetica, Arial, sans-serif; font-size: 8pt; }}"
        );
    }
    page_css.push('}');
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"{}\">\n<title>{} · {}</title>\n<style>{CSS}{page_css}\n</style>\n</head>\n<body>\n",
        lang.code(),
        esc(&r.tool),
        esc(w.title),
        esc(&r.player)
    );
    let _ = writeln!(h, "<header>\n<h1>{}</h1>", esc(w.title));
    let _ = writeln!(h, "<p class=\"sub\">{}</p>", esc(w.subtitle));
    pairs_html(&mut h, &header_lines(r, lang));
    let _ = writeln!(h, "</header>\n<section>\n<h2>{}</h2>", esc(w.summary));
    pairs_html(&mut h, &summary_lines(r, lang));
    let _ = writeln!(h, "</section>\n<section>\n<h2>{}</h2>", esc(w.sessions));
    let _ = writeln!(h, "<p class=\"note\">{}</p>", esc(&sessions_legend(lang)));
    table_html(&mut h, &sessions_table(r, lang), "sessions");
    let _ = writeln!(h, "</section>\n<section>\n<h2>{}</h2>", esc(w.principles));
    if r.principles.is_empty() {
        let _ = writeln!(
            h,
            "<p>{}</p>",
            lang.pick(
                "Geen principes geoefend in deze periode.",
                "No principles practised in this period."
            )
        );
    } else {
        let _ = writeln!(
            h,
            "<p class=\"note\">{}</p>",
            esc(&principles_legend(r, lang))
        );
        table_html(&mut h, &principles_table(r, lang), "principles");
    }
    let _ = writeln!(h, "</section>\n<section>\n<h2>{}</h2>", esc(w.dimensions));
    let _ = writeln!(h, "<p class=\"note\">{}</p>", esc(&standing_note(r, lang)));
    if r.standing.sessions > 0 {
        table_html(&mut h, &dimensions_table(r, lang), "dimensions");
    }
    let miti = miti_line(r, lang);
    if !miti.is_empty() {
        let _ = writeln!(h, "<p class=\"note\">{}</p>", esc(&miti));
    }
    let _ = writeln!(
        h,
        "</section>\n<div class=\"keep\">\n<section>\n<h2>{}</h2>",
        esc(w.how)
    );
    for p in explanation(lang) {
        let _ = writeln!(h, "<p>{}</p>", esc(&p));
    }
    let _ = writeln!(
        h,
        "</section>\n<section class=\"sign\">\n<h2>{}</h2>",
        esc(w.seen)
    );
    for label in [w.name, w.date, w.signature] {
        let _ = writeln!(
            h,
            "<div class=\"line\"><span>{}</span><i></i></div>",
            esc(label)
        );
    }
    let _ = writeln!(
        h,
        "</section>\n</div>\n<footer>{} · {} · {} {} · {}</footer>\n</body>\n</html>",
        esc(w.title),
        esc(&r.player),
        esc(w.made_on),
        dmy(r.made),
        esc(&r.tool)
    );
    h
}

fn pairs_html(h: &mut String, lines: &[(&str, String)]) {
    use std::fmt::Write as _;
    let _ = writeln!(h, "<table class=\"pairs\">");
    for (k, v) in lines {
        let _ = writeln!(h, "<tr><th>{}</th><td>{}</td></tr>", esc(k), esc(v));
    }
    let _ = writeln!(h, "</table>");
}

fn table_html(h: &mut String, t: &Table, class: &str) {
    use std::fmt::Write as _;
    let cls = |i: usize| {
        if t.align.get(i) == Some(&Align::Right) {
            " class=\"n\""
        } else if t.align.get(i) == Some(&Align::Center) {
            " class=\"c\""
        } else if t.wrap.get(i) == Some(&false) {
            " class=\"nw\""
        } else {
            ""
        }
    };
    // The sessions' columns as the PDF lays them out (the same font metrics and size in
    // print), as shares of the width; the short tables lay themselves out.
    if class == "sessions" {
        let widths = layout::column_widths(t);
        let total: f32 = widths.iter().sum::<f32>().max(1.0);
        let _ = write!(h, "<table class=\"grid {class}\">\n<colgroup>");
        for w in &widths {
            let _ = write!(h, "<col style=\"width: {:.1}%\">", 100.0 * w / total);
        }
        let _ = write!(h, "</colgroup>\n<thead><tr>");
    } else {
        let _ = write!(h, "<table class=\"{class}\">\n<thead><tr>");
    }
    for (i, c) in t.head.iter().enumerate() {
        let _ = write!(h, "<th{}>{}</th>", cls(i), esc(c));
    }
    let _ = writeln!(h, "</tr></thead>\n<tbody>");
    for row in &t.rows {
        let _ = write!(h, "<tr>");
        for (i, c) in row.iter().enumerate() {
            let _ = write!(h, "<td{}>{}</td>", cls(i), esc(c));
        }
        let _ = writeln!(h, "</tr>");
    }
    let _ = writeln!(h, "</tbody>\n</table>");
}

// ---------------------------------------------------------------------------------------------
// PDF.

/// The record as an A4 PDF: Helvetica (a standard font every reader has, nothing embedded) in
/// WinAnsiEncoding, so é, ë, ü and € print; the sessions table continues over pages with its
/// header row repeated, and every page has a footer `page N of M · player · made on DATE`.
/// Content streams are left uncompressed: the text stays findable in the file.
pub fn pdf(r: &Record, lang: Lang) -> Vec<u8> {
    let w = words(lang);
    let mut d = layout::Doc::new();
    d.title(w.title);
    d.paragraph(w.subtitle, 9.0, layout::Face::Regular);
    d.gap(6.0);
    d.pairs(&header_lines(r, lang));
    d.heading(w.summary);
    d.pairs(&summary_lines(r, lang));
    d.heading(w.sessions);
    d.paragraph(&sessions_legend(lang), 7.5, layout::Face::Regular);
    d.gap(3.0);
    d.table(&sessions_table(r, lang), w.sessions_continued);
    d.heading(w.principles);
    if r.principles.is_empty() {
        d.paragraph(
            lang.pick(
                "Geen principes geoefend in deze periode.",
                "No principles practised in this period.",
            ),
            9.0,
            layout::Face::Regular,
        );
    } else {
        d.paragraph(&principles_legend(r, lang), 7.5, layout::Face::Regular);
        d.gap(3.0);
        d.table(&principles_table(r, lang), w.principles);
    }
    d.heading(w.dimensions);
    d.paragraph(&standing_note(r, lang), 7.5, layout::Face::Regular);
    d.gap(3.0);
    if r.standing.sessions > 0 {
        d.table(&dimensions_table(r, lang), w.dimensions);
    }
    let miti = miti_line(r, lang);
    if !miti.is_empty() {
        d.paragraph(&miti, 7.5, layout::Face::Regular);
    }
    // The explanation and the signature block on one page: a signature alone on the last
    // page would be signing nothing in sight.
    let how = explanation(lang);
    let height = how
        .iter()
        .map(|p| layout::paragraph_height(p, 8.5) + 3.0)
        .sum::<f32>()
        + layout::HEADING
        + layout::signature_height(3);
    d.keep(height);
    d.heading(w.how);
    for p in how {
        d.paragraph(&p, 8.5, layout::Face::Regular);
        d.gap(3.0);
    }
    d.signature(w.seen, &[w.name, w.date, w.signature]);
    let title = format!("{} · {}", w.title, r.player);
    d.finish(&title, &r.tool, lang, |page, pages| {
        (footer(r, lang, page, pages), r.tool.clone())
    })
}

/// A small page layout over `pdf-writer`: text in Helvetica and Helvetica-Bold measured with
/// their AFM widths, wrapped paragraphs, label–value lines, tables that break over pages with
/// the header row repeated, and a footer on every page once the page count is known.
mod layout {
    use super::{Align, Table};
    use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

    /// A4 in points.
    const PAGE_W: f32 = 595.28;
    const PAGE_H: f32 = 841.89;
    const LEFT: f32 = 42.0;
    const RIGHT: f32 = PAGE_W - 42.0;
    const TOP: f32 = PAGE_H - 50.0;
    /// Content stops here; the footer sits below.
    const BOTTOM: f32 = 62.0;
    const FOOTER: f32 = 36.0;
    const CELL_SIZE: f32 = 7.5;
    const CELL_LEADING: f32 = 9.0;
    const CELL_PAD_X: f32 = 3.0;
    const CELL_PAD_Y: f32 = 3.0;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Face {
        Regular,
        Bold,
    }

    impl Face {
        fn name(self) -> Name<'static> {
            match self {
                Face::Regular => Name(b"F1"),
                Face::Bold => Name(b"F2"),
            }
        }
    }

    /// The character in WinAnsiEncoding (Windows-1252), the encoding every PDF reader has for
    /// the standard fonts; `None` for characters it lacks.
    pub fn win_ansi(c: char) -> Option<u8> {
        let code = u32::from(c);
        match code {
            0x20..=0x7e | 0xa0..=0xff => Some(code as u8),
            _ => {
                const HIGH: [(char, u8); 27] = [
                    ('€', 0x80),
                    ('‚', 0x82),
                    ('ƒ', 0x83),
                    ('„', 0x84),
                    ('…', 0x85),
                    ('†', 0x86),
                    ('‡', 0x87),
                    ('ˆ', 0x88),
                    ('‰', 0x89),
                    ('Š', 0x8a),
                    ('‹', 0x8b),
                    ('Œ', 0x8c),
                    ('Ž', 0x8e),
                    ('‘', 0x91),
                    ('’', 0x92),
                    ('“', 0x93),
                    ('”', 0x94),
                    ('•', 0x95),
                    ('–', 0x96),
                    ('—', 0x97),
                    ('˜', 0x98),
                    ('™', 0x99),
                    ('š', 0x9a),
                    ('›', 0x9b),
                    ('œ', 0x9c),
                    ('ž', 0x9e),
                    ('Ÿ', 0x9f),
                ];
                HIGH.iter().find(|(h, _)| *h == c).map(|(_, b)| *b)
            }
        }
    }

    /// Text as WinAnsi bytes: characters it lacks become their nearest ASCII (`≤` as `<=`,
    /// a thin space as a space) or `?`; control characters a space.
    pub fn encode(s: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(s.len());
        for c in s.chars() {
            if let Some(b) = win_ansi(c) {
                out.push(b);
                continue;
            }
            let sub: &[u8] = match c {
                '≤' => b"<=",
                '≥' => b">=",
                '→' => b"->",
                '←' => b"<-",
                '−' | '‐' | '‑' => b"-",
                '×' => b"x",
                '\u{2009}' | '\u{200a}' | '\u{2002}' | '\u{2003}' | '\u{202f}' => b" ",
                '\u{200b}' | '\u{feff}' | '\u{ad}' => b"",
                c if c.is_control() => b" ",
                _ => b"?",
            };
            out.extend_from_slice(sub);
        }
        out
    }

    /// Widths of WinAnsi codes 32–255 in thousandths of the font size (the AFM widths of
    /// Helvetica, as URW's metric-compatible Nimbus Sans gives them; 0 for unused codes).
    #[rustfmt::skip]
    const REGULAR: [u16; 224] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0,
        556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
        0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667,
        278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,
        400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
        667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
        722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
        556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
    ];
    /// The same for Helvetica-Bold.
    #[rustfmt::skip]
    const BOLD: [u16; 224] = [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0,
        556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
        0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667,
        278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333,
        400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,
        722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
        722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
        556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,
        611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
    ];

    /// The width in points of WinAnsi bytes at `size`.
    pub fn width(bytes: &[u8], size: f32, face: Face) -> f32 {
        let table = match face {
            Face::Regular => &REGULAR,
            Face::Bold => &BOLD,
        };
        let units: u32 = bytes
            .iter()
            .map(|&b| {
                let w = table[usize::from(b.max(32)) - 32];
                u32::from(if w == 0 { 556 } else { w })
            })
            .sum();
        units as f32 * size / 1000.0
    }

    /// `text` in lines no wider than `max`: broken at spaces, a word too long for a line
    /// broken where it must.
    pub fn wrap(text: &[u8], size: f32, face: Face, max: f32) -> Vec<Vec<u8>> {
        let mut lines = Vec::new();
        for para in text.split(|&b| b == b'\n') {
            let mut line: Vec<u8> = Vec::new();
            for word in para.split(|&b| b == b' ').filter(|w| !w.is_empty()) {
                let mut candidate = line.clone();
                if !candidate.is_empty() {
                    candidate.push(b' ');
                }
                candidate.extend_from_slice(word);
                if width(&candidate, size, face) <= max + 0.01 {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // The word alone; if even that is too wide, in pieces.
                let mut piece: Vec<u8> = Vec::new();
                for &b in word {
                    piece.push(b);
                    if piece.len() > 1 && width(&piece, size, face) > max + 0.01 {
                        piece.pop();
                        lines.push(std::mem::replace(&mut piece, vec![b]));
                    }
                }
                line = piece;
            }
            lines.push(line);
        }
        lines
    }

    /// The height a [`Doc::heading`] takes.
    pub const HEADING: f32 = 32.0;
    const SIGN_SPACING: f32 = 30.0;

    /// The height of a [`Doc::paragraph`] of regular text at `size`.
    pub fn paragraph_height(s: &str, size: f32) -> f32 {
        wrap(&encode(s), size, Face::Regular, RIGHT - LEFT).len() as f32 * size * 1.3
    }

    /// The height of a [`Doc::signature`] block with `lines` lines.
    pub fn signature_height(lines: usize) -> f32 {
        30.0 + SIGN_SPACING * lines as f32 + 4.0
    }

    /// Column widths in points: fixed columns as wide as their widest cell, the wrapping ones
    /// sharing what is left by how much they hold.
    pub fn column_widths(t: &Table) -> Vec<f32> {
        let n = t.head.len();
        let cells = |i: usize| {
            let head = std::iter::once((encode(&t.head[i]), Face::Bold));
            head.chain(
                t.rows
                    .iter()
                    .filter_map(move |r| r.get(i))
                    .map(|c| (encode(c), Face::Regular)),
            )
        };
        // How wide each column would like to be, and the least it takes without
        // breaking a word.
        let natural: Vec<f32> = (0..n)
            .map(|i| {
                cells(i)
                    .map(|(c, f)| width(&c, CELL_SIZE, f))
                    .fold(0.0, f32::max)
                    + 2.0 * CELL_PAD_X
            })
            .collect();
        let least: Vec<f32> = (0..n)
            .map(|i| {
                cells(i)
                    .flat_map(|(c, f)| {
                        c.split(|&b| b == b' ')
                            .map(|w| width(w, CELL_SIZE, f))
                            .collect::<Vec<_>>()
                    })
                    .fold(0.0, f32::max)
                    + 2.0 * CELL_PAD_X
            })
            .collect();
        let wraps = |i: usize| t.wrap.get(i) == Some(&true);
        let sum = |v: &[f32], wrapping: bool| -> f32 {
            (0..n).filter(|&i| wraps(i) == wrapping).map(|i| v[i]).sum()
        };
        let left = (RIGHT - LEFT - sum(&natural, false)).max(0.0);
        let (want, need) = (sum(&natural, true), sum(&least, true));
        (0..n)
            .map(|i| {
                if !wraps(i) {
                    natural[i]
                } else if want <= left {
                    // Everything fits on one line: the spare room goes to these too.
                    natural[i] + (left - want) * natural[i] / want.max(1.0)
                } else if need <= left {
                    // No word broken; what is left shared by how much more each holds.
                    least[i] + (left - need) * (natural[i] - least[i]) / (want - need).max(1.0)
                } else {
                    (left * least[i] / need.max(1.0)).max(30.0)
                }
            })
            .collect()
    }

    /// Pages being laid out, top to bottom.
    pub struct Doc {
        pages: Vec<Content>,
        y: f32,
    }

    impl Doc {
        pub fn new() -> Doc {
            Doc {
                pages: vec![Content::new()],
                y: TOP,
            }
        }

        fn page(&mut self) -> &mut Content {
            if self.pages.is_empty() {
                self.pages.push(Content::new());
            }
            let last = self.pages.len() - 1;
            &mut self.pages[last]
        }

        fn new_page(&mut self) {
            self.pages.push(Content::new());
            self.y = TOP;
        }

        /// Starts a new page unless `height` still fits on this one.
        fn room(&mut self, height: f32) -> bool {
            if self.y - height < BOTTOM && self.y < TOP {
                self.new_page();
                true
            } else {
                false
            }
        }

        fn text(&mut self, x: f32, baseline: f32, size: f32, face: Face, bytes: &[u8]) {
            if bytes.is_empty() {
                return;
            }
            let c = self.page();
            c.begin_text();
            c.set_font(face.name(), size);
            c.next_line(x, baseline);
            c.show(Str(bytes));
            c.end_text();
        }

        fn rule(&mut self, x1: f32, x2: f32, y: f32, width: f32, gray: f32) {
            let c = self.page();
            c.set_line_width(width);
            c.set_stroke_gray(gray);
            c.move_to(x1, y);
            c.line_to(x2, y);
            c.stroke();
        }

        pub fn gap(&mut self, h: f32) {
            self.y -= h;
        }

        pub fn title(&mut self, s: &str) {
            let size = 18.0;
            for line in wrap(&encode(s), size, Face::Bold, RIGHT - LEFT) {
                self.y -= size;
                self.text(LEFT, self.y, size, Face::Bold, &line);
                self.y -= 4.0;
            }
            self.y -= 2.0;
        }

        /// A section heading, kept with at least a few lines of what follows.
        pub fn heading(&mut self, s: &str) {
            let size = 12.0;
            self.y -= 14.0;
            self.room(size + 70.0);
            self.y -= size;
            self.text(LEFT, self.y, size, Face::Bold, &encode(s));
            self.y -= HEADING - 14.0 - size;
        }

        /// Starts a new page unless `height` fits on this one (or on no page).
        pub fn keep(&mut self, height: f32) {
            if height <= TOP - BOTTOM {
                self.room(height);
            }
        }

        pub fn paragraph(&mut self, s: &str, size: f32, face: Face) {
            let leading = size * 1.3;
            for line in wrap(&encode(s), size, face, RIGHT - LEFT) {
                self.room(leading);
                self.y -= leading;
                self.text(LEFT, self.y + size * 0.25, size, face, &line);
            }
        }

        /// Label–value lines: labels bold in one column, values wrapped beside them.
        pub fn pairs(&mut self, lines: &[(&str, String)]) {
            let size = 9.5;
            let leading = size * 1.35;
            let labels: Vec<Vec<u8>> = lines.iter().map(|(k, _)| encode(k)).collect();
            let col = labels
                .iter()
                .map(|l| width(l, size, Face::Bold))
                .fold(0.0, f32::max)
                + 14.0;
            for (label, (_, value)) in labels.iter().zip(lines) {
                let value = wrap(&encode(value), size, Face::Regular, RIGHT - LEFT - col);
                self.room(leading * value.len() as f32);
                self.y -= leading;
                let base = self.y + size * 0.25;
                self.text(LEFT, base, size, Face::Bold, label);
                for (i, v) in value.iter().enumerate() {
                    if i > 0 {
                        self.y -= leading;
                    }
                    self.text(LEFT + col, self.y + size * 0.25, size, Face::Regular, v);
                }
            }
        }

        fn row(&mut self, cells: &[String], widths: &[f32], t: &Table, face: Face) {
            let wrapped: Vec<Vec<Vec<u8>>> = cells
                .iter()
                .zip(widths)
                .map(|(c, w)| wrap(&encode(c), CELL_SIZE, face, w - 2.0 * CELL_PAD_X))
                .collect();
            let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let height = lines as f32 * CELL_LEADING + 2.0 * CELL_PAD_Y;
            let top = self.y;
            let mut x = LEFT;
            for (i, (cell, w)) in wrapped.iter().zip(widths).enumerate() {
                for (k, line) in cell.iter().enumerate() {
                    let base = top - CELL_PAD_Y - (k as f32 + 1.0) * CELL_LEADING + 2.2;
                    let lx = match t.align.get(i) {
                        Some(Align::Right) => x + w - CELL_PAD_X - width(line, CELL_SIZE, face),
                        Some(Align::Center) => x + (w - width(line, CELL_SIZE, face)) / 2.0,
                        _ => x + CELL_PAD_X,
                    };
                    self.text(lx, base, CELL_SIZE, face, line);
                }
                x += w;
            }
            self.y -= height;
        }

        fn row_height(cells: &[String], widths: &[f32], face: Face) -> f32 {
            let lines = cells
                .iter()
                .zip(widths)
                .map(|(c, w)| wrap(&encode(c), CELL_SIZE, face, w - 2.0 * CELL_PAD_X).len())
                .max()
                .unwrap_or(1)
                .max(1);
            lines as f32 * CELL_LEADING + 2.0 * CELL_PAD_Y
        }

        fn header(&mut self, t: &Table, widths: &[f32]) {
            let right = LEFT + widths.iter().sum::<f32>();
            self.rule(LEFT, right, self.y, 0.8, 0.0);
            self.row(&t.head, widths, t, Face::Bold);
            self.rule(LEFT, right, self.y, 0.8, 0.0);
        }

        /// A table; when a row does not fit, the table goes on on a new page under
        /// `continued` with its header row again. Rows are never split.
        pub fn table(&mut self, t: &Table, continued: &str) {
            let widths = column_widths(t);
            let right = LEFT + widths.iter().sum::<f32>();
            let head_h = Doc::row_height(&t.head, &widths, Face::Bold);
            let first = t
                .rows
                .first()
                .map_or(0.0, |r| Doc::row_height(r, &widths, Face::Regular));
            self.room(head_h + first);
            self.header(t, &widths);
            for row in &t.rows {
                let h = Doc::row_height(row, &widths, Face::Regular);
                if self.y - h < BOTTOM {
                    self.new_page();
                    let size = 10.0;
                    self.y -= size;
                    self.text(LEFT, self.y, size, Face::Bold, &encode(continued));
                    self.y -= 6.0;
                    self.header(t, &widths);
                }
                self.row(row, &widths, t, Face::Regular);
                self.rule(LEFT, right, self.y, 0.4, 0.55);
            }
            self.y -= 4.0;
        }

        /// The signature block, kept whole on one page: a heading and a ruled line per label.
        pub fn signature(&mut self, heading: &str, labels: &[&str]) {
            let size = 10.0;
            let spacing = SIGN_SPACING;
            self.y -= 18.0;
            self.room(signature_height(labels.len()) - 18.0);
            self.y -= 12.0;
            self.text(LEFT, self.y, 12.0, Face::Bold, &encode(heading));
            let col = labels
                .iter()
                .map(|l| width(&encode(l), size, Face::Regular))
                .fold(0.0, f32::max)
                + 16.0;
            for label in labels {
                self.y -= spacing;
                self.text(LEFT, self.y, size, Face::Regular, &encode(label));
                self.rule(LEFT + col, LEFT + col + 260.0, self.y - 2.0, 0.6, 0.0);
            }
        }

        /// The PDF: fonts, pages with their footers (left and right text of page N of M),
        /// and the document's title and producer.
        pub fn finish(
            self,
            title: &str,
            producer: &str,
            lang: super::Lang,
            footer: impl Fn(usize, usize) -> (String, String),
        ) -> Vec<u8> {
            let mut pages = self.pages;
            let total = pages.len();
            for (i, c) in pages.iter_mut().enumerate() {
                let (left, right) = footer(i + 1, total);
                let size = 7.5;
                c.set_line_width(0.4);
                c.set_stroke_gray(0.0);
                c.move_to(LEFT, FOOTER + 10.0);
                c.line_to(RIGHT, FOOTER + 10.0);
                c.stroke();
                let right = encode(&right);
                let right_w = width(&right, size, Face::Regular);
                let room = RIGHT - LEFT - right_w - 12.0;
                // A footer too long for its line (a very long name) is cut to fit.
                let mut left = encode(&left);
                while width(&left, size, Face::Regular) > room && left.len() > 1 {
                    left.pop();
                }
                for (x, text) in [(LEFT, left), (RIGHT - right_w, right)] {
                    c.begin_text();
                    c.set_font(Face::Regular.name(), size);
                    c.next_line(x, FOOTER);
                    c.show(Str(&text));
                    c.end_text();
                }
            }
            let mut pdf = Pdf::new();
            let catalog = Ref::new(1);
            let tree = Ref::new(2);
            let regular = Ref::new(3);
            let bold = Ref::new(4);
            let info = Ref::new(5);
            let first = 6;
            let page_ids: Vec<Ref> = (0..total).map(|i| Ref::new(first + 2 * i as i32)).collect();
            pdf.catalog(catalog).pages(tree).lang(TextStr(lang.code()));
            pdf.pages(tree)
                .kids(page_ids.iter().copied())
                .count(total as i32);
            for (face, id) in [
                (b"Helvetica".as_slice(), regular),
                (b"Helvetica-Bold", bold),
            ] {
                pdf.type1_font(id)
                    .base_font(Name(face))
                    .encoding_predefined(Name(b"WinAnsiEncoding"));
            }
            for (i, content) in pages.into_iter().enumerate() {
                let id = page_ids[i];
                let content_id = Ref::new(id.get() + 1);
                let mut page = pdf.page(id);
                page.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H));
                page.parent(tree);
                page.contents(content_id);
                let mut resources = page.resources();
                resources
                    .fonts()
                    .pair(Face::Regular.name(), regular)
                    .pair(Face::Bold.name(), bold);
                resources.finish();
                page.finish();
                pdf.stream(content_id, &content.finish());
            }
            pdf.document_info(info)
                .title(TextStr(title))
                .producer(TextStr(producer))
                .creator(TextStr(producer));
            pdf.finish()
        }
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

    fn day(date: &str) -> Date {
        date.parse().expect("a date")
    }

    fn finding(principle: Principle, verdict: Verdict) -> StoredFinding {
        StoredFinding {
            turn: 1,
            principle,
            verdict,
            dimension: Dimension::Empathy,
            points: 0,
            note: StoredNote::Words(String::new()),
        }
    }

    /// A session of `player` that ended at `ended` after `minutes`, with findings.
    fn s(
        player: &str,
        scenario: &str,
        overall: u8,
        ended: i64,
        minutes: i64,
        findings: &[(Principle, Verdict)],
    ) -> StoredSession {
        StoredSession {
            draw: 2,
            coach: Default::default(),
            id: ended,
            key: format!("k{ended}{player}"),
            player: player.into(),
            team: "Noord".into(),
            scenario: scenario.into(),
            scenario_hash: "h".into(),
            title: format!("{scenario} title"),
            seed: 1,
            choices: vec![],
            plan: None,
            ending: Ending::from_key("arrangement"),
            scores: Scores {
                empathy: overall,
                fact_gathering: overall,
                agreement: overall,
                compliance: 100,
                overall,
            },
            findings: findings.iter().map(|(p, v)| finding(*p, *v)).collect(),
            started: ended - minutes * 60,
            ended,
            room: None,
        }
    }

    fn anouk() -> Request {
        Request {
            player: "Anouk".into(),
            ..Default::default()
        }
    }

    fn record(request: &Request, sessions: &[StoredSession]) -> Option<Record> {
        gather(
            request,
            sessions,
            &[],
            &BTreeMap::new(),
            "/data/results.sqlite3",
            day("2027-03-12"),
        )
    }

    /// Three sessions of Anouk keeping ANNA and one breaking NIVEA, one of Bram, one of
    /// Anouk in a workshop and one unfinished.
    fn class() -> Vec<StoredSession> {
        use Principle::{Anna, Nivea};
        use Verdict::{Credit, Debit};
        let mut v = vec![
            s(
                "Anouk",
                "ostrich",
                45,
                at("2027-01-05"),
                12,
                &[(Nivea, Debit), (Anna, Credit)],
            ),
            s(
                "Anouk",
                "cant-pay",
                70,
                at("2027-01-12"),
                20,
                &[(Anna, Credit)],
            ),
            s(
                "Anouk",
                "cant-pay",
                85,
                at("2027-02-01"),
                25,
                &[(Anna, Credit), (Nivea, Credit)],
            ),
            s(
                "Bram",
                "ostrich",
                30,
                at("2027-01-06"),
                10,
                &[(Nivea, Debit)],
            ),
            s(
                "Anouk",
                "ostrich",
                90,
                at("2027-02-10"),
                15,
                &[(Anna, Credit)],
            ),
        ];
        let mut room = s(
            "Anouk",
            "dispute",
            60,
            at("2027-02-03"),
            40,
            &[(Nivea, Debit)],
        );
        room.room = Some(crate::workshop::Room::default());
        v.push(room);
        let mut open = s(
            "Anouk",
            "holiday",
            10,
            at("2027-02-05"),
            3,
            &[(Anna, Debit)],
        );
        open.ending = None;
        v.push(open);
        v
    }

    #[test]
    fn the_record_counts_sessions_time_scenarios_and_the_period() {
        let r = record(&anouk(), &class()).expect("Anouk has sessions");
        let s = &r.summary;
        assert_eq!((s.sessions, s.finished, s.scenarios), (6, 5, 4));
        // 12 + 20 + 25 + 40 + 3 + 15 minutes.
        assert_eq!(s.seconds, 115 * 60);
        assert_eq!(hours(s.seconds, Lang::Nl), "1 uur 55 min");
        assert_eq!((s.first, s.last), (day("2027-01-05"), day("2027-02-10")));
        assert_eq!((r.from, r.to), (s.first, s.last));
        // Finished only: 45, 70, 85, 60, 90.
        assert_eq!(s.best, Some(90));
        assert!((s.mean.unwrap_or(0.0) - 70.0).abs() < 1e-9);
        assert_eq!(s.bands, [0, 1, 2, 2]);
        assert_eq!(r.teams, ["Noord"]);
        let dates: Vec<Date> = r.sessions.iter().map(|x| x.date).collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "oldest first");
        assert_eq!(r.sessions.iter().filter(|x| x.workshop).count(), 1);
        assert_eq!(r.sessions[0].title.get(Lang::Nl), "ostrich title");
        assert_eq!(r.sessions[0].draw, 2);
        // The standing reads the sessions played alone and finished: four.
        assert_eq!(r.standing.sessions, 4);
    }

    #[test]
    fn a_period_and_a_team_narrow_the_record() {
        let mut req = anouk();
        req.since = Some(day("2027-01-12"));
        req.until = Some(day("2027-02-01"));
        let r = record(&req, &class()).expect("two in the period");
        assert_eq!(r.summary.sessions, 2);
        assert_eq!((r.from, r.to), (day("2027-01-12"), day("2027-02-01")));
        req.team = Some("Zuid".into());
        assert!(record(&req, &class()).is_none());
        assert!(
            record(
                &Request {
                    player: "Zoë".into(),
                    ..Default::default()
                },
                &class()
            )
            .is_none()
        );
    }

    #[test]
    fn principles_count_practised_and_kept_over_the_period_and_mastery_now() {
        let r = record(&anouk(), &class()).expect("sessions");
        let p = |x: Principle| r.principles.iter().find(|p| p.principle == x).cloned();
        // ANNA: kept in all four finished sessions that had it (the unfinished one is left out).
        let anna = p(Principle::Anna).expect("practised");
        assert_eq!((anna.practised, anna.kept), (4, 4));
        assert!(
            anna.mastered,
            "good over four recent sessions, the newest clean"
        );
        assert_eq!(
            anna.rating.map(|r| r.tier),
            Some(crate::score::miti::Tier::Good)
        );
        // NIVEA: broken on 5 January and in the workshop, kept on 1 February.
        let nivea = p(Principle::Nivea).expect("practised");
        assert_eq!((nivea.practised, nivea.kept), (3, 1));
        assert!(!nivea.mastered);
        assert_eq!(r.principles.len(), 2, "only principles practised");
        assert_eq!(
            r.principles[0].principle,
            Principle::Nivea,
            "in the principles' order"
        );
    }

    #[test]
    fn an_unknown_player_names_the_database_and_the_players() {
        let req = Request {
            player: "anouk".into(),
            ..Default::default()
        };
        let msg = no_sessions(&req, "/x/r.sqlite3", &["Anouk".into(), "Bram".into()], &[]);
        assert!(
            msg.contains("`anouk`") && msg.contains("/x/r.sqlite3"),
            "{msg}"
        );
        assert!(msg.contains("did you mean `Anouk`"), "{msg}");
        assert!(msg.contains("the players there: Anouk, Bram"), "{msg}");
        let many: Vec<String> = (0..30).map(|i| format!("P{i}")).collect();
        let msg = no_sessions(&req, "db", &many, &[]);
        assert!(msg.contains("30 players") && !msg.contains("P17"), "{msg}");
        assert!(no_sessions(&req, "db", &[], &[]).contains("no sessions yet"));
        let mut req = anouk();
        req.team = Some("Zuid".into());
        let msg = no_sessions(
            &req,
            "db",
            &["Anouk".into()],
            &[("Noord".into(), at("2027-01-05"))],
        );
        assert!(
            msg.contains("in team `Zuid`") && msg.contains("team `Noord`"),
            "{msg}"
        );
    }

    #[test]
    fn html_holds_the_player_every_session_and_the_totals_and_prints_on_a4() {
        let r = record(&anouk(), &class()).expect("sessions");
        let h = html(&r, Lang::Nl);
        assert!(h.starts_with("<!DOCTYPE html>"));
        assert!(h.contains("Oefenverslag gesprekstechnieken"));
        assert!(h.contains("<td>Anouk</td>"));
        for t in [
            "ostrich title",
            "cant-pay title",
            "dispute title",
            "holiday title",
        ] {
            assert!(h.contains(t), "{t}");
        }
        assert!(h.contains("1 uur 55 min") && h.contains("<td>6 (waarvan 1 niet afgerond"));
        assert!(h.contains("05-01-2027") && h.contains("Betalingsregeling afgesproken"));
        assert!(h.contains("Gezien door (teamleider)"));
        assert!(h.contains(TOOL) && h.contains("/data/results.sqlite3"));
        for css in [
            "@page",
            "size: A4",
            "@media print",
            "break-inside: avoid",
            "thead { display: table-header-group; }",
        ] {
            assert!(h.contains(css), "{css}");
        }
        assert!(
            !h.contains("<script") && !h.contains("http"),
            "self-contained"
        );
        let en = html(&r, Lang::En);
        assert!(en.contains("Practice record: conversation techniques"));
        assert!(en.contains("Seen by (team lead)") && en.contains("1 h 55 min"));
    }

    #[test]
    fn html_escapes_names_and_titles() {
        let mut v = class();
        for x in &mut v {
            x.player = "<script>alert(1)</script>".into();
            x.team = "A&B \"Zuid\"".into();
            x.title = "<b>bold</b>".into();
        }
        let req = Request {
            player: "<script>alert(1)</script>".into(),
            ..Default::default()
        };
        let h = html(&record(&req, &v).expect("sessions"), Lang::En);
        assert!(!h.contains("<script>") && !h.contains("<b>bold"), "{h}");
        assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(h.contains("A&amp;B &quot;Zuid&quot;") && h.contains("&lt;b&gt;bold"));
        // In the CSS footer too: no way out of the string or the style element.
        let style = &h[h.find("<style>").unwrap_or(0)..h.find("</style>").unwrap_or(0)];
        assert!(
            !style.contains("<script") && !style.contains("</"),
            "{style}"
        );
    }

    /// The text a PDF shows: the string of every `Tj` in its (uncompressed) content
    /// streams, decoded from WinAnsi, one per line.
    fn pdf_text(bytes: &[u8]) -> String {
        let mut decode = ['?'; 256];
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            if let Some(b) = layout::win_ansi(c) {
                decode[usize::from(b)] = c;
            }
        }
        let s = String::from_utf8_lossy(bytes).into_owned();
        let mut out = String::new();
        for line in s.lines() {
            let Some(operand) = line.strip_suffix(" Tj") else {
                continue;
            };
            if let Some(hex) = operand.strip_prefix('<').and_then(|o| o.strip_suffix('>')) {
                for i in (0..hex.len()).step_by(2) {
                    if let Ok(b) = u8::from_str_radix(&hex[i..(i + 2).min(hex.len())], 16) {
                        out.push(decode[usize::from(b)]);
                    }
                }
            } else if let Some(lit) = operand.strip_prefix('(').and_then(|o| o.strip_suffix(')')) {
                out.push_str(
                    &lit.replace("\\(", "(")
                        .replace("\\)", ")")
                        .replace("\\\\", "\\"),
                );
            }
            out.push('\n');
        }
        out
    }

    fn pages(bytes: &[u8]) -> usize {
        let s = String::from_utf8_lossy(bytes);
        s.matches("/Type /Page").count() - s.matches("/Type /Pages").count()
    }

    #[test]
    fn the_pdf_is_a_pdf_with_the_record_in_findable_text() {
        let r = record(&anouk(), &class()).expect("sessions");
        let bytes = pdf(&r, Lang::Nl);
        assert!(bytes.starts_with(b"%PDF-"));
        let tail = String::from_utf8_lossy(&bytes[bytes.len() - 8..]).into_owned();
        assert!(tail.trim_end().ends_with("%%EOF"), "{tail:?}");
        let n = pages(&bytes);
        assert!((1..=3).contains(&n), "{n} pages");
        let text = pdf_text(&bytes);
        for t in [
            "Oefenverslag gesprekstechnieken",
            "Anouk",
            "ostrich title",
            "holiday title",
            "1 uur 55 min",
            "Gezien door (teamleider)",
            &format!("pagina 1 van {n} · Anouk · opgesteld op 12-03-2027"),
            "NIVEA: niet invullen voor een ander",
        ] {
            assert!(text.contains(t), "{t} in:\n{text}");
        }
        assert!(String::from_utf8_lossy(&bytes).contains("/WinAnsiEncoding"));
        let en = pdf_text(&pdf(&r, Lang::En));
        assert!(
            en.contains("Practice record: conversation techniques") && en.contains("page 1 of ")
        );
    }

    #[test]
    fn dutch_letters_and_the_euro_sign_are_written_in_win_ansi() {
        assert_eq!(
            layout::encode("é ë ü €"),
            [0xe9, b' ', 0xeb, b' ', 0xfc, b' ', 0x80]
        );
        assert_eq!(layout::encode("a ≤ b – c"), b"a <= b \x96 c");
        assert_eq!(layout::encode("日本"), b"??");
        let mut v = class();
        for x in &mut v {
            x.team = "Geëscaleerd café: € 120".into();
        }
        let text = pdf_text(&pdf(&record(&anouk(), &v).expect("sessions"), Lang::Nl));
        assert!(text.contains("Geëscaleerd café: € 120"), "{text}");
    }

    #[test]
    fn many_sessions_go_on_over_pages_with_the_header_row_and_footer_on_each() {
        let v: Vec<StoredSession> = (0..80)
            .map(|i| {
                s(
                    "Anouk",
                    "cant-pay",
                    (i % 100) as u8,
                    at("2026-01-01") + i * DAY,
                    11,
                    &[(Principle::Connect, Verdict::Credit)],
                )
            })
            .collect();
        let r = record(&anouk(), &v).expect("sessions");
        assert_eq!(r.summary.sessions, 80);
        let bytes = pdf(&r, Lang::Nl);
        let n = pages(&bytes);
        assert!(n > 1, "{n} pages");
        let text = pdf_text(&bytes);
        // The header row on every page the table reaches, under a caption after the first.
        let heads = text.lines().filter(|l| *l == "Afloop").count();
        assert!(heads > 1 && heads <= n, "{heads} of {n}");
        assert_eq!(
            text.lines().filter(|l| *l == "Sessies (vervolg)").count(),
            heads - 1
        );
        for p in 1..=n {
            assert!(
                text.contains(&format!("pagina {p} van {n} · Anouk")),
                "page {p}"
            );
        }
        // Every session's date is there, once.
        for i in 0..80 {
            let d = dmy(Date::of_timestamp(at("2026-01-01") + i * DAY));
            assert_eq!(text.matches(&d).count(), 1, "{d}");
        }
    }

    #[test]
    fn long_text_wraps_within_its_width() {
        let lines = layout::wrap(b"aaa bbb ccc", 10.0, layout::Face::Regular, 40.0);
        assert_eq!(lines, [b"aaa bbb".to_vec(), b"ccc".to_vec()]);
        let long = vec![b'W'; 60];
        let lines = layout::wrap(&long, 10.0, layout::Face::Bold, 50.0);
        assert!(lines.len() > 1);
        assert!(
            lines
                .iter()
                .all(|l| layout::width(l, 10.0, layout::Face::Bold) <= 50.0)
        );
        // A very long name still makes a record.
        let mut v = class();
        let name = "Anouk ".repeat(200);
        for x in &mut v {
            x.player = name.clone();
        }
        let req = Request {
            player: name,
            ..Default::default()
        };
        let bytes = pdf(&record(&req, &v).expect("sessions"), Lang::En);
        assert!(bytes.starts_with(b"%PDF-"));
    }

    #[test]
    fn the_record_is_written_whole_or_not_at_all() {
        let dir = std::env::temp_dir().join(format!("dojo-record-unit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let out = dir.join("r.html");
        write_atomically(&out, b"one").expect("writes");
        write_atomically(&out, b"two").expect("replaces");
        assert_eq!(std::fs::read(&out).ok().as_deref(), Some(&b"two"[..]));
        let err = write_atomically(&dir.join("missing/r.pdf"), b"x").expect_err("no folder");
        assert!(
            err.to_string().contains("missing/r.pdf") && err.to_string().contains("does not exist"),
            "{err}"
        );
        let err = write_atomically(&dir, b"x").expect_err("a folder");
        assert!(err.to_string().contains("is a folder"), "{err}");
        let names: Vec<String> = std::fs::read_dir(&dir)
            .expect("lists")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect();
        assert_eq!(names, ["r.html"], "no temporary file left");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn formats_follow_the_file_name() {
        assert_eq!(Format::of_path(Path::new("a/b.PDF")), Some(Format::Pdf));
        assert_eq!(Format::of_path(Path::new("b.htm")), Some(Format::Html));
        assert_eq!(Format::of_path(Path::new("b.txt")), None);
    }
}
