package catalog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"sync"
)

// Catalog is a loaded catalog: the index of every service and action, and
// the service files read so far. It is safe for concurrent use.
type Catalog struct {
	fsys     fs.FS
	index    *IndexFile
	services map[string]*ServiceEntry // by ID
	search   *searchIndex

	mu     sync.Mutex
	loaded map[string]*ServiceFile
}

// LoadDir loads the catalog in a directory (e.g. engine/catalog/data).
func LoadDir(dir string) (*Catalog, error) {
	return Load(os.DirFS(dir))
}

// Load reads index.json from fsys; service files are read on first use.
func Load(fsys fs.FS) (*Catalog, error) {
	b, err := fs.ReadFile(fsys, "index.json")
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	return LoadIndex(fsys, b)
}

// LoadIndex builds a catalog from the content of index.json; service files
// are read from fsys on first use (fsys may be nil when they are added with
// AddService, as the web app does after fetching them).
func LoadIndex(fsys fs.FS, indexJSON []byte) (*Catalog, error) {
	idx, err := decodeIndex(indexJSON)
	if err != nil {
		return nil, fmt.Errorf("catalog: index.json: %w", err)
	}
	c := &Catalog{fsys: fsys, index: idx, services: make(map[string]*ServiceEntry, len(idx.Services)), loaded: map[string]*ServiceFile{}}
	for _, s := range idx.Services {
		c.services[s.ID] = s
	}
	c.search = newSearchIndex(c)
	return c, nil
}

// decodeIndex decodes index.json: format version 2, or version 1 (the
// action names as lists of strings).
func decodeIndex(b []byte) (*IndexFile, error) {
	if idx, ok := decodeIndexFast(string(b)); ok {
		return idx, nil
	}
	var head struct {
		Version int `json:"version"`
	}
	// The version is the first field the generator writes; a file without
	// it there is decoded in full to find it.
	if i := bytes.IndexByte(b, ','); i > 0 {
		json.Unmarshal(append(b[:i:i], '}'), &head)
	}
	if head.Version == 0 {
		if err := json.Unmarshal(b, &head); err != nil {
			return nil, err
		}
	}
	switch head.Version {
	case FormatVersion:
		var w struct {
			Version  int           `json:"version"`
			Source   string        `json:"source"`
			Services []serviceWire `json:"services"`
		}
		if err := json.Unmarshal(b, &w); err != nil {
			return nil, err
		}
		idx := &IndexFile{Version: w.Version, Source: w.Source, Services: make([]*ServiceEntry, len(w.Services))}
		for i := range w.Services {
			idx.Services[i] = w.Services[i].entry()
		}
		return idx, nil
	case 1:
		var v1 struct {
			Version  int    `json:"version"`
			Source   string `json:"source"`
			Services []struct {
				serviceWire
				Actions     []string `json:"actions"`
				Unavailable []string `json:"unavailable,omitempty"`
			} `json:"services"`
		}
		if err := json.Unmarshal(b, &v1); err != nil {
			return nil, err
		}
		idx := &IndexFile{Version: v1.Version, Source: v1.Source, Services: make([]*ServiceEntry, len(v1.Services))}
		for i, s := range v1.Services {
			e := s.serviceWire.entry()
			e.Actions, e.Unavailable = s.Actions, s.Unavailable
			idx.Services[i] = e
		}
		return idx, nil
	}
	return nil, fmt.Errorf("format version %d, want %d (regenerate it)", head.Version, FormatVersion)
}

// Source describes the models the catalog was generated from.
func (c *Catalog) Source() string { return c.index.Source }

