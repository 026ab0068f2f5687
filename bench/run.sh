#!/usr/bin/env bash
# Runs every benchmark suite under bench/*/run.sh and prints their figures.
# Each suite measures ASL Studio and its named peers in the same run, so the
# ratios it prints hold on a noisy shared machine.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
for suite in bench/*/run.sh; do
  [ -f "$suite" ] || continue
  echo "== $(dirname "$suite")"
  bash "$suite" || { echo "FAILED: $suite"; status=1; }
done
exit $status
