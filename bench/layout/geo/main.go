// Command geo lays out ASL definition files with engine/layout and prints,
// for each, the geometry and the native layout time, as JSON, for
// bench/layout/compare.mjs to score with the same metrics as dagre and ELK.
//
//	go run ./bench/layout/geo [-runs 3] -list FILE   (one definition path per line)
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/layout"
)

type result struct {
	File     string           `json:"file"`
	TimeMs   float64          `json:"timeMs"`
	MinMs    float64          `json:"minMs"`
	Error    string           `json:"error,omitempty"`
	Geometry *layout.Geometry `json:"geometry,omitempty"`
}

func main() {
	runs := flag.Int("runs", 3, "timed runs per definition (after one warm-up run)")
	list := flag.String("list", "", "file with one definition path per line")
	flag.Parse()
	files := flag.Args()
	if *list != "" {
		f, err := os.Open(*list)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if t := sc.Text(); t != "" {
				files = append(files, t)
			}
		}
		f.Close()
	}
	out := make([]result, 0, len(files))
	for _, f := range files {
		out = append(out, measure(f, *runs))
	}
	enc := json.NewEncoder(os.Stdout)
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func measure(file string, runs int) result {
	r := result{File: file}
	src, err := os.ReadFile(file)
	if err != nil {
		r.Error = err.Error()
		return r
	}
	v, err := asl.Parse(src)
	if err != nil {
		r.Error = err.Error()
		return r
	}
	def, err := asl.Decode(v)
	if err != nil {
		r.Error = err.Error()
		return r
	}
	r.Geometry = layout.Layout(def, layout.Options{}) // warm-up; its geometry is scored
	times := make([]float64, 0, runs)
	for i := 0; i < runs; i++ {
		t0 := time.Now()
		layout.Layout(def, layout.Options{})
		times = append(times, float64(time.Since(t0).Nanoseconds())/1e6)
	}
	if len(times) > 0 {
		sort.Float64s(times)
		r.MinMs = times[0]
		m := len(times) / 2
		r.TimeMs = times[m]
		if len(times)%2 == 0 {
			r.TimeMs = (times[m-1] + times[m]) / 2
		}
	}
	return r
}
