package graph

import (
	"cmp"
	"slices"
	"sync"
)

// arc is one traversable direction of a move.
type arc struct {
	to      int32
	move    int32
	milli   int32 // the move's own cost in thousandths; 0: the kind's default
	kind    Kind
	against bool // a related move taken against its written direction
	down    bool // it leads to a lower level, both ends having one
}

// indexMoves lays out the moves, ms, in compressed sparse rows. The rows
// out of roles and the rows into them are laid out at the same time,
// each on a core of its own.
func (g *Graph) indexMoves(ms []packedMove) {
	// The roles' levels side by side: the rows ask for two at each arc,
	// and from the roles themselves each was a cache miss.
	levels := make([]int32, g.numRoles())
	for i, r := range g.allRoles() {
		levels[i] = int32(r.Level)
	}
	var wg sync.WaitGroup
	wg.Go(func() { g.bwdOff, g.bwd = g.rows(ms, levels, false) })
	g.fwdOff, g.fwd = g.rows(ms, levels, true)
	g.costUnit, g.maxMilli = 1000, 0
	for _, m := range ms {
		if m.milli > 0 {
			g.costUnit = gcd(g.costUnit, int64(m.milli))
			g.maxMilli = max(g.maxMilli, int64(m.milli))
		}
	}
	wg.Wait()
}

// rows lays out one side of the compact index: for each role, the arcs
// of the moves from it (forward) or to it (not forward), and of related
// moves the other way too, against them; each row sorted by target, kind
// and move. Whether an arc goes down a level (levels: each role's)
// depends on which way the move is travelled.
func (g *Graph) rows(ms []packedMove, levels []int32, forward bool) ([]int32, []arc) {
	ends := func(m packedMove) (tail, head int32) { // of the row it is in, and the arc's target
		if forward {
			return m.from, m.to
		}
		return m.to, m.from
	}
	down := func(t, h int32) bool { // of the arc from row t to h
		if !forward {
			t, h = h, t // travelled from h to t
		}
		lf, lt := levels[t], levels[h]
		return lf > 0 && lt > 0 && lt < lf
	}
	deg := make([]int32, g.numRoles()+1)
	for _, m := range ms {
		t, h := ends(m)
		deg[t]++
		if m.kind == Related {
			deg[h]++
		}
	}
	off, arcs := prefix(deg)
	// Moves come sorted by their ends, so the arcs each move adds in its
	// own direction fill every row in order, and so do the arcs related
	// moves add against it in a second pass: a row is two sorted runs to
	// merge.
	fill := slices.Clone(off)
	for i, m := range ms {
		t, h := ends(m)
		arcs[fill[t]] = arc{to: h, move: int32(i), milli: m.milli, kind: m.kind, down: down(t, h)}
		fill[t]++
	}
	mid := slices.Clone(fill)
	for i, m := range ms {
		if m.kind == Related {
			t, h := ends(m)
			arcs[fill[h]] = arc{to: t, move: int32(i), milli: m.milli, kind: m.kind, against: true, down: down(h, t)}
			fill[h]++
		}
	}
	var buf []arc
	for i := range g.numRoles() {
		buf = mergeRuns(arcs[off[i]:off[i+1]], int(mid[i]-off[i]), buf)
	}
	return off, arcs
}

// mergeRuns sorts row, whose row[:mid] and row[mid:] are each sorted, by
// merging them with buf as scratch space, and returns buf for reuse.
func mergeRuns(row []arc, mid int, buf []arc) []arc {
	if mid == 0 || mid == len(row) || compareArcs(row[mid-1], row[mid]) <= 0 {
		return buf
	}
	buf = append(buf[:0], row[:mid]...)
	i, j, k := 0, mid, 0
	for i < len(buf) && j < len(row) {
		if compareArcs(row[j], buf[i]) < 0 {
			row[k] = row[j]
			j++
		} else {
			row[k] = buf[i]
			i++
		}
		k++
	}
	copy(row[k:], buf[i:])
	return buf
}

func compareArcs(a, b arc) int {
	return cmp.Or(cmp.Compare(a.to, b.to), cmp.Compare(a.kind, b.kind), cmp.Compare(a.move, b.move))
}

// prefix turns per-role degrees into CSR offsets and an arc slice.
func prefix(deg []int32) ([]int32, []arc) {
	off := make([]int32, len(deg))
	var sum int32
	for i, d := range deg[:len(deg)-1] {
		off[i] = sum
		sum += d
	}
	off[len(deg)-1] = sum
	return off, make([]arc, sum)
}

func (g *Graph) out(i int32) []arc { return g.fwd[g.fwdOff[i]:g.fwdOff[i+1]] }
func (g *Graph) in(i int32) []arc  { return g.bwd[g.bwdOff[i]:g.bwdOff[i+1]] }

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}
