#!/usr/bin/env bash
# Builds self-contained GateEdge releases (no .NET needed on the box) and their Debian packages.
#
#   deploy/publish.sh OUT_DIR [RID...]      (RIDs: linux-x64, linux-arm64; default both)
#
# Each release lands in OUT_DIR/RID (for deploy/install.sh) and OUT_DIR/gateedge_VERSION_ARCH.deb
# (for dpkg -i). Intermediate files go below OUT_DIR too, so publishing never disturbs a build
# of the source tree.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 OUT_DIR [RID...]" >&2; exit 2; }
out=$(mkdir -p "$1" && cd "$1" && pwd); shift
rids=("$@")
[ ${#rids[@]} -gt 0 ] || rids=(linux-x64 linux-arm64)
repo=$(cd "$(dirname "$0")/.." && pwd)
for rid in "${rids[@]}"; do
  case "$rid" in
    linux-x64) arch=amd64 ;;
    linux-arm64) arch=arm64 ;;
    *) echo "unknown RID '$rid': linux-x64 or linux-arm64" >&2; exit 2 ;;
  esac
  echo "publishing $rid (about a minute)..." >&2
  dotnet publish "$repo/src/GateEdge" -c Release -r "$rid" --self-contained \
    --artifacts-path "$out/.artifacts" -o "$out/$rid" -nologo -v quiet
  echo "$out/$rid"
  "$repo/deploy/debian/build-deb.sh" "$out/$rid" "$arch" "$out"
done
