package graph

import "slices"

// Ladder is the career ladder through one role: every role from which a
// chain of career moves leads to it (Below) and every role such a chain
// leads to from it (Above), in layers of distance, nearest first.
type Ladder struct {
	Role  string
	Below [][]string // Below[0]: roles one career move below; each layer sorted
	Above [][]string
	Moves []Move // the career moves among those roles, sorted
}

// Ladder returns the career ladder through the role with ID id: the roles
// below it, in layers of shortest distance over career moves backward, the
// roles above it likewise forward, and the career moves with both ends
// among the role and those below, or both among the role and those above.
// Related moves play no part. A role on a career cycle through id is both
// below and above it. depth > 0 keeps only that many layers each way; 0
// keeps them all. An unknown ID wraps ErrNotFound. Ladder is two
// breadth-first searches: O(V+E).
func (g *Graph) Ladder(id string, depth int) (Ladder, error) {
	r, err := g.index(id)
	if err != nil {
		return Ladder{}, err
	}
	sc := g.getScratch()
	defer putScratch(sc)
	l := Ladder{Role: id}
	below := g.layersFrom(sc, r, g.bwdOff, g.bwd, sc.seenB, depth)
	above := g.layersFrom(sc, r, g.fwdOff, g.fwd, sc.seenF, depth)
	l.Below, l.Above = g.layerIDs(below), g.layerIDs(above)

	moves := []int32{}
	collect := func(in []uint32, layers [][]int32) {
		add := func(v int32) {
			for _, a := range g.out(v) {
				if a.kind == Career && in[a.to] == sc.gen {
					moves = append(moves, a.move)
				}
			}
		}
		add(r)
		for _, layer := range layers {
			for _, v := range layer {
				add(v)
			}
		}
	}
	collect(sc.seenB, below)
	collect(sc.seenF, above)
	slices.Sort(moves)
	moves = slices.Compact(moves)
	l.Moves = g.movesAt(moves)
	return l, nil
}

// layersFrom is a breadth-first search from r over the career arcs of
// (off, arcs); it stamps every role found, r included, in seen and returns
// the roles in layers of distance, each sorted, at most depth layers when depth
// is above 0.
func (g *Graph) layersFrom(sc *scratch, r int32, off []int32, arcs []arc, seen []uint32, depth int) [][]int32 {
	seen[r] = sc.gen
	layers := [][]int32{}
	cur := []int32{r}
	for len(cur) > 0 && (depth <= 0 || len(layers) < depth) {
		var next []int32
		for _, u := range cur {
			for _, a := range arcs[off[u]:off[u+1]] {
				if a.kind == Career && seen[a.to] != sc.gen {
					seen[a.to] = sc.gen
					next = append(next, a.to)
				}
			}
		}
		if len(next) == 0 {
			break
		}
		slices.Sort(next)
		layers = append(layers, next)
		cur = next
	}
	return layers
}

func (g *Graph) layerIDs(layers [][]int32) [][]string {
	out := make([][]string, len(layers))
	for i, r := range layers {
		out[i] = g.ids(r)
	}
	return out
}
