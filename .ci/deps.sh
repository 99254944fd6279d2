#!/usr/bin/env bash
# Installs the Debian packages clusterlens needs to build and test, if any are missing.
# Uses sudo when not root. Nothing is downloaded except Debian packages.
#   bash .ci/deps.sh          what the main job (examples/quickstart.sh) needs
#   bash .ci/deps.sh --test   and what only the tests need (tests/run_all.sh)
#   bash .ci/deps.sh --oracles  and what the oracle scripts need to recompute the committed
#                               expected values (tests/data/oracle/*.py, *.R; not run by CI)
set -euo pipefail
packages=(
  cmake g++ make pkg-config
  libigraph-dev libarpack2-dev libglpk-dev libplfit-dev libxml2-dev zlib1g-dev
  libgraphviz-dev graphviz fonts-liberation2
  libboost-program-options-dev libgtest-dev
  nlohmann-json3-dev libfmt-dev libtomlplusplus-dev
  liborcus-dev   # .xlsx/.ods workbooks
  clang-format
  python3-networkx python3-igraph   # peers for the interoperability test
)
if [ "${1:-}" = "--test" ]; then
  # tests/render/browser_figures.py: figures shown in headless Chromium and rsvg-convert,
  # screenshots read with Pillow.
  packages+=(chromium librsvg2-bin python3-pil)
  # tests/data/oracle/communities_oracle.py: leidenalg, the Leiden oracle (issue 13).
  packages+=(python3-leidenalg)
  # tests/fuzz: libFuzzer targets, built with clang and its fuzzer/sanitizer runtimes.
  packages+=(clang-14 libclang-rt-14-dev)
elif [ "${1:-}" = "--oracles" ]; then
  # NumPy/SciPy for the Python oracles; R with sna (Butts) for lm(), netlm(), gcor(), qaptest().
  packages+=(python3-numpy python3-scipy python3-leidenalg r-base-core r-cran-sna)
elif [ $# -gt 0 ]; then
  echo "usage: bash .ci/deps.sh [--test | --oracles]" >&2
  exit 2
fi
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  echo "clusterlens: installing missing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
