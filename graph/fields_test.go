package graph_test

import (
	stdcmp "cmp"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"careergraph/graph"
)

func fieldProfiles() map[string]*graph.Profile {
	doc := func(p graph.Profile, secs ...graph.Section) *graph.Profile {
		p.SetDocs(graph.DocProfile{File: "x.txt", Sections: secs})
		return &p
	}
	return map[string]*graph.Profile{
		"Clerk": doc(graph.Profile{
			Summary: "Keeps the files of the office.", RequiredSkills: []string{"Typing", "Negotiation Skills"}},
			graph.Section{Key: graph.SecTraits, Items: []string{"Patient"}},
			graph.Section{Key: graph.SecStrengths, Aptitudes: []graph.Aptitude{{Item: "Stress Tolerance"}}}),
		"Chief": doc(graph.Profile{
			RequiredSkills: []string{"ｎｅｇｏｔｉａｔｉｏｎ skills"}, Qualifications: []string{"Civil Service Exam"}},
			graph.Section{Key: graph.SecTags, Items: []string{"public"}}, graph.Section{Key: graph.SecKeywords, Items: []string{"budget"}},
			graph.Section{Key: graph.SecDescription, Text: "Leads the office and its budget."}),
	}
}

func TestSearchFields(t *testing.T) {
	g := newTestGraph(t, fieldProfiles(), "Clerk -> Chief")
	tests := []struct {
		qs   []graph.FieldQuery
		want []string // role: field=matched entry, ...
	}{
		{[]graph.FieldQuery{{graph.FieldSkill, "NEGOTIATION skills"}}, []string{"Chief: skill=ｎｅｇｏｔｉａｔｉｏｎ skills", "Clerk: skill=Negotiation Skills"}},
		{[]graph.FieldQuery{{graph.FieldSkill, "negociation"}}, []string{"Chief: skill=ｎｅｇｏｔｉａｔｉｏｎ skills", "Clerk: skill=Negotiation Skills"}},
		{[]graph.FieldQuery{{graph.FieldSkill, "negotiation"}, {graph.FieldQualification, "civil service"}}, []string{"Chief: skill=ｎｅｇｏｔｉａｔｉｏｎ skills, qualification=Civil Service Exam"}},
		{[]graph.FieldQuery{{graph.FieldTag, "budget"}}, []string{"Chief: tag=budget"}},
		{[]graph.FieldQuery{{graph.FieldTrait, "patient"}}, []string{"Clerk: trait=Patient"}},
		{[]graph.FieldQuery{{graph.FieldAptitude, "stress"}}, []string{"Clerk: aptitude=Stress Tolerance"}},
		{[]graph.FieldQuery{{graph.FieldText, "office budget"}}, []string{"Chief: text=Leads the office and its budget."}},
		{[]graph.FieldQuery{{graph.FieldText, "office"}, {graph.FieldSkill, "typing"}}, []string{"Clerk: text=Keeps the files of the office., skill=Typing"}},
		{[]graph.FieldQuery{{graph.FieldSkill, "flying"}}, nil},
	}
	for _, tt := range tests {
		hits, err := g.SearchFields(tt.qs)
		if err != nil {
			t.Errorf("SearchFields(%v): %v", tt.qs, err)
			continue
		}
		var got []string
		for _, h := range hits {
			s := h.Role.Name + ": "
			for i, m := range h.Matches {
				if i > 0 {
					s += ", "
				}
				s += fmt.Sprintf("%s=%s", m.Field, m.Value)
			}
			got = append(got, s)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("SearchFields(%v) (-want +got):\n%s", tt.qs, diff)
		}
	}
	for _, qs := range [][]graph.FieldQuery{{{"colour", "red"}}, {{graph.FieldSkill, " "}}} {
		if _, err := g.SearchFields(qs); !errors.Is(err, graph.ErrBadOption) {
			t.Errorf("SearchFields(%v) error %v; want ErrBadOption", qs, err)
		}
	}
}

