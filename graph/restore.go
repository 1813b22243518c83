package graph

import (
	"cmp"
	"fmt"
	"slices"
	"sync/atomic"
)

// Ends are the ends of a move given to Restore: the indexes of its From
// and To in the roles.
type Ends struct{ From, To int32 }

// Restore returns the graph of roles, moves and rungs as a built Graph's
// Roles, Moves and Rungs give them — roles sorted by ID with their IDs
// set, moves sorted by From, To and Kind with their sources sorted — but
// with the ends of each move given by index in ends (Restore fills in its
// From and To) and each rung as the sorted indexes of its roles. It
// brings a saved graph back without the cost of Build: it checks the
// order, that every index names a role and that no move leads from a
// role to itself, then lays out the compact index. It takes ownership of
// the slices. Cost: O(V+E), with no look-up by name and nothing sorted.
func Restore(roles []Role, moves []Move, ends []Ends, rungs [][]int32) (*Graph, error) {
	for i, r := range roles {
		if r.ID == "" || i > 0 && roles[i-1].ID >= r.ID {
			return nil, fmt.Errorf("restore: role %d (%q) is out of order", i, r.ID)
		}
	}
	g, err := restore(roles, rungs)
	if err != nil {
		return nil, err
	}
	// The IDs side by side: a move's To is anywhere among the roles, and
	// taken from the roles themselves each was a cache miss.
	ids := make([]string, len(roles))
	for i, r := range roles {
		ids[i] = r.ID
	}
	if len(ends) != len(moves) {
		return nil, fmt.Errorf("restore: %d moves but %d ends", len(moves), len(ends))
	}
	n := int32(len(roles))
	ms := make([]packedMove, len(moves)) // what the index is laid out from
	for i := range moves {
		m, e := &moves[i], ends[i]
		switch {
		case e.From < 0 || e.From >= n || e.To < 0 || e.To >= n:
			return nil, fmt.Errorf("restore: move %d names an unknown role", i)
		case e.From == e.To || m.Kind > Related:
			return nil, fmt.Errorf("restore: move %d is not a move", i)
		case i > 0 && cmp.Or(cmp.Compare(ms[i-1].from, e.From), cmp.Compare(ms[i-1].to, e.To), cmp.Compare(moves[i-1].Kind, m.Kind)) >= 0:
			return nil, fmt.Errorf("restore: move %d is out of order", i)
		}
		m.From, m.To = ids[e.From], ids[e.To]
		ms[i] = packedMove{from: e.From, to: e.To, kind: m.Kind, milli: m.Milli}
	}
	g.moves = moves
	defer g.goIndexNames(nil)()
	g.indexMoves(ms)
	return g, nil
}

// RestoreIndexed is Restore for a graph whose compact index and names'
// normal forms WriteIndex wrote: it uses them where they lie in index
// instead of laying them out again, and reads roles and moves from their
// readers only as they are asked for. The graph keeps index (its strings
// share it): the caller must never modify it. It checks the rungs as
// Restore does, and that every offset and arc of the index is in range,
// but not that the index is the one the moves would give, nor the roles
// and their order, nor the moves, which it does not read (a snapshot's
// checksum is for that). check, when not nil, is an IndexCheck that
// every byte of index was written to: when it took as many bytes as index
// has, with the same head, and found nothing wrong, RestoreIndexed takes
// its word for the offsets and arcs and reads only each array's first and
// last offset; else it reads them all itself. A check of other bytes of
// the same length and head would be trusted: the caller must write it
// exactly index's bytes. Cost: O(V+E) with a
// small constant, O(V) with a check; nothing is allocated per move, and
// a pointer per role.
func RestoreIndexed(roles RoleReader, moves MoveReader, rungs [][]int32, index []byte, check *IndexCheck) (*Graph, error) {
	if err := checkRungs(rungs, int32(roles.Len())); err != nil {
		return nil, err
	}
	g := &Graph{lazyRoles: roles, decoded: make([]atomic.Pointer[Role], roles.Len()), rungs: rungs, lazy: moves}
	if err := g.useIndex(index, moves.Len(), check); err != nil {
		return nil, err
	}
	return g, nil
}

// restore is what Restore and RestoreIndexed share: the roles, and the
// rungs, checked.
func restore(roles []Role, rungs [][]int32) (*Graph, error) {
	if err := checkRungs(rungs, int32(len(roles))); err != nil {
		return nil, err
	}
	return &Graph{roles: roles, rungs: rungs}, nil
}

// checkRungs checks that each rung names at least two of n roles, in
// order, and that the rungs are in order.
func checkRungs(rungs [][]int32, n int32) error {
	for i, rung := range rungs {
		for j, r := range rung {
			if r < 0 || r >= n || j > 0 && rung[j-1] >= r {
				return fmt.Errorf("restore: rung %d names an unknown role or is out of order", i)
			}
		}
		if len(rung) < 2 || i > 0 && slices.Compare(rungs[i-1], rung) >= 0 {
			return fmt.Errorf("restore: rung %d is out of order", i)
		}
	}
	return nil
}
