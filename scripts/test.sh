#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up a fresh Debian 12 machine, builds Kartenwerk with its tests and runs them all (no display needed).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

kw_install_packages
kw_build ON

kw_log "Running the tests"
export QT_QPA_PLATFORM=offscreen
cd "$KW_BUILD_DIR"
ctest --output-on-failure -j "$KW_JOBS" "$@"
