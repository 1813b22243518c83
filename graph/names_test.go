package graph_test

import (
	"errors"
	"strings"
	"testing"

	"careergraph/graph"
)

func TestNormalName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Section Chief", "section chief"},
		{"  Section \t Chief  ", "section chief"},
		{"ＳＥＣＴＩＯＮ　Ｃｈｉｅｆ", "section chief"},
		{"section chief", "section chief"},
		{"ろうどうくみあい", "ろうどうくみあい"},
		{"ｶﾅ", "カナ"},
		{"Straße", "strasse"},
		{"", ""},
		{" \x01Chief\x7f  of\x00staff\r\n", "chief\x7f of staff"},
		{"   ", ""},
	}
	for _, tt := range tests {
		if got := graph.NormalName(tt.in); got != tt.want {
			t.Errorf("NormalName(%q) = %q; want %q", tt.in, got, tt.want)
		}
		if got := string(graph.AppendNormalName([]byte("x|"), tt.in)); got != "x|"+tt.want {
			t.Errorf("AppendNormalName(\"x|\", %q) = %q; want %q", tt.in, got, "x|"+tt.want)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Section Chief (Main Office)", "section-chief-main-office"},
		{"Director/Bureau Chief Position", "director-bureau-chief-position"},
		{"Legislator's secretary", "legislator-s-secretary"},
		{"ろうどう くみあい", "ろうどう-くみあい"},
		{"!!!", "role"},
	}
	for _, tt := range tests {
		if got := graph.Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// namesGraph has a documented role that lists "Chief" as an alias, a
// mentioned role shown as "Chief", and two roles that share an alias.
func namesGraph(t *testing.T) *graph.Graph {
	t.Helper()
	var b graph.Builder
	b.AddRole(graph.Role{Name: "Labor union chairperson", Documented: true, Reading: "ろうどうくみあいいいんちょう", Names: []string{"Chief", "Labor union chairperson"}})
	b.AddRole(graph.Role{Name: "Chief", Names: []string{"Chief"}})
	b.AddRole(graph.Role{Name: "Mayor", Names: []string{"Mayor", "Town head"}})
	b.AddRole(graph.Role{Name: "Governor", Names: []string{"Governor", "Town head"}})
	b.AddRole(graph.Role{Name: "Deputy secretary general"})
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestResolve(t *testing.T) {
	g := namesGraph(t)
	tests := []struct {
		name string
		want string // display name, or the error it must say
		err  error
	}{
		{"Mayor", "Mayor", nil},
		{"MAYOR", "Mayor", nil},
		{"ｍａｙｏｒ", "Mayor", nil},
		{"ろうどうくみあいいいんちょう", "Labor union chairperson", nil},
		{"mayor", "Mayor", nil},
		{"Chief", "Chief", nil}, // shown by that name: wins over the alias
		{"Town head", `it could be "Governor" or "Mayor"`, graph.ErrAmbiguous},
		{"secretary", "Deputy secretary general", nil}, // the one role holding it
		{"Mayr", `did you mean "Mayor"`, graph.ErrNotFound},
		{"chair", "Labor union chairperson", nil},
		{"Astronaut", `role "Astronaut": not found`, graph.ErrNotFound},
		{"", "", graph.ErrNotFound},
	}
	for _, tt := range tests {
		r, err := g.Resolve(tt.name)
		if tt.err == nil {
			if err != nil || r.Name != tt.want {
				t.Errorf("Resolve(%q) = %q, %v; want %q", tt.name, r.Name, err, tt.want)
			}
			continue
		}
		if !errors.Is(err, tt.err) || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "careergraph") {
			t.Errorf("Resolve(%q) error = %v; want %v saying %q", tt.name, err, tt.err, tt.want)
		}
	}
}

func TestAmbiguousErrorShortensLongLists(t *testing.T) {
	e := &graph.AmbiguousError{Name: "Clerk"}
	for i := range 25 {
		e.Candidates = append(e.Candidates, "Clerk "+string(rune('A'+i)))
	}
	msg := e.Error()
	if !strings.Contains(msg, "any of 25 roles") || strings.Contains(msg, "Clerk Y") {
		t.Errorf("Error() = %q; want the count and only the first ten", msg)
	}
}

func TestSearchOrder(t *testing.T) {
	g := namesGraph(t)
	var got []string
	for _, m := range g.Search("chief", 0) {
		got = append(got, m.Role.Name+"/"+m.MatchBy)
	}
	want := "Chief/Chief Labor union chairperson/Chief"
	if strings.Join(got, " ") != want {
		t.Errorf("Search(chief) = %q; want %q (exact matches, by name)", got, want)
	}
	if n := len(g.Search("", 2)); n != 2 {
		t.Errorf("Search(\"\", 2) gave %d roles; want 2", n)
	}
}
