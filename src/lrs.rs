//! Sending xAPI statements to a learning record store (xAPI 1.0.3): `POST …/statements` in
//! batches with HTTP basic auth, retried while the LRS is briefly away. Statement ids are
//! fixed (derived from the session keys), so sending the same sessions again is safe.

use base64::Engine as _;
use serde_json::Value;
use std::fmt;
use std::io::Read as _;
use std::time::Duration;

/// The xAPI version every request announces.
pub const XAPI_VERSION: &str = "1.0.3";
/// The environment variable that holds the LRS password (never a command-line flag).
pub const PASSWORD_VAR: &str = "COLLECTOR_DOJO_LRS_PASSWORD";
/// Statements per POST unless [`Lrs::with_batch`] says otherwise.
pub const DEFAULT_BATCH: usize = 50;
/// Retries of a POST that met a connection error, a 5xx or a 429.
pub const DEFAULT_RETRIES: u32 = 3;
/// The wait before the first retry; it doubles for each next one.
pub const DEFAULT_BACKOFF: Duration = Duration::from_millis(500);

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);
/// How much of an LRS's error answer is read, and how many characters of it are shown.
const BODY_READ: u64 = 64 * 1024;
const BODY_SHOWN: usize = 300;
/// The form an endpoint should have, as errors name it.
const EXPECTED: &str = "https://host/path/xapi";

/// A learning record store's statements resource, and how to post to it.
pub struct Lrs {
    /// `…/statements`.
    url: String,
    /// host[:port], as messages name it.
    host: String,
    user: String,
    password: String,
    batch: usize,
    retries: u32,
    backoff: Duration,
    agent: ureq::Agent,
}

/// The password and the Authorization header stay out of every Debug output.
impl fmt::Debug for Lrs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lrs")
            .field("url", &self.url)
            .field("user", &self.user)
            .field("password", &"<redacted>")
            .field("batch", &self.batch)
            .field("retries", &self.retries)
            .field("backoff", &self.backoff)
            .finish_non_exhaustive()
    }
}

/// What a send did: batches posted, statements the LRS stored, statements it already had.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Batches posted completely.
    pub batches: usize,
    /// Statements the LRS took (it answered 2xx).
    pub sent: usize,
    /// Statements the LRS already had (it answered 409 Conflict: the same id is there).
    pub already: usize,
}

impl Summary {
    /// Every statement the LRS now has from this send: new or already there.
    pub fn statements(&self) -> usize {
        self.sent + self.already
    }

    /// One line for people: `sent 12 statements in 1 batch to URL; 3 the LRS already had`.
    pub fn line(&self, url: &str) -> String {
        let n = self.statements();
        format!(
            "sent {n} statement{} in {} batch{} to {url}; {} the LRS already had",
            if n == 1 { "" } else { "s" },
            self.batches,
            if self.batches == 1 { "" } else { "es" },
            self.already
        )
    }
}

/// How far a send got before it failed, as the error says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub so_far: Summary,
    /// Statements the send was given.
    pub total: usize,
    /// Batches it would have posted.
    pub batches: usize,
}

impl fmt::Display for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let done = self.so_far.statements();
        if done == 0 && self.total == 1 {
            write!(f, "the statement did not get in")
        } else if done == 0 {
            write!(f, "none of the {} statements got in", self.total)
        } else {
            write!(
                f,
                "{done} of the {} statements got in before this ({} of {} batches complete)",
                self.total, self.so_far.batches, self.batches
            )
        }
    }
}

