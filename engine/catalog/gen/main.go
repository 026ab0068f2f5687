// Command gen generates the service catalog (engine/catalog/data) from the
// AWS API models of the pinned npm package aws-sdk (engine/catalog/npm:
// run `npm ci` there first) and prints its counts and the index size.
//
// Usage: go run ./engine/catalog/gen [-sdk DIR] [-botocore DIR|-botocore none] [-out DIR]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/aslstudio/aslstudio/engine/catalog/internal/build"
)

func main() {
	root := repoRoot()
	sdk := flag.String("sdk", filepath.Join(root, "engine/catalog/npm/node_modules/aws-sdk"), "the aws-sdk package directory")
	boto := flag.String("botocore", "", `a botocore data directory for errors and min/max constraints ("" finds one, "none" uses none)`)
	out := flag.String("out", filepath.Join(root, "engine/catalog/data"), "the output directory")
	flag.Parse()
	if _, err := os.Stat(filepath.Join(*sdk, "apis", "metadata.json")); err != nil {
		fmt.Fprintf(os.Stderr, "gen: %s has no apis/metadata.json: run `npm ci` in engine/catalog/npm first\n", *sdk)
		os.Exit(2)
	}
	bdir := *boto
	switch bdir {
	case "":
		bdir = build.FindBotocore()
	case "none":
		bdir = ""
	}
	version := "aws-sdk"
	var pkg struct {
		Version string `json:"version"`
	}
	if b, err := os.ReadFile(filepath.Join(*sdk, "package.json")); err == nil {
		if json.Unmarshal(b, &pkg) == nil {
			version += " " + pkg.Version
		}
	}
	if bdir != "" {
		version += " + botocore errors and constraints"
	}
	st, err := build.Build(build.Options{SDKDir: *sdk, BotocoreDir: bdir, OutDir: *out, Source: version, Log: os.Stderr})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Printf("catalog: %s → %s\n", version, *out)
	fmt.Printf("services: %d (%d callable through AWS SDK integrations)\n", st.Services, st.SupportedServices)
	fmt.Printf("actions: %d (%d callable)\n", st.Actions, st.SupportedActions)
	if bdir != "" {
		fmt.Printf("errors and min/max from %s for %d services\n", bdir, st.ServicesWithErrors)
	} else {
		fmt.Println("no botocore models found: actions have no error lists nor min/max constraints")
	}
	fmt.Printf("index: %d bytes, gzip %d bytes (%.1f KiB), brotli %d bytes (%.1f KiB)\n",
		st.IndexBytes, st.IndexGzip, float64(st.IndexGzip)/1024, st.IndexBrotli, float64(st.IndexBrotli)/1024)
	fmt.Printf("service files: %.1f MiB\n", float64(st.ServiceBytes)/(1<<20))
}

// repoRoot is the nearest directory above the working directory with go.mod.
func repoRoot() string {
	dir, _ := os.Getwd()
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		p := filepath.Dir(d)
		if p == d {
			return dir
		}
		d = p
	}
}
