package layout

import "sort"

// order sets the items' order in every layer: a depth-first initial order
// from Start in source order (so rules come left to right, Default and Catch
// to the right), then barycenter sweeps down and up with adjacent-swap
// (transpose) passes, keeping the order with the fewest crossings.
func (l *lay) order() {
	// Variants of the initial order, tried while crossings remain: source
	// order; loops and Catch edges first (so they go left); children in
	// reverse. The first variant with the fewest crossings wins.
	var best [][]int
	bestC := -1
	for variant := 0; variant < 3; variant++ {
		for r := range l.layers {
			l.layers[r] = l.layers[r][:0]
		}
		l.initialOrder(variant)
		c := l.sweep()
		if bestC < 0 || c < bestC {
			bestC = c
			best = l.savePositions()
		}
		if bestC == 0 {
			break
		}
	}
	l.restorePositions(best)
}

// sweep improves the current order by barycenter sweeps and transposes and
// leaves the best order found; it returns its crossings.
func (l *lay) sweep() int {
	best := l.totalCrossings()
	if best == 0 {
		return 0
	}
	saved := l.savePositions()
	for iter := 0; iter < 16 && best > 0; iter++ {
		if iter%2 == 0 {
			for r := 1; r < len(l.layers); r++ {
				l.sortByBarycenter(r, true)
			}
		} else {
			for r := len(l.layers) - 2; r >= 0; r-- {
				l.sortByBarycenter(r, false)
			}
		}
		l.transpose()
		if c := l.totalCrossings(); c < best {
			best = c
			saved = l.savePositions()
		}
	}
	l.restorePositions(saved)
	return best
}

// initialOrder places items layer by layer in depth-first order from Start.
// variant 0 follows edges in source order, 1 visits loops and Catch edges
// first, 2 visits children in reverse.
func (l *lay) initialOrder(variant int) {
	visited := make([]bool, len(l.items))
	var stack []int
	push := func(it *item) {
		n := len(it.down)
		switch variant {
		case 1:
			for k := n - 1; k >= 0; k-- {
				if !l.chains[it.down[k].chain].special[0] {
					stack = append(stack, it.down[k].it)
				}
			}
			for k := n - 1; k >= 0; k-- {
				if l.chains[it.down[k].chain].special[0] {
					stack = append(stack, it.down[k].it)
				}
			}
		case 2:
			for k := 0; k < n; k++ {
				stack = append(stack, it.down[k].it)
			}
		default:
			for k := n - 1; k >= 0; k-- {
				stack = append(stack, it.down[k].it)
			}
		}
	}
	dfs := func(root int) {
		stack = append(stack[:0], root)
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if visited[v] {
				continue
			}
			visited[v] = true
			it := &l.items[v]
			it.pos = len(l.layers[it.layer])
			l.layers[it.layer] = append(l.layers[it.layer], v)
			push(it)
		}
	}
	dfs(0)
	for v := range l.items {
		if !visited[v] {
			dfs(v)
		}
	}
}

func (l *lay) savePositions() [][]int {
	s := make([][]int, len(l.layers))
	for r, layer := range l.layers {
		s[r] = append([]int(nil), layer...)
	}
	return s
}

func (l *lay) restorePositions(s [][]int) {
	for r, layer := range s {
		l.layers[r] = layer
		for p, v := range layer {
			l.items[v].pos = p
		}
	}
}

// sortByBarycenter reorders layer r by the mean relative position of each
// item's neighbours in the layer above (down sweep) or below; items without
// such neighbours keep their relative position. The sort is stable.
func (l *lay) sortByBarycenter(r int, fromAbove bool) {
	layer := l.layers[r]
	other := r + 1
	if fromAbove {
		other = r - 1
	}
	n := float64(len(layer))
	m := float64(len(l.layers[other]))
	bary := make([]float64, len(layer))
	for p, v := range layer {
		nb := l.items[v].down
		if fromAbove {
			nb = l.items[v].up
		}
		if len(nb) == 0 {
			bary[p] = (float64(p) + 0.5) / n
			continue
		}
		s := 0.0
		for _, a := range nb {
			s += (float64(l.items[a.it].pos) + 0.5) / m
		}
		bary[p] = s / float64(len(nb))
	}
	idx := make([]int, len(layer))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return bary[idx[a]] < bary[idx[b]] })
	next := make([]int, len(layer))
	for p, i := range idx {
		next[p] = layer[i]
		l.items[layer[i]].pos = p
	}
	copy(layer, next)
}

// transpose swaps neighbours in a layer while that lowers the crossings of
// their edges to the layers above and below.
func (l *lay) transpose() {
	for pass := 0; pass < 4; pass++ {
		improved := false
		for r := range l.layers {
			layer := l.layers[r]
			for p := 0; p+1 < len(layer); p++ {
				a, b := layer[p], layer[p+1]
				ab := l.pairCrossings(a, b)
				ba := l.pairCrossings(b, a)
				if ba < ab {
					layer[p], layer[p+1] = b, a
					l.items[a].pos, l.items[b].pos = p+1, p
					improved = true
				}
			}
		}
		if !improved {
			return
		}
	}
}

// pairCrossings counts the crossings between the edges of a and b when a is
// left of b.
func (l *lay) pairCrossings(a, b int) int {
	c := 0
	ia, ib := &l.items[a], &l.items[b]
	for _, x := range ia.up {
		px := l.items[x.it].pos
		for _, y := range ib.up {
			if px > l.items[y.it].pos {
				c++
			}
		}
	}
	for _, x := range ia.down {
		px := l.items[x.it].pos
		for _, y := range ib.down {
			if px > l.items[y.it].pos {
				c++
			}
		}
	}
	return c
}

// totalCrossings counts the crossings between consecutive layers (edges
// that share an end do not cross).
func (l *lay) totalCrossings() int {
	total := 0
	var pairs [][2]int
	var tree []int
	for r := 0; r+1 < len(l.layers); r++ {
		pairs = pairs[:0]
		for _, v := range l.layers[r] {
			pu := l.items[v].pos
			for _, a := range l.items[v].down {
				pairs = append(pairs, [2]int{pu, l.items[a.it].pos})
			}
		}
		sort.Slice(pairs, func(i, j int) bool {
			if pairs[i][0] != pairs[j][0] {
				return pairs[i][0] < pairs[j][0]
			}
			return pairs[i][1] < pairs[j][1]
		})
		m := len(l.layers[r+1])
		if cap(tree) < m+1 {
			tree = make([]int, m+1)
		}
		tree = tree[:m+1]
		for i := range tree {
			tree[i] = 0
		}
		// count earlier pairs with a strictly greater lower position; pairs
		// with the same upper position are sorted, so never counted.
		seen := 0
		for _, p := range pairs {
			// number of earlier with pos <= p[1]
			le := 0
			for i := p[1] + 1; i > 0; i -= i & -i {
				le += tree[i]
			}
			total += seen - le
			for i := p[1] + 1; i <= m; i += i & -i {
				tree[i]++
			}
			seen++
		}
	}
	return total
}