/// Why statements did not reach the LRS. No variant holds the password or the
/// Authorization header; an LRS answer quoted has both blanked out.
#[derive(Debug, thiserror::Error)]
pub enum LrsError {
    #[error(
        "`{url}` is not an LRS endpoint: {reason}; give its xAPI endpoint, of the form {EXPECTED}"
    )]
    BadUrl {
        /// The URL as given, with any user:password@ in it blanked out.
        url: String,
        reason: &'static str,
    },
    #[error(
        "cannot reach the LRS at {host}: {source}; {progress}. Nothing was lost: the sessions stay in the database, and sending again is safe (statement ids are fixed, so the LRS keeps one copy of each)"
    )]
    Unreachable {
        host: String,
        #[source]
        source: Box<ureq::Error>,
        progress: Progress,
    },
    #[error(
        "the LRS at {host} is not taking statements: it answered {} {tries} time{}{}; {progress}. Nothing was lost: the sessions stay in the database, and sending again later is safe (statement ids are fixed, so the LRS keeps one copy of each)",
        status_text(*.status), if *.tries == 1 { "" } else { "s" }, quoted(.body)
    )]
    Unavailable {
        host: String,
        status: u16,
        tries: u32,
        body: String,
        progress: Progress,
    },
    #[error(
        "the LRS refused user `{user}`: check the user (--lrs-user, or the LRS in the game's settings) and {PASSWORD_VAR} (it answered {}); {progress}",
        status_text(*.status)
    )]
    Unauthorised {
        user: String,
        status: u16,
        progress: Progress,
    },
    #[error(
        "the LRS at {host} rejected batch {batch} of {} with {}{}{}; {progress}; sending again is safe (statement ids are fixed)",
        .progress.batches, status_text(*.status), quoted(.body), hint(*.status)
    )]
    Rejected {
        host: String,
        status: u16,
        /// The LRS's answer, shortened, on one line.
        body: String,
        /// Which batch, from 1.
        batch: usize,
        progress: Progress,
    },
}

impl LrsError {
    /// The error in a few words, for a status line (the full message says what got in and
    /// that nothing is lost).
    pub fn brief(&self) -> String {
        match self {
            LrsError::BadUrl { url, reason } => format!("`{url}` is not an LRS endpoint: {reason}"),
            LrsError::Unreachable { host, .. } => format!("cannot reach the LRS at {host}"),
            LrsError::Unavailable { host, status, .. } => format!(
                "the LRS at {host} is not taking statements ({})",
                status_text(*status)
            ),
            LrsError::Unauthorised { user, .. } => {
                format!("the LRS refused user `{user}`: check the user and ${PASSWORD_VAR}")
            }
            LrsError::Rejected { host, status, .. } => format!(
                "the LRS at {host} rejected the statements ({})",
                status_text(*status)
            ),
        }
    }
}

/// `401 Unauthorized`: the status with its reason phrase.
fn status_text(status: u16) -> String {
    match ureq::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
    {
        Some(reason) => format!("{status} {reason}"),
        None => status.to_string(),
    }
}

fn quoted(body: &str) -> String {
    if body.is_empty() {
        String::new()
    } else {
        format!(": {body}")
    }
}

fn hint(status: u16) -> &'static str {
    match status {
        300..=399 => " (the LRS sends elsewhere: give the URL it names with --send)",
        404 | 405 => " (is the URL the LRS's xAPI endpoint? it usually ends in /xapi)",
        413 => " (the batch is too large for this LRS: try a smaller --batch)",
        _ => "",
    }
}

/// How one POST ended, before it is told as an [`LrsError`].
enum Fault {
    Transport(ureq::Error),
    Status {
        status: u16,
        body: String,
        tries: u32,
    },
}

/// What the LRS did with a POST it accepted.
enum Posted {
    Stored,
    /// 409 Conflict: statements with these ids are there already.
    Conflict,
}

impl Lrs {
    /// A client for the LRS whose xAPI endpoint is `endpoint` (`https://host/path/xapi`, with
    /// or without a trailing slash, or the `…/statements` URL itself).
    pub fn new(endpoint: &str, user: &str, password: &str) -> Result<Lrs, LrsError> {
        let (url, host) = statements_url(endpoint)?;
        let mut config = ureq::Agent::config_builder()
            // Every status is looked at here: a 409 is no error, a 4xx's body is quoted.
            .http_status_as_error(false)
            // A redirected POST would lose its body or its credentials: say where it goes.
            .max_redirects(0)
            .timeout_connect(Some(CONNECT_TIMEOUT))
            .timeout_global(Some(REQUEST_TIMEOUT))
            .user_agent(format!("collector-dojo/{}", env!("CARGO_PKG_VERSION")));
        if is_loopback(&host) {
            // An LRS on this machine is never behind the environment's proxy.
            config = config.proxy(None);
        }
        Ok(Lrs {
            url,
            host,
            user: user.to_string(),
            password: password.to_string(),
            batch: DEFAULT_BATCH,
            retries: DEFAULT_RETRIES,
            backoff: DEFAULT_BACKOFF,
            agent: config.build().new_agent(),
        })
    }

