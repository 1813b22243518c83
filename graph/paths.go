package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// candidate is a loop-free route in Yen's search: its roles and the arcs
// between them (positions in g.fwd), with its key.
type candidate struct {
	roles []int32
	arcs  []int32
	key   int64
}

func compareCandidates(a, b *candidate) int {
	return cmp.Or(cmp.Compare(a.key, b.key), slices.Compare(a.roles, b.roles))
}

// seqKey is a map key for a sequence of roles.
func seqKey(roles []int32) string {
	var b strings.Builder
	b.Grow(4 * len(roles))
	for _, r := range roles {
		b.WriteByte(byte(r))
		b.WriteByte(byte(r >> 8))
		b.WriteByte(byte(r >> 16))
		b.WriteByte(byte(r >> 24))
	}
	return b.String()
}

// MaxPaths is the most routes Paths finds in one call. Yen's algorithm
// runs about k·L searches for k routes of L roles: a cap keeps one
// question from taking minutes on a large graph.
const MaxPaths = 100

// Paths returns up to k cheapest loop-free routes from the role with ID
// from to the role with ID to, under the same costs and options as Path.
// Routes are distinct as sequences of roles: between two roles only the
// cheapest move counts. They come in order of cost, then number of steps,
// then sequence of role IDs; when fewer than k routes exist it returns
// them all. When from == to, the one route is empty.
//
// Errors: k below 1 or above MaxPaths (wraps ErrBadOption), an unknown
// ID (wraps ErrNotFound), avoiding either end,
// and no route at all (wraps ErrNoPath). Paths is Yen's algorithm: up to
// k·L searches like Path's, L the number of roles on a route, though each
// route found searches only from where it leaves the routes before it,
// and a search stops once it cannot beat the candidates in hand; because
// each search breaks ties by the same order the result is ordered, the
// k routes are exactly the first k of all loop-free routes in that order.
func (g *Graph) Paths(from, to string, k int, opt PathOptions) ([]Route, error) {
	if k < 1 || k > MaxPaths {
		return nil, fmt.Errorf("number of routes %d: %w: from 1 to %d", k, ErrBadOption, MaxPaths)
	}
	q, err := g.pathQuery(from, to, opt)
	if err != nil {
		return nil, err
	}
	if q.from == q.to {
		return []Route{{}}, nil
	}
	sc := g.getScratch()
	defer putScratch(sc)
	found, err := g.yen(sc, q, k)
	if err != nil {
		return nil, err
	}
	return g.routes(found, q.w), nil
}

// routes turns the candidates Yen's search found into Routes under w.
func (g *Graph) routes(found []*candidate, w weights) []Route {
	out := make([]Route, len(found))
	for i, c := range found {
		hops := make([]hop, len(c.arcs))
		for j, a := range c.arcs {
			hops[j] = hop{from: c.roles[j], arc: a}
		}
		out[i] = g.route(hops, c.key, w)
	}
	return out
}

// yen returns the k first loop-free routes of q, q.from != q.to, searching
// with sc.
//
// It is Yen's algorithm with two savings that leave the answer as it is.
// Lawler's: a route found spurs only from the last role it shares with a
// route found before it, onwards. At a shorter root an earlier route
// already took its next role, so the moves blocked there are unchanged
// and the best spur from that root is pending already. And pruning: once
// need = k-len(found) candidates are pending, no route after the need-th
// of them in order can be among the answers, so pending keeps need at
// most and a spur search gives up once its route would cost more than
// the need-th.
//
// The bookkeeping of a round is linear in the length L of the route it
// spurs from, not quadratic: the roles of the root are stamped as avoided
// one at a time as the spur moves along the route (they stay stamped over
// the round's searches, apart from each search's own generation), and
// which routes found share a root is read from their common prefix with
// the route, computed once per round. On a long chain each spur search
// ends at once, so Paths(k) costs O(k·L) there rather than O(k·L²).
func (g *Graph) yen(sc *scratch, q pathQuery, k int) ([]*candidate, error) {
	search := func(s int32, block []int32, limit int64, hops []hop) ([]hop, int64, bool) {
		sc.next()
		return g.cheapest(sc, s, q.to, &spec{w: q.w, from: s, block: block, limit: limit}, hops)
	}
	for _, a := range q.avoid {
		sc.avoidRole(a)
	}
	hops, key, ok := search(q.from, nil, 0, nil)
	if !ok {
		return nil, g.noPath(q)
	}
	first := &candidate{key: key}
	for _, h := range hops {
		first.roles = append(first.roles, h.from)
		first.arcs = append(first.arcs, h.arc)
	}
	first.roles = append(first.roles, q.to)

	found := []*candidate{first}
	seen := map[string]bool{seqKey(first.roles): true}
	var pending []*candidate // in order, at most k-len(found)
	var block []int32
	var shared []int // shared[j]: the roles found[j] starts with alike last
	for len(found) < k {
		last := found[len(found)-1]
		need := k - len(found)
		shared = shared[:0]
		start := 0
		for j, c := range found {
			n := commonPrefix(c.roles, last.roles)
			shared = append(shared, n)
			if j < len(found)-1 {
				start = max(start, n-1)
			}
		}
		var rootKey int64
		for _, a := range last.arcs[:start] {
			rootKey += q.w.of(g.fwd[a])
		}
		// The roles before the spur role may not be entered again.
		sc.newAvoid()
		for _, a := range q.avoid {
			sc.avoidRole(a)
		}
		for _, r := range last.roles[:start] {
			sc.avoidRole(r)
		}
		for i := start; i+1 < len(last.roles); i++ {
			var limit int64
			if len(pending) == need {
				// A spur costs at least one step, and rootKey only grows.
				if limit = pending[need-1].key - rootKey; limit <= 0 {
					break
				}
			}
			root := last.roles[:i+1]
			// Block the next move of every route found that shares this
			// root, so the spur search finds a route not yet seen.
			block = block[:0]
			for j, c := range found {
				if shared[j] >= i+1 && len(c.roles) > i+1 {
					block = append(block, c.roles[i+1])
				}
			}
			hops, key, ok = search(root[i], block, limit, hops[:0])
			if ok {
				c := &candidate{key: rootKey + key}
				c.roles = make([]int32, i+1, i+1+len(hops))
				copy(c.roles, root)
				c.arcs = make([]int32, i, i+len(hops))
				copy(c.arcs, last.arcs[:i])
				for _, h := range hops {
					c.roles = append(c.roles, g.fwd[h.arc].to)
					c.arcs = append(c.arcs, h.arc)
				}
				if sk := seqKey(c.roles); !seen[sk] {
					seen[sk] = true
					at, _ := slices.BinarySearchFunc(pending, c, compareCandidates)
					pending = slices.Insert(pending, at, c)
					if len(pending) > need {
						pending = pending[:need]
					}
				}
			}
			rootKey += q.w.of(g.fwd[last.arcs[i]])
			sc.avoidRole(root[i])
		}
		if len(pending) == 0 {
			break
		}
		found = append(found, pending[0])
		pending = pending[1:]
	}
	return found, nil
}

// commonPrefix returns the number of roles a and b start with alike.
func commonPrefix(a, b []int32) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}
