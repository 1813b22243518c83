package graph

import (
	"fmt"
	"slices"
)

// Selection is a part of the graph chosen to be drawn or exported: the
// roles and moves a question is about, with what to emphasise.
type Selection struct {
	Kind   string   // "ladder", "path", "around" or "all"
	Title  string   // the question it answers, in words
	Focus  []string // role IDs emphasised (the ladder's role, a path's ends), sorted
	Roles  []string // role IDs, sorted
	Moves  []Move   // sorted as Graph.Moves
	Routes []Route  // for "path": the routes, cheapest first
}

// The kinds of Selection.
const (
	SelectionLadder = "ladder"
	SelectionPath   = "path"
	SelectionAround = "around"
	SelectionAll    = "all"
)

// SelectLadder returns the career ladder of the role with ID id as a
// selection: the role, the roles below and above it, and the career moves
// among them, as Ladder gives them for depth. withRelated adds the role's related
// moves, written either way, and the roles at their other ends. The focus
// is the role. An unknown ID wraps ErrNotFound. It costs what Ladder does.
func (g *Graph) SelectLadder(id string, depth int, withRelated bool) (Selection, error) {
	l, err := g.Ladder(id, depth)
	if err != nil {
		return Selection{}, err
	}
	r := g.at(id)
	roles := []int32{r}
	for _, layers := range [][][]string{l.Below, l.Above} {
		for _, layer := range layers {
			for _, x := range layer {
				roles = append(roles, g.at(x))
			}
		}
	}
	var moves []int32
	for _, m := range l.Moves {
		moves = append(moves, g.moveIndex(m))
	}
	if withRelated {
		for _, a := range g.out(r) {
			if a.kind == Related {
				roles = append(roles, a.to)
				moves = append(moves, a.move)
			}
		}
	}
	return g.selection(SelectionLadder, fmt.Sprintf("Career ladder of %q", g.role(r).Name),
		[]int32{r}, roles, moves), nil
}

// SelectPath returns the k cheapest routes from the role with ID from to
// the role with ID to as a selection, as Paths finds them (k == 1: the
// cheapest route only): the roles on the routes, the moves they take (as
// the graph holds them, in their written direction) and the routes
// themselves. The focus is the two ends. The errors are Paths'. It costs
// what Paths does.
func (g *Graph) SelectPath(from, to string, k int, opt PathOptions) (Selection, error) {
	routes, err := g.Paths(from, to, k, opt)
	if err != nil {
		return Selection{}, err
	}
	f, t := g.at(from), g.at(to)
	roles := []int32{f, t}
	var moves []int32
	for _, r := range routes {
		for _, s := range r.Steps {
			roles = append(roles, g.at(s.To))
			m := Move{From: s.From, To: s.To, Kind: s.Kind}
			if s.Against {
				m.From, m.To = s.To, s.From
			}
			moves = append(moves, g.moveIndex(m))
		}
	}
	sel := g.selection(SelectionPath, fmt.Sprintf("From %q to %q", g.role(f).Name, g.role(t).Name),
		[]int32{f, t}, roles, moves)
	sel.Routes = routes
	return sel, nil
}

// SelectAround returns the roles within depth moves of the role with ID
// id, whatever the moves' kind and direction, and every move with both
// ends among them. The focus is the role. depth 0 selects the role alone.
// Errors: depth < 0, and an unknown ID (wraps ErrNotFound). It is a
// breadth-first search: O(V+E) at worst.
func (g *Graph) SelectAround(id string, depth int) (Selection, error) {
	if depth < 0 {
		return Selection{}, fmt.Errorf("depth %d: must be 0 or more", depth)
	}
	r, err := g.index(id)
	if err != nil {
		return Selection{}, err
	}
	sc := g.getScratch()
	defer putScratch(sc)
	sc.seenF[r] = sc.gen
	roles := []int32{r}
	cur := roles
	for d := 0; d < depth && len(cur) > 0; d++ {
		var next []int32
		for _, u := range cur {
			for _, arcs := range [][]arc{g.out(u), g.in(u)} {
				for _, a := range arcs {
					if sc.seenF[a.to] != sc.gen {
						sc.seenF[a.to] = sc.gen
						next = append(next, a.to)
					}
				}
			}
		}
		roles = append(roles, next...)
		cur = next
	}
	moves := g.movesAmong(roles, sc.seenF, sc.gen)
	unit := "moves"
	if depth == 1 {
		unit = "move"
	}
	return g.selection(SelectionAround, fmt.Sprintf("Within %d %s of %q", depth, unit, g.role(r).Name),
		[]int32{r}, roles, moves), nil
}

// movesAmong returns the moves written from a role of roles to a role
// stamped gen in in.
func (g *Graph) movesAmong(roles []int32, in []uint32, gen uint32) []int32 {
	var moves []int32
	for _, u := range roles {
		for _, a := range g.out(u) {
			if !a.against && in[a.to] == gen {
				moves = append(moves, a.move)
			}
		}
	}
	return moves
}

// SelectAll returns the whole graph as a selection, with no focus. It
// costs O(V+E).
func (g *Graph) SelectAll() Selection {
	roles := make([]string, g.numRoles())
	for i, r := range g.allRoles() {
		roles[i] = r.ID
	}
	return Selection{
		Kind: SelectionAll, Title: "All roles", Focus: []string{},
		Roles: roles, Moves: slices.Clone(g.allMoves()),
	}
}

// selection sorts and dedupes the indices and fills a Selection.
func (g *Graph) selection(kind, title string, focus, roles, moves []int32) Selection {
	for _, s := range []*[]int32{&focus, &roles, &moves} {
		slices.Sort(*s)
		*s = slices.Compact(*s)
	}
	return Selection{
		Kind: kind, Title: title, Focus: g.ids(focus), Roles: g.ids(roles), Moves: g.movesAt(moves),
	}
}
