package graph

import (
	"fmt"
	"math"
	"slices"
)

// A search key orders routes by cost and then by number of steps: the cost
// in thousandths in the high bits, the steps in the low keyShift bits.
// Adding two keys adds both parts, so Dijkstra over keys minimises cost
// first and steps second. With 24 bits for steps (a route has fewer steps
// than a graph has roles) the cost has 37 bits below keyInf: over 10^8
// whole units, MaxReachCost.
const (
	keyShift = 24
	keyInf   = math.MaxInt64 / 4 // sum of two stays positive
)

func keyCost(k int64) int64 { return k >> keyShift }
func keySteps(k int64) int  { return int(k & (1<<keyShift - 1)) }

// costOf returns the cost of key k as a number.
func costOf(k int64) float64 { return float64(keyCost(k)) / 1000 }

// weights turn arcs into search keys: the keys of a default-cost career
// and related arc (a related key of 0 means related arcs are not taken),
// the lateral cost, and whether arcs down a level are left out.
type weights struct {
	career, related int64
	lateral         int64 // in thousandths
	noDown          bool
}

// newWeights returns the weights for the options, or an error wrapping
// ErrBadOption when the lateral cost is above MaxLateralCost.
func newWeights(careerOnly bool, lateral int, noDown bool) (weights, error) {
	if lateral <= 0 {
		lateral = DefaultLateralCost
	}
	if lateral > MaxLateralCost {
		return weights{}, fmt.Errorf("lateral cost %d: %w: at most %d", lateral, ErrBadOption, MaxLateralCost)
	}
	w := weights{career: 1000<<keyShift + 1, lateral: int64(lateral) * 1000, noDown: noDown}
	if !careerOnly {
		w.related = w.lateral<<keyShift + 1
	}
	return w, nil
}

// of returns the key of arc a, or 0 when a may not be taken. A move with
// its own cost costs that; the lateral cost scales only related moves
// at the default cost.
func (w weights) of(a arc) int64 {
	if w.noDown && a.down {
		return 0
	}
	if a.kind == Career {
		if a.milli == 0 {
			return w.career
		}
		return int64(a.milli)<<keyShift + 1
	}
	if w.related == 0 {
		return 0
	}
	if a.milli == 0 {
		return w.related
	}
	return int64(a.milli)<<keyShift + 1
}

// spec is what one point-to-point search may use: the arc weights, and
// arcs from block.from to any of block.to that it may not take. Roles it
// may not enter are stamped in scratch.avoid (avoidRole) beforehand. A limit above 0
// is the greatest key of a route worth finding: the search gives up as
// soon as it knows the cheapest route costs more.
type spec struct {
	w     weights
	from  int32 // -1: no blocked arcs
	block []int32
	limit int64 // 0: no limit
}

func (sp *spec) blocked(u, x int32) bool {
	return u == sp.from && slices.Contains(sp.block, x)
}

// hop is one arc of a route: the role it leaves and the arc's position in
// g.fwd.
type hop struct {
	from int32
	arc  int32
}

// cheapest returns the cheapest route from s to t (s != t) under sp and
// its key, or ok false when there is none or, with a limit, when its key
// is above sp.limit.
//
// Among routes of equal cost it returns the one with the fewest steps and,
// among those, the one whose sequence of role IDs sorts first; so the
// answer is a function of the graph and the query alone. It finds the
// cheapest key by bidirectional Dijkstra (bidi), run until every role on
// any cheapest route has its final key from s or to t on one side or the
// other, then marks which forward-settled roles lie on a cheapest route
// and walks from s taking at each role the lowest-ID successor that stays
// on one (walk).
func (g *Graph) cheapest(sc *scratch, s, t int32, sp *spec, hops []hop) (_ []hop, key int64, _ bool) {
	mu, ok := g.bidi(sc, s, t, sp)
	if !ok {
		return hops, 0, false
	}
	return g.walk(sc, s, t, sp, mu, hops), mu, true
}