// Services lists every service of the index, sorted by ID.
func (c *Catalog) Services() []*ServiceEntry {
	out := append([]*ServiceEntry(nil), c.index.Services...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Service returns a service of the index by its integration name ("dynamodb").
func (c *Catalog) Service(id string) (*ServiceEntry, bool) {
	s, ok := c.services[id]
	return s, ok
}

// ActionCount is the number of actions in the index.
func (c *Catalog) ActionCount() int {
	n := 0
	for _, s := range c.index.Services {
		n += len(s.Actions)
	}
	return n
}

// AddService adds the content of a service file fetched by other means.
func (c *Catalog) AddService(id string, data []byte) error {
	var sf ServiceFile
	if err := json.Unmarshal(data, &sf); err != nil {
		return fmt.Errorf("catalog: services/%s.json: %w", id, err)
	}
	c.mu.Lock()
	c.loaded[id] = &sf
	c.mu.Unlock()
	return nil
}

// ServiceFile returns the shapes of a service, reading its file on first use.
func (c *Catalog) ServiceFile(id string) (*ServiceFile, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if sf, ok := c.loaded[id]; ok {
		return sf, nil
	}
	entry, ok := c.services[id]
	if !ok {
		return nil, fmt.Errorf("catalog: unknown service %q", id)
	}
	if c.fsys == nil {
		return nil, fmt.Errorf("catalog: %s not loaded", entry.File)
	}
	b, err := fs.ReadFile(c.fsys, entry.File)
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	var sf ServiceFile
	if err := json.Unmarshal(b, &sf); err != nil {
		return nil, fmt.Errorf("catalog: %s: %w", entry.File, err)
	}
	c.loaded[id] = &sf
	return &sf, nil
}

// ActionInfo is an action resolved from an identifier or a Resource ARN.
type ActionInfo struct {
	// ID is the catalog identifier: "aws-sdk:dynamodb:putItem" or, for an
	// optimized integration, "dynamodb:putItem".
	ID string
	// Resource is the Task resource without a pattern suffix.
	Resource string
	// Pattern is the integration pattern suffix of the resource asked for
	// ("", ".sync", ".sync:2", ".waitForTaskToken").
	Pattern string
	// Service and Name are the AWS SDK service and action whose shapes
	// apply (for an optimized integration, the SDK action it maps to).
	Service string
	Name    string
	// Optimized is the curated entry of an optimized integration, or nil.
	Optimized *Optimized
	// Action holds the shapes and errors; nil when only the optimized
	// table knows the action (e.g. http:invoke).
	Action *Action
	// Output is the shape of the task's result: the action's output, or
	// for a .sync pattern the output of the action that describes the job.
	Output *Shape
	// Shapes resolves Shape.Ref.
	Shapes map[string]*Shape
	// ErrorPrefix is the prefix of the errors the integration reports.
	ErrorPrefix string
	// Unavailable says why Step Functions cannot call the action ("" when
	// it can): the service or the action is not supported.
	Unavailable string
}

// ResourcePrefix is what every Step Functions service integration resource
// starts with.
const ResourcePrefix = "arn:aws:states:::"

// splitResource turns "arn:aws:states:::aws-sdk:s3:getObject.waitForTaskToken"
// or "aws-sdk:s3:getObject" into the id and the pattern suffix.
func splitResource(s string) (id, pattern string) {
	s = strings.TrimPrefix(s, ResourcePrefix)
	for _, p := range []string{".waitForTaskToken", ".sync:2", ".sync"} {
		if strings.HasSuffix(s, p) {
			return strings.TrimSuffix(s, p), p
		}
	}
	return s, ""
}

// Lookup resolves an action identifier or a Task's Resource ARN.
func (c *Catalog) Lookup(action string) (*ActionInfo, error) {
	id, pattern := splitResource(action)
	info := &ActionInfo{ID: id, Resource: ResourcePrefix + id, Pattern: pattern}
	if rest, ok := strings.CutPrefix(id, "aws-sdk:"); ok {
		svc, name, ok := strings.Cut(rest, ":")
		if !ok {
			return nil, fmt.Errorf("catalog: %q: want aws-sdk:SERVICE:ACTION", action)
		}
		info.Service, info.Name = svc, name
		entry, ok := c.services[svc]
		if !ok {
			return nil, fmt.Errorf("catalog: %q: unknown AWS SDK service %q", action, svc)
		}
		info.ErrorPrefix = entry.ErrorPrefix
		if entry.Unsupported != "" {
			info.Unavailable = entry.Name + ": " + entry.Unsupported
		}
	} else {
		o := FindOptimized(id)
		if o == nil {
			return nil, fmt.Errorf("catalog: %q: not an AWS SDK integration (aws-sdk:SERVICE:ACTION) nor a known optimized integration", action)
		}
		info.Optimized = o
		info.ErrorPrefix = o.ErrorPrefix
		info.Service, info.Name = o.SDKService, o.SDKAction
		if info.Service == "" {
			return info, nil
		}
	}
	sf, err := c.ServiceFile(info.Service)
	if err != nil {
		return nil, err
	}
	a, ok := sf.Actions[info.Name]
	if !ok {
		return nil, fmt.Errorf("catalog: %q: %s has no action %q", action, info.Service, info.Name)
	}
	info.Action, info.Shapes, info.Output = a, sf.Shapes, a.Output
	if a.Unsupported && info.Unavailable == "" && info.Optimized == nil {
		info.Unavailable = "Step Functions does not support " + a.Operation + " as an AWS SDK integration"
	}
	if o := info.Optimized; o != nil && o.SyncSDKAction != "" && (pattern == RunJob || pattern == RunJobJSONOutput) {
		if sa, ok := sf.Actions[o.SyncSDKAction]; ok {
			info.Output = sa.Output
		}
	}
	return info, nil
}

// resolve follows a shape reference.
func resolve(s *Shape, shapes map[string]*Shape) *Shape {
	for i := 0; s != nil && s.Ref != "" && i < 8; i++ {
		s = shapes[s.Ref]
	}
	return s
}

// ServiceFor names the service file an action's shapes are in ("" for an
// optimized integration with no SDK action), and whether it is loaded, so
// that a caller without a file system (the web app) can fetch it and hand it
// to AddService before calling Skeleton, CheckParameters and the others.
func (c *Catalog) ServiceFor(action string) (id, file string, loaded bool, err error) {
	rid, _ := splitResource(action)
	if rest, ok := strings.CutPrefix(rid, "aws-sdk:"); ok {
		id, _, _ = strings.Cut(rest, ":")
	} else if o := FindOptimized(rid); o != nil {
		id = o.SDKService
	} else {
		return "", "", false, fmt.Errorf("catalog: %q: not an AWS SDK integration nor a known optimized integration", action)
	}
	if id == "" {
		return "", "", true, nil
	}
	entry, ok := c.services[id]
	if !ok {
		return "", "", false, fmt.Errorf("catalog: %q: unknown AWS SDK service %q", action, id)
	}
	c.mu.Lock()
	_, loaded = c.loaded[id]
	c.mu.Unlock()
	return id, entry.File, loaded, nil
}

// jsonOutput lists the top-level output members that hold any JSON where the
// SDK's hold a string or blob: lambda:invoke's Payload, and a
// states:startExecution.sync:2 execution's Output.
func (info *ActionInfo) jsonOutput() []string {
	if info.Optimized == nil {
		return nil
	}
	out := info.Optimized.JSONOutput
	if info.Pattern == RunJobJSONOutput {
		out = append(append([]string(nil), out...), "Output")
	}
	return out
}
