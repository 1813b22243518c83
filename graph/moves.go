package graph

import (
	"slices"

	"careergraph/internal/parallel"
)

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
		out[i] = g.move(m)
	}
	return out
}

// moveIndex returns the index of m among the graph's moves, which m must
// be one of: its arc out of its From. It costs O(degree).
func (g *Graph) moveIndex(m Move) int32 {
	f, t := g.at(m.From), g.at(m.To)
	for _, a := range g.out(f) {
		if a.to == t && a.kind == m.Kind && !a.against {
			return a.move
		}
	}
	return 0
}

// MoveReader gives the moves of a graph restored with RestoreIndexed as
// they are asked for, so that a program that shows a few moves never
// decodes the rest. Moves are numbered in the order Moves returns them.
// A reader must be safe for concurrent use.
type MoveReader interface {
	// Len returns how many moves there are.
	Len() int
	// Move returns move i, From and To left empty, and the index of
	// the role at each end.
	Move(i int) (Move, Ends)
	// All returns every move, as Move does, in order.
	All() ([]Move, []Ends)
}

// packedMove is a move as Build keeps it: its ends by role index, its
// sources a run of packedMoves.srcs and its attributes by index, with no
// pointer in it for the collector to follow. A Move is made from it only
// when one is asked for: a program that loads a corpus and answers a
// question needs the compact index, not the moves.
type packedMove struct {
	from, to int32
	src, n   int32 // its sources are srcs[src : src+n]
	milli    int32
	attr     int32 // its attributes are attrs[attr-1] when attr > 0
	kind     Kind
}

// packedMoves is the MoveReader of a built graph.
type packedMoves struct {
	moves []packedMove
	srcs  []Source
	attrs []*MoveAttrs
}

// Len returns how many moves there are.
func (p *packedMoves) Len() int { return len(p.moves) }

// Move returns move i, as MoveReader says.
func (p *packedMoves) Move(i int) (Move, Ends) {
	m := p.moves[i]
	mv := Move{Kind: m.kind, Milli: m.milli, Sources: p.srcs[m.src : m.src+m.n : m.src+m.n]}
	if m.attr > 0 {
		mv.Attrs = p.attrs[m.attr-1]
	}
	return mv, Ends{From: m.from, To: m.to}
}

// All returns every move, made on all cores.
func (p *packedMoves) All() ([]Move, []Ends) {
	moves, ends := make([]Move, len(p.moves)), make([]Ends, len(p.moves))
	parallel.Chunks(len(moves), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			moves[i], ends[i] = p.Move(i)
		}
	})
	return moves, ends
}

// NumMoves returns how many moves the graph has: len(g.Moves()), without
// making them.
func (g *Graph) NumMoves() int { return g.numMoves() }

// MoveAt returns move i of Moves and the indices in Roles of its ends,
// making only that move: a program that goes through the moves once (to
// write them, say) need not hold them all.
func (g *Graph) MoveAt(i int) (Move, Ends) {
	if g.lazy != nil {
		m, e := g.lazy.Move(i)
		g.setEnds(&m, e)
		return m, e
	}
	m := g.moves[i]
	return m, Ends{From: g.at(m.From), To: g.at(m.To)}
}

// numMoves returns how many moves the graph has.
func (g *Graph) numMoves() int {
	if g.lazy != nil {
		return g.lazy.Len()
	}
	return len(g.moves)
}

// move returns the move at index i.
func (g *Graph) move(i int32) Move {
	if g.lazy != nil && !g.movesReady.Load() {
		m, e := g.lazy.Move(int(i))
		g.setEnds(&m, e)
		return m
	}
	return g.moves[i]
}

// allMoves returns every move, read from the graph's MoveReader on first
// need when it has one.
func (g *Graph) allMoves() []Move {
	if g.lazy != nil && !g.movesReady.Load() {
		g.movesOnce.Do(func() {
			moves, ends := g.lazy.All()
			n := g.lazy.Len()
			if len(moves) != n || len(ends) != n { // a damaged snapshot: each move alone, empty where it does not decode
				moves, ends = make([]Move, n), make([]Ends, n)
				for i := range moves {
					moves[i], ends[i] = g.lazy.Move(i)
				}
			}
			for i := range moves {
				g.setEnds(&moves[i], ends[i])
			}
			g.moves = moves
			g.movesReady.Store(true)
		})
	}
	return g.moves
}

// setEnds sets the IDs of m's ends, at the roles e gives; where e names
// no role (a reader that failed), they stay empty.
func (g *Graph) setEnds(m *Move, e Ends) {
	n := int32(g.numRoles())
	if e.From >= 0 && e.From < n && e.To >= 0 && e.To < n {
		m.From, m.To = g.role(e.From).ID, g.role(e.To).ID
	}
}
