//! The game in a real window under Xvfb (software Vulkan): the automation mode plays a path,
//! shows the debrief and saves screenshots, which must show the debrief, not a blank image.
#![cfg(feature = "game")]

use std::path::Path;
use std::process::Command;

fn have(cmd: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {cmd}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Pixels within `tol` of `rgb`.
/// Whether Xvfb is here; outside CI a missing one skips the test with a message.
fn xvfb_or_skip() -> bool {
    if have("xvfb-run") {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must install xvfb (see .ci/run)"
    );
    eprintln!(
        "skipping: xvfb-run is not installed (apt-get install xvfb xauth mesa-vulkan-drivers)"
    );
    false
}

fn count_near(img: &[u8], channels: usize, rgb: [u8; 3], tol: i32) -> usize {
    img.chunks_exact(channels)
        .filter(|p| (0..3).all(|i| (i32::from(p[i]) - i32::from(rgb[i])).abs() <= tol))
        .count()
}

fn decode(path: &Path) -> (u32, u32, usize, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(path).expect("screenshot exists"),
    ));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    buf.truncate(info.buffer_size());
    (info.width, info.height, info.color_type.samples(), buf)
}

#[test]
fn automation_mode_shows_and_screenshots_the_debrief() {
    if !xvfb_or_skip() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("dojo-xvfb-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let shot = dir.join("debrief.png");
    let every = dir.join("screens");
    // A class's results, so the history and team screens have something to chart.
    let db = dir.join("class.sqlite3");
    {
        use collector_dojo::class::{Class, Pool};
        use std::sync::Arc;
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
        let pools: Vec<Pool> = ["cant-pay", "ostrich"]
            .iter()
            .map(|id| {
                let book = collector_dojo::scenario::Playbook::load(
                    root.join(format!("{id}.scenario.ron")),
                )
                .expect("loads");
                Pool::new(&Arc::new(book), 40, 5)
            })
            .collect();
        let class = Class {
            players: 6,
            teams: vec!["Noord".into(), "Zuid".into()],
            sessions: 150,
            days: 20,
            until: collector_dojo::calendar::now(),
            seed: 2,
        };
        let mut store = collector_dojo::store::Store::open(db.to_str().unwrap()).expect("db");
        for s in class.sessions(&pools) {
            store.insert(&s).expect("stores");
        }
    }
    let out = Command::new("xvfb-run")
        .args([
            "-a",
            "-s",
            "-screen 0 1280x800x24",
            env!("CARGO_BIN_EXE_collector-dojo"),
            "--db",
            db.to_str().unwrap(),
            "play",
            "--player",
            "Anouk",
            "--team",
            "Noord",
            "--scenario",
            "cant-pay",
        ])
        .args([
            "--choices",
            "call,o_warm,h_reflect,st_figures,fi_cut,fu_fill,k_accept,y_confirm",
            "--plan",
            "50:12:14",
        ])
        .args(["--seed", "3", "--lang", "en", "--screenshot"])
        .arg(&shot)
        .arg("--screenshot-every")
        .arg(&every)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("WGPU_BACKEND", "vulkan")
        .output()
        .expect("xvfb-run runs");
    let log = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success(),
        "play exited with {:?}:\n{log}",
        out.status
    );

    let (w, h, channels, pixels) = decode(&shot);
    assert!(w >= 1000 && h >= 600, "{w}x{h}");
    let mut colours: Vec<u32> = pixels
        .chunks_exact(channels)
        .map(|p| u32::from(p[0]) << 16 | u32::from(p[1]) << 8 | u32::from(p[2]))
        .collect();
    colours.sort_unstable();
    colours.dedup();
    assert!(
        colours.len() > 200,
        "only {} colours: a blank or flat image",
        colours.len()
    );
    // The debrief's score bars use the band colours; the paper background dominates.
    let paper = count_near(&pixels, channels, [0xfb, 0xf7, 0xf0], 3);
    assert!(
        paper > (w * h / 5) as usize,
        "the themed background is missing"
    );
    let bars: usize = [
        [0x3f, 0x8f, 0x5a],
        [0x1f, 0x5f, 0x63],
        [0xe0, 0xa9, 0x4a],
        [0xc8, 0x67, 0x4a],
    ]
    .iter()
    .map(|c| count_near(&pixels, channels, *c, 6))
    .sum();
    assert!(
        bars > 3000,
        "no score bars in the debrief ({bars} band-coloured pixels)"
    );

    let screens: Vec<String> = std::fs::read_dir(&every)
        .expect("one screenshot per screen")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    for s in [
        "title",
        "picker",
        "conversation",
        "negotiation",
        "debrief",
        "history",
        "team",
    ] {
        assert!(
            screens.iter().any(|f| f.contains(s)),
            "no {s} screenshot in {screens:?}"
        );
    }
    // The team screen charts each listed player in their own colour.
    let team = screens
        .iter()
        .find(|f| f.contains("team"))
        .expect("team screenshot");
    let (_, _, channels, pixels) = decode(&every.join(team));
    let drawn = collector_dojo::game::widgets::charts::PLAYER_COLOURS
        .iter()
        .take(6)
        .filter(|c| count_near(&pixels, channels, [c.r(), c.g(), c.b()], 8) > 40)
        .count();
    assert!(
        drawn >= 5,
        "only {drawn} of 6 players' lines on the team chart"
    );
    // This session went into the class's database: Anouk now has one more.
    let mut store = collector_dojo::store::Store::open(db.to_str().unwrap()).expect("db");
    let mine = store
        .sessions(&collector_dojo::store::Filter {
            player: Some("Anouk".into()),
            scenario: Some("cant-pay".into()),
            since: Some(collector_dojo::calendar::now() - 600),
            ..Default::default()
        })
        .expect("reads");
    assert!(
        mine.iter().any(|s| s.team == "Noord" && s.seed == 3),
        "the played session is stored: {mine:?}"
    );
}

