package web

import (
	"strings"
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/sim"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// chunkBudget is how long the engine runs before it yields to the page, so
// that a long run keeps the tab responsive and Abort is heard mid-run.
const chunkBudget = 12 * time.Millisecond

// runSeed makes runs in the editor reproducible.
const runSeed = 1

// checkInput validates the input editor's JSON.
func (r *runSession) checkInput() (any, bool) {
	text := strings.TrimSpace(r.input)
	if text == "" {
		r.inputErr = ""
		return map[string]any{}, true
	}
	v, err := asl.DecodeJSON([]byte(text))
	if err != nil {
		r.inputErr = err.Error()
		return nil, false
	}
	r.inputErr = ""
	return v, true
}

// checkMocks parses the MockConfigFile ("" means no mocks).
func (r *runSession) checkMocks() (*sim.MockConfig, bool) {
	if strings.TrimSpace(r.mocks) == "" {
		r.mocksErr = ""
		return nil, true
	}
	mc, err := sim.ParseMockConfig([]byte(r.mocks))
	if err != nil {
		r.mocksErr = err.Error()
		return nil, false
	}
	r.mocksErr = ""
	return mc, true
}

// newExecution prepares an execution of the document with the panel's
// input, mocks and type; it reports why it could not.
func (s *Studio) newExecution() bool {
	r := s.runs()
	r.startErr = ""
	if s.doc.Root == nil {
		r.startErr = "The definition does not parse."
		return false
	}
	in, ok := r.checkInput()
	if !ok {
		r.startErr = "The input is not valid JSON: " + r.inputErr
		r.tab = runTabInput
		s.foldRun(false) // what it shows must be seen
		return false
	}
	mc, ok := r.checkMocks()
	if !ok {
		r.startErr = "The mocks are not a valid MockConfigFile: " + r.mocksErr
		r.tab = runTabMocks
		s.foldRun(false) // what it shows must be seen
		return false
	}
	sm, bad := r.stateMocks()
	if bad != "" {
		r.startErr = "A per-state mock is not valid: " + bad
		r.tab = runTabMocks
		s.foldRun(false) // what it shows must be seen
		return false
	}
	// Branches and concurrent iterations interleave in virtual time as in
	// AWS (and the aslstudio command): a Parallel lasts as long as its
	// longest branch, and the history reads like AWS's.
	opts := sim.Options{Type: r.execType, Seed: runSeed, Mocks: mc, TestCase: r.testCase, StateMocks: sm, InterleaveBranches: true}
	if mc != nil {
		if _, ok := mc.StateMachines[r.machine]; ok {
			opts.MockStateMachine = r.machine
		}
	}
	ex, err := sim.NewExecution(asl.PrintJSON(s.doc.Root), asl.EncodeJSON(in), opts)
	if err != nil {
		r.startErr = err.Error()
		return false
	}
	r.ex, r.events = ex, nil
	r.view, r.stoppedAt, r.eventSel = -1, "", 0
	r.tokNote = ""
	r.seq++
	r.started, r.elapsed = time.Now(), 0
	return true
}

// startRun starts a new execution and runs it in chunks to the end, a
// breakpoint or a task token.
func (s *Studio) startRun(ctx app.Context) {
	if !s.newExecution() {
		return
	}
	s.continueRun(ctx, false)
}

// continueRun runs the current execution in chunks. skipFirst lets the
// run leave the breakpoint it stopped on.
func (s *Studio) continueRun(ctx app.Context, skipFirst bool) {
	r := s.runs()
	if r.ex == nil || r.ex.Done() || r.running {
		return
	}
	r.view, r.stoppedAt = -1, ""
	r.running, r.abort = true, false
	seq, ex := r.seq, r.ex
	// The run reports through the studio's own context: go-app drops a
	// dispatch whose source is no longer mounted, and the control that
	// started the run may go away as it runs ("Send success" disappears
	// with the token form), which left the run's end unreported (the
	// panel showed Running… for ever after Heartbeat then Send success).
	if s.ctx != nil {
		ctx = s.ctx
	}
	ctx.Async(func() { s.runLoop(ctx, r, ex, seq, skipFirst) })
}

// paintEvery is how often a long run redraws its progress.
const paintEvery = 100 * time.Millisecond

// runLoop runs the engine in chunks of chunkBudget, sleeping between
// them: in the browser a sleep returns to the event loop, which paints and
// handles clicks (Abort) before the next chunk. The page is redrawn at
// most every paintEvery while the run goes on, and once at the end.
// Goroutines do not preempt each other in WebAssembly, so the UI never
// sees the execution in the middle of a step.
func (s *Studio) runLoop(ctx app.Context, r *runSession, ex *sim.Execution, seq int, skipFirst bool) {
	lastPaint := time.Now()
	for {
		if r.seq != seq {
			return
		}
		if r.abort {
			ex.Abort()
			break
		}
		deadline := time.Now().Add(chunkBudget)
		stop := false
		for n := 0; ; n++ {
			ev := ex.Step()
			if ev == nil {
				stop = true
				break
			}
			if !skipFirst && r.isBreakpoint(ev) {
				r.stoppedAt = ev.Details.Name
				stop = true
				break
			}
			skipFirst = false
			if n%8 == 7 && time.Now().After(deadline) {
				break
			}
		}
		if stop {
			break
		}
		if time.Since(lastPaint) > paintEvery {
			lastPaint = time.Now()
			ctx.Dispatch(func(ctx app.Context) {
				if r.seq == seq {
					r.events = ex.Events()
					r.elapsed = time.Since(r.started)
				}
			})
		}
		time.Sleep(time.Millisecond)
	}
	ctx.Dispatch(func(ctx app.Context) {
		if r.seq == seq {
			s.endChunks()
		}
	})
}

func (s *Studio) endChunks() {
	r := s.runs()
	r.running = false
	r.events = r.ex.Events()
	r.elapsed = time.Since(r.started)
	if r.ex.Status() == sim.StatusPaused {
		r.tab = runTabData
		s.foldRun(false) // what it shows must be seen
		if _, st := r.ex.WaitingToken(); st != "" {
			s.selected = st
		}
	}
}

// isBreakpoint reports whether ev enters a state with a breakpoint.
func (r *runSession) isBreakpoint(ev *sim.Event) bool {
	return len(r.breakpoints) > 0 && strings.HasSuffix(ev.Type, "StateEntered") && ev.Details != nil && r.breakpoints[ev.Details.Name]
}

// stepRun moves one history event: forward in the recorded history when
// the view is in the past, else the engine runs one event (starting a run
// when there is none).
func (s *Studio) stepRun(ctx app.Context) {
	r := s.runs()
	if r.running {
		return
	}
	if r.ex != nil && !r.live() {
		r.view++
		if r.view >= len(r.events) {
			r.view = -1
		}
		s.selectShownEvent()
		return
	}
	if r.ex == nil || r.ex.Done() {
		if !s.newExecution() {
			return
		}
	}
	r.stoppedAt = ""
	if ev := r.ex.Step(); ev != nil && ev.Details != nil && ev.Details.Name != "" {
		s.selected = ev.Details.Name
	}
	r.events = r.ex.Events()
	r.elapsed = time.Since(r.started)
}

// stepBack shows the history one event earlier (time travel).
func (s *Studio) stepBack() {
	r := s.runs()
	if r.ex == nil || r.running || len(r.events) == 0 {
		return
	}
	if r.view < 0 {
		r.view = len(r.events)
	}
	if r.view > 1 {
		r.view--
	}
	s.selectShownEvent()
}

// selectShownEvent selects the state of the last event shown.
func (s *Studio) selectShownEvent() {
	r := s.runs()
	ev := r.shown()
	if len(ev) == 0 {
		return
	}
	last := ev[len(ev)-1]
	r.eventSel = last.ID
	if last.Details != nil && last.Details.Name != "" {
		s.selected = last.Details.Name
	}
}

// abortRun stops the execution (mid-run, at a breakpoint or on a token).
func (s *Studio) abortRun() {
	r := s.runs()
	if r.ex == nil || r.ex.Done() {
		return
	}
	if r.running {
		r.abort = true
		return
	}
	r.ex.Abort()
	r.events = r.ex.Events()
	r.view = -1
}

// toggleBreakpoint sets or clears the breakpoint on a state.
func (s *Studio) toggleBreakpoint(name string) {
	if name == "" || s.doc.state(name) == nil {
		return
	}
	r := s.runs()
	if r.breakpoints[name] {
		delete(r.breakpoints, name)
	} else {
		r.breakpoints[name] = true
	}
}

// runKeysListening is set once the run keys are listened to.
var runKeysListening bool

// runKeyLabel is the run panel's button a key stands for ("" for none).
func runKeyLabel(key string) string {
	switch key {
	case "F9":
		return "Toggle breakpoint"
	case "F10":
		return "Step"
	case "F8":
		return "Continue"
	}
	return ""
}

// listenRunKeys handles F9 (toggle a breakpoint on the selected state),
// F10 (step) and F8 (continue), anywhere in the page. The listener is the
// page's own, not go-app's (Window().AddEventListener), which re-rendered
// the whole studio after every key pressed anywhere, typing included.
func (s *Studio) listenRunKeys() {
	if runKeysListening || !app.IsClient {
		return
	}
	runKeysListening = true
	fn := app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		label := runKeyLabel(e.Get("key").String())
		if label == "" {
			return nil
		}
		e.Call("preventDefault")
		if label == "Toggle breakpoint" {
			if s.ctx != nil {
				s.ctx.Dispatch(func(ctx app.Context) { s.toggleBreakpoint(s.selected) })
			}
			return nil
		}
		// The buttons run in the studio's context (a long run needs it).
		if b := app.Window().Get("document").Call("querySelector", `[data-run-panel] [aria-label="`+label+`"]`); b.Truthy() {
			b.Call("click")
		}
		return nil
	})
	app.Window().Call("addEventListener", "keydown", fn) // for the page's life
}
