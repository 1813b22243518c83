package graph_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"careergraph/graph"
)

// randomHubGraph returns a random graph of n roles on a few levels with
// hubs (roles joined to many others), career and related moves, about a
// third of them with their own cost when costed (often equal, so that
// many routes tie), and the role IDs.
func randomHubGraph(t testing.TB, rng *rand.Rand, n int, costed bool) (*graph.Graph, []string) {
	t.Helper()
	var b graph.Builder
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("r%02d", i)
		b.AddRole(graph.Role{ID: ids[i], Name: ids[i], Level: rng.IntN(4)})
	}
	hubs := 1 + rng.IntN(3)
	move := func(f, to int) {
		if f == to {
			return
		}
		m := graph.Move{Kind: graph.Kind(rng.IntN(2)), Sources: []graph.Source{{File: "random", Line: 1}}}
		if costed && rng.IntN(3) == 0 {
			m.Milli = int32([]int{500, 1000, 1000, 1500, 2000, 2500}[rng.IntN(6)])
		}
		b.AddMoveOf(f, to, m)
	}
	for h := range hubs {
		for x := range n {
			if rng.IntN(3) > 0 {
				if rng.IntN(2) == 0 {
					move(h, x)
				} else {
					move(x, h)
				}
			}
		}
	}
	for range n + rng.IntN(2*n) {
		move(rng.IntN(n), rng.IntN(n))
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g, ids
}

// TestHubsDifferential holds the search, with lazy hubs and without, to
// the plain search that takes every arc when its role settles and stops
// only once every role on a cheapest route is settled (graph.Eager): on
// random graphs with hubs
// of every size down to one arc, many tied routes, own costs or none,
// roles avoided, career only, no moves down and every lateral cost, for
// one route and for several (Yen's spur searches block arcs and set
// limits), the routes, their keys and the errors are the same.
func TestHubsDifferential(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 34))
	trials := 400
	if testing.Short() {
		trials = 60
	}
	compared := 0
	for trial := range trials {
		n := 8 + rng.IntN(25)
		g, ids := randomHubGraph(t, rng, n, trial%2 == 0)
		for range 6 {
			opt := graph.PathOptions{
				CareerOnly:  rng.IntN(6) == 0,
				LateralCost: []int{0, 1, 2, 3, 5}[rng.IntN(5)],
				NoDown:      rng.IntN(5) == 0,
			}
			from, to := ids[rng.IntN(n)], ids[rng.IntN(n)]
			for range rng.IntN(3) {
				if a := ids[rng.IntN(n)]; a != from && a != to {
					opt.Avoid = append(opt.Avoid, a)
				}
			}
			k := []int{1, 1, 2, 3, 5, 10}[rng.IntN(6)]
			want, _, werr := graph.PathsSettled(g, from, to, k, opt, graph.Eager)
			for _, lazy := range []int32{1, 2, 3, 5, 0, graph.NoHubs} {
				got, _, err := graph.PathsSettled(g, from, to, k, opt, lazy)
				if !reflect.DeepEqual(got, want) || !errors.Is(err, werr) && fmt.Sprint(err) != fmt.Sprint(werr) {
					t.Fatalf("trial %d: Paths(%q, %q, %d, %+v) with hubs of %d arcs = %v, %v; without hubs %v, %v",
						trial, from, to, k, opt, lazy, routeStrings(got), err, routeStrings(want), werr)
				}
				compared++
			}
		}
	}
	t.Logf("%d answers compared", compared)
}
