package graph_test

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"careergraph/graph"
)

func reachedStrings(rs []graph.Reached) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = fmt.Sprintf("%s=%g/%d", r.Role, r.Cost, r.Steps)
	}
	return out
}

func moveStrings(ms []graph.Move) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		op := "->"
		if m.Kind == graph.Related {
			op = "--"
		}
		out[i] = m.From + " " + op + " " + m.To
	}
	return out
}

func TestReach(t *testing.T) {
	g := newTestGraph(t, nil, pathGraph...)
	tests := []struct {
		from string
		opt  graph.ReachOptions
		want []string // role=cost/steps
	}{
		{"A", graph.ReachOptions{}, []string{"B=1/1", "C=2/2", "E=2/1", "D=3/2", "F=4/3"}},
		{"A", graph.ReachOptions{CareerOnly: true}, []string{"B=1/1", "C=2/2", "D=3/3"}},
		{"A", graph.ReachOptions{MaxCost: 2}, []string{"B=1/1", "C=2/2", "E=2/1"}},
		{"A", graph.ReachOptions{LateralCost: 1}, []string{"B=1/1", "E=1/1", "C=2/2", "D=2/2", "F=3/3"}},
		{"D", graph.ReachOptions{Reverse: true}, []string{"C=1/1", "E=1/1", "B=2/2", "A=3/2", "F=3/2"}},
		{"D", graph.ReachOptions{Reverse: true, CareerOnly: true}, []string{"C=1/1", "E=1/1", "B=2/2", "A=3/3"}},
		{"D", graph.ReachOptions{}, []string{}},
		{"X", graph.ReachOptions{Reverse: true}, []string{}},
	}
	for _, tt := range tests {
		rs, err := g.Reach(tt.from, tt.opt)
		if err != nil {
			t.Errorf("Reach(%q, %+v): %v", tt.from, tt.opt, err)
			continue
		}
		if got := reachedStrings(rs); !slices.Equal(got, tt.want) {
			t.Errorf("Reach(%q, %+v) = %v; want %v", tt.from, tt.opt, got, tt.want)
		}
	}
	if _, err := g.Reach("Z", graph.ReachOptions{}); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Reach(%q) error %v; want ErrNotFound", "Z", err)
	}
}

func TestReachSortsByName(t *testing.T) {
	// IDs and display names sort differently.
	var b graph.Builder
	s := b.AddRole(graph.Role{ID: "s", Name: "Start"})
	x := b.AddRole(graph.Role{ID: "a", Name: "Zoo keeper"})
	y := b.AddRole(graph.Role{ID: "b", Name: "Keeper"})
	b.AddMove(s, x, graph.Career)
	b.AddMove(s, y, graph.Career)
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	rs, err := g.Reach("s", graph.ReachOptions{})
	if got, want := reachedStrings(rs), []string{"b=1/1", "a=1/1"}; err != nil || !slices.Equal(got, want) {
		t.Errorf("Reach(%q) = %v, %v; want %v", "s", got, err, want)
	}
}

var ladderGraph = []string{
	"J -> S",
	"S -> L",
	"L -> M",
	"I -> S",
	"K -> J",
	"M -> D",
	"S -- Q",
	"Q -> L",
}

