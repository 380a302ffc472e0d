//! The `collector-dojo` binary: parses the command line and hands it to the library; with no
//! command (or `play`) it opens the game window.

use clap::Parser;
use collector_dojo::cli::{Cli, execute};

fn main() {
    #[cfg(feature = "game")]
    let started = std::time::Instant::now();
    let cli = Cli::parse();
    #[cfg(feature = "game")]
    if matches!(
        cli.command,
        None | Some(collector_dojo::cli::Command::Play { .. })
    ) {
        std::process::exit(play(cli, started));
    }
    let stdout = std::io::stdout();
    if let Err(f) = execute(cli, &mut stdout.lock()) {
        eprintln!("{}", f.message);
        std::process::exit(f.status);
    }
}

#[cfg(feature = "game")]
fn play(cli: Cli, started: std::time::Instant) -> i32 {
    use collector_dojo::cli::Command;
    use collector_dojo::game::{self, GameOptions, automation::Script};
    let mut options = GameOptions {
        scenarios: game::find_dir(&cli.scenarios),
        assets: game::find_dir(std::path::Path::new("assets")),
        lang: None,
        automation: None,
        open_at: None,
        ui_scale: None,
        player: None,
        team: None,
        workshop: None,
        db: cli.db.clone(),
        started,
    };
    if let Some(Command::Play {
        scenario,
        choices,
        plan,
        seed,
        draw,
        lang,
        workshop,
        player,
        team,
        ui_scale,
        screenshot,
        screenshot_every,
    }) = cli.command
    {
        options.lang = lang;
        options.ui_scale = ui_scale;
        options.player = player;
        options.team = team;
        let scripted = !choices.is_empty() || screenshot.is_some() || screenshot_every.is_some();
        let workshop = match workshop.map(|w| collector_dojo::workshop::find(&w, &cli.scenarios)) {
            Some(Ok(w)) => Some(w),
            Some(Err(e)) => {
                eprintln!("{e}");
                return 1;
            }
            None => None,
        };
        // A workshop's first scenario is what the script plays.
        let scenario = scenario.or_else(|| {
            workshop
                .as_ref()
                .and_then(|w| w.plan.steps.first())
                .map(|s| s.scenario.clone())
        });
        if !scripted {
            options.workshop = workshop.clone();
        }
        match (scenario, scripted) {
            (Some(scenario), true) => {
                options.automation = Some(Script {
                    scenario,
                    choices,
                    plan,
                    seed: seed.unwrap_or(1),
                    draw,
                    screenshot,
                    every: screenshot_every,
                    workshop,
                });
            }
            (Some(scenario), false) if options.workshop.is_none() => {
                options.open_at = Some(scenario)
            }
            (_, false) => {}
            (None, true) => {
                eprintln!("--choices and --screenshot need --scenario ID");
                return 2;
            }
        }
    }
    match game::run(options) {
        bevy::app::AppExit::Success => 0,
        bevy::app::AppExit::Error(code) => i32::from(code.get()),
    }
}
