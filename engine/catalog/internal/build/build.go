// Package build generates the catalog's JSON files from AWS's API models: the
// aws-sdk npm package's apis/metadata.json, apis/*.min.json (the newest API
// version of each service) and clients/*.d.ts (for shape names and enums),
// and, when a botocore installation is found, its service-2.json models for
// the errors of each operation and min/max constraints, which the min models
// leave out.
package build

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"

	"github.com/andybalholm/brotli"
	"github.com/aslstudio/aslstudio/engine/catalog"
)

// Options say where the models are and where the catalog goes.
type Options struct {
	// SDKDir is the aws-sdk package directory (with apis/ and clients/).
	SDKDir string
	// BotocoreDir is a botocore data directory; "" for none.
	BotocoreDir string
	// OutDir receives index.json, index.json.gz, index.json.br and services/.
	OutDir string
	// Source describes the models in index.json.
	Source string
	// Log receives warnings; nil for none.
	Log io.Writer
}

// Stats are the counts of a generated catalog.
type Stats struct {
	Services, Actions                   int // everything in the models
	SupportedServices, SupportedActions int // what Step Functions can call
	ServicesWithErrors                  int // services whose errors were found
	IndexBytes, IndexGzip, IndexBrotli  int
	ServiceBytes                        int64 // all service files together
}

// NotListed is why a service of the models that AWS's list of AWS SDK
// integrations lacks is unsupported.
const NotListed = "not in AWS's list of AWS SDK service integrations"

type metaEntry struct {
	Name   string `json:"name"`
	Prefix string `json:"prefix"`
}

type minModel struct {
	Metadata struct {
		APIVersion string `json:"apiVersion"`
		Protocol   string `json:"protocol"`
		ServiceID  string `json:"serviceId"`
		FullName   string `json:"serviceFullName"`
		Abbrev     string `json:"serviceAbbreviation"`
	} `json:"metadata"`
	Operations map[string]map[string]any `json:"operations"`
	Shapes     map[string]any            `json:"shapes"`
}

var reModelFile = regexp.MustCompile(`^(.+)-(\d{4}-\d{2}-\d{2})\.min\.json$`)