#[test]
fn workshop_mode_projects_the_room_and_its_debrief() {
    if !xvfb_or_skip() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("dojo-xvfb-room-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let shot = dir.join("room-debrief.png");
    let every = dir.join("screens");
    let db = dir.join("r.sqlite3");
    let out = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x800x24"])
        .arg(env!("CARGO_BIN_EXE_collector-dojo"))
        .args(["--db", db.to_str().unwrap(), "play", "--workshop", "verbinden"])
        .args([
            "--choices",
            "call,warm_intro,reflect_avoid,explore_life,reflect_story_ask_money,ask_capacity,invite_plan,confirm_summary,thank_refer",
            "--plan",
            "50:12:21",
            "--lang",
            "en",
            "--screenshot",
        ])
        .arg(&shot)
        .arg("--screenshot-every")
        .arg(&every)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("WGPU_BACKEND", "vulkan")
        .output()
        .expect("xvfb-run runs");
    assert!(
        out.status.success(),
        "play --workshop exited with {:?}:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    for name in [
        "01-room.png",
        "room-vote.png",
        "room-debrief-turn.png",
        "room-debrief-scores.png",
    ] {
        assert!(every.join(name).is_file(), "no {name}");
    }
    // The vote screen shows the tally: the leading option's bar in teal, the others in gold.
    let (_, _, channels, pixels) = decode(&every.join("room-vote.png"));
    assert!(
        count_near(&pixels, channels, [0x1f, 0x5f, 0x63], 6) > 1500,
        "no majority bar"
    );
    assert!(
        count_near(&pixels, channels, [0xe0, 0xa9, 0x4a], 6) > 300,
        "no minority bars"
    );
    let (w, h, channels, pixels) = decode(&shot);
    assert!(w >= 1000 && h >= 600);
    assert!(
        count_near(&pixels, channels, [0x1f, 0x5f, 0x63], 6) > 500,
        "no tally in the debrief"
    );
    // The room's session is stored with its votes.
    let mut store = collector_dojo::store::Store::open(db.to_str().unwrap()).expect("db");
    let stored = store.sessions(&Default::default()).expect("reads");
    assert_eq!(stored.len(), 1);
    let room = stored[0].room.as_ref().expect("the room");
    assert_eq!(room.workshop.as_deref(), Some("verbinden"));
    assert_eq!(room.tallies.len(), 9, "one vote per option turn");
    assert!(room.tallies.iter().all(|t| t.total() > 0 && !t.overridden));
}
