#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by scripts/demo.sh and scripts/test.sh: installs what is missing, configures and builds.
set -euo pipefail

KW_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KW_BUILD_DIR="${KW_BUILD_DIR:-$KW_ROOT/build}"
KW_JOBS="${KW_JOBS:-$(nproc)}"

# Everything the product, its tests and the demo need, all from Debian 12.
KW_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-svg-dev qt6-charts-dev libqt6opengl6-dev qt6-image-formats-plugins qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libgl-dev libgdal-dev gdal-bin libproj-dev proj-bin proj-data libgeos-dev zlib1g-dev
  poppler-utils librsvg2-bin xvfb xauth locales fonts-dejavu-core python3 python3-jsonschema
)

kw_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

kw_sudo() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

kw_install_packages() {
  local missing=()
  for p in "${KW_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    kw_log "Installing ${missing[*]}"
    kw_sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
    DEBIAN_FRONTEND=noninteractive kw_sudo apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${missing[@]}"
  fi
  # Tests run one case under a German locale; generate it once.
  if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
    kw_log "Generating the de_DE.UTF-8 locale"
    kw_sudo sed -i 's/^# *de_DE.UTF-8 UTF-8/de_DE.UTF-8 UTF-8/' /etc/locale.gen
    grep -q '^de_DE.UTF-8 UTF-8' /etc/locale.gen || echo 'de_DE.UTF-8 UTF-8' | kw_sudo tee -a /etc/locale.gen >/dev/null
    kw_sudo locale-gen >/dev/null
  fi
}

kw_build() {
  local tests="$1"
  kw_log "Configuring in $KW_BUILD_DIR"
  cmake -S "$KW_ROOT" -B "$KW_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKW_BUILD_TESTS="$tests" >/dev/null
  kw_log "Building with $KW_JOBS jobs"
  cmake --build "$KW_BUILD_DIR" -j "$KW_JOBS"
}
