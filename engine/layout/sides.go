package layout

import "sort"

// A Catch edge leaves its state from the side, and a loop (back edge) leaves
// and enters from the side, when its neighbour in the next layer is left or
// right of the state's other neighbours there; otherwise it uses the centre
// like every other edge. Side runs get slots (parallel vertical runs at
// slotGap spacing) and port heights ordered so that runs on one side never
// cross each other.

type sidePort struct {
	chain int
	upper bool // the chain's upper end (it leaves downwards)
	nb    int  // position of the neighbour in the adjacent layer
}

func (l *lay) assignSides() {
	sc := l.sc
	type sides struct {
		down, up [2][]sidePort // [0] left, [1] right
		self     []int
	}
	per := make([]sides, len(sc.nodes))
	for ci := range l.chains {
		if c := &l.chains[ci]; c.self {
			per[c.items[0]].self = append(per[c.items[0]].self, ci)
		}
	}
	isSpecial := func(ci, end int) bool { return l.chains[ci].special[end] }
	for ci := range l.chains {
		c := &l.chains[ci]
		if c.self {
			continue
		}
		last := len(c.items) - 1
		if c.special[0] {
			a := c.items[0]
			nb := l.items[c.items[1]].pos
			side := l.pickSide(l.items[a].down, nb, func(x adj) bool { return x.chainStep == 0 && !isSpecial(x.chain, 0) })
			c.upper.side = side
			if side != 0 {
				s := (side + 1) / 2
				per[a].down[s] = append(per[a].down[s], sidePort{ci, true, nb})
			}
		}
		if c.special[1] {
			b := c.items[last]
			nb := l.items[c.items[last-1]].pos
			side := l.pickSide(l.items[b].up, nb, func(x adj) bool {
				return x.chainStep == len(l.chains[x.chain].items)-1 && !isSpecial(x.chain, 1)
			})
			c.lower.side = side
			if side != 0 {
				s := (side + 1) / 2
				per[b].up[s] = append(per[b].up[s], sidePort{ci, false, nb})
			}
		}
	}
	for v := range per {
		p := &per[v]
		if len(p.down[0])+len(p.down[1])+len(p.up[0])+len(p.up[1])+len(p.self) == 0 {
			continue
		}
		h := sc.nodes[v].h
		for s := 0; s < 2; s++ {
			asc := s == 1
			for _, list := range [][]sidePort{p.down[s], p.up[s]} {
				sort.SliceStable(list, func(i, j int) bool {
					if asc {
						return list[i].nb < list[j].nb
					}
					return list[i].nb > list[j].nb
				})
			}
			slots := max(len(p.down[s]), len(p.up[s]))
			// heights, top to bottom: up inner→outer, self loops, down outer→inner
			var seq []*attach
			for k, sp := range p.up[s] {
				a := &l.chains[sp.chain].lower
				a.slot = k + 1
				seq = append(seq, a)
			}
			var selfY []*float64
			if s == 1 {
				for j := len(p.self) - 1; j >= 0; j-- {
					c := &l.chains[p.self[j]]
					c.selfSlot = slots + 1 + j
					selfY = append(selfY, &c.selfY[0])
				}
				for j := range p.self {
					selfY = append(selfY, &l.chains[p.self[j]].selfY[1])
				}
				slots += len(p.self)
			}
			var downSeq []*attach
			for k := len(p.down[s]) - 1; k >= 0; k-- {
				a := &l.chains[p.down[s][k].chain].upper
				a.slot = k + 1
				downSeq = append(downSeq, a)
			}
			if h <= 2*StateH {
				total := len(seq) + len(selfY) + len(downSeq)
				k := 0
				yAt := func() float64 {
					k++
					return h * float64(k) / float64(total+1)
				}
				for _, a := range seq {
					a.y = yAt()
				}
				for _, y := range selfY {
					*y = yAt()
				}
				for _, a := range downSeq {
					a.y = yAt()
				}
			} else {
				// a tall group block: loops enter near its top, Catch
				// edges leave near its bottom
				top := len(seq) + len(selfY)
				for k, a := range seq {
					a.y = StateH * float64(k+1) / float64(top+1)
				}
				for k, y := range selfY {
					*y = StateH * float64(len(seq)+k+1) / float64(top+1)
				}
				for k, a := range downSeq {
					a.y = h - StateH + StateH*float64(k+1)/float64(len(downSeq)+1)
				}
			}
			if s == 0 {
				l.items[v].lmargin = float64(slots) * slotGap
			} else {
				l.items[v].rmargin = float64(slots) * slotGap
			}
		}
	}
}

// markSpecial marks the chain ends that may use a side port: both ends of
// a loop, the source end of a Catch edge.
func (l *lay) markSpecial() {
	for ci := range l.chains {
		c := &l.chains[ci]
		if c.self {
			continue
		}
		e := l.sc.edges[c.edge]
		c.special[0] = c.rev || e.kind == "catch"
		c.special[1] = c.rev
		c.labelFirst = e.kind == "choice" || e.kind == "default"
	}
}

// pickSide compares the position nb of a chain's neighbour with those of the
// node's regular neighbours in the same adjacent layer.
func (l *lay) pickSide(nbs []adj, nb int, regular func(adj) bool) int {
	lo, hi := -1, -1
	for _, x := range nbs {
		if !regular(x) {
			continue
		}
		p := l.items[x.it].pos
		if lo < 0 || p < lo {
			lo = p
		}
		if p > hi {
			hi = p
		}
	}
	switch {
	case lo < 0 || nb > hi:
		return 1
	case nb < lo:
		return -1
	}
	return 0
}

// portOff is the x offset from the item's centre where chain ci attaches at
// its step-th item.
func (l *lay) portOff(ci, step int) float64 {
	c := &l.chains[ci]
	var a *attach
	switch step {
	case 0:
		a = &c.upper
	case len(c.items) - 1:
		a = &c.lower
	default:
		return 0
	}
	if a.side == 0 {
		return 0
	}
	it := &l.items[c.items[step]]
	return float64(a.side) * (it.halfw + float64(a.slot)*slotGap)
}
