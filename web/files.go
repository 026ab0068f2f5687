package web

import (
	"path"
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
	s.openFileList(ctx, dt.Get("files"))
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
		s.hint = "Nothing to open: drop or pick files (a folder's files, not the folder)."
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
	name := path.Base(names[0])
	s.pushRecent(ctx)
	s.openDocument(strings.TrimSuffix(name, path.Ext(name)), []byte(texts[0]))
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
	blob := w.Get("Blob").New(arr, opts)
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
		if !args[0].Get("ok").Bool() {
			release()
			return nil
		}
		return args[0].Call("json").Call("then", onJSON)
	})
	onErr = app.FuncOf(func(this app.Value, args []app.Value) any { release(); return nil })
	w.Call("fetch", "/api/open").Call("then", onResp).Call("catch", onErr)
}
