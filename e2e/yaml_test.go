//go:build e2e

package e2e

import (
	"slices"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The YAML tab shows the same model; edits in the inspector re-print it as
// YAML, and switching back gives JSON with the same value.
func TestYAMLTabFollowsEdits(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	want := asl.StateNames(b.model())
	jsonBefore, _ := asl.ParseJSON([]byte(b.code()))

	b.click("YAML tab", `[data-tab="yaml"]`)
	b.waitFor("the YAML code", `!!document.querySelector('[data-code="yaml"] textarea') && !document.querySelector('`+codeSel+`').value.trim().startsWith('{')`)
	y, err := asl.ParseYAML([]byte(b.code()))
	if err != nil {
		t.Fatalf("the YAML tab does not parse as YAML: %v", err)
	}
	if got := asl.StateNames(y); !slices.Equal(got, want) {
		t.Errorf("YAML states %v, want %v", got, want)
	}
	if !asl.Equal(y, jsonBefore) {
		t.Error("the YAML tab does not hold the same value as the JSON")
	}

	b.click("select", `[data-state="Wait for review"]`)
	b.waitFor("the inspector", `document.querySelector('[data-inspector] [data-field="Name"]')?.value === "Wait for review"`)
	b.do("rename",
		chromedp.Focus(chromedp.CSS(`[data-inspector] [data-field="Name"]`)),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent("Review pause"+kb.Enter),
	)
	b.waitFor("the YAML to follow", `document.querySelector('`+codeSel+`').value.includes('Review pause')`)
	code := b.code()
	if strings.Contains(code, "Wait for review") {
		t.Error("the YAML still names the old state")
	}
	if _, err := asl.ParseYAML([]byte(code)); err != nil {
		t.Errorf("the re-printed YAML does not parse: %v", err)
	}
	b.click("JSON tab", `[data-tab="json"]`)
	b.waitFor("the JSON code", `document.querySelector('`+codeSel+`').value.trim().startsWith('{')`)
	if got := stateField(b.model(), "Request review", "Next"); got != "Review pause" {
		t.Errorf("Request review.Next = %q in the JSON, want the new name", got)
	}
}
