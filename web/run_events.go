package web

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/aslstudio/aslstudio/engine/sim"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// maxEventRows bounds the events table's DOM; the filter narrows it.
const maxEventRows = 400

// renderEventsTab is the execution history in AWS's shape: filterable,
// a click travels to the event and selects its state.
func (s *Studio) renderEventsTab() app.UI {
	r := s.runs()
	f := strings.ToLower(strings.TrimSpace(r.filter))
	var rows []*sim.Event
	matched := 0
	for _, ev := range r.events {
		if f != "" && !eventMatches(ev, f) {
			continue
		}
		matched++
		if len(rows) < maxEventRows {
			rows = append(rows, ev)
		}
	}
	var start int64
	if len(r.events) > 0 {
		start = r.events[0].Timestamp.UnixMilli()
	}
	shown := int64(len(r.shown()))
	return app.Div().Class("run-pane").Body(
		app.Div().Class("run-row").Body(
			app.Input().Type("search").Class("run-filter").Placeholder("Filter by type, state or text").
				// No Value(r.filter): a render one keystroke late (go-app
				// renders at the next frame, the box's input event may come
				// after it) would write back the old text and drop the key
				// just typed. The box mounts empty, so opening the tab
				// clears the filter (runTab).
				Aria("label", "Filter events").
				OnInput(func(ctx app.Context, e app.Event) { r.filter = ctx.JSSrc().Get("value").String() }, r.key),
			app.Span().Class("run-hint").DataSet("run", "event-count").Text(fmt.Sprintf("%d of %d events", matched, len(r.events))),
			app.Div().Class("spacer"),
			app.Button().Class("btn").Aria("label", "Export history").Disabled(len(r.events) == 0).Text("Export JSON").
				OnClick(func(ctx app.Context, e app.Event) { s.exportHistory() }),
		),
		app.Div().Class("run-table-wrap").Body(
			app.Table().Class("run-table").Body(
				app.THead().Body(app.Tr().Body(
					app.Th().Text("ID"), app.Th().Text("Type"), app.Th().Text("State"),
					app.Th().Text("Time"), app.Th().Text("Details"),
				)),
				app.TBody().Body(app.Range(rows).Slice(func(i int) app.UI {
					ev := rows[i]
					cls := ""
					if ev.ID > shown {
						cls = "future"
					}
					if ev.ID == r.eventSel {
						cls += " selected"
					}
					if strings.HasSuffix(ev.Type, "Failed") || strings.HasSuffix(ev.Type, "TimedOut") || strings.HasSuffix(ev.Type, "Aborted") {
						cls += " bad"
					}
					name := ""
					if ev.Details != nil {
						name = ev.Details.Name
					}
					id := ev.ID
					return app.Tr().Class(cls).DataSet("event-id", id).DataSet("event-type", ev.Type).
						OnClick(func(ctx app.Context, e app.Event) { s.travelTo(id) }, id).Body(
						app.Td().Text(id),
						app.Td().Text(ev.Type),
						app.Td().Text(name),
						app.Td().Text(fmt.Sprintf("+%d ms", ev.Timestamp.UnixMilli()-start)),
						app.Td().Class("mono").Text(truncate(eventSummary(ev), 120)),
					)
				})),
			),
		),
	)
}

// eventMatches reports whether the filter text is in the event's type,
// state name or details.
func eventMatches(ev *sim.Event, f string) bool {
	if strings.Contains(strings.ToLower(ev.Type), f) {
		return true
	}
	if ev.Details != nil && strings.Contains(strings.ToLower(ev.Details.Name), f) {
		return true
	}
	return strings.Contains(strings.ToLower(eventSummary(ev)), f)
}

// eventSummary is a one-line form of the event's details.
func eventSummary(ev *sim.Event) string {
	d := ev.Details
	if d == nil {
		return ""
	}
	switch {
	case strings.HasPrefix(ev.Type, "MapIteration"):
		return fmt.Sprintf("iteration #%d", d.Index)
	case d.HasError || d.HasCause:
		return d.Error + ": " + d.Cause
	case d.HasOutput:
		return string(compactJSON(d.Output))
	case d.HasInput:
		return string(compactJSON(d.Input))
	}
	return ""
}

// travelTo shows the canvas and data as they were at event id.
func (s *Studio) travelTo(id int64) {
	r := s.runs()
	if r.running || id < 1 || int(id) > len(r.events) {
		return
	}
	r.view = int(id)
	if r.view == len(r.events) {
		r.view = -1
	}
	r.eventSel = id
	if ev := r.events[id-1]; ev.Details != nil && ev.Details.Name != "" {
		s.selected = ev.Details.Name
		// A Map iteration's event shows that iteration on the canvas.
		if strings.HasPrefix(ev.Type, "MapIteration") {
			r.pick(ev.Details.Name, ev.Details.Index)
		}
	}
}

// exportHistory downloads the history as GetExecutionHistory's JSON.
func (s *Studio) exportHistory() {
	r := s.runs()
	b, err := json.MarshalIndent(map[string]any{"events": r.events}, "", "  ")
	if err != nil {
		return
	}
	downloadText("execution-history.json", "application/json", string(b))
}
