package graph

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// Graph is a resolved career graph. It is immutable once built and safe
// for concurrent readers.
type Graph struct {
	roles []Role // sorted by ID; a role's index is its compact id
	byID  map[string]int32
	moves []Move // sorted by From, To, Kind
	rungs [][]int32

	// The compact index every query runs on, in CSR form: the arcs
	// leaving role i are fwd[fwdOff[i]:fwdOff[i+1]], sorted by target.
	// fwd holds career moves forward and related moves both ways; bwd
	// holds career moves backward and related moves both ways.
	fwdOff, bwdOff []int32
	fwd, bwd       []arc
	// costUnit divides every move's own cost and 1000 (a default cost's
	// unit); maxMilli is the greatest own cost, 0 when none has one.
	costUnit, maxMilli int64

	// The name index. forms holds the normal forms of each role's names
	// in eachName order: role i's are forms[formOff[i]:formOff[i+1]].
	// names maps each form to its roles, made on first need after
	// nameScans look-ups have scanned forms instead: see rolesNamed.
	forms     []string
	formOff   []int32
	nameScans atomic.Int32
	namesOnce sync.Once
	names     map[string][]int32

	byNameOnce sync.Once
	byName     []int32 // role indices by display name; see nameOrder
}

// Roles returns every role sorted by ID. The slice is shared: do not
// modify it.
func (g *Graph) Roles() []Role { return g.roles }

// Moves returns every move sorted by From, To and Kind. The slice is
// shared: do not modify it.
func (g *Graph) Moves() []Move { return g.moves }

// Role returns the role with the given ID.
func (g *Graph) Role(id string) (Role, bool) {
	i, ok := g.byID[id]
	if !ok {
		return Role{}, false
	}
	return g.roles[i], true
}

// Rungs returns the groups of role IDs that share a rung of some career
// path ("Section Chief · Counsellor"), each sorted, in sorted order.
func (g *Graph) Rungs() [][]string {
	out := make([][]string, len(g.rungs))
	for i, r := range g.rungs {
		out[i] = g.ids(r)
	}
	return out
}

func (g *Graph) ids(idx []int32) []string {
	out := make([]string, len(idx))
	for i, r := range idx {
		out[i] = g.roles[r].ID
	}
	return out
}

func (g *Graph) index(id string) (int32, error) {
	i, ok := g.byID[id]
	if !ok {
		return 0, fmt.Errorf("role id %q: %w", id, ErrNotFound)
	}
	return i, nil
}
