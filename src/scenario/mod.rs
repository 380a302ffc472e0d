//! Scenarios: the data model, parsing from RON, validation, and the validated [`Playbook`]
//! that the dialogue runtime plays.

pub mod locate;
pub mod model;
mod validate;

pub use locate::{Pos, SourceMap};
pub use model::*;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// The file name ending of a scenario.
pub const EXTENSION: &str = ".scenario.ron";

/// One problem in a scenario file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub pos: Pos,
    pub message: String,
}

/// Why a scenario could not be loaded. Its `Display` is one `file:line:col: message` line per
/// problem, the format editors and CI logs understand.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", render_problems(path, problems))]
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
    },
}

impl LoadError {
    /// The problems, for an invalid file; empty for an unreadable one.
    pub fn problems(&self) -> &[Problem] {
        match self {
            LoadError::Io { .. } => &[],
            LoadError::Invalid { problems, .. } => problems,
        }
    }
}

fn render_problems(path: &Path, problems: &[Problem]) -> String {
    let mut out = String::new();
    for (i, p) in problems.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&format!(
            "{}:{}:{}: {}",
            path.display(),
            p.pos.line,
            p.pos.col,
            p.message
        ));
    }
    out
}

/// A scenario that passed validation, with its ids resolved for the runtime. Only
/// [`Playbook::parse`] and [`Playbook::load`] make one, so the runtime can rely on every id
/// naming something and every path ending.
#[derive(Debug, Clone)]
pub struct Playbook {
    pub scenario: Scenario,
    /// SHA-256 of the file's text, so stored results name the exact version played.
    pub hash: String,
    /// Where it was read from, for messages.
    pub path: PathBuf,
    nodes: HashMap<String, usize>,
    facts: HashMap<String, usize>,
}

impl Playbook {
    /// Reads and validates a scenario file.
    pub fn load(path: impl AsRef<Path>) -> Result<Playbook, LoadError> {
        let path = path.as_ref();
        let src = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Playbook::parse(&src, path)
    }

    /// Parses and validates scenario text; `path` is used in messages and to check that the
    /// id matches the file name.
    pub fn parse(src: &str, path: impl AsRef<Path>) -> Result<Playbook, LoadError> {
        let path = path.as_ref().to_path_buf();
        let invalid = |problems| LoadError::Invalid {
            path: path.clone(),
            problems,
        };
        let scenario = parse_ron(src).map_err(|p| invalid(vec![p]))?;
        let map = SourceMap::new(src);
        let problems = validate::validate(&scenario, &map, Some(&path));
        if !problems.is_empty() {
            return Err(invalid(problems));
        }
        Ok(Playbook::index(
            scenario,
            path,
            crate::store::content_hash(src),
        ))
    }

    fn index(scenario: Scenario, path: PathBuf, hash: String) -> Playbook {
        let nodes = scenario
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.clone(), i))
            .collect();
        let facts = scenario
            .persona
            .facts
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.clone(), i))
            .collect();
        Playbook {
            scenario,
            hash,
            path,
            nodes,
            facts,
        }
    }

    pub fn id(&self) -> &str {
        &self.scenario.id
    }

    /// Index of a node id. Validation guarantees every id the scenario uses exists.
    pub fn node_index(&self, id: &str) -> Option<usize> {
        self.nodes.get(id).copied()
    }

    pub fn fact_index(&self, id: &str) -> Option<usize> {
        self.facts.get(id).copied()
    }

    pub fn node(&self, index: usize) -> &Node {
        &self.scenario.nodes[index]
    }

    pub fn start(&self) -> usize {
        self.node_index(&self.scenario.start).unwrap_or(0)
    }

    /// Key facts of the scenario, as a bit set.
    pub fn key_facts(&self) -> u64 {
        self.scenario
            .persona
            .facts
            .iter()
            .enumerate()
            .filter(|(_, f)| f.key)
            .fold(0, |acc, (i, _)| acc | (1 << i))
    }
}

fn parse_ron(src: &str) -> Result<Scenario, Problem> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str::<Scenario>(src)
        .map_err(|e| Problem {
            pos: Pos {
                line: e.span.start.line.max(1),
                col: e.span.start.col.max(1),
            },
            message: e.code.to_string(),
        })
}

/// Every `*.scenario.ron` under the given files and folders (folders recursively), sorted.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LoadError> {
    discover_with(paths, &[EXTENSION])
}

/// Every file ending in one of `endings` under the given folders (recursively), and the given
/// files themselves, sorted.
pub fn discover_with(paths: &[PathBuf], endings: &[&str]) -> Result<Vec<PathBuf>, LoadError> {
    let mut found = Vec::new();
    for p in paths {
        collect(p, endings, &mut found)?;
    }
    found.sort();
    found.dedup();
    Ok(found)
}

fn collect(path: &Path, endings: &[&str], out: &mut Vec<PathBuf>) -> Result<(), LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        for entry in std::fs::read_dir(path).map_err(io)? {
            let entry = entry.map_err(io)?;
            let p = entry.path();
            let is_dir = entry.file_type().map_err(io)?.is_dir();
            let name = p.to_string_lossy();
            if is_dir || endings.iter().any(|e| name.ends_with(e)) {
                collect(&p, endings, out)?;
            }
        }
    } else {
        out.push(path.to_path_buf());
    }
    Ok(())
}

/// The ids of the scenarios in `dir` that validate, sorted.
pub fn playable_ids(dir: &Path) -> Vec<String> {
    discover(&[dir.to_path_buf()])
        .unwrap_or_default()
        .iter()
        .filter_map(|f| Playbook::load(f).ok())
        .map(|b| b.id().to_string())
        .collect()
}

/// Finds a scenario by id in `dir`, or takes `name` as a path if it names a file.
pub fn resolve(name: &str, dir: &Path) -> Result<PathBuf, String> {
    let as_path = Path::new(name);
    if as_path.is_file() {
        return Ok(as_path.to_path_buf());
    }
    let by_id = dir.join(format!("{name}{EXTENSION}"));
    if by_id.is_file() {
        return Ok(by_id);
    }
    let known: Vec<String> = discover(&[dir.to_path_buf()])
        .unwrap_or_default()
        .iter()
        .filter_map(|p| {
            p.file_name()?
                .to_str()?
                .strip_suffix(EXTENSION)
                .map(str::to_string)
        })
        .collect();
    Err(if known.is_empty() {
        format!(
            "no scenario `{name}`: it is not a file and {} holds no scenarios",
            dir.display()
        )
    } else {
        format!(
            "no scenario `{name}` in {}; known: {}",
            dir.display(),
            known.join(", ")
        )
    })
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.pos.line, self.pos.col, self.message)
    }
}
