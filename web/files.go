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

// openFileList reads the first file of a FileList and opens it.
func (s *Studio) openFileList(ctx app.Context, files app.Value) {
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	f := files.Index(0)
	name := f.Get("name").String()
	var then app.Func
	then = app.FuncOf(func(this app.Value, args []app.Value) any {
		text := args[0].String()
		ctx.Dispatch(func(ctx app.Context) {
			s.pushRecent(ctx)
			s.openDocument(strings.TrimSuffix(name, path.Ext(name)), []byte(text))
			s.syncCode()
			s.save(ctx)
		})
		then.Release()
		return nil
	})
	f.Call("text").Call("then", then)
}

// onDownload saves the definition in its current format.
func (s *Studio) onDownload(ctx app.Context, e app.Event) {
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
			s.pushRecent(ctx)
			s.openDocument(name, []byte(src))
			s.syncCode()
			s.save(ctx)
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
