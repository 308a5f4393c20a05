#!/bin/sh
# The multi-core benchmark table: the commit's benchmarks, old (lock) against new (atomic),
# at GOMAXPROCS 1, 2, 4, 8 and the machine's cores, with Go's own runtime benchmarks of the
# same names beside them, the server benchmark at the machine's cores, and the pool
# comparison. One invocation, so that every ratio is of runs on the same machine in the
# same hour.
#
# usage: scripts/multicore.sh OUTDIR [GO_TEST_BINARY]
#   run from a built checkout (npm ci, or dist/ and node_modules/ copied in);
#   NODE names the node to use (default: node on the PATH);
#   GO_TEST_BINARY is Go's runtime test binary, built where Go is installed with
#   'go test -c -o runtime.test runtime' (without it the Go column is left out).
# Each step has a time bound of its own (timeout), so one that runs long leaves the
# others' results; the figures are written to OUTDIR as they come.
set -u
out=${1:?usage: scripts/multicore.sh OUTDIR [GO_TEST_BINARY]}
gotest=${2:-}
node=${NODE:-node}
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
  uname -srm
  grep -m1 'model name' /proc/cpuinfo
  echo "load: $(cat /proc/loadavg)"
} >"$out/machine.txt" 2>&1

gobench=''
if [ -n "$gotest" ]; then gobench="--go-test $gotest"; fi

# The commit's table: 4 benchmarks x each GOMAXPROCS x 2 protocols x 3 runs, 500 ms each.
# shellcheck disable=SC2086
timeout "${BENCH_BOUND:-360}" $node dist/src/cli.js bench --cpu "$cpus" --count 3 --benchtime 500ms \
  $gobench --out "$out/bench" >"$out/bench.txt" 2>"$out/bench.err"
echo "bench: exit $?" >>"$out/machine.txt"

# gosched against piscina and tinypool at GOMAXPROCS = cores.
timeout "${POOL_BOUND:-180}" $node dist/src/cli.js bench pool --out "$out/pool" >"$out/pool.txt" 2>"$out/pool.err"
echo "pool: exit $?" >>"$out/machine.txt"
echo "load after: $(cat /proc/loadavg)" >>"$out/machine.txt"
