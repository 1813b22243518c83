package graph

import (
	"cmp"
	"slices"
)

// Stats summarises a graph.
type Stats struct {
	Documents  int // distinct document files
	Roles      int
	Documented int
	Moves      map[Kind]int
	Components int   // weakly connected, over moves of every kind
	Hubs       []Hub // most connected roles first, at most 10
}

// Hub is a role with its number of moves in and out.
type Hub struct {
	Role   string // role ID
	Degree int
}

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
	st := Stats{Roles: g.numRoles(), Moves: make(map[Kind]int, len(Kinds))}
	for _, k := range Kinds {
		st.Moves[k] = 0
	}
	files := make(map[string]bool)
	for _, r := range g.allRoles() {
		if r.Documented {
			st.Documented++
		}
		for _, f := range r.Docs {
			files[f] = true
		}
	}
	st.Documents = len(files)

	parent := make([]int32, g.numRoles())
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
	st.Components = g.numRoles()
	degree := make([]int, g.numRoles())
	// Every move is one arc out of the role it leads from, not against
	// it: counted from the compact index, no move is read.
	for f := range int32(g.numRoles()) {
		for _, a := range g.out(f) {
			if a.against {
				continue
			}
			st.Moves[a.kind]++
			degree[f]++
			degree[a.to]++
			if x, y := find(f), find(a.to); x != y {
				parent[x] = y
				st.Components--
			}
		}
	}

	// The most connected, by degree, then display name, then index. The
	// degrees alone are sorted first, as numbers, for the least a listed
	// role has; only the roles with at least that many are then sorted in
	// full, and names compared only where degrees tie: comparing every
	// pair's names was most of a large graph's Stats.
	var degrees []int
	for _, d := range degree {
		if d > 0 {
			degrees = append(degrees, d)
		}
	}
	cut := 1
	if len(degrees) > maxHubs {
		slices.SortFunc(degrees, func(a, b int) int { return cmp.Compare(b, a) })
		cut = degrees[maxHubs-1]
	}
	var hubs []int32
	for i, d := range degree {
		if d >= cut {
			hubs = append(hubs, int32(i))
		}
	}
	slices.SortFunc(hubs, func(a, b int32) int {
		if degree[a] != degree[b] {
			return cmp.Compare(degree[b], degree[a])
		}
		return cmp.Or(cmp.Compare(g.role(a).Name, g.role(b).Name), cmp.Compare(a, b))
	})
	st.Hubs = make([]Hub, 0, maxHubs)
	for _, h := range hubs[:min(maxHubs, len(hubs))] {
		st.Hubs = append(st.Hubs, Hub{Role: g.role(h).ID, Degree: degree[h]})
	}
	return st
}