func TestLadder(t *testing.T) {
	g := newTestGraph(t, nil, ladderGraph...)
	tests := []struct {
		lines        []string
		id           string
		depth        int
		below, above [][]string
		moves        []string
	}{
		{ladderGraph, "S", 0, [][]string{{"I", "J"}, {"K"}}, [][]string{{"L"}, {"M"}, {"D"}},
			[]string{"I -> S", "J -> S", "K -> J", "L -> M", "M -> D", "S -> L"}},
		{ladderGraph, "S", 1, [][]string{{"I", "J"}}, [][]string{{"L"}},
			[]string{"I -> S", "J -> S", "S -> L"}},
		{ladderGraph, "S", 2, [][]string{{"I", "J"}, {"K"}}, [][]string{{"L"}, {"M"}},
			[]string{"I -> S", "J -> S", "K -> J", "L -> M", "S -> L"}},
		{ladderGraph, "K", 0, [][]string{}, [][]string{{"J"}, {"S"}, {"L"}, {"M"}, {"D"}},
			[]string{"J -> S", "K -> J", "L -> M", "M -> D", "S -> L"}},
		{ladderGraph, "Q", 0, [][]string{}, [][]string{{"L"}, {"M"}, {"D"}},
			[]string{"L -> M", "M -> D", "Q -> L"}},
		{[]string{"A -> B", "B -> A", "B -> C"}, "A", 0, [][]string{{"B"}}, [][]string{{"B"}, {"C"}},
			[]string{"A -> B", "B -> A", "B -> C"}},
		{[]string{"A -- B"}, "A", 0, [][]string{}, [][]string{}, []string{}},
	}
	for _, tt := range tests {
		g := g
		if !slices.Equal(tt.lines, ladderGraph) {
			g = newTestGraph(t, nil, tt.lines...)
		}
		l, err := g.Ladder(tt.id, tt.depth)
		if err != nil {
			t.Errorf("Ladder(%q, %d): %v", tt.id, tt.depth, err)
			continue
		}
		if l.Role != tt.id || !reflect.DeepEqual(l.Below, tt.below) || !reflect.DeepEqual(l.Above, tt.above) {
			t.Errorf("Ladder(%q, %d) = %q below %v above %v; want below %v above %v", tt.id, tt.depth, l.Role, l.Below, l.Above, tt.below, tt.above)
		}
		if got := moveStrings(l.Moves); !slices.Equal(got, tt.moves) {
			t.Errorf("Ladder(%q, %d).Moves = %v; want %v", tt.id, tt.depth, got, tt.moves)
		}
	}
	if _, err := g.Ladder("Z", 0); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Ladder(%q) error %v; want ErrNotFound", "Z", err)
	}
}

func TestGap(t *testing.T) {
	profiles := map[string]*graph.Profile{
		"Clerk": {RequiredSkills: []string{"Typing", "Filing"}, RecommendedSkills: []string{"Excel"}},
		"Chief": {
			RequiredSkills:    []string{"typing", "Leadership"},
			RecommendedSkills: []string{"Budgeting", "leadership"},
			Qualifications:    []string{"Civil Service Exam"},
		},
		"Director": {RequiredSkills: []string{"Leadership", "Strategy"}, Qualifications: []string{"Civil Service Exam", "MBA"}},
		"Twin":     {RequiredSkills: []string{"Typing"}, RecommendedSkills: []string{"Excel", "Filing"}},
	}
	g := newTestGraph(t, profiles, "Clerk -> Chief", "Chief -> Deputy", "Deputy -> Director", "Clerk -- Twin")
	tests := []struct {
		from, to string
		want     []graph.Gap
	}{
		{"Clerk", "Director", []graph.Gap{
			{From: "Clerk", To: "Chief", Skills: []string{"Leadership", "Budgeting"}, Qualifications: []string{"Civil Service Exam"}},
			{From: "Clerk", To: "Director", Skills: []string{"Leadership", "Strategy"}, Qualifications: []string{"Civil Service Exam", "MBA"}},
		}},
		{"Clerk", "Chief", []graph.Gap{
			{From: "Clerk", To: "Chief", Skills: []string{"Leadership", "Budgeting"}, Qualifications: []string{"Civil Service Exam"}},
		}},
		{"Chief", "Director", []graph.Gap{
			{From: "Chief", To: "Director", Skills: []string{"Strategy"}, Qualifications: []string{"MBA"}},
		}},
		{"Chief", "Deputy", []graph.Gap{}},
		{"Clerk", "Twin", []graph.Gap{{From: "Clerk", To: "Twin", Skills: []string{}, Qualifications: []string{}}}},
		{"Clerk", "Clerk", []graph.Gap{}},
	}
	for _, tt := range tests {
		r, gaps, err := g.Gap(tt.from, tt.to, graph.PathOptions{})
		if err != nil {
			t.Errorf("Gap(%q, %q): %v", tt.from, tt.to, err)
			continue
		}
		if want, _ := g.Path(tt.from, tt.to, graph.PathOptions{}); routeString(r) != routeString(want) {
			t.Errorf("Gap(%q, %q) route = %v; want %v", tt.from, tt.to, routeString(r), routeString(want))
		}
		if !reflect.DeepEqual(gaps, tt.want) {
			t.Errorf("Gap(%q, %q) = %+v; want %+v", tt.from, tt.to, gaps, tt.want)
		}
	}
	if _, _, err := g.Gap("Director", "Clerk", graph.PathOptions{}); !errors.Is(err, graph.ErrNoPath) {
		t.Errorf("Gap(%q, %q) error %v; want ErrNoPath", "Director", "Clerk", err)
	}
}