// bidi is cheapest's search: bidirectional Dijkstra on keys. It returns
// the cheapest key mu, or false as cheapest does, and leaves every role
// on a cheapest route with its final key from s (forward) or to t
// (backward): settled, or, on the backward side, labelled at the edge
// the search stopped at, sc.edgeB, or less (see finalB).
//
// It stops as soon as topF+topB >= mu, topF and topB the smallest keys
// left in each side's heap. That mu is then the cheapest key is the usual
// argument: a cheaper route would have a role u with distF(u) < topF
// followed by one v with distB(v) < topB, both settled, and whichever
// settled second met the other's label across the arc.
//
// That every role u on a cheapest route has a final key on one side:
// distF(u)+distB(u) = mu <= topF+topB (true distances), so distF(u) <=
// topF or distB(u) <= topB. Say distB(u) <= topB (forward is alike). If
// u = t its key is 0. Otherwise u's successor v on the route has distB(v)
// < topB, so v is settled (nothing below topB is left in the heap) and
// took its arc to u when it settled: u was labelled with its true key,
// or, v a hub, the cursor that hands out that arc sits at that key, which
// is topB at most; finish drains the cursors left at topB, so u is
// labelled then. A label of topB or less is final: nothing below topB is
// left to lower it. The walk needs the backward side only: a role with a
// final forward key only, on a cheapest route, has distB(u) > topB, so
// distF(u) < topF and it is settled.
//
// The rule used to be strict (topF+topB > mu), so that every role on a
// cheapest route was settled by one side; but when mu is met across a
// level of tied keys, as after a hub, that settled the whole level, often
// thousands of roles and most of such a search's work. sc.strict keeps
// that rule, for tests to hold the search to the plain one.
//
// It stops earlier still, at mu < topF+topB+delta, delta no arc's key
// being less, when both sides' next levels are a hub's neighbours (a
// search would settle thousands of roles to pass either). A route P
// cheaper than mu then has a role u with distF(u) < topF (settled) whose
// successor v has distF(v) >= topF, so v's key to t on P is below
// mu-topF < topB+delta. Below topB, v is settled and met as above.
// Otherwise v's successor w is below topB, settled, so P passes u, v, w:
// u's arc labels v forward or v waits in a cursor of u; w's labels v
// backward or v waits in a cursor of w. Labels meet labels as they are
// made; meetPending finds the rest: a role a cursor has yet to hand out
// that the other side has labelled or has in a cursor too. So mu is the
// cheapest key. For the walk, a role u on a cheapest route that is not
// settled has distF(u) >= topF, so its key to t is mu-topF at most, and
// as above it is settled backward, or its successor is and labelled u or
// holds it in a cursor at a key of mu-topF at most: finish drains those
// cursors, and every backward label of mu-topF or less (the edge) is the
// key of a route to t and, on a cheapest route, the true one. With mu =
// topF+topB the edge is topB, as for the rule before.
//
// Which side goes next: the one already working through a level of
// equal keys finishes it; otherwise the one whose next level holds fewer
// of a hub's arcs not yet taken (levelSize) starts its own, and with
// levels alike (as where no hub is near) the one with fewer roles
// labelled, counting those arcs (sc.lazyF, sc.lazyB). On a large graph
// with hubs a level is often a hub's thousands of neighbours at one key,
// both sides reach one, and passing either is enough to stop; taking
// turns, as the strict rule still does, passed both.
//
// A hub, a role with at least sc.lazy arcs one way, has its arcs of a
// default cost taken lazily when it settles (see settleHub): on a large
// graph most searches settle a hub or two, and labelling all of a hub's
// neighbours was most of their work, though few of them settle before the
// search ends.
func (g *Graph) bidi(sc *scratch, s, t int32, sp *spec) (int64, bool) {
	gen := sc.gen
	sc.nRoles = int32(g.numRoles())
	sc.distF[s], sc.seenF[s] = 0, gen
	sc.distB[t], sc.seenB[t] = 0, gen
	sc.heapF.push(0, s)
	sc.heapB.push(0, t)
	mu := int64(keyInf)
	limit := sp.limit
	if limit <= 0 {
		limit = keyInf
	}
	level, inLevel := int64(-1), false // the key, and the side, of the level under way
	delta := g.costUnit<<keyShift + 1  // no arc's key is less
	for {
		topF := sc.top(&sc.heapF, sc.distF, sc.doneF)
		topB := sc.top(&sc.heapB, sc.distB, sc.doneB)
		if topF == keyInf || topB == keyInf || topF+topB > mu {
			break
		}
		if !sc.strict && mu < topF+topB+delta {
			if mu == topF+topB {
				g.finish(sc, sp, topB, topB)
				break
			}
			// Early, where going on would pass a hub's neighbours; where
			// the next level is small, going on costs less than meetPending.
			if min(sc.levelSize(true, topF), sc.levelSize(false, topB)) >= int(sc.lazy) {
				mu = g.meetPending(sc, sp, mu)
				g.finish(sc, sp, topB, mu-topF)
				break
			}
		}
		// No route not yet met costs less than topF+topB.
		if topF+topB > limit && mu > limit {
			return 0, false
		}
		var forward bool
		switch {
		case sc.strict:
			forward = len(sc.heapF) <= len(sc.heapB)
		case inLevel && topF == level:
			forward = true
		case !inLevel && topB == level:
			forward = false
		default:
			nF, nB := sc.levelSize(true, topF), sc.levelSize(false, topB)
			forward = nF < nB || nF == nB && len(sc.heapF)+sc.lazyF <= len(sc.heapB)+sc.lazyB
			inLevel, level = forward, topB
			if forward {
				level = topF
			}
		}
		mu = g.settleNext(sc, sp, forward, mu)
	}
	if mu == keyInf || mu > limit {
		return 0, false
	}
	return mu, true
}

