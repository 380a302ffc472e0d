//! The game's side of the results store. Finished sessions go into the database the player
//! chose (`--db`, else the settings' database, else the local SQLite file), the same one
//! `collector-dojo run --player` writes. A session that cannot be stored (a corrupt file, a
//! team server out of reach) is kept in an outbox file next to the settings and sent when the
//! database answers again; the game stays playable throughout. The database is opened on a
//! thread of its own in the game, and every question a screen asks it is in [`lookup`],
//! answered off the frame. Each finished session also goes to the learning record store set in
//! the settings, if any, through an outbox of its own ([`lrs`]).

pub mod lookup;
pub mod lrs;

use super::settings::Settings;
use crate::store::{Filter, Store, StoredSession, redact};
use bevy::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// This run's view of the store: the player's own sessions, and those waiting to be stored.
#[derive(Resource, Debug, Default)]
pub struct Records {
    /// The database location; `None` keeps sessions in memory only.
    pub location: Option<String>,
    /// Whose sessions `mine` holds.
    pub player: String,
    /// The player's stored sessions, oldest first.
    pub mine: Vec<StoredSession>,
    /// Finished sessions not stored yet (any player), oldest first.
    pub pending: Vec<StoredSession>,
    /// Where `pending` is kept between runs.
    outbox: Option<PathBuf>,
    /// Why the database could not be read or written, to show in the game.
    pub error: Option<String>,
    /// Bumped whenever stored data changes, so screens know to query again.
    pub generation: u64,
}

/// The game's data folder (outbox, and the default database); tests and automation point it
/// at a temporary folder. `None`: memory only.
#[derive(Resource, Debug, Clone)]
pub struct DataDir(pub Option<PathBuf>);

/// An explicit database (`--db`), overriding the settings.
#[derive(Resource, Debug, Clone)]
pub struct Database(pub String);

/// Where sessions go: `--db`, else the settings' database, else `results.sqlite3` in the data
/// folder.
pub fn location(
    explicit: Option<&Database>,
    settings: &Settings,
    data: &DataDir,
) -> Option<String> {
    if let Some(db) = explicit {
        return Some(db.0.clone());
    }
    if !settings.db.trim().is_empty() {
        return Some(settings.db.trim().to_string());
    }
    data.0
        .as_ref()
        .map(|d| d.join("results.sqlite3").display().to_string())
}

fn read_outbox(path: &Path) -> Vec<StoredSession> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| match serde_json::from_str(l) {
            Ok(s) => Some(s),
            Err(e) => {
                warn!("{}: skipping an unreadable line: {e}", path.display());
                None
            }
        })
        .collect()
}

