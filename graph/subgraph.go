package graph

// Subgraph returns a new graph of the roles of sel and the moves of sel
// between them, with their IDs, names, profiles, sources, costs and attributes kept, and the
// rungs of g restricted to those roles. IDs in sel that g does not hold,
// and moves with an end outside sel.Roles, are left out. It costs
// O((V+E) log(V+E)) in the size of the selection, like any Build.
func (g *Graph) Subgraph(sel Selection) *Graph {
	var b Builder
	handle := make(map[int32]int, len(sel.Roles))
	for _, id := range sel.Roles {
		i, ok := g.roleIndex(id)
		if !ok {
			continue
		}
		if _, dup := handle[i]; !dup {
			handle[i] = b.AddRole(*g.role(i))
		}
	}
	lookup := func(id string) (int, bool) {
		i, ok := g.roleIndex(id)
		if !ok {
			return 0, false
		}
		h, ok := handle[i]
		return h, ok
	}
	for _, m := range sel.Moves {
		f, okF := lookup(m.From)
		t, okT := lookup(m.To)
		if okF && okT && f != t {
			b.AddMoveOf(f, t, m)
		}
	}
	for _, rung := range g.rungs {
		var hs []int
		for _, r := range rung {
			if h, ok := handle[r]; ok {
				hs = append(hs, h)
			}
		}
		b.AddRung(hs...)
	}
	sub, err := b.Build()
	if err != nil {
		// Roles come from g, so their IDs are unique and its moves join
		// two different roles: Build cannot fail.
		panic("graph: Subgraph: " + err.Error())
	}
	return sub
}
