package graph

import (
	"cmp"
	"slices"
)

// lazyDegree is the number of arcs one way from which a role is a hub to
// the route search: its arcs of a default cost are taken lazily. Below
// it, taking arcs one by one costs less than the bookkeeping.
const lazyDegree = 128

// A cursor hands out, one at a time and on demand, the arcs of one kind
// at that kind's default cost from a hub the search has settled: each
// leads to a role at the same key, the hub's key plus the default cost.
// It sits in its side's heap at that key as entry nRoles+its index, after
// the roles of equal key, and each time it comes first it labels one more
// role (see pull). So a hub's neighbours are labelled only as far as the
// search goes, not all when the hub settles.
type cursor struct {
	hub      int32
	self     int32 // its index in sc.cursors
	pos, end int32 // the hub's arcs still to hand out, in g.fwd or g.bwd
	kind     Kind
	forward  bool
	key      int64
}

// settleHub takes the arcs of hub u, just settled by the forward or the
// backward side, and returns mu, lowered where a route through u is met.
// Arcs with their own cost are taken at once; those of each kind at its
// default cost go to a cursor.
//
// A route through an arc whose other end x the other side has settled
// already is looked for here, since no cursor may reach x before the
// search ends: bidi's argument that mu is found needs, for consecutive
// roles on a cheapest route settled by the two sides, that whichever
// settles second meets the other's label across the arc. Roles settled
// by the other side later meet u from their own arcs (a hub too: here).
func (g *Graph) settleHub(sc *scratch, sp *spec, u int32, forward bool, mu int64) int64 {
	gen := sc.gen
	off, arcs := g.fwdOff, g.fwd
	dist, seen, heap := sc.distF, sc.seenF, &sc.heapF
	odist, oseen, odone, oorder := sc.distB, sc.seenB, sc.doneB, sc.orderB
	if !forward {
		off, arcs = g.bwdOff, g.bwd
		dist, seen, heap = sc.distB, sc.seenB, &sc.heapB
		odist, oseen, odone, oorder = sc.distF, sc.seenF, sc.doneF, sc.orderF
	}
	du := dist[u]
	lo, hi := off[u], off[u+1]
	take := func(ai int32, lazy bool) {
		a := arcs[ai]
		w := sp.w.of(a)
		x := a.to
		if w == 0 || (a.milli == 0) != lazy || sc.avoided(x) || sp.blockedWay(u, x, forward) {
			return
		}
		nk := du + w
		if oseen[x] == gen && nk+odist[x] < mu {
			mu = nk + odist[x]
		}
		if !lazy && (seen[x] != gen || nk < dist[x]) {
			seen[x], dist[x] = gen, nk
			heap.push(nk, x)
		}
	}
	if g.maxMilli > 0 {
		for ai := lo; ai < hi; ai++ {
			take(ai, false)
		}
	}
	if int32(len(oorder))*8 < hi-lo {
		row := arcs[lo:hi]
		for _, x := range oorder {
			i, _ := slices.BinarySearchFunc(row, x, arcTo)
			for ai := lo + int32(i); ai < hi && arcs[ai].to == x; ai++ {
				take(ai, true)
			}
		}
	} else {
		for ai := lo; ai < hi; ai++ {
			if odone[arcs[ai].to] == gen {
				take(ai, true)
			}
		}
	}
	for _, kind := range []Kind{Career, Related} {
		w := sp.w.career
		if kind == Related {
			w = sp.w.related
		}
		if w == 0 {
			continue
		}
		self := int32(len(sc.cursors))
		sc.cursors = append(sc.cursors, cursor{hub: u, self: self, pos: lo, end: hi, kind: kind, forward: forward, key: du + w})
		heap.push(du+w, sc.nRoles+self)
		if forward {
			sc.lazyF += int(hi - lo)
		} else {
			sc.lazyB += int(hi - lo)
		}
	}
	return mu
}

// pull labels the next role c leads to that its side has not labelled at
// c's key or less, puts c back in the heap while it has arcs left, and
// returns mu, lowered where a route is met across an arc it takes.
func (g *Graph) pull(sc *scratch, sp *spec, c *cursor, mu int64) int64 {
	gen := sc.gen
	arcs := g.fwd
	dist, seen, heap := sc.distF, sc.seenF, &sc.heapF
	odist, oseen := sc.distB, sc.seenB
	if !c.forward {
		arcs = g.bwd
		dist, seen, heap = sc.distB, sc.seenB, &sc.heapB
		odist, oseen = sc.distF, sc.seenF
	}
	nk := c.key
	from := c.pos
	defer func() {
		if c.forward {
			sc.lazyF -= int(c.pos - from)
		} else {
			sc.lazyB -= int(c.pos - from)
		}
	}()
	for c.pos < c.end {
		a := arcs[c.pos]
		c.pos++
		x := a.to
		if !c.hands(sc, sp, a) {
			continue
		}
		if oseen[x] == gen && nk+odist[x] < mu {
			mu = nk + odist[x]
		}
		if seen[x] != gen || nk < dist[x] {
			seen[x], dist[x] = gen, nk
			heap.push(nk, x)
			break
		}
	}
	if c.pos < c.end {
		heap.push(nk, sc.nRoles+c.self)
	}
	return mu
}

