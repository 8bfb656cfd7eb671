#!/usr/bin/env bash
# Runs every libFuzzer target (or the ones named) for a bounded time each and prints executions per target.
#   Fuzz/run-fuzzers.sh                 # every target, 600 s each
#   SECONDS_PER_TARGET=60 Fuzz/run-fuzzers.sh html warc
#   JOBS=2 Fuzz/run-fuzzers.sh          # two targets at a time (this machine has two cores)
# Corpora grow in .build-fuzz/corpus/<target>; a crash, leak or timeout is saved in Fuzz/Findings/<target>/
# and the script exits 1. Replay a finding with: swift run claimtrack-fuzz <target> Fuzz/Findings/<target>/<file>
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${SECONDS_PER_TARGET:-600}
JOBS=${JOBS:-1}
BUILD=.build-fuzz

# SwiftPM links the executable with its own main; libFuzzer is reached through LLVMFuzzerRunDriver,
# which the binary must export for dlsym to find.
swift build -c release --product claimtrack-fuzz --build-path "$BUILD" \
    -Xswiftc -sanitize=fuzzer,address -Xlinker --export-dynamic-symbol=LLVMFuzzerRunDriver >&2
FUZZ="$BUILD/release/claimtrack-fuzz"

if [ $# -gt 0 ]; then targets=("$@"); else mapfile -t targets < <("$FUZZ" --list | cut -f1); fi
mkdir -p "$BUILD/logs"

run_target() {
    local target=$1 corpus="$BUILD/corpus/$1" seeds="$BUILD/seeds/$1" findings="Fuzz/Findings/$1"
    mkdir -p "$corpus" "$findings"
    "$FUZZ" --seeds "$target" "$seeds"
    # Swift's own backtracer would take the crash signal before libFuzzer could save the input.
    local status=0
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
        "$FUZZ" "$target" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
        -print_final_stats=1 -artifact_prefix="$findings/" "$corpus" "$seeds" >"$BUILD/logs/$target.log" 2>&1 || status=$?
    # Kept in a file: `wait` cannot always report a background job's status once `jobs` has reaped it.
    echo "$status" >"$BUILD/logs/$target.status"
}

status=0
names=()
for target in "${targets[@]}"; do
    rm -f "$BUILD/logs/$target.status"
    run_target "$target" & names+=("$target")
    while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do sleep 1; done
done
printf '%-22s %12s %10s %8s %s\n' target executions exec/s corpus result
wait
for target in "${names[@]}"; do
    if [ "$(cat "$BUILD/logs/$target.status" 2>/dev/null)" = 0 ]; then result=clean; else result="FINDING (see $BUILD/logs/$target.log)"; status=1; fi
    log="$BUILD/logs/$target.log"
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    corpus=$(ls "$BUILD/corpus/$target" | wc -l)
    printf '%-22s %12s %10s %8s %s\n' "$target" "$runs" "$speed" "$corpus" "$result"
done
exit $status
