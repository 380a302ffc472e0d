//! The command line: `check`, `run`, `results` (and sending them to an LRS), `practice`,
//! `record`, `explore` and `talk` (a terminal conversation).

use crate::dialogue::replay;
use crate::dialogue::{Conversation, Prompt};
use crate::explore::explore;
use crate::plan::Plan;
use crate::report::Report;
use crate::scenario::Fill;
use crate::scenario::{self, LoadError, Playbook};
use crate::score::Band;
use crate::text::Lang;
use crate::text::money;
use clap::{Parser, Subcommand};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;

#[derive(Debug, Parser)]
#[command(
    name = "collector-dojo",
    version,
    about = "Rehearse hard collections conversations and get an honest, explained score."
)]
pub struct Cli {
    /// Folder that holds the scenarios, for SCENARIO given as an id.
    #[arg(long, global = true, default_value = "scenarios", value_name = "DIR")]
    pub scenarios: PathBuf,
    /// Results database: a file path (SQLite) or a team's postgres://user:password@host/db;
    /// default: results.sqlite3 in the platform's data folder ($COLLECTOR_DOJO_DB overrides).
    #[arg(long, global = true, value_name = "PATH|URL")]
    pub db: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate scenario files and folders; every problem as file:line:col: message.
    Check {
        /// Files or folders (searched for *.scenario.ron); default: the scenarios folder.
        paths: Vec<PathBuf>,
    },
    /// Hold the rubric against expert trainers' judgements: play every transcript of the
    /// calibration files in DIR and print, per dimension, the trainer's band beside the score.
    Calibrate {
        /// Folder of `<scenario>.calibration.ron` files.
        #[arg(default_value = "tests/calibration")]
        dir: PathBuf,
    },
    /// Play one path headlessly and print the transcript and the score report.
    Run {
        /// A scenario id from the scenarios folder, or a path to a .scenario.ron file.
        scenario: String,
        /// Option ids in order, comma-separated (the channel choice first, if the scenario has one).
        #[arg(long, value_delimiter = ',', value_name = "ID,ID,…")]
        choices: Vec<String>,
        /// The plan to propose at the negotiation: amount per instalment, instalments, days to the first.
        #[arg(long, value_name = "AMOUNT:COUNT:DAYS", value_parser = Plan::from_str, allow_hyphen_values = true)]
        plan: Option<Plan>,
        /// Seed for the run: which customer (unless --draw pins one) and their wording
        /// (default: random; the report shows it).
        #[arg(long, value_parser = parse_seed, allow_hyphen_values = true)]
        seed: Option<u64>,
        /// Meet this customer (a draw of the scenario, from 0; `check` lists how many).
        #[arg(long, value_name = "N")]
        draw: Option<usize>,
        #[arg(long, default_value = "en", value_parser = Lang::from_str)]
        lang: Lang,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
        /// Store the session for this player (with --team) in the results database.
        #[arg(long)]
        player: Option<String>,
        #[arg(long, requires = "player")]
        team: Option<String>,
    },
    /// List stored sessions, for people (table), spreadsheets (csv), tools (json) or a
    /// learning record store (xapi); or, with --leaderboard, rank the players.
    Results {
        #[arg(long)]
        player: Option<String>,
        #[arg(long)]
        team: Option<String>,
        #[arg(long)]
        scenario: Option<String>,
        /// Only sessions that met this customer (a draw of the scenario).
        #[arg(long, value_name = "N")]
        draw: Option<usize>,
        /// Only sessions since this day (YYYY-MM-DD, UTC).
        #[arg(long, value_parser = crate::calendar::parse_date, value_name = "DATE")]
        since: Option<i64>,
        /// Only sessions up to and including this day (YYYY-MM-DD, UTC).
        #[arg(long, value_parser = crate::calendar::parse_date, value_name = "DATE")]
        until: Option<i64>,
        /// Rank players by their best score in this dimension instead of listing sessions.
        #[arg(long, value_enum, value_name = "DIMENSION")]
        leaderboard: Option<By>,
        /// How many players a leaderboard shows.
        #[arg(long, default_value_t = 20, requires = "leaderboard")]
        limit: usize,
        #[arg(long, value_enum, default_value = "table")]
        format: crate::results::Format,
        /// Send the xAPI statements to this learning record store (its xAPI endpoint,
        /// https://host/path/xapi) instead of printing them; the password comes from
        /// $COLLECTOR_DOJO_LRS_PASSWORD. Sending again is safe: statement ids are fixed.
        #[arg(
            long,
            value_name = "URL",
            requires = "lrs_user",
            conflicts_with = "leaderboard"
        )]
        send: Option<String>,
        /// The LRS user (its key) for --send.
        #[arg(long, value_name = "USER", requires = "send")]
        lrs_user: Option<String>,
        /// With --format xapi: also one `answered` statement per choice of every session.
        #[arg(long, conflicts_with = "leaderboard")]
        per_turn: bool,
        /// Statements per POST with --send.
        #[arg(
            long,
            value_name = "N",
            default_value_t = crate::lrs::DEFAULT_BATCH as u64,
            requires = "send",
            value_parser = clap::value_parser!(u64).range(1..=10_000)
        )]
        batch: u64,
    },
    /// What PLAYER should practise next and why (the weakest principles and dimensions of
    /// recent sessions, and the scenario and customer that train them), when each played
    /// scenario is due again, and proficiency in MITI's tiers.
    Practice {
        #[arg(long)]
        player: String,
        /// Only the player's sessions in this team.
        #[arg(long)]
        team: Option<String>,
        #[arg(long, default_value = "en", value_parser = Lang::from_str)]
        lang: Lang,
        /// Plan as of this day (YYYY-MM-DD, UTC; default today).
        #[arg(long, value_parser = crate::calendar::parse_date, value_name = "DATE")]
        today: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// A printable record of PLAYER's practice for an inspector (Wki) or an auditor: the
    /// sessions of a period with their scores, the time spent, the principles practised and
    /// mastered and the current standing, with a block for the team lead to sign. HTML (one
    /// self-contained page that prints on A4) or an A4 PDF.
    Record {
        #[arg(long)]
        player: String,
        /// Only the player's sessions in this team.
        #[arg(long)]
        team: Option<String>,
        /// From this day on (YYYY-MM-DD, UTC; default: the first session).
        #[arg(long, value_parser = crate::calendar::parse_date, value_name = "DATE")]
        since: Option<i64>,
        /// Up to and including this day (YYYY-MM-DD, UTC; default: the last session).
        #[arg(long, value_parser = crate::calendar::parse_date, value_name = "DATE")]
        until: Option<i64>,
        #[arg(long, default_value = "nl", value_parser = Lang::from_str)]
        lang: Lang,
        /// html or pdf (default: from the extension of --out).
        #[arg(long, value_enum)]
        format: Option<crate::record::Format>,
        /// Write the record to this file (replaced whole; left as it was if anything fails).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Walk every path: endings, best and worst path, spread of every score.
    Explore {
        scenario: String,
        #[arg(long, default_value_t = 1, value_parser = parse_seed, allow_hyphen_values = true)]
        seed: u64,
        /// Walk only this draw (default: every draw, each reported).
        #[arg(long, value_name = "N")]
        draw: Option<usize>,
        #[arg(long, default_value = "en", value_parser = Lang::from_str)]
        lang: Lang,
        #[arg(long)]
        json: bool,
    },
    /// Open the game window (the default with no command). With --choices or --screenshot it
    /// plays them in the window, shows the debrief, saves the screenshot and exits.
    Play {
        /// Open at this scenario (an id from the scenarios folder).
        #[arg(long)]
        scenario: Option<String>,
        #[arg(long, value_delimiter = ',', value_name = "ID,ID,…")]
        choices: Vec<String>,
        #[arg(long, value_name = "AMOUNT:COUNT:DAYS", value_parser = Plan::from_str, allow_hyphen_values = true)]
        plan: Option<Plan>,
        #[arg(long, value_parser = parse_seed, allow_hyphen_values = true)]
        seed: Option<u64>,
        /// Meet this customer (a draw of the scenario, from 0).
        #[arg(long, value_name = "N")]
        draw: Option<usize>,
        #[arg(long, value_parser = Lang::from_str)]
        lang: Option<Lang>,
        /// Workshop mode: a plan (a name from workshops/ or a .workshop.ron file) or one scenario
        /// id, on the projector screens with the room's votes.
        #[arg(long, value_name = "PLAN_OR_SCENARIO")]
        workshop: Option<String>,
        /// Play as this player for this run (default: the name in the settings).
        #[arg(long)]
        player: Option<String>,
        /// The player's team for this run.
        #[arg(long)]
        team: Option<String>,
        /// Text size for this run (1.0 laptop, 1.6 projector), without changing saved settings.
        #[arg(long, value_name = "SCALE")]
        ui_scale: Option<f32>,
        /// Save a screenshot of the debrief here and exit.
        #[arg(long, value_name = "PATH")]
        screenshot: Option<PathBuf>,
        /// Save one screenshot per screen into this folder.
        #[arg(long, value_name = "DIR")]
        screenshot_every: Option<PathBuf>,
    },
    /// Have the conversation in this terminal: pick options by number, propose a plan, read the debrief.
    Talk {
        scenario: String,
        #[arg(long, value_parser = parse_seed, allow_hyphen_values = true)]
        seed: Option<u64>,
        /// Meet this customer (a draw of the scenario, from 0).
        #[arg(long, value_name = "N")]
        draw: Option<usize>,
        #[arg(long, default_value = "en", value_parser = Lang::from_str)]
        lang: Lang,
    },
}

/// A seed that is not a whole number 0…2^64−1.
#[derive(Debug, thiserror::Error)]
#[error(
    "seed `{0}` must be a whole number from 0 to {max} (the same seed replays the same run)",
    max = u64::MAX
)]
pub struct BadSeed(String);

