package layout

import (
	"testing"
)

func benchSynthetic(b *testing.B, n int) {
	def := syntheticDefinitions(b)[n]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Layout(def, Options{})
	}
}

// BenchmarkLayout50 … BenchmarkLayout1000 lay out the synthetic
// definitions of ../shared/bench/layout/synthetic.
func BenchmarkLayout50(b *testing.B)   { benchSynthetic(b, 50) }
func BenchmarkLayout200(b *testing.B)  { benchSynthetic(b, 200) }
func BenchmarkLayout500(b *testing.B)  { benchSynthetic(b, 500) }
func BenchmarkLayout1000(b *testing.B) { benchSynthetic(b, 1000) }
