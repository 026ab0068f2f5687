package layout

import (
	"math"
	"sort"
)

// placeX assigns x coordinates: items start packed to the left, then sweeps
// move each layer towards the weighted median of its neighbours' ports
// (above, below, then both), solving each layer exactly as an isotonic
// regression under the order and spacing constraints (pool adjacent
// violators). Long edges (dummy to dummy) weigh most, so they run straight.
func (l *lay) placeX() {
	for _, layer := range l.layers {
		x := 0.0
		for p, v := range layer {
			if p == 0 {
				x = l.items[v].halfw + l.items[v].lmargin
			} else {
				x += l.sep(layer[p-1], v)
			}
			l.items[v].x = x
		}
	}
	n := len(l.layers)
	for iter := 0; iter < 6; iter++ {
		for r := 1; r < n; r++ {
			l.placeLayer(r, 1)
		}
		for r := n - 2; r >= 0; r-- {
			l.placeLayer(r, 2)
		}
	}
	for r := 0; r < n; r++ {
		l.placeLayer(r, 3)
	}
	// integer coordinates, spacing kept
	for _, layer := range l.layers {
		for p, v := range layer {
			x := math.Round(l.items[v].x)
			if p > 0 {
				if m := l.items[layer[p-1]].x + l.sep(layer[p-1], v); x < m {
					x = m
				}
			}
			l.items[v].x = x
		}
	}
	l.straighten()
	minX := math.Inf(1)
	for i := range l.items {
		it := &l.items[i]
		if v := it.x - it.halfw - it.lmargin; v < minX {
			minX = v
		}
	}
	for i := range l.items {
		l.items[i].x -= minX
	}
}

// sep is the minimum distance between the centres of neighbours a (left) and b.
func (l *lay) sep(a, b int) float64 {
	ia, ib := &l.items[a], &l.items[b]
	gap := float64(nodeGap)
	da, db := ia.node < 0, ib.node < 0
	switch {
	case da && db:
		gap = edgeGap
	case da || db:
		gap = dummyGap
	}
	if m := ia.rmargin + ib.lmargin + edgeGap; m > gap {
		gap = m
	}
	return ia.halfw + ib.halfw + gap
}

// placeLayer moves layer r towards its neighbours: mode 1 above, 2 below, 3 both.
func (l *lay) placeLayer(r int, mode int) {
	layer := l.layers[r]
	k := len(layer)
	if cap(l.buf) < 3*k {
		l.buf = make([]float64, 3*k)
	}
	want, weight, off := l.buf[:k], l.buf[k:2*k], l.buf[2*k:3*k]
	xs := l.xs
	for p, v := range layer {
		it := &l.items[v]
		xs = xs[:0]
		dummyNb := false
		collect := func(list []adj, dir int) {
			for _, a := range list {
				there := l.portOff(a.chain, a.chainStep+dir)
				here := l.portOff(a.chain, a.chainStep)
				xs = append(xs, l.items[a.it].x+there-here)
				if l.items[a.it].node < 0 {
					dummyNb = true
				}
			}
		}
		if mode&1 != 0 {
			collect(it.up, -1)
		}
		if mode&2 != 0 {
			collect(it.down, 1)
		}
		if len(xs) == 0 {
			want[p], weight[p] = it.x, 0.05
			continue
		}
		want[p] = median(xs)
		switch {
		case it.node < 0 && dummyNb:
			weight[p] = 8
		case it.node < 0:
			weight[p] = 2
		default:
			weight[p] = 1
		}
	}
	l.xs = xs
	// offsets so that the constraints become y[p+1] >= y[p]
	off[0] = 0
	for p := 1; p < k; p++ {
		off[p] = off[p-1] + l.sep(layer[p-1], layer[p])
	}
	blocks := l.blocks[:0]
	for p := 0; p < k; p++ {
		blocks = append(blocks, block{weight[p], weight[p] * (want[p] - off[p]), p})
		for len(blocks) > 1 {
			a, b := blocks[len(blocks)-2], blocks[len(blocks)-1]
			if a.wy/a.w <= b.wy/b.w {
				break
			}
			blocks = blocks[:len(blocks)-1]
			blocks[len(blocks)-1] = block{a.w + b.w, a.wy + b.wy, a.from}
		}
	}
	for bi, b := range blocks {
		to := k
		if bi+1 < len(blocks) {
			to = blocks[bi+1].from
		}
		y := b.wy / b.w
		for p := b.from; p < to; p++ {
			l.items[layer[p]].x = y + off[p]
		}
	}
	l.blocks = blocks
}

// block is a run of items placed together by placeLayer.
type block struct {
	w, wy float64
	from  int
}

func median(xs []float64) float64 {
	if len(xs) == 1 {
		return xs[0]
	}
	sort.Float64s(xs)
	m := len(xs) / 2
	if len(xs)%2 == 1 {
		return xs[m]
	}
	return (xs[m-1] + xs[m]) / 2
}
