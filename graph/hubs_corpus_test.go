package graph_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"careergraph/graph"
	"careergraph/loader"
)

// TestHubsCorpora holds the search, with lazy hubs and without, to the
// plain search (graph.Eager) on real and large corpora, loaded as the
// command loads them: the
// O*NET release and the MaRS pathway table in ../shared/data, and the
// 100k-document synthetic corpus of `make corpora` in out/bench/100k.
// Each is skipped when absent, and the 100k one in -short mode.
func TestHubsCorpora(t *testing.T) {
	for _, c := range []struct {
		name, path string
		pairs      int
		big        bool
		get        string // how to get the data
	}{
		{"onet", "../../shared/data/onet-29.3", 1000, false, "the shared data folder beside the repository"},
		{"mars", "../../shared/data/mars-pathways/pathway_results.csv", 1000, false, "the shared data folder beside the repository"},
		{"synth-100k", "../out/bench/100k", 3000, true, "`make corpora` makes it"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.big && testing.Short() {
				t.Skip("the 100k corpus takes a while to load; not in -short mode")
			}
			if _, err := os.Stat(c.path); err != nil {
				t.Skipf("%s not found: %s", filepath.Clean(c.path), c.get)
			}
			corpus, err := loader.Load(loader.Options{Paths: []string{c.path}, DropDocuments: true})
			if err != nil {
				t.Fatal(err)
			}
			g := corpus.Graph
			roles := g.Roles()
			rng := rand.New(rand.NewPCG(5, 6))
			settledEager, settledLazy := 0, 0
			for i := range c.pairs {
				from, to := roles[rng.IntN(len(roles))].ID, roles[rng.IntN(len(roles))].ID
				k, opt := 1, graph.PathOptions{}
				switch i % 10 {
				case 7:
					k = 3
				case 8:
					opt = graph.PathOptions{LateralCost: 3, NoDown: true}
				case 9:
					opt = graph.PathOptions{CareerOnly: true}
				}
				want, ne, werr := graph.PathsSettled(g, from, to, k, opt, graph.Eager)
				for _, lazy := range []int32{0, 16, graph.NoHubs} {
					got, n, err := graph.PathsSettled(g, from, to, k, opt, lazy)
					if !reflect.DeepEqual(got, want) || !errors.Is(err, werr) && fmt.Sprint(err) != fmt.Sprint(werr) {
						t.Fatalf("Paths(%q, %q, %d, %+v) with hubs of %d arcs = %v, %v; without hubs %v, %v",
							from, to, k, opt, lazy, routeStrings(got), err, routeStrings(want), werr)
					}
					if lazy == 0 {
						settledEager += ne
						settledLazy += n
					}
				}
			}
			t.Logf("%d roles, %d questions: %d roles settled without hubs, %d with", len(roles), c.pairs, settledEager, settledLazy)
		})
	}
}