// walk returns hops extended by the cheapest route of key mu from s to t
// that bidi has left in sc: among those, the one whose sequence of role
// IDs sorts first.
//
// It needs of the search: every role on a cheapest route settled forward
// or with its final key to t (finalB), and sc.orderF listing the
// forward-settled roles in the order settled, so that a role comes after
// every role before it on a cheapest route (keys grow along a route).
// Arcs of a hub are tried against the roles that can continue a cheapest
// route rather than one by one (see onwardFrom).
func (g *Graph) walk(sc *scratch, s, t int32, sp *spec, mu int64, hops []hop) []hop {
	gen := sc.gen
	sc.doneB[t] = gen // its label 0 is final even if never popped

	// A forward-settled role is on a cheapest route when it continues to
	// t at cost mu: through a role of final backward key, or through a
	// later forward-settled one already marked. (A role on a cheapest
	// route with no final backward key is forward-settled: see bidi.)
	for i := len(sc.orderF) - 1; i >= 0; i-- {
		v := sc.orderF[i]
		dv := sc.distF[v]
		if sc.finalB(v) && dv+sc.distB[v] == mu || g.onwardFrom(sc, sp, v, dv, mu, t) >= 0 {
			sc.onPath[v] = gen
		}
	}

	// Arcs are sorted by target and then kind, so the first arc that
	// stays on a cheapest route leads to the lowest-ID role, by the
	// cheapest arc, career before related.
	u, acc := s, int64(0)
	for u != t {
		next := g.onwardFrom(sc, sp, u, acc, mu, t)
		if next < 0 {
			panic("graph: cheapest route lost during reconstruction")
		}
		hops = append(hops, hop{from: u, arc: next})
		acc += sp.w.of(g.fwd[next])
		u = g.fwd[next].to
	}
	return hops
}

// onwardFrom returns the position in g.fwd of the first arc from u, reached
// at key d on a cheapest route, that keeps to a cheapest route of key mu,
// or -1 when none does.
func (g *Graph) onwardFrom(sc *scratch, sp *spec, u int32, d, mu int64, t int32) int32 {
	lo, hi := g.fwdOff[u], g.fwdOff[u+1]
	if hi-lo < sc.lazy {
		for ai := lo; ai < hi; ai++ {
			if g.onward(sc, sp, u, ai, d, mu) {
				return ai
			}
		}
		return -1
	}
	return g.onwardHub(sc, sp, u, d, mu, t)
}

// onward reports whether taking arc ai from u, reached at key d on a
// cheapest route, keeps to a cheapest route of key mu.
func (g *Graph) onward(sc *scratch, sp *spec, u, ai int32, d, mu int64) bool {
	a := g.fwd[ai]
	x := a.to
	gen := sc.gen
	// Most arcs of a hub lead to a role neither side has reached: one
	// look-up tells.
	if sc.seenB[x] != gen && sc.onPath[x] != gen {
		return false
	}
	w := sp.w.of(a)
	if w == 0 || sc.avoided(x) || sp.blocked(u, x) {
		return false
	}
	if sc.finalB(x) && d+w+sc.distB[x] == mu {
		return true
	}
	return sc.onPath[x] == gen && sc.doneF[x] == gen && sc.distF[x] == d+w
}

