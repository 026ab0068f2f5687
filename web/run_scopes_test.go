package web

import (
	"reflect"
	"testing"

	"github.com/aslstudio/aslstudio/assets"
	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/sim"
)

// branchModes are the engine's two ways of running Parallel branches and
// concurrent Map iterations: interleaved as AWS does (the run panel's) and
// one after the other (aslstudio run --sequential-branches).
var branchModes = []struct {
	name       string
	interleave bool
}{{"interleaved", true}, {"sequential", false}}

// runWith runs a gallery example's definition with the given input and
// per-state mocks (no mock file).
func runWith(t *testing.T, id, input string, mocks map[string]*sim.MockedResponse, interleave bool) (*sim.Execution, *asl.StateMachine) {
	t.Helper()
	ex, ok := assets.Lookup(id)
	if !ok {
		t.Fatalf("no example %s", id)
	}
	e, err := sim.NewExecution(ex.Definition(), []byte(input), sim.Options{StateMocks: mocks, Seed: runSeed, InterleaveBranches: interleave})
	if err != nil {
		t.Fatal(err)
	}
	e.Run()
	d := &document{}
	d.setText(string(ex.Definition()))
	if d.SM == nil {
		t.Fatalf("%s does not parse", id)
	}
	return e, d.SM
}

func reserved(sku string) sim.MockRange {
	return sim.MockRange{Return: map[string]any{"StatusCode": int64(200), "Payload": map[string]any{"sku": sku, "reserved": true}}, HasReturn: true}
}

// A Map whose second iteration fails: every iteration's status, the input
// of each, and a pick showing the first iteration's states.
func TestScopesOfAMapWithAFailedIteration(t *testing.T) {
	for _, mode := range branchModes {
		t.Run(mode.name, func(t *testing.T) { testScopesOfAMapWithAFailedIteration(t, mode.interleave) })
	}
}