func TestStats(t *testing.T) {
	profiles := map[string]*graph.Profile{"A": {}, "B": {}}
	g := newTestGraph(t, profiles, pathGraph...)
	got := g.Stats()
	want := graph.Stats{
		Documents: 2, Roles: 7, Documented: 2,
		Moves:      map[graph.Kind]int{graph.Career: 4, graph.Related: 2},
		Components: 2,
		Hubs: []graph.Hub{
			{Role: "C", Degree: 3}, {Role: "A", Degree: 2}, {Role: "B", Degree: 2},
			{Role: "D", Degree: 2}, {Role: "E", Degree: 2}, {Role: "F", Degree: 1},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Stats() = %+v; want %+v", got, want)
	}

	g = newTestGraph(t, nil, "A -> B", "C", "D", "E -> F", "F -> E")
	got = g.Stats()
	if n, ok := got.Moves[graph.Related]; !ok || n != 0 || got.Moves[graph.Career] != 3 {
		t.Errorf("Stats().Moves = %v; want career 3, related 0", got.Moves)
	}
	if got.Components != 4 || got.Documents != 0 {
		t.Errorf("Stats() = %d components, %d documents; want 4, 0", got.Components, got.Documents)
	}
	if len(got.Hubs) != 4 || got.Hubs[0] != (graph.Hub{Role: "E", Degree: 2}) {
		t.Errorf("Stats().Hubs = %v; want E first of 4", got.Hubs)
	}
}

func TestCareerCycles(t *testing.T) {
	tests := []struct {
		lines []string
		want  [][]string
	}{
		{[]string{"A -> B", "B -> C", "C -> A", "C -> D", "D -> E", "E -> D", "F -- G", "G -- F", "H"},
			[][]string{{"A", "B", "C"}, {"D", "E"}}},
		{[]string{"A -> B", "B -> C", "A -- C", "C -- A"}, [][]string{}},
	}
	for _, tt := range tests {
		g := newTestGraph(t, nil, tt.lines...)
		for range 10 {
			if got := g.CareerCycles(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("CareerCycles() on %v = %v; want %v", tt.lines, got, tt.want)
				break
			}
		}
	}
}

func TestMovesOf(t *testing.T) {
	g := newTestGraph(t, nil, append(pathGraph, "C -- A")...)
	tests := []struct {
		id      string
		out, in []string
	}{
		{"C", []string{"C -- A", "C -> D"}, []string{"B -> C", "F -- C"}},
		{"A", []string{"A -> B", "A -- E"}, []string{"C -- A"}},
		{"X", []string{}, []string{}},
	}
	for _, tt := range tests {
		out, in, err := g.MovesOf(tt.id)
		if err != nil {
			t.Errorf("MovesOf(%q): %v", tt.id, err)
			continue
		}
		if got := moveStrings(out); !slices.Equal(got, tt.out) {
			t.Errorf("MovesOf(%q) out = %v; want %v", tt.id, got, tt.out)
		}
		if got := moveStrings(in); !slices.Equal(got, tt.in) {
			t.Errorf("MovesOf(%q) in = %v; want %v", tt.id, got, tt.in)
		}
	}
	if _, _, err := g.MovesOf("Z"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("MovesOf(%q) error %v; want ErrNotFound", "Z", err)
	}
}

// selString writes the parts of a selection a test compares.
func selString(s graph.Selection) string {
	return fmt.Sprintf("%s %q focus %v roles %v moves %v routes %v",
		s.Kind, s.Title, s.Focus, s.Roles, moveStrings(s.Moves), routeStrings(s.Routes))
}

func TestSelect(t *testing.T) {
	ladder := newTestGraph(t, nil, ladderGraph...)
	paths := newTestGraph(t, nil, "S -> A", "A -> T", "S -> B", "B -> T", "S -- T", "S -> C", "C -> D", "D -> T")
	plain := newTestGraph(t, nil, pathGraph...)
	must := func(s graph.Selection, err error) graph.Selection {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	tests := []struct {
		name string
		got  graph.Selection
		want graph.Selection
	}{
		{"SelectLadder(S, false)", must(ladder.SelectLadder("S", 0, false)), graph.Selection{
			Kind: "ladder", Title: `Career ladder of "S"`, Focus: []string{"S"},
			Roles: []string{"D", "I", "J", "K", "L", "M", "S"},
			Moves: mustMoves(t, ladder, "I -> S", "J -> S", "K -> J", "L -> M", "M -> D", "S -> L"),
		}},
		{"SelectLadder(S, true)", must(ladder.SelectLadder("S", 0, true)), graph.Selection{
			Kind: "ladder", Title: `Career ladder of "S"`, Focus: []string{"S"},
			Roles: []string{"D", "I", "J", "K", "L", "M", "Q", "S"},
			Moves: mustMoves(t, ladder, "I -> S", "J -> S", "K -> J", "L -> M", "M -> D", "S -- Q", "S -> L"),
		}},
		{"SelectPath(S, T, 3)", must(paths.SelectPath("S", "T", 3, graph.PathOptions{})), graph.Selection{
			Kind: "path", Title: `From "S" to "T"`, Focus: []string{"S", "T"},
			Roles:  []string{"A", "B", "S", "T"},
			Moves:  mustMoves(t, paths, "A -> T", "B -> T", "S -> A", "S -> B", "S -- T"),
			Routes: must2(paths.Paths("S", "T", 3, graph.PathOptions{})),
		}},
		{"SelectPath(C, F, 1)", must(plain.SelectPath("C", "F", 1, graph.PathOptions{})), graph.Selection{
			Kind: "path", Title: `From "C" to "F"`, Focus: []string{"C", "F"},
			Roles: []string{"C", "F"}, Moves: mustMoves(t, plain, "F -- C"),
			Routes: must2(plain.Paths("C", "F", 1, graph.PathOptions{})),
		}},
		{"SelectAround(C, 0)", must(plain.SelectAround("C", 0)), graph.Selection{
			Kind: "around", Title: `Within 0 moves of "C"`, Focus: []string{"C"},
			Roles: []string{"C"}, Moves: []graph.Move{},
		}},
		{"SelectAround(C, 1)", must(plain.SelectAround("C", 1)), graph.Selection{
			Kind: "around", Title: `Within 1 move of "C"`, Focus: []string{"C"},
			Roles: []string{"B", "C", "D", "F"}, Moves: mustMoves(t, plain, "B -> C", "C -> D", "F -- C"),
		}},
		{"SelectAround(C, 2)", must(plain.SelectAround("C", 2)), graph.Selection{
			Kind: "around", Title: `Within 2 moves of "C"`, Focus: []string{"C"},
			Roles: []string{"A", "B", "C", "D", "E", "F"}, Moves: plain.Moves(),
		}},
		{"SelectAll()", plain.SelectAll(), graph.Selection{
			Kind: "all", Title: "All roles", Focus: []string{},
			Roles: []string{"A", "B", "C", "D", "E", "F", "X"}, Moves: plain.Moves(),
		}},
	}
	for _, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%s = %s; want %s", tt.name, selString(tt.got), selString(tt.want))
		}
	}
	if _, err := plain.SelectAround("C", -1); err == nil {
		t.Errorf("SelectAround(C, -1) gave no error")
	}
	for _, err := range []error{
		second(plain.SelectAround("Z", 1)), second(plain.SelectLadder("Z", 0, true)),
		second(plain.SelectPath("A", "Z", 1, graph.PathOptions{})),
	} {
		if !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("a selection of unknown role Z: error %v; want ErrNotFound", err)
		}
	}
	if _, err := plain.SelectPath("A", "X", 2, graph.PathOptions{}); !errors.Is(err, graph.ErrNoPath) {
		t.Errorf("SelectPath(A, X, 2) error %v; want ErrNoPath", err)
	}
}

