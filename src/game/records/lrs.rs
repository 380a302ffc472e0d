//! Sending each finished session to the learning record store set in the settings. A session
//! goes into an outbox file of its own (`lrs-unsent.jsonl`, next to the database's) when it
//! ends and leaves it only once the LRS has it; the posting runs on a thread, so a slow or
//! absent LRS never holds up a frame, and what it has not taken is tried again later (after
//! 30 s, then longer, up to 10 min) and at the next start. Statement ids come from the session
//! keys, so a session sent twice is kept once.

use super::{Waker, read_outbox, write_outbox};
use crate::game::settings::Settings;
use crate::lrs::{Lrs, LrsError, PASSWORD_VAR, Summary};
use crate::store::StoredSession;
use bevy::prelude::*;
use std::path::PathBuf;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The first wait after a failed send; it doubles after each next failure.
const FIRST_WAIT: Duration = Duration::from_secs(30);
const LONGEST_WAIT: Duration = Duration::from_secs(600);

/// Where the LRS is and as whom (from the settings).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Target {
    url: String,
    user: String,
    per_turn: bool,
}

impl Target {
    fn of(settings: &Settings) -> Target {
        Target {
            url: settings.lrs.trim().to_string(),
            user: settings.lrs_user.trim().to_string(),
            per_turn: settings.lrs_per_turn,
        }
    }

    fn is_set(&self) -> bool {
        !self.url.is_empty()
    }
}

/// What the last send did, as the title screen says it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Delivery {
    /// No send yet in this run.
    #[default]
    Idle,
    Sending,
    /// The LRS took these sessions (`summary` counts their statements).
    Sent {
        sessions: usize,
        summary: Summary,
    },
    /// It did not: why in a few words, and the whole message (what got in, that nothing is
    /// lost).
    Failed {
        brief: String,
        full: String,
    },
}

/// Which sessions one send carried, and how it ended.
type Sending = JoinHandle<(Vec<String>, Result<Summary, LrsError>)>;

/// Finished sessions waiting for the LRS, and the send under way.
#[derive(Resource, Default)]
pub struct LrsOutbox {
    pending: Vec<StoredSession>,
    path: Option<PathBuf>,
    target: Target,
    task: Option<Sending>,
    /// No send before this (after a failure).
    not_before: Option<Instant>,
    wait: Duration,
    /// A URL that cannot be an LRS: not tried again until the settings change.
    stuck: bool,
    pub delivery: Delivery,
}

impl LrsOutbox {
    /// The outbox kept in `path` (sessions a previous run did not get to the LRS).
    pub fn open(path: Option<PathBuf>) -> LrsOutbox {
        LrsOutbox {
            pending: path.as_deref().map(read_outbox).unwrap_or_default(),
            path,
            wait: FIRST_WAIT,
            ..Default::default()
        }
    }

    /// Sessions not at the LRS yet.
    pub fn waiting(&self) -> usize {
        self.pending.len()
    }

    /// Queues a finished session when an LRS is set (without one, nothing is queued: the
    /// database has the session, and `results --send` can send it any time).
    pub fn add(&mut self, settings: &Settings, session: &StoredSession) {
        if !Target::of(settings).is_set() || self.pending.iter().any(|s| s.key == session.key) {
            return;
        }
        // Sent at the next frame, or when the wait after a failure is over.
        self.pending.push(session.clone());
        self.keep();
    }

    fn keep(&mut self) {
        if let Some(path) = &self.path
            && let Err(e) = write_outbox(path, &self.pending)
        {
            let full = format!(
                "{}: cannot keep the sessions for the LRS: {e}",
                path.display()
            );
            warn!("{full}");
            self.delivery = Delivery::Failed {
                brief: format!("cannot keep the sessions for the LRS: {e}"),
                full,
            };
        }
    }

