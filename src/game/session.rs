//! The conversation being played, the screens, and the [`Action`]s that move between them.
//! Every screen change goes through an `Action`, so the UI, the automation mode and the tests
//! all drive the game the same way.

use super::library::Library;
use super::records::Records;
use super::records::lrs::LrsOutbox;
use super::settings::Settings;
use crate::dialogue::{Act, Conversation, Prompt};
use crate::explore::best_continuation;
use crate::plan::Plan;
use crate::scenario::{Ending, Playbook};
use crate::score::{Assessment, Scores, assess};
use crate::text::Text;
use bevy::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The screens of the game.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Title,
    Picker,
    Conversation,
    Negotiation,
    Debrief,
    History,
    Team,
    /// Workshop mode: choose a plan or a scenario for the room.
    Workshops,
    /// Workshop mode: the projected conversation, with the room's vote.
    Room,
    /// Workshop mode: the group debrief, turn by turn.
    RoomDebrief,
}

/// Everything a player (or the automation) can ask of the game.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum Action {
    /// Go to a menu screen (title, picker, history).
    Go(Screen),
    /// Start a scenario with a fresh seed.
    Start(String),
    /// Start a scenario with a given seed, and the customer (draw) pinned or the seed's
    /// (automation, reproducible demos).
    StartSeeded(String, u64, Option<usize>),
    /// Choose an option (or channel) by id.
    Choose(String),
    /// Propose a plan at the negotiation.
    Propose(Plan),
    /// Play the same scenario again with the same customer (new wording).
    Retry,
    /// Play the same scenario again with a new customer (another draw where it has more).
    NewCustomer,
    /// Keep the turns before this one and play on from there.
    ReplayFrom(usize),
    /// Start a workshop (a plan, or one scenario) at its first step.
    StartWorkshop(crate::workshop::Workshop),
    /// The workshop's next scenario (after the last: back to the title).
    NextStep,
}

/// A workshop in progress: the plan, where the room is in it, and the votes so far.
#[derive(Resource, Debug, Clone)]
pub struct WorkshopRun {
    pub workshop: crate::workshop::Workshop,
    /// The step (0-based) being played.
    pub step: usize,
    /// The votes of this step's finished turns.
    pub tallies: Vec<crate::workshop::Tally>,
}

/// Why the last action could not be carried out, shown to the player.
#[derive(Resource, Debug, Default)]
pub struct Notice(pub Option<String>);

/// What another option at a turn would have led to (the engine replays it).
#[derive(Debug, Clone, PartialEq)]
pub struct Alternative {
    pub option: String,
    pub text: Text,
    /// This is what the trainee chose.
    pub chosen: bool,
    /// The customer's next line after it.
    pub next_line: Option<String>,
    /// The best way the conversation could have ended after it.
    pub best: Option<(Ending, Scores)>,
}

/// The conversation in play.
#[derive(Resource, Debug)]
pub struct Session {
    pub conv: Conversation,
    /// Seconds since the Unix epoch.
    pub started: i64,
    pub assessment: Option<Assessment>,
    /// Debrief what-ifs, computed when a turn is opened.
    pub alternatives: BTreeMap<usize, Vec<Alternative>>,
    /// The coach for this session (from the settings and the player's record on the scenario;
    /// `None` until the conversation screen decides), and the note on the last turn.
    pub coach: Option<crate::coach::Coach>,
    pub note: Option<crate::coach::CoachNote>,
    /// The turns the note and the customer's feeling were made for.
    pub noted: usize,
    /// What the customer felt at the last turn.
    pub feel: Option<String>,
    /// The most the coach said during the session: what the score says it was played with.
    pub coached: crate::coach::Coach,
}

/// How many endings the debrief looks at per alternative (keeps a click under a second).
pub const WHAT_IF_LIMIT: u64 = 20_000;

impl Session {
    pub fn new(book: Arc<Playbook>, seed: u64) -> Session {
        Session {
            conv: Conversation::new(book, seed),
            started: crate::calendar::now(),
            assessment: None,
            alternatives: BTreeMap::new(),
            coach: None,
            note: None,
            noted: 0,
            feel: None,
            coached: crate::coach::Coach::Off,
        }
    }

    /// What each option at `turn` (1-based) would have led to, cached.
    pub fn alternatives(&mut self, turn: usize, lang: crate::text::Lang) -> &[Alternative] {
        let conv = &self.conv;
        self.alternatives
            .entry(turn)
            .or_insert_with(|| what_if(conv, turn, lang))
    }
}