func testScopesOfAMapWithAFailedIteration(t *testing.T, interleave bool) {
	r0, r2 := reserved("A"), reserved("C")
	r0.From, r0.To = 0, 0
	r2.From, r2.To = 2, 2
	mock := &sim.MockedResponse{Ranges: []sim.MockRange{r0,
		{From: 1, To: 1, Throw: &sim.MockThrow{Error: "Stock.Unknown", Cause: "no such sku"}}, r2}}
	in := `{"orderId":"o1","items":[{"sku":"A","qty":1},{"sku":"B","qty":2},{"sku":"C","qty":3}]}`
	e, sm := runWith(t, "dynamic-map", in, map[string]*sim.MockedResponse{"Reserve stock": mock}, interleave)
	if e.Status() != sim.StatusFailed {
		t.Fatalf("status %s, want FAILED", e.Status())
	}
	parents := containerIndex(sm)
	if p := parents["Reserve stock"]; p.container != "Reserve each line" || p.kind != kindMap {
		t.Fatalf("parent of Reserve stock %+v", p)
	}
	events, cs := scanScopes(e.Events(), parents, nil)
	if len(events) != len(e.Events()) {
		t.Errorf("no pick filtered %d of %d events", len(e.Events())-len(events), len(e.Events()))
	}
	m := cs["Reserve each line"]
	// Interleaved (MaxConcurrency 5), every iteration starts and the third
	// finishes before the Map fails; one after the other, the Map fails in
	// the second.
	want := []string{sim.StateSucceeded, sim.StateFailed, sim.StateSucceeded}
	if !interleave {
		want = want[:2]
	}
	if m == nil || m.Length != 3 || len(m.Scopes) != len(want) {
		t.Fatalf("map run %+v", m)
	}
	for i, sc := range m.Scopes {
		if sc.Index != i || sc.Status != want[i] {
			t.Errorf("iteration %d: #%d %s, want %s", i, sc.Index, sc.Status, want[i])
		}
	}
	if in, _ := m.Scopes[1].Input.(map[string]any); in["sku"] != "B" || in["line"] != int64(1) {
		t.Errorf("iteration 1 input %v", m.Scopes[1].Input)
	}
	if out, _ := m.Scopes[0].Output.(map[string]any); out["sku"] != "A" || !m.Scopes[0].HasOutput {
		t.Errorf("iteration 0 output %v", m.Scopes[0].Output)
	}
	// Unpicked, the canvas shows the iteration the history speaks of
	// last: the failed one (interleaved, its state is aborted after the
	// third iteration's state exited).
	if st := runStatuses(events, true, "")["Reserve stock"]; st.Status != sim.StateFailed {
		t.Errorf("Reserve stock latest %s, want failed", st.Status)
	}
	if l := m.latest(); l == nil || l.Index != 1 {
		t.Errorf("latest iteration %+v, want #1", l)
	}
	// Picking iteration 1 shows its failure.
	failed, _ := scanScopes(e.Events(), parents, map[string]int{"Reserve each line": 1})
	if st := runStatuses(failed, true, "")["Reserve stock"]; st.Status != sim.StateFailed {
		t.Errorf("Reserve stock in iteration 1 is %s, want failed", st.Status)
	}
	if tr := traceState(failed, "Reserve stock"); tr == nil || tr.failure == nil || tr.failure.Error != "Stock.Unknown" || tr.exited {
		t.Errorf("trace of iteration 1 %+v, want its Stock.Unknown failure", tr)
	}
	// Picking iteration 0 shows its states: Reserve stock succeeded with A.
	picked, cs2 := scanScopes(e.Events(), parents, map[string]int{"Reserve each line": 0})
	if len(picked) >= len(events) {
		t.Fatalf("the pick kept all %d events", len(picked))
	}
	if st := runStatuses(picked, true, "")["Reserve stock"]; st.Status != sim.StateSucceeded {
		t.Errorf("Reserve stock in iteration 0 is %s, want succeeded", st.Status)
	}
	tr := traceState(picked, "Reserve stock")
	if in, _ := tr.input.(map[string]any); tr == nil || in["sku"] != "A" {
		t.Errorf("trace of iteration 0 %+v", tr)
	}
	if got := cs2["Reserve each line"]; got.Scopes[1].Status != sim.StateFailed {
		t.Errorf("with a pick, iteration 1 is %s, want failed (markers stay)", got.Scopes[1].Status)
	}
	// The map state itself failed (not caught): the execution failed.
	if st := runStatuses(picked, true, "")["Reserve each line"]; st.Status != sim.StateFailed {
		t.Errorf("Reserve each line is %s, want failed", st.Status)
	}
	// A pick beyond the items filters nothing.
	all, _ := scanScopes(e.Events(), parents, map[string]int{"Reserve each line": 7})
	if len(all) != len(events) {
		t.Errorf("an out-of-range pick kept %d of %d events", len(all), len(events))
	}
}

// Parallel branches: each branch's status, input and output, in order.
func TestScopesOfParallelBranches(t *testing.T) {
	for _, mode := range branchModes {
		t.Run(mode.name, func(t *testing.T) {
			testScopesOfParallelBranches(t, runExample(t, "parallel-fan-out", func(o *sim.Options) { o.InterleaveBranches = mode.interleave }))
		})
	}
}

func testScopesOfParallelBranches(t *testing.T, e *sim.Execution) {
	d := &document{}
	d.setText(string(mustExample(t, "parallel-fan-out").Definition()))
	_, cs := scanScopes(e.Events(), containerIndex(d.SM), nil)
	p := cs["Gather customer data"]
	if p == nil || p.Kind != kindParallel || len(p.Scopes) != 3 {
		t.Fatalf("parallel run %+v", p)
	}
	for i, sc := range p.Scopes {
		if sc.Index != i || sc.Status != sim.StateSucceeded || !sc.HasInput || !sc.HasOutput {
			t.Errorf("branch %d: %+v", i, sc)
		}
	}
	if !reflect.DeepEqual(p.Scopes[0].Input, p.Scopes[2].Input) {
		t.Errorf("branches got different inputs: %v and %v", p.Scopes[0].Input, p.Scopes[2].Input)
	}
	if reflect.DeepEqual(p.Scopes[0].Output, p.Scopes[1].Output) {
		t.Errorf("branches 1 and 2 have the same output %v", p.Scopes[0].Output)
	}
}

