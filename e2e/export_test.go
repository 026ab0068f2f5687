//go:build e2e

package e2e

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/chromedp/chromedp"
)

// TestExportMenu exports the open example as ASL YAML and as a PNG image
// from the header's Export menu.
func TestExportMenu(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	eval[bool](b, `(() => { const orig = URL.createObjectURL; window.__blobs = []; URL.createObjectURL = o => { window.__blobs.push(o); return orig.call(URL, o) }; return true })()`)
	b.click("Export", `[aria-label="Export"]`)
	b.waitFor("the menu", `!!document.querySelector('[role="menu"] [data-export]')`)
	items := eval[[]string](b, `[...document.querySelectorAll('[role="menu"] [data-export]')].map(e => e.textContent)`)
	if strings.Join(items, ", ") != "ASL JSON, ASL YAML, SAM template, SVG image, PNG image" {
		t.Errorf("menu items %v", items)
	}
	b.screenshot("export-menu")

	b.click("Export ASL YAML", `[aria-label="Export ASL YAML"]`)
	b.waitFor("the YAML download", `window.__blobs.length === 1`)
	if open := eval[bool](b, `!!document.querySelector('[role="menu"]')`); open {
		t.Error("the menu stayed open after an export")
	}
	yaml := eval[string](b, `window.__blobs[0].text()`, chromedp.EvalAwaitPromise)
	v, err := asl.ParseYAML([]byte(yaml))
	if err != nil {
		t.Fatalf("the YAML export does not parse: %v\n%s", err, yaml)
	}
	if !asl.Equal(v, b.model()) {
		t.Errorf("the YAML export is not the open definition:\n%s", yaml)
	}

	b.click("Export", `[aria-label="Export"]`)
	b.click("Export PNG image", `[aria-label="Export PNG image"]`)
	b.waitFor("the PNG download", `window.__blobs.length === 2`)
	if typ := eval[string](b, `window.__blobs[1].type`); typ != "image/png" {
		t.Errorf("the image export is %q, want image/png", typ)
	}
	sig := eval[[]int](b, `window.__blobs[1].slice(0, 8).arrayBuffer().then(b => [...new Uint8Array(b)])`, chromedp.EvalAwaitPromise)
	if len(sig) != 8 || sig[0] != 0x89 || sig[1] != 'P' || sig[2] != 'N' || sig[3] != 'G' {
		t.Errorf("the PNG starts with %v", sig)
	}
	if size := eval[int](b, `window.__blobs[1].size`); size < 5000 {
		t.Errorf("the PNG is %d bytes: nothing drawn?", size)
	}
	png := eval[string](b, `window.__blobs[1].arrayBuffer().then(b => { let s = ""; for (const x of new Uint8Array(b)) s += String.fromCharCode(x); return btoa(s) })`, chromedp.EvalAwaitPromise)
	if raw, err := base64.StdEncoding.DecodeString(png); err == nil {
		p := filepath.Join(artifactDir(), "export.png")
		if os.WriteFile(p, raw, 0o644) == nil {
			t.Logf("exported image: %s", p)
		}
	}

	// Escape closes the menu.
	b.click("Export", `[aria-label="Export"]`)
	b.waitFor("the menu", `!!document.querySelector('[role="menu"]')`)
	b.leaveFields()
	b.press("Escape", "Escape", 27, 0)
	b.waitFor("the menu closed", `!document.querySelector('[role="menu"]')`)
}

// TestShareLink makes a link of an example with edited mocks, then opens
// it after starting another document: the example comes back with its
// mocks, and the document open before is among the recent ones. With the
// share service (aslstudio serve's own) the link names the stored design;
// without one (a static host) it carries the design itself.
func TestShareLink(t *testing.T) {
	t.Run("stored", func(t *testing.T) {
		b := checkShareLink(t, baseURL, "#share=", "stored by this site's share service")
		// A link to a design the service does not hold says so.
		b.do("open a link to nothing", chromedp.Navigate(baseURL+"/#share=AAAAAAAAAAAAAAAAAAAAAA"))
		b.waitReady()
		b.waitForShowing("the error", `document.querySelector('.statusbar').textContent.includes('no design "AAAAAAAAAAAAAAAAAAAAAA"')`, `document.querySelector('.statusbar').textContent`)
	})
	t.Run("carried", func(t *testing.T) {
		url, stop, err := startServer(serverBin, siteDir, "--share", "off")
		if err != nil {
			t.Fatal(err)
		}
		defer stop()
		checkShareLink(t, url, "#design=", "nothing is stored on a server")
	})
}

func checkShareLink(t *testing.T, base, fragment, note string) *browser {
	b := newBrowser(t)
	b.do("navigate", chromedp.Navigate(base+"/"))
	b.waitReady()
	b.openExample("retry-and-catch")
	want := b.model()
	b.click("Mocks tab", `[data-run-tab="mocks"]`)
	b.waitFor("the mocks", `!!document.querySelector('[aria-label="Mock config"]')`)
	mocks := b.value("Mock config")
	if !strings.Contains(mocks, "RetryThenCatch") {
		t.Fatalf("the example's mocks %q", mocks)
	}
	b.click("Share", `[aria-label="Share"]`)
	b.waitFor("the link", `(document.querySelector('[aria-label="Share link"]')||{value:""}).value.includes(`+jsString(fragment)+`)`)
	link := b.value("Share link")
	b.waitForShowing("the note", `document.querySelector('.share-note').textContent.includes(`+jsString(note)+`)`, `document.querySelector('.share-note').textContent`)
	b.screenshot("share-link-" + strings.Trim(fragment, "#="))
	b.leaveFields()
	b.press("Escape", "Escape", 27, 0)
	b.waitFor("the link closed", `!document.querySelector('[aria-label="Share link"]')`)

	b.click("new", `button[aria-label="New"]`)
	b.waitFor("a new document", `document.querySelectorAll('[data-state]').length === 2`)
	b.do("open the link", chromedp.Navigate(link))
	b.waitReady()
	b.waitFor("the shared design", `!!document.querySelector('[data-state="Charge card"]')`)
	if got := b.model(); !asl.Equal(got, want) {
		t.Errorf("the link opened another definition:\n%s", asl.PrintJSON(got))
	}
	b.click("Mocks tab", `[data-run-tab="mocks"]`)
	b.waitFor("the mocks", `!!document.querySelector('[aria-label="Mock config"]')`)
	if got := b.value("Mock config"); got != mocks {
		t.Errorf("the link's mocks differ:\n%s", got)
	}
	if hash := eval[string](b, `location.hash`); hash != "" {
		t.Errorf("the address still holds the link: %.40s…", hash)
	}
	b.click("examples", `button[aria-label="Examples"]`)
	b.waitFor("the recent documents", `!!document.querySelector('[aria-label="Open recent document Untitled workflow"]')`)

	// In another browser, where the page starts on the link.
	other := newBrowser(t)
	other.do("open the link", chromedp.Navigate(link))
	other.waitReady()
	other.waitFor("the shared design", `!!document.querySelector('[data-state="Charge card"]')`)
	if got := other.model(); !asl.Equal(got, want) {
		t.Errorf("a new page on the link opened another definition:\n%s", asl.PrintJSON(got))
	}
	return b
}
