#!/usr/bin/env bash
# The service catalog: counts, compressed index size and Search latency.
# Generates the catalog first when engine/catalog/data is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -f engine/catalog/data/index.json ]; then
  if [ ! -f engine/catalog/npm/node_modules/aws-sdk/apis/metadata.json ]; then
    (cd engine/catalog/npm && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
  fi
  go run ./engine/catalog/gen
fi
go run ./bench/catalog "$@"
