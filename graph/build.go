package graph

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"careergraph/internal/parallel"
)

// Builder collects roles and moves and builds a Graph. The zero value is
// ready to use. A role's handle is the order it was added in, from 0;
// moves and rungs may name roles that are added later, before Build.
type Builder struct {
	roles []Role
	moves []addedMove // in the order added
	srcs  []Source    // the sources of every added move, in order
	attrs []*MoveAttrs
	rungs [][]int
}

// addedMove is one AddMove call; its sources are srcs[src : src+n], its
// attributes attrs[attr-1] when attr > 0.
type addedMove struct {
	from, to int32
	src, n   int32
	milli    int32
	attr     int32
	kind     Kind
}

// Grow makes room for the given number of further roles, and of further
// moves with one source each, sparing the copies of growing one by one.
// It is only a hint.
func (b *Builder) Grow(roles, moves int) {
	b.roles = slices.Grow(b.roles, roles)
	b.moves = slices.Grow(b.moves, moves)
	b.srcs = slices.Grow(b.srcs, moves)
}

// AddRole adds a role and returns its handle for AddMove. A role with an
// empty ID gets a unique slug of its Name when the graph is built.
func (b *Builder) AddRole(r Role) int {
	b.roles = append(b.roles, r)
	return len(b.roles) - 1
}

// AddMove adds a move between two roles by handle, at its kind's default
// cost. Adding the same move again only adds its sources.
func (b *Builder) AddMove(from, to int, kind Kind, sources ...Source) {
	b.moves = append(b.moves, addedMove{from: handle32(from), to: handle32(to), kind: kind, src: int32(len(b.srcs)), n: int32(len(sources))})
	b.srcs = append(b.srcs, sources...)
}

// AddMoveOf adds a move between two roles by handle with the kind,
// sources, own cost (Milli) and attributes of m; m's From and To are not
// used. When one move is added more than once, the graph keeps the
// sources of all, and the cost and attributes of the cheapest, a
// default-cost one on ties (a related move's default counting as
// DefaultLateralCost), then the first added; a move whose chosen cost has
// no attributes takes the first attributes added. Build fails on a cost
// above MaxMoveCost or below 0.
func (b *Builder) AddMoveOf(from, to int, m Move) {
	am := addedMove{from: handle32(from), to: handle32(to), kind: m.Kind, milli: m.Milli,
		src: int32(len(b.srcs)), n: int32(len(m.Sources))}
	if m.Attrs != nil {
		b.attrs = append(b.attrs, m.Attrs)
		am.attr = int32(len(b.attrs))
	}
	b.moves = append(b.moves, am)
	b.srcs = append(b.srcs, m.Sources...)
}

// handle32 narrows a role handle; one out of range becomes -1, which
// Build rejects as never added.
func handle32(h int) int32 {
	if h < 0 || h > math.MaxInt32 {
		return -1
	}
	return int32(h)
}

// AddRung records roles that share one rung of a career path.
func (b *Builder) AddRung(roles ...int) {
	if len(roles) > 1 {
		b.rungs = append(b.rungs, slices.Clone(roles))
	}
}

