package catalog_test

import (
	"os"
	"testing"

	"github.com/aslstudio/aslstudio/engine/catalog"
)

func benchCatalog(b *testing.B) []byte {
	raw, err := os.ReadFile("data/index.json")
	if err != nil {
		b.Skip("no generated catalog in engine/catalog/data (make catalog)")
	}
	return raw
}

// BenchmarkSearch times one palette query over the generated catalog. Under
// GOOS=js GOARCH=wasm (go test -exec go_js_wasm_exec) it estimates the
// browser's cost per keystroke.
func BenchmarkSearch(b *testing.B) {
	c, err := catalog.LoadIndex(nil, benchCatalog(b))
	if err != nil {
		b.Fatal(err)
	}
	queries := []string{"put item dynamo", "p", "pu", "put", "start execution", "get", "list"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Search(queries[i%len(queries)], 20)
	}
}

// BenchmarkLoadIndex times decoding index.json and building the search index.
func BenchmarkLoadIndex(b *testing.B) {
	raw := benchCatalog(b)
	for i := 0; i < b.N; i++ {
		if _, err := catalog.LoadIndex(nil, raw); err != nil {
			b.Fatal(err)
		}
	}
}
