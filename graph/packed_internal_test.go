package graph

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sync"
	"testing"
)

// addedFixture is a graph's input, kept to check what Build made of it:
// roles enough that Build merges its moves in several ranges on several
// cores, and the same move added again and again with other sources,
// costs and attributes.
type addedFixture struct {
	names []string
	moves []addedFixtureMove
}

type addedFixtureMove struct {
	from, to int
	m        Move
}

func newAddedFixture() addedFixture {
	rng := rand.New(rand.NewPCG(3, 5))
	const n = 10_000
	var f addedFixture
	for i := range n {
		f.names = append(f.names, fmt.Sprintf("Role %05d", i))
	}
	attrs := []*MoveAttrs{{Basis: "given"}, {Basis: "similarity", Similarity: 0.5}}
	for range 6 * n {
		from := rng.IntN(n)
		to := (from + 1 + rng.IntN(40)) % n // near roles, so that moves repeat
		m := Move{Kind: Kind(rng.IntN(2)), Sources: []Source{{fmt.Sprintf("f%d.txt", rng.IntN(3)), rng.IntN(5) + 1}}}
		if rng.IntN(3) == 0 {
			m.Milli = int32(500 * (rng.IntN(6) + 1))
		}
		if rng.IntN(4) == 0 {
			m.Attrs = attrs[rng.IntN(len(attrs))]
		}
		f.moves = append(f.moves, addedFixtureMove{from, to, m})
	}
	return f
}

func (f addedFixture) build(t *testing.T) *Graph {
	t.Helper()
	var b Builder
	for _, name := range f.names {
		b.AddRole(Role{Name: name})
	}
	for _, a := range f.moves {
		b.AddMoveOf(a.from, a.to, a.m)
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// want merges the fixture's moves as AddMoveOf says, one at a time: the
// sources of all, sorted, each once; the cost of the cheapest, one at the
// kind's default on a tie, then the first added; the attributes of the
// chosen one, or else the first added. Roles' IDs are the slugs of their
// names, which sort as the names do.
func (f addedFixture) want() []Move {
	type key struct {
		from, to int
		kind     Kind
	}
	merged := map[key]*Move{}
	firstAttrs := map[key]*MoveAttrs{}
	for _, a := range f.moves {
		k := key{a.from, a.to, a.m.Kind}
		m := merged[k]
		if m == nil {
			m = &Move{From: Slug(f.names[a.from]), To: Slug(f.names[a.to]), Kind: a.m.Kind, Milli: a.m.Milli, Attrs: a.m.Attrs}
			merged[k] = m
			firstAttrs[k] = a.m.Attrs
		} else {
			ca, cb := a.m.milli(DefaultLateralCost), m.milli(DefaultLateralCost)
			if ca < cb || ca == cb && a.m.Milli == 0 && m.Milli != 0 {
				m.Milli, m.Attrs = a.m.Milli, a.m.Attrs
			}
			if firstAttrs[k] == nil {
				firstAttrs[k] = a.m.Attrs
			}
		}
		m.Sources = append(m.Sources, a.m.Sources...)
	}
	var out []Move
	for k, m := range merged {
		if m.Attrs == nil {
			m.Attrs = firstAttrs[k]
		}
		slices.SortFunc(m.Sources, CompareSources)
		m.Sources = slices.Compact(m.Sources)
		out = append(out, *m)
	}
	slices.SortFunc(out, func(x, y Move) int {
		return cmp.Or(cmp.Compare(x.From, y.From), cmp.Compare(x.To, y.To), cmp.Compare(x.Kind, y.Kind))
	})
	return out
}

// TestBuildMergesMoves holds Build's merge of moves added more than once,
// done range by range on all cores, to the merge of one move at a time.
func TestBuildMergesMoves(t *testing.T) {
	f := newAddedFixture()
	g := f.build(t)
	want := f.want()
	got := g.Moves()
	if len(got) != len(want) {
		t.Fatalf("%d moves; want %d", len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("move %d = %+v; want %+v", i, got[i], want[i])
		}
	}
}

// TestBuiltMovesOneByOne reads a built graph's moves one at a time, as a
// route does, before, while and after all of them are asked for.
func TestBuiltMovesOneByOne(t *testing.T) {
	f := newAddedFixture()
	g, want := f.build(t), f.build(t).Moves()
	if g.movesReady.Load() {
		t.Fatal("a built graph made its moves before any was asked for")
	}
	if g.numMoves() != len(want) {
		t.Fatalf("numMoves() = %d; want %d", g.numMoves(), len(want))
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(want); i += 4 {
				if got := g.move(int32(i)); !reflect.DeepEqual(got, want[i]) {
					t.Errorf("move(%d) = %+v; want %+v", i, got, want[i])
					return
				}
			}
		})
	}
	wg.Go(func() { g.Moves() })
	wg.Wait()
	for i := range want {
		if got := g.move(int32(i)); !reflect.DeepEqual(got, want[i]) {
			t.Fatalf("after Moves: move(%d) = %+v; want %+v", i, got, want[i])
		}
	}
}

