package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// pathQuery is a checked route query: the ends and the roles to avoid as
// indices, and the arc weights.
type pathQuery struct {
	from, to int32
	avoid    []int32
	w        weights
}

func (g *Graph) pathQuery(from, to string, opt PathOptions) (pathQuery, error) {
	f, err := g.index(from)
	if err != nil {
		return pathQuery{}, err
	}
	t, err := g.index(to)
	if err != nil {
		return pathQuery{}, err
	}
	w, err := newWeights(opt.CareerOnly, opt.LateralCost)
	if err != nil {
		return pathQuery{}, err
	}
	q := pathQuery{from: f, to: t, w: w}
	for _, id := range opt.Avoid {
		a, err := g.index(id)
		if err != nil {
			return pathQuery{}, fmt.Errorf("avoid: %w", err)
		}
		switch a {
		case f:
			return pathQuery{}, fmt.Errorf("cannot avoid %q: the route starts there", g.roles[a].Name)
		case t:
			return pathQuery{}, fmt.Errorf("cannot avoid %q: the route ends there", g.roles[a].Name)
		}
		q.avoid = append(q.avoid, a)
	}
	return q, nil
}

func (g *Graph) noPath(q pathQuery) error {
	return fmt.Errorf("no route from %q to %q: %w", g.roles[q.from].Name, g.roles[q.to].Name, ErrNoPath)
}

// Path returns the cheapest route from the role with ID from to the role
// with ID to. A career move costs 1 and a related move opt.LateralCost
// (DefaultLateralCost when 0); related moves may be taken in either
// direction unless opt.CareerOnly, and a step that takes one against its
// written direction has Against set. The route never enters a role in
// opt.Avoid. Each step's Sources are the move's, shared with the graph.
//
// Ties are broken the same way on every run: among routes of equal cost,
// the one with the fewest steps, then the one whose sequence of role IDs
// sorts first; between two roles, the cheapest move, career before
// related. So Path returns the first route of Paths(from, to, 1, opt).
//
// When from == to, the route is empty with cost 0. Errors: an unknown ID
// wraps ErrNotFound; avoiding either end is an error; when no route
// exists the error wraps ErrNoPath. Path runs a bidirectional Dijkstra
// search on the compact index: O((V+E) log V) at worst, typically a small
// part of the graph.
func (g *Graph) Path(from, to string, opt PathOptions) (Route, error) {
	q, err := g.pathQuery(from, to, opt)
	if err != nil {
		return Route{}, err
	}
	if q.from == q.to {
		return Route{}, nil
	}
	sc := g.getScratch()
	defer putScratch(sc)
	for _, a := range q.avoid {
		sc.avoid[a] = sc.gen
	}
	hops, k, ok := g.cheapest(sc, q.from, q.to, &spec{w: q.w, from: -1}, nil)
	if !ok {
		return Route{}, g.noPath(q)
	}
	return g.route(hops, k), nil
}

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

// Paths returns up to k cheapest loop-free routes from the role with ID
// from to the role with ID to, under the same costs and options as Path.
// Routes are distinct as sequences of roles: between two roles only the
// cheapest move counts. They come in order of cost, then number of steps,
// then sequence of role IDs; when fewer than k routes exist it returns
// them all. When from == to, the one route is empty.
//
// Errors: k < 1, an unknown ID (wraps ErrNotFound), avoiding either end,
// and no route at all (wraps ErrNoPath). Paths is Yen's algorithm: up to
// k·L searches like Path's, L the number of roles on a route; because
// each search breaks ties by the same order the result is ordered, the
// k routes are exactly the first k of all loop-free routes in that order.
func (g *Graph) Paths(from, to string, k int, opt PathOptions) ([]Route, error) {
	if k < 1 {
		return nil, fmt.Errorf("number of routes %d: must be at least 1", k)
	}
	q, err := g.pathQuery(from, to, opt)
	if err != nil {
		return nil, err
	}
	if q.from == q.to {
		return []Route{{}}, nil
	}
	found, err := g.yen(q, k)
	if err != nil {
		return nil, err
	}
	out := make([]Route, len(found))
	for i, c := range found {
		hops := make([]hop, len(c.arcs))
		for j, a := range c.arcs {
			hops[j] = hop{from: c.roles[j], arc: a}
		}
		out[i] = g.route(hops, c.key)
	}
	return out, nil
}

// yen returns the k first loop-free routes of q, q.from != q.to.
func (g *Graph) yen(q pathQuery, k int) ([]*candidate, error) {
	sc := g.getScratch()
	defer putScratch(sc)
	search := func(s int32, root []int32, block []int32) ([]hop, int64, bool) {
		sc.next()
		for _, a := range q.avoid {
			sc.avoid[a] = sc.gen
		}
		for _, r := range root {
			sc.avoid[r] = sc.gen
		}
		return g.cheapest(sc, s, q.to, &spec{w: q.w, from: s, block: block}, nil)
	}
	hops, key, ok := search(q.from, nil, nil)
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
	var pending []*candidate
	var block []int32
	for len(found) < k {
		last := found[len(found)-1]
		var rootKey int64
		for i := 0; i+1 < len(last.roles); i++ {
			root := last.roles[:i+1]
			// Block the next move of every route found that shares this
			// root, so the spur search finds a route not yet seen.
			block = block[:0]
			for _, c := range found {
				if len(c.roles) > i+1 && slices.Equal(c.roles[:i+1], root) {
					block = append(block, c.roles[i+1])
				}
			}
			spur, key, ok := search(root[i], root[:i], block)
			if ok {
				c := &candidate{key: rootKey + key}
				c.roles = append(slices.Clone(root[:i]), root[i])
				c.arcs = slices.Clone(last.arcs[:i])
				for _, h := range spur {
					c.roles = append(c.roles, g.fwd[h.arc].to)
					c.arcs = append(c.arcs, h.arc)
				}
				if sk := seqKey(c.roles); !seen[sk] {
					seen[sk] = true
					pending = append(pending, c)
				}
			}
			rootKey += q.w.of(g.fwd[last.arcs[i]])
		}
		if len(pending) == 0 {
			break
		}
		best := 0
		for i, c := range pending {
			if compareCandidates(c, pending[best]) < 0 {
				best = i
			}
		}
		found = append(found, pending[best])
		pending = slices.Delete(pending, best, best+1)
	}
	return found, nil
}
