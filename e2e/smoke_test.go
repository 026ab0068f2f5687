//go:build e2e

package e2e

import (
	"encoding/json"
	"testing"

	"github.com/aslstudio/aslstudio/assets"
)

// The default example's states appear once the app has mounted.
func TestSmokeExampleStatesAppear(t *testing.T) {
	b := newBrowser(t)
	took := b.open("/")
	t.Logf("navigation to mounted app: %v", took)

	var def struct {
		States map[string]json.RawMessage
	}
	if err := json.Unmarshal(assets.Default().Definition(), &def); err != nil {
		t.Fatal(err)
	}
	if len(def.States) == 0 {
		t.Fatal("default example has no states")
	}
	for name := range def.States {
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
