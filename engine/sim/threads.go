package sim

import (
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// Parallel branches (and, with the same option, the iterations of an
// inline Map whose MaxConcurrency is not 1) run as coroutines under a deterministic scheduler, so
// that their events interleave the way AWS records them: every branch
// starts, each runs until it waits (a task is scheduled, a task is
// started, a Wait, a back-off or a task's duration), and the scheduler
// then resumes the waiting branch whose virtual clock is earliest (ties in
// the order they began to wait). Only one goroutine runs at a time, so a
// run is deterministic. When a branch fails, the branches that have not
// started yet start (AWS launches them all), every branch still running
// is stopped with a <Type>StateAborted event for the state it is in, and
// the Parallel state fails with the first branch's error.

// thread is one branch run by a scheduler.
type thread struct {
	s      *scheduler
	f      *frame
	idx    int
	m      *asl.StateMachine
	input  any
	wake   time.Time
	seq    int64
	resume chan bool // true: stop (the branch is aborted)

	started, done bool
	out           any
	fail          *failure
	// panicked is a panic of the branch (an aborted execution, an
	// internal error) to raise again in the scheduler's goroutine.
	panicked any
}

// scheduler runs the branches of one Parallel state.
type scheduler struct {
	back    chan *thread
	threads []*thread
	seq     int64
}

// threadAbort unwinds a branch that the scheduler stops.
type threadAbort struct{}

// yield hands control back to the scheduler until the branch may go on at
// virtual time at. It is called in the branch's goroutine.
func (th *thread) yield(at time.Time) {
	s := th.s
	s.seq++
	th.wake, th.seq = at, s.seq
	s.back <- th
	if stop := <-th.resume; stop {
		panic(threadAbort{})
	}
}

// main runs the branch in its goroutine.
func (th *thread) main() {
	defer func() {
		if p := recover(); p != nil {
			if _, ok := p.(threadAbort); !ok {
				th.panicked = p
			}
		}
		th.done = true
		th.s.back <- th
	}()
	th.out, th.fail = th.f.runMachine(th.m, th.input, false)
}

// step runs th until it waits or ends (stop: until it has unwound).
func (s *scheduler) step(th *thread, stop bool) {
	if !th.started {
		if stop {
			th.done = true
			return
		}
		th.started = true
		go th.main()
	} else {
		th.resume <- stop
	}
	<-s.back
}

// next returns the waiting branch to resume: the earliest clock, then the
// earliest to wait; nil when all have ended.
func (s *scheduler) next() *thread {
	var best *thread
	for _, th := range s.threads {
		if th.done {
			continue
		}
		if best == nil || th.wake.Before(best.wake) || (th.wake.Equal(best.wake) && th.seq < best.seq) {
			best = th
		}
	}
	return best
}

// stepNext runs the next thread to its next suspension, from the frame f
// that owns the scheduler, and returns it (nil when all are done); a
// thread's panic is raised again here.
func (s *scheduler) stepNext(f *frame) *thread {
	th := s.next()
	if th == nil {
		return nil
	}
	// Inside an enclosing branch, let its siblings run first when their
	// clocks are earlier.
	f.yieldPoint()
	s.step(th, false)
	if th.panicked != nil {
		panic(th.panicked)
	}
	return th
}

// stopAll unwinds every branch that is still suspended.
func (s *scheduler) stopAll() {
	for _, th := range s.threads {
		if !th.done {
			s.step(th, true)
		}
	}
}

// yieldPoint lets other branches run when f belongs to a branch: the
// frame waits here (an asynchronous step of a task).
func (f *frame) yieldPoint() {
	if f.th != nil {
		f.th.yield(f.now)
	}
}

// runBranches runs the branches of a Parallel state with input and
// returns their outputs in branch order, or the first failure.
func (r *stateRun) runBranches(branches []*asl.StateMachine, in any) ([]any, *failure) {
	f := r.f
	s := &scheduler{back: make(chan *thread)}
	for i, b := range branches {
		cf := f.child()
		s.seq++
		th := &thread{s: s, f: cf, idx: i, m: b, input: in, wake: f.now, seq: s.seq, resume: make(chan bool)}
		cf.th = th
		s.threads = append(s.threads, th)
	}
	// Branches still suspended when this returns or panics (an aborted
	// execution) are unwound, so no goroutine is left behind.
	defer s.stopAll()
	end := f.now
	var last *thread
	for {
		th := s.stepNext(f)
		if th == nil {
			break
		}
		if th.f.now.After(end) {
			end = th.f.now
		}
		if !th.done {
			continue
		}
		last = th
		if th.fail != nil {
			fl := th.fail
			r.abortBranches(s, th)
			f.now, f.prev = th.f.now, th.f.prev
			return nil, fl
		}
	}
	results := make([]any, len(branches))
	for i, th := range s.threads {
		results[i] = th.out
	}
	if last != nil {
		f.prev = last.f.prev
	}
	f.now = end
	return results, nil
}

// settle runs, once failed has failed, what still happens at that
// virtual instant: the branches waiting until then (or not started yet)
// run until they wait past it or end; their own failures do not change
// the state's error. It returns the branches that ended meanwhile.
func (s *scheduler) settle(failed *thread) (ended map[*thread]bool) {
	t := failed.f.now
	ended = map[*thread]bool{}
	for {
		var best *thread
		for _, th := range s.threads {
			if th.done || th.wake.After(t) {
				continue
			}
			if best == nil || th.wake.Before(best.wake) || (th.wake.Equal(best.wake) && th.seq < best.seq) {
				best = th
			}
		}
		if best == nil {
			return ended
		}
		s.step(best, false)
		if best.panicked != nil {
			panic(best.panicked)
		}
		if best.done {
			ended[best] = true
		}
	}
}

// abortBranches handles a failed branch: what happens at the same instant
// happens (settle: the branches not started yet start), then the failed branch's task state and the state
// every other unfinished branch is in get a StateAborted event, and those
// branches are unwound.
func (r *stateRun) abortBranches(s *scheduler, failed *thread) {
	ended := s.settle(failed)
	if b := failed.f.active; b != nil && b.Type == asl.TypeTask {
		failed.f.emit(asl.TypeTask+"StateAborted", nil)
	}
	for _, th := range s.threads {
		// Branches that ended well are left alone; those that failed at
		// the same instant are aborted like the running ones.
		if th == failed || (th.done && (!ended[th] || th.fail == nil)) {
			continue
		}
		if b := th.f.active; b != nil {
			th.f.emit(b.Type+"StateAborted", nil)
		}
	}
	s.stopAll()
}

// runIterations runs the iterations of an inline Map as AWS does with
// Options.InterleaveBranches: up to maxConc at once (0: all), each
// launched with MapIterationStarted, interleaved like Parallel branches;
// an iteration that ends writes MapIterationSucceeded and frees its slot
// for the next. When one fails: MapIterationFailed, its task state
// aborted, then MapIterationAborted and the aborted state of every other
// running iteration.
func (r *stateRun) runIterations(ms *asl.MapState, inputs []any, maxConc int64) ([]any, *failure) {
	f := r.f
	s := &scheduler{back: make(chan *thread)}
	defer s.stopAll()
	results := make([]any, len(inputs))
	launched, running := 0, 0
	launch := func(at time.Time) {
		for launched < len(inputs) && (maxConc <= 0 || int64(running) < maxConc) {
			i := launched
			cf := f.child()
			cf.now = at
			s.seq++
			th := &thread{s: s, f: cf, idx: i, m: ms.Processor, input: inputs[i], wake: at, seq: s.seq, resume: make(chan bool)}
			cf.th = th
			// Iterations launched together all link to the same event.
			chain := f.prev
			cf.prev = f.emitID("MapIterationStarted", func() *Details { return &Details{Name: r.base.Name, Index: i} })
			f.prev = chain
			s.threads = append(s.threads, th)
			launched++
			running++
		}
	}
	launch(f.now)
	for {
		th := s.stepNext(f)
		if th == nil {
			break
		}
		if !th.done {
			continue
		}
		running--
		if th.f.now.After(f.now) {
			f.now = th.f.now
		}
		f.prev = th.f.prev
		i := th.idx
		if th.fail != nil {
			fl := th.fail
			ended := s.settle(th)
			f.emitOffID("MapIterationFailed", func() *Details { return &Details{Name: r.base.Name, Index: i} })
			if b := th.f.active; b != nil && b.Type == asl.TypeTask {
				th.f.emit(asl.TypeTask+"StateAborted", nil)
			}
			for _, o := range s.threads {
				j := o.idx
				if o == th || (o.done && !ended[o]) {
					continue
				}
				if o.done && o.fail == nil {
					// It succeeded at the instant the other failed.
					f.emitOffID("MapIterationSucceeded", func() *Details { return &Details{Name: r.base.Name, Index: j} })
					continue
				}
				f.emitOffID("MapIterationAborted", func() *Details { return &Details{Name: r.base.Name, Index: j} })
				if b := o.f.active; b != nil {
					o.f.emit(b.Type+"StateAborted", nil)
				}
			}
			s.stopAll()
			f.prev = th.f.prev
			return nil, fl
		}
		results[i] = th.out
		d := func() *Details { return &Details{Name: r.base.Name, Index: i} }
		if running == 0 && launched == len(inputs) {
			// As in sequential runs, only the last MapIterationSucceeded
			// joins the previousEventId chain.
			f.emitID("MapIterationSucceeded", d)
		} else {
			f.emitOffID("MapIterationSucceeded", d)
		}
		launch(th.f.now)
	}
	return results, nil
}
