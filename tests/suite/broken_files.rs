//! Every bad-input case of `check` has a broken file under `tests/broken/`, whose first lines
//! say what must be reported: `// expect: LINE:COL: message`. The test loads each file and
//! asserts the message names the file, the line, the column and the problem.

use collector_dojo::scenario::Playbook;
use std::path::{Path, PathBuf};
use std::process::Command;

fn broken_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/broken exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".scenario.ron"))
        .collect();
    files.sort();
    files
}

/// The `// expect:` lines of a file: (line, col, message).
fn expectations(path: &Path) -> Vec<(usize, usize, String)> {
    let src = std::fs::read_to_string(path).expect("readable");
    src.lines()
        .map_while(|l| l.strip_prefix("// expect: "))
        .map(|rest| {
            let mut parts = rest.splitn(3, ':');
            let line = parts.next().and_then(|x| x.parse().ok()).expect("line");
            let col = parts.next().and_then(|x| x.parse().ok()).expect("col");
            let msg = parts.next().expect("message").trim().to_string();
            (line, col, msg)
        })
        .collect()
}

#[test]
fn every_bad_input_case_has_a_broken_file() {
    let names: Vec<String> = broken_files()
        .iter()
        .map(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .replace(".scenario.ron", "")
        })
        .collect();
    for case in [
        "syntax-error",
        "unknown-field",
        "next-no-node",
        "unreachable-node",
        "no-ending",
        "no-codes",
        "fact-never-revealed",
        "missing-translation",
        "impossible-numbers",
    ] {
        assert!(
            names.iter().any(|n| n == case),
            "missing tests/broken/{case}.scenario.ron"
        );
    }
}

#[test]
fn each_broken_file_reports_file_line_col_and_problem() {
    let files = broken_files();
    assert!(files.len() >= 9);
    for path in files {
        let expected = expectations(&path);
        assert!(
            !expected.is_empty(),
            "{} has no // expect: line",
            path.display()
        );
        let err = Playbook::load(&path).expect_err(&format!("{} must not load", path.display()));
        let text = err.to_string();
        for (line, col, msg) in expected {
            let prefix = format!("{}:{line}:{col}: ", path.display());
            assert!(
                text.lines()
                    .any(|l| l.starts_with(&prefix) && l.contains(&msg)),
                "{}: expected `{prefix}…{msg}…` in:\n{text}",
                path.display()
            );
        }
    }
}

#[test]
fn every_problem_in_a_file_is_listed_not_only_the_first() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken/many-problems.scenario.ron");
    let err = Playbook::load(&path).expect_err("invalid");
    assert_eq!(err.problems().len(), 3, "{err}");
}

#[test]
fn check_command_exits_1_and_lists_every_file_problem() {
    let out = Command::new(env!("CARGO_BIN_EXE_collector-dojo"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "tests/broken", "tests/fixtures"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    for path in broken_files() {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        assert!(stderr.contains(&name), "{name} not reported:\n{stderr}");
    }
    // The valid fixture still gets its summary line.
    assert!(
        stdout.contains("ok mini: Test Persoon (can't pay), 9 nodes,"),
        "{stdout}"
    );
    assert!(
        stderr.lines().last().unwrap_or("").contains("problems in"),
        "{stderr}"
    );
}

#[test]
fn unreadable_path_is_a_clear_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_collector-dojo"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "tests/no-such-folder"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tests/no-such-folder: cannot read"));
}