/// A seed: a whole number 0…2^64−1 (the same seed replays the same run).
fn parse_seed(s: &str) -> Result<u64, BadSeed> {
    s.trim().parse().map_err(|_| BadSeed(s.to_string()))
}

/// What to rank a leaderboard by, as `--leaderboard` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum By {
    Overall,
    Empathy,
    FactGathering,
    Agreement,
    Compliance,
}

impl From<By> for crate::store::Measure {
    fn from(b: By) -> Self {
        use crate::store::Measure;
        match b {
            By::Overall => Measure::Overall,
            By::Empathy => Measure::Empathy,
            By::FactGathering => Measure::FactGathering,
            By::Agreement => Measure::Agreement,
            By::Compliance => Measure::Compliance,
        }
    }
}

/// A store error as the command line says it: where the database is chosen.
fn store_failure(e: crate::store::StoreError) -> Failure {
    use crate::store::StoreError as E;
    match e {
        E::Missing { .. } | E::Empty { .. } | E::NoSchema { .. } | E::ReadOnly { .. } => {
            Failure::new(format!("{e}; check --db"))
        }
        e => Failure::new(e.to_string()),
    }
}

/// A command's failure: what to print, and the exit status.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub status: i32,
}

impl Failure {
    fn new(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            status: 1,
        }
    }
}

