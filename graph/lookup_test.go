package graph_test

import (
	"errors"
	"slices"
	"testing"

	"careergraph/graph"
)

// lookupGraph has roles for each way Lookup finds a name.
func lookupGraph(t *testing.T) *graph.Graph {
	t.Helper()
	var b graph.Builder
	for _, r := range []graph.Role{
		{Name: "Mayor", Names: []string{"Mayor"}},
		{Name: "Clerk", Reading: "じむいん", Documented: true},
		{Name: "Manager", Reading: "カンリシャ"},
		{Name: "Cashiers", Names: []string{"Cashiers"}},
		{Name: "Head Cashier"},
		{Name: "Secretaries"},
		{Name: "Private secretary"},
		{Name: "Sales Clerks (Retail)"},
		{Name: "Analysts", Names: []string{"Analysts"}},
		{Name: "Data team", Names: []string{"Analysts"}},
		{Name: "Critical Care Nurses", Documented: true, Names: []string{"Critical Care Nurses", "Nurse"}},
		{Name: "Welders", Names: []string{"welders"}},
	} {
		b.AddRole(r)
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestLookup(t *testing.T) {
	g := lookupGraph(t)
	tests := []struct {
		name      string
		want      string // display name
		matchedAs string
	}{
		{"Mayor", "Mayor", ""},
		{"mayor", "Mayor", ""},
		{"Analysts", "Analysts", ""},  // shown by that name: wins over the alias
		{"じむいん", "Clerk", "じむいん"},     // the reading itself
		{"ジムイン", "Clerk", "じむいん"},     // katakana finds a hiragana reading
		{"ｼﾞﾑｲﾝ", "Clerk", "じむいん"},    // half-width katakana too
		{"かんりしゃ", "Manager", "カンリシャ"}, // hiragana finds a katakana reading
		{"Cashier", "Cashiers", ""},   // a singular finds its plural
		{"Secretary", "Secretaries", ""},
		{"Sales Clerk (Retail)", "Sales Clerks (Retail)", ""}, // the word before the qualifier
		{"Welder", "Welders", ""},
		{"Nurse", "Critical Care Nurses", "Nurse"}, // only an alias matched
		{"NURSE", "Critical Care Nurses", "Nurse"},
		{"Nurses", "Critical Care Nurses", "Nurse"}, // by number, then the alias
		{"Critical care nurses", "Critical Care Nurses", ""},
		{"critical-care-nurses", "Critical Care Nurses", ""}, // the ID
	}
	for _, tt := range tests {
		r, err := g.Lookup(tt.name)
		if err != nil || r.Role.Name != tt.want || r.MatchedAs != tt.matchedAs {
			t.Errorf("Lookup(%q) = %q as %q, %v; want %q as %q", tt.name, r.Role.Name, r.MatchedAs, err, tt.want, tt.matchedAs)
		}
	}
}

func TestLookupNotFound(t *testing.T) {
	g := lookupGraph(t)
	tests := []struct {
		name string
		want []string // suggestions that must be there
		msg  string
	}{
		{"Mayr", []string{"Mayor"}, `role "Mayr": not found (did you mean "Mayor"?)`},
		// A misspelt title keeps its qualifier: the title without it is
		// what is suggested from.
		{"Mayr (Municipality)", []string{"Mayor"}, `role "Mayr (Municipality)": not found (did you mean "Mayor"?)`},
		{"Mayr（Municipality）", []string{"Mayor"}, ""},
		// Two roles are known as Analysts: number does not decide.
		{"Analyst", []string{"Analysts", "Data team"}, ""},
		{"Astronaut", nil, `role "Astronaut": not found`},
	}
	for _, tt := range tests {
		_, err := g.Lookup(tt.name)
		var nf *graph.NotFoundError
		if !errors.As(err, &nf) || !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("Lookup(%q) error = %v; want a *NotFoundError", tt.name, err)
			continue
		}
		for _, s := range tt.want {
			if !slices.Contains(nf.Suggestions, s) {
				t.Errorf("Lookup(%q) suggests %q; want %q among them", tt.name, nf.Suggestions, s)
			}
		}
		if tt.msg != "" && err.Error() != tt.msg {
			t.Errorf("Lookup(%q) error = %q; want %q", tt.name, err, tt.msg)
		}
	}
}

func TestLookupAmbiguous(t *testing.T) {
	var b graph.Builder
	b.AddRole(graph.Role{Name: "Mayor", Names: []string{"Town head"}})
	b.AddRole(graph.Role{Name: "Governor", Names: []string{"Town head"}})
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	_, err = g.Lookup("town head")
	var amb *graph.AmbiguousError
	if !errors.As(err, &amb) || !errors.Is(err, graph.ErrAmbiguous) || !slices.Equal(amb.Candidates, []string{"Governor", "Mayor"}) {
		t.Errorf("Lookup(town head) error = %#v; want an *AmbiguousError naming Governor and Mayor", err)
	}
	if want := `role "town head": ambiguous: it could be "Governor" or "Mayor" (give the full name)`; err == nil || err.Error() != want {
		t.Errorf("Lookup(town head) error = %v; want %q", err, want)
	}
}