// TestStatsCountsEveryMove holds Stats, which counts from the compact
// index and reads no move (a warm `stats` decodes none), to a count over
// the moves themselves, on a built graph, one restored and one restored
// with its index.
func TestStatsCountsEveryMove(t *testing.T) {
	f := newAddedFixture()
	random := indexedFixtures(t)["random"]
	for _, g := range []*Graph{f.build(t), random, restoreFixture(t), restoreIndexed(t, random)} {
		lazy := g.lazy != nil && !g.movesReady.Load()
		st := g.Stats()
		if lazy && g.movesReady.Load() {
			t.Error("Stats made every move")
		}
		kinds := map[Kind]int{Career: 0, Related: 0}
		degree := map[string]int{}
		for _, m := range g.Moves() {
			kinds[m.Kind]++
			degree[m.From]++
			degree[m.To]++
		}
		if !reflect.DeepEqual(st.Moves, kinds) {
			t.Errorf("Stats().Moves = %v; want %v", st.Moves, kinds)
		}
		for _, h := range st.Hubs {
			if h.Degree != degree[h.Role] {
				t.Errorf("hub %s: degree %d; want %d", h.Role, h.Degree, degree[h.Role])
			}
		}
		if want := hubsBySort(g.Roles(), degree); !reflect.DeepEqual(st.Hubs, want) {
			t.Errorf("Stats().Hubs = %v; want %v, every role sorted", st.Hubs, want)
		}
	}
}

// hubsBySort returns the maxHubs roles with the most moves, from every
// role with any sorted by degree, display name and index.
func hubsBySort(roles []Role, degree map[string]int) []Hub {
	var idx []int
	for i, r := range roles {
		if degree[r.ID] > 0 {
			idx = append(idx, i)
		}
	}
	slices.SortFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(degree[roles[b].ID], degree[roles[a].ID]), cmp.Compare(roles[a].Name, roles[b].Name), cmp.Compare(a, b))
	})
	out := []Hub{}
	for _, i := range idx[:min(maxHubs, len(idx))] {
		out = append(out, Hub{Role: roles[i].ID, Degree: degree[roles[i].ID]})
	}
	return out
}

// TestStatsHubsTied lists hubs where more roles than are listed tie at
// the last place: the tie falls to the display name, then the index.
func TestStatsHubsTied(t *testing.T) {
	var b Builder
	n := 3 * maxHubs
	for i := range n {
		// Names out of ID order, some repeated.
		b.AddRole(Role{ID: fmt.Sprintf("r%02d", i), Name: fmt.Sprintf("Role %d", (n-i)%(n/2))})
	}
	for i := range n { // a ring: every role has two moves
		b.AddMove(i, (i+1)%n, Career, Source{File: "ring", Line: i + 1})
	}
	b.AddMove(0, 5, Related, Source{File: "chord", Line: 1}) // two roles with three
	checkHubs(t, &b, "ring")
}

// checkHubs builds b and holds its Stats' hubs to every role sorted by
// the moves each has (hubsBySort).
func checkHubs(t *testing.T, b *Builder, what string) {
	t.Helper()
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	degree := map[string]int{}
	for _, m := range g.Moves() {
		degree[m.From]++
		degree[m.To]++
	}
	if got, want := g.Stats().Hubs, hubsBySort(g.Roles(), degree); !reflect.DeepEqual(got, want) {
		t.Errorf("%s: Stats().Hubs = %v; want %v, every role sorted", what, got, want)
	}
}

// TestStatsHubsRandom holds the hubs of random graphs to every role
// sorted: a few roles to many, names repeating, fewer connected roles
// than are listed, and ties anywhere about the last place.
func TestStatsHubsRandom(t *testing.T) {
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 3))
		n := 2 + rng.IntN(40)
		var b Builder
		for i := range n {
			b.AddRole(Role{ID: fmt.Sprintf("r%02d", i), Name: fmt.Sprintf("Role %d", rng.IntN(n/2+1))})
		}
		for range rng.IntN(3 * n) {
			from, to := rng.IntN(n), rng.IntN(n)
			if from != to {
				b.AddMove(from, to, Kind(rng.IntN(2)), Source{File: "random", Line: 1})
			}
		}
		checkHubs(t, &b, fmt.Sprintf("seed %d", seed))
	}
}
