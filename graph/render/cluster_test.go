package render

import (
	"slices"
	"testing"

	"careergraph/graph"
)

// TestClusters checks how render all groups roles: documented roles by
// their classification, roles only mentioned with the classification their
// nearest classified neighbours share, and outside every box when those
// neighbours disagree.
func TestClusters(t *testing.T) {
	a, b := []string{"Class A"}, []string{"Class B"}
	g := build(t, []roleSpec{
		{name: "A1", class: a, documented: true},
		{name: "A2", class: a, documented: true},
		{name: "B1", class: b, documented: true},
		{name: "Near A"},   // next to A1 only
		{name: "Far A"},    // next to Near A only: joins in the second round
		{name: "Between"},  // next to A2 and B1
		{name: "Beyond"},   // next to Between only: stays out with it
		{name: "Isolated"}, // no moves
	}, []string{
		"Near A > A1",
		"Far A > Near A",
		"A2 > Between",
		"B1 ~ Between",
		"Between > Beyond",
	})
	d, err := newDrawing(g, selectAll(g, graph.SelectionAll, "All roles"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, c := range d.clusters {
		for _, i := range c.nodes {
			got[c.label] = append(got[c.label], d.nodes[i].role.Name)
		}
		slices.Sort(got[c.label])
	}
	want := map[string][]string{
		"Class A": {"A1", "A2", "Far A", "Near A"},
		"Class B": {"B1"},
	}
	for label, names := range want {
		if !slices.Equal(got[label], names) {
			t.Errorf("cluster %q = %q; want %q", label, got[label], names)
		}
	}
	if len(got) != len(want) {
		t.Errorf("clusters = %v; want %v", got, want)
	}
}