// finish readies the backward side for the walk when bidi stops with
// topB the smallest backward key left and every role on a cheapest route
// settled forward or, backward, settled or reached at edge or less (see
// bidi): it has every backward cursor at edge or less hand out its arcs,
// labelling without a heap, notes edge in sc.edgeB, and lists in
// sc.frontB the roles labelled at edge or less but not settled, for
// onwardHub.
//
// A cursor drained here costs a pass over the hub's arcs; settling the
// roles it labels, as the strict rule did, cost a pass over each one's.
func (g *Graph) finish(sc *scratch, sp *spec, topB, edge int64) {
	gen := sc.gen
	sc.edgeB = edge
	if edge < topB {
		return // every backward label at edge or less is settled
	}
	for _, it := range sc.heapB {
		if it.key > edge {
			continue
		}
		if it.role < sc.nRoles {
			if sc.doneB[it.role] != gen && sc.distB[it.role] == it.key {
				sc.frontB = append(sc.frontB, it.role)
			}
			continue
		}
		c := &sc.cursors[it.role-sc.nRoles]
		for ; c.pos < c.end; c.pos++ {
			a := g.bwd[c.pos]
			x := a.to
			if !c.hands(sc, sp, a) {
				continue
			}
			if sc.seenB[x] != gen || c.key < sc.distB[x] {
				sc.seenB[x], sc.distB[x] = gen, c.key
				sc.frontB = append(sc.frontB, x)
			}
		}
	}
}

// hands reports whether cursor c hands out its hub's arc a: an arc of c's
// kind at the default cost, that the search may take.
func (c *cursor) hands(sc *scratch, sp *spec, a arc) bool {
	// A cursor is made only for a kind the search takes (see settleHub),
	// so of the arc's weight only the level rule is left to ask.
	return a.kind == c.kind && a.milli == 0 && !(a.down && sp.w.noDown) &&
		(sc.stamped == 0 || !sc.avoided(a.to)) && (sp.from < 0 || !sp.blockedWay(c.hub, a.to, c.forward))
}

// meetPending returns mu lowered by every route through a role a cursor
// has not handed out yet that the other side has labelled, or that a
// cursor of the other side has not handed out either: the meetings that
// labelling alone finds only once cursors hand those roles out (see
// bidi's early stop). Cost: a pass over the arcs cursors have left.
func (g *Graph) meetPending(sc *scratch, sp *spec, mu int64) int64 {
	gen := sc.gen
	for i := range sc.cursors {
		c := &sc.cursors[i]
		if c.key >= mu {
			continue
		}
		arcs, odist, oseen := g.fwd, sc.distB, sc.seenB
		if !c.forward {
			arcs, odist, oseen = g.bwd, sc.distF, sc.seenF
		}
		for _, a := range arcs[c.pos:c.end] {
			if x := a.to; oseen[x] == gen && c.key+odist[x] < mu && c.hands(sc, sp, a) {
				mu = c.key + odist[x]
			}
		}
	}
	for i := range sc.cursors {
		f := &sc.cursors[i]
		if !f.forward {
			continue
		}
		for j := range sc.cursors {
			if b := &sc.cursors[j]; !b.forward && f.key+b.key < mu && g.handOutOne(sc, sp, f, b) {
				mu = f.key + b.key
			}
		}
	}
	return mu
}

// handOutOne reports whether forward cursor f and backward cursor b have
// a role left to hand out in common: a merge of their hubs' arcs left,
// each sorted by target.
func (g *Graph) handOutOne(sc *scratch, sp *spec, f, b *cursor) bool {
	fi, bi := f.pos, b.pos
	for fi < f.end && bi < b.end {
		x, y := g.fwd[fi].to, g.bwd[bi].to
		switch {
		case x < y:
			fi++
		case y < x:
			bi++
		default:
			inF, inB := false, false
			for ; fi < f.end && g.fwd[fi].to == x; fi++ {
				inF = inF || f.hands(sc, sp, g.fwd[fi])
			}
			for ; bi < b.end && g.bwd[bi].to == x; bi++ {
				inB = inB || b.hands(sc, sp, g.bwd[bi])
			}
			if inF && inB {
				return true
			}
		}
	}
	return false
}

// blockedWay is blocked for an arc from u to x taken forward, or from x
// to u taken by the backward side.
func (sp *spec) blockedWay(u, x int32, forward bool) bool {
	if forward {
		return sp.blocked(u, x)
	}
	return sp.blocked(x, u)
}

func arcTo(a arc, x int32) int { return cmp.Compare(a.to, x) }

// onwardHub is onwardFrom for a hub u: only an arc to a role of final
// backward key (settled, in sc.frontB, or t) or a role the forward side
// settled can keep to a cheapest route, so it tries the arcs to those
// roles, found by binary search in u's sorted arcs, when they are fewer
// than u's arcs.
func (g *Graph) onwardHub(sc *scratch, sp *spec, u int32, d, mu int64, t int32) int32 {
	lo, hi := g.fwdOff[u], g.fwdOff[u+1]
	if int32(len(sc.orderB)+len(sc.frontB)+len(sc.orderF)+1)*8 >= hi-lo {
		for ai := lo; ai < hi; ai++ {
			if g.onward(sc, sp, u, ai, d, mu) {
				return ai
			}
		}
		return -1
	}
	row := g.fwd[lo:hi]
	best := int32(-1)
	try := func(x int32) {
		if best >= 0 && x >= g.fwd[best].to {
			return
		}
		i, _ := slices.BinarySearchFunc(row, x, arcTo)
		for ai := lo + int32(i); ai < hi && g.fwd[ai].to == x; ai++ {
			if g.onward(sc, sp, u, ai, d, mu) {
				best = ai
				return
			}
		}
	}
	try(t)
	for _, x := range sc.orderB {
		try(x)
	}
	for _, x := range sc.frontB {
		try(x)
	}
	for _, x := range sc.orderF {
		try(x)
	}
	return best
}
