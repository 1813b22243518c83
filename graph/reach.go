package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// ReachOptions shape a reach query.
type ReachOptions struct {
	Reverse     bool // roles that reach the start, instead of roles it reaches
	CareerOnly  bool
	LateralCost int  // 0 or less means DefaultLateralCost
	MaxCost     int  // 0 means no limit; at most MaxReachCost
	NoDown      bool // leave out moves that go down a level, as PathOptions.NoDown
}

// MaxReachCost is the greatest ReachOptions.MaxCost: searches count a
// cost in thousandths in 37 bits of a 64-bit word (see weights), and no
// route within the package's limits costs more.
const MaxReachCost = 100_000_000

// Reached is one role a reach query found, with its display name, the
// cheapest cost to it, the number of steps of that cheapest route and the
// kinds of move it takes.
type Reached struct {
	Role  string // role ID
	Name  string // the role's display name, as NameOf(Role)
	Cost  float64
	Steps int
	Via   Via
}

// Via tells which kinds of move a route takes: only career moves, only
// related (lateral) moves, or both.
type Via uint8

// The kinds of route. ViaBoth is ViaCareer|ViaRelated.
const (
	ViaCareer  Via = 1 << Career
	ViaRelated Via = 1 << Related
	ViaBoth        = ViaCareer | ViaRelated
)

// String returns "career", "related" or "both" ("" for none).
func (v Via) String() string {
	switch v {
	case ViaCareer:
		return "career"
	case ViaRelated:
		return "related"
	case ViaBoth:
		return "both"
	}
	return ""
}

// Reach returns every role the role with ID from reaches, or with
// opt.Reverse every role that reaches it, each with the cost of the
// cheapest route and the number of steps of the cheapest route with the
// fewest steps, and the kinds of move that route takes (of the routes
// tied in cost and steps, the one found first, visiting successors in
// index order). Costs are as for Path; opt.MaxCost > 0 leaves out roles
// that cost more. The start itself is left out. The result is sorted by
// cost, then display name, then ID. An unknown ID wraps ErrNotFound; a
// MaxCost below 0 or above MaxReachCost, or a LateralCost above
// MaxLateralCost, wraps ErrBadOption.
// Reach is one Dijkstra search with a bucket per cost, O(V+E), and an
// O(V) ordering by name; the first listing of a graph also sorts all its
// role names once.
func (g *Graph) Reach(from string, opt ReachOptions) ([]Reached, error) {
	s, err := g.index(from)
	if err != nil {
		return nil, err
	}
	w, err := newWeights(opt.CareerOnly, opt.LateralCost, opt.NoDown)
	if err != nil {
		return nil, err
	}
	if opt.MaxCost < 0 || opt.MaxCost > MaxReachCost {
		return nil, fmt.Errorf("max cost %d: %w: from 0 (no limit) to %d", opt.MaxCost, ErrBadOption, MaxReachCost)
	}
	limit := int64(keyInf)
	if opt.MaxCost > 0 {
		limit = int64(opt.MaxCost)*1000<<keyShift | (1<<keyShift - 1)
	}
	off, arcs := g.fwdOff, g.fwd
	if opt.Reverse {
		off, arcs = g.bwdOff, g.bwd
	}

	sc := g.getScratch()
	defer putScratch(sc)
	if unit, span := g.buckets(w); span <= maxBuckets {
		g.dial(sc, s, off, arcs, w, limit, unit, span)
	} else {
		g.dijkstra(sc, s, off, arcs, w, limit)
	}

	found := sc.orderF[1:] // orderF[0] is the start; the rest by cost
	out := make([]Reached, 0, len(found))
	for _, r := range g.byCostThenName(sc, found) {
		k := sc.distF[r]
		out = append(out, Reached{Role: g.role(r).ID, Name: g.role(r).Name, Cost: costOf(k), Steps: keySteps(k), Via: sc.via[r]})
	}
	return out, nil
}