    /// Statements per POST (at least 1).
    pub fn with_batch(mut self, batch: usize) -> Lrs {
        self.batch = batch.max(1);
        self
    }

    /// Retries after a connection error, a 5xx or a 429, the first after `backoff`, each next
    /// after twice the wait before.
    pub fn with_retries(mut self, retries: u32, backoff: Duration) -> Lrs {
        self.retries = retries;
        self.backoff = backoff;
        self
    }

    /// The statements resource posted to (`…/statements`).
    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn user(&self) -> &str {
        &self.user
    }

    pub fn batch(&self) -> usize {
        self.batch
    }

    /// Posts the statements in batches, in order. A batch the LRS answers 409 Conflict for
    /// (some ids are there already) is posted again one statement at a time, so the new ones
    /// in it are stored and those already there are counted as such. Nothing to send posts
    /// nothing.
    pub fn send(&self, statements: &[Value]) -> Result<Summary, LrsError> {
        let mut progress = Progress {
            so_far: Summary::default(),
            total: statements.len(),
            batches: statements.len().div_ceil(self.batch),
        };
        for (i, chunk) in statements.chunks(self.batch).enumerate() {
            let fail = |fault, progress| self.error(fault, i + 1, progress);
            match self.post(chunk).map_err(|f| fail(f, progress))? {
                Posted::Stored => progress.so_far.sent += chunk.len(),
                Posted::Conflict if chunk.len() == 1 => progress.so_far.already += 1,
                Posted::Conflict => {
                    for one in chunk {
                        match self
                            .post(std::slice::from_ref(one))
                            .map_err(|f| fail(f, progress))?
                        {
                            Posted::Stored => progress.so_far.sent += 1,
                            Posted::Conflict => progress.so_far.already += 1,
                        }
                    }
                }
            }
            progress.so_far.batches += 1;
        }
        Ok(progress.so_far)
    }

    /// One POST of a JSON array, retried while the LRS is away or overloaded.
    fn post(&self, statements: &[Value]) -> Result<Posted, Fault> {
        let body = Value::Array(statements.to_vec()).to_string();
        let auth = self.authorization();
        let mut tries = 0;
        loop {
            tries += 1;
            let answer = self
                .agent
                .post(&self.url)
                .header("X-Experience-API-Version", XAPI_VERSION)
                .header("Content-Type", "application/json")
                .header("Authorization", &auth)
                .send(body.as_bytes());
            let fault = match answer {
                Ok(mut response) => {
                    let status = response.status().as_u16();
                    if response.status().is_success() {
                        // The ids stored; read so the connection is left clean.
                        let _ = self.read_body(&mut response);
                        return Ok(Posted::Stored);
                    }
                    if status == 409 {
                        return Ok(Posted::Conflict);
                    }
                    let mut body = self.read_body(&mut response);
                    if let Some(to) = response.headers().get("location") {
                        body = format!("moved to {}", String::from_utf8_lossy(to.as_bytes()));
                    }
                    let fault = Fault::Status {
                        status,
                        body,
                        tries,
                    };
                    if !(status == 429 || (500..=599).contains(&status)) {
                        return Err(fault);
                    }
                    fault
                }
                Err(e) if transient(&e) => Fault::Transport(e),
                Err(e) => return Err(Fault::Transport(e)),
            };
            if tries > self.retries {
                return Err(fault);
            }
            std::thread::sleep(self.backoff.saturating_mul(1 << (tries - 1).min(16)));
        }
    }