// A failing branch is marked failed. Interleaved, every branch started and
// the third had finished; one after the other, the third never started.
func TestScopesOfAFailedBranch(t *testing.T) {
	for _, mode := range branchModes {
		t.Run(mode.name, func(t *testing.T) {
			e := runExample(t, "parallel-fan-out", func(o *sim.Options) {
				o.InterleaveBranches = mode.interleave
				o.StateMocks = map[string]*sim.MockedResponse{"Check credit score": sim.ThrowMock("Lambda.ServiceException", "down")}
			})
			d := &document{}
			d.setText(string(mustExample(t, "parallel-fan-out").Definition()))
			_, cs := scanScopes(e.Events(), containerIndex(d.SM), nil)
			want := []string{sim.StateSucceeded, sim.StateFailed, sim.StateSucceeded}
			if !mode.interleave {
				want = want[:2]
			}
			p := cs["Gather customer data"]
			if p == nil || len(p.Scopes) != len(want) {
				t.Fatalf("branches %+v", p)
			}
			for i, sc := range p.Scopes {
				if sc.Index != i || sc.Status != want[i] {
					t.Errorf("branch %d: #%d %s, want %s", i, sc.Index, sc.Status, want[i])
				}
			}
		})
	}
}

// A branch still running when another fails is aborted.
func TestScopesOfAnAbortedBranch(t *testing.T) {
	def := `{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
		{"StartAt":"Slow","States":{"Slow":{"Type":"Wait","Seconds":60,"Next":"After"},"After":{"Type":"Pass","End":true}}},
		{"StartAt":"Boom","States":{"Boom":{"Type":"Fail","Error":"E"}}}]}}}`
	e, err := sim.NewExecution([]byte(def), []byte(`{}`), sim.Options{InterleaveBranches: true})
	if err != nil {
		t.Fatal(err)
	}
	e.Run()
	d := &document{}
	d.setText(def)
	_, cs := scanScopes(e.Events(), containerIndex(d.SM), nil)
	p := cs["P"]
	if p == nil || len(p.Scopes) != 2 || p.Scopes[0].Status != scopeAborted || p.Scopes[1].Status != sim.StateFailed {
		t.Fatalf("branches %+v", p)
	}
	st := runStatuses(e.Events(), true, "")
	if st["Slow"].Status != sim.StateFailed || st["After"] != nil || st["Boom"].Status != sim.StateFailed {
		t.Errorf("statuses Slow %+v After %+v Boom %+v", st["Slow"], st["After"], st["Boom"])
	}
}

func mustExample(t *testing.T, id string) assets.Example {
	t.Helper()
	ex, ok := assets.Lookup(id)
	if !ok {
		t.Fatalf("no example %s", id)
	}
	return ex
}

// A state inside a Map is tested on its own (TestState finds top-level
// states only), so the inspector shows its stages in an iteration.
func TestTestStateOfANestedState(t *testing.T) {
	d := &document{}
	d.setText(string(mustExample(t, "dynamic-map").Definition()))
	s := &Studio{doc: d}
	defer delete(sessions, s)
	res, err := s.testStateOf("Reserve stock", []byte(`{"sku":"A","quantity":1}`), sim.TestStateOptions{InspectionLevel: "DEBUG",
		Mock: &sim.TestStateMock{Result: `{"StatusCode":200,"Payload":{"sku":"A","reserved":true}}`, HasResult: true, FieldValidationMode: "NONE"}})
	if err != nil {
		t.Fatal(err)
	}
	got := decodeMaybe(res.InspectionData["afterResultSelector"])
	if !reflect.DeepEqual(got, map[string]any{"sku": "A", "reserved": true}) {
		t.Errorf("After ResultSelector %v", got)
	}
}
