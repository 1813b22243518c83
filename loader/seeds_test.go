package loader

import (
	"testing"

	"careergraph/graph"
)

// TestSeeds checks the resolution the issue asks of the five reference
// documents, both layouts included.
func TestSeeds(t *testing.T) {
	c, err := LoadSeeds()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Problems) != 0 {
		t.Errorf("Problems = %v; want none", c.Problems)
	}
	s := c.Graph.Stats()
	if s.Roles != 38 || s.Documented != 5 || s.Moves[graph.Career] != 25 || s.Moves[graph.Related] != 18 {
		t.Errorf("Stats = %d roles (%d documented), %d career, %d related; want 38 (5), 25, 18",
			s.Roles, s.Documented, s.Moves[graph.Career], s.Moves[graph.Related])
	}
	g := c.Graph
	career := []struct{ from, to string }{
		{"Assistant Section Chief (Ministry/Agency)", "Section Chief"},
		{"Assistant Section Chief (Ministry/Agency)", "Counsellor"},
		{"Counsellor", "Division Director"},
		{"Section Chief", "Deliberative Official"},
		{"Deputy secretary general", "Labor union secretary general"},
		{"Labor union secretary general", "Labor union chairperson"},
		{"Labor union chairperson", "Labor union bureau chief"},
		{"Department head (section chief/deputy)", "Political party headquarters executive (excluding legislators)"},
		{"Local Government Employee (Intermediate)", "Local Office Director (Local Public Bodies)"},
		{"Assistant Section Chief", "Branch Office Chief (Local Government)"},
		{"Branch Office Chief (Local Government)", "Section Chief (Main Office)"},
	}
	for _, m := range career {
		if !hasMove(g, m.from, m.to, graph.Career) {
			t.Errorf("no career move %q → %q", m.from, m.to)
		}
	}
	related := []struct{ from, to string }{
		{"Local Office Director (Local Public Bodies)", "Section Chief"},
		{"Branch Office Chief (Local Government)", "Section Chief"},
		{"Labor union secretary general", "Labor union chairperson"},
	}
	for _, m := range related {
		if !hasMove(g, m.from, m.to, graph.Related) {
			t.Errorf("no related move %q → %q", m.from, m.to)
		}
	}
	for _, name := range []string{"Section Chief (Main Office)", "Assistant Section Chief", "Mayor"} {
		if r, ok := roleNamed(g, name); !ok || r.Documented {
			t.Errorf("role %q missing or documented", name)
		}
	}
	for _, name := range []string{"Secretary general", "Chairperson", "Bureau chief", "Party headquarters executive", "Branch Office Chief"} {
		if _, ok := roleNamed(g, name); ok {
			t.Errorf("%q is a role of its own; want it joined", name)
		}
	}
}

func roleNamed(g *graph.Graph, name string) (graph.Role, bool) {
	for _, r := range g.Roles() {
		if r.Name == name {
			return r, true
		}
	}
	return graph.Role{}, false
}

func hasMove(g *graph.Graph, from, to string, k graph.Kind) bool {
	f, ok1 := roleNamed(g, from)
	t, ok2 := roleNamed(g, to)
	if !ok1 || !ok2 {
		return false
	}
	for _, m := range g.Moves() {
		if m.From == f.ID && m.To == t.ID && m.Kind == k {
			return true
		}
	}
	return false
}
