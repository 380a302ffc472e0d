//! The `collector-dojo` binary: parses the command line and hands it to the library.

use clap::Parser;
use collector_dojo::cli::{Cli, execute};

fn main() {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    if let Err(f) = execute(cli, &mut stdout.lock()) {
        eprintln!("{}", f.message);
        std::process::exit(f.status);
    }
}
