#!/usr/bin/env bash
# Every GateEdge measurement in one command: micro-benchmarks of the codecs, rules and registry
# (BenchmarkDotNet), the registry's growth curve, end-to-end load runs by number of lanes, and a
# backlog drain against the raw MQTTnet baseline. Results (JSON, Markdown, SVG curves) go to
# bench/results/ (or the folder given); docs/performance.md quotes them.
#
#   bench/run.sh [OUT_DIR]
#
# Run it on an otherwise idle machine: the load runs measure latency, CPU and memory.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-bench/results}
if ! [ -x /usr/sbin/mosquitto ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq mosquitto >/dev/null
fi
dotnet build bench/GateEdge.Benchmarks -c Release -nologo -v quiet
harness=bench/GateEdge.Benchmarks/bin/Release/net10.0/GateEdge.Benchmarks.dll
dotnet "$harness" all --out "$out"
artifacts=$(mktemp -d)
trap 'rm -rf "$artifacts"' EXIT
dotnet "$harness" micro --filter '*' --job short --artifacts "$artifacts"
cat "$artifacts"/results/*-report-github.md > "$out/micro.md"
echo "micro-benchmarks in $out/micro.md"