// Build reads the models and writes the catalog.
func Build(o Options) (*Stats, error) {
	logf := func(format string, a ...any) {
		if o.Log != nil {
			fmt.Fprintf(o.Log, format+"\n", a...)
		}
	}
	apis := filepath.Join(o.SDKDir, "apis")
	var meta map[string]metaEntry
	if err := readJSON(filepath.Join(apis, "metadata.json"), &meta); err != nil {
		return nil, fmt.Errorf("catalog build: %w", err)
	}
	newest := map[string]string{} // file prefix → newest model file
	entries, err := os.ReadDir(apis)
	if err != nil {
		return nil, fmt.Errorf("catalog build: %w", err)
	}
	for _, e := range entries {
		m := reModelFile.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		if cur, ok := newest[m[1]]; !ok || e.Name() > cur {
			newest[m[1]] = e.Name()
		}
	}
	var boto *botoIndex
	if o.BotocoreDir != "" {
		if boto, err = indexBotocore(o.BotocoreDir); err != nil {
			logf("botocore models not read: %v", err)
			boto = nil
		}
	}
	if err := os.MkdirAll(filepath.Join(o.OutDir, "services"), 0o755); err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(meta))
	for k := range meta {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	st := &Stats{}
	index := &catalog.IndexFile{Version: catalog.FormatVersion, Source: o.Source}
	seen := map[string]string{}
	docs := documented()
	for _, key := range keys {
		me := meta[key]
		prefix := me.Prefix
		if prefix == "" {
			prefix = key
		}
		file, ok := newest[prefix]
		if !ok {
			logf("%s: no model file %s-*.min.json", key, prefix)
			continue
		}
		var mm minModel
		if err := readJSON(filepath.Join(apis, file), &mm); err != nil {
			return nil, fmt.Errorf("catalog build: %s: %w", file, err)
		}
		sdkID := mm.Metadata.ServiceID
		if sdkID == "" {
			sdkID = me.Name
		}
		id := catalog.IntegrationServiceName(sdkID)
		if other, dup := seen[id]; dup {
			logf("%s: service name %q already used by %s; skipped", key, id, other)
			continue
		}
		seen[id] = key
		var d *dts
		if src, err := os.ReadFile(filepath.Join(o.SDKDir, "clients", key+".d.ts")); err == nil {
			d = parseDTS(src)
		} else {
			logf("%s: no clients/%s.d.ts: shapes keep the min model's names and have no enums", key, key)
		}
		bm := boto.find(sdkID, mm.Metadata.APIVersion)
		if bm != nil {
			st.ServicesWithErrors++
		}
		sf, entry := convertService(id, key, me, &mm, d, bm)
		entry.File = "services/" + id + ".json"
		if doc, ok := docs[id]; !ok {
			entry.Unsupported = NotListed
		} else {
			if doc.prefix != entry.ErrorPrefix {
				logf("%s: exception prefix %s from the model, %s in AWS's list: using AWS's", id, entry.ErrorPrefix, doc.prefix)
				entry.ErrorPrefix = doc.prefix
			}
			for name, a := range sf.Actions {
				if doc.unsupported[a.Operation] {
					a.Unsupported = true
					entry.Unavailable = append(entry.Unavailable, name)
				}
			}
		}
		for name, a := range sf.Actions {
			if a.Streaming && !a.Unsupported {
				a.Unsupported = true
				entry.Unavailable = append(entry.Unavailable, name)
			}
		}
		sort.Strings(entry.Unavailable)
		n, err := writeJSON(filepath.Join(o.OutDir, entry.File), sf)
		if err != nil {
			return nil, err
		}
		st.ServiceBytes += int64(n)
		index.Services = append(index.Services, entry)
		st.Services++
		st.Actions += len(entry.Actions)
		if entry.Unsupported == "" {
			st.SupportedServices++
			st.SupportedActions += len(entry.Actions) - len(entry.Unavailable)
		}
	}
	raw, err := json.Marshal(index)
	if err != nil {
		return nil, err
	}
	st.IndexBytes = len(raw)
	if err := os.WriteFile(filepath.Join(o.OutDir, "index.json"), raw, 0o644); err != nil {
		return nil, err
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(raw)
	zw.Close()
	st.IndexGzip = gz.Len()
	if err := os.WriteFile(filepath.Join(o.OutDir, "index.json.gz"), gz.Bytes(), 0o644); err != nil {
		return nil, err
	}
	var br bytes.Buffer
	bw := brotli.NewWriterLevel(&br, brotli.BestCompression)
	bw.Write(raw)
	bw.Close()
	st.IndexBrotli = br.Len()
	if err := os.WriteFile(filepath.Join(o.OutDir, "index.json.br"), br.Bytes(), 0o644); err != nil {
		return nil, err
	}
	return st, nil
}

func convertService(id, key string, me metaEntry, mm *minModel, d *dts, bm *botoModel) (*catalog.ServiceFile, *catalog.ServiceEntry) {
	sdkID := mm.Metadata.ServiceID
	if sdkID == "" {
		sdkID = me.Name
	}
	name := mm.Metadata.FullName
	if name == "" {
		name = me.Name
	}
	entry := &catalog.ServiceEntry{
		ID: id, Client: me.Name, SDKID: sdkID, Name: name,
		ErrorPrefix: catalog.JavaClientName(sdkID),
	}
	sf := &catalog.ServiceFile{ID: id, APIVersion: mm.Metadata.APIVersion, Protocol: mm.Metadata.Protocol, Actions: map[string]*catalog.Action{}}
	c := newConverter(mm.Shapes, d, bm)
	ops := make([]string, 0, len(mm.Operations))
	for op := range mm.Operations {
		ops = append(ops, op)
	}
	sort.Strings(ops)
	for _, op := range ops {
		def := mm.Operations[op]
		action := catalog.ActionName(op)
		var inExpr, outExpr string
		if d != nil {
			io := d.ops[action]
			inExpr, outExpr = io[0], io[1]
		}
		a := &catalog.Action{Operation: op, Deprecated: def["deprecated"] == true}
		if in := obj(def["input"]); in != nil {
			a.Input = c.shape(in, inExpr, 0)
			if c.hasEventStream(in) {
				a.Streaming = true
			}
		}
		if out := obj(def["output"]); out != nil {
			a.Output = c.shape(out, outExpr, 0)
			if c.hasEventStream(out) {
				a.Streaming = true
			}
		}
		if bm != nil {
			for _, e := range bm.Operations[op].Errors {
				a.Errors = append(a.Errors, e.Shape)
			}
		}
		sf.Actions[action] = a
		entry.Actions = append(entry.Actions, action)
	}
	sort.Strings(entry.Actions)
	sf.Shapes = c.out
	return sf, entry
}

func writeJSON(path string, v any) (int, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return 0, err
	}
	return len(b), os.WriteFile(path, b, 0o644)
}