/// Replays the conversation up to `turn` and tries every option offered there.
pub fn what_if(conv: &Conversation, turn: usize, lang: crate::text::Lang) -> Vec<Alternative> {
    let Some(t) = conv.turns().get(turn.saturating_sub(1)) else {
        return Vec::new();
    };
    let before = conv.prefix(turn - 1);
    // The options offered at that turn: a channel choice or a node's options.
    let (chosen, options, channel): (usize, Vec<(String, Text)>, bool) =
        match (t.act, before.prompt()) {
            (Act::Choice(chosen), Prompt::Choose { options, .. }) => (
                chosen,
                options
                    .iter()
                    .map(|o| (o.id.clone(), o.text.clone()))
                    .collect(),
                false,
            ),
            (Act::Channel(chosen), Prompt::Channel(cc)) => (
                chosen,
                cc.options
                    .iter()
                    .map(|o| (o.id.clone(), o.text.clone()))
                    .collect(),
                true,
            ),
            _ => return Vec::new(),
        };
    // In the order the trainee saw them.
    before
        .shown_order()
        .into_iter()
        .filter_map(|i| options.get(i).map(|o| (i, o.clone())))
        .map(|(i, (id, text))| {
            let mut c = before.clone();
            if channel {
                c.take_channel(i);
            } else {
                c.take_choice(i);
            }
            let next_line = c.node().and_then(|n| {
                let node = c.book().node(n);
                node.line(c.variant()).map(|l| c.fill().text(l, lang))
            });
            let best = best_continuation(&c, WHAT_IF_LIMIT)
                .and_then(|b| Some((b.ending()?, assess(&b).scores)));
            Alternative {
                option: id,
                text,
                chosen: i == chosen,
                next_line,
                best,
            }
        })
        .collect()
}

/// The player name a room's sessions are stored under.
pub fn room_name(w: &crate::workshop::Workshop) -> String {
    format!("Zaal · {}", w.plan.title)
}

/// The set the action system runs in, for systems that must see its effects.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct ApplyActions;

/// The set every screen's UI system runs in (in egui's pass, after the theme is applied).
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct UiSet;

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .add_message::<Action>()
        .init_resource::<Notice>()
        .add_systems(Update, apply_actions.in_set(ApplyActions));
}

/// The screen a conversation belongs on now (the room's screens in a workshop).
fn screen_for(conv: &Conversation, room: bool) -> Screen {
    match (conv.prompt(), room) {
        (Prompt::Negotiate { .. }, _) => Screen::Negotiation,
        (Prompt::Ended(_), false) => Screen::Debrief,
        (Prompt::Ended(_), true) => Screen::RoomDebrief,
        (_, false) => Screen::Conversation,
        (_, true) => Screen::Room,
    }
}

