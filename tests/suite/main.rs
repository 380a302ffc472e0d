//! The integration tests, in one binary: each file below was its own test binary, and every
//! one of them linked the game; one link instead of eight is most of CI's test build.

mod broken_files;
mod cli;
mod game_app;
mod order;
mod properties;
mod results;
mod scenarios;
mod store_backends;
mod xvfb;
