package graph_test

import (
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"careergraph/graph"
)

var pathGraph = []string{
	"A -> B",
	"B -> C",
	"C -> D",
	"A -- E",
	"E -> D",
	"F -- C",
	"X",
}

func TestPath(t *testing.T) {
	g := newTestGraph(t, nil, pathGraph...)
	tests := []struct {
		from, to string
		opt      graph.PathOptions
		want     string
	}{
		{"A", "B", graph.PathOptions{}, "A -> B =1"},
		// Equal cost: the route with fewer steps wins.
		{"A", "D", graph.PathOptions{}, "A -- E -> D =3"},
		{"A", "D", graph.PathOptions{CareerOnly: true}, "A -> B -> C -> D =3"},
		{"A", "D", graph.PathOptions{LateralCost: 1}, "A -- E -> D =2"},
		{"A", "D", graph.PathOptions{LateralCost: 5}, "A -> B -> C -> D =3"},
		{"A", "D", graph.PathOptions{Avoid: []string{"E"}}, "A -> B -> C -> D =3"},
		{"A", "D", graph.PathOptions{Avoid: []string{"B", "X"}}, "A -- E -> D =3"},
		// Related moves taken against their written direction.
		{"C", "F", graph.PathOptions{}, "C <- F =2"},
		{"E", "A", graph.PathOptions{}, "E <- A =2"},
		{"B", "F", graph.PathOptions{}, "B -> C <- F =3"},
		{"F", "D", graph.PathOptions{}, "F -- C -> D =3"},
		{"A", "A", graph.PathOptions{}, "=0"},
	}
	for _, tt := range tests {
		r, err := g.Path(tt.from, tt.to, tt.opt)
		if err != nil {
			t.Errorf("Path(%q, %q, %+v): %v", tt.from, tt.to, tt.opt, err)
			continue
		}
		if got := routeString(r); got != tt.want {
			t.Errorf("Path(%q, %q, %+v) = %v; want %v", tt.from, tt.to, tt.opt, got, tt.want)
		}
	}
}

func TestPathSources(t *testing.T) {
	g := newTestGraph(t, nil, pathGraph...)
	r, err := g.Path("B", "F", graph.PathOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]graph.Source{{{File: "spec", Line: 2}}, {{File: "spec", Line: 6}}}
	for i, s := range r.Steps {
		if !slices.Equal(s.Sources, want[i]) {
			t.Errorf("Path(B, F) step %d sources = %v; want %v", i, s.Sources, want[i])
		}
	}
	if got, want := r.Roles(), []string{"B", "C", "F"}; !slices.Equal(got, want) {
		t.Errorf("Path(B, F).Roles() = %v; want %v", got, want)
	}
}

func TestPathErrors(t *testing.T) {
	g := newTestGraph(t, nil, pathGraph...)
	tests := []struct {
		from, to string
		opt      graph.PathOptions
		is       error  // nil: any error
		msg      string // a part of the message
	}{
		{"A", "X", graph.PathOptions{}, graph.ErrNoPath, `no route from "A" to "X": no path`},
		{"D", "A", graph.PathOptions{}, graph.ErrNoPath, "no route"},
		{"C", "F", graph.PathOptions{CareerOnly: true}, graph.ErrNoPath, "no route"},
		{"A", "D", graph.PathOptions{Avoid: []string{"C", "E"}}, graph.ErrNoPath, "no route"},
		{"Z", "A", graph.PathOptions{}, graph.ErrNotFound, `"Z"`},
		{"A", "Z", graph.PathOptions{}, graph.ErrNotFound, `"Z"`},
		{"A", "D", graph.PathOptions{Avoid: []string{"Z"}}, graph.ErrNotFound, "avoid"},
		{"A", "D", graph.PathOptions{Avoid: []string{"A"}}, nil, `cannot avoid "A"`},
		{"A", "D", graph.PathOptions{Avoid: []string{"D"}}, nil, `cannot avoid "D"`},
	}
	for _, tt := range tests {
		r, err := g.Path(tt.from, tt.to, tt.opt)
		if err == nil {
			t.Errorf("Path(%q, %q, %+v) = %v; want an error", tt.from, tt.to, tt.opt, routeString(r))
			continue
		}
		if tt.is != nil && !errors.Is(err, tt.is) {
			t.Errorf("Path(%q, %q, %+v) error %q; want one that wraps %v", tt.from, tt.to, tt.opt, err, tt.is)
		}
		if !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("Path(%q, %q, %+v) error %q; want it to say %q", tt.from, tt.to, tt.opt, err, tt.msg)
		}
		if _, err := g.Paths(tt.from, tt.to, 3, tt.opt); err == nil || tt.is != nil && !errors.Is(err, tt.is) {
			t.Errorf("Paths(%q, %q, 3, %+v) error %v; want one that wraps %v", tt.from, tt.to, tt.opt, err, tt.is)
		}
	}
}