// finalB reports whether the walk may take x's backward label for its
// key to t: x is settled backward, or labelled at bidi's edge or less. Such
// a label is the key of some route to t, and on a cheapest route the
// true key (see bidi).
func (sc *scratch) finalB(x int32) bool {
	return sc.doneB[x] == sc.gen || sc.seenB[x] == sc.gen && sc.distB[x] <= sc.edgeB
}

// levelSize returns about how many roles one side (forward or not) has
// at key top: one, and the arcs its hubs' cursors at top have left. It
// reads the cursors, not the heap: they are few, the heap may be large,
// and it is asked at every new key.
func (sc *scratch) levelSize(forward bool, top int64) int {
	n := 1
	for i := range sc.cursors {
		if c := &sc.cursors[i]; c.forward == forward && c.key == top && c.pos < c.end {
			n += int(c.end - c.pos)
		}
	}
	return n
}

// top returns the smallest live key of h, dropping stale entries, or
// keyInf when h is empty. A hub's cursor is always live.
func (sc *scratch) top(h *keyHeap, dist []int64, done []uint32) int64 {
	for len(*h) > 0 {
		it := (*h)[0]
		if it.role >= sc.nRoles || done[it.role] != sc.gen && dist[it.role] == it.key {
			return it.key
		}
		h.pop()
	}
	return keyInf
}

// route turns hops into a Route of key k under weights sp.
func (g *Graph) route(hops []hop, k int64, sp weights) Route {
	r := Route{Cost: costOf(k), Steps: make([]Step, len(hops))}
	for i, h := range hops {
		a := g.fwd[h.arc]
		m := g.move(a.move)
		r.Steps[i] = Step{
			From: g.role(h.from).ID, To: g.role(a.to).ID,
			Kind: a.kind, Against: a.against, Sources: m.Sources,
			Cost: costOf(sp.of(a)), Attrs: m.Attrs,
		}
	}
	return r
}

// settleNext settles the next role of one side of bidi's search, forward
// from s or backward to t, and returns mu lowered by any route it meets
// across the arcs it takes. The two sides differ only in the arrays they
// use: the arcs out of a role or into it, their own labels and the other
// side's.
func (g *Graph) settleNext(sc *scratch, sp *spec, forward bool, mu int64) int64 {
	gen := sc.gen
	heap, done, order := &sc.heapB, sc.doneB, &sc.orderB
	seen, dist, otherSeen, otherDist := sc.seenB, sc.distB, sc.seenF, sc.distF
	off, arcs := g.bwdOff, g.bwd
	if forward {
		heap, done, order = &sc.heapF, sc.doneF, &sc.orderF
		seen, dist, otherSeen, otherDist = sc.seenF, sc.distF, sc.seenB, sc.distB
		off, arcs = g.fwdOff, g.fwd
	}
	it := heap.pop()
	u := it.role
	if u >= sc.nRoles {
		return g.pull(sc, sp, &sc.cursors[u-sc.nRoles], mu)
	}
	sc.settled++
	done[u] = gen
	*order = append(*order, u)
	if off[u+1]-off[u] >= sc.lazy {
		return g.settleHub(sc, sp, u, forward, mu)
	}
	// A blocked arc leaves sp.from: forward, only u's arcs can be;
	// backward, any arc into u from sp.from.
	blockedFrom := forward && u == sp.from
	blockedTo := !forward && sp.from >= 0 && slices.Contains(sp.block, u)
	for _, a := range arcs[off[u]:off[u+1]] {
		w := sp.w.of(a)
		x := a.to
		if w == 0 || sc.avoided(x) ||
			blockedFrom && slices.Contains(sp.block, x) || blockedTo && x == sp.from {
			continue
		}
		nk := it.key + w
		if seen[x] != gen || nk < dist[x] {
			seen[x], dist[x] = gen, nk
			heap.push(nk, x)
		}
		if otherSeen[x] == gen && nk+otherDist[x] < mu {
			mu = nk + otherDist[x]
		}
	}
	return mu
}
