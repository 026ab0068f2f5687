package web

import (
	"fmt"
	"strings"
	"time"

	"github.com/aslstudio/aslstudio/engine/sim"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// renderTokenForm shows the task token a paused run waits for, the payload
// the task was scheduled with, and the callbacks a worker would make.
func (s *Studio) renderTokenForm() app.UI {
	r := s.runs()
	tok, state := r.ex.WaitingToken()
	if tok == "" {
		return nil
	}
	if r.tokOutput == "" {
		r.tokOutput = "{\n  \"approved\": true\n}"
	}
	// The payload the waiting state's task was scheduled with (other
	// branches may have scheduled tasks since).
	var payload any
	h := visitsOf(r.events, nil)
	if v := h.latest(state); v >= 0 {
		for i := h.visits[v].last; i >= h.visits[v].entered; i-- {
			if ev := r.events[i]; int(h.owner[i]) == v && ev.Type == "TaskScheduled" && ev.Details != nil {
				payload = ev.Details.Input
				break
			}
		}
	}
	return app.Div().Class("run-token").DataSet("run", "token-form").Body(
		app.Div().Class("run-kv").Body(app.Span().Text("Waiting"), app.Strong().Text(state)),
		app.Label().Class("run-label").Text("Task token"),
		app.Code().Class("run-tok").DataSet("run", "token").Text(tok),
		app.Label().Class("run-label").Text("Payload"),
		app.Pre().Class("run-json small").DataSet("run", "payload").Text(prettyJSON(payload)),
		app.Label().Class("run-label").Text("Output (JSON)"),
		app.Textarea().Class("run-code short").Aria("label", "Task output").Attr("spellcheck", "false").Text(r.tokOutput).
			OnInput(func(ctx app.Context, e app.Event) { r.tokOutput = ctx.JSSrc().Get("value").String() }, r.key),
		app.Div().Class("run-row").Body(
			app.Button().Class("btn primary").Aria("label", "Send success").Text("Send success").
				OnClick(func(ctx app.Context, e app.Event) { s.sendToken(ctx, "success") }),
			app.Button().Class("btn").Aria("label", "Heartbeat").Text("Heartbeat").
				OnClick(func(ctx app.Context, e app.Event) { s.sendToken(ctx, "heartbeat") }),
			s.renderTimeOutButton(),
		),
		app.Div().Class("run-row").Body(
			app.Input().Type("text").Placeholder("Error").Aria("label", "Failure error").Value(r.tokError).
				OnInput(func(ctx app.Context, e app.Event) { r.tokError = ctx.JSSrc().Get("value").String() }, r.key),
			app.Input().Type("text").Placeholder("Cause").Aria("label", "Failure cause").Value(r.tokCause).
				OnInput(func(ctx app.Context, e app.Event) { r.tokCause = ctx.JSSrc().Get("value").String() }, r.key),
			app.Button().Class("btn danger").Aria("label", "Send failure").Text("Send failure").
				OnClick(func(ctx app.Context, e app.Event) { s.sendToken(ctx, "failure") }),
		),
		when(r.tokNote != "", func() app.UI {
			return app.Div().Class("run-note").DataSet("run", "token-note").Text(r.tokNote)
		}),
	)
}

// sendToken answers the waiting task as SendTaskSuccess, SendTaskFailure
// or SendTaskHeartbeat would, then lets the run go on.
func (s *Studio) sendToken(ctx app.Context, what string) {
	r := s.runs()
	if r.ex == nil || r.ex.Status() != sim.StatusPaused {
		return
	}
	tok, _ := r.ex.WaitingToken()
	var err error
	switch what {
	case "success":
		out := strings.TrimSpace(r.tokOutput)
		if out == "" {
			out = "{}"
		}
		err = r.ex.SendTaskSuccess(tok, []byte(out))
	case "failure":
		err = r.ex.SendTaskFailure(tok, r.tokError, r.tokCause)
	case "timeout":
		d, _, ok := r.ex.NextDeadline()
		if !ok {
			err = fmt.Errorf("the task of %s has no TimeoutSeconds or HeartbeatSeconds and the execution no timeout: it waits until a token answers it", r.waitingState())
			break
		}
		_, err = r.ex.AdvanceClock(d)
	case "heartbeat":
		err = r.ex.SendTaskHeartbeat(tok)
		if err == nil {
			r.tokNote = "Heartbeat sent."
			r.events = r.ex.Events()
		}
	}
	if err != nil {
		r.tokNote = err.Error()
		return
	}
	if what != "heartbeat" {
		r.tokNote = ""
		s.continueRun(ctx, false)
	}
}

// renderTimeOutButton lets the virtual clock run to the waiting task's
// first deadline (its TimeoutSeconds, its HeartbeatSeconds since the last
// heartbeat, or the execution's timeout), as if no worker answered.
func (s *Studio) renderTimeOutButton() app.UI {
	r := s.runs()
	d, errName, ok := r.ex.NextDeadline()
	if !ok {
		return app.Span().Class("run-hint").DataSet("run", "no-deadline").Title("The task has no TimeoutSeconds or HeartbeatSeconds: it waits until a token answers it.").Text("No deadline")
	}
	what := errName
	if what == "" {
		what = "the execution times out"
	}
	return app.Button().Class("btn").Aria("label", "Let it time out").DataSet("run", "time-out").
		Title(fmt.Sprintf("Move the virtual clock %s ahead: %s", fmtSpan(d), what)).
		Text("Let it time out (" + fmtSpan(d) + ")").
		OnClick(func(ctx app.Context, e app.Event) { s.sendToken(ctx, "timeout") })
}

// waitingState names the state a paused run waits in.
func (r *runSession) waitingState() string {
	_, st := r.ex.WaitingToken()
	return st
}

// fmtSpan writes a virtual-clock span as people read it: 45s, 1m30s, 168h.
func fmtSpan(d time.Duration) string {
	d = d.Round(time.Second)
	h, m, sec := int64(d/time.Hour), int64(d%time.Hour/time.Minute), int64(d%time.Minute/time.Second)
	var b strings.Builder
	for _, p := range []struct {
		n    int64
		unit string
	}{{h, "h"}, {m, "m"}, {sec, "s"}} {
		if p.n > 0 {
			fmt.Fprintf(&b, "%d%s", p.n, p.unit)
		}
	}
	if b.Len() == 0 {
		return "0s"
	}
	return b.String()
}
