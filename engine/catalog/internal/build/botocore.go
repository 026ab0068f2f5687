package build

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// botoModel is the part of a botocore service-2.json the generator uses: the
// errors of each operation and the min/max constraints (and enums) of each
// shape, which the aws-sdk min models leave out.
type botoModel struct {
	Metadata struct {
		ServiceID      string `json:"serviceId"`
		APIVersion     string `json:"apiVersion"`
		EndpointPrefix string `json:"endpointPrefix"`
	} `json:"metadata"`
	Operations map[string]struct {
		Errors []struct {
			Shape string `json:"shape"`
		} `json:"errors"`
	} `json:"operations"`
	Shapes map[string]struct {
		Type string   `json:"type"`
		Min  *float64 `json:"min"`
		Max  *float64 `json:"max"`
		Enum []string `json:"enum"`
	} `json:"shapes"`
}

// botoIndex finds the botocore model of a service by serviceId.
type botoIndex struct {
	byServiceID map[string][]string // serviceId → service-2.json paths, newest version last
}

// indexBotocore lists the service models under a botocore data directory
// (DIR/<service>/<version>/service-2.json[.gz]).
func indexBotocore(dir string) (*botoIndex, error) {
	idx := &botoIndex{byServiceID: map[string][]string{}}
	services, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, s := range services {
		if !s.IsDir() {
			continue
		}
		versions, _ := os.ReadDir(filepath.Join(dir, s.Name()))
		var names []string
		for _, v := range versions {
			if v.IsDir() {
				names = append(names, v.Name())
			}
		}
		sort.Strings(names)
		for _, v := range names {
			p := modelPath(filepath.Join(dir, s.Name(), v))
			if p == "" {
				continue
			}
			var head botoModel
			if err := readJSON(p, &head); err != nil {
				continue
			}
			idx.byServiceID[head.Metadata.ServiceID] = append(idx.byServiceID[head.Metadata.ServiceID], p)
		}
	}
	return idx, nil
}

func modelPath(dir string) string {
	for _, n := range []string{"service-2.json", "service-2.json.gz"} {
		p := filepath.Join(dir, n)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// find loads the model of serviceID, preferring the given API version.
func (b *botoIndex) find(serviceID, apiVersion string) *botoModel {
	if b == nil {
		return nil
	}
	paths := b.byServiceID[serviceID]
	if len(paths) == 0 {
		return nil
	}
	pick := paths[len(paths)-1]
	for _, p := range paths {
		if strings.Contains(p, string(filepath.Separator)+apiVersion+string(filepath.Separator)) {
			pick = p
		}
	}
	var m botoModel
	if err := readJSON(pick, &m); err != nil {
		return nil
	}
	return &m
}

func readJSON(path string, v any) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return err
		}
		defer zr.Close()
		r = zr
	}
	return json.NewDecoder(r).Decode(v)
}

// FindBotocore returns the botocore data directory of a Python installation
// on this machine, or "" when there is none.
func FindBotocore() string {
	if d := os.Getenv("ASLSTUDIO_BOTOCORE_DATA"); d != "" {
		return d
	}
	var patterns []string
	if home, err := os.UserHomeDir(); err == nil {
		patterns = append(patterns, filepath.Join(home, ".pyenv/versions/*/lib/python3*/site-packages/botocore/data"))
	}
	patterns = append(patterns,
		"/root/.pyenv/versions/*/lib/python3*/site-packages/botocore/data",
		"/usr/lib/python3/dist-packages/botocore/data",
		"/usr/local/lib/python3*/dist-packages/botocore/data",
		"/usr/local/lib/python3*/site-packages/botocore/data",
	)
	for _, p := range patterns {
		m, _ := filepath.Glob(p)
		sort.Strings(m)
		for i := len(m) - 1; i >= 0; i-- {
			if st, err := os.Stat(m[i]); err == nil && st.IsDir() {
				return m[i]
			}
		}
	}
	return ""
}
