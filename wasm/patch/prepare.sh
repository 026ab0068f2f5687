#!/usr/bin/env bash
# prepare.sh OUT — writes patched copies of three pinned modules for the
# GOOS=js build of app.wasm, and OUT/wasm.mod + OUT/wasm.sum (go.mod and
# go.sum with replace directives pointing at them), for
# `go build -modfile OUT/wasm.mod`. The native command and every test use
# the modules as they are.
#
# - OUT/go-app: go-app's server half (http.go: Handler; resource.go:
#   ResourceProviders) is left out of GOOS=js builds. go-app's app package
#   imports net/http for its Handler, and net/http's crypto/tls brings every
#   TLS, X.509, ECDH and HPKE package initializer into app.wasm although the
#   browser never serves HTTP: about 1.7 MB raw, 0.33 MiB brotli. One small
#   file (http_wasm.go.in) adds what the browser half still names.
# - OUT/jsonata-go and OUT/yaml: their package-level regular expressions
#   compile on first use (lazy_regexp.go.in), and jsonata-go's table of
#   built-in functions is built on first use (lazy_env.go.in), instead of
#   at package initialization. A page cannot be used before every package
#   has initialized, and on a first visit the browser compiles each function
#   as it first runs and optimizes the ones that run long: these
#   initializers cost 0.4-0.7 s of a first visit on 2 cores (bench/web, one
#   build against the other in the same run), for JSONata and YAML that a
#   user may never need on that visit.
#
# The copies come from the module cache, checked against go.sum by
# `go mod download`. Each patch is for one version and says so when the
# version changes; each edit checks that it applied.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$(mkdir -p "$1" && cd "$1" && pwd)"
cd "$root"

fail() { echo "wasm/patch/prepare.sh: $*" >&2; exit 1; }

