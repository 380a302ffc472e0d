//! What the fuzz targets in `fuzz/` run, kept in the library so stable builds (and CI) compile
//! and test it: any bytes as a scenario or a workshop plan must give a value or a positioned
//! problem, never a panic, a hang or a stack overflow.

use crate::dialogue::{Conversation, Prompt};
use crate::explore::{count_paths, explore};
use crate::scenario::Playbook;
use crate::text::Lang;
use crate::workshop::Workshop;
use std::path::Path;
use std::sync::Arc;

/// The most paths a fuzzed scenario may have before its exploration is skipped: enough for
/// every shipped scenario's shape, small enough for thousands of runs a second.
pub const EXPLORE_LIMIT: u64 = 2_000;

/// Parses and validates `data` as a scenario; one that validates is played along the first
/// option of every turn and, if it has few enough paths, explored. Returns whether it
/// validated.
pub fn scenario(data: &[u8]) -> bool {
    // Bytes as the loaders read them: invalid UTF-8 must be a positioned problem.
    let Ok(src) = crate::scenario::text_from_bytes(data.to_vec(), Path::new("fuzz.scenario.ron"))
    else {
        return false;
    };
    let src = src.as_str();
    // Named after its own id, as a scenario file must be, so mutations of valid scenarios
    // stay valid often enough to reach the runtime and the explorer.
    let file = format!(
        "{}{}",
        first_id(src).unwrap_or("fuzz"),
        crate::scenario::EXTENSION
    );
    let Ok(book) = Playbook::parse(src, Path::new(&file)) else {
        return false;
    };
    let book = Arc::new(book);
    let mut c = Conversation::new(Arc::clone(&book), 1);
    // Validation promises every path ends: a walk longer than the nodes is a bug.
    for _ in 0..=book.scenario.nodes.len() + 2 {
        match c.prompt() {
            Prompt::Ended(_) => break,
            Prompt::Negotiate { .. } => {
                let plan = crate::explore::grid_for(&book).first().copied();
                match plan {
                    Some(p) => {
                        let _ = c.propose(p);
                    }
                    None => break,
                }
            }
            _ => {
                let Some((id, _)) = c.options().into_iter().next() else {
                    break;
                };
                let _ = c.choose(&id);
            }
        }
    }
    if count_paths(&book, EXPLORE_LIMIT).is_some() {
        let _ = explore(&book, 1, Lang::En, None);
    }
    true
}

/// The value of the first `id: "…"` in the text, if any.
fn first_id(src: &str) -> Option<&str> {
    let rest = &src[src.find("id:")? + 3..];
    let rest = rest.trim_start().strip_prefix('"')?;
    Some(&rest[..rest.find('"')?])
}

/// Parses and validates `data` as a workshop plan against the shipped scenarios' ids.
pub fn workshop(data: &[u8]) -> bool {
    // The shipped scenarios' ids, read once (a fuzzer runs this thousands of times a second).
    static KNOWN: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let known = KNOWN.get_or_init(|| {
        crate::scenario::playable_ids(&Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios"))
    });
    let path = Path::new("fuzz.workshop.ron");
    match crate::scenario::text_from_bytes(data.to_vec(), path) {
        Ok(src) => Workshop::parse(&src, path, known).is_ok(),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file of the seed corpus runs through the targets' code on stable.
    #[test]
    fn the_seed_corpus_runs_through_the_fuzz_targets() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
        let mut valid = 0;
        for (dir, target) in [
            ("scenario", scenario as fn(&[u8]) -> bool),
            ("workshop", workshop),
        ] {
            let files = std::fs::read_dir(root.join(dir)).expect("seed corpus");
            for f in files {
                let path = f.expect("entry").path();
                let data = std::fs::read(&path).expect("readable seed");
                valid += usize::from(target(&data));
            }
        }
        assert!(
            valid >= 5,
            "the shipped scenarios and plans in the corpus validate"
        );
        // Bytes no loader should choke on.
        for data in [
            &b""[..],
            b"(",
            b"\xEF\xBB\xBF(",
            b"\xff\xfe",
            b"(id: \"a\nb\")",
        ] {
            scenario(data);
            workshop(data);
        }
    }
}
