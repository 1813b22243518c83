package graph

import (
	"fmt"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
)

// Graph is a resolved career graph. It is immutable once built and safe
// for concurrent readers.
type Graph struct {
	roles []Role // sorted by ID; a role's index is its compact id; see allRoles
	// A graph restored with RestoreIndexed reads its roles from
	// lazyRoles: one at a time, each kept in decoded once made (see
	// role), until all are asked for (allRoles), after which roles holds
	// them.
	lazyRoles  RoleReader
	decoded    []atomic.Pointer[Role]
	rolesOnce  sync.Once
	rolesReady atomic.Bool
	// byID maps each role's ID to its index, made on first need after
	// idScans look-ups have searched the roles instead: see roleIndex.
	byID      map[string]int32
	idScans   atomic.Int32
	byIDOnce  sync.Once
	byIDReady atomic.Bool
	moves     []Move // sorted by From, To, Kind; see allMoves
	rungs     [][]int32

	// A built graph, and one restored with RestoreIndexed, reads its
	// moves from lazy: one at a time where few are asked for (see move),
	// all at once where all are (allMoves), after which moves holds them.
	lazy       MoveReader
	movesOnce  sync.Once
	movesReady atomic.Bool

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
	// in eachName order: role i's are forms j from formOff[i] to
	// formOff[i+1] (see form); a restored graph's lie side by side in
	// formBlob instead, form j at formAt[j]. names maps each form to its
	// roles, made on first need after nameScans look-ups have scanned
	// forms instead: see rolesNamed.
	forms     []string
	formAt    []int32
	formBlob  string
	formOff   []int32
	nameScans atomic.Int32
	namesOnce sync.Once
	names     map[string][]int32

	byNameOnce sync.Once
	byName     []int32 // role indices by display name; see nameOrder

	rungsOfOnce sync.Once
	rungsOf     [][]int32 // role index → indices into rungs; see rungsAmong

	searchOnce sync.Once
	nameIx     *nameSearch // Search's index; see nameIndex
}

// Roles returns every role sorted by ID. The slice is shared: do not
// modify it.
func (g *Graph) Roles() []Role { return g.allRoles() }

// NumRoles returns how many roles the graph has: len(g.Roles()), without
// reading a restored graph's roles.
func (g *Graph) NumRoles() int { return g.numRoles() }

// Moves returns every move sorted by From, To and Kind. The slice is
// shared: do not modify it.
func (g *Graph) Moves() []Move { return g.allMoves() }

// Role returns the role with the given ID.
func (g *Graph) Role(id string) (Role, bool) {
	i, ok := g.roleIndex(id)
	if !ok {
		return Role{}, false
	}
	return *g.role(i), true
}

// NameOf returns the display name of the role id, or id itself when the
// graph holds no such role.
func (g *Graph) NameOf(id string) string {
	if r, ok := g.Role(id); ok {
		return r.Name
	}
	return id
}

// NamesOf maps role IDs to display names, as NameOf does.
func (g *Graph) NamesOf(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = g.NameOf(id)
	}
	return out
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

// RungsAmong returns the rungs shared by at least two of the given roles,
// each restricted to those roles: the same as filtering Rungs, but in
// time proportional to the given roles' rungs rather than the graph's,
// which matters for pictures of a few roles in a large graph. Each group
// is sorted, groups in sorted order, without repeats; IDs the graph does
// not hold are ignored.
func (g *Graph) RungsAmong(ids []string) [][]string {
	idx := g.rungsAmong(ids)
	out := make([][]string, len(idx))
	for i, r := range idx {
		out[i] = g.ids(r)
	}
	return out
}

