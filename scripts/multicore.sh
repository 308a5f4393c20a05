#!/bin/sh
# The multi-core benchmark tables: the commit's benchmarks, old (lock) against new (atomic),
# at GOMAXPROCS 1, 2, 4, 8 and the machine's cores, with Go's own runtime benchmarks of the
# same names beside them and the server benchmark at the machine's cores; the goroutine
# API's costs (gosched bench runtime) at the same GOMAXPROCS; and the pool comparison. One
# invocation, so that every ratio is of runs on the same machine in the same hour.
#
# usage: scripts/multicore.sh OUTDIR [GO_RUNTIME_TEST [GO_RTBENCH_TEST]]
#   run from a built checkout (npm ci, or dist/ and node_modules/ copied in);
#   NODE names the node to use (default: node on the PATH);
#   STEPS chooses the steps (default "bench runtime pool");
#   GO_RUNTIME_TEST is Go's runtime test binary, built where Go is installed with
#   'go test -c -o runtime.test runtime', and GO_RTBENCH_TEST the test binary of
#   src/rtbench/gobench.go.txt ('gosched bench runtime --help' says how to build it);
#   without them the Go columns are left out.
# Each step has a time bound of its own (timeout), so one that runs long leaves the
# others' results; the figures are written to OUTDIR as they come.
set -u
out=${1:?usage: scripts/multicore.sh OUTDIR [GO_RUNTIME_TEST [GO_RTBENCH_TEST]]}
goruntime=${2:-}
gortbench=${3:-}
node=${NODE:-node}
steps=${STEPS:-bench runtime pool}
mkdir -p "$out"

cores=$(nproc)
cpus=1
for c in 2 4 8 16 32 64; do
  if [ "$c" -lt "$cores" ]; then cpus="$cpus,$c"; fi
done
if [ "$cores" -gt 1 ]; then cpus="$cpus,$cores"; fi

{
  echo "date: $(date -u +%FT%TZ)"
  echo "node: $($node --version)"
  echo "cores: $cores"
  echo "cpus: $cpus"
  echo "steps: $steps"
  uname -srm
  grep -m1 'model name' /proc/cpuinfo
  echo "load: $(cat /proc/loadavg)"
} >"$out/machine.txt" 2>&1

for step in $steps; do
  case $step in
    bench)
      # 4 benchmarks x each GOMAXPROCS x 2 protocols x 3 runs, 500 ms each.
      # shellcheck disable=SC2086
      timeout "${BENCH_BOUND:-360}" $node dist/src/cli.js bench --cpu "$cpus" --count 3 --benchtime 500ms \
        ${goruntime:+--go-test "$goruntime"} --out "$out/bench" >"$out/bench.txt" 2>"$out/bench.err" ;;
    runtime)
      # 4 programs x each GOMAXPROCS x 2 protocols, 500 ms each.
      timeout "${RUNTIME_BOUND:-240}" $node dist/src/cli.js bench runtime --cpu "$cpus" --benchtime 500ms \
        ${gortbench:+--go-test "$gortbench"} >"$out/runtime.txt" 2>"$out/runtime.err" ;;
    pool)
      # gosched against piscina and tinypool at GOMAXPROCS = cores.
      timeout "${POOL_BOUND:-180}" $node dist/src/cli.js bench pool --out "$out/pool" >"$out/pool.txt" 2>"$out/pool.err" ;;
    *)
      echo "multicore.sh: unknown step '$step' (bench, runtime, pool)" >&2
      exit 2 ;;
  esac
  echo "$step: exit $?" >>"$out/machine.txt"
done
echo "load after: $(cat /proc/loadavg)" >>"$out/machine.txt"