/// Rewrites the outbox atomically (temp file, then rename); removes it when empty.
fn write_outbox(path: &Path, pending: &[StoredSession]) -> std::io::Result<()> {
    if pending.is_empty() {
        return match std::fs::remove_file(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        };
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut text = String::new();
    for s in pending {
        text.push_str(&serde_json::to_string(s).map_err(std::io::Error::other)?);
        text.push('\n');
    }
    let tmp = path.with_extension("jsonl.tmp");
    std::fs::write(&tmp, text)?;
    std::fs::rename(tmp, path)
}

impl Records {
    /// Opens `location` for `player`: sends anything waiting in the outbox, then reads the
    /// player's sessions.
    pub fn open(location: Option<String>, outbox: Option<PathBuf>, player: &str) -> Records {
        let pending = outbox.as_deref().map(read_outbox).unwrap_or_default();
        let mut r = Records {
            location,
            player: player.to_string(),
            pending,
            outbox,
            ..Default::default()
        };
        r.flush();
        r.reload();
        r
    }

    /// The location as shown on screen (no password).
    pub fn shown(&self) -> String {
        self.location.as_deref().map(redact).unwrap_or_default()
    }

    fn store(&self) -> Option<Result<Store, crate::store::StoreError>> {
        self.location.as_deref().map(Store::open)
    }

    /// Reads the player's sessions again.
    pub fn reload(&mut self) {
        let filter = Filter {
            player: Some(self.player.clone()),
            ..Default::default()
        };
        match self
            .store()
            .map(|s| s.and_then(|mut s| s.read_sessions(&filter)))
        {
            Some(Ok(listing)) => {
                // A damaged row hides only itself.
                for bad in &listing.skipped {
                    warn!("{bad}");
                }
                self.mine = listing.sessions;
                if self.pending.is_empty() {
                    self.error = None;
                }
            }
            Some(Err(e)) => {
                warn!("{e}");
                self.error = Some(e.to_string());
            }
            None => {}
        }
        self.generation += 1;
    }

    /// Tries to store every waiting session (a session already stored is not stored twice);
    /// what still fails stays in the outbox.
    pub fn flush(&mut self) {
        if self.pending.is_empty() || self.location.is_none() {
            return;
        }
        let result = self.store().map(|s| {
            s.and_then(|mut store| {
                while let Some(first) = self.pending.first() {
                    store.insert(first)?;
                    self.pending.remove(0);
                }
                Ok(())
            })
        });
        if let Some(Err(e)) = result {
            let msg = format!(
                "{} finished session{} not saved yet: {e}. {} kept on this computer and sent when the database is back",
                self.pending.len(),
                if self.pending.len() == 1 { "" } else { "s" },
                if self.pending.len() == 1 {
                    "It is"
                } else {
                    "They are"
                },
            );
            warn!("{msg}");
            self.error = Some(msg);
        } else {
            self.error = None;
        }
        if let Some(path) = &self.outbox
            && let Err(e) = write_outbox(path, &self.pending)
        {
            let msg = format!("{}: cannot keep unsaved sessions: {e}", path.display());
            warn!("{msg}");
            self.error = Some(msg);
        }
        self.generation += 1;
    }

    /// The player's sessions, stored and waiting, oldest first.
    pub fn all_mine(&self) -> Vec<&StoredSession> {
        let mut v: Vec<&StoredSession> = self
            .mine
            .iter()
            .chain(self.pending.iter().filter(|s| s.player == self.player))
            .collect();
        v.sort_by_key(|s| s.ended);
        v
    }

    /// The player's best overall score on a scenario.
    pub fn best(&self, scenario: &str) -> Option<&StoredSession> {
        self.all_mine()
            .into_iter()
            .filter(|r| r.scenario == scenario)
            .max_by_key(|r| r.scores.overall)
    }

    /// Stores a finished session (one transaction); if that fails it waits in the outbox.
    pub fn add(&mut self, session: StoredSession) {
        let mine = session.player == self.player;
        self.pending.push(session);
        if let Some(path) = &self.outbox
            && let Err(e) = write_outbox(path, &self.pending)
        {
            warn!("{}: {e}", path.display());
        }
        let before = self.pending.len();
        self.flush();
        if mine && self.pending.len() < before {
            self.reload();
        }
    }
}

/// Reopens the records when the player or the database in the settings changes. With the
/// records opened in the background, so is a reopening (typing a name changes the player at
/// every key, and a team server can take seconds), one at a time: a change made meanwhile is
/// followed when the running one is done.
fn follow_settings(
    settings: Res<Settings>,
    explicit: Option<Res<Database>>,
    data: Res<DataDir>,
    mut records: ResMut<Records>,
    opening: Option<ResMut<Opening>>,
    waker: Res<Waker>,
) {
    let wanted = location(explicit.as_deref(), &settings, &data);
    if wanted == records.location && settings.player == records.player {
        return;
    }
    let outbox = records.outbox.clone();
    let Some(mut opening) = opening else {
        *records = Records::open(wanted, outbox, &settings.player);
        return;
    };
    if opening.0.is_some() {
        return;
    }
    let (l, o, player) = (wanted.clone(), outbox.clone(), settings.player.clone());
    match open_in_background(l, o, player, waker.clone()) {
        Ok(handle) => {
            // Until it is done: the new database and player, nothing read yet. A session
            // finished meanwhile waits here and is carried over (see `take_opened`).
            let pending = std::mem::take(&mut records.pending);
            let generation = records.generation + 1;
            *records = Records {
                location: wanted,
                player: settings.player.clone(),
                pending,
                generation,
                ..Default::default()
            };
            opening.0 = Some(handle);
        }
        Err(e) => {
            warn!("cannot open the records in the background ({e}); opening them now");
            *records = Records::open(wanted, outbox, &settings.player);
        }
    }
}

/// Opens the records on a thread named for it.
/// Wakes the window from another thread when an answer is there: the game draws only when
/// something changes, so without it a slow database's answer would wait for the next input or
/// the once-a-second wake. Does nothing without a window (tests, headless runs).
#[derive(Resource, Clone, Default)]
pub struct Waker(Option<Arc<dyn Fn() + Send + Sync>>);

impl Waker {
    /// The window's event loop, if the app has one.
    pub fn of(world: &World) -> Waker {
        let Some(proxy) = world.get_resource::<bevy::winit::EventLoopProxyWrapper>() else {
            return Waker(None);
        };
        let proxy = std::sync::Mutex::new((**proxy).clone());
        Waker(Some(Arc::new(move || {
            if let Ok(p) = proxy.lock() {
                // Fails only when the window has closed: nothing left to wake.
                let _ = p.send_event(bevy::winit::WinitUserEvent::WakeUp);
            }
        })))
    }

    pub fn wake(&self) {
        if let Some(f) = &self.0 {
            f();
        }
    }
}

fn open_in_background(
    location: Option<String>,
    outbox: Option<PathBuf>,
    player: String,
    waker: Waker,
) -> std::io::Result<std::thread::JoinHandle<Records>> {
    std::thread::Builder::new()
        .name("open-records".into())
        .spawn(move || {
            let records = Records::open(location, outbox, &player);
            waker.wake();
            records
        })
}

pub(super) fn plugin(app: &mut App) {
    let waker = Waker::of(app.world());
    app.insert_resource(waker.clone());
    let data = app
        .world()
        .get_resource::<DataDir>()
        .cloned()
        .unwrap_or_else(|| {
            DataDir(
                directories::ProjectDirs::from("nl", "collector-dojo", "collector-dojo")
                    .map(|d| d.data_dir().to_path_buf()),
            )
        });
    let settings = app
        .world()
        .get_resource::<Settings>()
        .cloned()
        .unwrap_or_default();
    // `--db`, else $COLLECTOR_DOJO_DB, as on the command line.
    let explicit = app.world().get_resource::<Database>().cloned().or_else(|| {
        std::env::var("COLLECTOR_DOJO_DB")
            .ok()
            .filter(|v| !v.is_empty())
            .map(Database)
    });
    let loc = location(explicit.as_ref(), &settings, &data);
    if let Some(db) = explicit {
        app.insert_resource(db);
    }
    let outbox = data.0.as_ref().map(|d| d.join("unsent.jsonl"));
    lrs::plugin(app, data.0.as_deref());
    if app.world().contains_resource::<OpenInBackground>() {
        // The window opens at once; the records follow when the database has answered (a
        // team server can take seconds, a new file its migrations).
        let task = open_in_background(
            loc.clone(),
            outbox.clone(),
            settings.player.clone(),
            waker.clone(),
        );
        match task {
            Ok(handle) => {
                // Meanwhile a finished session goes straight to the database; the outbox file
                // is the opening thread's until it is done.
                app.insert_resource(Records {
                    location: loc,
                    player: settings.player.clone(),
                    outbox: None,
                    ..Default::default()
                })
                .insert_resource(Opening(Some(handle)))
                .add_systems(PreUpdate, take_opened);
            }
            Err(e) => {
                warn!("cannot open the records in the background ({e}); opening them now");
                app.insert_resource(Records::open(loc, outbox, &settings.player));
            }
        }
    } else {
        app.insert_resource(Records::open(loc, outbox, &settings.player));
    }
    app.insert_resource(data)
        .add_systems(Update, follow_settings);
}

/// Insert before the game's plugins to open the records on a thread of their own.
#[derive(Resource, Debug, Default)]
pub struct OpenInBackground;

/// The records being opened in the background.
#[derive(Resource, Default)]
struct Opening(Option<std::thread::JoinHandle<Records>>);

/// Takes the opened records once they are there. A session finished in the meantime waits in
/// this run's records (and the outbox file): it is carried over and sent.
fn take_opened(mut opening: ResMut<Opening>, mut records: ResMut<Records>) {
    if !opening.0.as_ref().is_some_and(|h| h.is_finished()) {
        return;
    }
    let Some(handle) = opening.0.take() else {
        return;
    };
    match handle.join() {
        Ok(mut opened)
            if opened.location == records.location && opened.player == records.player =>
        {
            let waiting: Vec<StoredSession> = std::mem::take(&mut records.pending)
                .into_iter()
                .filter(|s| !opened.pending.iter().any(|p| p.key == s.key))
                .collect();
            if !waiting.is_empty() {
                opened.pending.extend(waiting);
                opened.flush();
                opened.reload();
            }
            opened.generation = records.generation + 1;
            *records = opened;
        }
        // The settings chose another database meanwhile: it is opened next, with the outbox.
        Ok(opened) => {
            if records.outbox.is_none() {
                records.outbox = opened.outbox;
            }
        }
        Err(_) => {
            warn!("opening the records failed; sessions wait in the outbox");
            records.reload();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn session(player: &str, overall: u8, ended: i64) -> StoredSession {
        StoredSession {
            draw: 0,
            coach: Default::default(),
            id: 0,
            key: crate::store::new_key(),
            player: player.into(),
            team: "Noord".into(),
            scenario: "ostrich".into(),
            scenario_hash: "h".into(),
            title: "t".into(),
            seed: 1,
            choices: vec!["call".into()],
            plan: None,
            ending: crate::scenario::Ending::from_key("hung_up"),
            scores: crate::score::Scores {
                empathy: overall,
                fact_gathering: overall,
                agreement: overall,
                compliance: overall,
                overall,
            },
            findings: Vec::new(),
            started: ended.saturating_sub(60),
            ended,
            room: None,
        }
    }

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("dojo-records-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn sessions_survive_a_restart() {
        let dir = temp("restart");
        let loc = dir.join("r.sqlite3").display().to_string();
        let mut r = Records::open(Some(loc.clone()), Some(dir.join("unsent.jsonl")), "Anouk");
        r.add(session("Anouk", 40, 1000));
        r.add(session("Anouk", 85, 2000));
        assert_eq!(r.error, None);
        assert!(r.pending.is_empty());
        assert!(
            !dir.join("unsent.jsonl").exists(),
            "no outbox when all is stored"
        );
        let again = Records::open(Some(loc), None, "Anouk");
        assert_eq!(again.mine.len(), 2);
        assert_eq!(again.best("ostrich").map(|s| s.scores.overall), Some(85));
        assert_eq!(again.all_mine()[1].ended, 2000);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn an_unusable_database_keeps_sessions_in_the_outbox_until_it_is_back() {
        let dir = temp("outbox");
        let file = dir.join("r.sqlite3");
        std::fs::write(
            &file,
            b"definitely not sqlite, but long enough to be read as a header",
        )
        .unwrap();
        let outbox = dir.join("unsent.jsonl");
        let loc = Some(file.display().to_string());
        let mut r = Records::open(loc.clone(), Some(outbox.clone()), "Anouk");
        assert!(r.error.as_deref().unwrap_or("").contains("corrupt"));
        r.add(session("Anouk", 50, 10));
        assert!(
            r.error.as_deref().unwrap_or("").contains("not saved yet"),
            "{:?}",
            r.error
        );
        assert_eq!(
            r.all_mine().len(),
            1,
            "the session stays in this run's history"
        );
        assert!(
            std::fs::read(&file)
                .unwrap()
                .starts_with(b"definitely not sqlite"),
            "the file is untouched"
        );
        // The game is closed; the outbox holds the session.
        drop(r);
        assert_eq!(read_outbox(&outbox).len(), 1);
        // The database is mended (here: replaced); the next start sends the session once.
        std::fs::remove_file(&file).unwrap();
        let r = Records::open(loc.clone(), Some(outbox.clone()), "Anouk");
        assert_eq!(r.error, None);
        assert_eq!(r.mine.len(), 1);
        assert!(!outbox.exists());
        let r = Records::open(loc, Some(outbox), "Anouk");
        assert_eq!(r.mine.len(), 1, "not sent twice");
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// In the game the records are opened, and reopened for another player, on a thread: the
    /// frame goes on, and the player's sessions arrive when the database has answered.
    #[test]
    fn a_changed_player_is_followed_in_the_background() {
        let dir = temp("follow");
        let loc = dir.join("r.sqlite3").display().to_string();
        let mut r = Records::open(Some(loc.clone()), None, "Anouk");
        r.add(session("Anouk", 40, 1000));
        r.add(session("Anouk", 85, 2000));
        r.add(session("Bram", 60, 3000));
        drop(r);
        let mut app = App::new();
        app.add_plugins(MinimalPlugins)
            .insert_resource(Settings::default())
            .insert_resource(DataDir(Some(dir.clone())))
            .insert_resource(Database(loc.clone()))
            .init_resource::<OpenInBackground>();
        plugin(&mut app);
        let until = |app: &mut App, done: &dyn Fn(&Records) -> bool| {
            for _ in 0..500 {
                app.update();
                if done(app.world().resource::<Records>()) {
                    return true;
                }
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            false
        };
        assert!(until(&mut app, &|r| app_opened(r, "")));
        app.world_mut().resource_mut::<Settings>().player = "Anouk".into();
        assert!(until(&mut app, &|r| app_opened(r, "Anouk") && r.mine.len() == 2));
        app.world_mut().resource_mut::<Settings>().player = "Bram".into();
        assert!(until(&mut app, &|r| app_opened(r, "Bram") && r.mine.len() == 1));
        assert_eq!(app.world().resource::<Records>().error, None);
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// The records are open for `player` (nothing is being opened).
    fn app_opened(r: &Records, player: &str) -> bool {
        r.player == player && r.location.is_some() && r.outbox.is_some()
    }

    #[test]
    fn the_explicit_database_wins_then_the_settings_then_the_data_folder() {
        let data = DataDir(Some(PathBuf::from("/data")));
        let mut s = Settings::default();
        assert_eq!(
            location(None, &s, &data).as_deref(),
            Some("/data/results.sqlite3")
        );
        s.db = " postgres://team@server/dojo ".into();
        assert_eq!(
            location(None, &s, &data).as_deref(),
            Some("postgres://team@server/dojo")
        );
        let cli = Database("/tmp/x.sqlite3".into());
        assert_eq!(
            location(Some(&cli), &s, &data).as_deref(),
            Some("/tmp/x.sqlite3")
        );
        assert_eq!(location(None, &Settings::default(), &DataDir(None)), None);
    }
}