impl From<LoadError> for Failure {
    fn from(e: LoadError) -> Failure {
        Failure::new(e.to_string())
    }
}

/// Runs a parsed command line, writing to `out`. `Ok` means exit status 0.
pub fn execute(cli: Cli, out: &mut dyn Write) -> Result<(), Failure> {
    let Some(command) = cli.command else {
        let _ = writeln!(
            out,
            "collector-dojo: rehearse collections conversations.\n\nTry:\n  collector-dojo talk cant-pay        have a conversation in this terminal\n  collector-dojo check                validate the scenarios\n  collector-dojo explore ostrich      see every path of a scenario\n  collector-dojo --help               all commands"
        );
        return Ok(());
    };
    let io = |e: std::io::Error| Failure::new(format!("cannot write output: {e}"));
    match command {
        Command::Calibrate { dir } => {
            let c = crate::calibration::calibrate(&dir, &cli.scenarios)
                .map_err(|e| Failure::new(e.to_string()))?;
            write!(out, "{}", c.table()).map_err(io)
        }
        Command::Check { paths } => {
            let paths = if paths.is_empty() {
                // The scenarios, and the workshop plans next to them if there are any.
                let mut v = vec![cli.scenarios.clone()];
                let workshops = crate::workshop::folder(&cli.scenarios);
                if workshops.is_dir() {
                    v.push(workshops);
                }
                v
            } else {
                paths
            };
            check(paths, &cli.scenarios, out)
        }
        Command::Results {
            player,
            team,
            scenario,
            draw,
            since,
            until,
            leaderboard,
            limit,
            format,
            send,
            lrs_user,
            per_turn,
            batch,
        } => {
            use crate::results::Format;
            if leaderboard.is_some() && format == Format::Xapi {
                return Err(Failure::new(
                    "a leaderboard has no xAPI form; use --format table, csv or json",
                ));
            }
            if format != Format::Xapi && (send.is_some() || per_turn) {
                let flag = if send.is_some() {
                    "--send"
                } else {
                    "--per-turn"
                };
                return Err(Failure::new(format!(
                    "{flag} is for xAPI statements: add --format xapi"
                )));
            }
            // The LRS is checked before the database is read: a missing password or a
            // wrong URL fails at once.
            let lrs = match (&send, &lrs_user) {
                (Some(url), Some(user)) => {
                    let var = crate::lrs::PASSWORD_VAR;
                    let password = std::env::var(var).ok().filter(|p| !p.is_empty());
                    let Some(password) = password else {
                        return Err(Failure::new(format!(
                            "--send needs the LRS password of `{user}` in the environment variable {var} (it is never a flag, so it stays out of shell history and process lists)"
                        )));
                    };
                    let lrs = crate::lrs::Lrs::new(url, user, &password)
                        .map_err(|e| Failure::new(e.to_string()))?
                        .with_batch(usize::try_from(batch).unwrap_or(usize::MAX));
                    Some(lrs)
                }
                _ => None,
            };
            let location = cli.db.unwrap_or_else(crate::store::default_location);
            // Reading only: a wrong --db creates no folder and no database, and nothing is
            // migrated or written.
            let mut store =
                crate::store::Store::open_read_only(&location).map_err(store_failure)?;
            let filter = crate::store::Filter {
                player,
                team,
                scenario,
                scenario_hash: None,
                since,
                until: until.map(|d| d + 86_400),
                // Leaderboards rank people; a workshop room's sessions are listed, not ranked.
                solo: leaderboard.is_some(),
                draw,
            };
            let text = match leaderboard {
                Some(by) => {
                    let measure = by.into();
                    let rows = store
                        .leaderboard(&filter, measure, limit)
                        .map_err(|e| Failure::new(e.to_string()))?;
                    crate::results::render_board(&rows, measure, format)
                }
                None => {
                    // A damaged session is named on stderr; every readable one is listed.
                    let listing = store
                        .read_sessions(&filter)
                        .map_err(|e| Failure::new(e.to_string()))?;
                    for skipped in &listing.skipped {
                        eprintln!("warning: {}: {skipped}", store.location());
                    }
                    if let Some(lrs) = &lrs {
                        let statements = crate::results::statements(&listing.sessions, per_turn);
                        if statements.is_empty() {
                            return writeln!(
                                out,
                                "no sessions match: nothing sent to {}",
                                lrs.url()
                            )
                            .map_err(io);
                        }
                        let summary = lrs
                            .send(&statements)
                            .map_err(|e| Failure::new(e.to_string()))?;
                        format!("{}\n", summary.line(lrs.url()))
                    } else if format == Format::Xapi {
                        crate::results::xapi(&listing.sessions, per_turn)
                    } else {
                        crate::results::render(&listing.sessions, format)
                    }
                }
            };
            write!(out, "{text}").map_err(io)
        }
        Command::Run {
            scenario,
            choices,
            plan,
            seed,
            draw,
            lang,
            json,
            player,
            team,
        } => {
            let started = crate::calendar::now();
            let seed = seed.unwrap_or_else(rand::random);
            let book = open_draw(&scenario, &cli.scenarios, seed, draw)?;
            let conv = replay(&book, seed, &choices, plan)
                .map_err(|e| Failure::new(format!("{}: {e}", book.path.display())))?;
            let report = Report::new(&conv, lang);
            if let Some(player) = player {
                // Opened after playing: a bad path never creates a database.
                let location = cli
                    .db
                    .clone()
                    .unwrap_or_else(crate::store::default_location);
                let mut store = crate::store::Store::open(&location).map_err(store_failure)?;
                let session = crate::store::StoredSession::from_report(
                    &report,
                    &book.hash,
                    &player,
                    team.as_deref().unwrap_or(""),
                    started,
                    crate::calendar::now(),
                );
                let id = store
                    .insert(&session)
                    .map_err(|e| Failure::new(e.to_string()))?;
                eprintln!("stored session {id} for {player} in {}", store.location());
            }
            if json {
                let s = serde_json::to_string_pretty(&report)
                    .map_err(|e| Failure::new(e.to_string()))?;
                writeln!(out, "{s}").map_err(io)
            } else {
                write!(out, "{}", report.to_text()).map_err(io)?;
                writeln!(out, "\n{}", report.command()).map_err(io)
            }
        }
        Command::Practice {
            player,
            team,
            lang,
            today,
            json,
        } => {
            let location = cli.db.unwrap_or_else(crate::store::default_location);
            let mut store =
                crate::store::Store::open_read_only(&location).map_err(store_failure)?;
            let listing = store
                .read_sessions(&crate::store::Filter {
                    player: Some(player.clone()),
                    team,
                    solo: true,
                    ..Default::default()
                })
                .map_err(|e| Failure::new(e.to_string()))?;
            for skipped in &listing.skipped {
                eprintln!("warning: {}: {skipped}", store.location());
            }
            let today = today.map_or_else(crate::calendar::Date::today, |t| {
                crate::calendar::Date::of_timestamp(t)
            });
            let (offers, profiles) = crate::practice::catalogue(&cli.scenarios, &listing.sessions);
            if offers.is_empty() {
                return Err(Failure::new(format!(
                    "no playable scenarios in {}: a plan needs something to practise (--scenarios DIR)",
                    cli.scenarios.display()
                )));
            }
            let refs: Vec<&crate::store::StoredSession> = listing.sessions.iter().collect();
            let plan = crate::practice::plan(&player, &refs, &offers, &profiles, today);
            if json {
                let s =
                    serde_json::to_string_pretty(&plan).map_err(|e| Failure::new(e.to_string()))?;
                writeln!(out, "{s}").map_err(io)
            } else {
                write!(out, "{}", plan.to_text(lang, &offers)).map_err(io)
            }
        }
        Command::Record {
            player,
            team,
            since,
            until,
            lang,
            format,
            out: path,
        } => {
            use crate::calendar::Date;
            let Some(format) = format.or_else(|| crate::record::Format::of_path(&path)) else {
                return Err(Failure::new(format!(
                    "--format html or pdf: the name {} does not say which",
                    path.display()
                )));
            };
            let location = cli.db.unwrap_or_else(crate::store::default_location);
            let mut store =
                crate::store::Store::open_read_only(&location).map_err(store_failure)?;
            let request = crate::record::Request {
                player,
                team,
                since: since.map(Date::of_timestamp),
                until: until.map(Date::of_timestamp),
            };
            let loaded = crate::record::load(&mut store, &cli.scenarios, &request, Date::today())
                .map_err(|e| Failure::new(e.to_string()))?;
            for s in &loaded.skipped {
                eprintln!("warning: {}: {s}", store.location());
            }
            if loaded.scenarios == 0 {
                eprintln!(
                    "warning: no scenarios in {}: the record shows the titles as stored and no MITI profile (--scenarios DIR)",
                    cli.scenarios.display()
                );
            }
            let record = loaded.record;
            let bytes = format.render(&record, lang);
            crate::record::write_atomically(&path, &bytes)
                .map_err(|e| Failure::new(e.to_string()))?;
            let n = record.summary.sessions;
            writeln!(
                out,
                "wrote {}: {} of {}, {n} session{} from {} to {}",
                path.display(),
                match format {
                    crate::record::Format::Html => "practice record (HTML)",
                    crate::record::Format::Pdf => "practice record (PDF)",
                },
                record.player,
                if n == 1 { "" } else { "s" },
                record.from,
                record.to
            )
            .map_err(io)
        }
        Command::Explore {
            scenario,
            seed,
            draw,
            lang,
            json,
        } => {
            let book = open(&scenario, &cli.scenarios)?;
            let x = explore(&book, seed, lang, draw).map_err(|e| Failure::new(e.to_string()))?;
            if json {
                let s =
                    serde_json::to_string_pretty(&x).map_err(|e| Failure::new(e.to_string()))?;
                writeln!(out, "{s}").map_err(io)
            } else {
                write!(out, "{}", exploration_text(&x)).map_err(io)
            }
        }
        Command::Play { .. } => Err(Failure::new(
            "this collector-dojo was built without the game (feature `game`); use `talk` to play in the terminal",
        )),
        Command::Talk {
            scenario,
            seed,
            draw,
            lang,
        } => {
            let seed = seed.unwrap_or_else(rand::random);
            let book = open_draw(&scenario, &cli.scenarios, seed, draw)?;
            let stdin = std::io::stdin();
            talk(&book, seed, lang, &mut stdin.lock(), out)
        }
    }
}

