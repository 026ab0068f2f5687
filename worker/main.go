//go:build js && wasm

// Command worker is the share service as a Cloudflare Worker
// (syumai/workers): the API of package designs over the KV namespace bound
// as DESIGNS, and the built app as the Worker's static assets
// (wrangler.toml), so a link it makes opens the app on the same host. The
// variable APP_URL, when set, is the app a link opens instead.
//
// Build and run it locally with `make worker-dev`.
package main

import (
	"context"
	"strings"

	"github.com/aslstudio/aslstudio/worker/designs"
	"github.com/syumai/workers"
	"github.com/syumai/workers/cloudflare"
	"github.com/syumai/workers/cloudflare/kv"
)

func main() {
	ns, err := kv.NewNamespace("DESIGNS")
	if err != nil {
		panic("the KV namespace DESIGNS is not bound (wrangler.toml): " + err.Error())
	}
	workers.Serve(designs.Handler(kvStore{ns}, cloudflare.Getenv("APP_URL")))
}

// kvStore is a designs.Store over a KV namespace, one key per design.
type kvStore struct{ ns *kv.Namespace }

// missing is what the KV binding's get gives for a key it does not hold.
const missing = "<null>"

func (s kvStore) Get(_ context.Context, id string) ([]byte, bool, error) {
	v, err := s.ns.GetString(id, nil)
	if err != nil {
		return nil, false, err
	}
	if v == missing || !strings.HasPrefix(v, "{") {
		return nil, false, nil
	}
	return []byte(v), true, nil
}

func (s kvStore) Put(_ context.Context, id string, data []byte) error {
	return s.ns.PutString(id, string(data), nil)
}
