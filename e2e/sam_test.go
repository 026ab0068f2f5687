//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/sam"
	"github.com/aslstudio/aslstudio/internal/corpus"
	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// samCase is a template of the shared SAM corpus (../shared/conformance/sam).
type samCase struct {
	dir      string // the case folder
	template string // its template.yaml
	machines []samMachine
}

type samMachine struct {
	ID   string `json:"logical_id"`
	Via  string `json:"definition_via"`
	File string `json:"definition_file"`
}

// samCases reads the corpus manifests, in folder order.
func samCases(t *testing.T) []samCase {
	t.Helper()
	dir, names, err := corpus.Cases("sam")
	if err != nil {
		t.Fatalf("corpus: %v", err)
	}
	var out []samCase
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(dir, n, "manifest.json"))
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		var man struct {
			Machines []samMachine `json:"state_machines"`
		}
		if err := json.Unmarshal(data, &man); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		out = append(out, samCase{dir: filepath.Join(dir, n), template: filepath.Join(dir, n, "template.yaml"), machines: man.Machines})
	}
	return out
}

// pickSamCase returns the first case whose machines satisfy ok.
func pickSamCase(t *testing.T, what string, ok func(samCase) bool) samCase {
	t.Helper()
	for _, c := range samCases(t) {
		if ok(c) {
			return c
		}
	}
	t.Fatalf("the SAM corpus has no %s", what)
	return samCase{}
}

// openFiles gives files to the app's file input, as picking them does.
func (b *browser) openFiles(paths ...string) {
	b.t.Helper()
	b.do("pick files", chromedp.SetUploadFiles(chromedp.CSS(`#open-file`), paths))
}

// downloads makes the browser save downloads into a new folder and returns it.
func (b *browser) downloads() string {
	b.t.Helper()
	dir := b.t.TempDir()
	b.do("allow downloads", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.CallBrowser(ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
			Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir,
		})
		return err
	}))
	return dir
}

