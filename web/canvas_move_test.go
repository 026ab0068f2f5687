package web

import (
	"math"
	"sort"
	"strings"
	"testing"
)

// studioWith is a studio holding a document, outside any browser.
func studioWith(t *testing.T, src string) *Studio {
	t.Helper()
	s := &Studio{doc: newDocument("test", []byte(src))}
	if s.doc.Root == nil || s.doc.Geom == nil {
		t.Fatalf("the test document does not parse: %v", s.doc.ParseErr)
	}
	s.view = viewport{K: 1}
	return s
}

// A Choice with two rules to the same state: each rule's edge is a zone of
// its own (by its index in Choices), the Default edge is the Default zone.
func TestDropZonesOnAChoice(t *testing.T) {
	s := studioWith(t, `{"StartAt":"C","States":{
		"C":{"Type":"Choice","Choices":[
			{"Variable":"$.a","IsPresent":true,"Next":"T"},
			{"Variable":"$.b","IsPresent":true,"Next":"U"},
			{"Variable":"$.c","IsPresent":true,"Next":"T"}],"Default":"U"},
		"T":{"Type":"Pass","End":true},
		"U":{"Type":"Pass","End":true}}}`)
	got := map[string]string{}
	for _, z := range s.dropZones(s.doc.Geom) {
		got[z.id] = z.attr
	}
	want := map[string]string{
		"rule:C:0":  "edge:C|T",
		"rule:C:1":  "edge:C|U",
		"rule:C:2":  "edge:C|T",
		"default:C": "default:C",
	}
	for id, attr := range want {
		if got[id] != attr {
			t.Errorf("zone %s has data-dropzone %q, want %q (zones: %v)", id, got[id], attr, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("zones %v, want %v", got, want)
	}
	// The drawing carries the rule index for the zones of rules.
	svg := s.drawing(s.doc.Geom)
	for _, part := range []string{`data-dropzone="edge:C|T" data-rule="0"`, `data-dropzone="edge:C|T" data-rule="2"`, `data-dropzone="default:C"`} {
		if !strings.Contains(svg, part) {
			t.Errorf("the drawing has no %s", part)
		}
	}
}

// A Choice without a Default gets a labelled "Default" zone.
func TestDefaultZoneWhenThereIsNone(t *testing.T) {
	s := studioWith(t, `{"StartAt":"C","States":{
		"C":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"T"}]},
		"T":{"Type":"Pass","End":true}}}`)
	for _, z := range s.dropZones(s.doc.Geom) {
		if z.id == "default:C" {
			if z.label != "Default" {
				t.Errorf("the Default zone has label %q", z.label)
			}
			return
		}
	}
	t.Error("no Default zone for a Choice without Default")
}

// A state cannot be dropped on its own edges, nor a Parallel into itself.
func TestRefusedZones(t *testing.T) {
	s := studioWith(t, `{"StartAt":"A","States":{
		"A":{"Type":"Pass","Next":"P"},
		"P":{"Type":"Parallel","Branches":[
			{"StartAt":"X","States":{"X":{"Type":"Pass","Next":"Y"},"Y":{"Type":"Pass","End":true}}},
			{"StartAt":"Z","States":{"Z":{"Type":"Pass","End":true}}}],"Next":"B"},
		"B":{"Type":"Pass","End":true}}}`)
	keys := func(m map[string]string) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	if got := strings.Join(keys(s.refusedZones([]string{"P"})), " "); got != "branch:P:0 branch:P:1 edge:A|P edge:P|B edge:X|Y" {
		t.Errorf("refused for P: %s", got)
	}
	r := s.refusedZones([]string{"X"})
	if got := strings.Join(keys(r), " "); got != "edge:X|Y" {
		t.Errorf("refused for X: %s", got)
	}
	if !strings.Contains(r["edge:X|Y"], "already there") {
		t.Errorf("the hint for its own edge is %q", r["edge:X|Y"])
	}
	if why := s.refusedZones([]string{"P"})["branch:P:1"]; !strings.Contains(why, "into itself") {
		t.Errorf("the hint for its own branch is %q", why)
	}
	// A chain A → P: every edge touching either, and P's inside.
	r = s.refusedZones([]string{"A", "P"})
	if got := strings.Join(keys(r), " "); got != "branch:P:0 branch:P:1 edge:A|P edge:P|B edge:X|Y" {
		t.Errorf("refused for A → P: %s", got)
	}
	if why := r["edge:P|B"]; !strings.Contains(why, "The states are already there") {
		t.Errorf("the hint for the chain's own edge is %q", why)
	}
}

// The selection box selects the states wholly inside it, in document order
// (the state already shown in the inspector first).
func TestStatesInBand(t *testing.T) {
	s := studioWith(t, `{"StartAt":"A","States":{
		"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"C"},"C":{"Type":"Pass","End":true}}}`)
	box := map[string][4]float64{}
	for _, n := range s.doc.Geom.Nodes {
		if n.State != "" {
			box[n.State] = [4]float64{n.X, n.Y, n.W, n.H}
		}
	}
	a, b := box["A"], box["B"]
	s.view = viewport{X: 10, Y: 20, K: 2}
	sx := func(x float64) float64 { return x*2 + 10 }
	sy := func(y float64) float64 { return y*2 + 20 }
	band := &bandState{x0: sx(b[0]+b[2]) + 1, y0: sy(b[1]+b[3]) + 1, x1: sx(a[0]) - 1, y1: sy(a[1]) - 1}
	if got := strings.Join(s.statesInBand(band), ","); got != "A,B" {
		t.Errorf("band around A and B selects %s", got)
	}
	// Half of B inside: not selected; the base selection stays, and the
	// state the inspector shows (the base's first) stays first.
	band = &bandState{x0: sx(a[0]) - 1, y0: sy(a[1]) - 1, x1: sx(a[0]+a[2]) + 1, y1: sy(b[1] + b[3]/2), base: []string{"C"}}
	if got := strings.Join(s.statesInBand(band), ","); got != "C,A" {
		t.Errorf("band around A (half of B) with C selected gives %s", got)
	}
}

// selectedStates follows the studio's selected state: setting it alone
// (as the code pane does) ends a multi-selection.
func TestSelectionFollowsSelected(t *testing.T) {
	s := studioWith(t, `{"StartAt":"A","States":{
		"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"C"},"C":{"Type":"Pass","End":true}}}`)
	s.setSelection([]string{"C", "A"})
	if got := strings.Join(s.selectedStates(), ","); got != "A,C" || s.selected != "C" {
		t.Errorf("selection %s (selected %q)", got, s.selected)
	}
	s.selected = "B"
	if got := strings.Join(s.selectedStates(), ","); got != "B" {
		t.Errorf("after the code pane selects B: %s", got)
	}
	s.selected = "Gone"
	if got := s.selectedStates(); len(got) != 0 {
		t.Errorf("a missing state is selected: %v", got)
	}
}

// A drop beside a transition's line, or near a zone's centre, finds that
// zone; a drop far from everything finds none.
func TestNearestZone(t *testing.T) {
	s := studioWith(t, `{"StartAt":"C","States":{
		"C":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"T"}],"Default":"U"},
		"T":{"Type":"Pass","Next":"U"},
		"U":{"Type":"Pass","End":true}}}`)
	zones := s.dropZones(s.doc.Geom)
	for _, z := range zones {
		if len(z.points) < 2 {
			continue
		}
		// A point on the line's first segment, a little to its side.
		a, b := z.points[0], z.points[1]
		x, y := (a[0]+b[0])/2+4, (a[1]+b[1])/2+4
		got := nearestZone(zones, x, y, 10, 24)
		if got == nil {
			t.Errorf("beside %s's line: no zone", z.id)
			continue
		}
		if d := segmentDistance(x, y, a, b); d > 10 {
			t.Fatalf("test point %.1f from the line", d)
		}
		// Another transition may pass closer; the one found must be that close.
		if lineDistance(got, x, y) > segmentDistance(x, y, a, b)+1e-9 {
			t.Errorf("beside %s's line: found %s, which is farther", z.id, got.id)
		}
	}
	if z := nearestZone(zones, -500, -500, 10, 24); z != nil {
		t.Errorf("far from everything: found %s", z.id)
	}
	if d := segmentDistance(5, 5, [2]float64{0, 0}, [2]float64{0, 10}); d != 5 {
		t.Errorf("distance to a vertical segment: %v, want 5", d)
	}
	if d := segmentDistance(0, 20, [2]float64{0, 0}, [2]float64{0, 10}); d != 10 {
		t.Errorf("distance past a segment's end: %v, want 10", d)
	}
}

// lineDistance is the distance from (x, y) to a zone's transition.
func lineDistance(z *dropZone, x, y float64) float64 {
	best := math.Inf(1)
	for k := 1; k < len(z.points); k++ {
		best = math.Min(best, segmentDistance(x, y, z.points[k-1], z.points[k]))
	}
	return best
}
