package web

import (
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/assets"
	"github.com/aslstudio/aslstudio/engine/sim"
)

// A sequence edited in the panel becomes the MockedResponse the engine
// runs with, in the MockConfigFile's terms.
func TestStateMockSequence(t *testing.T) {
	m := &stateMock{on: true, resps: []*mockResp{
		{key: "1-2", kind: mockThrow, errName: "Lambda.TooManyRequestsException", cause: "slow down", duration: "3"},
		{key: "0", kind: mockReturn, value: `{"ok": true}`},
		{key: "3", kind: mockReturn, value: `[1, 2]`, duration: "0.5"},
	}}
	mr, err := m.mocked("Charge card")
	if err != nil {
		t.Fatal(err)
	}
	if rg := mr.Response(0); rg == nil || !rg.HasReturn || rg.Return.(map[string]any)["ok"] != true {
		t.Errorf("invocation 0: %+v", rg)
	}
	if rg := mr.Response(2); rg == nil || rg.Throw == nil || rg.Throw.Error != "Lambda.TooManyRequestsException" || rg.Throw.Cause != "slow down" || rg.DurationSeconds != 3 {
		t.Errorf("invocation 2: %+v", rg)
	}
	if rg := mr.Response(3); rg == nil || rg.DurationSeconds != 0.5 {
		t.Errorf("invocation 3: %+v", rg)
	}
	if mr.Response(4) != nil {
		t.Error("invocation 4 has a response")
	}
	for _, bad := range []struct {
		resps []*mockResp
		want  string
	}{
		{[]*mockResp{{key: "x", kind: mockReturn, value: "{}"}}, `response 1 (key "x"): the key`},
		{[]*mockResp{{key: "0-2", kind: mockReturn, value: "{}"}, {key: "2", kind: mockReturn, value: "{}"}}, "response 2 (key \"2\"): invocations 2-2 overlap"},
		{[]*mockResp{{key: "0", kind: mockReturn, value: "{nope"}}, "the result is not valid JSON"},
		{[]*mockResp{{key: "0", kind: mockThrow}}, "a Throw needs an error name"},
		{[]*mockResp{{key: "0", kind: mockReturn, value: "1", duration: "-1"}}, "the duration must be"},
	} {
		_, err := (&stateMock{on: true, resps: bad.resps}).mocked("S")
		if err == nil || !strings.Contains(err.Error(), bad.want) || !strings.Contains(err.Error(), "mock of S") {
			t.Errorf("%+v: error %v, want %q", bad.resps[0], err, bad.want)
		}
	}
}

// Export merges the panel's sequences into the file under the chosen test
// case; the exported file parses and runs with the edited responses, and
// switching a state to "Mocked here" starts from the file's responses.
func TestExportedMocksRoundTrip(t *testing.T) {
	ex, _ := assets.Lookup("dynamic-map")
	r := &runSession{mocks: string(ex.Mocks()), machine: ex.StateMachine, testCase: "HappyPath", perState: map[string]*stateMock{}}
	rows := r.fileResponses("Reserve stock")
	if len(rows) != 3 || rows[1].key != "1" || !strings.Contains(rows[1].value, "TEE-M") {
		t.Fatalf("file responses %+v", rows)
	}
	rows[1] = &mockResp{key: "1", kind: mockThrow, errName: "Stock.Unknown", cause: "no TEE-M"}
	rows = append(rows, &mockResp{key: "3-5", kind: mockReturn, value: `{"StatusCode":200,"Payload":{"sku":"X","reserved":true}}`, duration: "2"})
	r.perState["Reserve stock"] = &stateMock{on: true, resps: rows}
	r.perState["Notify backorder"] = &stateMock{on: false, resps: []*mockResp{{key: "0", kind: mockThrow, errName: "Ignored"}}}
	text, err := r.exportedMocks()
	if err != nil {
		t.Fatal(err)
	}
	mc, err := sim.ParseMockConfig([]byte(text))
	if err != nil {
		t.Fatalf("the export does not parse: %v\n%s", err, text)
	}
	tc := mc.StateMachines[ex.StateMachine].TestCases["HappyPath"]
	if tc["Reserve stock"] != "ReserveStockMock" || tc["Notify backorder"] != "Published" {
		t.Errorf("HappyPath maps %v", tc)
	}
	if other := mc.StateMachines[ex.StateMachine].TestCases["Backorder"]["Reserve stock"]; other != "LastLineBackordered" {
		t.Errorf("the other test case now uses %q", other)
	}
	mr := mc.MockedResponses["ReserveStockMock"]
	if rg := mr.Response(1); rg == nil || rg.Throw == nil || rg.Throw.Error != "Stock.Unknown" {
		t.Errorf("exported invocation 1: %+v", rg)
	}
	if rg := mr.Response(4); rg == nil || rg.DurationSeconds != 2 {
		t.Errorf("exported invocation 4: %+v", rg)
	}
	// Importing the export and editing the state again starts from it.
	r2 := &runSession{mocks: text, machine: ex.StateMachine, testCase: "HappyPath"}
	again := r2.fileResponses("Reserve stock")
	if len(again) != 4 || again[1].kind != mockThrow || again[3].key != "3-5" || again[3].duration != "2" {
		t.Errorf("re-imported rows %+v", again)
	}
	// With no file, the export makes one state machine and test case.
	r3 := &runSession{perState: map[string]*stateMock{"A b": {on: true, resps: []*mockResp{{key: "0", kind: mockReturn, value: "1"}}}}}
	text, err = r3.exportedMocks()
	if err != nil {
		t.Fatal(err)
	}
	mc, err = sim.ParseMockConfig([]byte(text))
	if err != nil || mc.StateMachines["StateMachine"].TestCases["Default"]["A b"] != "ABMock" {
		t.Errorf("export without a file: %v\n%s", err, text)
	}
}
