#!/usr/bin/env bash
# prepare.sh OUT — writes OUT/go-app, a copy of the pinned go-app module
# whose server half (http.go: Handler; resource.go: ResourceProviders) is
# left out of GOOS=js builds, and OUT/wasm.mod + OUT/wasm.sum, go.mod and
# go.sum with a replace pointing there, for `go build -modfile OUT/wasm.mod`.
#
# Why: go-app's app package imports net/http for its Handler, and
# net/http's crypto/tls brings every TLS, X.509, ECDH and HPKE package
# initializer into app.wasm even though the browser never serves HTTP:
# about 1.7 MB raw, 0.33 MiB brotli (issue 6's goal is 2.5 MiB brotli).
# The copy comes from the module cache, checked against go.sum by
# `go mod download`; only the build constraints of two files change and
# one small file (http_wasm.go.in) adds what the browser half still names.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$(mkdir -p "$1" && cd "$1" && pwd)"
mod=github.com/maxence-charriere/go-app/v9
cd "$root"
version="$(go list -m -f '{{.Version}}' "$mod")"
if [ "$version" != "v9.8.0" ]; then
  echo "wasm/goapp/prepare.sh: go-app is $version, this patch is for v9.8.0: check http.go and resource.go again" >&2
  exit 1
fi
src="$(go mod download -json "$mod" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
rm -rf "$out/go-app"
mkdir -p "$out/go-app"
cp -r "$src/go.mod" "$src/LICENSE" "$src/pkg" "$out/go-app/"
chmod -R u+w "$out/go-app"
for f in http.go resource.go; do
  p="$out/go-app/pkg/app/$f"
  if grep -q '^//go:build' "$p"; then
    echo "wasm/goapp/prepare.sh: $f already has a build constraint" >&2
    exit 1
  fi
  { printf '//go:build !wasm\n\n'; cat "$p"; } > "$p.new" && mv "$p.new" "$p"
done
cp "$here/http_wasm.go.in" "$out/go-app/pkg/app/http_wasm.go"
{ cat go.mod; printf '\nreplace %s => %s\n' "$mod" "$out/go-app"; } > "$out/wasm.mod"
cp go.sum "$out/wasm.sum"
