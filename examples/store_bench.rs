//! Measures the results store at scale: inserts a simulated class's sessions (100,000 by
//! default) one transaction each, as the game and `run --player` do, then times the queries
//! the screens and `results` run: leaderboards, a player's history, a team's points.
//!
//! `cargo run --release --example store_bench -- --db /tmp/bench.sqlite3`
//! `cargo run --release --example store_bench -- --db postgres://dojo:dojo@localhost/dojo_bench`
//!
//! The database should be new (or empty): the figures are for exactly `--sessions` rows.

use clap::Parser;
use collector_dojo::class::{Class, Pool};
use collector_dojo::scenario::{Playbook, discover};
use collector_dojo::store::{Filter, Measure, Store};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Parser)]
struct Args {
    #[arg(long)]
    db: String,
    #[arg(long, default_value = "scenarios")]
    scenarios: PathBuf,
    #[arg(long, default_value_t = 100_000)]
    sessions: usize,
    #[arg(long, default_value_t = 300)]
    players: usize,
    #[arg(long, default_value_t = 10)]
    teams: usize,
    /// Writers inserting at the same time, each on its own connection.
    #[arg(long, default_value_t = 1)]
    writers: usize,
    /// Repetitions of each query.
    #[arg(long, default_value_t = 30)]
    repeat: usize,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Median and 95th percentile of `n` runs of `f`, in milliseconds, and the last result's size.
fn time<T>(n: usize, mut f: impl FnMut() -> Vec<T>) -> (f64, f64, usize) {
    let mut times = Vec::with_capacity(n);
    let mut rows = 0;
    for _ in 0..n {
        let t = Instant::now();
        rows = f().len();
        times.push(ms(t.elapsed()));
    }
    times.sort_by(f64::total_cmp);
    let p95 = times[((n as f64 * 0.95).ceil() as usize).clamp(1, n) - 1];
    (times[n / 2], p95, rows)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a = Args::parse();
    let t = Instant::now();
    let pools: Vec<Pool> = discover(std::slice::from_ref(&a.scenarios))?
        .iter()
        .map(|f| Playbook::load(f).map(|b| Pool::new(&Arc::new(b), 150, 11)))
        .collect::<Result<_, _>>()?;
    let now = collector_dojo::calendar::now();
    let class = Class {
        players: a.players,
        teams: (1..=a.teams).map(|i| format!("Team {i}")).collect(),
        sessions: a.sessions,
        days: 365,
        until: now,
        seed: 42,
    };
    let sessions = class.sessions(&pools);
    println!(
        "generated {} sessions ({} players, {} teams, one year) in {:.1} s",
        sessions.len(),
        a.players,
        a.teams,
        t.elapsed().as_secs_f64()
    );

    // Inserts: one transaction per session, `writers` connections at once.
    let t = Instant::now();
    let chunk = sessions.len().div_ceil(a.writers.max(1)).max(1);
    let latencies: Vec<f64> = std::thread::scope(|scope| {
        let handles: Vec<_> = sessions
            .chunks(chunk)
            .map(|part| {
                let db = a.db.clone();
                scope.spawn(move || -> Result<Vec<f64>, String> {
                    let mut store = Store::open_with_timeout(&db, Duration::from_secs(60))
                        .map_err(|e| e.to_string())?;
                    part.iter()
                        .map(|s| {
                            let t = Instant::now();
                            store.insert(s).map_err(|e| e.to_string())?;
                            Ok(ms(t.elapsed()))
                        })
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().map_err(|_| "a writer panicked".to_string())?)
            .collect::<Result<Vec<Vec<f64>>, String>>()
            .map(|v| v.into_iter().flatten().collect())
    })?;
    let took = t.elapsed().as_secs_f64();
    let mut sorted = latencies.clone();
    sorted.sort_by(f64::total_cmp);
    let pct = |p: f64| {
        let i = ((sorted.len() as f64 * p) as usize).min(sorted.len().saturating_sub(1));
        sorted.get(i).copied().unwrap_or(0.0)
    };
    println!(
        "insert: {} sessions with {} writer(s) in {:.1} s = {:.0} sessions/s; per insert p50 {:.2} ms, p99 {:.2} ms",
        latencies.len(),
        a.writers,
        took,
        latencies.len() as f64 / took,
        pct(0.5),
        pct(0.99)
    );

    let mut store = Store::open(&a.db)?;
    let total = store.sessions(&Filter::default())?.len();
    println!("rows in the database: {total}");
    let month = Some(now - 30 * 86_400);
    let scenario = Some("cant-pay".to_string());
    let player = Some(collector_dojo::class::player_name(7));
    let team = Some("Team 3".to_string());
    let n = a.repeat;
    let report = |what: &str, (p50, p95, rows): (f64, f64, usize)| {
        println!("{what:<58} p50 {p50:>8.2} ms  p95 {p95:>8.2} ms  {rows:>6} rows")
    };
    report(
        "leaderboard: one scenario, 30 days, overall",
        time(n, || {
            store
                .leaderboard(
                    &Filter {
                        scenario: scenario.clone(),
                        since: month,
                        ..Default::default()
                    },
                    Measure::Overall,
                    50,
                )
                .unwrap_or_default()
        }),
    );
    report(
        "leaderboard: one scenario, one team, all time, agreement",
        time(n, || {
            store
                .leaderboard(
                    &Filter {
                        scenario: scenario.clone(),
                        team: team.clone(),
                        ..Default::default()
                    },
                    Measure::Agreement,
                    50,
                )
                .unwrap_or_default()
        }),
    );
    report(
        "leaderboard: every scenario, all time, empathy",
        time(n, || {
            store
                .leaderboard(&Filter::default(), Measure::Empathy, 50)
                .unwrap_or_default()
        }),
    );
    report(
        "team screen trends: points of one scenario, 30 days",
        time(n, || {
            store
                .points(&Filter {
                    scenario: scenario.clone(),
                    since: month,
                    ..Default::default()
                })
                .unwrap_or_default()
        }),
    );
    report(
        "history screen: one player's sessions with findings",
        time(n, || {
            store
                .sessions(&Filter {
                    player: player.clone(),
                    ..Default::default()
                })
                .unwrap_or_default()
        }),
    );
    report(
        "results --team: one team's sessions, 30 days",
        time(n, || {
            store
                .sessions(&Filter {
                    team: team.clone(),
                    since: month,
                    ..Default::default()
                })
                .unwrap_or_default()
        }),
    );
    report(
        "open (connect, check the schema)",
        time(n, || {
            Store::open(&a.db).map(|_| vec![()]).unwrap_or_default()
        }),
    );
    Ok(())
}
