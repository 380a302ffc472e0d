//! collector-dojo: a training simulator for debt collectors.
//!
//! The core (scenario model and validation, dialogue runtime, rubric scoring, reports and the
//! path explorer) is plain Rust and builds without Bevy (`--no-default-features`); the game
//! is a thin layer on it behind the default `game` feature.

pub mod calendar;
pub mod calibration;
pub mod class;
pub mod cli;
pub mod coach;
pub mod dialogue;
pub mod explore;
pub mod fuzzing;
pub mod lrs;
pub mod plan;
pub mod practice;
pub mod progress;
pub mod record;
pub mod report;
pub mod results;
pub mod scenario;
pub mod score;
pub mod store;
pub mod text;
pub mod workshop;

pub use dialogue::{Conversation, Prompt};
pub use plan::Plan;
pub use report::Report;
pub use scenario::Playbook;
pub use text::{Lang, Text};

#[cfg(feature = "game")]
pub mod game;