// rungsAmong is RungsAmong on role indices.
func (g *Graph) rungsAmong(ids []string) [][]int32 {
	g.rungsOfOnce.Do(func() {
		g.rungsOf = make([][]int32, g.numRoles())
		for i, rung := range g.rungs {
			for _, r := range rung {
				g.rungsOf[r] = append(g.rungsOf[r], int32(i))
			}
		}
	})
	in := make(map[int32]bool, len(ids))
	var candidates []int32
	for _, id := range ids {
		if i, ok := g.roleIndex(id); ok && !in[i] {
			in[i] = true
			candidates = append(candidates, g.rungsOf[i]...)
		}
	}
	slices.Sort(candidates)
	candidates = slices.Compact(candidates)
	var out [][]int32
	for _, c := range candidates {
		var group []int32
		for _, r := range g.rungs[c] {
			if in[r] {
				group = append(group, r)
			}
		}
		if len(group) > 1 {
			out = append(out, group) // sorted: a rung is, and IDs follow indices
		}
	}
	slices.SortFunc(out, slices.Compare)
	return slices.CompactFunc(out, slices.Equal)
}

func (g *Graph) ids(idx []int32) []string {
	out := make([]string, len(idx))
	for i, r := range idx {
		out[i] = g.role(r).ID
	}
	return out
}

func (g *Graph) index(id string) (int32, error) {
	i, ok := g.roleIndex(id)
	if !ok {
		return 0, fmt.Errorf("role id %q: %w", id, ErrNotFound)
	}
	return i, nil
}

// roleIndex returns the index of the role with ID id. It searches the
// roles, sorted by ID, for the first scanLimit look-ups, then makes the
// map of them (once, O(V)) and looks id up in it: a command looks up a
// few IDs and never pays for the map (20–30 ms of CPU at 100k roles,
// with the check of the roles' order it replaced).
func (g *Graph) roleIndex(id string) (int32, bool) {
	if !g.byIDReady.Load() {
		if g.idScans.Load() < scanLimit && g.idScans.Add(1) <= scanLimit {
			i := sort.Search(g.numRoles(), func(i int) bool { return g.role(int32(i)).ID >= id })
			return int32(i), i < g.numRoles() && g.role(int32(i)).ID == id
		}
		g.byIDOnce.Do(g.mapIDs)
	}
	i, ok := g.byID[id]
	return i, ok
}

// at returns the index of the role with ID id, which the graph must hold.
func (g *Graph) at(id string) int32 {
	i, _ := g.roleIndex(id)
	return i
}

// mapIDs makes the map of roles by ID.
func (g *Graph) mapIDs() {
	roles := g.allRoles()
	g.byID = make(map[string]int32, len(roles))
	for i, r := range roles {
		g.byID[r.ID] = int32(i)
	}
	g.byIDReady.Store(true)
}

// RoleReader gives the roles of a graph restored with RestoreIndexed as
// they are asked for, so that a program that shows a few roles never
// decodes the rest. Roles are numbered in the order Roles returns them.
// A reader must be safe for concurrent use.
type RoleReader interface {
	// Len returns how many roles there are.
	Len() int
	// Role returns role i.
	Role(i int) Role
	// All returns every role, as Role does, in order.
	All() []Role
}

// numRoles returns how many roles the graph has.
func (g *Graph) numRoles() int {
	if g.lazyRoles != nil {
		return g.lazyRoles.Len()
	}
	return len(g.roles)
}

// role returns the role at index i. A restored graph's role is read on
// first need and kept: the pointer stays valid, and the role unchanged,
// for the graph's life.
func (g *Graph) role(i int32) *Role {
	if g.lazyRoles == nil || g.rolesReady.Load() {
		return &g.roles[i]
	}
	if r := g.decoded[i].Load(); r != nil {
		return r
	}
	r := g.lazyRoles.Role(int(i))
	if g.decoded[i].CompareAndSwap(nil, &r) {
		return &r
	}
	return g.decoded[i].Load()
}

// allRoles returns every role, read from the graph's RoleReader on first
// need when it has one.
func (g *Graph) allRoles() []Role {
	if g.lazyRoles != nil && !g.rolesReady.Load() {
		g.rolesOnce.Do(func() {
			roles := g.lazyRoles.All()
			if len(roles) != g.lazyRoles.Len() { // a damaged snapshot: each role alone
				roles = make([]Role, g.lazyRoles.Len())
				for i := range roles {
					roles[i] = g.lazyRoles.Role(i)
				}
			}
			g.roles = roles
			g.rolesReady.Store(true)
		})
	}
	return g.roles
}
