package graph

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	dgraph "github.com/dominikbraun/graph"
)

// Kind is the kind of a move between two roles.
type Kind uint8

// The move kinds. Career moves go forward only; related moves are lateral
// and path queries may take them in either direction.
const (
	Career Kind = iota
	Related
)

// Kinds lists every move kind in order.
var Kinds = []Kind{Career, Related}

func (k Kind) String() string {
	if k == Related {
		return "related"
	}
	return "career"
}

// ParseKind returns the kind named s ("career" or "related").
func ParseKind(s string) (Kind, error) {
	switch s {
	case "career":
		return Career, nil
	case "related":
		return Related, nil
	}
	return 0, fmt.Errorf("unknown move kind %q (known: career, related)", s)
}

// Source is the place in the input a fact was read from.
type Source struct {
	File string
	Line int
}

func (s Source) String() string { return s.File + ":" + strconv.Itoa(s.Line) }

func compareSources(a, b Source) int {
	return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
}

// Role is one node of the graph: an occupation or a role mentioned by one.
type Role struct {
	ID         string   // stable slug of Name, unique in the graph
	Name       string   // display name
	Names      []string // every written form and alias that names it, sorted
	Documented bool     // an occupation document describes it
	Reading    string   // kana reading, from its document
	// Classification runs from broad to narrow; empty for roles only
	// mentioned.
	Classification []string
	Docs           []string // files of the documents that describe it, sorted
	Profile        *Profile // what its documents list; nil when undocumented
}

// Profile is what the documents of an occupation list about it.
type Profile struct {
	Summary           string
	RequiredSkills    []string
	RecommendedSkills []string
	Qualifications    []string
}

// Move is a way from one role to another, written in at least one
// document. From and To are role IDs in the direction written.
type Move struct {
	From, To string
	Kind     Kind
	Sources  []Source // sorted
}

func compareMoves(a, b Move) int {
	return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To), cmp.Compare(a.Kind, b.Kind))
}

// Errors that queries return, to be matched with errors.Is.
var (
	ErrNotFound  = errors.New("not found")
	ErrAmbiguous = errors.New("ambiguous")
	ErrNoPath    = errors.New("no path")
)

// Graph is a resolved career graph. It is immutable once built and safe
// for concurrent readers.
type Graph struct {
	roles []Role       // sorted by ID; a role's index is its compact id
	byID  map[string]int32
	moves []Move // sorted by From, To, Kind
	rungs [][]int32

	// The compact index every query runs on, in CSR form: the arcs
	// leaving role i are fwd[fwdOff[i]:fwdOff[i+1]], sorted by target.
	// fwd holds career moves forward and related moves both ways; bwd
	// holds career moves backward and related moves both ways.
	fwdOff, bwdOff []int32
	fwd, bwd       []arc

	names map[string][]int32 // normal form of every name and reading

	storeOnce sync.Once
	store     dgraph.Graph[int32, int32]
}

// arc is one traversable direction of a move.
type arc struct {
	to      int32
	move    int32
	kind    Kind
	against bool // a related move taken against its written direction
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

// Builder collects roles and moves and builds a Graph. The zero value is
// ready to use.
type Builder struct {
	roles []Role
	moves map[moveKey][]Source
	rungs [][]int
}

type moveKey struct {
	from, to int
	kind     Kind
}

// AddRole adds a role and returns its handle for AddMove. A role with an
// empty ID gets a unique slug of its Name when the graph is built.
func (b *Builder) AddRole(r Role) int {
	b.roles = append(b.roles, r)
	return len(b.roles) - 1
}

// AddMove adds a move between two roles by handle. Adding the same move
// again only adds its sources.
func (b *Builder) AddMove(from, to int, kind Kind, sources ...Source) {
	if b.moves == nil {
		b.moves = make(map[moveKey][]Source)
	}
	k := moveKey{from, to, kind}
	b.moves[k] = append(b.moves[k], sources...)
}

// AddRung records roles that share one rung of a career path.
func (b *Builder) AddRung(roles ...int) {
	if len(roles) > 1 {
		b.rungs = append(b.rungs, slices.Clone(roles))
	}
}

// Build returns the graph. It fails when two roles claim one ID, a move
// names a role handle that was never added, or a move leads from a role to
// itself. Build sorts everything, so the result does not depend on the
// order of the calls.
func (b *Builder) Build() (*Graph, error) {
	n := len(b.roles)
	assignIDs(b.roles)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int { return cmp.Compare(b.roles[x].ID, b.roles[y].ID) })
	pos := make([]int32, n)
	g := &Graph{roles: make([]Role, n), byID: make(map[string]int32, n)}
	for newI, oldI := range order {
		r := b.roles[oldI]
		if _, dup := g.byID[r.ID]; dup {
			return nil, fmt.Errorf("two roles have the id %q", r.ID)
		}
		pos[oldI] = int32(newI)
		g.roles[newI] = r
		g.byID[r.ID] = int32(newI)
	}
	g.moves = make([]Move, 0, len(b.moves))
	for k, src := range b.moves {
		if k.from < 0 || k.from >= n || k.to < 0 || k.to >= n {
			return nil, fmt.Errorf("move %d→%d names a role that was never added", k.from, k.to)
		}
		if k.from == k.to {
			return nil, fmt.Errorf("move from %q to itself", b.roles[k.from].Name)
		}
		src = slices.Clone(src)
		slices.SortFunc(src, compareSources)
		src = slices.Compact(src)
		g.moves = append(g.moves, Move{
			From: b.roles[k.from].ID, To: b.roles[k.to].ID, Kind: k.kind, Sources: src,
		})
	}
	slices.SortFunc(g.moves, compareMoves)
	for _, rung := range b.rungs {
		idx := make([]int32, 0, len(rung))
		for _, h := range rung {
			if h < 0 || h >= n {
				return nil, fmt.Errorf("rung names role handle %d that was never added", h)
			}
			idx = append(idx, pos[h])
		}
		slices.Sort(idx)
		idx = slices.Compact(idx)
		if len(idx) > 1 {
			g.rungs = append(g.rungs, idx)
		}
	}
	slices.SortFunc(g.rungs, slices.Compare)
	g.rungs = slices.CompactFunc(g.rungs, slices.Equal)
	g.buildIndex()
	return g, nil
}

