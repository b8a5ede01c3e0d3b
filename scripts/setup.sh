#!/usr/bin/env bash
# Installs Parley's system dependencies from Debian packages, then configures and builds the
# Release tree in build/. Safe to run again; later runs only rebuild what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake pkg-config python3
  libcli11-dev nlohmann-json3-dev libpugixml-dev libgumbo-dev libutf8proc-dev
  libzstd-dev libxxhash-dev
  libgtest-dev libbenchmark-dev
  clang libclang-rt-14-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi

# Warnings are errors on the supported toolchain (Debian 12, g++ 12), as in scripts/test.sh, so
# that the test command reuses this build; elsewhere pass PARLEY_CMAKE_ARGS=-DPARLEY_WERROR=OFF.
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DPARLEY_WERROR=ON ${PARLEY_CMAKE_ARGS:-}
cmake --build build -j"$(nproc)"
