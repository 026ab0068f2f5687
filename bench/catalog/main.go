// Command catalog measures the generated service catalog: its counts, the
// compressed size of its search index, the time to load the index, and the
// latency of Search per query (median and worst of many runs).
//
// Usage: go run ./bench/catalog [-dir engine/catalog/data] [-runs 200]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/aslstudio/aslstudio/engine/catalog"
)

var queries = []string{
	"put item dynamo",
	"put an item in DynamoDB",
	"p", "pu", "put", "put i", "put it", "put item", // typing, keystroke by keystroke
	"start execution",
	"invoke lambda",
	"send message",
	"s3 get object",
	"bedrock invoke model",
	"describe instances",
	"get",
	"list",
}

func main() {
	dir := flag.String("dir", "engine/catalog/data", "the generated catalog")
	runs := flag.Int("runs", 200, "runs per query")
	flag.Parse()
	t0 := time.Now()
	c, err := catalog.LoadDir(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench/catalog:", err, "(run `make catalog` first)")
		os.Exit(1)
	}
	load := time.Since(t0)
	// Decoding again from memory, as the browser does with the fetched
	// bytes: the median of several runs is less noisy than the first.
	raw, err := os.ReadFile(filepath.Join(*dir, "index.json"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench/catalog:", err)
		os.Exit(1)
	}
	decodes := make([]time.Duration, 15)
	for i := range decodes {
		t := time.Now()
		if _, err := catalog.LoadIndex(nil, raw); err != nil {
			fmt.Fprintln(os.Stderr, "bench/catalog:", err)
			os.Exit(1)
		}
		decodes[i] = time.Since(t)
	}
	sort.Slice(decodes, func(i, j int) bool { return decodes[i] < decodes[j] })
	callable, callableActions := 0, 0
	for _, s := range c.Services() {
		if s.Unsupported == "" {
			callable++
			callableActions += len(s.Actions)
		}
	}
	fmt.Printf("source: %s\n", c.Source())
	fmt.Printf("services: %d (%d offered as AWS SDK integrations)\n", len(c.Services()), callable)
	fmt.Printf("actions: %d (%d in offered services) + %d optimized integrations\n", c.ActionCount(), callableActions, len(catalog.OptimizedIntegrations))
	for _, f := range []string{"index.json", "index.json.gz", "index.json.br"} {
		if st, err := os.Stat(filepath.Join(*dir, f)); err == nil {
			fmt.Printf("%-14s %8d bytes (%6.1f KiB; goal compressed <= 300 KiB)\n", f, st.Size(), float64(st.Size())/1024)
		}
	}
	fmt.Printf("load index: %.1f ms from disk; decoding it from memory: median %.1f ms of %d\n", ms(load), ms(decodes[len(decodes)/2]), len(decodes))
	fmt.Println("search per query, in ms: first run (word scores not yet cached for new words), then median and max of the repeats")
	fmt.Printf("%-26s %9s %9s %9s  %s\n", "query", "first", "median", "max", "top result")
	var worst, worstFirst time.Duration
	for _, q := range queries {
		t1 := time.Now()
		c.Search(q, 20)
		first := time.Since(t1)
		if first > worstFirst {
			worstFirst = first
		}
		ds := make([]time.Duration, *runs)
		var top string
		for i := range ds {
			t := time.Now()
			res := c.Search(q, 20)
			ds[i] = time.Since(t)
			if len(res) > 0 {
				top = res[0].ID
			}
		}
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		med, max := ds[len(ds)/2], ds[len(ds)-1]
		if med > worst {
			worst = med
		}
		fmt.Printf("%-26q %9.3f %9.3f %9.3f  %s\n", q, ms(first), ms(med), ms(max), top)
	}
	fmt.Printf("slowest first search: %.3f ms, slowest median: %.3f ms (goal < 16 ms per keystroke)\n", ms(worstFirst), ms(worst))
}

func ms(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e6 }
