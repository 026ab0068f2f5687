package layout

// Geometry is a laid-out workflow: every node (states, Start/End markers,
// group boxes) and every edge, in one coordinate system whose origin is the
// top-left corner of the drawing. It is plain data with a stable JSON form
// (the `aslstudio render --format json` output).
type Geometry struct {
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
	Nodes  []Node  `json:"nodes"`
	Edges  []Edge  `json:"edges"`
}

// Node is a state, a Start or End marker, or a group box (a Parallel or Map
// state, or one Parallel branch). X and Y are the top-left corner.
type Node struct {
	// ID is unique across nesting levels: the state name for states (state
	// names are unique in ASL), "start:<group>" and "end:<group>" for the
	// markers of a level (group "" is the top level), "<Parallel>#<i>" for
	// branch i of a Parallel.
	ID string `json:"id"`
	// State is the ASL state name ("" for markers and branches).
	State string `json:"state"`
	// Kind is one of task, pass, choice, wait, succeed, fail, parallel, map,
	// branch, start, end, or state (an unknown Type).
	Kind string  `json:"kind"`
	X    float64 `json:"x"`
	Y    float64 `json:"y"`
	W    float64 `json:"w"`
	H    float64 `json:"h"`
	// Parent is the ID of the enclosing group ("" at the top level).
	Parent string `json:"parent"`
	// Sub is a short second line (e.g. "Lambda: Invoke" for a Task).
	Sub string `json:"sub,omitempty"`
	// Group is true for a group box (Parallel, Map, branch) drawn expanded.
	Group bool `json:"group,omitempty"`
	// Collapsed is true for a Parallel or Map drawn as a single node.
	Collapsed bool `json:"collapsed,omitempty"`
}

// Edge is one transition, drawn as an orthogonal polyline from the border of
// From to the border of To.
type Edge struct {
	From string `json:"from"`
	To   string `json:"to"`
	// Kind is start, next, choice, default, catch or end.
	Kind string `json:"kind"`
	// Label is the Choice rule, "Default", or the caught error names.
	Label  string       `json:"label,omitempty"`
	Points [][2]float64 `json:"points"`
	// LabelAt is where the label's baseline starts, when there is a label.
	LabelAt *[2]float64 `json:"labelAt,omitempty"`
	// LabelWidth is the room for the label; a longer one is cut.
	LabelWidth float64 `json:"labelWidth,omitempty"`
	// Back is true for a loop edge (a DFS back edge from Start).
	Back bool `json:"back,omitempty"`
}

// Options change a layout.
type Options struct {
	// Collapsed holds the IDs of Parallel and Map states drawn as a single
	// node (their contents are left out).
	Collapsed map[string]bool
}

// Sizes and spacing of the graph model (asl_graph.mjs) and of the drawing.
const (
	StateW = 160 // width of a state
	StateH = 40  // height of a state
	TermW  = 60  // width of a Start/End marker
	TermH  = 30  // height of a Start/End marker

	nodeGap   = 40 // gap between neighbouring nodes in a layer
	dummyGap  = 20 // gap between a node and an edge passing by
	edgeGap   = 10 // gap between parallel edge segments
	rankGap   = 50 // minimum gap between layers
	slotGap   = 12 // distance between side ports' vertical runs
	labelRoom = 16 // extra gap height below a Choice for rule labels

	groupPad    = 14 // padding inside a Parallel or Map box
	groupHeader = 26 // label band at the top of a Parallel or Map box
	branchPad   = 10 // padding inside a Parallel branch box
	branchGap   = 14 // gap between Parallel branch boxes
)
