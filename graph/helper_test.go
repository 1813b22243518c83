package graph_test

import (
	"fmt"
	"strings"
	"testing"

	"careergraph/graph"
)

// newTestGraph builds a graph from lines such as "A -> B" (a career move),
// "B -- C" (a related move written from B to C) and "D" (a role alone);
// a trailing "career" or "related" is allowed. A role's ID and name are
// the word written. profiles, when given, are attached by ID and make
// those roles documented, from the file "<id>.txt".
func newTestGraph(t testing.TB, profiles map[string]*graph.Profile, lines ...string) *graph.Graph {
	t.Helper()
	var b graph.Builder
	handle := map[string]int{}
	role := func(name string) int {
		if h, ok := handle[name]; ok {
			return h
		}
		r := graph.Role{ID: name, Name: name}
		if p := profiles[name]; p != nil {
			r.Profile, r.Documented, r.Docs = p, true, []string{name + ".txt"}
		}
		handle[name] = b.AddRole(r)
		return handle[name]
	}
	for n, line := range lines {
		f := strings.Fields(line)
		src := graph.Source{File: "spec", Line: n + 1}
		switch {
		case len(f) == 1:
			role(f[0])
		case len(f) >= 3 && f[1] == "->" && (len(f) == 3 || f[3] == "career"):
			b.AddMove(role(f[0]), role(f[2]), graph.Career, src)
		case len(f) >= 3 && f[1] == "--" && (len(f) == 3 || f[3] == "related"):
			b.AddMove(role(f[0]), role(f[2]), graph.Related, src)
		default:
			t.Fatalf("bad graph line %q", line)
		}
	}
	for id := range profiles {
		role(id)
	}
	g, err := b.Build()
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return g
}

// routeString writes a route as "A -> B -- C =cost", with "<-" for a
// related move taken against its written direction ("--" for one taken
// along it).
func routeString(r graph.Route) string {
	if len(r.Steps) == 0 {
		return fmt.Sprintf("=%g", r.Cost)
	}
	var b strings.Builder
	b.WriteString(r.Steps[0].From)
	for _, s := range r.Steps {
		switch {
		case s.Kind == graph.Career:
			b.WriteString(" -> ")
		case s.Against:
			b.WriteString(" <- ")
		default:
			b.WriteString(" -- ")
		}
		b.WriteString(s.To)
	}
	fmt.Fprintf(&b, " =%g", r.Cost)
	return b.String()
}

func routeStrings(rs []graph.Route) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = routeString(r)
	}
	return out
}
