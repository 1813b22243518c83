package graph

import (
	"slices"

	dgraph "github.com/dominikbraun/graph"
)

// This file is the one place the package uses dominikbraun/graph: for
// structural checks of the career moves, which run once per check and
// are not worth a hand-written algorithm. Queries never touch it (see the
// package doc for why).

// CareerCycles returns the groups of roles that career moves alone lead
// round in a circle: the strongly connected components of the career
// moves with more than one role, each sorted by ID, in sorted order. A
// graph with no career cycle gives an empty list.
//
// Each call builds a dominikbraun/graph model of the roles that have a
// career move, and of those moves, runs the library's Tarjan on it and
// drops the model: O(V+E) with large constants (the library rebuilds an
// adjacency map on every traversal). It is meant for checks, not queries.
func (g *Graph) CareerCycles() [][]string {
	comps, err := dgraph.StronglyConnectedComponents(g.careerModel())
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

// careerModel returns the career moves as a dominikbraun/graph directed
// graph: a vertex for each role with at least one career move, an edge
// for each career move.
//
// A vertex is a role's index plus one (see modelVertex): the library's
// StronglyConnectedComponents (v0.23.0) stops popping its stack at the
// zero value of the hash type, so a vertex hashed 0 would lose its
// component.
func (g *Graph) careerModel() dgraph.Graph[int32, int32] {
	m := dgraph.New(func(v int32) int32 { return v }, dgraph.Directed())
	for i := range g.numRoles() {
		for _, a := range g.out(int32(i)) {
			if a.kind == Career && !a.against {
				_ = m.AddVertex(modelVertex(int32(i))) // a repeat is ErrVertexAlreadyExists: harmless
				_ = m.AddVertex(modelVertex(a.to))
				_ = m.AddEdge(modelVertex(int32(i)), modelVertex(a.to), dgraph.EdgeData(a.move))
			}
		}
	}
	return m
}

// modelVertex returns the vertex of the model for role index i, and
// modelRole the role index of vertex v.
func modelVertex(i int32) int32 { return i + 1 }
func modelRole(v int32) int32   { return v - 1 }
