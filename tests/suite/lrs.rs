//! `collector-dojo results --format xapi --send URL`: a stored session's statements reach a
//! learning record store (a local test server), the password never shows, and an LRS that is
//! gone is a clear error that says nothing was lost.

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::mpsc;
use std::time::Duration;

const PASSWORD: &str = "s3cret-lrs-password";
const VAR: &str = "COLLECTOR_DOJO_LRS_PASSWORD";

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dojo-lrs-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// The binary, at the checkout's root, with the LRS password in its environment (or not).
fn dojo(args: &[&str], password: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_collector-dojo"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).args(args);
    match password {
        Some(p) => cmd.env(VAR, p),
        None => cmd.env_remove(VAR),
    };
    cmd.output().expect("runs")
}

fn store_a_session(db: &Path) {
    let out = dojo(
        &[
            "run",
            "cant-pay",
            "--db",
            db.to_str().expect("utf-8 path"),
            "--player",
            "Anouk",
            "--team",
            "Noord",
            "--choices",
            "call,o_warm,h_reflect,st_figures,fi_summarize,fu_capacity,w_refer,y_confirm",
            "--plan",
            "40:15:14",
            "--seed",
            "3",
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// One request the server got: its request line, headers and body.
struct Got {
    line: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

/// An LRS for `answers` requests on 127.0.0.1: each answered 200 with the posted ids, then
/// it stops listening. The requests come back on the channel.
fn lrs(answers: usize) -> (String, mpsc::Receiver<Got>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}/xapi/", listener.local_addr().expect("addr"));
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for _ in 0..answers {
            let Ok((stream, _)) = listener.accept() else {
                return;
            };
            let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
            let mut reader = BufReader::new(stream);
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let mut headers = Vec::new();
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
                    break;
                }
                if let Some((k, v)) = h.split_once(':') {
                    headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
                }
            }
            let length = headers
                .iter()
                .find(|(k, _)| k == "content-length")
                .and_then(|(_, v)| v.parse().ok())
                .unwrap_or(0);
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            let ids: Vec<Value> = serde_json::from_slice::<Vec<Value>>(&body)
                .unwrap_or_default()
                .iter()
                .map(|s| s["id"].clone())
                .collect();
            let answer = Value::Array(ids).to_string();
            let mut stream = reader.into_inner();
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
                answer.len()
            );
            let _ = stream.flush();
            let _ = tx.send(Got {
                line,
                headers,
                body,
            });
        }
    });
    (url, rx)
}

#[test]
fn results_send_posts_the_statements_and_an_lrs_gone_is_a_clear_error() {
    let dir = temp("send");
    let db = dir.join("r.sqlite3");
    store_a_session(&db);
    let db = db.to_str().expect("utf-8 path");
    let printed: Vec<Value> =
        serde_json::from_slice(&dojo(&["results", "--db", db, "--format", "xapi"], None).stdout)
            .expect("xapi json");
    assert_eq!(printed.len(), 1);

    let (url, got) = lrs(1);
    let send = [
        "results",
        "--db",
        db,
        "--format",
        "xapi",
        "--send",
        &url,
        "--lrs-user",
        "dojo-key",
    ];
    let out = dojo(&send, Some(PASSWORD));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let statements = url.clone() + "statements";
    assert_eq!(
        stdout.trim(),
        format!("sent 1 statement in 1 batch to {statements}; 0 the LRS already had")
    );
    assert!(!stdout.contains(PASSWORD) && !stderr.contains(PASSWORD));
    let request = got.recv_timeout(Duration::from_secs(10)).expect("a POST");
    assert!(
        request.line.starts_with("POST /xapi/statements "),
        "{}",
        request.line
    );
    let header = |name: &str| {
        request
            .headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(header("x-experience-api-version").as_deref(), Some("1.0.3"));
    assert!(header("authorization").is_some_and(|a| a.starts_with("Basic ")));
    let posted: Vec<Value> = serde_json::from_slice(&request.body).expect("a JSON array");
    assert_eq!(posted, printed, "the statement `--format xapi` prints");

    // The LRS is gone: nothing reaches it, and the message says so.
    let out = dojo(&send, Some(PASSWORD));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("cannot reach the LRS at 127.0.0.1:")
            && stderr.contains("Nothing was lost"),
        "{stderr}"
    );
    assert!(!stderr.contains(PASSWORD) && !String::from_utf8_lossy(&out.stdout).contains(PASSWORD));

    // Per turn, printed: the session and one statement per choice.
    let turns: Vec<Value> = serde_json::from_slice(
        &dojo(
            &["results", "--db", db, "--format", "xapi", "--per-turn"],
            None,
        )
        .stdout,
    )
    .expect("xapi json");
    assert_eq!(turns.len(), 1 + 8);
    assert_eq!(turns[0], printed[0]);
    assert!(
        turns[1..]
            .iter()
            .all(|t| t["context"]["registration"] == printed[0]["id"])
    );
}

#[test]
fn send_needs_xapi_a_user_and_the_password_in_the_environment() {
    let dir = temp("flags");
    let db = dir.join("r.sqlite3");
    store_a_session(&db);
    let db = db.to_str().expect("utf-8 path");
    let url = "http://127.0.0.1:9/xapi";
    let fails = |args: &[&str], password: Option<&str>, says: &str| {
        let out = dojo(args, password);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(!stderr.contains(PASSWORD), "{stderr}");
    };
    let base = ["results", "--db", db, "--send", url, "--lrs-user", "k"];
    fails(&base, Some(PASSWORD), "--format xapi");
    let xapi = [&base[..], &["--format", "xapi"]].concat();
    fails(&xapi, None, VAR);
    fails(&xapi, Some(""), VAR);
    fails(
        &["results", "--db", db, "--format", "xapi", "--send", url],
        Some(PASSWORD),
        "--lrs-user",
    );
    fails(
        &[&xapi[..], &["--leaderboard", "overall"]].concat(),
        Some(PASSWORD),
        "cannot be used with",
    );
    fails(
        &[
            "results",
            "--db",
            db,
            "--format",
            "xapi",
            "--send",
            "lrs.example/xapi",
            "--lrs-user",
            "k",
        ],
        Some(PASSWORD),
        "https://host/path/xapi",
    );
    fails(
        &["results", "--db", db, "--per-turn"],
        None,
        "--format xapi",
    );
}
