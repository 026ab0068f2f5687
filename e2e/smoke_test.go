//go:build e2e

package e2e

import (
	"encoding/json"
	"testing"

	"github.com/aslstudio/aslstudio/assets"
	"github.com/aslstudio/aslstudio/engine/asl"
)

// The default example's states appear once the app has mounted.
func TestSmokeExampleStatesAppear(t *testing.T) {
	b := newBrowser(t)
	took := b.open("/")
	t.Logf("navigation to mounted app: %v", took)

	root, err := asl.Parse(assets.Default().Definition())
	if err != nil {
		t.Fatal(err)
	}
	names := asl.StateNames(root)
	if len(names) == 0 {
		t.Fatal("default example has no states")
	}
	for _, name := range names {
		n := eval[int](b, `document.querySelectorAll('[data-state='+JSON.stringify(`+jsString(name)+`)+']').length`)
		if n == 0 {
			t.Errorf("state %q is not on the page", name)
		}
	}
	b.screenshot("smoke-default-example")
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