func TestPathTies(t *testing.T) {
	tests := []struct {
		lines    []string
		from, to string
		opt      graph.PathOptions
		want     string
	}{
		// Two routes of equal cost and steps: the lower IDs win.
		{[]string{"A -> C", "A -> B", "C -> D", "B -> D"}, "A", "D", graph.PathOptions{}, "A -> B -> D =2"},
		{[]string{"A -> B", "A -> C", "C -> D", "B -> E", "E -> F", "D -> F"}, "A", "F", graph.PathOptions{}, "A -> B -> E -> F =3"},
		// The choice is made at the first role where routes part, not by
		// the last role before the end.
		{[]string{"A -> B", "A -> C", "B -> Z", "C -> Y", "Z -> T", "Y -> T"}, "A", "T", graph.PathOptions{}, "A -> B -> Z -> T =3"},
		// Equal cost: fewer steps.
		{[]string{"A -> B", "B -> D", "A -- D"}, "A", "D", graph.PathOptions{}, "A -- D =2"},
		// Career before related between the same two roles.
		{[]string{"P -- Q", "P -> Q"}, "P", "Q", graph.PathOptions{LateralCost: 1}, "P -> Q =1"},
		// Two related moves between the same roles: along the written
		// direction first.
		{[]string{"Q -- P", "P -- Q"}, "P", "Q", graph.PathOptions{}, "P -- Q =2"},
	}
	for _, tt := range tests {
		for i := range 50 {
			lines := slices.Clone(tt.lines)
			if i%2 == 1 {
				slices.Reverse(lines)
			}
			g := newTestGraph(t, nil, lines...)
			r, err := g.Path(tt.from, tt.to, tt.opt)
			if err != nil {
				t.Fatalf("Path(%q, %q): %v", tt.from, tt.to, err)
			}
			if got := routeString(r); got != tt.want {
				t.Errorf("Path(%q, %q) on %v (run %d) = %v; want %v", tt.from, tt.to, lines, i, got, tt.want)
				break
			}
		}
	}
}

