package web

import (
	"fmt"
	"strconv"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/sim"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// maxScopeChips bounds the iteration chips drawn for a large Map; the
// number field and the arrows reach the others.
const maxScopeChips = 48

// containersOf lists the Map and Parallel states around a state, outermost
// first, then the state itself when it is one.
func (s *Studio) containersOf(name string) []string {
	parents := s.runs().parents(s.doc.SM)
	var out []string
	for p, ok := parents[name]; ok; p, ok = parents[p.container] {
		out = append([]string{p.container}, out...)
	}
	if st := s.doc.state(name); st != nil {
		switch st.Common().Type {
		case asl.TypeMap, asl.TypeParallel:
			out = append(out, name)
		}
	}
	return out
}

// renderScopePickers shows, for each Map or Parallel around the selected
// state (and for the state itself), the status of every iteration or
// branch and a picker choosing the one the canvas and the inspector show.
func (s *Studio) renderScopePickers(name string, sv *scopeView) app.UI {
	var rows []app.UI
	for _, c := range s.containersOf(name) {
		if ui := s.renderScopePicker(c, sv); ui != nil {
			rows = append(rows, ui)
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return app.Div().Class("scope-pickers").Body(rows...)
}

func (s *Studio) renderScopePicker(name string, sv *scopeView) app.UI {
	r := s.runs()
	st := s.doc.state(name)
	if st == nil {
		return nil
	}
	cr := sv.containers[name]
	shown, _ := sv.picked(r, name)
	_, hasPick := r.picks[name]
	if ps, ok := st.(*asl.ParallelState); ok {
		chips := make([]app.UI, 0, len(ps.Branches))
		for i, br := range ps.Branches {
			status := notReached
			if sc := cr.scope(i); sc != nil {
				status = sc.Status
			}
			label := fmt.Sprintf("Branch %d", i+1)
			if br != nil && br.StartAt != "" {
				label += " · " + br.StartAt
			}
			chips = append(chips, s.scopeChip(name, i, label, status, shown != nil && shown.Index == i, "Branch "+strconv.Itoa(i+1)+" of "+name))
		}
		return app.Div().Class("scope-picker").DataSet("scope-picker", name).DataSet("kind", kindParallel).Body(
			app.Span().Class("run-label").Text("Branches of "+name),
			app.Div().Class("scope-chips").Body(chips...),
		)
	}
	if cr == nil {
		return app.Div().Class("scope-picker").DataSet("scope-picker", name).DataSet("kind", kindMap).Body(
			app.Span().Class("run-label").Text("Iterations of "+name),
			app.Span().Class("run-hint").Text("not started at this point of the run"),
		)
	}
	if cr.Distributed {
		return app.Div().Class("scope-picker").DataSet("scope-picker", name).DataSet("kind", kindMap).Body(
			app.Span().Class("run-label").Text("Iterations of "+name),
			app.Span().Class("run-hint").Text(fmt.Sprintf("%d items run as child executions of a distributed Map; their events are not in this history.", cr.Length)),
		)
	}
	cur := -1
	if shown != nil {
		cur = shown.Index
	}
	total := cr.Length
	if total < len(cr.Scopes) {
		total = len(cr.Scopes)
	}
	cnt := cr.counts()
	summary := fmt.Sprintf("of %d · ✓ %d", total, cnt[sim.StateSucceeded])
	if k := cnt[sim.StateFailed] + cnt[scopeAborted]; k > 0 {
		summary += fmt.Sprintf(" · ✗ %d", k)
	}
	if k := cnt[sim.StateRunning]; k > 0 {
		summary += fmt.Sprintf(" · ● %d", k)
	}
	if k := total - len(cr.Scopes); k > 0 {
		summary += fmt.Sprintf(" · %d not started", k)
	}
	// A window of chips around the iteration shown.
	from := 0
	if total > maxScopeChips {
		from = cur - maxScopeChips/2
		if from < 0 {
			from = 0
		}
		if from > total-maxScopeChips {
			from = total - maxScopeChips
		}
	}
	to := min(total, from+maxScopeChips)
	chips := make([]app.UI, 0, to-from+2)
	if from > 0 {
		chips = append(chips, app.Span().Class("run-hint").Text("…"))
	}
	for i := from; i < to; i++ {
		status := notReached
		if sc := cr.scope(i); sc != nil {
			status = sc.Status
		}
		chips = append(chips, s.scopeChip(name, i, strconv.Itoa(i), status, i == cur, "Iteration "+strconv.Itoa(i)+" of "+name))
	}
	if to < total {
		chips = append(chips, app.Span().Class("run-hint").Text("…"))
	}
	firstFailed := -1
	for _, sc := range cr.Scopes {
		if sc.Status == sim.StateFailed || sc.Status == scopeAborted {
			firstFailed = sc.Index
			break
		}
	}
	goTo := func(i int) func(ctx app.Context, e app.Event) {
		return func(ctx app.Context, e app.Event) {
			if i >= 0 && i < total {
				r.pick(name, i)
			}
		}
	}
	return app.Div().Class("scope-picker").DataSet("scope-picker", name).DataSet("kind", kindMap).Body(
		app.Span().Class("run-label").Text("Iteration of "+name),
		app.Button().Class("btn icon").Aria("label", "Previous iteration of "+name).Text("◀").
			Disabled(cur <= 0).OnClick(goTo(cur-1), name, cur),
		app.Input().Type("number").Class("scope-index").Aria("label", "Iteration of "+name).
			Attr("min", 0).Attr("max", total-1).Value(cur).
			OnChange(func(ctx app.Context, e app.Event) {
				if i, err := strconv.Atoi(ctx.JSSrc().Get("value").String()); err == nil && i >= 0 && i < total {
					r.pick(name, i)
				}
			}, name, total),
		app.Button().Class("btn icon").Aria("label", "Next iteration of "+name).Text("▶").
			Disabled(cur < 0 || cur >= total-1).OnClick(goTo(cur+1), name, cur),
		app.Span().Class("run-hint").DataSet("scope-summary", name).Text(summary),
		when(firstFailed >= 0 && firstFailed != cur, func() app.UI {
			return app.Button().Class("btn").Aria("label", "First failed iteration of "+name).Text(fmt.Sprintf("First failed (#%d)", firstFailed)).
				OnClick(goTo(firstFailed), name, firstFailed)
		}),
		when(hasPick, func() app.UI {
			return app.Button().Class("btn").Aria("label", "Latest iteration of "+name).Text("Latest").
				OnClick(func(ctx app.Context, e app.Event) { r.pick(name, -1) }, name)
		}),
		app.Div().Class("scope-chips").Body(chips...),
	)
}

// scopeChip is one iteration or branch: its status, and a click picks it
// (a click on the one picked goes back to the latest).
func (s *Studio) scopeChip(container string, i int, label, status string, current bool, aria string) app.UI {
	r := s.runs()
	_, picked := r.picks[container]
	return app.Button().Class("scope-chip s-"+status).DataSet("scope-index", i).DataSet("status", status).
		Aria("pressed", current).Aria("label", aria+" ("+status+")").Title(aria+": "+status).Text(label).
		OnClick(func(ctx app.Context, e app.Event) {
			if current && picked {
				r.pick(container, -1)
				return
			}
			r.pick(container, i)
		}, container, i, current, picked)
}

// scopeCards are the data cards of the iteration or branch shown of a Map
// or Parallel: its input and output.
func scopeCards(kind string, sc *runScope) []app.UI {
	if sc == nil {
		return nil
	}
	what := fmt.Sprintf("Iteration #%d", sc.Index)
	if kind == kindParallel {
		what = fmt.Sprintf("Branch %d", sc.Index+1)
	}
	var out []app.UI
	if sc.HasInput {
		out = append(out, dataCard("scope-input", what+" input", sc.Input))
	}
	if sc.HasOutput && sc.Status == sim.StateSucceeded {
		out = append(out, dataCard("scope-output", what+" output", sc.Output))
	}
	return out
}