# copy MODULE VERSION NAME [PATH...]: OUT/NAME is a writable copy of
# MODULE (only its PATHs when given), which must be required at VERSION;
# adds its replace directive to OUT/replaces.
copy() {
  local mod="$1" want="$2" name="$3" version src p
  shift 3
  version="$(go list -m -f '{{.Version}}' "$mod")"
  [ "$version" = "$want" ] || fail "$mod is $version, the patch is for $want: check it again"
  src="$(go mod download -json "$mod" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [ -n "$src" ] || fail "$mod: go mod download gave no directory"
  rm -rf "${out:?}/$name"
  if [ $# -eq 0 ]; then
    cp -r "$src" "$out/$name"
  else
    mkdir -p "$out/$name"
    for p in "$@"; do cp -r "$src/$p" "$out/$name/"; done
  fi
  chmod -R u+w "$out/$name"
  printf 'replace %s => %s\n' "$mod" "$out/$name" >> "$out/replaces"
}

# lazy_regexps FILE...: each `var NAME = regexp.MustCompile(` at the top
# level of FILE compiles on first use; the file's package gets
# lazy_regexp.go (its package name taken from FILE).
lazy_regexps() {
  local f dir pkg
  for f in "$@"; do
    grep -Eq '^var [A-Za-z0-9_]+ = regexp\.MustCompile\(' "$f" || fail "$f: no package-level regexp.MustCompile left to patch"
    sed -i -E 's/^(var [A-Za-z0-9_]+ = )regexp\.MustCompile\(/\1newLazyRegexp(regexp.MustCompile, /' "$f"
    dir="$(dirname "$f")"
    pkg="$(sed -n 's/^package \([a-z0-9_]*\)$/\1/p' "$f" | head -1)"
    [ -f "$dir/lazy_regexp.go" ] || sed "s/^package PKG$/package $pkg/" "$here/lazy_regexp.go.in" > "$dir/lazy_regexp.go"
  done
}

rm -f "$out/replaces"

# go-app
copy github.com/maxence-charriere/go-app/v9 v9.8.0 go-app go.mod go.sum LICENSE pkg
for f in http.go resource.go; do
  p="$out/go-app/pkg/app/$f"
  grep -q '^//go:build' "$p" && fail "$f already has a build constraint"
  { printf '//go:build !wasm\n\n'; cat "$p"; } > "$p.new" && mv "$p.new" "$p"
done
cp "$here/http_wasm.go.in" "$out/go-app/pkg/app/http_wasm.go"
# engine.go marks a dispatch's component for update only after running the
# dispatched function, which undid any ctx.PreventUpdate the function made:
# every autosave re-rendered the whole studio (tens of milliseconds on a
# large workflow). The component is now marked first, so that the function
# can unmark it, and marked again when an earlier dispatch of the same
# frame had asked for an update: a PreventUpdate cancels its own dispatch's
# update only. Its mark is then removed: left in place, it kept every later
# event handler (engine.Emit) from updating the component.
# prevent_update_test.go.in checks it (make wasm-patch-test).
e="$out/go-app/pkg/app/engine.go"
awk '
  /^\tcase Update:$/ { print; getline a; getline b
    if (a == "\t\td.do()" && b == "\t\te.addComponentUpdate(getComponent(d.Source))") {
      print "\t\tc := getComponent(d.Source) // aslstudio: wasm/patch/prepare.sh"
      print "\t\tpending := e.componentUpdates[c]"
      print "\t\te.addComponentUpdate(c)"
      print a
      print "\t\tif canUpdate, ok := e.componentUpdates[c]; ok && !canUpdate {"
      print "\t\t\t// Prevented: no render for d, and no mark left behind to"
      print "\t\t\t// hold back the next event handler'"'"'s update (Emit)."
      print "\t\t\te.removeComponentUpdate(c)"
      print "\t\t}"
      print "\t\tif pending {"
      print "\t\t\te.addComponentUpdate(c)"
      print "\t\t}"
      n++; next }
    print a; print b; next }
  { print }
  END { if (n != 1) exit 1 }
' "$e" > "$e.new" || fail "go-app engine.go: handleDispatch no longer runs d.do() then addComponentUpdate"
mv "$e.new" "$e"
# engine.Emit (every event handler) had the same flaw the other way round: a
# handler that called PreventUpdate left its mark, and every later handler
# of the component, in that frame or any after it until a dispatch, then
# updated nothing. emit.go.in takes the mark off around the handler, as
# handleDispatch does above. The upstream function is checked by its hash.
emit_sum="$(awk '/^func \(e \*engine\) Emit\(src UI, fn func\(\)\) \{$/{on=1} on{print} on&&/^}$/{exit}' "$e" | sha256sum | cut -d' ' -f1)"
[ "$emit_sum" = 7cffa7712582a3b08d640c124d421bcfaa676226c702a6f57541a99670872d56 ] || fail "go-app engine.go: Emit is not the v9.8.0 function emit.go.in replaces"
awk -v repl="$here/emit.go.in" '
  /^func \(e \*engine\) Emit\(src UI, fn func\(\)\) \{$/ { while ((getline l < repl) > 0) print l; skip = 1; next }
  skip { if ($0 == "}") skip = 0; next }
  { print }
' "$e" > "$e.new"
mv "$e.new" "$e"
cp "$here/prevent_update_test.go.in" "$out/go-app/pkg/app/aslstudio_prevent_update_test.go"
# attribute.go trims every attribute's value, "value" included: a text
# area's or an input's text (Textarea().Text, Input().Value) lost its
# leading and trailing whitespace, e.g. a mocks file its final newline, and
# an edit wrote the trimmed text back. A value is now kept as given.
a="$out/go-app/pkg/app/attribute.go"
awk '
  /^\tdefault:$/ { getline next_line
    if (next_line == "\t\ta[name] = toAttributeValue(value)") {
      print "\tcase \"value\": // aslstudio: wasm/patch/prepare.sh"
      print "\t\ta[name] = toString(value)"
      print ""
      n++
    }
    print; print next_line; next }
  { print }
  END { if (n != 1) exit 1 }
' "$a" > "$a.new" || fail "go-app attribute.go: attributes.Set no longer ends with default: a[name] = toAttributeValue(value)"
mv "$a.new" "$a"
cp "$here/attribute_value_test.go.in" "$out/go-app/pkg/app/aslstudio_attribute_value_test.go"

# YAML
copy go.yaml.in/yaml/v3 v3.0.6 yaml
lazy_regexps "$out/yaml/encode.go" "$out/yaml/resolve.go"

# jsonata-go
copy github.com/blues/jsonata-go v1.5.4 jsonata-go
j="$out/jsonata-go"
lazy_regexps "$j/error.go" "$j/jparse/error.go" "$j/jlib/date.go" "$j/jlib/number.go" "$j/jlib/string.go" "$j/jlib/jxpath/formatdate.go"
# var baseEnv = initBaseEnv(map[string]Extension{ ... }) becomes
# var baseEnv = lazyEnvironment(func() *environment { return initBaseEnv(...) }),
# and its one use, newEnvironment(baseEnv, ...), calls it.
awk '
  /^var baseEnv = initBaseEnv\(map\[string\]Extension\{$/ { print "var baseEnv = lazyEnvironment(func() *environment { return initBaseEnv(map[string]Extension{"; open = 1; n++; next }
  open && /^}\)$/ { print "}) })"; open = 0; next }
  { print }
  END { if (n != 1 || open) exit 1 }
' "$j/env.go" > "$j/env.go.new" || fail "jsonata-go env.go: baseEnv is no longer initBaseEnv(map[string]Extension{...})"
mv "$j/env.go.new" "$j/env.go"
[ "$(grep -c 'newEnvironment(baseEnv, ' "$j/jsonata.go")" = 1 ] || fail "jsonata-go jsonata.go: baseEnv is no longer used once, as newEnvironment(baseEnv, ...)"
sed -i 's/newEnvironment(baseEnv, /newEnvironment(baseEnv(), /' "$j/jsonata.go"
cat "$here/lazy_env.go.in" >> "$j/lazy_regexp.go"

{ cat go.mod; printf '\n'; cat "$out/replaces"; } > "$out/wasm.mod"
rm "$out/replaces"
cp go.sum "$out/wasm.sum"