// waitDownload waits until the file name is complete in dir and returns it.
func (b *browser) waitDownload(dir, name string) string {
	b.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		entries, _ := os.ReadDir(dir)
		var seen []string
		partial := false
		for _, e := range entries {
			seen = append(seen, e.Name())
			partial = partial || strings.HasSuffix(e.Name(), ".crdownload")
		}
		if !partial {
			if data, err := os.ReadFile(filepath.Join(dir, name)); err == nil {
				os.Remove(filepath.Join(dir, name)) // the next download of the same name keeps it
				return string(data)
			}
		}
		if time.Now().After(deadline) {
			sort.Strings(seen)
			b.t.Fatalf("no download %s; the folder has %v", name, seen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// renameInInspector selects a state on the canvas and renames it.
func (b *browser) renameInInspector(old, renamed string) {
	b.t.Helper()
	b.waitState(old, true)
	b.do("select "+old, chromedp.Click(chromedp.CSS(`[data-state="`+old+`"]`)))
	b.waitFor("the inspector", `document.querySelector('[data-inspector] [data-field="Name"]')?.value === "`+old+`"`)
	b.do("type the new name",
		chromedp.Focus(chromedp.CSS(`[data-inspector] [data-field="Name"]`)),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent(renamed+kb.Enter),
	)
	b.waitState(renamed, true)
}

// onlyInside checks that got differs from want only inside want[start:end]
// and returns got's replacement of that range.
func onlyInside(t *testing.T, want, got string, start, end int) string {
	t.Helper()
	tail := len(want) - end
	if len(got) < start+tail || got[:start] != want[:start] || got[len(got)-tail:] != want[end:] {
		t.Fatalf("bytes outside the definition [%d:%d] changed; the download is:\n%s", start, end, got)
	}
	return got[start : len(got)-tail]
}

// A template with its definition written in it: open it, rename a state in
// the inspector, see the template tab, download, and compare with the file:
// only the definition's bytes changed. A reload restores the template.
func TestSAMTemplateRoundTrip(t *testing.T) {
	c := pickSamCase(t, "template with one inline Definition", func(c samCase) bool {
		return len(c.machines) == 1 && c.machines[0].Via == "Definition"
	})
	orig, err := os.ReadFile(c.template)
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := sam.Parse("template.yaml", orig, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := tmpl.StateMachines[0]
	old := simpleState(m.Definition)
	renamed := old + " renamed"
	t.Logf("case %s, state machine %s, renaming %q", filepath.Base(c.dir), m.ID, old)

	b := newBrowser(t)
	b.open("/")
	b.openFiles(c.template)
	b.waitForShowing("the template to open", `document.querySelector('[data-sam-template]')?.dataset.samMachine === "`+m.ID+`" && !!document.querySelector('[data-state="`+old+`"]')`,
		`(document.querySelector('[data-hint]')?.textContent || '') + ' | ' + (document.querySelector('.sam-bar')?.textContent || 'no template bar')`)
	if eval[string](b, `document.querySelector('[data-tab].active')?.dataset.tab`) == "sam" {
		t.Error("the template opened on the template tab; the definition's own tab was expected first")
	}
	if !b.hasStateQuick(old) {
		t.Fatalf("the canvas does not show %q", old)
	}

	b.renameInInspector(old, renamed)

	// The template tab shows the whole template with the rename written in.
	b.click("show the template tab", `[data-tab="sam"]`)
	b.waitFor("the template in the code pane", `document.querySelector('[data-code="sam"] .cm-content')?.value.includes('`+renamed+`')`)
	code := b.code()
	onlyInside(t, string(orig), code, m.Span.Start, m.Span.End)
	b.screenshot("sam-template-tab")

	dir := b.downloads()
	b.click("download", `button[aria-label="Download"]`)
	got := b.waitDownload(dir, "template.yaml")
	def := onlyInside(t, string(orig), got, m.Span.Start, m.Span.End)
	if !strings.Contains(def, renamed) {
		t.Errorf("the definition downloaded does not hold the new name:\n%s", def)
	}
	back, err := sam.Parse("template.yaml", []byte(got), nil)
	if err != nil {
		t.Fatalf("the downloaded template does not parse: %v", err)
	}
	names := asl.StateNames(back.StateMachines[0].Definition)
	if !contains(names, renamed) || contains(names, old) {
		t.Errorf("the downloaded definition's states are %v", names)
	}
	if got != code {
		t.Error("the download differs from the template tab")
	}

	// A reload restores the template and the work.
	b.do("reload", chromedp.Reload())
	b.waitReady()
	b.waitState(renamed, true)
	b.waitFor("the template restored", `document.querySelector('[data-sam-template]')?.dataset.samMachine === "`+m.ID+`"`)
	if b.code() != code {
		t.Error("after a reload the template tab shows another text")
	}
	b.click("download again", `button[aria-label="Download"]`)
	if again := b.waitDownload(dir, "template.yaml"); again != got {
		t.Error("after a reload the download differs")
	}
}

// simpleState returns the first state, at any depth, that is drawn as a
// box (not a Parallel or Map container), for a click to select it.
func simpleState(m *asl.Value) string {
	sts := m.Get("States")
	if sts == nil {
		return ""
	}
	for _, f := range sts.Fields {
		typ, _ := f.Value.Get("Type").StringValue()
		if typ != "Parallel" && typ != "Map" {
			return f.Key
		}
	}
	for _, f := range sts.Fields {
		if br := f.Value.Get("Branches"); br != nil {
			for _, b := range br.Items {
				if n := simpleState(b); n != "" {
					return n
				}
			}
		}
		for _, k := range []string{"ItemProcessor", "Iterator"} {
			if p := f.Value.Get(k); p != nil {
				if n := simpleState(p); n != "" {
					return n
				}
			}
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// twoDefinitionFiles picks a template with two state machines whose
// definitions are files beside it.
func twoDefinitionFiles(c samCase) bool {
	if len(c.machines) != 2 {
		return false
	}
	for _, m := range c.machines {
		if _, err := os.Stat(filepath.Join(c.dir, m.File)); m.Via != "DefinitionUri" || err != nil {
			return false
		}
	}
	return true
}

// A template with several state machines whose definitions are files: the
// picker lists them, choosing one opens it, and Download saves that
// definition's file with only the edit changed; the template is kept.
func TestSAMTemplatePickerSeveralMachines(t *testing.T) {
	c := pickSamCase(t, "template with two DefinitionUri state machines", twoDefinitionFiles)
	tmpl, err := sam.Load(c.template)
	if err != nil {
		t.Fatal(err)
	}
	m := tmpl.StateMachines[1]
	if m.Err != nil {
		t.Fatal(m.Err)
	}
	origDef, _ := os.ReadFile(m.FilePath)
	origTemplate, _ := os.ReadFile(c.template)
	old := simpleState(m.Definition)
	renamed := old + "Renamed"
	t.Logf("case %s, choosing %s (%s), renaming %q", filepath.Base(c.dir), m.ID, m.File, old)

	b := newBrowser(t)
	b.open("/")
	// The template alone: the picker says which definition files are missing.
	b.openFiles(c.template)
	b.waitFor("the picker", `!!document.querySelector('[role="dialog"][aria-label="Choose a state machine"]')`)
	b.waitFor("the missing file named", `document.querySelector('[data-sam-error="`+m.ID+`"]')?.textContent.includes('`+filepath.Base(m.File)+`')`)
	if !eval[bool](b, `document.querySelector('[data-sam-machine="`+m.ID+`"]').disabled`) {
		t.Error("a state machine whose definition file is missing can be chosen")
	}

	// The template with its definition files.
	var paths []string
	paths = append(paths, c.template)
	for _, mm := range c.machines {
		paths = append(paths, filepath.Join(c.dir, mm.File))
	}
	b.openFiles(paths...)
	b.waitFor("both machines choosable", `[...document.querySelectorAll('button[data-sam-machine]')].filter(e => !e.disabled).length === 2`)
	b.screenshot("sam-picker")
	b.do("choose "+m.ID, chromedp.Click(chromedp.CSS(`button[data-sam-machine="`+m.ID+`"]`)))
	b.waitFor("the chosen machine on the canvas", `!document.querySelector('[role="dialog"]') && document.querySelector('[data-sam-template]')?.dataset.samMachine === "`+m.ID+`"`)
	for _, n := range asl.StateNames(m.Definition) {
		b.waitState(n, true)
	}

	b.renameInInspector(old, renamed)

	dir := b.downloads()
	b.click("download", `button[aria-label="Download"]`)
	got := b.waitDownload(dir, filepath.Base(m.File))
	v, err := asl.Parse([]byte(got))
	if err != nil {
		t.Fatalf("the downloaded definition does not parse: %v", err)
	}
	want, _ := asl.Parse(origDef)
	if err := asl.Rename(want, old, renamed); err != nil {
		t.Fatal(err)
	}
	if string(asl.PrintJSON(v)) != string(asl.PrintJSON(want)) {
		t.Errorf("the downloaded definition is not the original with the rename:\n%s", got)
	}
	// Lines without the old name are as they were (the file keeps its layout).
	origLines, gotLines := strings.Split(string(origDef), "\n"), strings.Split(got, "\n")
	if len(origLines) != len(gotLines) {
		t.Errorf("the definition file went from %d to %d lines", len(origLines), len(gotLines))
	} else {
		for i := range origLines {
			if !strings.Contains(origLines[i], old) && origLines[i] != gotLines[i] {
				t.Errorf("line %d changed: %q -> %q", i+1, origLines[i], gotLines[i])
			}
		}
	}

	// The template tab shows the template, unchanged, and it downloads as it came.
	b.click("show the template", `[data-tab="sam"]`)
	b.waitFor("the template view", `!!document.querySelector('[data-template-view]')`)
	b.screenshot("sam-template-view")
	b.click("download the template", `button[aria-label="Download template"]`)
	if tpl := b.waitDownload(dir, "template.yaml"); tpl != string(origTemplate) {
		t.Error("the template downloaded differs from the original")
	}
}

// Typing in the template tab: a valid change to the definition moves the
// canvas; a syntax error shows a lint marker and the canvas keeps the last
// valid version; fixing it clears the marker.
func TestSAMTemplateTabEditing(t *testing.T) {
	c := pickSamCase(t, "template with one inline Definition", func(c samCase) bool {
		return len(c.machines) == 1 && c.machines[0].Via == "Definition"
	})
	orig, _ := os.ReadFile(c.template)
	tmpl, err := sam.Parse("template.yaml", orig, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := tmpl.StateMachines[0]
	old := simpleState(m.Definition)

	b := newBrowser(t)
	b.open("/")
	b.openFiles(c.template)
	b.waitFor("the template to open", `document.querySelector('[data-sam-template]')?.dataset.samMachine === "`+m.ID+`"`)
	b.waitState(old, true)
	b.click("show the template tab", `[data-tab="sam"]`)
	b.waitFor("the template in the code pane", `!!document.querySelector('[data-code="sam"] .cm-content')`)
	code := b.code()
	if code != string(orig) {
		t.Fatal("the template tab does not show the template as it came")
	}
	at := strings.Index(code[m.Span.Start:], old+":")
	if at < 0 {
		t.Fatalf("the template has no key %q: in its definition", old)
	}
	at += m.Span.Start

	// A valid edit: rename the state's key in the template.
	b.caretAt(at)
	b.do("type in the key", chromedp.KeyEvent("X"))
	b.waitState("X"+old, true)
	b.waitState(old, false)

	// A syntax error: the marker, on the line typed, and the canvas stays.
	line := strings.Count(code[:at], "\n") + 1
	b.caretAt(at)
	b.do("break the template", chromedp.KeyEvent("[{"))
	b.waitFor("a lint marker", `!!document.querySelector('[data-code-error]')`)
	// An unclosed flow collection is reported where YAML finds it unclosed:
	// at the line typed or after it, never before.
	if got, err := strconv.Atoi(eval[string](b, `document.querySelector('[data-code-error]').dataset.line || ''`)); err != nil || got < line {
		t.Errorf("the marker is on line %d (%v), want at or after line %d", got, err, line)
	}
	if !b.hasStateQuick("X" + old) {
		t.Error("the canvas lost the definition on a template syntax error")
	}
	b.screenshot("sam-template-invalid")
	b.press("Backspace", "Backspace", 8, 0)
	b.press("Backspace", "Backspace", 8, 0)
	b.waitFor("the marker to go", `!document.querySelector('[data-code-error]')`)
	b.waitState("X"+old, true)

	// The download is the template as typed.
	dir := b.downloads()
	b.click("download", `button[aria-label="Download"]`)
	got := b.waitDownload(dir, "template.yaml")
	if want := code[:at] + "X" + code[at:]; got != want {
		t.Errorf("the download is not the template with the key typed in")
	}
}

// Dropping a SAM project folder opens its template with the definition
// files found under it. The drop carries file-system entries as a browser
// gives them for a folder (DevTools cannot drop a real folder), backed by
// the corpus files.
func TestSAMFolderDrop(t *testing.T) {
	c := pickSamCase(t, "template with two DefinitionUri state machines", twoDefinitionFiles)
	project := filepath.Base(c.dir)
	files := map[string]string{}
	filepath.WalkDir(c.dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			data, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(filepath.Dir(c.dir), p)
			files[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	// A folder that must not be read, with a template in it.
	files[project+"/node_modules/x/template.yaml"] = "Resources: {}"
	enc, _ := json.Marshal(files)

	b := newBrowser(t)
	b.open("/")
	b.do("drop the folder", chromedp.Evaluate[chromedp.Void](`(() => {
		const files = `+string(enc)+`;
		const later = f => setTimeout(f, 0);
		const entries = {};
		const dir = p => entries[p] ||= { isDirectory: true, isFile: false, name: p.split('/').pop(), fullPath: '/' + p, children: [],
			createReader() { let given = false; const kids = this.children; return { readEntries(ok) { later(() => { ok(given ? [] : kids); given = true }) } } } };
		for (const [p, text] of Object.entries(files)) {
			const parts = p.split('/');
			const file = { isDirectory: false, isFile: true, name: parts.at(-1), fullPath: '/' + p,
				file(ok) { later(() => ok(new File([text], parts.at(-1)))) } };
			let parent = dir(parts[0]);
			for (let i = 1; i < parts.length - 1; i++) {
				const d = dir(parts.slice(0, i + 1).join('/'));
				if (!parent.children.includes(d)) parent.children.push(d);
				parent = d;
			}
			parent.children.push(file);
		}
		const root = dir('`+project+`');
		const dt = { files: { length: 1, 0: new File([''], '`+project+`') },
			items: { length: 1, 0: { kind: 'file', webkitGetAsEntry: () => root } } };
		const ev = new Event('drop', { bubbles: true, cancelable: true });
		Object.defineProperty(ev, 'dataTransfer', { value: dt });
		document.querySelector('.studio').dispatchEvent(ev);
	})()`))
	b.waitForShowing("the picker with both machines choosable",
		`[...document.querySelectorAll('button[data-sam-machine]')].filter(e => !e.disabled).length === 2`,
		`(document.querySelector('[data-hint]')?.textContent || '') + ' | ' + (document.querySelector('[role="dialog"]')?.textContent || 'no dialog')`)
	for _, m := range c.machines {
		if !eval[bool](b, `!!document.querySelector('button[data-sam-machine="`+m.ID+`"]')`) {
			t.Errorf("the picker does not list %s", m.ID)
		}
	}
}

// A plain definition gets a SAM template (sam new): the template tab shows
// it, Download writes it, and the recent list reopens it as a template.
func TestSAMGenerateTemplate(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	states := asl.StateNames(b.model())
	b.click("generate a template", `button[aria-label="Generate SAM template"]`)
	b.waitFor("the template tab", `document.querySelector('[data-tab].active')?.dataset.tab === "sam" && !!document.querySelector('[data-code="sam"] .cm-content')`)
	code := b.code()
	tmpl, err := sam.Parse("template.yaml", []byte(code), nil)
	if err != nil {
		t.Fatalf("the generated template does not parse: %v\n%s", err, code)
	}
	m := tmpl.StateMachines[0]
	if m.Err != nil || m.Type != sam.ServerlessStateMachine || m.DefinitionVia != sam.ViaDefinition {
		t.Fatalf("generated state machine: %+v", m)
	}
	if got := asl.StateNames(m.Definition); strings.Join(got, "|") != strings.Join(states, "|") {
		t.Errorf("the template's definition has states %v, want %v", got, states)
	}
	b.screenshot("sam-generated")
	dir := b.downloads()
	b.click("download", `button[aria-label="Download"]`)
	if got := b.waitDownload(dir, "template.yaml"); got != code {
		t.Error("the download is not the template shown")
	}

	// Another document replaces it; the recent list brings the template back.
	b.click("new document", `button[aria-label="New"]`)
	b.waitFor("the new document", `!document.querySelector('[data-sam-template]')`)
	b.click("open the gallery", `button[aria-label="Examples"]`)
	b.waitFor("the recent template", `document.querySelector('[data-recent="0"]')?.getAttribute('aria-label').includes('template.yaml')`)
	b.click("reopen it", `[data-recent="0"]`)
	b.waitFor("the template reopened", `document.querySelector('[data-sam-template]')?.dataset.samMachine === "`+m.ID+`"`)
	b.waitState(states[0], true)
}
