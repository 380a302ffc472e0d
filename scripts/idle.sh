#!/usr/bin/env bash
# Measures what the game costs while nothing happens: CPU seconds used over SECONDS on the title
# screen under Xvfb, after it has settled, as a share of one core. Usage:
#   bash scripts/idle.sh [SECONDS] [BINARY]    (default 10, target/release/collector-dojo)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
bin=${2:-target/release/collector-dojo}
[ -x "$bin" ] || cargo build --release --quiet --bin collector-dojo
tmp=$(mktemp -d)
# A private config and data folder: the player's own settings and history stay untouched.
XDG_CONFIG_HOME="$tmp" XDG_DATA_HOME="$tmp" xvfb-run -a -s "-screen 0 1280x800x24" "$bin" >/dev/null 2>&1 &
runner=$!
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
pid=""
for _ in $(seq 1 100); do
  pid=$(pgrep -n -f "^$bin( |$)" || true)
  [ -n "$pid" ] && break
  sleep 0.1
done
[ -n "$pid" ] || { echo "idle: the game did not start" >&2; exit 1; }
sleep 5 # let it load, compile its shaders and draw its first frames
hz=$(getconf CLK_TCK)
a=$(ticks "$pid")
sleep "$secs"
b=$(ticks "$pid")
kill "$pid" 2>/dev/null || true
wait "$runner" 2>/dev/null || true
rm -rf "$tmp"
python3 -c "import sys; t=($b-$a)/$hz; print(f'idle on the title screen: {t:.2f} CPU-seconds in $secs s = {100*t/$secs:.1f}% of one core')"
