package catalog_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/aslstudio/aslstudio/engine/catalog"
	"github.com/aslstudio/aslstudio/engine/catalog/internal/build"
)

var (
	fixtureOnce sync.Once
	fixtureCat  *catalog.Catalog
	fixtureErr  error
	fixtureDir  string
)

// fixture builds the catalog from the trimmed models in testdata/models with
// the real generator, once per test run, and loads it.
func fixture(t *testing.T) *catalog.Catalog {
	t.Helper()
	fixtureOnce.Do(func() {
		dir, err := os.MkdirTemp("", "catalog-fixture-")
		if err != nil {
			fixtureErr = err
			return
		}
		fixtureDir = dir
		_, err = build.Build(build.Options{
			SDKDir:      filepath.Join("testdata", "models", "aws-sdk"),
			BotocoreDir: filepath.Join("testdata", "models", "botocore"),
			OutDir:      dir,
			Source:      "fixture",
		})
		if err != nil {
			fixtureErr = err
			return
		}
		fixtureCat, fixtureErr = catalog.LoadDir(dir)
	})
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixtureCat
}

func TestMain(m *testing.M) {
	code := m.Run()
	if fixtureDir != "" {
		os.RemoveAll(fixtureDir)
	}
	os.Exit(code)
}
