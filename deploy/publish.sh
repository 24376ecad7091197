#!/usr/bin/env bash
# Builds GateEdge releases and their Debian packages: native (NativeAOT) executables that need
# no .NET on the box, start in a blink and cost a third of the memory (docs/performance.md).
#
#   deploy/publish.sh OUT_DIR [RID...]      (RIDs: linux-x64, linux-arm64; default both)
#   GATEEDGE_JIT=1 deploy/publish.sh …      self-contained JIT releases instead (no C toolchain needed)
#
# A native build needs clang and lld, and for linux-arm64 on an x64 machine Debian's cross
# packages: apt install clang lld zlib1g-dev gcc-aarch64-linux-gnu libc6-dev-arm64-cross
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
  rm -rf "${out:?}/$rid"
  if [ "${GATEEDGE_JIT:-0}" = 1 ]; then
    echo "publishing $rid, self-contained JIT (about a minute)..." >&2
    dotnet publish "$repo/src/GateEdge" -c Release -r "$rid" --self-contained \
      --artifacts-path "$out/.artifacts" -o "$out/$rid" -nologo -v quiet
  else
    native=(-p:PublishAot=true -p:CppCompilerAndLinker="$(command -v clang >/dev/null && echo clang || echo clang-14)")
    if [ "$rid" = linux-arm64 ] && [ "$(uname -m)" != aarch64 ]; then
      command -v aarch64-linux-gnu-objcopy >/dev/null || { echo "a native linux-arm64 build here needs: apt install lld gcc-aarch64-linux-gnu libc6-dev-arm64-cross (or GATEEDGE_JIT=1)" >&2; exit 1; }
      # No SysRoot: Debian's cross libc.so names absolute paths that lld would look for inside it.
      native+=(-p:LinkerFlavor=lld -p:ObjCopyName=aarch64-linux-gnu-objcopy)
    fi
    echo "publishing $rid, native (about four minutes)..." >&2
    dotnet publish "$repo/src/GateEdge" -c Release -r "$rid" "${native[@]}" \
      --artifacts-path "$out/.artifacts" -o "$out/$rid" -nologo -v quiet
    # Symbols stay beside the build, not in the package: 40 MB the box never needs.
    mkdir -p "$out/symbols/$rid" && mv "$out/$rid"/*.dbg "$out/symbols/$rid/" 2>/dev/null || true
  fi
  echo "$out/$rid"
  "$repo/deploy/debian/build-deb.sh" "$out/$rid" "$arch" "$out"
done
