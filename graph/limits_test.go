package graph_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"careergraph/graph"
)

// TestOptionLimits checks that every option a search packs into its
// 64-bit keys is validated, with an error naming the limit, instead of
// overflowing.
func TestOptionLimits(t *testing.T) {
	g := newTestGraph(t, nil, "A -> B", "B -> C", "A -- C")
	tests := []struct {
		name  string
		run   func() error
		limit int // named in the error; 0: no error wanted
	}{
		{"Paths k=0", func() error { _, err := g.Paths("A", "C", 0, graph.PathOptions{}); return err }, graph.MaxPaths},
		{"Paths k=MaxPaths+1", func() error { _, err := g.Paths("A", "C", graph.MaxPaths+1, graph.PathOptions{}); return err }, graph.MaxPaths},
		{"Paths k=1000000", func() error { _, err := g.Paths("A", "C", 1_000_000, graph.PathOptions{}); return err }, graph.MaxPaths},
		{"Paths k=MaxPaths", func() error { _, err := g.Paths("A", "C", graph.MaxPaths, graph.PathOptions{}); return err }, 0},
		{"Reach max cost 2147483648", func() error { _, err := g.Reach("A", graph.ReachOptions{MaxCost: 2147483648}); return err }, graph.MaxReachCost},
		{"Reach max cost -1", func() error { _, err := g.Reach("A", graph.ReachOptions{MaxCost: -1}); return err }, graph.MaxReachCost},
		{"Reach max cost MaxReachCost", func() error { _, err := g.Reach("A", graph.ReachOptions{MaxCost: graph.MaxReachCost}); return err }, 0},
		{"Reach lateral cost", func() error {
			_, err := g.Reach("A", graph.ReachOptions{LateralCost: graph.MaxLateralCost + 1})
			return err
		}, graph.MaxLateralCost},
		{"Path lateral cost", func() error {
			_, err := g.Path("A", "C", graph.PathOptions{LateralCost: 1 << 40})
			return err
		}, graph.MaxLateralCost},
	}
	for _, tt := range tests {
		err := tt.run()
		if tt.limit == 0 {
			if err != nil {
				t.Errorf("%s: %v; want no error", tt.name, err)
			}
			continue
		}
		if !errors.Is(err, graph.ErrBadOption) || !strings.Contains(err.Error(), strconv.Itoa(tt.limit)) {
			t.Errorf("%s: %v; want ErrBadOption naming %d", tt.name, err, tt.limit)
		}
	}
}

// TestReachMaxCostAtLimit checks that the greatest max cost still counts
// as a limit above every route, not as an overflowed one below them all.
func TestReachMaxCostAtLimit(t *testing.T) {
	g := newTestGraph(t, nil, "A -> B", "B -> C")
	got, err := g.Reach("A", graph.ReachOptions{MaxCost: graph.MaxReachCost})
	if err != nil || len(got) != 2 {
		t.Errorf("Reach(A, MaxCost %d) = %v, %v; want B and C", graph.MaxReachCost, got, err)
	}
}
