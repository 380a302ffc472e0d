//! Scenarios: the data model, parsing from RON, validation, and the validated [`Playbook`]
//! that the dialogue runtime plays.

pub mod draw;
pub mod locate;
pub mod model;
pub mod placeholders;
pub mod style;
mod validate;

pub use draw::{Draw, NoSuchDraw};
pub use locate::{Pos, SourceMap};
pub use model::*;
pub use placeholders::Fill;

use std::borrow::Cow;
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
    #[error("{}: cannot read: {source}", one_line(&path.display().to_string()))]
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

/// One `file:line:col: message` line per problem. Control characters in the path or a message
/// (an id with a newline in it) are escaped, so every problem stays on one line and counting
/// lines counts problems.
fn render_problems(path: &Path, problems: &[Problem]) -> String {
    let file = path.display().to_string();
    let file = one_line(&file);
    let mut out = String::new();
    for (i, p) in problems.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&format!(
            "{file}:{}:{}: {}",
            p.pos.line,
            p.pos.col,
            one_line(&p.message)
        ));
    }
    out
}

/// `text` with every control character (and the Unicode line and paragraph separators) written
/// as an escape: a newline as `\n`, a tab as `\t`, others as `\u{1b}`. Other text, including
/// non-ASCII letters, is kept as it is.
pub fn one_line(text: &str) -> Cow<'_, str> {
    let breaks = |c: char| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}');
    if !text.contains(breaks) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if breaks(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The UTF-8 byte-order mark some editors put at the start of a file.
const BOM: char = '\u{feff}';

/// `src` without a leading byte-order mark: positions then count from the first real
/// character, as editors show them.
pub fn strip_bom(src: &str) -> &str {
    src.strip_prefix(BOM).unwrap_or(src)
}

/// Reads a text file (a scenario or a workshop plan) for parsing. Bytes that are not UTF-8 are
/// a problem at the line and column of the first bad byte, not a bare io error.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    text_from_bytes(bytes, path)
}

/// The text of a file's bytes; `path` is for the message when they are not UTF-8.
pub fn text_from_bytes(bytes: Vec<u8>, path: &Path) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let before = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
        let message = match bytes.get(valid) {
            Some(b) => format!("invalid UTF-8 (byte 0x{b:02X}): save the file as UTF-8"),
            None => "invalid UTF-8: save the file as UTF-8".to_string(),
        };
        LoadError::Invalid {
            path: path.to_path_buf(),
            problems: vec![Problem {
                pos: end_of(strip_bom(before)),
                message,
            }],
        }
    })
}

/// The position just after `text`: where the next character would be.
fn end_of(text: &str) -> Pos {
    let line = 1 + text.matches('\n').count();
    let last = text.rfind('\n').map_or(text, |i| &text[i + 1..]);
    Pos {
        line,
        col: 1 + last.chars().count(),
    }
}

/// A scenario that passed validation, with its ids resolved for the runtime, as the customer
/// of one [`Draw`] makes it (draw 0 from [`Playbook::parse`] and [`Playbook::load`]; others
/// from [`Playbook::with_draw`] and [`Playbook::for_run`]). Only these make one, so the
/// runtime can rely on every id naming something and every path ending.
#[derive(Debug, Clone)]
pub struct Playbook {
    /// The scenario with this draw's persona and its style's mood changes.
    pub scenario: Scenario,
    /// The scenario as the file has it.
    written: std::sync::Arc<Scenario>,
    draw: Draw,
    /// SHA-256 of the file's text (without a byte-order mark), so stored results name the
    /// exact version played.
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
        let src = read_text(path)?;
        Playbook::parse(&src, path)
    }

    /// Parses and validates scenario text; `path` is used in messages and to check that the
    /// id matches the file name. A leading byte-order mark is ignored.
    pub fn parse(src: &str, path: impl AsRef<Path>) -> Result<Playbook, LoadError> {
        let src = strip_bom(src);
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
        Ok(Playbook::drawn(
            std::sync::Arc::new(scenario),
            path,
            content_hash(src),
            0,
        ))
    }

    /// Draw `index` of a validated scenario.
    fn drawn(
        written: std::sync::Arc<Scenario>,
        path: PathBuf,
        hash: String,
        index: usize,
    ) -> Playbook {
        let (scenario, draw) = draw::materialise(&written, index);
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
            written,
            draw,
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

/// Why [`resolve`] found no scenario file.
#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    /// The scenarios folder (or file) could not be read: the reason is kept, not taken for
    /// "no scenarios".
    #[error("no scenario `{name}`: {source}")]
    Unreadable {
        name: String,
        #[source]
        source: LoadError,
    },
    #[error("no scenario `{name}`: it is not a file and {} holds no scenarios", dir.display())]
    Empty { name: String, dir: PathBuf },
    #[error("no scenario `{name}` in {}; known: {}", dir.display(), known.join(", "))]
    Unknown {
        name: String,
        dir: PathBuf,
        known: Vec<String>,
    },
}

