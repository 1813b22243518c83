package graph_test

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"

	"careergraph/graph"
)

// TestPathsBruteForceDeep compares Paths with every loop-free route on
// denser random graphs than TestPathsBruteForce, asking for many routes,
// often with ties of cost and steps: it exercises Yen's search where it
// skips roots (Lawler) and prunes spur searches against the candidates
// already pending.
func TestPathsBruteForceDeep(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	trials := 600
	if testing.Short() {
		trials = 100
	}
	for trial := range trials {
		n := 6 + rng.IntN(5)
		names, lines := randomGraphLines(rng, n, 2*n+rng.IntN(2*n))
		g := newTestGraph(t, nil, lines...)
		opt := graph.PathOptions{CareerOnly: rng.IntN(5) == 0, LateralCost: rng.IntN(3)}
		from, to := names[0], names[n-1]
		if rng.IntN(4) == 0 {
			opt.Avoid = []string{names[1+rng.IntN(n-2)]}
		}
		want := bruteRoutes(g, from, to, opt)
		for _, k := range []int{2, 3, 5, 1 + rng.IntN(40)} {
			rs, err := g.Paths(from, to, k, opt)
			if len(want) == 0 {
				if !errors.Is(err, graph.ErrNoPath) {
					t.Errorf("trial %d: Paths(%q, %q, %d, %+v) on %v = %v, %v; want ErrNoPath", trial, from, to, k, opt, lines, routeStrings(rs), err)
				}
				continue
			}
			if err != nil {
				t.Errorf("trial %d: Paths(%q, %q, %d, %+v) on %v: %v", trial, from, to, k, opt, lines, err)
				continue
			}
			if got, want := routeStrings(rs), want[:min(k, len(want))]; !slices.Equal(got, want) {
				t.Errorf("trial %d: Paths(%q, %q, %d, %+v) on %v = %v; want %v", trial, from, to, k, opt, lines, got, want)
			}
		}
	}
}
