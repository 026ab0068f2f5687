package web

import (
	"path"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func (s *Studio) onOpenClick(ctx app.Context, e app.Event) {
	if el := app.Window().GetElementByID("open-file"); el.Truthy() {
		el.Set("value", "")
		el.Call("click")
	}
}

// onFileChosen reads the picked file and opens it.
func (s *Studio) onFileChosen(ctx app.Context, e app.Event) {
	s.openFileList(ctx, ctx.JSSrc().Get("files"))
}

// onFileDrop opens a file dropped anywhere on the window.
func (s *Studio) onFileDrop(ctx app.Context, e app.Event) {
	dt := e.Get("dataTransfer")
	if !dt.Truthy() || !dt.Get("files").Truthy() || dt.Get("files").Length() == 0 {
		return
	}
	e.PreventDefault()
	if entries := droppedFolders(dt); entries != nil {
		s.openEntries(ctx, entries)
		return
	}
	s.openFileList(ctx, dt.Get("files"))
}

// droppedFolders returns the drop's file-system entries when it holds a
// folder (a SAM project: template and statemachine/ files), else nil.
func droppedFolders(dt app.Value) []app.Value {
	items := dt.Get("items")
	if !items.Truthy() {
		return nil
	}
	var entries []app.Value
	folder := false
	for i := 0; i < items.Length(); i++ {
		it := items.Index(i)
		if it.Get("kind").String() != "file" || it.Get("webkitGetAsEntry").Type() != app.TypeFunction {
			continue
		}
		en := it.Call("webkitGetAsEntry")
		if !en.Truthy() {
			continue
		}
		folder = folder || en.Get("isDirectory").Bool()
		entries = append(entries, en)
	}
	if !folder {
		return nil
	}
	return entries
}

// Limits of a folder drop: how deep and how many files are read, which
// folders are skipped and which files are read at all.
const (
	maxFolderDepth = 5
	maxFolderFiles = 200
)

var skippedFolders = map[string]bool{"node_modules": true, ".git": true, ".aws-sam": true, "__pycache__": true, ".venv": true}

func isDefinitionOrTemplate(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".json", ".yaml", ".yml", ".asl", ".template":
		return true
	}
	return false
}

// openEntries reads the JSON and YAML files under dropped folders (and
// dropped files) and opens them together, as picking them all would.
func (s *Studio) openEntries(ctx app.Context, entries []app.Value) {
	var names, texts []string
	var funcs []app.Func
	pending, files := 0, 0
	var finish func()
	fn := func(f func(args []app.Value)) app.Func {
		jf := app.FuncOf(func(this app.Value, args []app.Value) any { f(args); return nil })
		funcs = append(funcs, jf)
		return jf
	}
	finish = func() {
		pending--
		if pending > 0 {
			return
		}
		for _, f := range funcs {
			f.Release()
		}
		// Reads finish in any order: the shallowest files first, by name,
		// so the project's own template is the one found.
		idx := make([]int, len(names))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool {
			na, nb := names[idx[a]], names[idx[b]]
			if da, db := strings.Count(na, "/"), strings.Count(nb, "/"); da != db {
				return da < db
			}
			return na < nb
		})
		ns, ts := make([]string, len(idx)), make([]string, len(idx))
		for i, j := range idx {
			ns[i], ts[i] = names[j], texts[j]
		}
		ctx.Dispatch(func(ctx app.Context) { s.openFiles(ctx, ns, ts) })
	}
	var walk func(en app.Value, depth int)
	readFile := func(en app.Value) {
		name := strings.TrimPrefix(en.Get("fullPath").String(), "/")
		if !isDefinitionOrTemplate(name) || files >= maxFolderFiles {
			return
		}
		files++
		pending++
		fail := fn(func([]app.Value) { finish() })
		en.Call("file", fn(func(args []app.Value) {
			args[0].Call("text").Call("then", fn(func(args []app.Value) {
				names, texts = append(names, name), append(texts, args[0].String())
				finish()
			}), fail)
		}), fail)
	}
	walk = func(en app.Value, depth int) {
		if !en.Get("isDirectory").Bool() {
			readFile(en)
			return
		}
		if depth >= maxFolderDepth || skippedFolders[en.Get("name").String()] {
			return
		}
		reader := en.Call("createReader")
		pending++
		var more app.Func
		// readEntries gives a directory's entries in batches, then an empty one.
		more = fn(func(args []app.Value) {
			batch := args[0]
			if batch.Length() == 0 {
				finish()
				return
			}
			for i := 0; i < batch.Length(); i++ {
				walk(batch.Index(i), depth+1)
			}
			reader.Call("readEntries", more, fn(func([]app.Value) { finish() }))
		})
		reader.Call("readEntries", more, fn(func([]app.Value) { finish() }))
	}
	pending++ // held until every entry is started
	for _, en := range entries {
		walk(en, 0)
	}
	finish()
}

