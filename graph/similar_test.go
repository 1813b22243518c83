package graph_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"careergraph/graph"
)

func TestSimilar(t *testing.T) {
	apt := func(p graph.Profile, items ...string) *graph.Profile {
		var as []graph.Aptitude
		for _, it := range items {
			as = append(as, graph.Aptitude{Item: it})
		}
		p.SetDocs(graph.DocProfile{Sections: []graph.Section{{Key: graph.SecStrengths, Aptitudes: as}}})
		return &p
	}
	profiles := map[string]*graph.Profile{
		"Clerk":     apt(graph.Profile{RequiredSkills: []string{"Typing", "Filing"}, Qualifications: []string{"Exam"}}, "Patience", "Focus"),
		"Typist":    apt(graph.Profile{RecommendedSkills: []string{"typing"}}, "focus"),
		"Archivist": {RequiredSkills: []string{"Filing", "Typing"}, Qualifications: []string{"EXAM"}},
		"Guard":     {RequiredSkills: []string{"Watching"}},
	}
	g := newTestGraph(t, profiles, "Clerk -> Typist", "Mayor")
	tests := []struct {
		id   string
		want []graph.Similar
	}{
		{"Clerk", []graph.Similar{
			{Role: "Archivist", Score: 9, Skills: []string{"Typing", "Filing"}, Qualifications: []string{"Exam"}},
			{Role: "Typist", Score: 4, Skills: []string{"Typing"}, Aptitudes: []string{"Focus"}},
		}},
		{"Guard", nil},
		{"Mayor", []graph.Similar{}},
	}
	for _, tt := range tests {
		got, err := g.Similar(tt.id, 0)
		if err != nil {
			t.Errorf("Similar(%q): %v", tt.id, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Similar(%q) (-want +got):\n%s", tt.id, diff)
		}
	}
	if _, err := g.Similar("Nobody", 0); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Similar(%q) error %v; want ErrNotFound", "Nobody", err)
	}
}