func TestPaths(t *testing.T) {
	g := newTestGraph(t, nil,
		"S -> A", "A -> T", "S -> B", "B -> T", "S -- T",
		"S -> C", "C -> D", "D -> T", "A -> B",
	)
	all := []string{
		"S -- T =2",
		"S -> A -> T =2",
		"S -> B -> T =2",
		"S -> A -> B -> T =3",
		"S -> C -> D -> T =3",
	}
	for k := 1; k <= 7; k++ {
		rs, err := g.Paths("S", "T", k, graph.PathOptions{})
		if err != nil {
			t.Fatalf("Paths(S, T, %d): %v", k, err)
		}
		want := all[:min(k, len(all))]
		if got := routeStrings(rs); !slices.Equal(got, want) {
			t.Errorf("Paths(%q, %q, %d) = %v; want %v", "S", "T", k, got, want)
		}
	}
	rs, err := g.Paths("S", "T", 3, graph.PathOptions{CareerOnly: true, Avoid: []string{"B"}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := routeStrings(rs), []string{"S -> A -> T =2", "S -> C -> D -> T =3"}; !slices.Equal(got, want) {
		t.Errorf("Paths(S, T, 3, career only, avoid B) = %v; want %v", got, want)
	}
	if _, err := g.Paths("S", "T", 0, graph.PathOptions{}); err == nil {
		t.Errorf("Paths(S, T, 0) gave no error")
	}
	rs, err = g.Paths("S", "S", 2, graph.PathOptions{})
	if err != nil || len(rs) != 1 || len(rs[0].Steps) != 0 {
		t.Errorf("Paths(S, S, 2) = %v, %v; want one empty route", routeStrings(rs), err)
	}
}

// randomGraphLines returns n role names A, B, … and the lines of a graph
// of them with up to tries random moves, a third of them related, every
// role listed so that none is left out.
func randomGraphLines(rng *rand.Rand, n, tries int) (names, lines []string) {
	names = make([]string, n)
	for i := range names {
		names[i] = string(rune('A' + i))
	}
	for range tries {
		a, b := rng.IntN(n), rng.IntN(n)
		if a == b {
			continue
		}
		op := "->"
		if rng.IntN(3) == 0 {
			op = "--"
		}
		lines = append(lines, names[a]+" "+op+" "+names[b])
	}
	return names, append(lines, names...)
}

// TestPathsBruteForce compares Path and Paths with every loop-free route
// of small random graphs, enumerated and sorted the slow way.
func TestPathsBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 2000 {
		n := 3 + rng.IntN(6)
		names, lines := randomGraphLines(rng, n, n+rng.IntN(3*n))
		g := newTestGraph(t, nil, lines...)
		opt := graph.PathOptions{CareerOnly: rng.IntN(4) == 0, LateralCost: rng.IntN(4)}
		i, j := rng.IntN(n), rng.IntN(n-1)
		if j >= i {
			j++
		}
		from, to := names[i], names[j]
		if rng.IntN(3) == 0 {
			if v := names[rng.IntN(n)]; v != from && v != to {
				opt.Avoid = []string{v}
			}
		}
		want := bruteRoutes(g, from, to, opt)
		k := 1 + rng.IntN(8)
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
		for _, r := range rs {
			checkRoute(t, g, r, opt)
		}
		if got, want := routeStrings(rs), want[:min(k, len(want))]; !slices.Equal(got, want) {
			t.Errorf("trial %d: Paths(%q, %q, %d, %+v) on %v = %v; want %v", trial, from, to, k, opt, lines, got, want)
		}
		r, err := g.Path(from, to, opt)
		if got := routeString(r); err != nil || got != want[0] {
			t.Errorf("trial %d: Path(%q, %q, %+v) on %v = %v, %v; want %v", trial, from, to, opt, lines, got, err, want[0])
		}
	}
}

// bruteRoutes returns every loop-free route from one role to another as
// routeString writes it, in the order Paths promises.
func bruteRoutes(g *graph.Graph, from, to string, opt graph.PathOptions) []string {
	lat := opt.LateralCost
	if lat <= 0 {
		lat = graph.DefaultLateralCost
	}
	type edge struct {
		cost int
		op   string
	}
	// best[u][v]: the cheapest move from u to v, career before related.
	best := map[string]map[string]edge{}
	add := func(u, v string, e edge) {
		if best[u] == nil {
			best[u] = map[string]edge{}
		}
		if old, ok := best[u][v]; !ok || e.cost < old.cost || e.cost == old.cost && e.op == " -> " && old.op != " -> " {
			best[u][v] = e
		}
	}
	for _, m := range g.Moves() {
		if m.Kind == graph.Career {
			add(m.From, m.To, edge{1, " -> "})
		} else if !opt.CareerOnly {
			add(m.From, m.To, edge{lat, " -- "})
			add(m.To, m.From, edge{lat, " <- "})
		}
	}
	type found struct {
		roles []string
		text  string
		cost  int
	}
	var all []found
	onRoute := map[string]bool{}
	for _, a := range opt.Avoid {
		onRoute[a] = true
	}
	var walk func(u string, roles []string, text string, cost int)
	walk = func(u string, roles []string, text string, cost int) {
		if u == to {
			all = append(all, found{slices.Clone(roles), fmt.Sprintf("%s =%d", text, cost), cost})
			return
		}
		onRoute[u] = true
		for v, e := range best[u] {
			if !onRoute[v] {
				walk(v, append(roles, v), text+e.op+v, cost+e.cost)
			}
		}
		onRoute[u] = false
	}
	walk(from, []string{from}, from, 0)
	slices.SortFunc(all, func(a, b found) int {
		return cmp.Or(cmp.Compare(a.cost, b.cost), cmp.Compare(len(a.roles), len(b.roles)), slices.Compare(a.roles, b.roles))
	})
	out := make([]string, len(all))
	for i, f := range all {
		out[i] = f.text
	}
	return out
}

// checkRoute checks that every step of r is a move of g taken the way the
// step says and that the cost adds up.
func checkRoute(t *testing.T, g *graph.Graph, r graph.Route, opt graph.PathOptions) {
	t.Helper()
	lat := cmp.Or(max(opt.LateralCost, 0), graph.DefaultLateralCost)
	cost := 0.0
	for _, s := range r.Steps {
		m := graph.Move{From: s.From, To: s.To, Kind: s.Kind}
		if s.Against {
			m.From, m.To = s.To, s.From
		}
		i, ok := slices.BinarySearchFunc(g.Moves(), m, func(a, b graph.Move) int {
			return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To), cmp.Compare(a.Kind, b.Kind))
		})
		if !ok || s.Against && s.Kind == graph.Career {
			t.Errorf("route %v: step %+v is no move of the graph", routeString(r), s)
			continue
		}
		if !slices.Equal(g.Moves()[i].Sources, s.Sources) {
			t.Errorf("route %v: step %v→%v sources %v; want %v", routeString(r), s.From, s.To, s.Sources, g.Moves()[i].Sources)
		}
		want := float64(lat)
		if s.Kind == graph.Career {
			want = 1
		}
		if s.Cost != want {
			t.Errorf("route %v: step %v→%v costs %g; want %g", routeString(r), s.From, s.To, s.Cost, want)
		}
		cost += s.Cost
	}
	if cost != r.Cost {
		t.Errorf("route %v: cost %g; steps add up to %g", routeString(r), r.Cost, cost)
	}
}

