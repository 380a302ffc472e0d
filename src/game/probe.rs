//! Performance probe for `scripts/measure.sh`: with `COLLECTOR_DOJO_PROBE=FILE` set, records
//! the time from start to the first interactive frame, resident memory, and frame times per
//! screen, and writes them as JSON on exit. The bare comparison window uses the same plugin.

use bevy::prelude::*;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// Set by a UI system the first time it draws: from then on a frame is interactive.
#[derive(Resource, Debug, Default)]
pub struct UiDrawn(pub bool);

/// The frame-time bucket a frame belongs to (the game sets it to the screen's name).
#[derive(Resource, Debug, Default)]
pub struct Phase(pub String);

#[derive(Resource, Debug)]
struct Probe {
    file: String,
    started: Instant,
    first_interactive: Option<Duration>,
    frames: BTreeMap<String, Vec<f32>>,
    exit_after: Option<u32>,
    frame: u32,
}

/// Adds the probe if `COLLECTOR_DOJO_PROBE` is set; `started` is when `main` began.
/// `exit_after` closes the app after that many interactive frames (for the bare window).
pub fn add(app: &mut App, started: Instant, exit_after: Option<u32>) {
    let Some(file) = std::env::var_os("COLLECTOR_DOJO_PROBE") else {
        return;
    };
    app.init_resource::<UiDrawn>()
        .init_resource::<Phase>()
        .insert_resource(Probe {
            file: file.to_string_lossy().into_owned(),
            started,
            first_interactive: None,
            frames: BTreeMap::new(),
            exit_after,
            frame: 0,
        })
        .add_systems(Last, (record, write_on_exit).chain());
}

fn rss_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn record(
    time: Res<Time>,
    drawn: Res<UiDrawn>,
    phase: Res<Phase>,
    mut probe: ResMut<Probe>,
    mut exit: MessageWriter<AppExit>,
) {
    if !drawn.0 {
        return;
    }
    if probe.first_interactive.is_none() {
        probe.first_interactive = Some(probe.started.elapsed());
        return;
    }
    probe.frame += 1;
    let ms = time.delta_secs() * 1000.0;
    probe.frames.entry(phase.0.clone()).or_default().push(ms);
    if probe.exit_after.is_some_and(|n| probe.frame >= n) {
        exit.write(AppExit::Success);
    }
}

fn stats(v: &[f32]) -> serde_json::Value {
    let mut s = v.to_vec();
    s.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| s[((s.len() as f64 - 1.0) * q).round() as usize];
    serde_json::json!({
        "frames": s.len(),
        "mean_ms": s.iter().sum::<f32>() / s.len() as f32,
        "median_ms": at(0.5),
        "p95_ms": at(0.95),
        "max_ms": at(1.0),
    })
}

fn write_on_exit(mut exits: MessageReader<AppExit>, probe: Res<Probe>) {
    if exits.read().next().is_none() {
        return;
    }
    let frames: serde_json::Map<String, serde_json::Value> = probe
        .frames
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k.clone(), stats(v)))
        .collect();
    let out = serde_json::json!({
        "first_interactive_ms": probe.first_interactive.map(|d| d.as_secs_f64() * 1000.0),
        "rss_kib": rss_kib("VmRSS:"),
        "peak_rss_kib": rss_kib("VmHWM:"),
        "frame_times": frames,
    });
    if let Err(e) = std::fs::write(&probe.file, out.to_string()) {
        eprintln!("probe: cannot write {}: {e}", probe.file);
    }
}
