package graph_test

import (
	"strconv"
	"strings"
	"testing"

	"careergraph/graph"
)

// newWeightedGraph builds a graph from lines such as "A -> B 1.25" (a
// career move of its own cost), "B -- C 2.3" (a related one), "A -> B"
// (the kind's default cost) and "A@3" (role A at level 3; a role is
// written with its level the first time it appears).
func newWeightedGraph(t testing.TB, lines ...string) *graph.Graph {
	t.Helper()
	var b graph.Builder
	handle := map[string]int{}
	role := func(w string) int {
		name, level, _ := strings.Cut(w, "@")
		if h, ok := handle[name]; ok {
			return h
		}
		lv, _ := strconv.Atoi(level)
		handle[name] = b.AddRole(graph.Role{ID: name, Name: name, Level: lv})
		return handle[name]
	}
	for n, line := range lines {
		f := strings.Fields(line)
		if len(f) == 1 {
			role(f[0])
			continue
		}
		m := graph.Move{Kind: graph.Career, Sources: []graph.Source{{File: "spec", Line: n + 1}}}
		if f[1] == "--" {
			m.Kind = graph.Related
		}
		if len(f) == 4 {
			c, err := strconv.ParseFloat(f[3], 64)
			if err != nil {
				t.Fatalf("bad cost in %q", line)
			}
			m.Milli = int32(c*1000 + 0.5)
			m.Attrs = &graph.MoveAttrs{Note: line}
		}
		b.AddMoveOf(role(f[0]), role(f[2]), m)
	}
	g, err := b.Build()
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return g
}

func TestWeightedPaths(t *testing.T) {
	g := newWeightedGraph(t,
		"A@1 -> B@2 1.2", "B -> D@4 1.2", // 2.4 by B
		"A -> C@3 1.1", "C -> D 1.35", // 2.45 by C
		"A -- D 2.5",   // 2.5 by a related move
		"D -> E@2",     // down a level, at the default cost 1
		"E -- F 2.001", // F has no level
	)
	tests := []struct {
		from, to string
		opt      graph.PathOptions
		want     string
	}{
		{"A", "D", graph.PathOptions{}, "A -> B -> D =2.4"},
		{"A", "D", graph.PathOptions{Avoid: []string{"B"}}, "A -> C -> D =2.45"},
		{"A", "D", graph.PathOptions{Avoid: []string{"B", "C"}}, "A -- D =2.5"},
		// The lateral cost scales related moves at the default cost only.
		{"A", "D", graph.PathOptions{Avoid: []string{"B", "C"}, LateralCost: 9}, "A -- D =2.5"},
		{"D", "F", graph.PathOptions{}, "D -> E -- F =3.001"},
		{"A", "E", graph.PathOptions{}, "A -> B -> D -> E =3.4"},
	}
	for _, tt := range tests {
		r, err := g.Path(tt.from, tt.to, tt.opt)
		if got := routeString(r); err != nil || got != tt.want {
			t.Errorf("Path(%q, %q, %+v) = %v, %v; want %v", tt.from, tt.to, tt.opt, got, err, tt.want)
		}
		var sum float64
		for _, s := range r.Steps {
			sum += s.Cost
		}
		if len(r.Steps) > 0 && strconv.FormatFloat(sum, 'f', 3, 64) != strconv.FormatFloat(r.Cost, 'f', 3, 64) {
			t.Errorf("Path(%q, %q): steps add up to %g; route costs %g", tt.from, tt.to, sum, r.Cost)
		}
	}
	if _, err := g.Path("A", "E", graph.PathOptions{NoDown: true}); err == nil {
		t.Errorf("Path(A, E, NoDown) found a route; want none: every way to E goes down from D")
	}
	routes, err := g.Paths("A", "D", 3, graph.PathOptions{})
	var got []string
	for _, r := range routes {
		got = append(got, routeString(r))
	}
	if want := "A -> B -> D =2.4|A -> C -> D =2.45|A -- D =2.5"; err != nil || strings.Join(got, "|") != want {
		t.Errorf("Paths(A, D, 3) = %v, %v; want %v", got, err, want)
	}
	reached, err := g.Reach("A", graph.ReachOptions{NoDown: true})
	if got := strings.Join(reachedStrings(reached), " "); err != nil || got != "C=1.1/1 B=1.2/1 D=2.4/2" {
		t.Errorf("Reach(A, NoDown) = %v, %v", got, err)
	}
	// A spread of costs too wide for Dial's buckets: the heap search.
	reached, err = g.Reach("A", graph.ReachOptions{LateralCost: graph.MaxLateralCost})
	if got := strings.Join(reachedStrings(reached), " "); err != nil || got != "C=1.1/1 B=1.2/1 D=2.4/2 E=3.4/3 F=5.401/4" {
		t.Errorf("Reach(A, lateral cost %d) = %v, %v", graph.MaxLateralCost, got, err)
	}
	// Both searches say which kinds of move each cheapest route takes.
	for _, lateral := range []int{graph.MaxLateralCost, 0} { // the heap search first, after one that reached fewer roles
		reached, err = g.Reach("A", graph.ReachOptions{LateralCost: lateral})
		var via []string
		for _, r := range reached {
			via = append(via, r.Role+":"+r.Via.String())
		}
		if got, want := strings.Join(via, " "), "C:career B:career D:career E:career F:both"; err != nil || got != want {
			t.Errorf("Reach(A, lateral cost %d) kinds = %v, %v; want %v", lateral, got, err, want)
		}
	}
}