// Build returns the graph. It fails when two roles claim one ID, a move
// names a role handle that was never added, or a move leads from a role to
// itself. Build sorts everything, so the result does not depend on the
// order of the calls. Cost: O((V+E) log(V+E)) for V roles and E moves
// added, comparing strings only to order the roles.
func (b *Builder) Build() (*Graph, error) {
	n := len(b.roles)
	// The roles with IDs of their own, then the others in the order
	// their IDs were given in, which is mostly the order of those IDs
	// already: the sort then finds them in about one pass.
	order := make([]int, 0, n)
	for i, r := range b.roles {
		if r.ID != "" {
			order = append(order, i)
		}
	}
	given, normal := assignIDs(b.roles)
	order = append(order, given...)
	slices.SortFunc(order, func(x, y int) int { return strings.Compare(b.roles[x].ID, b.roles[y].ID) })
	pos := make([]int32, n)
	// The map of roles by ID is made on first need, as for a restored
	// graph (see roleIndex): a command looks up a few IDs.
	g := &Graph{roles: make([]Role, n)}
	known := make([]string, n) // normal forms of display names, by new index
	for newI, oldI := range order {
		r := b.roles[oldI]
		if newI > 0 && g.roles[newI-1].ID == r.ID {
			return nil, fmt.Errorf("two roles have the id %q", r.ID)
		}
		pos[oldI] = int32(newI)
		g.roles[newI] = r
		known[newI] = normal[oldI]
	}
	defer g.goIndexNames(known)()

	// Order the added moves by the new indexes of their ends, which is the
	// order of their IDs, and merge the moves added more than once. A
	// counting sort puts them in order of from; each role's few moves are
	// then sorted by to and kind.
	type movePlace struct {
		ends uint64 // from's index in the high half, to's in the low
		kind Kind
		i    int32
	}
	start := make([]int32, n+1) // role i's moves are byEnds[start[i]:start[i+1]]
	for _, m := range b.moves {
		if m.from < 0 || int(m.from) >= n || m.to < 0 || int(m.to) >= n {
			return nil, fmt.Errorf("move %d→%d names a role that was never added", m.from, m.to)
		}
		if m.from == m.to {
			return nil, fmt.Errorf("move from %q to itself", b.roles[m.from].Name)
		}
		if m.milli < 0 || m.milli > MaxMoveCost*1000 {
			return nil, fmt.Errorf("move from %q to %q: cost %v: %w: from 0.001 to %d", b.roles[m.from].Name, b.roles[m.to].Name,
				float64(m.milli)/1000, ErrBadOption, MaxMoveCost)
		}
		start[pos[m.from]+1]++
	}
	for i := range n {
		start[i+1] += start[i]
	}
	byEnds := make([]movePlace, len(b.moves))
	fill := slices.Clone(start[:n])
	for i, m := range b.moves {
		f := pos[m.from]
		byEnds[fill[f]] = movePlace{uint64(f)<<32 | uint64(pos[m.to]), m.kind, int32(i)}
		fill[f]++
	}
	// Each range of roles sorts its roles' moves and merges the moves
	// added more than once into its own run of the graph's moves, on all
	// cores: the runs are counted first, so that each is written in place
	// and the moves are in the same order however the cores finish.
	ranges := parallel.Count(n)
	runAt := make([]int, ranges+1) // range c's merged moves start at runAt[c]
	srcAt := make([]int, ranges+1) // and their sources at srcAt[c]
	parallel.Numbered(n, func(c, lo, hi int) {
		for i := lo; i < hi; i++ {
			slices.SortFunc(byEnds[start[i]:start[i+1]], func(x, y movePlace) int {
				if x.ends != y.ends {
					return cmp.Compare(x.ends, y.ends)
				}
				// Then in the order added, so that "the first added" holds.
				return cmp.Or(cmp.Compare(x.kind, y.kind), cmp.Compare(x.i, y.i))
			})
		}
		run := byEnds[start[lo]:start[hi]]
		for i, k := range run {
			if i == 0 || k.ends != run[i-1].ends || k.kind != run[i-1].kind {
				runAt[c+1]++
			}
			srcAt[c+1] += int(b.moves[k.i].n)
		}
	})
	for c := range ranges {
		runAt[c+1] += runAt[c]
		srcAt[c+1] += srcAt[c]
	}
	pm := &packedMoves{moves: make([]packedMove, runAt[ranges]), srcs: make([]Source, srcAt[ranges]), attrs: slices.Clip(b.attrs)}
	parallel.Numbered(n, func(c, lo, hi int) {
		run, out, next := byEnds[start[lo]:start[hi]], runAt[c], srcAt[c]
		srcs := pm.srcs
		for i := 0; i < len(run); out++ {
			k := run[i]
			first := next
			best := b.moves[k.i]
			attr := best.attr
			for ; i < len(run) && run[i].ends == k.ends && run[i].kind == k.kind; i++ {
				m := b.moves[run[i].i]
				next += copy(srcs[next:], b.srcs[m.src:m.src+m.n])
				if cheaper(m, best) {
					best = m
				}
				if attr == 0 {
					attr = m.attr
				}
			}
			if best.attr != 0 {
				attr = best.attr
			}
			if src := srcs[first:next]; len(src) > 1 {
				slices.SortFunc(src, CompareSources)
				next = first + len(slices.Compact(src))
			}
			pm.moves[out] = packedMove{
				from: int32(k.ends >> 32), to: int32(k.ends), kind: k.kind, milli: best.milli, attr: attr,
				src: int32(first), n: int32(next - first),
			}
		}
	})
	g.lazy = pm
	for _, rung := range b.rungs {
		idx := make([]int32, 0, len(rung))
		for _, h := range rung {
			if h < 0 || h >= n {
				return nil, fmt.Errorf("rung names role handle %d that was never added", h)
			}
			idx = append(idx, pos[h])
		}
		slices.Sort(idx)
		idx = slices.Compact(idx)
		if len(idx) > 1 {
			g.rungs = append(g.rungs, idx)
		}
	}
	slices.SortFunc(g.rungs, slices.Compare)
	g.rungs = slices.CompactFunc(g.rungs, slices.Equal)
	g.indexMoves(pm.moves)
	return g, nil
}

// cheaper reports whether added move a wins over b as the cost of their
// merged move: a lower cost, or the same cost by default.
func cheaper(a, b addedMove) bool {
	ca := Move{Kind: a.kind, Milli: a.milli}.milli(DefaultLateralCost)
	cb := Move{Kind: b.kind, Milli: b.milli}.milli(DefaultLateralCost)
	return ca < cb || ca == cb && a.milli == 0 && b.milli != 0
}

// assignIDs gives every role without an ID a slug of its name, unique
// among all IDs, and returns the indices of those roles in the order they
// were given, and by index the normal forms of their names that the
// slugs were made from ("" for a role with an ID of its own). Roles are
// taken in order of slug and then name, so the suffixes do not depend on
// the order roles were added.
func assignIDs(roles []Role) (given []int, normal []string) {
	taken := make(map[string]bool, len(roles))
	var pending []int
	slugs := make([]string, len(roles))
	normal = make([]string, len(roles))
	for i, r := range roles {
		if r.ID != "" {
			taken[r.ID] = true
		} else {
			pending = append(pending, i)
		}
	}
	// Slug normalises each name: most of the cost, so on all cores.
	parallel.Chunks(len(pending), func(lo, hi int) {
		for _, i := range pending[lo:hi] {
			normal[i] = NormalName(roles[i].Name)
			slugs[i] = slugOf(normal[i])
		}
	})
	slices.SortFunc(pending, func(x, y int) int {
		if c := strings.Compare(slugs[x], slugs[y]); c != 0 {
			return c
		}
		if c := strings.Compare(roles[x].Name, roles[y].Name); c != 0 {
			return c
		}
		return slices.Compare(roles[x].Docs, roles[y].Docs)
	})
	for _, i := range pending {
		id := slugs[i]
		for k := 2; taken[id]; k++ {
			id = slugs[i] + "-" + strconv.Itoa(k)
		}
		taken[id] = true
		roles[i].ID = id
	}
	return pending, normal
}
