//! `collector-dojo record`: the practice record of one collector, from sessions stored by
//! `run --player`, written as a PDF or an HTML page; an unknown player and an unwritable
//! --out are clear errors that leave no file behind.

use crate::dojo;
use std::path::{Path, PathBuf};

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dojo-record-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Stores one expert session of `cant-pay` for `player` in `team`.
fn play(db: &Path, player: &str, team: &str) {
    let out = dojo(&[
        "run",
        "cant-pay",
        "--db",
        db.to_str().expect("a UTF-8 path"),
        "--player",
        player,
        "--team",
        team,
        "--choices",
        "call,o_warm,h_reflect,st_figures,fi_summarize,fu_capacity,w_refer,y_confirm",
        "--plan",
        "40:15:14",
        "--seed",
        "3",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// A database with two sessions of Anouk (Noord) and one of Bram (Zuid).
fn class(name: &str) -> (PathBuf, String) {
    let dir = temp(name);
    let db = dir.join("r.sqlite3");
    play(&db, "Anouk", "Noord");
    play(&db, "Anouk", "Noord");
    play(&db, "Bram", "Zuid");
    let db = db.to_str().expect("a UTF-8 path").to_string();
    (dir, db)
}

/// Pages of a PDF: `/Type /Page` objects, not the `/Pages` tree.
fn pages(pdf: &str) -> usize {
    pdf.matches("/Type /Page").count() - pdf.matches("/Type /Pages").count()
}

#[test]
fn record_writes_a_pdf_and_an_html_page_of_one_players_sessions() {
    let (dir, db) = class("formats");
    let pdf = dir.join("anouk.pdf");
    let out = dojo(&[
        "record",
        "--db",
        &db,
        "--player",
        "Anouk",
        "--format",
        "pdf",
        "--out",
        pdf.to_str().expect("a UTF-8 path"),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("anouk.pdf") && said.contains("2 sessions"),
        "{said}"
    );
    let bytes = std::fs::read(&pdf).expect("the PDF is written");
    assert!(bytes.starts_with(b"%PDF-"));
    let body = text(&bytes);
    assert!(body.trim_end().ends_with("%%EOF"));
    assert!(pages(&body) >= 1);
    // Uncompressed content: the words are in the file.
    for t in [
        "(Oefenverslag gesprekstechnieken) Tj",
        "(Anouk) Tj",
        "(Noord) Tj",
    ] {
        assert!(body.contains(t), "{t}");
    }
    assert!(!body.contains("(Bram) Tj"), "only Anouk's sessions");

    // The format follows the file name; English on request.
    let html = dir.join("anouk.html");
    let out = dojo(&[
        "record",
        "--db",
        &db,
        "--player",
        "Anouk",
        "--lang",
        "en",
        "--out",
        html.to_str().expect("a UTF-8 path"),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let page = std::fs::read_to_string(&html).expect("the page is written");
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("Practice record: conversation techniques"));
    assert!(page.contains("<td>Anouk</td>") && page.contains("<td>Noord</td>"));
    assert_eq!(
        page.matches("Sofie wants to pay, but can&#39;t").count(),
        2,
        "both sessions, the title from the scenario"
    );
    assert!(page.contains("size: A4") && page.contains("Seen by (team lead)"));
    // No temporary file is left beside the record.
    let hidden: Vec<String> = std::fs::read_dir(&dir)
        .expect("lists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with('.') || n.ends_with(".tmp"))
        .collect();
    assert!(hidden.is_empty(), "{hidden:?}");

    // A period narrows the record; none in it is an error that says what there is.
    let out = dojo(&[
        "record",
        "--db",
        &db,
        "--player",
        "Anouk",
        "--until",
        "2001-01-01",
        "--out",
        html.to_str().expect("a UTF-8 path"),
    ]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("up to 2001-01-01") && err.contains("Anouk has 2 sessions there"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unknown_player_is_an_error_naming_the_player_the_database_and_the_players() {
    let (dir, db) = class("unknown");
    let out_path = dir.join("x.pdf");
    let out = dojo(&[
        "record",
        "--db",
        &db,
        "--player",
        "Zoë",
        "--format",
        "pdf",
        "--out",
        out_path.to_str().expect("a UTF-8 path"),
    ]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("`Zoë`") && err.contains(&db), "{err}");
    assert!(err.contains("the players there: Anouk, Bram"), "{err}");
    assert!(!out_path.exists(), "no file for a failed record");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unwritable_out_path_is_an_error_naming_it() {
    let (dir, db) = class("unwritable");
    let missing = dir.join("no-such-folder").join("r.pdf");
    let out = dojo(&[
        "record",
        "--db",
        &db,
        "--player",
        "Anouk",
        "--out",
        missing.to_str().expect("a UTF-8 path"),
    ]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("cannot write the record to")
            && err.contains(missing.to_str().expect("a UTF-8 path")),
        "{err}"
    );
    // A folder is not a file to write over.
    let out = dojo(&[
        "record",
        "--db",
        &db,
        "--player",
        "Anouk",
        "--format",
        "html",
        "--out",
        dir.to_str().expect("a UTF-8 path"),
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("is a folder"),
        "{}",
        text(&out.stderr)
    );
    // A name that does not say the format needs --format.
    let out = dojo(&[
        "record",
        "--db",
        &db,
        "--player",
        "Anouk",
        "--out",
        dir.join("r.txt").to_str().expect("a UTF-8 path"),
    ]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("--format html or pdf"));
    let _ = std::fs::remove_dir_all(&dir);
}