// assignIDs gives every role without an ID a slug of its name, unique
// among all IDs. Roles are taken in order of slug and then name, so the
// suffixes do not depend on the order roles were added.
func assignIDs(roles []Role) {
	taken := make(map[string]bool, len(roles))
	var pending []int
	for i, r := range roles {
		if r.ID != "" {
			taken[r.ID] = true
		} else {
			pending = append(pending, i)
		}
	}
	slugs := make(map[int]string, len(pending))
	for _, i := range pending {
		slugs[i] = Slug(roles[i].Name)
	}
	slices.SortFunc(pending, func(x, y int) int {
		return cmp.Or(cmp.Compare(slugs[x], slugs[y]), cmp.Compare(roles[x].Name, roles[y].Name),
			cmp.Compare(strings.Join(roles[x].Docs, "\x00"), strings.Join(roles[y].Docs, "\x00")))
	})
	for _, i := range pending {
		id := slugs[i]
		for k := 2; taken[id]; k++ {
			id = slugs[i] + "-" + strconv.Itoa(k)
		}
		taken[id] = true
		roles[i].ID = id
	}
}

// buildIndex fills the compact adjacency and the name index in one pass
// over the moves.
func (g *Graph) buildIndex() {
	n := len(g.roles)
	fwdDeg := make([]int32, n+1)
	bwdDeg := make([]int32, n+1)
	from := make([]int32, len(g.moves))
	to := make([]int32, len(g.moves))
	for i, m := range g.moves {
		f, t := g.byID[m.From], g.byID[m.To]
		from[i], to[i] = f, t
		fwdDeg[f]++
		bwdDeg[t]++
		if m.Kind == Related {
			fwdDeg[t]++
			bwdDeg[f]++
		}
	}
	g.fwdOff, g.fwd = prefix(fwdDeg)
	g.bwdOff, g.bwd = prefix(bwdDeg)
	fill := slices.Clone(g.fwdOff)
	bfill := slices.Clone(g.bwdOff)
	for i, m := range g.moves {
		f, t := from[i], to[i]
		g.fwd[fill[f]] = arc{to: t, move: int32(i), kind: m.Kind}
		fill[f]++
		g.bwd[bfill[t]] = arc{to: f, move: int32(i), kind: m.Kind}
		bfill[t]++
		if m.Kind == Related {
			g.fwd[fill[t]] = arc{to: f, move: int32(i), kind: m.Kind, against: true}
			fill[t]++
			g.bwd[bfill[f]] = arc{to: t, move: int32(i), kind: m.Kind, against: true}
			bfill[f]++
		}
	}
	for i := range n {
		slices.SortFunc(g.fwd[g.fwdOff[i]:g.fwdOff[i+1]], compareArcs)
		slices.SortFunc(g.bwd[g.bwdOff[i]:g.bwdOff[i+1]], compareArcs)
	}

	g.names = make(map[string][]int32, n*2)
	for i, r := range g.roles {
		add := func(s string) {
			k := NormalName(s)
			if k == "" {
				return
			}
			if l := g.names[k]; len(l) == 0 || l[len(l)-1] != int32(i) {
				g.names[k] = append(l, int32(i))
			}
		}
		add(r.Name)
		for _, s := range r.Names {
			add(s)
		}
		add(r.Reading)
	}
}

func compareArcs(a, b arc) int {
	return cmp.Or(cmp.Compare(a.to, b.to), cmp.Compare(a.kind, b.kind), cmp.Compare(a.move, b.move))
}

// prefix turns per-role degrees into CSR offsets and an arc slice.
func prefix(deg []int32) ([]int32, []arc) {
	off := make([]int32, len(deg))
	var sum int32
	for i, d := range deg[:len(deg)-1] {
		off[i] = sum
		sum += d
	}
	off[len(deg)-1] = sum
	return off, make([]arc, sum)
}

func (g *Graph) out(i int32) []arc { return g.fwd[g.fwdOff[i]:g.fwdOff[i+1]] }
func (g *Graph) in(i int32) []arc  { return g.bwd[g.bwdOff[i]:g.bwdOff[i+1]] }

// model returns the graph as a dominikbraun/graph directed graph of
// career moves, built on first use. It serves structural checks only:
// its traversals rebuild maps on every call, far too slow for queries.
func (g *Graph) model() dgraph.Graph[int32, int32] {
	g.storeOnce.Do(func() {
		s := dgraph.New(func(i int32) int32 { return i }, dgraph.Directed())
		for i := range g.roles {
			_ = s.AddVertex(int32(i))
		}
		for i, m := range g.moves {
			if m.Kind == Career {
				_ = s.AddEdge(g.byID[m.From], g.byID[m.To], dgraph.EdgeData(int32(i)))
			}
		}
		g.store = s
	})
	return g.store
}