// byCostThenName reorders found, roles settled in sc.distF in order of
// cost, by cost and then display name and ID. It places the roles by a
// counting sort over the cached name order, O(V), unless they are few
// enough to sort.
func (g *Graph) byCostThenName(sc *scratch, found []int32) []int32 {
	if len(found) < g.numRoles()/16 {
		slices.SortFunc(found, func(a, b int32) int {
			return cmp.Or(cmp.Compare(keyCost(sc.distF[a]), keyCost(sc.distF[b])),
				strings.Compare(g.role(a).Name, g.role(b).Name), cmp.Compare(a, b))
		})
		return found
	}
	// Number the runs of one cost; next[i] is where the next role of run
	// i goes. sc.distB, unused by a one-way search, holds each role's run.
	var next []int
	for i, r := range found {
		if i == 0 || keyCost(sc.distF[r]) != keyCost(sc.distF[found[i-1]]) {
			next = append(next, i)
		}
		sc.distB[r] = int64(len(next) - 1)
	}
	out := make([]int32, len(found))
	start := sc.orderF[0]
	for _, r := range g.nameOrder() {
		if sc.doneF[r] == sc.gen && r != start {
			run := sc.distB[r]
			out[next[run]] = r
			next[run]++
		}
	}
	return out
}

// maxBuckets is the most buckets dial keeps; with more, Reach runs a
// heap-based Dijkstra search instead.
const maxBuckets = 1 << 16

// buckets returns the unit of dial's buckets under w, which divides the
// cost of every arc, and how many buckets hold every cost ahead.
func (g *Graph) buckets(w weights) (unit, span int64) {
	unit, most := g.costUnit, max(1000, g.maxMilli)
	if w.related != 0 {
		unit = gcd(unit, w.lateral)
		most = max(most, w.lateral)
	}
	return unit, 1 + most/unit
}

// dial settles every role reachable from s over (off, arcs) at a key of
// at most limit, into sc.distF and sc.orderF in order of cost. Costs are
// whole multiples of unit, so it keeps one bucket per multiple (Dial's
// algorithm): a bucket is complete once the search reaches it, since
// every arc costs at least one unit, and then its roles settle at the
// least number of steps any of its entries has. O(V + E + largest
// cost/unit).
func (g *Graph) dial(sc *scratch, s int32, off []int32, arcs []arc, w weights, limit, unit, span int64) {
	gen := sc.gen
	if int64(cap(sc.buckets)) < span {
		sc.buckets = make([][]heapItem, span)
	}
	buckets := sc.buckets[:span]
	for i := range buckets {
		buckets[i] = buckets[i][:0]
	}
	sc.distF[s], sc.seenF[s], sc.via[s] = 0, gen, 0
	buckets[0] = append(buckets[0], heapItem{0, s})
	pending := 1
	for c := int64(0); pending > 0; c++ {
		bi := c % span
		// No entry is added to this bucket while it is drained: every
		// arc leads at least one unit further and less than span.
		for _, it := range buckets[bi] {
			u := it.role
			if sc.doneF[u] == gen || it.key != sc.distF[u] {
				continue
			}
			sc.doneF[u] = gen
			sc.orderF = append(sc.orderF, u)
			for _, a := range arcs[off[u]:off[u+1]] {
				wt := w.of(a)
				if wt == 0 {
					continue
				}
				nk := it.key + wt
				if nk > limit {
					continue
				}
				if x := a.to; sc.seenF[x] != gen || nk < sc.distF[x] {
					sc.seenF[x], sc.distF[x] = gen, nk
					sc.via[x] = sc.via[u] | 1<<a.kind
					b := keyCost(nk) / unit % span
					buckets[b] = append(buckets[b], heapItem{nk, x})
					pending++
				}
			}
		}
		pending -= len(buckets[bi])
		buckets[bi] = buckets[bi][:0]
	}
	sc.buckets = buckets
}

// dijkstra settles what dial does, with a heap: for costs too spread for
// buckets. O((V+E) log V). Its arc loop repeats dial's on purpose: a
// shared relax function is not inlined and made reach 60% slower;
// TestWeightedPaths checks that both record the same costs and kinds.
func (g *Graph) dijkstra(sc *scratch, s int32, off []int32, arcs []arc, w weights, limit int64) {
	gen := sc.gen
	sc.distF[s], sc.seenF[s], sc.via[s] = 0, gen, 0
	sc.heapF.push(0, s)
	for len(sc.heapF) > 0 {
		it := sc.heapF.pop()
		u := it.role
		if sc.doneF[u] == gen || it.key != sc.distF[u] {
			continue
		}
		sc.doneF[u] = gen
		sc.orderF = append(sc.orderF, u)
		for _, a := range arcs[off[u]:off[u+1]] {
			wt := w.of(a)
			if wt == 0 {
				continue
			}
			nk := it.key + wt
			if nk > limit {
				continue
			}
			if x := a.to; sc.seenF[x] != gen || nk < sc.distF[x] {
				sc.seenF[x], sc.distF[x] = gen, nk
				sc.via[x] = sc.via[u] | 1<<a.kind
				sc.heapF.push(nk, x)
			}
		}
	}
}
