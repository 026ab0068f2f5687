// Package corpus locates the shared conformance corpus and the benchmark
// inputs that live beside the repository (../shared), for tests and tools.
// Nothing from the corpus is copied into the repository.
package corpus

import (
	"errors"
	"os"
	"path/filepath"
)

// Root returns the repository root: the nearest directory above the working
// directory that holds go.mod.
func Root() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("corpus: no go.mod above the working directory")
		}
		dir = parent
	}
}

// Shared returns the path of ../shared (relative to the repository root),
// or the directory named by $ASLSTUDIO_SHARED when set.
func Shared() (string, error) {
	if d := os.Getenv("ASLSTUDIO_SHARED"); d != "" {
		return d, nil
	}
	root, err := Root()
	if err != nil {
		return "", err
	}
	d := filepath.Join(filepath.Dir(root), "shared")
	if _, err := os.Stat(d); err != nil {
		return "", errors.New("corpus: " + d + " not found (the shared folder beside the repository)")
	}
	return d, nil
}

// Dir returns a folder of the conformance corpus, e.g. Dir("exec").
func Dir(name string) (string, error) {
	s, err := Shared()
	if err != nil {
		return "", err
	}
	return filepath.Join(s, "conformance", name), nil
}

// Cases lists the case folders of a corpus folder in sorted order.
func Cases(name string) (dir string, cases []string, err error) {
	dir, err = Dir(name)
	if err != nil {
		return "", nil, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", nil, err
	}
	for _, e := range entries {
		if e.IsDir() {
			cases = append(cases, e.Name())
		}
	}
	return dir, cases, nil
}
