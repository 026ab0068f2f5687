package web

import (
	"fmt"
	"path"
	"strings"
	"unicode"

	"github.com/aslstudio/aslstudio/engine/sam"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// samPick is a template waiting for the user to choose which of its state
// machines to open (or to add the definition files it names).
type samPick struct {
	f *samFile
}

// samTab is the code pane's third tab: the template when one is open, or a
// button that generates one (sam new) for a plain definition.
func (s *Studio) samTab() app.UI {
	d := s.doc
	if d.Sam == nil {
		return app.Button().Class("tab add").Aria("label", "Generate SAM template").
			Title("Wrap this workflow in a new AWS SAM template").DataSet("tab", "sam-new").
			Disabled(d.Root == nil).Text("+ SAM template").
			OnClick(func(ctx app.Context, e app.Event) { s.generateTemplate(ctx) })
	}
	active := d.Format == formatSAM || d.TemplateView
	cls := "tab"
	if active {
		cls += " active"
	}
	return app.Button().Class(cls).Attr("role", "tab").Aria("label", "SAM template").Aria("selected", active).
		Title(d.Sam.Name).DataSet("tab", formatSAM).Text("SAM template").
		OnClick(func(ctx app.Context, e app.Event) { s.showTemplate(ctx) })
}

// showTemplate switches the code pane to the template: editable when the
// definition is written in it, read-only when it is in a file of its own.
func (s *Studio) showTemplate(ctx app.Context) {
	d := s.doc
	if d.Sam.inFile() {
		d.TemplateView = true
		s.save(ctx)
		return
	}
	d.TemplateView = false
	d.setFormat(formatSAM)
	s.committed(ctx)
	s.syncCode()
	s.revealInCode(s.selected)
}

// renderSamBar says which template and state machine the canvas edits.
func (s *Studio) renderSamBar() app.UI {
	d := s.doc
	m, _ := d.Sam.machine()
	where, whereTitle := "", ""
	if m != nil {
		switch m.DefinitionVia {
		case sam.ViaDefinitionURI, sam.ViaDefinitionS3Location:
			where, whereTitle = path.Base(m.File), m.DefinitionVia+" "+m.File
		default:
			where, whereTitle = m.DefinitionVia, "The definition is written in the template ("+m.DefinitionVia+")"
		}
	}
	return app.Div().Class("sam-bar").DataSet("sam-template", d.Sam.Name).DataSet("sam-machine", d.Sam.ID).Body(
		app.Span().Class("sam-file").Text(d.Sam.Name),
		app.Span().Class("sam-sep").Text("›"),
		app.Strong().Text(d.Sam.ID),
		when(where != "", func() app.UI { return app.Span().Class("sam-via").Title(whereTitle).Text(where) }),
		when(len(d.Sam.machines()) > 1, func() app.UI {
			return app.Button().Class("tab").Aria("label", "Choose another state machine").Text("Switch…").
				OnClick(func(ctx app.Context, e app.Event) { s.switchMachine(ctx) })
		}),
		app.Div().Class("spacer"),
		when(d.Sam.inFile(), func() app.UI {
			return app.Button().Class("tab").Aria("label", "Download template").Title("Download " + d.Sam.Name + " (unchanged: the definition is in its own file)").
				Text("⤓ Template").OnClick(func(ctx app.Context, e app.Event) {
				downloadText(d.Sam.Name, mimeOf(d.Sam.language()), d.Sam.Src)
			})
		}),
	)
}

// renderSamErr says why the last edit could not be written into the template.
func (s *Studio) renderSamErr() app.UI {
	return app.Div().Class("sam-err bar").Attr("role", "alert").DataSet("sam-error", "true").Text(s.doc.SamErr)
}

// renderTemplateView shows a template whose definition is in a file of its
// own: the template does not change when the definition does.
func (s *Studio) renderTemplateView() app.UI {
	d := s.doc
	m, _ := d.Sam.machine()
	file := ""
	if m != nil {
		file = m.File
	}
	return app.Div().Class("template-view").DataSet("template-view", "true").Body(
		app.P().Class("sam-note").Text(fmt.Sprintf("The definition of %s is in %s: edit it on the canvas or in the ASL tabs; Download saves that file. The template below stays as it is.", d.Sam.ID, file)),
		app.Pre().Class("code-editor template-text").Aria("label", "SAM template "+d.Sam.Name+" (read-only)").
			Attr("tabindex", "0").Text(d.Sam.Src),
	)
}

// renderSamPicker lists a template's state machines to choose from.
func (s *Studio) renderSamPicker() app.UI {
	p := s.samPick
	ms := p.f.machines()
	missing := false
	for _, m := range ms {
		if m.Err != nil && m.FilePath != "" {
			missing = true
		}
	}
	return app.Div().Class("overlay").Body(
		app.Div().Class("dialog sam-pick").Attr("role", "dialog").Aria("modal", "true").Aria("label", "Choose a state machine").Body(
			app.Div().Style("display", "flex").Style("align-items", "center").Body(
				app.H1().Text("Choose a state machine"),
				app.Div().Class("spacer"),
				app.Button().Class("btn icon").Aria("label", "Cancel opening the template").Text("✕").
					OnClick(func(ctx app.Context, e app.Event) { s.samPick = nil }),
			),
			app.P().Class("sam-note").Text(fmt.Sprintf("%s has %s. The one you choose opens on the canvas; the rest of the template is kept as it is.", p.f.Name, plural(len(ms), "state machine"))),
			app.Ul().Class("sam-machines").Aria("label", "State machines").Body(
				app.Range(ms).Slice(func(i int) app.UI {
					m := ms[i]
					detail := m.Type
					if m.WorkflowType != "" {
						detail += " · " + m.WorkflowType
					}
					if m.File != "" {
						detail += " · " + m.DefinitionVia + " " + m.File
					} else if m.DefinitionVia != "" {
						detail += " · " + m.DefinitionVia
					}
					states := ""
					if m.Definition != nil {
						if st := m.Definition.Get("States"); st != nil {
							states = plural(len(st.Fields), "state")
						}
					}
					return app.Li().Body(
						app.Button().Class("card sam-machine").DataSet("sam-machine", m.ID).
							Aria("label", "Open state machine "+m.ID).Disabled(m.Err != nil).
							// go-app keeps the first handler while its arguments stay the
							// same: read the template waiting now, not the one captured.
							OnClick(func(ctx app.Context, e app.Event) {
								if s.samPick != nil {
									s.openMachine(ctx, s.samPick.f, m.ID)
								}
							}, m.ID).Body(
							app.Strong().Text(m.ID),
							app.Span().Text(detail),
							when(states != "", func() app.UI { return app.Span().Text(states) }),
							when(m.Err != nil, func() app.UI {
								return app.Span().Class("sam-err").DataSet("sam-error", m.ID).Text(errText(m.Err))
							}),
						),
					)
				}),
			),
			app.Div().Class("sam-actions").Body(
				when(missing, func() app.UI {
					return app.Span().Class("sam-note").Text("Open the definition files together with the template (select them all in the picker, or drop them together).")
				}),
				app.Div().Class("spacer"),
				app.Button().Class("btn").Aria("label", "Add definition files").Text("Add files…").OnClick(s.onOpenClick),
				app.Button().Class("btn").Aria("label", "Cancel").Text("Cancel").
					OnClick(func(ctx app.Context, e app.Event) { s.samPick = nil }),
			),
		),
	)
}

// errText is an error without the folder the browser never had.
func errText(err error) string {
	return strings.TrimPrefix(err.Error(), "./")
}

// openTemplate opens a template read from files: its only state machine
// at once, else the picker. A template that does not parse is reported
// and the open document stays.
func (s *Studio) openTemplate(ctx app.Context, name, src string, files map[string]string) {
	f, err := newSamFile(name, src, files)
	if err != nil {
		s.hint = "Cannot open " + name + ": " + errText(err)
		return
	}
	ms := f.machines()
	if len(ms) == 1 && ms[0].Err == nil {
		s.openMachine(ctx, f, ms[0].ID)
		return
	}
	s.samPick = &samPick{f: f}
}

// addTemplateFiles adds files (definition files) to the template waiting
// in the picker, and opens it when that leaves one usable state machine.
func (s *Studio) addTemplateFiles(ctx app.Context, files map[string]string) {
	f := s.samPick.f
	all := map[string]string{}
	for k, v := range f.Files {
		all[k] = v
	}
	for k, v := range files {
		all[k] = v
	}
	g, err := newSamFile(f.Name, f.Src, all)
	if err != nil {
		s.hint = "Cannot open " + f.Name + ": " + errText(err)
		return
	}
	s.samPick = nil
	s.openTemplate(ctx, g.Name, g.Src, g.Files)
}

// switchMachine offers the template's other state machines, with the
// current one's edits written back into the template first.
func (s *Studio) switchMachine(ctx app.Context) {
	d := s.doc
	f := &samFile{Name: d.Sam.Name, Src: d.Sam.Src, Files: d.Sam.filesWith(d.Root), ID: d.Sam.ID}
	if d.Root != nil {
		if out, err := d.Sam.render(d.Root); err == nil {
			f.Src = out.Template
		}
	}
	if err := f.parse(); err != nil {
		s.hint = "Cannot read " + f.Name + ": " + errText(err)
		return
	}
	s.samPick = &samPick{f: f}
}

// openMachine makes a template's state machine the document.
func (s *Studio) openMachine(ctx app.Context, f *samFile, id string) {
	text, _, err := f.definition(id)
	if err != nil {
		s.hint = "Cannot open " + id + ": " + errText(err)
		return
	}
	s.samPick = nil
	s.hint = ""
	s.pushRecent(ctx)
	g := *f
	g.ID = id
	s.openDocument(id, []byte(text))
	s.doc.Sam = &g
	s.syncCode()
	s.save(ctx)
}

// generateTemplate wraps the plain definition in a new SAM template (as
// `aslstudio sam new --inline` does) and shows it.
func (s *Studio) generateTemplate(ctx app.Context) {
	d := s.doc
	if d.Root == nil || d.Sam != nil {
		return
	}
	id := logicalID(d.Name)
	gen, err := sam.Generate(d.Root, sam.GenerateOptions{Name: id, Inline: true})
	if err != nil {
		s.hint = "Cannot generate a template: " + err.Error()
		return
	}
	f, err := newSamFile("template.yaml", string(gen.Template), nil)
	if err != nil {
		s.hint = "Cannot generate a template: " + err.Error()
		return
	}
	f.ID = id
	d.Sam = f
	d.TemplateView = false
	d.setFormat(formatSAM)
	s.committed(ctx)
	s.syncCode()
}

// logicalID makes a CloudFormation logical id from a document name:
// "Order processing" gives "OrderProcessingStateMachine".
func logicalID(name string) string {
	var b strings.Builder
	up := true
	for _, r := range name {
		if r >= 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			continue // a logical id is ASCII; the word goes on
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if up {
				r = unicode.ToUpper(r)
			}
			b.WriteRune(r)
			up = false
		} else {
			up = true
		}
	}
	id := b.String()
	if id == "" || unicode.IsDigit(rune(id[0])) {
		id = "Workflow" + id
	}
	if !strings.HasSuffix(id, "StateMachine") {
		id += "StateMachine"
	}
	return id
}

// mimeOf is the media type of a JSON or YAML file.
func mimeOf(format string) string {
	if format == formatYAML {
		return "application/yaml"
	}
	return "application/json"
}

// templateDownload returns the file Download writes for a document opened
// from a template: the template with the definition written back, or the
// definition's own file (DefinitionUri), each byte outside the definition
// as it came. note is set when the code has a syntax error and the last
// valid definition was used.
func (d *document) templateDownload() (name, mime, text, note string, err error) {
	f := d.Sam
	if d.Format == formatSAM {
		// The template as shown, even with a syntax error: it is the user's work.
		return f.Name, mimeOf(f.language()), d.Text, "", nil
	}
	if d.ParseErr != nil {
		note = "The code has a syntax error: the download holds the last valid definition."
	}
	out, err := f.render(d.Root)
	if err != nil {
		return "", "", "", "", err
	}
	if out.DefPath != "" {
		format := formatJSON
		if strings.HasSuffix(out.DefPath, ".yaml") || strings.HasSuffix(out.DefPath, ".yml") {
			format = formatYAML
		}
		return path.Base(out.DefPath), mimeOf(format), out.Def, note, nil
	}
	return f.Name, mimeOf(f.language()), out.Template, note, nil
}
