package graph

import "slices"

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

// movesAt returns the moves at the given indices.
func (g *Graph) movesAt(idx []int32) []Move {
	out := make([]Move, len(idx))
	for i, m := range idx {
		out[i] = g.moves[m]
	}
	return out
}

// moveIndex returns the position of m in g.moves, which m must be in.
func (g *Graph) moveIndex(m Move) int32 {
	i, _ := slices.BinarySearchFunc(g.moves, m, compareMoves)
	return int32(i)
}
