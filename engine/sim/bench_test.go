package sim

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/aslstudio/aslstudio/internal/corpus"
)

// loadWorkload reads a benchmark workload of bench/sim/workloads (the
// same files the bench/sim/run.sh peer comparison uses).
func loadWorkload(b *testing.B, name string) (def, input []byte, typ string) {
	root, err := corpus.Root()
	if err != nil {
		b.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(root, "bench", "sim", "workloads", name+".json"))
	if err != nil {
		b.Fatal(err)
	}
	var w struct {
		Type       string          `json:"type"`
		Definition json.RawMessage `json:"definition"`
		Input      json.RawMessage `json:"input"`
	}
	if err := json.Unmarshal(src, &w); err != nil {
		b.Fatal(err)
	}
	return w.Definition, w.Input, w.Type
}

func benchWorkload(b *testing.B, name string) {
	def, input, typ := loadWorkload(b, name)
	steps := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// As bench/sim/run.sh does, time Run only (not reading the input).
		b.StopTimer()
		ex, err := NewExecution(def, input, Options{Type: typ, NoHistory: true})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if st := ex.Run(); st != StatusSucceeded {
			b.Fatalf("%s: %s %s", st, ex.Error(), ex.Cause())
		}
		steps += ex.steps
	}
	b.ReportMetric(float64(steps)/b.Elapsed().Seconds(), "transitions/s")
}

// BenchmarkLoop: a Pass/Choice loop of 20,000 iterations (EXPRESS).
func BenchmarkLoop(b *testing.B) { benchWorkload(b, "loop") }

// BenchmarkMap: a Map over 1,000 items with 3 states each.
func BenchmarkMap(b *testing.B) { benchWorkload(b, "map") }

// BenchmarkJSONata: a JSONata-heavy loop of 2,000 iterations.
func BenchmarkJSONata(b *testing.B) { benchWorkload(b, "jsonata") }

// BenchmarkLoopHistory is BenchmarkLoop keeping the full history.
func BenchmarkLoopHistory(b *testing.B) {
	def, input, typ := loadWorkload(b, "loop")
	for i := 0; i < b.N; i++ {
		ex, _ := NewExecution(def, input, Options{Type: typ})
		ex.Run()
	}
}
