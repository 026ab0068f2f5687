// Command wasm runs the simulator benchmark workloads (bench/sim/workloads)
// and prints, per workload, the state transitions per second of
// Execution.Run. It is built natively and for GOOS=js GOARCH=wasm (run
// under Node with Go's wasm_exec.js), so both figures come from the same
// code.
//
//	usage: wasm [-runs N] WORKLOAD.json...
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/aslstudio/aslstudio/engine/sim"
)

type workload struct {
	Name       string          `json:"name"`
	Type       string          `json:"type"`
	Definition json.RawMessage `json:"definition"`
	Input      json.RawMessage `json:"input"`
}

func main() {
	runs := flag.Int("runs", 5, "timed runs per workload (after one warm-up)")
	verbose := flag.Bool("v", false, "print every run's time to stderr")
	flag.Parse()
	for _, path := range flag.Args() {
		src, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		var w workload
		if err := json.Unmarshal(src, &w); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", path, err)
			os.Exit(2)
		}
		var best, total time.Duration
		var setup time.Duration
		steps := 0
		for i := 0; i <= *runs; i++ {
			t0 := time.Now()
			ex, err := sim.NewExecution(w.Definition, w.Input, sim.Options{Type: w.Type, NoHistory: true})
			if err != nil {
				fmt.Fprintf(os.Stderr, "%s: %v\n", path, err)
				os.Exit(2)
			}
			t1 := time.Now()
			if st := ex.Run(); st != sim.StatusSucceeded {
				fmt.Fprintf(os.Stderr, "%s: %s %s %s\n", path, st, ex.Error(), ex.Cause())
				os.Exit(1)
			}
			d := time.Since(t1)
			if *verbose {
				fmt.Fprintf(os.Stderr, "%s run %d: %v\n", w.Name, i, d)
			}
			steps = ex.Snapshot().Transitions
			if i == 0 {
				continue // warm-up
			}
			setup += t1.Sub(t0)
			total += d
			if best == 0 || d < best {
				best = d
			}
		}
		mean := total / time.Duration(*runs)
		out, _ := json.Marshal(map[string]any{
			"workload":    w.Name,
			"transitions": steps,
			"run_ms":      float64(mean.Microseconds()) / 1000,
			"best_ms":     float64(best.Microseconds()) / 1000,
			"setup_ms":    float64((setup / time.Duration(*runs)).Microseconds()) / 1000,
			"tps":         float64(steps) / mean.Seconds(),
		})
		fmt.Println(string(out))
	}
}
