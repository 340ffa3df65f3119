#!/usr/bin/env bash
# Coverage-guided fuzzing of the decoders and parsers with AFL++ and SharpFuzz.
#   fuzz/run.sh [seconds-per-target] [target...]     (default: 300 seconds, every target)
# Builds the Fuzz project in Release, instruments the product assemblies, runs afl-fuzz on each target
# for the given time from fuzz/corpus/<target>/, prints executions, corpus, crashes and hangs per target,
# and copies crashing and hanging inputs to fuzz/findings/<target>/<run>/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-300}"
shift || true

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DEBIAN_FRONTEND=noninteractive
out="${FUZZ_OUT:-fuzz/.out}"   # two runs at once need two of these
tools=fuzz/.tools
mkdir -p "$out" "$tools" fuzz/findings

if ! command -v afl-fuzz >/dev/null; then
  echo "installing afl++"
  apt-get update -qq >/dev/null
  apt-get install -y -qq afl++ >/dev/null
fi

if [ ! -x "$tools/sharpfuzz" ]; then
  echo "installing the sharpfuzz tool"
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null
fi

bin="$out/bin"
rm -rf "$bin"
echo "building"
dotnet publish Fuzz/Fuzz.csproj -c Release -o "$bin" --nologo -v quiet >/dev/null
for assembly in Ssh Grammar Engine Emulator; do
  "$tools/sharpfuzz" "$bin/VirtualFirewall.$assembly.dll" >/dev/null
done

if [ "$#" -eq 0 ]; then
  mapfile -t targets < <(dotnet "$bin/VirtualFirewall.Fuzz.dll" list)
else
  targets=("$@")
fi

# dotnet is not an afl-instrumented binary (SharpFuzz instruments the assemblies), the CPU governor
# and core pinning are not ours to set on a shared machine, and a crash is a .NET exception, not a signal.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_NO_UI=1 \
  AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_AUTORESUME=1

stat() { grep -E "^$2 +:" "$1" | sed 's/.*: *//'; }

rows=()
started=$(date -u +%Y%m%dT%H%M%SZ)   # afl numbers its findings from 0 at every run: one folder per run
for target in "${targets[@]}"; do
  findings="$out/afl/$target"
  mkdir -p "$findings"
  echo "fuzzing $target for $seconds s"
  afl-fuzz -i "fuzz/corpus/$target" -o "$findings" -t 5000 -m none -V "$seconds" \
    -- dotnet "$bin/VirtualFirewall.Fuzz.dll" "$target" >"$findings/afl.log" 2>&1 || {
    echo "afl-fuzz failed on $target; the end of its log:"
    tail -20 "$findings/afl.log"
    rows+=("$(printf '%-20s %12s %8s %8s %8s' "$target" failed - - -)")
    continue
  }
  stats="$findings/default/fuzzer_stats"
  for kind in crashes hangs; do
    if compgen -G "$findings/default/$kind/id:*" >/dev/null; then
      mkdir -p "fuzz/findings/$target/$started/$kind"
      cp "$findings"/default/"$kind"/id:* "fuzz/findings/$target/$started/$kind/"
    fi
  done
  rows+=("$(printf '%-20s %12s %8s %8s %8s %8s' "$target" "$(stat "$stats" execs_done)" "$(stat "$stats" corpus_count)" \
    "$(stat "$stats" saved_crashes)" "$(stat "$stats" saved_hangs)" "$(stat "$stats" run_time)")")
done

printf '\n%-20s %12s %8s %8s %8s %8s\n' target executions corpus crashes hangs seconds
printf '%s\n' "${rows[@]}"
echo "crashing inputs: fuzz/findings/<target>/$started/; replay one (uninstrumented): dotnet run --project Fuzz -c Release -- run <target> <file>"
