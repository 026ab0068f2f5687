//go:build e2e

package e2e

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
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

// A documentation site on another origin: embed.js from the studio, the
// workflow, input and mocks as files beside the page. The frame it makes
// opens the studio's /embed on them.
func TestEmbedFromAnotherSite(t *testing.T) {
	docs := t.TempDir()
	for _, f := range []string{"choice-routing.asl.json", "choice-routing.input.json", "choice-routing.mocks.json"} {
		b, err := os.ReadFile(filepath.Join("..", "assets", "examples", f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(docs, f), b, 0o644)
	}
	page := `<!doctype html><title>Docs</title><h1>Routing</h1>
<div data-aslstudio data-definition="choice-routing.asl.json" data-input="choice-routing.input.json" data-mocks="choice-routing.mocks.json" data-title="Routing" data-height="400"></div>
<div data-aslstudio data-definition="missing.asl.json"></div>
<script src="` + baseURL + `/web/embed.js" defer></script>`
	os.WriteFile(filepath.Join(docs, "index.html"), []byte(page), 0o644)
	site := httptest.NewServer(http.FileServer(http.Dir(docs)))
	defer site.Close()

	b := newBrowser(t)
	b.do("open the documentation site", chromedp.Navigate(site.URL+"/"))
	b.waitForShowing("the frame", `(document.querySelector('iframe.aslstudio-embed')||{}).src?.startsWith(`+jsString(baseURL+"/embed#design=")+`)`,
		`document.body.innerHTML`)
	b.waitFor("the frame's height", `document.querySelector('iframe.aslstudio-embed').style.height === "400px"`)
	b.waitFor("the error of the missing file", `(document.querySelector('.aslstudio-embed-error')||{}).textContent?.includes('missing.asl.json: HTTP 404')`)
	src := eval[string](b, `document.querySelector('iframe.aslstudio-embed').src`)

	// What the frame shows (it is another origin: open its address).
	b.do("open the frame's address", chromedp.Navigate(src))
	b.waitReady()
	b.waitFor("the workflow", `!!document.querySelector('[data-state="Route by total"]') && document.querySelector('.embed-title').textContent === "Routing"`)
	want, _ := os.ReadFile(filepath.Join(docs, "choice-routing.asl.json"))
	if got := b.code(); got != string(want) {
		t.Errorf("the frame's code is not the file as written:\n%s", got)
	}
	b.click("Mocks tab", `[data-run-tab="mocks"]`)
	wantMocks, _ := os.ReadFile(filepath.Join(docs, "choice-routing.mocks.json"))
	b.waitFor("the mocks", `!!document.querySelector('[aria-label="Mock config"]')`)
	if got := b.value("Mock config"); got != string(wantMocks) {
		t.Errorf("the frame's mocks differ from the file:\n%s", got)
	}
}
