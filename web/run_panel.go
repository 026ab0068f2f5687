package web

import (
	"fmt"
	"strings"
	"time"

	"github.com/aslstudio/aslstudio/engine/sim"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// renderRunPanel is the run dock under the workspace: a toolbar (type,
// Run, Step, Continue, Step back, Abort, progress), tabs for the input,
// the mocks, the events, the selected state's data and a single-state
// test, and the execution's result on the right.
func (s *Studio) renderRunPanel() app.UI {
	r := s.runs()
	s.listenRunKeys()
	status := r.status()
	running := r.running
	canContinue := r.ex != nil && !r.ex.Done() && !running && r.ex.Status() != sim.StatusPaused
	s.loadSplit()
	folded := s.cv.split.RunFolded
	dock := "run-dock"
	if folded {
		dock += " folded"
	}
	return app.Section().Class(dock).Aria("label", "Run panel").DataSet("run-panel", "true").Attr("style", s.runDockStyle()).Body(
		when(!folded, func() app.UI {
			return s.splitHandle("run", "Resize the run panel", "horizontal", s.runNow())
		}),
		s.renderRunBar(r, status, running, canContinue, folded),
		when(!folded, func() app.UI {
			return app.Div().Class("run-body").Body(
				app.Div().Class("run-main").Body(s.renderRunTab()),
				s.renderRunResult(),
			)
		}),
	)
}

// renderRunBar is the run panel's bar: fold, tabs, execution type, the run
// controls and the status. (A function of its own: with the panel in one,
// that function was among the costliest the browser optimizes on a first
// visit.)
func (s *Studio) renderRunBar(r *runSession, status string, running, canContinue, folded bool) app.UI {
	return app.Div().Class("run-bar").Body(

		app.Button().Class("btn icon run-fold").Aria("label", map[bool]string{false: "Fold the run panel", true: "Unfold the run panel"}[folded]).
			Aria("expanded", !folded).Title(map[bool]string{false: "Fold the run panel (more room for the canvas)", true: "Unfold the run panel"}[folded]).
			Text(map[bool]string{false: "▾", true: "▸"}[folded]).
			OnClick(func(ctx app.Context, e app.Event) { s.foldRun(!folded) }),
		app.Div().Class("run-tabs").Attr("role", "tablist").Body(
			s.runTab(runTabInput, "Input"),
			s.runTab(runTabMocks, "Mocks"),
			s.runTab(runTabEvents, fmt.Sprintf("Events (%d)", len(r.events))),
			s.runTab(runTabData, "State data"),
			s.runTab(runTabTest, "Test state"),
		),
		app.Div().Class("spacer"),
		app.Select().Class("run-type").Aria("label", "Execution type").Body(
			app.Option().Value(sim.Standard).Text("Standard").Selected(r.execType == sim.Standard),
			app.Option().Value(sim.Express).Text("Express").Selected(r.execType == sim.Express),
		).OnChange(func(ctx app.Context, e app.Event) { r.execType = ctx.JSSrc().Get("value").String() }, r.key),
		app.Button().Class("btn primary").Aria("label", "Run").Title("Run with these mocks").
			Disabled(running).Text("▶ Run").OnClick(func(ctx app.Context, e app.Event) { s.startRun(ctx) }),
		app.Button().Class("btn").Aria("label", "Step").Title("Step one event (F10)").
			Disabled(running).Text("Step").OnClick(func(ctx app.Context, e app.Event) { s.stepRun(ctx) }),
		app.Button().Class("btn").Aria("label", "Continue").Title("Continue to the next breakpoint (F8)").
			Disabled(!canContinue).Text("Continue").
			OnClick(func(ctx app.Context, e app.Event) { s.continueRun(ctx, true) }),
		app.Button().Class("btn").Aria("label", "Step back").Title("Show the history one event earlier").
			Disabled(running || len(r.events) < 2 || r.view == 1).Text("◀ Back").
			OnClick(func(ctx app.Context, e app.Event) { s.stepBack() }),
		app.Button().Class("btn danger").Aria("label", "Abort").Title("Abort the execution").
			Disabled(r.ex == nil || r.ex.Done()).Text("■ Abort").
			OnClick(func(ctx app.Context, e app.Event) { s.abortRun() }),
		s.renderRunProgress(status),
	)
}

// foldRun folds the run panel down to its bar, or unfolds it; the choice
// is remembered with the pane sizes.
func (s *Studio) foldRun(folded bool) {
	if s.cv.split.RunFolded == folded {
		return
	}
	s.cv.split.RunFolded = folded
	s.saveSplit()
}

func (s *Studio) runTab(tab, label string) app.UI {
	r := s.runs()
	cls := "run-tab"
	if r.tab == tab {
		cls += " active"
	}
	return app.Button().Class(cls).Attr("role", "tab").Aria("selected", r.tab == tab).DataSet("run-tab", tab).
		Aria("label", label+" tab").Text(label).
		OnClick(func(ctx app.Context, e app.Event) {
			// The session of the document open now: a click can reach a tab
			// drawn for the document that was open before.
			r := s.runs()
			if tab == runTabEvents && r.tab != tab {
				r.filter = "" // the filter box mounts empty (renderEventsTab)
			}
			r.tab = tab
			s.foldRun(false)
		}, tab, r.key)
}

// renderRunProgress is the status pill, the position in the history and
// the time the run took.
func (s *Studio) renderRunProgress(status string) app.UI {
	r := s.runs()
	if r.ex == nil {
		return app.Span().Class("run-pill").DataSet("run-status", "").Text("Not run")
	}
	label := status
	switch {
	case r.running:
		label = "Running…"
	case r.stoppedAt != "":
		label = "Breakpoint · " + r.stoppedAt
	}
	pos := fmt.Sprintf("%d events", len(r.events))
	if !r.live() {
		pos = fmt.Sprintf("event %d of %d", r.view, len(r.events))
	}
	return app.Span().Class("run-progress").Body(
		app.Span().Class("run-pill s-"+strings.ToLower(status)).DataSet("run-status", status).Attr("role", "status").Text(label),
		app.Span().Class("run-pos").DataSet("run-events", len(r.events)).DataSet("run-view", r.view).Text(pos),
		app.Span().Class("run-time").DataSet("run-ms", r.elapsed.Milliseconds()).Text(fmtDuration(r.elapsed)),
	)
}

func fmtDuration(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

func (s *Studio) renderRunTab() app.UI {
	switch s.runs().tab {
	case runTabMocks:
		return s.renderMocksTab()
	case runTabEvents:
		return s.renderEventsTab()
	case runTabData:
		return s.renderStateData()
	case runTabTest:
		return s.renderTestState()
	}
	return s.renderInputTab()
}

func (s *Studio) renderInputTab() app.UI {
	r := s.runs()
	return app.Div().Class("run-pane").Body(
		s.renderSavedInputs(),
		app.Textarea().Class("run-code").Aria("label", "Execution input").DataSet("run", "input").
			Attr("spellcheck", "false").Text(r.input).
			OnInput(func(ctx app.Context, e app.Event) {
				r.input = ctx.JSSrc().Get("value").String()
				r.savedSel = ""
				r.checkInput()
			}, r.key),
		when(r.inputErr != "", func() app.UI {
			return app.Div().Class("run-err").DataSet("run", "input-error").Text(r.inputErr)
		}),
	)
}

func (s *Studio) renderMocksTab() app.UI {
	r := s.runs()
	machines, cases := r.testCases()
	return app.Div().Class("run-pane").Body(
		app.Div().Class("run-row").Body(
			app.Label().Class("run-label").Text("MockConfigFile"),
			when(len(machines) > 1, func() app.UI {
				return app.Select().Aria("label", "Mock state machine").Body(
					app.Range(machines).Slice(func(i int) app.UI {
						return app.Option().Value(machines[i]).Text(machines[i]).Selected(machines[i] == r.machine)
					}),
				).OnChange(func(ctx app.Context, e app.Event) { r.machine = ctx.JSSrc().Get("value").String() }, r.key)
			}),
			app.Select().Aria("label", "Test case").DataSet("run", "test-case").Body(
				app.Option().Value("").Text("(no test case)").Selected(r.testCase == ""),
				app.Range(cases).Slice(func(i int) app.UI {
					return app.Option().Value(cases[i]).Text(cases[i]).Selected(cases[i] == r.testCase)
				}),
			).OnChange(func(ctx app.Context, e app.Event) { r.testCase = ctx.JSSrc().Get("value").String() }, r.key),
			app.Div().Class("spacer"),
			app.Button().Class("btn").Aria("label", "Import mocks").Text("Import…").
				OnClick(func(ctx app.Context, e app.Event) {
					if el := app.Window().GetElementByID("run-mocks-file"); el.Truthy() {
						el.Set("value", "")
						el.Call("click")
					}
				}),
			app.Input().Type("file").ID("run-mocks-file").Style("display", "none").Aria("label", "Choose a MockConfigFile").
				Accept(".json,.yaml,.yml,application/json").OnChange(s.onMocksChosen),
			app.Button().Class("btn").Aria("label", "Export mocks").
				Title("Download the MockConfigFile with the per-state mocks edited here").Text("Export").
				OnClick(func(ctx app.Context, e app.Event) { s.exportMocks() }),
		),
		app.Div().Class("mocks-cols").Body(
			app.Div().Class("mocks-file").Body(
				app.Textarea().Class("run-code").Aria("label", "Mock config").DataSet("run", "mocks").
					Attr("spellcheck", "false").Text(r.mocks).
					OnInput(func(ctx app.Context, e app.Event) {
						r.mocks = ctx.JSSrc().Get("value").String()
						r.checkMocks()
					}, r.key),
				when(r.mocksErr != "", func() app.UI {
					return app.Div().Class("run-err").DataSet("run", "mocks-error").Text(r.mocksErr)
				}),
			),
			s.renderStateMocks(),
		),
	)
}

// onMocksChosen reads an imported MockConfigFile and picks its first test case.
func (s *Studio) onMocksChosen(ctx app.Context, e app.Event) {
	files := ctx.JSSrc().Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	var then app.Func
	then = app.FuncOf(func(this app.Value, args []app.Value) any {
		text := args[0].String()
		ctx.Dispatch(func(ctx app.Context) {
			r := s.runs()
			r.mocks = text
			if _, ok := r.checkMocks(); ok {
				machines, cases := r.testCases()
				if len(machines) > 0 && !contains(machines, r.machine) {
					r.machine = machines[0]
					_, cases = r.testCases()
				}
				if !contains(cases, r.testCase) {
					r.testCase = ""
					if len(cases) > 0 {
						r.testCase = cases[0]
					}
				}
			}
		})
		then.Release()
		return nil
	})
	files.Index(0).Call("text").Call("then", then)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// renderRunResult is the execution's outcome: status, output or error and
// cause, and the task token form while the run is paused.
func (s *Studio) renderRunResult() app.UI {
	r := s.runs()
	body := []app.UI{app.H3().Text("Execution")}
	switch {
	case r.startErr != "":
		body = append(body, app.Div().Class("run-err").DataSet("run", "start-error").Text(r.startErr))
	case r.ex == nil:
		body = append(body, app.P().Class("run-hint").Text("Run the workflow with the input and mocks on the left. Click a state to see its data; F9 sets a breakpoint."))
	default:
		st := r.status()
		body = append(body, app.Div().Class("run-kv").Body(
			app.Span().Text("Status"),
			app.Strong().Class("s-"+strings.ToLower(st)).DataSet("run", "status").Text(st),
		))
		if st == sim.StatusSucceeded {
			body = append(body, app.Pre().Class("run-json").DataSet("run", "output").Text(prettyJSON(r.ex.Output())))
		}
		if st != sim.StatusRunning && (r.ex.HasError() || r.ex.Error() != "") {
			body = append(body, app.Div().Class("run-kv").Body(
				app.Span().Text("Error"), app.Code().DataSet("run", "error").Text(r.ex.Error())))
		}
		if st != sim.StatusRunning && r.ex.HasCause() {
			body = append(body, app.Div().Class("run-kv").Body(
				app.Span().Text("Cause"), app.Span().DataSet("run", "cause").Text(r.ex.Cause())))
		}
		if st == sim.StatusPaused {
			body = append(body, s.renderTokenForm())
		}
	}
	return app.Aside().Class("run-result").Body(body...)
}

// status is the execution status the panel shows: RUNNING while the run
// goes on in chunks, even when the engine has already finished, so that
// the status never runs ahead of the history the canvas and the data
// show (they follow the events copied at the end of the run).
func (r *runSession) status() string {
	switch {
	case r.ex == nil:
		return ""
	case r.running:
		return sim.StatusRunning
	}
	return r.ex.Status()
}
