package graph

import (
	"fmt"
	"testing"
)

// chainGraph returns a graph of n roles r0 → r1 → … → r(n-1) joined by
// career moves, and the IDs of its ends.
func chainGraph(tb testing.TB, n int) (g *Graph, first, last string) {
	tb.Helper()
	var b Builder
	b.Grow(n, n-1)
	for i := range n {
		b.AddRole(Role{ID: fmt.Sprintf("r%07d", i), Name: fmt.Sprintf("R%d", i)})
		if i > 0 {
			b.AddMove(i-1, i, Career, Source{File: "chain", Line: i})
		}
	}
	g, err := b.Build()
	if err != nil {
		tb.Fatal(err)
	}
	return g, g.roles[0].ID, g.roles[n-1].ID
}

// TestPathsLongChainIsLinear checks that Yen's rounds on a long route do
// work linear in its length: each spur role is stamped as avoided once,
// not once per later spur search (which was quadratic: 2·10¹⁰ stamps
// here, and a 1,000,000-role chain did not finish).
func TestPathsLongChainIsLinear(t *testing.T) {
	const n = 200_000
	g, first, last := chainGraph(t, n)
	q, err := g.pathQuery(first, last, PathOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sc := g.getScratch()
	defer putScratch(sc)
	found, err := g.yen(sc, q, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 1 || len(found[0].roles) != n {
		t.Fatalf("yen(chain of %d, k=3) found %d routes; want the one route of %d roles", n, len(found), n)
	}
	if sc.stamped > 2*n {
		t.Errorf("yen(chain of %d, k=3) stamped %d roles as avoided; want at most %d (linear)", n, sc.stamped, 2*n)
	}
	routes, err := g.Paths(first, last, 3, PathOptions{})
	if err != nil || len(routes) != 1 || routes[0].Cost != float64(n-1) {
		t.Errorf("Paths(chain of %d, k=3) = %d routes, %v; want 1 route of cost %d", n, len(routes), err, n-1)
	}
}

// BenchmarkPathsLongChain is Paths(k=3) from end to end of a chain of a
// million roles, where only one route exists.
func BenchmarkPathsLongChain(b *testing.B) {
	g, first, last := chainGraph(b, 1_000_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := g.Paths(first, last, 3, PathOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
