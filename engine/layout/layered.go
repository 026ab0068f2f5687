package layout

// The layered layout of one nesting level. Nodes are the level's states,
// markers and (already laid out) group blocks; the steps are in cycles.go,
// order.go, position.go and route.go.

// adj is one neighbour of an item in the layer above or below, with the x
// offsets (from the centres) where the edge attaches at each end.
type adj struct {
	it        int
	offThere  float64
	offHere   float64
	chain     int
	chainStep int // index of this item in the chain's items
}

// item is a node of the level or a dummy: the point where a long edge
// crosses a layer.
type item struct {
	node     int // index into scope.nodes, or -1 for a dummy
	layer    int
	pos      int
	up, down []adj
	x        float64
	halfw    float64
	h        float64
	// margins on each side reserved for side ports' vertical runs.
	lmargin, rmargin float64
}

// attach says where a chain meets a node: 0 the top/bottom centre, -1 the
// left side, +1 the right side; slot is the side run's distance index and
// y the side port's height relative to the node's top.
type attach struct {
	side int
	slot int
	y    float64
}

// chain is the path of one edge through the layers, from its upper node to
// its lower node (reversed for a back edge).
type chain struct {
	edge       int
	items      []int
	rev        bool
	self       bool
	upper      attach // at items[0]
	lower      attach // at items[last]
	special    [2]bool
	selfY      [2]float64
	selfSlot   int
	labelFirst bool
}

type lay struct {
	sc     *scope
	items  []item
	layers [][]int
	chains []chain
	rev    []bool
	self   []bool
	rank   []int
	// scratch buffers of placeLayer
	buf    []float64
	xs     []float64
	blocks []block
}

// layoutLevel lays out one level whose group blocks already have their
// sizes; it sets the nodes' positions, the edges' routes and the level's
// size.
func layoutLevel(sc *scope) {
	l := &lay{sc: sc}
	l.breakCycles()
	l.assignLayers()
	l.buildItems()
	l.markSpecial()
	l.order()
	l.assignSides()
	l.placeX()
	l.route()
}

func (l *lay) nodeItem(n int) *item { return &l.items[n] }

func (l *lay) isDummy(i int) bool { return l.items[i].node < 0 }
