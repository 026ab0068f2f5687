package sim

import (
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// Parallel branches run as coroutines under a deterministic scheduler, so
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
		th := s.next()
		if th == nil {
			break
		}
		// Inside an enclosing branch, let its siblings run first when
		// their clocks are earlier.
		f.yieldPoint()
		s.step(th, false)
		if th.panicked != nil {
			panic(th.panicked)
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

// abortBranches handles a failed branch: the branches not started yet
// start (each until it first waits), then the failed branch's task state
// and the state every other running branch is in get a StateAborted
// event, and those branches are unwound.
func (r *stateRun) abortBranches(s *scheduler, failed *thread) {
	for _, th := range s.threads {
		if !th.started {
			s.step(th, false)
			if th.panicked != nil {
				panic(th.panicked)
			}
		}
	}
	if b := failed.f.active; b != nil && b.Type == asl.TypeTask {
		failed.f.emit(asl.TypeTask+"StateAborted", nil)
	}
	for _, th := range s.threads {
		if th == failed || th.done {
			continue
		}
		if b := th.f.active; b != nil {
			th.f.emit(b.Type+"StateAborted", nil)
		}
	}
	s.stopAll()
}