func must2(rs []graph.Route, err error) []graph.Route {
	if err != nil {
		panic(err)
	}
	return rs
}

func second[T any](_ T, err error) error { return err }

// mustMoves returns the moves of g written as moveStrings writes them.
func mustMoves(t *testing.T, g *graph.Graph, want ...string) []graph.Move {
	t.Helper()
	var out []graph.Move
	for _, m := range g.Moves() {
		if slices.Contains(want, moveStrings([]graph.Move{m})[0]) {
			out = append(out, m)
		}
	}
	if len(out) != len(want) {
		t.Fatalf("moves %v: found only %v", want, moveStrings(out))
	}
	return out
}

func TestSubgraph(t *testing.T) {
	var b graph.Builder
	p := &graph.Profile{Summary: "heads a section"}
	h := map[string]int{}
	for _, n := range []string{"Clerk", "Section Chief", "Counsellor", "Director", "Aide"} {
		r := graph.Role{ID: "id-" + n, Name: n}
		if n == "Section Chief" {
			r.Profile, r.Documented, r.Docs = p, true, []string{"chief.txt"}
		}
		h[n] = b.AddRole(r)
	}
	src := graph.Source{File: "chief.txt", Line: 7}
	b.AddMove(h["Clerk"], h["Section Chief"], graph.Career, src)
	b.AddMove(h["Clerk"], h["Counsellor"], graph.Career, src)
	b.AddMove(h["Section Chief"], h["Director"], graph.Career, src)
	b.AddMove(h["Counsellor"], h["Director"], graph.Career, src)
	b.AddMove(h["Section Chief"], h["Aide"], graph.Related, src)
	b.AddRung(h["Section Chief"], h["Counsellor"], h["Aide"])
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}

	sel, err := g.SelectLadder("id-Section Chief", 0, false)
	if err != nil {
		t.Fatal(err)
	}
	sub := g.Subgraph(sel)
	ids := func(g *graph.Graph) []string {
		var out []string
		for _, r := range g.Roles() {
			out = append(out, r.ID)
		}
		return out
	}
	if got, want := ids(sub), sel.Roles; !slices.Equal(got, want) {
		t.Errorf("Subgraph(ladder).Roles() = %v; want %v", got, want)
	}
	if got, want := sub.Moves(), sel.Moves; !reflect.DeepEqual(got, want) {
		t.Errorf("Subgraph(ladder).Moves() = %v; want %v", moveStrings(got), moveStrings(want))
	}
	if r, _ := sub.Role("id-Section Chief"); r.Profile != p || r.Name != "Section Chief" {
		t.Errorf("Subgraph(ladder).Role(id-Section Chief) = %+v; want the role with its profile", r)
	}
	if got := sub.Rungs(); len(got) != 0 {
		t.Errorf("Subgraph(ladder).Rungs() = %v; want none (Counsellor and Aide not selected)", got)
	}
	if st := sub.Stats(); st.Roles != 3 || st.Moves[graph.Career] != 2 || st.Moves[graph.Related] != 0 {
		t.Errorf("Subgraph(ladder).Stats() = %+v; want 3 roles, 2 career moves", st)
	}

	all := g.Subgraph(g.SelectAll())
	if !reflect.DeepEqual(ids(all), ids(g)) || !reflect.DeepEqual(all.Moves(), g.Moves()) || !reflect.DeepEqual(all.Rungs(), g.Rungs()) {
		t.Errorf("Subgraph(SelectAll()) differs from the graph")
	}
	sel.Roles = append(sel.Roles, "nobody")
	sel.Moves = append(sel.Moves, graph.Move{From: "id-Clerk", To: "nobody"})
	if got := g.Subgraph(sel); len(got.Roles()) != 3 || len(got.Moves()) != 2 {
		t.Errorf("Subgraph with unknown IDs: %d roles, %d moves; want 3, 2", len(got.Roles()), len(got.Moves()))
	}
}