// openFileList reads the files of a FileList and opens them: a
// SAM/CloudFormation template (with the definition files picked or dropped
// along with it), or else the first file as an ASL definition.
func (s *Studio) openFileList(ctx app.Context, files app.Value) {
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	n := files.Length()
	names, texts := make([]string, n), make([]string, n)
	left := n
	var funcs []app.Func
	release := func() {
		for _, f := range funcs {
			f.Release()
		}
	}
	for i := 0; i < n; i++ {
		f := files.Index(i)
		name := f.Get("name").String()
		if rel := f.Get("webkitRelativePath"); rel.Truthy() && rel.String() != "" {
			name = rel.String()
		}
		names[i] = name
		done := func(text string, ok bool) {
			texts[i] = text
			if !ok {
				names[i] = "" // a folder, or a file the browser cannot read
			}
			left--
			if left == 0 {
				release()
				ns, ts := readable(names, texts)
				ctx.Dispatch(func(ctx app.Context) { s.openFiles(ctx, ns, ts) })
			}
		}
		then := app.FuncOf(func(this app.Value, args []app.Value) any { done(args[0].String(), true); return nil })
		fail := app.FuncOf(func(this app.Value, args []app.Value) any { done("", false); return nil })
		funcs = append(funcs, then, fail)
		f.Call("text").Call("then", then, fail)
	}
}

// readable drops the files that could not be read (names set to "").
func readable(names, texts []string) ([]string, []string) {
	var ns, ts []string
	for i, n := range names {
		if n != "" {
			ns, ts = append(ns, n), append(ts, texts[i])
		}
	}
	return ns, ts
}

// openFiles opens files read together (see openFileList).
func (s *Studio) openFiles(ctx app.Context, names, texts []string) {
	if len(names) == 0 {
		s.hint = "Nothing to open: no JSON or YAML file could be read."
		return
	}
	if tn, tsrc, others, ok := splitTemplate(names, texts); ok {
		s.samPick = nil
		s.openTemplate(ctx, tn, tsrc, others)
		return
	}
	if s.samPick != nil {
		// Definition files added to the template waiting in the picker.
		add := map[string]string{}
		for i, n := range names {
			add[n] = texts[i]
		}
		s.addTemplateFiles(ctx, add)
		return
	}
	s.pushRecent(ctx)
	s.openDocument(docNameOf(names[0]), []byte(texts[0]))
	s.syncCode()
	s.save(ctx)
}

// onDownload saves the definition in its current format, or the template
// it came from in the form it came in.
func (s *Studio) onDownload(ctx app.Context, e app.Event) {
	if s.doc.Sam != nil {
		name, mime, text, note, err := s.doc.templateDownload()
		if err != nil {
			s.hint = "Cannot write the template: " + errText(err)
			return
		}
		s.hint = note
		downloadText(name, mime, text)
		return
	}
	ext, mime := ".asl.json", "application/json"
	if s.doc.Format == formatYAML {
		ext, mime = ".asl.yaml", "application/yaml"
	}
	name := strings.TrimSpace(s.doc.Name)
	if name == "" {
		name = "workflow"
	}
	downloadText(name+ext, mime, s.doc.Text)
}

// downloadText makes the browser save text as a file.
func downloadText(filename, mime, text string) {
	if !app.IsClient {
		return
	}
	w := app.Window()
	arr := w.Get("Array").New(text)
	opts := w.Get("Object").New()
	opts.Set("type", mime)
	saveBlob(filename, w.Get("Blob").New(arr, opts))
}

// saveBlob makes the browser save a Blob as a file.
func saveBlob(filename string, blob app.Value) {
	w := app.Window()
	url := w.Get("URL").Call("createObjectURL", blob)
	a := w.Get("document").Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", filename)
	a.Call("setAttribute", "data-download", filename)
	w.Get("document").Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	w.Get("URL").Call("revokeObjectURL", url)
}

// openServedFile opens the file given to `aslstudio serve FILE`, which the
// server offers at /api/open (absent on static hosts).
func (s *Studio) openServedFile(ctx app.Context) {
	w := app.Window()
	var onJSON, onResp, onErr app.Func
	release := func() { onJSON.Release(); onResp.Release(); onErr.Release() }
	onJSON = app.FuncOf(func(this app.Value, args []app.Value) any {
		name, src := args[0].Get("name").String(), args[0].Get("source").String()
		ctx.Dispatch(func(ctx app.Context) {
			s.openFiles(ctx, []string{name}, []string{src})
		})
		release()
		return nil
	})
	onResp = app.FuncOf(func(this app.Value, args []app.Value) any {
		// 204: serve was given no file; 404: a static host.
		if !args[0].Get("ok").Bool() || args[0].Get("status").Int() == 204 {
			release()
			return nil
		}
		return args[0].Call("json").Call("then", onJSON)
	})
	onErr = app.FuncOf(func(this app.Value, args []app.Value) any { release(); return nil })
	w.Call("fetch", "/api/open").Call("then", onResp).Call("catch", onErr)
}

// docNameOf names the document of a file: its base name without the
// extension, nor the ".asl" of "orders.asl.json" (Download and Export add
// it back).
func docNameOf(file string) string {
	name := path.Base(file)
	name = strings.TrimSuffix(name, path.Ext(name))
	if len(name) > 4 && strings.EqualFold(name[len(name)-4:], ".asl") {
		name = name[:len(name)-4]
	}
	return name
}