    /// Follows the settings, takes a finished send's answer, and starts the next send when
    /// something waits and it is time.
    fn step(&mut self, settings: &Settings, waker: &Waker, now: Instant) {
        let target = Target::of(settings);
        if target != self.target {
            // Another LRS or user: try at once, whatever the last one said.
            self.target = target;
            self.not_before = None;
            self.wait = FIRST_WAIT;
            self.stuck = false;
        }
        if self.task.as_ref().is_some_and(|t| t.is_finished())
            && let Some(task) = self.task.take()
        {
            self.finished(task, now);
        }
        let due = self.not_before.is_none_or(|t| now >= t);
        if self.task.is_some()
            || self.pending.is_empty()
            || !self.target.is_set()
            || self.stuck
            || !due
        {
            return;
        }
        let sessions = self.pending.clone();
        let target = self.target.clone();
        let waker = waker.clone();
        let spawned = std::thread::Builder::new()
            .name("send-to-lrs".into())
            .spawn(move || {
                let keys = sessions.iter().map(|s| s.key.clone()).collect();
                let result = post(&target, &sessions);
                waker.wake();
                (keys, result)
            });
        match spawned {
            Ok(task) => {
                self.task = Some(task);
                self.delivery = Delivery::Sending;
            }
            Err(e) => {
                let why = format!("cannot start sending to the LRS: {e}");
                self.failed(why.clone(), why, now);
            }
        }
    }

    fn finished(&mut self, task: Sending, now: Instant) {
        match task.join() {
            Ok((keys, Ok(summary))) => {
                self.pending.retain(|s| !keys.contains(&s.key));
                self.keep();
                self.wait = FIRST_WAIT;
                self.not_before = None;
                self.delivery = Delivery::Sent {
                    sessions: keys.len(),
                    summary,
                };
            }
            Ok((_, Err(e))) => {
                self.stuck = matches!(e, LrsError::BadUrl { .. });
                self.failed(e.brief(), e.to_string(), now);
            }
            Err(_) => {
                let why = "sending to the LRS stopped unexpectedly";
                self.failed(why.into(), why.into(), now);
            }
        }
    }

    fn failed(&mut self, brief: String, full: String, now: Instant) {
        let n = self.pending.len();
        let waits = format!(
            "{n} session{} wait{} here",
            if n == 1 { "" } else { "s" },
            if n == 1 { "s" } else { "" }
        );
        warn!("{full} ({waits})");
        self.delivery = Delivery::Failed {
            brief: format!("{brief}; {waits}"),
            full,
        };
        self.not_before = Some(now + self.wait);
        self.wait = (self.wait * 2).min(LONGEST_WAIT);
    }
}

/// Posts the sessions' statements (the password read now, from the environment).
fn post(target: &Target, sessions: &[StoredSession]) -> Result<Summary, LrsError> {
    let password = std::env::var(PASSWORD_VAR).unwrap_or_default();
    // One quick retry: the outbox tries again later by itself.
    let lrs =
        Lrs::new(&target.url, &target.user, &password)?.with_retries(1, Duration::from_millis(500));
    lrs.send(&crate::results::statements(sessions, target.per_turn))
}

fn deliver(settings: Res<Settings>, waker: Res<Waker>, mut outbox: ResMut<LrsOutbox>) {
    outbox.step(&settings, &waker, Instant::now());
}