fn open(name: &str, dir: &Path) -> Result<Arc<Playbook>, Failure> {
    let path = scenario::resolve(name, dir).map_err(|e| Failure::new(e.to_string()))?;
    Ok(Arc::new(Playbook::load(path)?))
}

/// The scenario as the customer of this run makes it: the draw pinned, or the seed's.
fn open_draw(
    name: &str,
    dir: &Path,
    seed: u64,
    draw: Option<usize>,
) -> Result<Arc<Playbook>, Failure> {
    open(name, dir)?
        .for_run(seed, draw)
        .map_err(|e| Failure::new(format!("--draw: {e}")))
}

fn check(paths: Vec<PathBuf>, scenarios: &Path, out: &mut dyn Write) -> Result<(), Failure> {
    use crate::workshop::{EXTENSION as WORKSHOP, KnownScenarios, Workshop};
    let files = scenario::discover_with(&paths, &[scenario::EXTENSION, WORKSHOP])?;
    // A plan's scenarios: those among the paths checked and the --scenarios folder, and the
    // scenarios folder next to the plan's own (X/workshops → X/scenarios), each read once.
    let sources: Vec<PathBuf> = paths
        .iter()
        .cloned()
        .chain([scenarios.to_path_buf()])
        .collect();
    let mut known = KnownScenarios::default();
    if files.is_empty() {
        return Err(Failure::new(format!(
            "no *.scenario.ron or *.workshop.ron files in {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let mut errors = Vec::new();
    let mut bad_files = 0;
    for f in &files {
        if f.to_string_lossy().ends_with(WORKSHOP) {
            let known = known.for_plan(f, &sources);
            match Workshop::load(f, &known) {
                Ok(w) => {
                    let missing = pinned_draws_exist(&w, &sources);
                    if !missing.is_empty() {
                        bad_files += 1;
                        errors.push(missing.join("\n"));
                        continue;
                    }
                    let steps: Vec<&str> =
                        w.plan.steps.iter().map(|s| s.scenario.as_str()).collect();
                    let _ = writeln!(
                        out,
                        "ok workshop {}: {}, {} step{} ({})",
                        w.name,
                        w.plan.title,
                        steps.len(),
                        if steps.len() == 1 { "" } else { "s" },
                        steps.join(", ")
                    );
                }
                Err(e) => {
                    bad_files += 1;
                    errors.push(e.to_string());
                }
            }
            continue;
        }
        match Playbook::load(f) {
            Ok(book) => {
                let book = Arc::new(book);
                let walked = crate::explore::check_draws(&book);
                if !walked.problems.is_empty() {
                    bad_files += 1;
                    errors.push(draw_problems(&book, &walked.problems));
                    continue;
                }
                let s = &book.scenario;
                let plural = |n: usize| if n == 1 { "" } else { "s" };
                let draws = book.draw_count();
                let truths = book.written().persona.truths.len().max(1);
                let styles = scenario::draw::styles(&book.written().persona).len();
                let _ = writeln!(
                    out,
                    "ok {}: {} ({}), {} nodes, {draws} draw{} ({truths} truth{} × {styles} style{}), {} paths",
                    s.id,
                    s.persona.name,
                    s.persona.archetype.label(),
                    s.nodes.len(),
                    plural(draws),
                    plural(truths),
                    plural(styles),
                    walked.paths
                );
            }
            Err(e) => {
                bad_files += 1;
                errors.push(e.to_string());
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        let n: usize = errors.iter().map(|e| e.lines().count()).sum();
        Err(Failure::new(format!(
            "{}\n{n} problem{} in {bad_files} of {} file{}",
            errors.join("\n"),
            if n == 1 { "" } else { "s" },
            files.len(),
            if files.len() == 1 { "" } else { "s" }
        )))
    }
}

/// The steps of a plan that pin a draw their scenario does not have, as messages.
fn pinned_draws_exist(w: &crate::workshop::Workshop, sources: &[PathBuf]) -> Vec<String> {
    let folders = sources
        .iter()
        .cloned()
        .chain([crate::workshop::scenarios_of(&w.path)]);
    let folders: Vec<PathBuf> = folders.collect();
    w.plan
        .steps
        .iter()
        .enumerate()
        .filter_map(|(i, step)| {
            let draw = step.draw?;
            let book = folders.iter().find_map(|dir| {
                let path = scenario::resolve(&step.scenario, dir).ok()?;
                Playbook::load(path).ok()
            })?;
            (draw >= book.draw_count()).then(|| {
                format!(
                    "{}: step {} pins draw {draw} of `{}`, which has {} (0–{})",
                    w.path.display(),
                    i + 1,
                    step.scenario,
                    book.draw_count(),
                    book.draw_count() - 1
                )
            })
        })
        .collect()
}

/// A draw's problems as `file:line:col: message` lines, at the truth (or the style) drawn.
fn draw_problems(book: &Playbook, problems: &[crate::explore::DrawProblem]) -> String {
    let src = scenario::read_text(&book.path).unwrap_or_default();
    let map = scenario::SourceMap::new(scenario::strip_bom(&src));
    let written = &book.written().persona;
    let styles = scenario::draw::styles(written).len();
    let problems = problems
        .iter()
        .map(|p| {
            let at = if written.truths.is_empty() {
                "persona.style".to_string()
            } else {
                format!("persona.truths[{}]", p.index / styles)
            };
            scenario::Problem {
                pos: map.locate(&at),
                message: format!(
                    "draw {} ({}, {}): {}",
                    p.index,
                    p.truth,
                    p.style.key(),
                    p.message
                ),
            }
        })
        .collect();
    LoadError::Invalid {
        path: book.path.clone(),
        problems,
    }
    .to_string()
}

fn exploration_text(x: &crate::explore::Exploration) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}: {} paths ({} plans tried at the negotiation)",
        x.scenario,
        x.paths,
        x.plan_grid.len()
    );
    let _ = writeln!(s, "\nEndings:");
    for (k, v) in &x.endings {
        let _ = writeln!(
            s,
            "  {k:<18} {v:>9}  {:>5.1}%",
            *v as f64 * 100.0 / x.paths.max(1) as f64
        );
    }
    let _ = writeln!(
        s,
        "\nScores over all paths:   min  p10  p25  med  p75  p90  max   mean   needs_work/fair/good/excellent"
    );
    let d = &x.distribution;
    for (name, sp) in [
        ("empathy", &d.empathy),
        ("fact_gathering", &d.fact_gathering),
        ("agreement", &d.agreement),
        ("compliance", &d.compliance),
        ("overall", &d.overall),
    ] {
        let _ = writeln!(
            s,
            "  {name:<22} {:>3}  {:>3}  {:>3}  {:>3}  {:>3}  {:>3}  {:>3}  {:>5.1}   {}/{}/{}/{}",
            sp.min,
            sp.p10,
            sp.p25,
            sp.median,
            sp.p75,
            sp.p90,
            sp.max,
            sp.mean,
            sp.bands["needs_work"],
            sp.bands["fair"],
            sp.bands["good"],
            sp.bands["excellent"]
        );
    }
    for (label, r) in [("Best", &x.best), ("Worst", &x.worst)] {
        let sc = r.scores;
        let _ = writeln!(
            s,
            "\n{label} path: overall {} ({}), empathy {}, facts {}, agreement {}, compliance {}, ending {}",
            sc.overall,
            r.band.key(),
            sc.empathy,
            sc.fact_gathering,
            sc.agreement,
            sc.compliance,
            r.ending.map_or("none", |e| e.key())
        );
        let _ = writeln!(s, "  {}", r.command());
    }
    s
}

/// A conversation in the terminal: numbered options, a plan typed as AMOUNT:COUNT:DAYS.
pub fn talk(
    book: &Arc<Playbook>,
    seed: u64,
    lang: Lang,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let io = |e: std::io::Error| Failure::new(format!("terminal: {e}"));
    let s = &book.scenario;
    let nl = lang == Lang::Nl;
    let fill = Fill {
        scenario: s,
        plan: None,
    };
    let mut conv = Conversation::new(Arc::clone(book), seed);
    writeln!(
        out,
        "\n{}\n{}\n{}\n",
        s.title.get(lang),
        fill.text(&s.context.role, lang),
        fill.text(&s.context.briefing, lang)
    )
    .map_err(io)?;
    let mut shown = 0;
    loop {
        let lines = conv.transcript(lang);
        // The trainee's own lines were echoed when chosen, the channel question before it.
        let channel_prompt = s
            .context
            .channel_choice
            .as_ref()
            .map(|cc| fill.text(&cc.prompt, lang));
        for l in lines[shown.min(lines.len())..]
            .iter()
            .filter(|l| l.speaker != crate::dialogue::Speaker::Trainee)
            .filter(|l| Some(&l.text) != channel_prompt.as_ref())
        {
            writeln!(out, "  {}", l.text).map_err(io)?;
        }
        shown = lines.len();
        let prompt = conv.prompt();
        let line = match prompt {
            Prompt::Ended(_) => break,
            Prompt::Negotiate { .. } => {
                writeln!(out, "\n{}", if nl { "Je notities:" } else { "Your notes:" })
                    .map_err(io)?;
                for (i, f) in s.persona.facts.iter().enumerate() {
                    if conv.known() & (1 << i) != 0 {
                        writeln!(out, "  - {}", fill.text(&f.note, lang)).map_err(io)?;
                    }
                }
                writeln!(
                    out,
                    "\n{} {}. {}",
                    if nl { "Openstaand:" } else { "Owed:" },
                    money(s.persona.finances.owed, lang),
                    if nl {
                        "Stel een regeling voor als BEDRAG:AANTAL:DAGEN (bv. 50:10:14):"
                    } else {
                        "Propose a plan as AMOUNT:COUNT:DAYS (e.g. 50:10:14):"
                    }
                )
                .map_err(io)?;
                read(input, out)?
            }
            _ => {
                writeln!(out).map_err(io)?;
                if let Prompt::Channel(cc) = prompt {
                    writeln!(out, "{}", fill.text(&cc.prompt, lang)).map_err(io)?;
                }
                for (i, (_, text)) in conv.options().iter().enumerate() {
                    writeln!(out, "  {}. {}", i + 1, conv.fill().text(text, lang)).map_err(io)?;
                }
                read(input, out)?
            }
        };
        let Some(line) = line else {
            writeln!(
                out,
                "\n{}",
                if nl {
                    "Gesprek afgebroken."
                } else {
                    "Conversation abandoned."
                }
            )
            .map_err(io)?;
            return Ok(());
        };
        if let Prompt::Negotiate { .. } = prompt {
            match line.parse::<Plan>() {
                Ok(p) => {
                    writeln!(out, "  → {}", p.describe(lang)).map_err(io)?;
                    conv.propose(p).map_err(|e| Failure::new(e.to_string()))?;
                }
                Err(e) => writeln!(out, "{e}").map_err(io)?,
            }
            continue;
        }
        let options = conv.options();
        match line
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=options.len()).contains(n))
        {
            Some(n) => {
                let id = options[n - 1].0.clone();
                writeln!(out, "  → {}", conv.fill().text(options[n - 1].1, lang)).map_err(io)?;
                conv.choose(&id).map_err(|e| Failure::new(e.to_string()))?;
            }
            None => writeln!(
                out,
                "{} 1–{}",
                if nl {
                    "Kies een nummer"
                } else {
                    "Choose a number"
                },
                options.len()
            )
            .map_err(io)?,
        }
    }
    let report = Report::new(&conv, lang);
    let sc = report.scores;
    writeln!(
        out,
        "\n{}: {} ({})\n  {} {} · {} {} · {} {} · {} {}\n",
        if nl { "Totaal" } else { "Overall" },
        sc.overall,
        Band::of(sc.overall).label().get(lang),
        if nl { "empathie" } else { "empathy" },
        sc.empathy,
        if nl { "feiten" } else { "facts" },
        sc.fact_gathering,
        if nl { "afspraak" } else { "agreement" },
        sc.agreement,
        if nl { "naleving" } else { "compliance" },
        sc.compliance
    )
    .map_err(io)?;
    for f in &report.findings {
        let mark = if f.verdict == crate::score::Verdict::Credit {
            '+'
        } else {
            '-'
        };
        writeln!(out, "  {mark} [{}] {}", f.principle_title, f.note).map_err(io)?;
    }
    writeln!(out, "\n{}", report.command()).map_err(io)?;
    Ok(())
}

fn read(input: &mut dyn BufRead, out: &mut dyn Write) -> Result<Option<String>, Failure> {
    let _ = write!(out, "> ");
    let _ = out.flush();
    let mut line = String::new();
    match input.read_line(&mut line) {
        Ok(0) => Ok(None),
        Ok(_) => {
            // Typed input ends the prompt line itself; piped input does not.
            if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
                let _ = writeln!(out, "{}", line.trim());
            }
            Ok(Some(line.trim().to_string()))
        }
        Err(e) => Err(Failure::new(format!("terminal: {e}"))),
    }
}
