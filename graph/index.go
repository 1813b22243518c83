package graph

import (
	"cmp"
	"slices"
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

// indexMoves lays out the moves in compressed sparse rows; from and to
// hold the role index of each move's ends.
func (g *Graph) indexMoves(from, to []int32) {
	n := len(g.roles)
	fwdDeg := make([]int32, n+1)
	bwdDeg := make([]int32, n+1)
	for i, m := range g.moves {
		f, t := from[i], to[i]
		fwdDeg[f]++
		bwdDeg[t]++
		if m.Kind == Related {
			fwdDeg[t]++
			bwdDeg[f]++
		}
	}
	g.fwdOff, g.fwd = prefix(fwdDeg)
	g.bwdOff, g.bwd = prefix(bwdDeg)
	// Moves come sorted by their ends, so the arcs each move adds in its
	// own direction fill every row in order, and so do the arcs related
	// moves add against it in a second pass: a row is two sorted runs to
	// merge.
	fill := slices.Clone(g.fwdOff)
	bfill := slices.Clone(g.bwdOff)
	for i, m := range g.moves {
		f, t := from[i], to[i]
		down := g.down(f, t)
		g.fwd[fill[f]] = arc{to: t, move: int32(i), milli: m.Milli, kind: m.Kind, down: down}
		fill[f]++
		g.bwd[bfill[t]] = arc{to: f, move: int32(i), milli: m.Milli, kind: m.Kind, down: down}
		bfill[t]++
	}
	fmid := slices.Clone(fill)
	bmid := slices.Clone(bfill)
	for i, m := range g.moves {
		if m.Kind == Related {
			f, t := from[i], to[i]
			down := g.down(t, f)
			g.fwd[fill[t]] = arc{to: f, move: int32(i), milli: m.Milli, kind: m.Kind, against: true, down: down}
			fill[t]++
			g.bwd[bfill[f]] = arc{to: t, move: int32(i), milli: m.Milli, kind: m.Kind, against: true, down: down}
			bfill[f]++
		}
	}
	g.costUnit, g.maxMilli = 1000, 0
	for _, m := range g.moves {
		if m.Milli > 0 {
			g.costUnit = gcd(g.costUnit, int64(m.Milli))
			g.maxMilli = max(g.maxMilli, int64(m.Milli))
		}
	}
	var buf []arc
	for i := range n {
		buf = mergeRuns(g.fwd[g.fwdOff[i]:g.fwdOff[i+1]], int(fmid[i]-g.fwdOff[i]), buf)
		buf = mergeRuns(g.bwd[g.bwdOff[i]:g.bwdOff[i+1]], int(bmid[i]-g.bwdOff[i]), buf)
	}
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

// down reports whether travelling from role f to role t goes down a
// level, both having one.
func (g *Graph) down(f, t int32) bool {
	lf, lt := g.roles[f].Level, g.roles[t].Level
	return lf > 0 && lt > 0 && lt < lf
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}