pub(super) fn plugin(app: &mut App, data: Option<&std::path::Path>) {
    let path = data.map(|d| d.join("lrs-unsent.jsonl"));
    app.insert_resource(LrsOutbox::open(path))
        .add_systems(Update, deliver);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lrs::testing::serve;

    fn settings(url: &str) -> Settings {
        Settings {
            lrs: url.into(),
            lrs_user: "key".into(),
            ..Default::default()
        }
    }

    fn session(key: &str) -> StoredSession {
        let mut s = super::super::tests::session("Anouk", 70, 1000);
        s.key = key.into();
        s
    }

    fn temp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("dojo-lrs-outbox-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir.join("lrs-unsent.jsonl")
    }

    /// Steps until the send under way has ended.
    fn settle(o: &mut LrsOutbox, s: &Settings, now: Instant) {
        o.step(s, &Waker::default(), now);
        for _ in 0..500 {
            if o.task.is_none() {
                return;
            }
            std::thread::sleep(Duration::from_millis(5));
            o.step(s, &Waker::default(), now);
        }
        panic!("the send did not end");
    }

    #[test]
    fn a_down_lrs_keeps_the_sessions_until_it_is_back_and_a_restart_loses_nothing() {
        let path = temp("down");
        let s = settings("http://127.0.0.1:9/xapi");
        let mut o = LrsOutbox::open(Some(path.clone()));
        o.add(&s, &session("a1"));
        o.add(&s, &session("a1"));
        assert_eq!(o.waiting(), 1, "one session is queued once");
        let t0 = Instant::now();
        settle(&mut o, &s, t0);
        let Delivery::Failed { brief, full } = &o.delivery else {
            panic!("{:?}", o.delivery)
        };
        assert!(
            brief.contains("cannot reach the LRS at 127.0.0.1:9")
                && brief.contains("1 session waits here"),
            "{brief}"
        );
        assert!(full.contains("Nothing was lost"), "{full}");
        assert_eq!(o.waiting(), 1);
        // Not tried again before the wait is over.
        o.step(&s, &Waker::default(), t0 + Duration::from_secs(1));
        assert!(o.task.is_none());
        // The game is closed: the file holds the session; the next start has it.
        drop(o);
        let mut o = LrsOutbox::open(Some(path.clone()));
        assert_eq!(o.waiting(), 1);
        // The LRS is back (here: another address in the settings, tried at once).
        let (url, got) = serve(vec![(200, "")]);
        let s = settings(&url);
        settle(&mut o, &s, t0);
        assert_eq!(
            o.delivery,
            Delivery::Sent {
                sessions: 1,
                summary: Summary {
                    batches: 1,
                    sent: 1,
                    already: 0
                }
            }
        );
        assert_eq!(o.waiting(), 0);
        assert!(!path.exists(), "an empty outbox leaves no file");
        let got = got.lock().expect("log").clone();
        assert_eq!(got.len(), 1);
        let st = got[0].statements();
        assert_eq!(st.len(), 1, "the session's statement, no turns");
        assert_eq!(st[0]["verb"]["display"]["en-US"], "completed");
        assert!(
            got[0]
                .header("authorization")
                .is_some_and(|a| a.starts_with("Basic ")),
            "basic auth"
        );
    }

    #[test]
    fn the_retry_waits_longer_after_each_failure_and_a_bad_url_waits_for_the_settings() {
        let s = settings("http://127.0.0.1:9/xapi");
        let mut o = LrsOutbox::open(None);
        o.add(&s, &session("b1"));
        let t0 = Instant::now();
        settle(&mut o, &s, t0);
        assert_eq!(o.not_before, Some(t0 + FIRST_WAIT));
        settle(&mut o, &s, t0 + FIRST_WAIT);
        assert_eq!(o.not_before, Some(t0 + FIRST_WAIT + FIRST_WAIT * 2));
        // A URL that is no LRS endpoint is not tried again and again.
        let bad = settings("lrs.example/xapi");
        settle(&mut o, &bad, t0);
        assert!(o.stuck);
        assert!(
            matches!(&o.delivery, Delivery::Failed { brief, .. } if brief.contains("https://"))
        );
        o.step(&bad, &Waker::default(), t0 + LONGEST_WAIT * 2);
        assert!(o.task.is_none(), "not tried again");
        assert_eq!(o.waiting(), 1, "and not dropped");
    }

    #[test]
    fn without_an_lrs_nothing_is_queued_and_per_turn_statements_follow_the_setting() {
        let mut o = LrsOutbox::open(None);
        o.add(&Settings::default(), &session("c1"));
        assert_eq!(o.waiting(), 0);
        let (url, got) = serve(vec![(200, "")]);
        let mut s = settings(&url);
        s.lrs_per_turn = true;
        o.add(&s, &session("c1"));
        settle(&mut o, &s, Instant::now());
        let got = got.lock().expect("log").clone();
        assert_eq!(got[0].statements().len(), 2, "the session and its one turn");
    }

    /// In the game: the session finished on the last screen reaches the LRS while frames go on.
    #[test]
    fn the_game_sends_a_finished_session_in_the_background() {
        let (url, got) = serve(vec![(200, "")]);
        let mut app = App::new();
        app.add_plugins(MinimalPlugins)
            .insert_resource(settings(&url))
            .insert_resource(Waker::default());
        plugin(&mut app, None);
        let s = settings(&url);
        app.world_mut()
            .resource_mut::<LrsOutbox>()
            .add(&s, &session("d1"));
        for _ in 0..500 {
            app.update();
            if app.world().resource::<LrsOutbox>().waiting() == 0 {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(app.world().resource::<LrsOutbox>().waiting(), 0);
        assert_eq!(got.lock().expect("log").len(), 1);
    }
}
