//! Automation mode: `collector-dojo play --scenario ID --choices … --screenshot PATH` plays the
//! given choices in the real window, shows the debrief, saves a screenshot and exits 0 (with
//! `--screenshot-every DIR`, one per screen). How the game is tested under Xvfb, and how
//! demos are made.

use super::library::Library;
use super::screens::negotiation::Draft;
use super::screens::room::RoomState;
use super::screens::room_debrief::RoomDebriefState;
use super::screens::team::TeamBoard;
use super::session::{Action, Notice, Screen, Session, WorkshopRun};
use crate::plan::Plan;
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};
use std::path::PathBuf;

#[derive(Resource, Debug, Clone, PartialEq)]
pub struct Script {
    pub scenario: String,
    pub choices: Vec<String>,
    pub plan: Option<Plan>,
    pub seed: u64,
    /// The customer to meet (a draw of the scenario); the seed's when absent.
    pub draw: Option<usize>,
    pub screenshot: Option<PathBuf>,
    pub every: Option<PathBuf>,
    /// Play it as a workshop room: the votes go to each chosen option (5 against 1 for the
    /// others), the group debrief opens at the first turn with its alternatives revealed.
    pub workshop: Option<crate::workshop::Workshop>,
}

/// Frames to let a screen settle (layout, images) before the next step.
const SETTLE: u32 = 12;
/// Frames to wait for the scenarios and artwork before giving up.
const STARTUP_LIMIT: u32 = 1200;

#[derive(Resource, Debug, Default)]
struct Progress {
    frame: u32,
    wait: u32,
    next_choice: usize,
    plan_used: bool,
    shots_taken: usize,
    shots_saved: usize,
    shot_screens: Vec<Screen>,
    phase: Stage,
    /// Workshop mode: the votes of this turn are entered and shown.
    voted: bool,
    vote_shots: usize,
    /// Workshop mode: how far the group debrief has been stepped.
    debrief_stage: u8,
}

#[derive(Debug, Default, PartialEq, Eq, Clone, Copy)]
enum Stage {
    #[default]
    Loading,
    Playing,
    Done,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Progress>()
        .add_systems(Update, drive.after(super::session::ApplyActions));
}

/// Opens the game straight at a scenario (`play --scenario ID` without choices): the player
/// plays it themselves.
#[derive(Resource, Debug, Clone)]
pub struct OpenAt(pub String);

pub(super) fn open_at_plugin(app: &mut App) {
    app.add_systems(Update, open_at);
}

fn open_at(
    mut commands: Commands,
    target: Option<Res<OpenAt>>,
    library: Res<Library>,
    mut actions: MessageWriter<Action>,
    mut notice: ResMut<Notice>,
) {
    let Some(t) = target else { return };
    if library.get(&t.0).is_some() {
        actions.write(Action::Start(t.0.clone()));
        commands.remove_resource::<OpenAt>();
    } else if library.ready {
        let known: Vec<&str> = library.playable().map(|b| b.id()).collect();
        notice.0 = Some(format!(
            "no playable scenario `{}`; playable: {}",
            t.0,
            known.join(", ")
        ));
        commands.remove_resource::<OpenAt>();
    }
}

/// Opens the game in workshop mode (`play --workshop PLAN` without choices).
#[derive(Resource, Debug, Clone)]
pub struct OpenWorkshop(pub crate::workshop::Workshop);

pub(super) fn open_workshop_plugin(app: &mut App) {
    app.add_systems(Update, open_workshop);
}

fn open_workshop(
    mut commands: Commands,
    target: Option<Res<OpenWorkshop>>,
    library: Res<Library>,
    mut actions: MessageWriter<Action>,
) {
    let Some(t) = target else { return };
    let first = t.0.plan.steps.first().map(|s| s.scenario.as_str());
    if first.is_some_and(|id| library.get(id).is_some()) || library.ready {
        actions.write(Action::StartWorkshop(t.0.clone()));
        commands.remove_resource::<OpenWorkshop>();
    }
}

fn fail(message: String, exit: &mut MessageWriter<AppExit>) {
    eprintln!("{message}");
    exit.write(AppExit::error());
}

