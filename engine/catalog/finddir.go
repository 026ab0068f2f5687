package catalog

import (
	"errors"
	"os"
	"path/filepath"
)

// FindDir locates a generated catalog for the command line: the directory
// named by $ASLSTUDIO_CATALOG, else engine/catalog/data in the repository
// around the working directory, else a "catalog" directory beside the
// executable. A directory counts when it holds index.json.
func FindDir() (string, error) {
	has := func(d string) bool {
		_, err := os.Stat(filepath.Join(d, "index.json"))
		return err == nil
	}
	if d := os.Getenv("ASLSTUDIO_CATALOG"); d != "" {
		if has(d) {
			return d, nil
		}
		return "", errors.New("catalog: $ASLSTUDIO_CATALOG=" + d + " has no index.json")
	}
	if wd, err := os.Getwd(); err == nil {
		for d := wd; ; d = filepath.Dir(d) {
			if c := filepath.Join(d, "engine", "catalog", "data"); has(c) {
				return c, nil
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	if exe, err := os.Executable(); err == nil {
		if c := filepath.Join(filepath.Dir(exe), "catalog"); has(c) {
			return c, nil
		}
	}
	return "", errors.New("catalog: no generated catalog found (run `make catalog`, or set $ASLSTUDIO_CATALOG)")
}

// LoadDefault loads the catalog FindDir finds.
func LoadDefault() (*Catalog, error) {
	d, err := FindDir()
	if err != nil {
		return nil, err
	}
	return LoadDir(d)
}
