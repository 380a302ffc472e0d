#!/usr/bin/env bash
# Measures the game against a bare Bevy + bevy_egui window built with the same profile, in the
# same run, under Xvfb: time from launch to the first interactive frame, resident memory, and
# frame times during a conversation. Usage: bash scripts/measure.sh [RUNS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
bash scripts/setup.sh
cargo build --release --quiet --bin collector-dojo --example bare_egui
out=$(mktemp -d)
xvfb() { xvfb-run -a -s "-screen 0 1280x800x24" "$@"; }

for i in $(seq 1 "$runs"); do
  COLLECTOR_DOJO_PROBE="$out/bare-$i.json" xvfb target/release/examples/bare_egui >/dev/null 2>&1
  COLLECTOR_DOJO_PROBE="$out/game-$i.json" xvfb target/release/collector-dojo play --scenario cant-pay \
    --choices call,o_warm,h_reflect,st_figures,fi_cut,fu_fill,k_accept,y_confirm --plan 50:12:14 --seed 3 \
    --screenshot "$out/debrief-$i.png" >/dev/null 2>&1
done

python3 - "$out" "$runs" <<'PY'
import json, statistics, sys
out, runs = sys.argv[1], int(sys.argv[2])
def load(kind):
    return [json.load(open(f"{out}/{kind}-{i}.json")) for i in range(1, runs + 1)]
bare, game = load("bare"), load("game")
def med(rows, key):
    return statistics.median(r[key] for r in rows)
print(f"{'':34}{'bare bevy+egui':>16}{'collector-dojo':>16}")
print(f"{'first interactive frame (ms, median)':34}{med(bare,'first_interactive_ms'):16.0f}{med(game,'first_interactive_ms'):16.0f}")
print(f"{'resident memory at exit (MiB)':34}{med(bare,'rss_kib')/1024:16.1f}{med(game,'rss_kib')/1024:16.1f}")
print(f"{'peak resident memory (MiB)':34}{med(bare,'peak_rss_kib')/1024:16.1f}{med(game,'peak_rss_kib')/1024:16.1f}")
def frames(rows, screen):
    v = [r["frame_times"][screen] for r in rows if screen in r["frame_times"]]
    return (statistics.median(x["mean_ms"] for x in v), statistics.median(x["p95_ms"] for x in v), sum(x["frames"] for x in v)) if v else None
b = frames(bare, "")
c = frames(game, "conversation")
print(f"{'frame time, mean / p95 (ms)':34}{b[0]:9.1f} /{b[1]:5.1f}{c[0]:9.1f} /{c[1]:5.1f}   (game: conversation screen, {c[2]} frames)")
print(f"runs: {runs}; software Vulkan (llvmpipe) under Xvfb, 2 cores; raw JSON in {out}")
PY
