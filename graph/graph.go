package graph

import (
	"cmp"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

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

// String returns "career" or "related".
func (k Kind) String() string {
	if k == Related {
		return "related"
	}
	return "career"
}

// Source is the place in the input a fact was read from.
type Source struct {
	File string
	Line int
}

// String returns "file:line".
func (s Source) String() string { return s.File + ":" + strconv.Itoa(s.Line) }

// CompareSources orders sources by file, then line.
func CompareSources(a, b Source) int {
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
	ErrBadOption = errors.New("option out of range")
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

	names map[string][]int32 // normal form of every name and reading
	// keys holds the normal form of each role's names in eachName order:
	// role i's are keys[keyOff[i]:keyOff[i+1]].
	keys   []string
	keyOff []int32

	storeOnce sync.Once
	store     dgraph.Graph[int32, int32]

	byNameOnce sync.Once
	byName     []int32 // role indices by display name; see nameOrder
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
// ready to use. A role's handle is the order it was added in, from 0;
// moves and rungs may name roles that are added later, before Build.
type Builder struct {
	roles []Role
	moves []addedMove // in the order added
	srcs  []Source    // the sources of every added move, in order
	rungs [][]int
}

// addedMove is one AddMove call; its sources are srcs[src : src+n].
type addedMove struct {
	from, to int
	src, n   int32
	kind     Kind
}

// Grow makes room for roles more roles and moves more moves of one source
// each, sparing the copies of growing one by one. It is only a hint.
func (b *Builder) Grow(roles, moves int) {
	b.roles = slices.Grow(b.roles, roles)
	b.moves = slices.Grow(b.moves, moves)
	b.srcs = slices.Grow(b.srcs, moves)
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
	b.moves = append(b.moves, addedMove{from: from, to: to, kind: kind, src: int32(len(b.srcs)), n: int32(len(sources))})
	b.srcs = append(b.srcs, sources...)
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
// order of the calls. Cost: O((V+E) log(V+E)) for V roles and E moves
// added, comparing strings only to order the roles.
func (b *Builder) Build() (*Graph, error) {
	n := len(b.roles)
	assignIDs(b.roles)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int { return strings.Compare(b.roles[x].ID, b.roles[y].ID) })
	pos := make([]int32, n)
	g := &Graph{roles: make([]Role, n), byID: make(map[string]int32, n)}
	for newI, oldI := range order {
		r := b.roles[oldI]
		if newI > 0 && g.roles[newI-1].ID == r.ID {
			return nil, fmt.Errorf("two roles have the id %q", r.ID)
		}
		pos[oldI] = int32(newI)
		g.roles[newI] = r
		g.byID[r.ID] = int32(newI)
	}
	defer g.goIndexNames()()

	// Order the added moves by the new indexes of their ends, which is the
	// order of their IDs, and merge the moves added more than once. A
	// counting sort puts them in order of from; each role's few moves are
	// then sorted by to and kind.
	type sortKey struct {
		ends uint64 // from's index in the high half, to's in the low
		kind Kind
		i    int32
	}
	start := make([]int32, n+1) // role i's moves are keys[start[i]:start[i+1]]
	for _, m := range b.moves {
		if m.from < 0 || m.from >= n || m.to < 0 || m.to >= n {
			return nil, fmt.Errorf("move %d→%d names a role that was never added", m.from, m.to)
		}
		if m.from == m.to {
			return nil, fmt.Errorf("move from %q to itself", b.roles[m.from].Name)
		}
		start[pos[m.from]+1]++
	}
	for i := range n {
		start[i+1] += start[i]
	}
	keys := make([]sortKey, len(b.moves))
	fill := slices.Clone(start[:n])
	for i, m := range b.moves {
		f := pos[m.from]
		keys[fill[f]] = sortKey{uint64(f)<<32 | uint64(pos[m.to]), m.kind, int32(i)}
		fill[f]++
	}
	for i := range n {
		slices.SortFunc(keys[start[i]:start[i+1]], func(x, y sortKey) int {
			if x.ends != y.ends {
				return cmp.Compare(x.ends, y.ends)
			}
			return cmp.Compare(x.kind, y.kind)
		})
	}
	g.moves = make([]Move, 0, len(keys))
	from := make([]int32, 0, len(keys))
	to := make([]int32, 0, len(keys))
	srcs := make([]Source, 0, len(b.srcs))
	for i := 0; i < len(keys); {
		k := keys[i]
		start := len(srcs)
		for ; i < len(keys) && keys[i].ends == k.ends && keys[i].kind == k.kind; i++ {
			m := b.moves[keys[i].i]
			srcs = append(srcs, b.srcs[m.src:m.src+m.n]...)
		}
		src := srcs[start:]
		if len(src) > 1 {
			slices.SortFunc(src, CompareSources)
			src = slices.Compact(src)
			srcs = srcs[:start+len(src)]
		}
		f, t := int32(k.ends>>32), int32(k.ends)
		g.moves = append(g.moves, Move{
			From: g.roles[f].ID, To: g.roles[t].ID, Kind: k.kind, Sources: src[:len(src):len(src)],
		})
		from, to = append(from, f), append(to, t)
	}
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
	g.indexMoves(from, to)
	return g, nil
}

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
	n := int32(len(roles))
	g := &Graph{roles: roles, byID: make(map[string]int32, len(roles)), moves: moves, rungs: rungs}
	for i, r := range roles {
		if r.ID == "" || i > 0 && roles[i-1].ID >= r.ID {
			return nil, fmt.Errorf("restore: role %d (%q) is out of order", i, r.ID)
		}
	}
	defer g.goIndexNames()()
	for i, r := range roles {
		g.byID[r.ID] = int32(i)
	}
	if len(ends) != len(moves) {
		return nil, fmt.Errorf("restore: %d moves but %d ends", len(moves), len(ends))
	}
	from := make([]int32, len(moves))
	to := make([]int32, len(moves))
	for i := range moves {
		m, e := &moves[i], ends[i]
		switch {
		case e.From < 0 || e.From >= n || e.To < 0 || e.To >= n:
			return nil, fmt.Errorf("restore: move %d names an unknown role", i)
		case e.From == e.To || m.Kind > Related:
			return nil, fmt.Errorf("restore: move %d is not a move", i)
		case i > 0 && cmp.Or(cmp.Compare(from[i-1], e.From), cmp.Compare(to[i-1], e.To), cmp.Compare(moves[i-1].Kind, m.Kind)) >= 0:
			return nil, fmt.Errorf("restore: move %d is out of order", i)
		}
		m.From, m.To = roles[e.From].ID, roles[e.To].ID
		from[i], to[i] = e.From, e.To
	}
	for i, rung := range rungs {
		for j, r := range rung {
			if r < 0 || r >= n || j > 0 && rung[j-1] >= r {
				return nil, fmt.Errorf("restore: rung %d names an unknown role or is out of order", i)
			}
		}
		if len(rung) < 2 || i > 0 && slices.Compare(rungs[i-1], rung) >= 0 {
			return nil, fmt.Errorf("restore: rung %d is out of order", i)
		}
	}
	g.indexMoves(from, to)
	return g, nil
}

// assignIDs gives every role without an ID a slug of its name, unique
// among all IDs. Roles are taken in order of slug and then name, so the
// suffixes do not depend on the order roles were added.
func assignIDs(roles []Role) {
	taken := make(map[string]bool, len(roles))
	var pending []int
	slugs := make([]string, len(roles))
	for i, r := range roles {
		if r.ID != "" {
			taken[r.ID] = true
		} else {
			pending = append(pending, i)
		}
	}
	// Slug normalises each name: most of the cost, so on all cores.
	forChunks(len(pending), func(lo, hi int) {
		for _, i := range pending[lo:hi] {
			slugs[i] = Slug(roles[i].Name)
		}
	})
	slices.SortFunc(pending, func(x, y int) int {
		if c := strings.Compare(slugs[x], slugs[y]); c != 0 {
			return c
		}
		if c := strings.Compare(roles[x].Name, roles[y].Name); c != 0 {
			return c
		}
		return slices.Compare(roles[x].Docs, roles[y].Docs)
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

// forChunks calls fn with consecutive ranges [lo, hi) that cover [0, n),
// on all cores; it returns when every call has.
func forChunks(n int, fn func(lo, hi int)) {
	const chunk = 4096
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), 1+n/chunk) {
		wg.Go(func() {
			for {
				lo := int(next.Add(chunk)) - chunk
				if lo >= n {
					return
				}
				fn(lo, min(lo+chunk, n))
			}
		})
	}
	wg.Wait()
}

// goIndexNames starts indexNames on another core, once g.roles is final:
// the name index shares nothing with the rest of the graph's making. The
// graph must not be used before wait returns.
func (g *Graph) goIndexNames() (wait func()) {
	var wg sync.WaitGroup
	wg.Go(g.indexNames)
	return wg.Wait
}

// indexMoves lays out the moves in compressed sparse rows; from and to
// hold the role index of each move's ends.
func (g *Graph) indexMoves(from, to []int32) {
	n := len(g.roles)
	fwdDeg := make([]int32, n+1)
	bwdDeg := make([]int32, n+1)
	for i, m := range g.moves {
		f, t := from[i], to[i]
		fwdDeg[f]++
		bwdDeg[t]++
		if m.Kind == Related {
			fwdDeg[t]++
			bwdDeg[f]++
		}
	}
	g.fwdOff, g.fwd = prefix(fwdDeg)
	g.bwdOff, g.bwd = prefix(bwdDeg)
	// Moves come sorted by their ends, so the arcs each move adds in its
	// own direction fill every row in order, and so do the arcs related
	// moves add against it in a second pass: a row is two sorted runs to
	// merge.
	fill := slices.Clone(g.fwdOff)
	bfill := slices.Clone(g.bwdOff)
	for i, m := range g.moves {
		f, t := from[i], to[i]
		g.fwd[fill[f]] = arc{to: t, move: int32(i), kind: m.Kind}
		fill[f]++
		g.bwd[bfill[t]] = arc{to: f, move: int32(i), kind: m.Kind}
		bfill[t]++
	}
	fmid := slices.Clone(fill)
	bmid := slices.Clone(bfill)
	for i, m := range g.moves {
		if m.Kind == Related {
			f, t := from[i], to[i]
			g.fwd[fill[t]] = arc{to: f, move: int32(i), kind: m.Kind, against: true}
			fill[t]++
			g.bwd[bfill[f]] = arc{to: t, move: int32(i), kind: m.Kind, against: true}
			bfill[f]++
		}
	}
	var buf []arc
	for i := range n {
		buf = mergeRuns(g.fwd[g.fwdOff[i]:g.fwdOff[i+1]], int(fmid[i]-g.fwdOff[i]), buf)
		buf = mergeRuns(g.bwd[g.bwdOff[i]:g.bwdOff[i+1]], int(bmid[i]-g.bwdOff[i]), buf)
	}
}

// mergeRuns sorts row, whose row[:mid] and row[mid:] are each sorted, by
// merging them with buf as scratch space, and returns buf for reuse.
func mergeRuns(row []arc, mid int, buf []arc) []arc {
	if mid == 0 || mid == len(row) || compareArcs(row[mid-1], row[mid]) <= 0 {
		return buf
	}
	buf = append(buf[:0], row[:mid]...)
	i, j, k := 0, mid, 0
	for i < len(buf) && j < len(row) {
		if compareArcs(row[j], buf[i]) < 0 {
			row[k] = row[j]
			j++
		} else {
			row[k] = buf[i]
			i++
		}
		k++
	}
	copy(row[k:], buf[i:])
	return buf
}

// indexNames indexes every role by the normal form of each of its names.
func (g *Graph) indexNames() {
	n := len(g.roles)

	g.keys, g.keyOff = nameKeys(g.roles)
	g.names = make(map[string][]int32, n*2)
	for i := range g.roles {
		for _, k := range g.keys[g.keyOff[i]:g.keyOff[i+1]] {
			if k == "" {
				continue
			}
			if l := g.names[k]; len(l) == 0 || l[len(l)-1] != int32(i) {
				g.names[k] = append(l, int32(i))
			}
		}
	}
}

// isPlainKana reports whether s is only hiragana and katakana letters
// (ぁ–ん, ァ–ン, ー), as readings are. Such a string is its own normal
// form: NFKC leaves these letters as they are and they have no case.
func isPlainKana(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !('ぁ' <= r && r <= 'ん' || 'ァ' <= r && r <= 'ン' || r == 'ー') {
			return false
		}
	}
	return true
}

// nameKeys returns the normal form of every name of every role in
// eachName order, role i's at keys[off[i]:off[i+1]]. Normalising is most
// of the cost of indexing names, so it runs on all cores.
func nameKeys(roles []Role) (keys []string, off []int32) {
	off = make([]int32, len(roles)+1)
	for i := range roles {
		c := int32(0)
		roles[i].eachName(func(string) { c++ })
		off[i+1] = off[i] + c
	}
	keys = make([]string, off[len(roles)])
	forChunks(len(roles), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			j := off[i]
			roles[i].eachName(func(s string) {
				if isPlainKana(s) {
					keys[j] = s // its own normal form, at a tenth of the cost
				} else {
					keys[j] = NormalName(s)
				}
				j++
			})
		}
	})
	return keys, off
}

// eachName calls fn with every name a role is known by, in a fixed order:
// display name, written forms, reading.
func (r *Role) eachName(fn func(string)) {
	fn(r.Name)
	for _, s := range r.Names {
		fn(s)
	}
	if r.Reading != "" {
		fn(r.Reading)
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
//
// A vertex is a role's index plus one (see modelVertex): the library's
// StronglyConnectedComponents (v0.23.0) stops popping its stack at the
// zero value of the hash type, so a vertex hashed 0 loses its component.
func (g *Graph) model() dgraph.Graph[int32, int32] {
	g.storeOnce.Do(func() {
		s := dgraph.New(func(i int32) int32 { return i }, dgraph.Directed())
		for i := range g.roles {
			_ = s.AddVertex(modelVertex(int32(i)))
		}
		for i, m := range g.moves {
			if m.Kind == Career {
				_ = s.AddEdge(modelVertex(g.byID[m.From]), modelVertex(g.byID[m.To]), dgraph.EdgeData(int32(i)))
			}
		}
		g.store = s
	})
	return g.store
}

// modelVertex returns the vertex of the model for role index i, and
// modelRole the role index of vertex v.
func modelVertex(i int32) int32 { return i + 1 }
func modelRole(v int32) int32   { return v - 1 }
