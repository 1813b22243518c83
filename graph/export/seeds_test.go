package export_test

import (
	"bytes"
	"testing"

	"careergraph/graph"
	"careergraph/graph/export"
	"careergraph/loader"
)

// The seeds' counts, fixed by the core issue.
const (
	seedRoles   = 38
	seedCareer  = 25
	seedRelated = 18
)

// seedGraph loads the embedded seed documents.
func seedGraph(t *testing.T) *graph.Graph {
	t.Helper()
	c, err := loader.LoadSeeds()
	if err != nil {
		t.Fatalf("LoadSeeds: %v", err)
	}
	return c.Graph
}

// seedFixtures returns the seeds with the counts every export of them
// must show in its consumers (the counts, not the graph's, so a
// consumer test fails if the loader drifts too), and the subgraph of one
// ladder with related moves, as `export --ladder` writes it.
func seedFixtures(t *testing.T) []fixture {
	t.Helper()
	g := seedGraph(t)
	sel, err := g.SelectLadder("branch-office-chief-local-government", 0, true)
	if err != nil {
		t.Fatalf("SelectLadder: %v", err)
	}
	sub := g.Subgraph(sel)
	c, r := countKinds(sub)
	if len(sub.Roles()) != len(sel.Roles) || c+r != len(sel.Moves) || c == 0 || r == 0 {
		t.Fatalf("ladder subgraph: %d roles, %d career and %d related moves; selection has %d roles, %d moves",
			len(sub.Roles()), c, r, len(sel.Roles), len(sel.Moves))
	}
	return []fixture{
		{"seeds", g, seedRoles, seedCareer, seedRelated},
		{"seeds-ladder", sub, len(sel.Roles), c, r},
	}
}

func TestGoldenSeeds(t *testing.T) {
	g := seedGraph(t)
	for _, f := range export.Formats() {
		t.Run(f.Name, func(t *testing.T) {
			checkGolden(t, goldenName("seeds", f), writeFormat(t, f, g))
		})
	}
	t.Run("gexf-1.2draft", func(t *testing.T) {
		var buf bytes.Buffer
		if err := export.WriteGEXF(&buf, g, "1.2draft"); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, "seeds-1.2draft.gexf", buf.Bytes())
	})
}