func TestMergedMoveCost(t *testing.T) {
	// A move added twice keeps the sources of both and the cheaper cost;
	// the default cost wins a tie.
	g := newWeightedGraph(t, "A -> B 1.5", "A -> B 1.2", "C -- D 2", "C -- D", "E -- F 2.3", "E -- F")
	want := map[string]struct {
		milli int32
		attrs bool
	}{"A": {1200, true}, "C": {0, true}, "E": {0, true}}
	for _, m := range g.Moves() {
		w := want[m.From]
		if m.Milli != w.milli || (m.Attrs != nil) != w.attrs || len(m.Sources) != 2 {
			t.Errorf("move %s→%s: Milli %d, Attrs %v, %d sources; want %d, attrs %v, 2 sources", m.From, m.To, m.Milli, m.Attrs, len(m.Sources), w.milli, w.attrs)
		}
	}
	if got := g.Moves()[0].Cost(); got != 1.2 {
		t.Errorf("Cost() = %g; want 1.2", got)
	}
}

// TestNoDownRelatedMoves: a related move goes down a level or not by the
// way it is travelled, with its written direction or against it, and
// each side of the index says so: the route search takes arcs out of
// roles forward and into them backward, reach out of or (Reverse) into.
func TestNoDownRelatedMoves(t *testing.T) {
	g := newWeightedGraph(t, "A@1 -- B@3", "B -> C@4")
	noDown := graph.PathOptions{NoDown: true}
	for _, tt := range []struct {
		from, to string
		opt      graph.PathOptions
		want     string // "" for no route
	}{
		{"A", "B", noDown, "A -- B =2"},
		{"A", "C", noDown, "A -- B -> C =3"},
		{"B", "A", graph.PathOptions{}, "B <- A =2"},
		{"B", "A", noDown, ""},
	} {
		r, err := g.Path(tt.from, tt.to, tt.opt)
		if got := routeString(r); tt.want == "" && err == nil || tt.want != "" && (err != nil || got != tt.want) {
			t.Errorf("Path(%s, %s, %+v) = %q, %v; want %q", tt.from, tt.to, tt.opt, got, err, tt.want)
		}
	}
	for _, tt := range []struct {
		start   string
		reverse bool
		want    string
	}{
		{"A", false, "B=2/1 C=3/2"},
		{"B", false, "C=1/1"},
		{"A", true, ""},
		{"B", true, "A=2/1"},
	} {
		reached, err := g.Reach(tt.start, graph.ReachOptions{NoDown: true, Reverse: tt.reverse})
		if got := strings.Join(reachedStrings(reached), " "); err != nil || got != tt.want {
			t.Errorf("Reach(%s, NoDown, Reverse %v) = %q, %v; want %q", tt.start, tt.reverse, got, err, tt.want)
		}
	}
}