    /// `Basic base64(user:password)`.
    fn authorization(&self) -> String {
        let token = base64::engine::general_purpose::STANDARD
            .encode(format!("{}:{}", self.user, self.password));
        format!("Basic {token}")
    }

    /// The start of an answer's body on one line, shortened, the credentials blanked out
    /// (an LRS that echoes the request must not put the password in an error).
    fn read_body(&self, response: &mut ureq::http::Response<ureq::Body>) -> String {
        let mut bytes = Vec::new();
        let _ = response
            .body_mut()
            .as_reader()
            .take(BODY_READ)
            .read_to_end(&mut bytes);
        let mut text = String::from_utf8_lossy(&bytes)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let auth = self.authorization();
        let token = auth.trim_start_matches("Basic ");
        for secret in [token, self.password.as_str()] {
            if !secret.is_empty() {
                text = text.replace(secret, "***");
            }
        }
        crate::text::shorten(&text, BODY_SHOWN)
    }

    fn error(&self, fault: Fault, batch: usize, progress: Progress) -> LrsError {
        match fault {
            Fault::Transport(source) => LrsError::Unreachable {
                host: self.host.clone(),
                source: Box::new(source),
                progress,
            },
            Fault::Status { status, .. } if status == 401 || status == 403 => {
                LrsError::Unauthorised {
                    user: self.user.clone(),
                    status,
                    progress,
                }
            }
            Fault::Status {
                status,
                body,
                tries,
            } if status == 429 || (500..=599).contains(&status) => LrsError::Unavailable {
                host: self.host.clone(),
                status,
                tries,
                body,
                progress,
            },
            Fault::Status { status, body, .. } => LrsError::Rejected {
                host: self.host.clone(),
                status,
                body,
                batch,
                progress,
            },
        }
    }
}

/// Worth another try: the network or the server may be back in a moment.
fn transient(e: &ureq::Error) -> bool {
    matches!(
        e,
        ureq::Error::Io(_)
            | ureq::Error::Timeout(_)
            | ureq::Error::HostNotFound
            | ureq::Error::ConnectionFailed
            | ureq::Error::Protocol(_)
    )
}

