package web

import (
	"fmt"

	"github.com/aslstudio/aslstudio/assets"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Studio is the root component: header, palette, canvas, inspector, code
// pane and status bar around one open document.
type Studio struct {
	app.Compo

	name    string
	source  []byte
	startAt string
	states  []stateInfo
	problem string
}

// OnInit opens the default example, so the pre-rendered page already shows it.
func (s *Studio) OnInit() {
	ex := assets.Default()
	s.open(ex.Title, ex.Definition())
}

// OnMount signals that the WASM app is live.
func (s *Studio) OnMount(ctx app.Context) {
	markReady()
}

func (s *Studio) open(name string, src []byte) {
	s.name = name
	s.source = src
	s.startAt, s.states, s.problem = "", nil, ""
	start, states, err := stopgapStates(src)
	if err != nil {
		s.problem = err.Error()
		return
	}
	s.startAt, s.states = start, states
}

// Render implements app.Composer.
func (s *Studio) Render() app.UI {
	return app.Div().Class("studio").Body(
		s.renderTopbar(),
		app.Div().Class("workspace").Body(
			app.Aside().Class("panel palette").Aria("label", "Palette").Body(
				app.H2().Text("Flow"),
			),
			app.Main().Class("canvas").Aria("label", "Canvas").Body(
				app.Ul().Class("state-list").Body(
					app.Range(s.states).Slice(func(i int) app.UI {
						st := s.states[i]
						return app.Li().DataSet("state", st.Name).Body(
							app.Span().Text(st.Name),
							app.Span().Class("type").Text(st.Type),
						)
					}),
				),
			),
			app.Div(),
			app.Aside().Class("panel inspector").Aria("label", "Inspector").Body(
				app.H2().Text("Validation"),
				app.P().Class("empty").Text(s.summary()),
			),
		),
		app.Footer().Class("statusbar").Body(
			app.Span().Text(fmt.Sprintf("%d states", len(s.states))),
			app.Span().Text("StartAt: "+s.startAt),
		),
	)
}

func (s *Studio) renderTopbar() app.UI {
	return app.Header().Class("topbar").Body(
		app.Div().Class("brand").Body(
			app.Img().Src("/web/icon.svg").Alt(""),
			app.Span().Text("ASL Studio"),
		),
		app.Span().Class("docname").Text(s.name),
		app.Div().Class("spacer"),
		s.renderStatus(),
	)
}

func (s *Studio) summary() string {
	if s.problem != "" {
		return s.problem
	}
	return fmt.Sprintf("%d states, starting at %q.", len(s.states), s.startAt)
}

func (s *Studio) renderStatus() app.UI {
	if s.problem != "" {
		return app.Span().Class("status invalid").DataSet("validation", "invalid").Text("Invalid")
	}
	return app.Span().Class("status valid").DataSet("validation", "valid").Text("Valid")
}
