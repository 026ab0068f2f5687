package web

import (
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/layout"
	"github.com/aslstudio/aslstudio/engine/sam"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Export formats of the header's Export menu. Download writes the document
// in the form it came in; Export writes it in another one.
const (
	exportJSON = "json"
	exportYAML = "yaml"
	exportSAM  = "sam"
	exportSVG  = "svg"
	exportPNG  = "png"
)

// exportItems are the Export menu's entries, in order.
var exportItems = []struct{ format, label, title string }{
	{exportJSON, "ASL JSON", "The definition as ASL JSON (.asl.json)"},
	{exportYAML, "ASL YAML", "The definition as ASL YAML (.asl.yaml)"},
	{exportSAM, "SAM template", "An AWS SAM template with the definition inline, or the open template as it is"},
	{exportSVG, "SVG image", "The workflow graph as an SVG image"},
	{exportPNG, "PNG image", "The workflow graph as a PNG image (twice the on-screen size)"},
}

// renderExport is the header's Export button and, when open, its menu.
func (s *Studio) renderExport() app.UI {
	return app.Div().Class("menu-wrap").Body(
		app.Button().Class("btn").Aria("label", "Export").Aria("haspopup", "menu").Aria("expanded", s.exportOpen).
			Title("Export the workflow as ASL JSON, ASL YAML, a SAM template or an image").Text("Export ▾").
			OnClick(func(ctx app.Context, e app.Event) { s.exportOpen = !s.exportOpen }),
		when(s.exportOpen, func() app.UI {
			items := make([]app.UI, 0, len(exportItems))
			for _, it := range exportItems {
				items = append(items, app.Button().Class("menu-item").Attr("role", "menuitem").
					Aria("label", "Export "+it.label).DataSet("export", it.format).Title(it.title).Text(it.label).
					OnClick(func(ctx app.Context, e app.Event) {
						s.exportOpen = false
						s.export(it.format)
					}, it.format))
			}
			return app.Div().Body(
				// A click anywhere else closes the menu.
				app.Div().Class("menu-backdrop").On("pointerdown", func(ctx app.Context, e app.Event) { s.exportOpen = false }),
				app.Div().Class("menu").Attr("role", "menu").Aria("label", "Export formats").Body(items...),
			)
		}),
	)
}

// export writes the document in a format as a download; what cannot be
// written says why in the status bar.
func (s *Studio) export(format string) {
	name, mime, text, err := s.doc.exportFile(format)
	if err != nil {
		s.hint = "Cannot export: " + errText(err)
		return
	}
	s.hint = ""
	if format == exportPNG {
		downloadPNG(name, text)
		return
	}
	downloadText(name, mime, text)
}

// exportFile returns the file an export writes: its name, media type and
// text (for PNG, the SVG drawing the browser turns into the image).
func (d *document) exportFile(format string) (name, mime, text string, err error) {
	base := strings.TrimSpace(d.Name)
	if base == "" {
		base = "workflow"
	}
	if format == exportSAM && d.Sam != nil {
		// The open template, every byte outside the definition as it came.
		name, mime, text, _, err = d.templateDownload()
		return name, mime, text, err
	}
	if d.Root == nil {
		return "", "", "", errNoDefinition
	}
	switch format {
	case exportJSON:
		return base + ".asl.json", "application/json", string(asl.PrintJSON(d.Root)), nil
	case exportYAML:
		return base + ".asl.yaml", "application/yaml", string(asl.PrintYAML(d.Root)), nil
	case exportSAM:
		gen, err := sam.Generate(d.Root, sam.GenerateOptions{Name: logicalID(d.Name), Inline: true})
		if err != nil {
			return "", "", "", err
		}
		return "template.yaml", "application/yaml", string(gen.Template), nil
	case exportSVG, exportPNG:
		ext := map[string]string{exportSVG: ".svg", exportPNG: ".png"}[format]
		return base + ext, "image/svg+xml", string(layout.SVG(d.Geom)), nil
	}
	return "", "", "", errUnknownExport(format)
}

// errNoDefinition is why a document whose code does not parse cannot be
// converted.
var errNoDefinition = exportError("the code has a syntax error: fix it first (Download keeps the text as it is)")

type exportError string

func (e exportError) Error() string { return string(e) }

func errUnknownExport(format string) error { return exportError("unknown export format " + format) }

// downloadPNG draws an SVG on a canvas at twice its size and saves the
// canvas as a PNG file.
func downloadPNG(filename, svg string) {
	if !app.IsClient {
		return
	}
	w := app.Window()
	img := w.Get("Image").New()
	var onLoad, onBlob app.Func
	onBlob = app.FuncOf(func(this app.Value, args []app.Value) any {
		onBlob.Release()
		if len(args) == 0 || !args[0].Truthy() {
			return nil
		}
		saveBlob(filename, args[0])
		return nil
	})
	onLoad = app.FuncOf(func(this app.Value, args []app.Value) any {
		onLoad.Release()
		const scale = 2
		c := w.Get("document").Call("createElement", "canvas")
		width, height := img.Get("naturalWidth").Int(), img.Get("naturalHeight").Int()
		c.Set("width", width*scale)
		c.Set("height", height*scale)
		g := c.Call("getContext", "2d")
		g.Call("scale", scale, scale)
		g.Call("drawImage", img, 0, 0)
		c.Call("toBlob", onBlob, "image/png")
		return nil
	})
	img.Set("onload", onLoad)
	img.Set("src", "data:image/svg+xml;charset=utf-8,"+w.Call("encodeURIComponent", svg).String())
}