/// Finds a scenario by id in `dir` (a folder, or a single scenario file), or takes `name` as
/// a path if it names a file.
pub fn resolve(name: &str, dir: &Path) -> Result<PathBuf, ResolveError> {
    let as_path = Path::new(name);
    if as_path.is_file() {
        return Ok(as_path.to_path_buf());
    }
    let by_id = dir.join(format!("{name}{EXTENSION}"));
    if by_id.is_file() {
        return Ok(by_id);
    }
    let files = discover(&[dir.to_path_buf()]).map_err(|source| ResolveError::Unreadable {
        name: name.to_string(),
        source,
    })?;
    let id_of = |p: &Path| -> Option<String> {
        p.file_name()?
            .to_str()?
            .strip_suffix(EXTENSION)
            .map(str::to_string)
    };
    // `--scenarios` may name one file (or a folder holding it deeper down).
    if let Some(found) = files.iter().find(|p| id_of(p).as_deref() == Some(name)) {
        return Ok(found.clone());
    }
    let known: Vec<String> = files.iter().filter_map(|p| id_of(p)).collect();
    Err(if known.is_empty() {
        ResolveError::Empty {
            name: name.to_string(),
            dir: dir.to_path_buf(),
        }
    } else {
        ResolveError::Unknown {
            name: name.to_string(),
            dir: dir.to_path_buf(),
            known,
        }
    })
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}",
            self.pos.line,
            self.pos.col,
            one_line(&self.message)
        )
    }
}

