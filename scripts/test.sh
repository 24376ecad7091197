#!/usr/bin/env bash
# Runs every GateEdge test: unit tests, devices over pseudo-terminals, and system tests with
# the real GateEdge, simulator and centre processes against a private mosquitto and PostgreSQL.
# Installs what they need from Debian's packages first when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# mosquitto and rabbitmq-server: the system tests start private brokers of both kinds;
# openssl: they make their own TLS certificates; chromium and fonts-noto-cjk: the status page is
# checked in a headless browser, in Chinese, for glyphs no font draws; postgresql: the reference centre's tests store into a private cluster;
# faketime: the fault tests step the gateway's wall clock; strace: one holds the journal's sync to
# stop the gateway between a commit and the relay; systemd: the unit
# file's hardening is scored with systemd-analyze; lintian: the Debian packages are held to Debian
# policy; clang, lld and the arm64 cross packages: the
# releases are built native for x64 and arm64 (deploy/publish.sh), and qemu-user runs the arm64
# one on Debian's arm64 libraries (the machine gains the arm64 architecture for them).
missing=()
{ command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ]; } || missing+=(mosquitto)
command -v mosquitto_sub >/dev/null 2>&1 || missing+=(mosquitto-clients)
[ -x /usr/sbin/rabbitmq-server ] || missing+=(rabbitmq-server)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
compgen -G "/usr/lib/*/faketime/libfaketime.so.1" >/dev/null || missing+=(faketime)
command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
command -v strace >/dev/null 2>&1 || missing+=(strace)
command -v lintian >/dev/null 2>&1 || missing+=(lintian)
{ command -v clang >/dev/null 2>&1 || command -v clang-14 >/dev/null 2>&1; } || missing+=(clang)
command -v ld.lld >/dev/null 2>&1 || missing+=(lld)
[ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
command -v aarch64-linux-gnu-objcopy >/dev/null 2>&1 || missing+=(gcc-aarch64-linux-gnu)
[ -d /usr/aarch64-linux-gnu/include ] || missing+=(libc6-dev-arm64-cross)
command -v qemu-aarch64-static >/dev/null 2>&1 || missing+=(qemu-user-static)
if [ ! -e /usr/lib/aarch64-linux-gnu/libssl.so.3 ]; then
  missing+=(libssl3:arm64)
  dpkg --print-foreign-architectures | grep -qx arm64 || { [ "$(id -u)" -eq 0 ] && dpkg --add-architecture arm64 || sudo dpkg --add-architecture arm64; }
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} for the system tests..."
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# Everything in the solution builds, the benchmarks too (dotnet test builds only what the tests need).
dotnet build GateEdge.sln -c Release -warnaserror -nologo -v:q || exit 1
# One test assembly at a time (-m:1): the system tests load both cores with gateways, brokers
# and simulators, and the unit tests' pty timing checks must not run beside them.
dotnet test GateEdge.sln -c Release -m:1 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test assemblies.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1) } }
     END { printf "tests: %d passed, %d failed\n", p, f }' "$log"
exit "$status"
