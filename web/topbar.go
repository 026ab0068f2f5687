package web

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func (s *Studio) renderTopbar() app.UI {
	return app.Header().Class("topbar").Body(
		app.Div().Class("brand").Body(
			app.Img().Src("/web/icon.svg").Alt(""),
			app.Span().Text("ASL Studio"),
		),
		app.Input().Type("text").Class("docname").Value(s.doc.Name).Aria("label", "Document name").
			OnChange(func(ctx app.Context, e app.Event) {
				s.doc.Name = ctx.JSSrc().Get("value").String()
				s.save(ctx)
			}),
		app.Div().Class("sep"),
		app.Button().Class("btn").Aria("label", "New").Title("New workflow").Text("New").OnClick(s.onNew),
		app.Button().Class("btn").Aria("label", "Open file").Title("Open an ASL JSON or YAML file, or a SAM/CloudFormation template with its definition files").Text("Open").OnClick(s.onOpenClick),
		app.Input().Type("file").ID("open-file").Style("display", "none").Aria("label", "Choose a file to open").
			Accept(".json,.yaml,.yml,.asl,.template,application/json").Multiple(true).OnChange(s.onFileChosen),
		app.Button().Class("btn").Aria("label", "Download").Title("Download the definition in the form it came in").Text("Download").OnClick(s.onDownload),
		s.renderExport(),
		s.renderShare(),
		app.Button().Class("btn").Aria("label", "Examples").Title("Open an example").Text("Examples").
			OnClick(func(ctx app.Context, e app.Event) { s.showGallery = true }),
		app.Div().Class("sep"),
		app.Button().Class("btn icon").Aria("label", "Undo").Title("Undo (Ctrl+Z)").Text("↶").
			DataSet("history", fmt.Sprintf("%d/%d", s.hist.at, len(s.hist.steps))).
			Disabled(!s.hist.canUndo()).OnClick(func(ctx app.Context, e app.Event) { s.undo(ctx) }),
		app.Button().Class("btn icon").Aria("label", "Redo").Title("Redo (Ctrl+Shift+Z)").Text("↷").
			Disabled(!s.hist.canRedo()).OnClick(func(ctx app.Context, e app.Event) { s.redo(ctx) }),
		app.Div().Class("spacer"),
		app.Div().Class("seg").Attr("role", "group").Aria("label", "View").Body(
			s.viewButton(viewDesign, "Design"),
			s.viewButton(viewSplit, "Split"),
			s.viewButton(viewCode, "Code"),
		),
		app.Div().Class("sep"),
		s.renderStatus(),
	)
}

func (s *Studio) viewButton(mode, label string) app.UI {
	cls := "btn"
	if s.viewMode == mode {
		cls += " active"
	}
	return app.Button().Class(cls).Aria("label", label+" view").Aria("pressed", s.viewMode == mode).Text(label).
		OnClick(func(ctx app.Context, e app.Event) {
			s.viewMode = mode
			s.save(ctx)
		}, mode)
}

// renderStatus is the validation status. data-checking="true" marks a
// change whose validation has not run yet: its diagnostics, and the layout
// they change, are still to come.
func (s *Studio) renderStatus() app.UI {
	cls, state, text := "status valid", "valid", "Valid"
	if s.doc.ParseErr != nil {
		cls, state, text = "status invalid", "syntax", "Syntax error"
	} else if errs, warns := s.doc.errorCount(); errs > 0 {
		cls, state, text = "status invalid", "invalid", plural(errs, "error")
	} else if warns > 0 {
		cls, text = "status warnings", "Valid · "+plural(warns, "warning")
	}
	return app.Span().Class(cls).DataSet("validation", state).DataSet("checking", s.doc.diagsStale).
		Attr("role", "status").Text(text)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func (s *Studio) renderStatusbar() app.UI {
	n := 0
	if s.doc.SM != nil {
		n = len(s.doc.states)
	}
	start := ""
	if s.doc.SM != nil {
		start = s.doc.SM.StartAt
	}
	saved := "Autosaved in this browser"
	if s.embed {
		saved = "Changes here are not kept: Open in ASL Studio to keep them"
	}
	return app.Footer().Class("statusbar").Body(
		app.Span().DataSet("state-count", n).Text(plural(n, "state")),
		app.Span().Text("Starts at "+start),
		app.Span().Text(fmt.Sprintf("Zoom %d%%", int(s.view.K*100+0.5))),
		when(s.hint != "", func() app.UI {
			return app.Span().DataSet("hint", "true").Attr("role", "status").Style("color", "var(--warn)").Text(s.hint)
		}),
		when(s.storageWarning != "", func() app.UI {
			return app.Span().DataSet("storage-warning", "true").Style("color", "var(--danger)").Text(s.storageWarning)
		}),
		app.Div().Class("spacer"),
		app.Span().Text(saved),
	)
}

func (s *Studio) onNew(ctx app.Context, e app.Event) {
	s.pushRecent(ctx)
	s.openDocument("Untitled workflow", []byte(newWorkflow))
	s.syncCode()
	s.save(ctx)
}

// newWorkflow is what New opens: the smallest useful definition.
const newWorkflow = `{
  "Comment": "A new workflow",
  "StartAt": "Start here",
  "States": {
    "Start here": {
      "Type": "Pass",
      "Next": "Done"
    },
    "Done": {
      "Type": "Succeed"
    }
  }
}
`