#[allow(clippy::too_many_arguments)]
fn apply_actions(
    mut actions: MessageReader<Action>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
    mut session: Option<ResMut<Session>>,
    library: Res<Library>,
    settings: Res<Settings>,
    mut records: ResMut<Records>,
    mut lrs: ResMut<LrsOutbox>,
    mut notice: ResMut<Notice>,
    mut run: Option<ResMut<WorkshopRun>>,
) {
    for action in actions.read() {
        notice.0 = None;
        let room = run.is_some();
        let start = |id: &str,
                     seed: u64,
                     draw: Option<usize>,
                     room: bool,
                     commands: &mut Commands,
                     next: &mut NextState<Screen>,
                     notice: &mut Notice| match library.get(id) {
            Some(book) => match book.for_run(seed, draw) {
                Ok(drawn) => {
                    let s = Session::new(drawn, seed);
                    next.set(screen_for(&s.conv, room));
                    commands.insert_resource(s);
                }
                Err(e) => notice.0 = Some(e.to_string()),
            },
            None => {
                let known: Vec<&str> = library.playable().map(|b| b.id()).collect();
                notice.0 = Some(format!(
                    "no playable scenario `{id}`; playable: {}",
                    known.join(", ")
                ));
            }
        };
        match action {
            Action::Go(screen) => {
                next.set(*screen);
            }
            // A scenario started from the picker leaves workshop mode.
            Action::Start(id) => {
                commands.remove_resource::<WorkshopRun>();
                run = None;
                start(
                    id,
                    rand::random(),
                    None,
                    false,
                    &mut commands,
                    &mut next,
                    &mut notice,
                )
            }
            Action::StartSeeded(id, seed, draw) => {
                commands.remove_resource::<WorkshopRun>();
                run = None;
                start(
                    id,
                    *seed,
                    *draw,
                    false,
                    &mut commands,
                    &mut next,
                    &mut notice,
                )
            }
            Action::Retry | Action::NewCustomer => {
                if let Some(s) = &session {
                    let book = s.conv.book();
                    let id = book.id().to_string();
                    if let Some(r) = run.as_mut() {
                        r.tallies.clear();
                    }
                    let (seed, draw) = if *action == Action::Retry {
                        // The same customer, in new words and a new order of options.
                        (rand::random(), Some(book.draw().index))
                    } else {
                        let seed = other_customer(book.draw().index, book.draw_count());
                        (seed, None)
                    };
                    start(&id, seed, draw, room, &mut commands, &mut next, &mut notice);
                }
            }
            Action::StartWorkshop(w) => {
                let r = WorkshopRun {
                    workshop: w.clone(),
                    step: 0,
                    tallies: Vec::new(),
                };
                match w.plan.steps.first() {
                    Some(step) => {
                        start(
                            &step.scenario,
                            step.seed.unwrap_or(1),
                            step.draw,
                            true,
                            &mut commands,
                            &mut next,
                            &mut notice,
                        );
                        commands.insert_resource(r);
                    }
                    None => notice.0 = Some(format!("workshop `{}` has no steps", w.name)),
                }
            }
            Action::NextStep => {
                let Some(r) = run.as_mut() else { continue };
                r.step += 1;
                r.tallies.clear();
                match r.workshop.plan.steps.get(r.step).cloned() {
                    Some(step) => start(
                        &step.scenario,
                        step.seed.unwrap_or(1),
                        step.draw,
                        true,
                        &mut commands,
                        &mut next,
                        &mut notice,
                    ),
                    None => {
                        commands.remove_resource::<WorkshopRun>();
                        next.set(Screen::Title);
                    }
                }
            }
            Action::ReplayFrom(turn) => {
                if let Some(s) = session.as_mut() {
                    let conv = s.conv.prefix(turn.saturating_sub(1));
                    next.set(screen_for(&conv, room));
                    if let Some(r) = run.as_mut() {
                        r.tallies.retain(|t| t.turn < *turn);
                    }
                    **s = Session {
                        conv,
                        started: crate::calendar::now(),
                        assessment: None,
                        alternatives: BTreeMap::new(),
                        // The same coach, and what it said before the replayed turn counts.
                        coach: s.coach,
                        note: None,
                        noted: usize::MAX,
                        feel: None,
                        coached: s.coached,
                    };
                }
            }
            Action::Choose(id) => {
                let Some(s) = session.as_mut() else { continue };
                match s.conv.choose(id) {
                    Ok(()) => after_turn(
                        s,
                        &settings,
                        (&mut records, &mut lrs),
                        &mut next,
                        run.as_deref(),
                    ),
                    Err(e) => notice.0 = Some(e.to_string()),
                }
            }
            Action::Propose(plan) => {
                let Some(s) = session.as_mut() else { continue };
                match s.conv.propose(*plan) {
                    Ok(_) => after_turn(
                        s,
                        &settings,
                        (&mut records, &mut lrs),
                        &mut next,
                        run.as_deref(),
                    ),
                    Err(e) => notice.0 = Some(e.to_string()),
                }
            }
        }
    }
}

/// A fresh seed whose customer is not draw `current` (when the scenario has another).
pub fn other_customer(current: usize, count: usize) -> u64 {
    let mut seed = rand::random();
    // Each try misses with chance 1/count: twenty tries all miss about never.
    for _ in 0..20 {
        if count <= 1 || crate::scenario::draw::for_seed(seed, count) != current {
            break;
        }
        seed = rand::random();
    }
    seed
}

/// Moves to the right screen; at an ending, scores and stores the session.
fn after_turn(
    s: &mut Session,
    settings: &Settings,
    (records, lrs): (&mut Records, &mut LrsOutbox),
    next: &mut NextState<Screen>,
    run: Option<&WorkshopRun>,
) {
    let screen = screen_for(&s.conv, run.is_some());
    if matches!(screen, Screen::Debrief | Screen::RoomDebrief) && s.assessment.is_none() {
        let a = assess(&s.conv);
        let report = crate::report::Report::from_assessment(&s.conv, &a, settings.lang);
        let hash = s.conv.book().hash.clone();
        let started = s.started;
        let mut stored = crate::store::StoredSession::from_report(
            &report,
            &hash,
            &settings.player,
            &settings.team,
            started,
            crate::calendar::now(),
        );
        stored.coach = s.coached;
        if let Some(r) = run {
            // The room's session: stored under the room, with who was there and the votes.
            stored.player = room_name(&r.workshop);
            stored.room = Some(crate::workshop::Room {
                workshop: Some(r.workshop.name.clone()),
                players: r.workshop.plan.players.clone(),
                tallies: r.tallies.clone(),
            });
        }
        lrs.add(settings, &stored);
        records.add(stored);
        s.assessment = Some(a);
    }
    next.set(screen);
}
