package graph_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"careergraph/graph"
)

// TestRungsAmong checks RungsAmong against filtering every rung, on
// random rungs and random selections of roles.
func TestRungsAmong(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		var b graph.Builder
		n := 2 + r.IntN(30)
		for i := range n {
			b.AddRole(graph.Role{ID: fmt.Sprintf("r%02d", i), Name: fmt.Sprintf("R%02d", i)})
		}
		for range r.IntN(10) {
			var rung []int
			for range 2 + r.IntN(4) {
				rung = append(rung, r.IntN(n))
			}
			b.AddRung(rung...)
		}
		g, err := b.Build()
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for range r.IntN(n + 3) {
			ids = append(ids, fmt.Sprintf("r%02d", r.IntN(n+2))) // some unknown
		}
		var want [][]string
		for _, rung := range g.Rungs() {
			var group []string
			for _, id := range rung {
				if slices.Contains(ids, id) {
					group = append(group, id)
				}
			}
			if len(group) > 1 {
				want = append(want, group)
			}
		}
		slices.SortFunc(want, slices.Compare)
		want = slices.CompactFunc(want, slices.Equal)
		if got := g.RungsAmong(ids); !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("trial %d: RungsAmong(%q) = %q; want %q", trial, ids, got, want)
		}
	}
}
