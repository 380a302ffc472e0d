#!/usr/bin/env bash
# Installs the system packages the game needs on Debian/Ubuntu: the window system libraries
# Bevy links against, and Xvfb with software Vulkan for running the game without a display
# (tests, CI). With --tests it also installs and starts a PostgreSQL server for the
# shared-database tests (scripts/postgres.sh). Idempotent; uses sudo when not root.
set -euo pipefail

packages=(pkg-config libudev-dev libwayland-dev libxkbcommon-dev libasound2-dev
          xvfb xauth mesa-vulkan-drivers libvulkan1 xdotool)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    echo "setup: please install these packages with your system's package manager: ${missing[*]}" >&2
    exit 1
  fi
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ "${1:-}" = "--tests" ]; then
  # mold: a fast linker, which .ci/run uses for the many binaries that link the game.
  if ! command -v mold >/dev/null && command -v apt-get >/dev/null; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends mold >/dev/null ||
      echo "setup: mold is not available; tests link with the default linker (slower)" >&2
  fi
  bash "$(dirname "$0")/postgres.sh" >/dev/null
fi