// TestPathAgreesWithReach checks the bidirectional search of Path against
// the one-way search of Reach on a larger random graph: the same cost and
// number of steps to every role, forward and in reverse.
func TestPathAgreesWithReach(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const n = 300
	var lines []string
	for range 3 * n / 2 {
		a, b := rng.IntN(n), rng.IntN(n)
		if a == b {
			continue
		}
		op := "->"
		if rng.IntN(4) == 0 {
			op = "--"
		}
		lines = append(lines, fmt.Sprintf("R%03d %s R%03d", a, op, b))
	}
	g := newTestGraph(t, nil, lines...)
	for _, opt := range []graph.ReachOptions{{}, {CareerOnly: true}, {LateralCost: 3}, {Reverse: true}} {
		for range 10 {
			from := g.Roles()[rng.IntN(len(g.Roles()))].ID
			reached, err := g.Reach(from, opt)
			if err != nil {
				t.Fatal(err)
			}
			// A bound keeps the order: a prefix of the unbounded answer.
			for _, max := range []int{1, 2, 4} {
				bopt := opt
				bopt.MaxCost = max
				bounded, err := g.Reach(from, bopt)
				n := 0
				for n < len(reached) && reached[n].Cost <= float64(max) {
					n++
				}
				if err != nil || !slices.Equal(bounded, reached[:n]) {
					t.Errorf("Reach(%q, %+v) = %v, %v; want %v", from, bopt, reachedStrings(bounded), err, reachedStrings(reached[:n]))
				}
			}
			popt := graph.PathOptions{CareerOnly: opt.CareerOnly, LateralCost: opt.LateralCost}
			got := map[string]bool{}
			for _, r := range reached {
				got[r.Role] = true
				a, b := from, r.Role
				if opt.Reverse {
					a, b = b, a
				}
				route, err := g.Path(a, b, popt)
				if err != nil || route.Cost != r.Cost || len(route.Steps) != r.Steps {
					t.Errorf("Path(%q, %q, %+v) = %v, %v; Reach says cost %g in %d steps", a, b, popt, routeString(route), err, r.Cost, r.Steps)
				}
			}
			for _, role := range g.Roles() {
				if role.ID == from || got[role.ID] {
					continue
				}
				a, b := from, role.ID
				if opt.Reverse {
					a, b = b, a
				}
				if _, err := g.Path(a, b, popt); !errors.Is(err, graph.ErrNoPath) {
					t.Errorf("Path(%q, %q, %+v) error %v; Reach finds no route", a, b, popt, err)
				}
			}
		}
	}
}

// TestConcurrentQueries runs queries from many goroutines at once (run it
// with -race): each must give the answer it gives alone.
func TestConcurrentQueries(t *testing.T) {
	g := newTestGraph(t, nil, pathGraph...)
	ids := []string{"A", "B", "C", "D", "E", "F", "X"}
	want := map[[2]string]string{}
	for _, a := range ids {
		for _, b := range ids {
			r, err := g.Path(a, b, graph.PathOptions{})
			want[[2]string{a, b}] = fmt.Sprint(routeString(r), err)
		}
	}
	errs := make(chan string, 8)
	for range 8 {
		go func() {
			var bad string
			for range 50 {
				for _, a := range ids {
					for _, b := range ids {
						r, err := g.Path(a, b, graph.PathOptions{})
						if got := fmt.Sprint(routeString(r), err); got != want[[2]string{a, b}] && bad == "" {
							bad = fmt.Sprintf("Path(%q, %q) = %v; want %v", a, b, got, want[[2]string{a, b}])
						}
					}
					g.Reach(a, graph.ReachOptions{})
				}
			}
			errs <- bad
		}()
	}
	for range 8 {
		if bad := <-errs; bad != "" {
			t.Error(bad)
		}
	}
}