fn is_loopback(host: &str) -> bool {
    if let Ok(ip) = host.parse::<std::net::IpAddr>() {
        return ip.is_loopback();
    }
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(v6),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The statements resource of an endpoint, and its host[:port].
fn statements_url(endpoint: &str) -> Result<(String, String), LrsError> {
    let given = endpoint.trim();
    let bad = |url: String, reason| Err(LrsError::BadUrl { url, reason });
    let Some((scheme, rest)) = given.split_once("://") else {
        return bad(given.to_string(), "it has no https://");
    };
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    if let Some((_, host)) = authority.rsplit_once('@') {
        return bad(
            format!("{scheme}://***@{host}{path}"),
            "the user goes in --lrs-user and the password in $COLLECTOR_DOJO_LRS_PASSWORD, not in the URL",
        );
    }
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return bad(
            given.to_string(),
            "it must start with https:// (or http://)",
        );
    }
    if authority.is_empty() {
        return bad(given.to_string(), "it names no host");
    }
    if given.contains(char::is_whitespace) {
        return bad(given.to_string(), "it has a space in it");
    }
    if given.contains(['?', '#']) {
        return bad(
            given.to_string(),
            "an xAPI endpoint has no query (?) or fragment (#)",
        );
    }
    let path = path.trim_end_matches('/');
    let url = if path.rsplit('/').next() == Some("statements") {
        format!("{scheme}://{authority}{path}")
    } else {
        format!("{scheme}://{authority}{path}/statements")
    };
    if ureq::http::Uri::try_from(url.as_str()).is_err() {
        return bad(given.to_string(), "it is not a valid URL");
    }
    Ok((url, authority.to_string()))
}

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests {
    use super::testing::{Got, serve};
    use super::*;
    use std::net::TcpListener;
    use std::sync::{Arc, Mutex};

    const PASSWORD: &str = "open sesame";

    fn lrs(url: &str) -> Lrs {
        Lrs::new(url, "Aladdin", PASSWORD)
            .expect("url")
            .with_retries(3, Duration::from_millis(1))
    }

    fn statements(n: usize) -> Vec<Value> {
        (0..n)
            .map(|i| serde_json::json!({ "id": format!("00000000-0000-4000-8000-{i:012}"), "verb": { "id": "v" } }))
            .collect()
    }

    fn requests(got: &Arc<Mutex<Vec<Got>>>) -> Vec<Got> {
        got.lock().expect("log").clone()
    }

    #[test]
    fn posts_to_statements_with_basic_auth_and_the_version_header() {
        let (url, got) = serve(vec![(200, "")]);
        let st = statements(2);
        let summary = lrs(&url).send(&st).expect("sent");
        assert_eq!(
            summary,
            Summary {
                batches: 1,
                sent: 2,
                already: 0
            }
        );
        let got = requests(&got);
        assert_eq!(got.len(), 1);
        let r = &got[0];
        assert_eq!(
            (r.method.as_str(), r.path.as_str()),
            ("POST", "/xapi/statements")
        );
        // RFC 7617's own example.
        assert_eq!(
            r.header("authorization"),
            Some("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
        );
        assert_eq!(r.header("x-experience-api-version"), Some("1.0.3"));
        assert_eq!(r.header("content-type"), Some("application/json"));
        assert_eq!(r.statements(), st);
        assert_eq!(
            summary.line("https://lrs.example/xapi/statements"),
            "sent 2 statements in 1 batch to https://lrs.example/xapi/statements; 0 the LRS already had"
        );
    }

    #[test]
    fn sends_in_batches_of_the_size_asked() {
        let (url, got) = serve(vec![(200, ""), (200, ""), (200, "")]);
        let st = statements(120);
        let client = lrs(&url).with_batch(50);
        assert_eq!(client.batch(), 50);
        let summary = client.send(&st).expect("sent");
        assert_eq!(
            summary,
            Summary {
                batches: 3,
                sent: 120,
                already: 0
            }
        );
        let got = requests(&got);
        let sizes: Vec<usize> = got.iter().map(|r| r.statements().len()).collect();
        assert_eq!(sizes, [50, 50, 20]);
        let posted: Vec<Value> = got.iter().flat_map(|r| r.statements()).collect();
        assert_eq!(posted, st, "every statement once, in order");
        assert_eq!(
            Lrs::new(&url, "u", "p").expect("url").batch(),
            DEFAULT_BATCH
        );
        assert_eq!(lrs(&url).with_batch(0).batch(), 1);
    }

    #[test]
    fn nothing_to_send_posts_nothing() {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let url = format!("http://{}/xapi", listener.local_addr().expect("addr"));
        drop(listener);
        assert_eq!(lrs(&url).send(&[]).expect("nothing"), Summary::default());
    }

    #[test]
    fn a_503_is_retried_and_then_succeeds() {
        let (url, got) = serve(vec![(503, "busy"), (429, "slow down"), (200, "")]);
        let summary = lrs(&url).send(&statements(3)).expect("sent after retries");
        assert_eq!(summary.sent, 3);
        let got = requests(&got);
        assert_eq!(got.len(), 3);
        assert!(got.iter().all(|r| r.statements() == statements(3)));
    }

    #[test]
    fn an_lrs_that_stays_down_is_unavailable_after_the_retries_and_nothing_is_lost() {
        let (url, got) = serve(vec![(500, "oops"); 3]);
        let e = lrs(&url)
            .with_retries(2, Duration::from_millis(1))
            .send(&statements(1))
            .expect_err("down");
        assert!(
            matches!(
                e,
                LrsError::Unavailable {
                    status: 500,
                    tries: 3,
                    ..
                }
            ),
            "{e:?}"
        );
        let text = e.to_string();
        assert!(
            text.contains("500 Internal Server Error 3 times: oops")
                && text.contains("Nothing was lost")
                && text.contains("the statement did not get in"),
            "{text}"
        );
        assert_eq!(requests(&got).len(), 3);
    }

    #[test]
    fn a_409_means_the_lrs_has_them_and_a_mixed_batch_is_split() {
        let (url, _) = serve(vec![(409, "conflict")]);
        let summary = lrs(&url).send(&statements(1)).expect("already there");
        assert_eq!(
            summary,
            Summary {
                batches: 1,
                sent: 0,
                already: 1
            }
        );
        // Old and new statements in one batch: each posted alone, the new ones stored.
        let (url, got) = serve(vec![(409, ""), (200, ""), (409, ""), (200, "")]);
        let st = statements(3);
        let summary = lrs(&url).send(&st).expect("sent");
        assert_eq!(
            summary,
            Summary {
                batches: 1,
                sent: 2,
                already: 1
            }
        );
        assert!(summary.line("U").ends_with("; 1 the LRS already had"));
        let got = requests(&got);
        assert_eq!(got[0].statements(), st);
        for (r, s) in got[1..].iter().zip(&st) {
            assert_eq!(r.statements(), std::slice::from_ref(s));
        }
    }

    #[test]
    fn a_401_names_the_user_and_never_the_password() {
        let (url, got) = serve(vec![(401, "")]);
        let e = lrs(&url).send(&statements(1)).expect_err("refused");
        assert!(
            matches!(e, LrsError::Unauthorised { status: 401, .. }),
            "{e:?}"
        );
        let text = e.to_string();
        assert!(
            text.contains("refused user `Aladdin`")
                && text.contains("--lrs-user")
                && text.contains(PASSWORD_VAR)
                && text.contains("401 Unauthorized"),
            "{text}"
        );
        assert!(
            !text.contains(PASSWORD) && !text.contains("QWxhZGRp"),
            "{text}"
        );
        assert!(!format!("{e:?}").contains(PASSWORD));
        assert_eq!(requests(&got).len(), 1, "a 401 is not retried");
    }

    #[test]
    fn a_400_midway_says_what_got_in_and_quotes_the_lrs_shortened_without_secrets() {
        let long = "Statement invalid: the verb lacks a display; echo: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ== open sesame. \
            Padding padding padding padding padding padding padding padding padding padding padding \
            padding padding padding padding padding padding padding padding padding padding padding \
            padding padding padding padding padding padding padding padding padding padding padding \
            padding padding padding padding padding padding padding padding padding padding THE END";
        let (url, got) = serve(vec![(200, ""), (400, long)]);
        let e = lrs(&url)
            .with_batch(50)
            .send(&statements(120))
            .expect_err("rejected");
        let LrsError::Rejected {
            status,
            batch,
            ref body,
            progress,
            ..
        } = e
        else {
            panic!("{e:?}");
        };
        assert_eq!((status, batch), (400, 2));
        assert_eq!(progress.so_far.sent, 50);
        assert!(
            body.chars().count() <= BODY_SHOWN && body.ends_with('…'),
            "{body}"
        );
        let text = e.to_string();
        assert!(
            text.contains("rejected batch 2 of 3 with 400 Bad Request: Statement invalid")
                && text.contains(
                    "50 of the 120 statements got in before this (1 of 3 batches complete)"
                )
                && text.contains("sending again is safe"),
            "{text}"
        );
        assert!(
            !text.contains(PASSWORD) && !text.contains("QWxhZGRp"),
            "{text}"
        );
        assert!(!text.contains("THE END"), "shortened: {text}");
        assert_eq!(requests(&got).len(), 2, "a 400 is not retried");
    }

    #[test]
    fn a_refused_connection_is_unreachable_and_nothing_is_lost() {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("addr");
        drop(listener);
        let e = lrs(&format!("http://{addr}/xapi"))
            .send(&statements(2))
            .expect_err("nobody listens");
        assert!(matches!(e, LrsError::Unreachable { .. }), "{e:?}");
        let text = e.to_string();
        assert!(
            text.contains(&format!("cannot reach the LRS at {addr}"))
                && text.contains("Nothing was lost")
                && text.contains("the sessions stay in the database")
                && text.contains("sending again is safe"),
            "{text}"
        );
        assert!(!text.contains(PASSWORD), "{text}");
    }

    #[test]
    fn sending_the_same_sessions_twice_posts_the_same_ids() {
        let session = crate::store::StoredSession {
            draw: 0,
            coach: Default::default(),
            id: 1,
            key: "0123456789abcdef0123456789abcdef".into(),
            player: "Anouk".into(),
            team: "Noord".into(),
            scenario: "ostrich".into(),
            scenario_hash: "h".into(),
            title: "T".into(),
            seed: 3,
            choices: vec!["call".into(), "o_warm".into()],
            plan: None,
            ending: crate::scenario::Ending::from_key("hung_up"),
            scores: crate::score::Scores {
                empathy: 1,
                fact_gathering: 2,
                agreement: 3,
                compliance: 4,
                overall: 5,
            },
            findings: Vec::new(),
            started: 10,
            ended: 20,
            room: None,
        };
        let (url, got) = serve(vec![(200, ""), (200, "")]);
        let client = lrs(&url);
        let ids =
            |r: &Got| -> Vec<Value> { r.statements().iter().map(|s| s["id"].clone()).collect() };
        client
            .send(&crate::results::statements(
                std::slice::from_ref(&session),
                true,
            ))
            .expect("first");
        client
            .send(&crate::results::statements(&[session], true))
            .expect("again");
        let got = requests(&got);
        assert_eq!(got.len(), 2);
        assert_eq!(ids(&got[0]).len(), 3);
        assert!(ids(&got[0]).iter().all(Value::is_string));
        assert_eq!(ids(&got[0]), ids(&got[1]));
        assert_eq!(got[0].body, got[1].body, "the very same statements");
    }

    #[test]
    fn debug_never_shows_the_password() {
        let client = lrs("https://lrs.example/xapi");
        let debug = format!("{client:?}");
        assert!(
            !debug.contains(PASSWORD) && !debug.contains("QWxhZGRp"),
            "{debug}"
        );
        assert!(
            debug.contains("Aladdin") && debug.contains("<redacted>"),
            "{debug}"
        );
    }

    #[test]
    fn endpoints_are_accepted_in_every_usual_form() {
        for given in [
            "https://lrs.example/xapi",
            "https://lrs.example/xapi/",
            "https://lrs.example/xapi/statements",
            "https://lrs.example/xapi/statements/",
            "  HTTPS://lrs.example/xapi  ",
        ] {
            let client = Lrs::new(given, "u", "p").expect(given);
            assert_eq!(
                client.url(),
                "https://lrs.example/xapi/statements",
                "{given}"
            );
        }
        assert_eq!(
            Lrs::new("http://localhost:8080", "u", "p")
                .expect("root")
                .url(),
            "http://localhost:8080/statements"
        );
        for (given, reason) in [
            ("lrs.example/xapi", "no https://"),
            ("ftp://lrs.example/xapi", "must start with https://"),
            ("https:///xapi", "no host"),
            ("https://lrs.example/x api", "space"),
            ("https://lrs.example/xapi?x=1", "no query"),
        ] {
            let e = Lrs::new(given, "u", "p").expect_err(given);
            let text = e.to_string();
            assert!(
                text.contains(&format!("`{}`", given.trim()))
                    && text.contains(reason)
                    && text.contains("https://host/path/xapi"),
                "{text}"
            );
        }
        let e = Lrs::new("https://key:hunter2@lrs.example/xapi", "u", "p").expect_err("userinfo");
        let text = e.to_string();
        assert!(
            !text.contains("hunter2") && !format!("{e:?}").contains("hunter2"),
            "{text}"
        );
        assert!(
            text.contains("https://***@lrs.example/xapi") && text.contains("--lrs-user"),
            "{text}"
        );
    }

    #[test]
    fn loopback_hosts_are_recognised() {
        for host in [
            "127.0.0.1:80",
            "localhost",
            "LOCALHOST:1",
            "[::1]:8080",
            "::1",
        ] {
            assert!(is_loopback(host), "{host}");
        }
        for host in ["lrs.example", "10.0.0.1:80", "[2001:db8::1]:443"] {
            assert!(!is_loopback(host), "{host}");
        }
    }
}
