//! The integration tests, in one binary: each file below was its own test binary, and every
//! one of them linked the game; one link instead of eight is most of CI's test build.

mod broken_files;
mod calibration;
mod cli;
mod draws;
mod game_app;
mod lrs;
mod order;
mod practice;
mod properties;
mod record;
mod results;
mod rubric;
mod scenarios;
mod store_backends;
mod xvfb;

/// Every scenario the game ships, in the order of the README's table.
pub const SHIPPED: [&str; 10] = [
    "ostrich",
    "cant-pay",
    "dispute",
    "twitter-complaint",
    "holiday",
    "key-account",
    "small-business",
    "heavy-usage",
    "wont-pay",
    "care-costs",
];

/// Runs the `collector-dojo` binary in the checkout, as a user at its root would.
pub fn dojo(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_collector-dojo"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("runs")
}
