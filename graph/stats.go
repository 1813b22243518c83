package graph

import (
	"cmp"
	"slices"

	dgraph "github.com/dominikbraun/graph"
)

// maxHubs is how many hubs Stats lists.
const maxHubs = 10

// Stats returns counts of the graph: distinct document files over every
// role's Docs, roles, documented roles, moves of each kind (every kind is
// a key, even with 0), weakly connected components over moves of every
// kind (a role without moves is a component of its own), and the hubs:
// at most 10 roles with at least one move, by degree (moves in plus moves
// out; a move counts once at each end), ties by display name then ID.
// Stats costs O(V+E) plus the sort of the roles by degree.
func (g *Graph) Stats() Stats {
	st := Stats{Roles: len(g.roles), Moves: make(map[Kind]int, len(Kinds))}
	for _, k := range Kinds {
		st.Moves[k] = 0
	}
	files := make(map[string]bool)
	for _, r := range g.roles {
		if r.Documented {
			st.Documented++
		}
		for _, f := range r.Docs {
			files[f] = true
		}
	}
	st.Documents = len(files)

	parent := make([]int32, len(g.roles))
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	st.Components = len(g.roles)
	degree := make([]int, len(g.roles))
	for _, m := range g.moves {
		st.Moves[m.Kind]++
		f, t := g.byID[m.From], g.byID[m.To]
		degree[f]++
		degree[t]++
		if a, b := find(f), find(t); a != b {
			parent[a] = b
			st.Components--
		}
	}

	var hubs []int32
	for i, d := range degree {
		if d > 0 {
			hubs = append(hubs, int32(i))
		}
	}
	slices.SortFunc(hubs, func(a, b int32) int {
		return cmp.Or(cmp.Compare(degree[b], degree[a]), cmp.Compare(g.roles[a].Name, g.roles[b].Name), cmp.Compare(a, b))
	})
	st.Hubs = make([]Hub, 0, maxHubs)
	for _, h := range hubs[:min(maxHubs, len(hubs))] {
		st.Hubs = append(st.Hubs, Hub{Role: g.roles[h].ID, Degree: degree[h]})
	}
	return st
}

// CareerCycles returns the groups of roles that career moves alone lead
// round in a circle: the strongly connected components of the career
// moves with more than one role, each sorted by ID, in sorted order. A
// graph with no career cycle gives an empty list. It builds the dominikbraun/graph
// model on first use and runs Tarjan's algorithm on it: O(V+E), with
// large constants; meant for checks, not queries.
func (g *Graph) CareerCycles() [][]string {
	comps, err := dgraph.StronglyConnectedComponents(g.model())
	if err != nil {
		// The model is always directed, the only error the library
		// returns; report no cycles rather than a false one.
		return [][]string{}
	}
	out := [][]string{}
	for _, c := range comps {
		if len(c) < 2 {
			continue
		}
		for i, v := range c {
			c[i] = modelRole(v)
		}
		slices.Sort(c)
		out = append(out, g.ids(c))
	}
	slices.SortFunc(out, slices.Compare)
	return out
}

// MovesOf returns the moves written from the role with ID id (out) and
// the moves written to it (in), of every kind, each sorted as Moves. An
// unknown ID wraps ErrNotFound. It costs O(degree).
func (g *Graph) MovesOf(id string) (out, in []Move, err error) {
	r, err := g.index(id)
	if err != nil {
		return nil, nil, err
	}
	return g.writtenMoves(g.out(r)), g.writtenMoves(g.in(r)), nil
}

// writtenMoves returns the moves of the arcs taken in their written
// direction, sorted.
func (g *Graph) writtenMoves(arcs []arc) []Move {
	idx := []int32{}
	for _, a := range arcs {
		if !a.against {
			idx = append(idx, a.move)
		}
	}
	slices.Sort(idx)
	return g.movesAt(idx)
}
