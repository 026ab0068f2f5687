package layout

// breakCycles marks the back edges of a depth-first search from Start that
// follows edges in source order (then from any node not reached, in source
// order); those edges are reversed for layering. Self-loops are set aside.
func (l *lay) breakCycles() {
	sc := l.sc
	n := len(sc.nodes)
	out := make([][]int, n)
	l.rev = make([]bool, len(sc.edges))
	l.self = make([]bool, len(sc.edges))
	for i, e := range sc.edges {
		if e.from == e.to {
			l.self[i] = true
			continue
		}
		out[e.from] = append(out[e.from], i)
	}
	state := make([]uint8, n) // 1 on the stack, 2 done
	type frame struct{ v, next int }
	var stack []frame
	visit := func(root int) {
		state[root] = 1
		stack = append(stack[:0], frame{root, 0})
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if top.next < len(out[top.v]) {
				ei := out[top.v][top.next]
				top.next++
				w := sc.edges[ei].to
				switch state[w] {
				case 1:
					l.rev[ei] = true
				case 0:
					state[w] = 1
					stack = append(stack, frame{w, 0})
				}
				continue
			}
			state[top.v] = 2
			stack = stack[:len(stack)-1]
		}
	}
	visit(0)
	for v := 0; v < n; v++ {
		if state[v] == 0 {
			visit(v)
		}
	}
}

// assignLayers gives every node a layer: the longest path from the sources
// of the acyclic graph; a source other than Start is pulled down next to its
// first successor, and End goes below everything.
func (l *lay) assignLayers() {
	sc := l.sc
	n := len(sc.nodes)
	succ := make([][]int, n)
	indeg := make([]int, n)
	for i, e := range sc.edges {
		if l.self[i] {
			continue
		}
		a, b := e.from, e.to
		if l.rev[i] {
			a, b = b, a
		}
		succ[a] = append(succ[a], b)
		indeg[b]++
	}
	hasIn := make([]bool, n)
	for v := range indeg {
		hasIn[v] = indeg[v] > 0
	}
	rank := make([]int, n)
	queue := make([]int, 0, n)
	for v := 0; v < n; v++ {
		if indeg[v] == 0 {
			queue = append(queue, v)
		}
	}
	for h := 0; h < len(queue); h++ {
		v := queue[h]
		for _, w := range succ[v] {
			if rank[v]+1 > rank[w] {
				rank[w] = rank[v] + 1
			}
			indeg[w]--
			if indeg[w] == 0 {
				queue = append(queue, w)
			}
		}
	}
	// sources other than Start: as low as their successors allow
	for i := len(queue) - 1; i >= 0; i-- {
		v := queue[i]
		if v == 0 || hasIn[v] || len(succ[v]) == 0 {
			continue
		}
		m := -1
		for _, w := range succ[v] {
			if m < 0 || rank[w] < m {
				m = rank[w]
			}
		}
		if m-1 > rank[v] {
			rank[v] = m - 1
		}
	}
	end := n - 1
	max := 0
	for v := 0; v < end; v++ {
		if rank[v] > max {
			max = rank[v]
		}
	}
	rank[end] = max + 1
	l.rank = rank
}

// buildItems makes an item per node and a chain of dummies per edge that
// spans more than one layer.
func (l *lay) buildItems() {
	sc := l.sc
	n := len(sc.nodes)
	// sizes first, so that items, chains and adjacency come from a few
	// allocations
	dummies, links := 0, 0 // links: layer-to-layer steps of all chains
	span := func(ei int) (int, int) {
		a, b := sc.edges[ei].from, sc.edges[ei].to
		if l.rev[ei] {
			a, b = b, a
		}
		return a, b
	}
	downDeg := make([]int, n)
	upDeg := make([]int, n)
	for ei := range sc.edges {
		if l.self[ei] {
			continue
		}
		a, b := span(ei)
		d := l.rank[b] - l.rank[a] - 1
		dummies += d
		links += d + 1
		downDeg[a]++
		upDeg[b]++
	}
	l.items = make([]item, n, n+dummies)
	adjPool := make([]adj, 0, 2*links)
	carve := func(k int) []adj {
		s := adjPool[len(adjPool) : len(adjPool) : len(adjPool)+k]
		adjPool = adjPool[:len(adjPool)+k]
		return s
	}
	chainPool := make([]int, 0, links+len(sc.edges))
	nl := 0
	for v, nd := range sc.nodes {
		l.items[v] = item{node: v, layer: l.rank[v], halfw: nd.w / 2, h: nd.h, down: carve(downDeg[v]), up: carve(upDeg[v])}
		if l.rank[v]+1 > nl {
			nl = l.rank[v] + 1
		}
	}
	l.chains = make([]chain, len(sc.edges))
	for ei, e := range sc.edges {
		c := &l.chains[ei]
		c.edge = ei
		if l.self[ei] {
			c.self = true
			c.items = append(chainPool[len(chainPool):len(chainPool)], e.from)
			chainPool = chainPool[:len(chainPool)+1]
			continue
		}
		a, b := span(ei)
		c.rev = l.rev[ei]
		k0 := len(chainPool)
		chainPool = append(chainPool, a)
		for r := l.rank[a] + 1; r < l.rank[b]; r++ {
			l.items = append(l.items, item{node: -1, layer: r})
			chainPool = append(chainPool, len(l.items)-1)
		}
		chainPool = append(chainPool, b)
		c.items = chainPool[k0:len(chainPool):len(chainPool)]
		for k := 0; k+1 < len(c.items); k++ {
			p, q := c.items[k], c.items[k+1]
			if l.items[p].node < 0 {
				l.items[p].down = carve(1)
			}
			if l.items[q].node < 0 {
				l.items[q].up = carve(1)
			}
			l.items[p].down = append(l.items[p].down, adj{it: q, chain: ei, chainStep: k})
			l.items[q].up = append(l.items[q].up, adj{it: p, chain: ei, chainStep: k + 1})
		}
	}
	l.layers = make([][]int, nl)
}