/// SHA-256 of a scenario file's text, in hex.
pub fn content_hash(text: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINI: &str = include_str!("../../tests/fixtures/mini.scenario.ron");

    #[test]
    fn scenarios_may_be_a_single_file_and_an_unreadable_folder_says_why() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let file = root.join("tests/fixtures/mini.scenario.ron");
        // `--scenarios FILE`: the id names that file.
        assert_eq!(resolve("mini", &file).expect("found"), file);
        let err = resolve("cant-pay", &file)
            .expect_err("not in that file")
            .to_string();
        assert!(err.contains("known: mini"), "{err}");
        // A folder that cannot be read is not an empty one.
        let err = resolve("mini", &file.join("below-a-file")).expect_err("unreadable");
        assert!(matches!(err, ResolveError::Unreadable { .. }), "{err}");
        assert!(!err.to_string().contains("holds no scenarios"), "{err}");
        assert!(err.to_string().contains("cannot read"), "{err}");
    }

    /// A fresh folder under the system's temporary folder.
    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("dojo-scenario-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp folder");
        dir
    }

    fn problems(src: &str, path: &str) -> Vec<Problem> {
        match Playbook::parse(src, path) {
            Ok(_) => Vec::new(),
            Err(e) => e.problems().to_vec(),
        }
    }

    #[test]
    fn invalid_utf8_is_a_problem_at_the_first_bad_byte() {
        // Line 2: `  id: "café` with é in Latin-1 (0xE9): column 11. A valid é earlier on a
        // line counts as one column.
        let e = text_from_bytes(
            b"Scenario(\n  id: \"caf\xE9\",\n".to_vec(),
            Path::new("x.scenario.ron"),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.scenario.ron:2:11: invalid UTF-8 (byte 0xE9): save the file as UTF-8"
        );
        let e = text_from_bytes(
            "é\u{e9}\n é".bytes().chain([0xFF]).collect(),
            Path::new("y"),
        )
        .unwrap_err();
        assert_eq!(e.problems()[0].pos, Pos { line: 2, col: 3 });
        assert!(e.to_string().contains("(byte 0xFF)"), "{e}");

        let dir = temp_dir("utf8");
        let file = dir.join("mini.scenario.ron");
        let mut bytes = MINI
            .replace("Test Persoon", "Test Pers\u{1}on")
            .into_bytes();
        let at = bytes.iter().position(|b| *b == 1).expect("marker");
        bytes[at] = 0xE9;
        std::fs::write(&file, bytes).expect("written");
        let e = Playbook::load(&file).unwrap_err();
        assert!(matches!(e, LoadError::Invalid { .. }), "{e:?}");
        // `        name: "Test Pers` is 24 characters.
        assert_eq!(
            e.to_string(),
            format!(
                "{}:7:25: invalid UTF-8 (byte 0xE9): save the file as UTF-8",
                file.display()
            )
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let with_bom = format!("\u{feff}{MINI}");
        let book = Playbook::parse(&with_bom, "mini.scenario.ron").expect("a BOM is fine");
        let plain = Playbook::parse(MINI, "mini.scenario.ron").expect("fixture");
        assert_eq!(book.hash, plain.hash, "the same text, the same version");
        // Positions count from after the mark, as editors show them.
        let broken = format!(
            "\u{feff}{}",
            MINI.replace("difficulty: 1,", "difficulty: 1")
        );
        let p = problems(&broken, "mini.scenario.ron");
        assert_eq!(p[0].pos, Pos { line: 6, col: 5 }, "{p:?}");
        let e = text_from_bytes(b"\xEF\xBB\xBF(a\xFF".to_vec(), Path::new("z")).unwrap_err();
        assert_eq!(e.problems()[0].pos, Pos { line: 1, col: 3 });

        let dir = temp_dir("bom");
        let file = dir.join("mini.scenario.ron");
        std::fs::write(&file, &with_bom).expect("written");
        assert_eq!(Playbook::load(&file).expect("loads").id(), "mini");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn every_problem_is_one_line_whatever_the_ids_hold() {
        let src = MINI
            .replace("id: \"mini\"", "id: \"mi\\nni\\x1b\"")
            .replace("id: \"waive\"", "id: \"wa\\r\\nive\"");
        let e = Playbook::parse(&src, "mini.scenario.ron").unwrap_err();
        let text = e.to_string();
        assert_eq!(text.lines().count(), e.problems().len(), "{text}");
        assert!(
            e.problems()
                .iter()
                .all(|p| !p.message.contains(char::is_control))
        );
        assert!(
            text.contains("mini.scenario.ron:3:9: scenario id `mi\\nni\\u{1b}` must be letters, digits, `_` or `-`"),
            "{text}"
        );
        assert!(text.contains("option id `wa\\r\\nive` must be"), "{text}");
        // Whatever a message holds, rendering keeps it on its line; so does a file name.
        let e = LoadError::Invalid {
            path: PathBuf::from("a\nb.scenario.ron"),
            problems: vec![
                Problem {
                    pos: Pos { line: 1, col: 1 },
                    message: "x\ny\tz\u{2028}".into(),
                },
                Problem {
                    pos: Pos { line: 2, col: 1 },
                    message: "café – ok".into(),
                },
            ],
        };
        assert_eq!(
            e.to_string(),
            "a\\nb.scenario.ron:1:1: x\\ny\\tz\\u{2028}\na\\nb.scenario.ron:2:1: café – ok"
        );
        assert_eq!(e.problems()[0].to_string(), "1:1: x\\ny\\tz\\u{2028}");
    }

    #[test]
    fn a_file_not_named_after_its_id_is_reported() {
        // `id` is at line 3, column 9 of the fixture.
        let at_id = |path: &str| -> Vec<String> {
            problems(MINI, path)
                .into_iter()
                .filter(|p| p.pos == Pos { line: 3, col: 9 })
                .map(|p| p.message)
                .collect()
        };
        assert_eq!(at_id("scenarios/mini.scenario.ron"), Vec::<String>::new());
        assert_eq!(
            at_id("scenarios/maxi.scenario.ron"),
            ["id `mini` does not match the file name `maxi.scenario.ron` (expected `maxi`)"]
        );
        assert_eq!(
            at_id("mini.ron"),
            [
                "the file name `mini.ron` does not end in `.scenario.ron`: name the file `mini.scenario.ron`"
            ]
        );
        assert_eq!(
            at_id("maxi.SCENARIO.RON"),
            [
                "the file name `maxi.SCENARIO.RON` does not end in `.scenario.ron`: name the file `mini.scenario.ron`"
            ]
        );
        assert_eq!(
            at_id(""),
            ["a scenario file must be named `mini.scenario.ron`"]
        );
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let name = std::ffi::OsStr::from_bytes(b"mini\xFF.scenario.ron");
            let p = Playbook::parse(MINI, Path::new(name)).unwrap_err();
            assert!(
                p.to_string().contains(
                    ":3:9: id `mini` does not match the file name `mini\u{FFFD}.scenario.ron`"
                ),
                "{p}"
            );
        }
    }

    #[test]
    fn accept_counter_outside_a_counter_node_is_reported() {
        // `ask` in node `open` (line 44) is no counter node.
        let src = MINI.replace(
            "probes: [\"reason\"], next: \"money\"",
            "probes: [\"reason\"], plan: AcceptCounter, next: \"money\"",
        );
        let p = problems(&src, "mini.scenario.ron");
        assert_eq!(p.len(), 1, "{p:?}");
        let line = src.lines().nth(43).expect("line 44");
        let col = line.find("AcceptCounter").expect("there") + 1;
        assert_eq!(p[0].pos, Pos { line: 44, col });
        assert_eq!(
            p[0].message,
            "option `ask`: `plan: AcceptCounter` does nothing in node `open`: only a negotiation's `counter` node has a counter-offer to accept (counter nodes: counter)"
        );
        // Without a negotiation there is no counter node at all.
        let src = MINI.replace(
            "negotiate: (accept: \"deal\", counter: \"counter\", refuse: \"nodeal\"),",
            "end: NoAgreement,",
        );
        let p = problems(&src, "mini.scenario.ron");
        let accept: Vec<&Problem> = p
            .iter()
            .filter(|p| p.message.contains("AcceptCounter"))
            .collect();
        assert_eq!(accept.len(), 2, "`take` and `thanks_counter`: {p:?}");
        assert!(
            accept[0]
                .message
                .ends_with("in node `counter`: only a negotiation's `counter` node has a counter-offer to accept (this scenario has no negotiation, so no counter node)"),
            "{}",
            accept[0].message
        );
        // The fixture itself uses it where it belongs.
        assert!(problems(MINI, "mini.scenario.ron").is_empty());
    }
}
