//! Fills a results database with a simulated class (real, scored sessions of the shipped
//! scenarios, spread over weeks, improving over time), to try the history and team screens or
//! a workshop debrief before real results exist:
//!
//! `cargo run --example demo_class -- --db /tmp/demo.sqlite3 --players 12 --sessions 600`

use clap::Parser;
use collector_dojo::class::{Class, Pool};
use collector_dojo::scenario::{Playbook, discover};
use collector_dojo::store::Store;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Parser)]
struct Args {
    /// The database to fill (a file path or postgres:// URL).
    #[arg(long)]
    db: String,
    #[arg(long, default_value = "scenarios")]
    scenarios: PathBuf,
    #[arg(long, default_value_t = 12)]
    players: usize,
    #[arg(long, default_value = "Noord,Zuid,Antwerpen")]
    teams: String,
    #[arg(long, default_value_t = 600)]
    sessions: usize,
    /// Spread over this many days, up to now.
    #[arg(long, default_value_t = 56)]
    days: i64,
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let pools: Vec<Pool> = discover(&[args.scenarios])?
        .iter()
        .map(|f| Playbook::load(f).map(|b| Pool::new(&Arc::new(b), 120, args.seed)))
        .collect::<Result<_, _>>()?;
    let class = Class {
        players: args.players,
        teams: args.teams.split(',').map(str::to_string).collect(),
        sessions: args.sessions,
        days: args.days,
        until: collector_dojo::calendar::now(),
        seed: args.seed,
    };
    let mut store = Store::open(&args.db)?;
    let sessions = class.sessions(&pools);
    for s in &sessions {
        store.insert(s)?;
    }
    println!("stored {} sessions in {}", sessions.len(), store.location());
    Ok(())
}