#[allow(clippy::too_many_arguments)]
fn drive(
    mut commands: Commands,
    script: Res<Script>,
    library: Res<Library>,
    screen: Res<State<Screen>>,
    notice: Res<Notice>,
    mut draft: ResMut<Draft>,
    mut progress: ResMut<Progress>,
    mut actions: MessageWriter<Action>,
    session: Option<Res<Session>>,
    mut run: Option<ResMut<WorkshopRun>>,
    mut room: ResMut<RoomState>,
    mut room_debrief: ResMut<RoomDebriefState>,
    team: Option<Res<TeamBoard>>,
    mut exit: MessageWriter<AppExit>,
) {
    let p = &mut *progress;
    p.frame += 1;
    if p.wait > 0 {
        p.wait -= 1;
        return;
    }
    if let Some(n) = &notice.0 {
        return fail(format!("{}: {n}", script.scenario), &mut exit);
    }
    let current = *screen.get();
    // One screenshot per screen with --screenshot-every, when a screen is first seen settled.
    // The conversation is shot a few turns in, so its log shows something.
    let conversation_ready =
        current != Screen::Conversation || p.next_choice >= 3.min(script.choices.len());
    // The team board is shot once the database has answered.
    let board_ready = current != Screen::Team || team.is_none_or(|t| !t.lookup.waiting());
    if let Some(dir) = &script.every
        && p.phase != Stage::Loading
        && !p.shot_screens.contains(&current)
        && conversation_ready
        && board_ready
    {
        p.shot_screens.push(current);
        let name = format!(
            "{:02}-{}.png",
            p.shot_screens.len(),
            format!("{current:?}").to_lowercase()
        );
        shoot(&mut commands, dir.join(name));
        p.shots_taken += 1;
        p.wait = 2;
        return;
    }
    match p.phase {
        Stage::Loading => {
            if library.get(&script.scenario).is_some() && p.frame > SETTLE * 3 {
                p.phase = Stage::Playing;
                p.wait = SETTLE;
                if let Some(w) = &script.workshop {
                    actions.write(Action::StartWorkshop(w.clone()));
                    return;
                }
                if script.every.is_some() {
                    // Show the title and picker screens on the way in.
                    return;
                }
                actions.write(Action::StartSeeded(
                    script.scenario.clone(),
                    script.seed,
                    script.draw,
                ));
            } else if library.ready
                && p.frame > SETTLE * 3
                && library.get(&script.scenario).is_none()
            {
                let known: Vec<&str> = library.playable().map(|b| b.id()).collect();
                let errors: Vec<&str> = library.errors().collect();
                let mut msg = format!(
                    "no playable scenario `{}`; playable: {}",
                    script.scenario,
                    known.join(", ")
                );
                if !errors.is_empty() {
                    msg.push('\n');
                    msg.push_str(&errors.join("\n"));
                }
                fail(msg, &mut exit);
            } else if p.frame > STARTUP_LIMIT {
                fail(
                    format!("scenarios did not load within {STARTUP_LIMIT} frames"),
                    &mut exit,
                );
            }
        }
        Stage::Playing => {
            p.wait = SETTLE;
            match current {
                Screen::Title => {
                    actions.write(Action::Go(Screen::Picker));
                }
                Screen::Picker => {
                    actions.write(Action::StartSeeded(
                        script.scenario.clone(),
                        script.seed,
                        script.draw,
                    ));
                }
                Screen::Conversation => match script.choices.get(p.next_choice) {
                    Some(id) => {
                        actions.write(Action::Choose(id.clone()));
                        p.next_choice += 1;
                    }
                    None => fail(
                        format!(
                            "{}: the conversation is not over after the given choices",
                            script.scenario
                        ),
                        &mut exit,
                    ),
                },
                Screen::Negotiation => match (
                    script.plan,
                    p.plan_used,
                    draft.0 == script.plan.unwrap_or(draft.0),
                ) {
                    // Show the plan on the sliders first, then propose it.
                    (Some(plan), false, false) => draft.0 = plan,
                    (Some(plan), false, true) => {
                        actions.write(Action::Propose(plan));
                        p.plan_used = true;
                    }
                    _ => fail(
                        format!(
                            "{}: the customer waits for a plan: give --plan AMOUNT:COUNT:DAYS",
                            script.scenario
                        ),
                        &mut exit,
                    ),
                },
                Screen::Debrief => {
                    if p.next_choice < script.choices.len() {
                        return fail(
                            format!(
                                "{}: the conversation ended before choice `{}`",
                                script.scenario, script.choices[p.next_choice]
                            ),
                            &mut exit,
                        );
                    }
                    if let Some(path) = &script.screenshot {
                        shoot(&mut commands, path.clone());
                        p.shots_taken += 1;
                    }
                    if script.every.is_some() {
                        // One screenshot per screen: the history, which now holds this session,
                        // then the team board.
                        actions.write(Action::Go(Screen::History));
                    } else {
                        p.phase = Stage::Done;
                    }
                }
                Screen::History => {
                    actions.write(Action::Go(Screen::Team));
                }
                Screen::Team => p.phase = Stage::Done,
                Screen::Workshops => p.phase = Stage::Done,
                Screen::Room => {
                    let (Some(session), Some(run)) = (session.as_deref(), run.as_deref_mut())
                    else {
                        return;
                    };
                    room.follow(&session.conv);
                    let options: Vec<String> = session
                        .conv
                        .options()
                        .into_iter()
                        .map(|(id, _)| id)
                        .collect();
                    if room.revealed < options.len() {
                        room.revealed = options.len();
                        return;
                    }
                    let Some(id) = script.choices.get(p.next_choice) else {
                        return fail(
                            format!(
                                "{}: the conversation is not over after the given choices",
                                script.scenario
                            ),
                            &mut exit,
                        );
                    };
                    let Some(index) = options.iter().position(|o| o == id) else {
                        // The engine names what is valid here.
                        actions.write(Action::Choose(id.clone()));
                        return;
                    };
                    let Some(tally) = room.tally.as_mut() else {
                        return;
                    };
                    if !p.voted {
                        for (i, c) in tally.counts.iter_mut().enumerate() {
                            *c = if i == index { 5 } else { 1 };
                        }
                        p.voted = true;
                        return;
                    }
                    // The votes are shown and settled (new text's glyphs reach the font
                    // texture a frame late): shoot the first vote once.
                    if let Some(dir) = &script.every
                        && p.vote_shots == 0
                    {
                        p.vote_shots += 1;
                        shoot(&mut commands, dir.join("room-vote.png"));
                        p.shots_taken += 1;
                        p.wait = 2;
                        return;
                    }
                    tally.play(index);
                    run.tallies.push(tally.clone());
                    room.tally = None;
                    p.voted = false;
                    actions.write(Action::Choose(id.clone()));
                    p.next_choice += 1;
                }
                Screen::RoomDebrief => {
                    if p.next_choice < script.choices.len() {
                        return fail(
                            format!(
                                "{}: the conversation ended before choice `{}`",
                                script.scenario, script.choices[p.next_choice]
                            ),
                            &mut exit,
                        );
                    }
                    let first_vote = run
                        .as_deref()
                        .and_then(|r| r.tallies.first())
                        .map_or(1, |t| t.turn);
                    // Open the first voted turn with its alternatives, shoot it; with
                    // --screenshot-every also the scores page (one shot per frame).
                    match p.debrief_stage {
                        0 => {
                            room_debrief.page = first_vote;
                            room_debrief.revealed = true;
                            p.wait = SETTLE * 2;
                        }
                        1 => {
                            if let Some(path) = &script.screenshot {
                                shoot(&mut commands, path.clone());
                                p.shots_taken += 1;
                            }
                        }
                        2 => {
                            if let Some(dir) = &script.every {
                                shoot(&mut commands, dir.join("room-debrief-turn.png"));
                                p.shots_taken += 1;
                            }
                        }
                        3 if script.every.is_some() => {
                            room_debrief.page =
                                session.as_deref().map_or(1, |s| s.conv.turns().len() + 1);
                            room_debrief.revealed = false;
                        }
                        4 if script.every.is_some() => {
                            if let Some(dir) = &script.every {
                                shoot(&mut commands, dir.join("room-debrief-scores.png"));
                                p.shots_taken += 1;
                            }
                        }
                        _ => p.phase = Stage::Done,
                    }
                    p.debrief_stage += 1;
                }
            }
        }
        Stage::Done => {
            if p.shots_saved >= p.shots_taken {
                exit.write(AppExit::Success);
            } else if p.frame > STARTUP_LIMIT * 4 {
                fail("screenshots were not saved in time".to_string(), &mut exit);
            }
        }
    }
}

fn shoot(commands: &mut Commands, path: PathBuf) {
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    commands
        .spawn(Screenshot::primary_window())
        .observe(save_to_disk(path))
        .observe(
            |_: On<ScreenshotCaptured>, mut progress: ResMut<Progress>| progress.shots_saved += 1,
        );
}
