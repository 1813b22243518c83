package loader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"careergraph/graph"
)

// The real data sets in ../shared/data load through Load directly, read
// by the readers of package source; these tests compare the graph with
// counts known of the data. They skip when the folder is absent.

// sharedData returns the path of a shared real data set, or skips.
func sharedData(t testing.TB, name string) string {
	t.Helper()
	p := filepath.Join("..", "..", "shared", "data", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("real data %s not found beside the repository (../shared/data): %v", name, err)
	}
	return p
}

func TestRealDataONET(t *testing.T) {
	dir := sharedData(t, "onet-29.3")
	c, err := Load(Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	if c.Errors() != 0 {
		t.Errorf("%d errors, first: %v", c.Errors(), c.Problems[0])
	}
	s := c.Graph.Stats()
	if s.Roles != 1016 || s.Documented != 1016 {
		t.Errorf("roles = %d (%d documented); want 1016, all documented", s.Roles, s.Documented)
	}
	if s.Moves[graph.Related] != 18460 || s.Moves[graph.Career] != 0 {
		t.Errorf("moves = %v; want 18460 related moves", s.Moves)
	}
	if len(c.Sources) != 1 || c.Sources[0].Format != "onet" || c.Sources[0].Version != "29.3" {
		t.Errorf("Sources = %+v; want one O*NET 29.3 source", c.Sources)
	}
	// Reported titles are shared between occupations: rule 2 makes them
	// ambiguous, and none may swallow an occupation's exact title.
	if len(c.Ambiguous) == 0 {
		t.Error("no ambiguous names; O*NET's reported titles repeat across occupations")
	}
	r := mustResolve(t, c.Graph, "Registered Nurses")
	if r.Code != "29-1141.00" || r.Level != 4 || !strings.HasPrefix(r.Description, "Assess patient health problems") {
		t.Errorf("Registered Nurses: code %q, level %d, description %.40q", r.Code, r.Level, r.Description)
	}
	ceo := mustResolve(t, c.Graph, "Chief Executives")
	route, err := c.Graph.Path(ceo.ID, mustResolve(t, c.Graph, "Public Relations Managers").ID, graph.PathOptions{})
	if err != nil || len(route.Steps) != 1 || route.Steps[0].Attrs == nil || route.Steps[0].Attrs.Tier == "" {
		t.Fatalf("Path(Chief Executives, Public Relations Managers) = %+v, %v; want one lateral move with its tier", route, err)
	}
	if a := route.Steps[0].Attrs; route.Cost != route.Steps[0].Cost || route.Cost < 2 || route.Cost > 2.7 {
		t.Errorf("one O*NET related step (%s, index %d) costs %g; want 2 to 2.69", a.Tier, a.Index, route.Cost)
	}
}

func mustResolve(t testing.TB, g *graph.Graph, name string) graph.Role {
	t.Helper()
	r, err := g.Resolve(name)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestRealDataMaRS(t *testing.T) {
	file := filepath.Join(sharedData(t, "mars-pathways"), "pathway_results.csv")
	c, err := Load(Options{Paths: []string{file}})
	if err != nil {
		t.Fatal(err)
	}
	s := c.Graph.Stats()
	if s.Roles != 2942 || s.Moves[graph.Career] != 26301 {
		t.Errorf("roles, career moves = %d, %d; want 2942, 26301", s.Roles, s.Moves[graph.Career])
	}
	if c.Dropped.SelfLinks != 3024 || c.Dropped.Duplicates != 923 {
		t.Errorf("Dropped = %+v; want 3024 self-links and 923 repeats", c.Dropped)
	}
	for _, m := range c.Graph.Moves() {
		if m.Attrs == nil || m.Attrs.Basis != "similarity" || m.Cost() < 1 || m.Cost() > 2 {
			t.Fatalf("move %s→%s: cost %g, attributes %+v; want a similarity cost from 1 to 2", m.From, m.To, m.Cost(), m.Attrs)
		}
	}
}

// TestRealDataFolder loads the whole shared folder: the O*NET release and
// the MaRS table, the READMEs reported as no source.
func TestRealDataFolder(t *testing.T) {
	dir := sharedData(t, "")
	c, err := Load(Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Sources) != 2 {
		t.Errorf("Sources = %+v; want O*NET and MaRS", c.Sources)
	}
	readmes := 0
	for _, p := range c.Problems {
		if filepath.Base(p.File) == "README.md" && strings.Contains(p.Msg, "not a source careergraph reads") {
			readmes++
		}
	}
	if readmes != 2 || len(c.Skipped) != 2 {
		t.Errorf("%d README problems, Skipped %v; want both READMEs reported and skipped", readmes, c.Skipped)
	}
	s := c.Graph.Stats()
	if s.Documented != 1016 || s.Moves[graph.Related] != 18460 || s.Moves[graph.Career] == 0 {
		t.Errorf("stats = %+v; want O*NET's 1016 occupations and related moves, and MaRS's career moves", s)
	}
}
