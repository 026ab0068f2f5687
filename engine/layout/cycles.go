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
	l.items = make([]item, n, n*2)
	nl := 0
	for v, nd := range sc.nodes {
		l.items[v] = item{node: v, layer: l.rank[v], halfw: nd.w / 2, h: nd.h}
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
			c.items = []int{e.from}
			continue
		}
		a, b := e.from, e.to
		if l.rev[ei] {
			a, b = b, a
			c.rev = true
		}
		c.items = append(c.items, a)
		for r := l.rank[a] + 1; r < l.rank[b]; r++ {
			l.items = append(l.items, item{node: -1, layer: r})
			c.items = append(c.items, len(l.items)-1)
		}
		c.items = append(c.items, b)
		for k := 0; k+1 < len(c.items); k++ {
			p, q := c.items[k], c.items[k+1]
			l.items[p].down = append(l.items[p].down, adj{it: q, chain: ei, chainStep: k})
			l.items[q].up = append(l.items[q].up, adj{it: p, chain: ei, chainStep: k + 1})
		}
	}
	l.layers = make([][]int, nl)
}