func TestVocabulary(t *testing.T) {
	g := newTestGraph(t, fieldProfiles(), "Clerk -> Chief")
	tests := []struct {
		field string
		want  []graph.Term
	}{
		{graph.FieldSkill, []graph.Term{{"Negotiation Skills", 2}, {"Typing", 1}}},
		{graph.FieldTag, []graph.Term{{"budget", 1}, {"public", 1}}},
		{graph.FieldClass, []graph.Term{}},
	}
	for _, tt := range tests {
		got, err := g.Vocabulary(tt.field)
		if err != nil {
			t.Errorf("Vocabulary(%q): %v", tt.field, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Vocabulary(%q) (-want +got):\n%s", tt.field, diff)
		}
	}
	if _, err := g.Vocabulary(graph.FieldText); !errors.Is(err, graph.ErrBadOption) {
		t.Errorf("Vocabulary(text) error %v; want ErrBadOption", err)
	}
}

// TestSearchFieldsManyRoles searches more roles than one core's range
// (the scan runs on all cores): every role that matches is found once,
// closest first, then by display name (names repeat here), then by ID,
// with the same answer every run.
func TestSearchFieldsManyRoles(t *testing.T) {
	const n = 10000
	var b graph.Builder
	wantText, wantSkill := map[string]bool{}, map[string]bool{}
	for i := range n {
		id := fmt.Sprintf("r%05d", i)
		p := graph.Profile{RequiredSkills: []string{"Filing"}}
		var secs []graph.Section
		if i%7 == 0 {
			secs = append(secs, graph.Section{Key: graph.SecDescription, Text: "Keeps the harbour lights and logs the ships."})
			wantText[id] = true
		}
		switch i % 3 {
		case 0:
			p.RequiredSkills = append(p.RequiredSkills, "Typing")
			wantSkill[id] = true
		case 1:
			p.RecommendedSkills = []string{"Typng"} // one typo away: a closeness of its own
			wantSkill[id] = true
		}
		p.SetDocs(graph.DocProfile{File: id + ".txt", Sections: secs})
		// Names repeat, out of ID order: ties fall to the ID.
		b.AddRole(graph.Role{ID: id, Name: fmt.Sprintf("Role %d", (i*7919)%(n/4)), Profile: &p, Documented: true})
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		q    graph.FieldQuery
		want map[string]bool
	}{
		{graph.FieldQuery{Field: graph.FieldText, Value: "harbour ships"}, wantText},
		{graph.FieldQuery{Field: graph.FieldSkill, Value: "typing"}, wantSkill},
	} {
		hits, err := g.SearchFields([]graph.FieldQuery{tt.q})
		if err != nil {
			t.Fatal(err)
		}
		again, _ := g.SearchFields([]graph.FieldQuery{tt.q})
		if !cmp.Equal(hits, again, cmp.Comparer(func(a, b *graph.Profile) bool { return a == b })) {
			t.Errorf("%v: two searches differ", tt.q)
		}
		found := map[string]bool{}
		for i, h := range hits {
			if found[h.Role.ID] {
				t.Errorf("%v: %s found twice", tt.q, h.Role.ID)
			}
			found[h.Role.ID] = true
			if i == 0 {
				continue
			}
			p := hits[i-1]
			if order := stdcmp.Or(stdcmp.Compare(p.Score, h.Score), stdcmp.Compare(p.Role.Name, h.Role.Name), stdcmp.Compare(p.Role.ID, h.Role.ID)); order >= 0 {
				t.Errorf("%v: %s %q (%d) after %s %q (%d): want closest first, then by name, then by ID", tt.q, h.Role.ID, h.Role.Name, h.Score, p.Role.ID, p.Role.Name, p.Score)
			}
		}
		if !cmp.Equal(found, tt.want) {
			t.Errorf("%v: found %d roles; want %d (diff -want +got):\n%s", tt.q, len(found), len(tt.want), cmp.Diff(tt.want, found))
		}
	}
}

// TestVocabularyManyRoles lists the vocabulary of more roles than one
// core's range: counts added up over the ranges, the commonest written
// form of each entry (ties to the first in sorted order).
func TestVocabularyManyRoles(t *testing.T) {
	profiles := map[string]*graph.Profile{}
	for i := range 10000 {
		p := graph.Profile{}
		// Within the first range (roles are in ID order) "typing" is
		// the commoner form; over them all, "Typing".
		switch {
		case i%2 == 1:
		case i < 4096:
			p.RequiredSkills = []string{"typing", "TYPING"} // one entry for the role
		default:
			p.RequiredSkills = []string{"Typing"}
		}
		if i%5 == 0 {
			p.RecommendedSkills = []string{"Filing"}
		}
		if i%7 == 0 {
			p.RecommendedSkills = append(p.RecommendedSkills, "Welding", "Ｗｅｌｄｉｎｇ")
		}
		p.SetDocs(graph.DocProfile{File: "x.txt"})
		profiles[fmt.Sprintf("Role-%05d", i)] = &p
	}
	g := newTestGraph(t, profiles)
	got, err := g.Vocabulary(graph.FieldSkill)
	if err != nil {
		t.Fatal(err)
	}
	want := []graph.Term{{Value: "Typing", Roles: 5000}, {Value: "Filing", Roles: 2000}, {Value: "Welding", Roles: 1429}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Vocabulary(skill) (-want +got):\n%s", diff)
	}
}
