//go:build e2e

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/chromedp/chromedp"
)

// A documentation page with embed.js (the site's own embed-example.html):
// the element becomes a framed studio that shows the inline workflow and
// runs it with its input and mocks; the frame keeps nothing in the browser,
// so the user's own work in the studio is left as it was.
func TestEmbedInDocumentationPage(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	b.clickWith(stateSel("Issue gift card"), 0) // a selection is saved
	b.waitFor("the autosave", `!!localStorage.getItem('aslstudio.session')`)
	time.Sleep(300 * time.Millisecond) // past the autosave delay
	session := eval[string](b, `localStorage.getItem('aslstudio.session')`)

	b.do("open the documentation page", chromedp.Navigate(baseURL+"/web/embed-example.html"))
	frame := `document.querySelector('iframe.aslstudio-embed')`
	doc := frame + `.contentDocument`
	b.waitForShowing("the framed studio", `!!`+frame+` && `+frame+`.src.includes('/embed#design=') && `+doc+`?.body?.dataset.ready === "true"`,
		`(document.querySelector('.aslstudio-embed-error')||{}).textContent || (`+frame+`||{}).src`)
	b.waitFor("the workflow in the frame", doc+`.querySelectorAll('[data-state]').length >= 3 && !!`+doc+`.querySelector('[data-state="Manual payment"]')`)
	if title := eval[string](b, doc+`.querySelector('.embed-title').textContent`); title != "Charge with a fallback" {
		t.Errorf("the frame's title %q", title)
	}
	for _, sel := range []string{".palette", ".inspector", `[aria-label="New"]`} {
		if eval[bool](b, `(() => { const e = `+doc+`.querySelector('`+sel+`'); return !!e && e.offsetParent !== null })()`) {
			t.Errorf("the frame shows %s", sel)
		}
	}
	eval[bool](b, `(() => { `+frame+`.scrollIntoView(); return true })()`)
	b.screenshot("embed-example")

	// Run it: the mocked decline is caught and the run succeeds through the fallback.
	eval[bool](b, `(() => { `+doc+`.querySelector('[aria-label="Run"]').click(); return true })()`)
	b.waitForShowing("the run to finish", `(() => { const e = `+doc+`.querySelector('[data-run-status]'); return !!e && e.dataset.runStatus === "SUCCEEDED" })()`,
		`(`+doc+`.querySelector('[data-run-status]')||{dataset:{}}).dataset.runStatus`)
	b.waitFor("the path on the frame's canvas", doc+`.querySelector('[data-state="Manual payment"]').dataset.status === "succeeded"`)
	b.screenshot("embed-example-run")
	if note := eval[string](b, doc+`.querySelector('.statusbar').textContent`); !strings.Contains(note, "not kept") {
		t.Errorf("the frame's status bar says %q", note)
	}
	if open := eval[string](b, doc+`.querySelector('[aria-label="Open in ASL Studio"]').href`); !strings.Contains(open, "/#design=") {
		t.Errorf("Open in ASL Studio goes to %q", open)
	}

	if got := eval[string](b, `localStorage.getItem('aslstudio.session')`); got != session {
		t.Errorf("the framed studio changed the studio's autosave")
	}
	b.open("/")
	if got := b.model(); !strings.Contains(string(asl.PrintJSON(got)), "Route by total") {
		t.Errorf("the studio lost its own document after the frame")
	}
}
