package loader

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"careergraph/graph"
)

func TestSectionOrder(t *testing.T) {
	tests := []struct {
		name, text string
		want       []graph.Section
	}{
		{
			name: "written order, empty sections left out",
			text: "Mayor\nRequired Skills\nBudgeting / Speaking\nSummary\nHeads the city.\nWork Style\nCareer Path\nDeputy Mayor → Mayor\n",
			want: []graph.Section{
				{Key: graph.SecRequiredSkills, Heading: "Required Skills", Line: 2, Items: []string{"Budgeting", "Speaking"}},
				{Key: graph.SecSummary, Heading: "Summary", Line: 4, Text: "Heads the city."},
				{Key: graph.SecCareerPath, Heading: "Career Path", Line: 7, Items: []string{"Deputy Mayor → Mayor"}},
			},
		},
		{
			name: "a repeated heading merges into its first place",
			text: "Mayor\nTags\n- civic\nSummary\nHeads the city.\nTags\n- elected\n",
			want: []graph.Section{
				{Key: graph.SecTags, Heading: "Tags", Line: 2, Items: []string{"civic", "elected"}},
				{Key: graph.SecSummary, Heading: "Summary", Line: 4, Text: "Heads the city."},
			},
		},
		{
			name: "aptitudes, classification and rung alternatives",
			text: "Mayor\nClassification\n- Major : Managerial\n- Minor : Public\nAptitudes (Strengths Preferred)\n| Item | Description |\n|---|---|\n| Stress Tolerance | Crises. |\nCareer Path\nClerk → Chief · Counsellor → Mayor\n",
			want: []graph.Section{
				{Key: graph.SecClassification, Heading: "Classification", Line: 2, Items: []string{"Major: Managerial", "Minor: Public"}},
				{Key: graph.SecStrengths, Heading: "Aptitudes (Strengths Preferred)", Line: 5, Aptitudes: []graph.Aptitude{{Item: "Stress Tolerance", Reason: "Crises."}}},
				{Key: graph.SecCareerPath, Heading: "Career Path", Line: 9, Items: []string{"Clerk → Chief · Counsellor → Mayor"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, _, err := parseBytes([]byte(tt.text), "m.txt")
			if err != nil {
				t.Fatal(err)
			}
			// The scratch is reused from one document to the next: the
			// second profile, in the first one's memory, is the same.
			var sc profileScratch
			for range 2 {
				got := sc.profile(doc)
				if diff := cmp.Diff(tt.want, got.Sections); diff != "" {
					t.Errorf("profile(%q) sections (-want +got):\n%s", tt.text, diff)
				}
			}
		})
	}
}

// TestProfileScratchReused profiles documents one after another in one
// scratch, as a worker does, and packs each before the next: each packs
// as it does in a scratch of its own, the texts the scratch put together
// (career paths, classification lines) included, however its memory grew
// in the middle of a document.
func TestProfileScratchReused(t *testing.T) {
	long := strings.Repeat("Senior Principal Harbour Operations ", 3)
	var shared profileScratch
	for _, rungs := range []int{2, 40, 3} {
		var path []string
		for i := range rungs {
			path = append(path, fmt.Sprintf("%s%d · Deputy %d", long, i, i))
		}
		paths := []string{strings.Join(path, " → "), "Clerk → " + path[0]}
		text := fmt.Sprintf("Mayor %d\nClassification\n- Major : Managerial\n- Middle : Civic %s\nCareer Path\n%s\n", rungs, long, strings.Join(paths, "\n"))
		doc, _, err := parseBytes([]byte(text), "m.txt")
		if err != nil {
			t.Fatal(err)
		}
		packed := graph.AppendDocProfile(nil, shared.profile(doc))
		var p graph.Profile
		p.SetPacked(string(packed), nil)
		docs, err := p.Docs()
		if err != nil || len(docs) != 1 {
			t.Fatalf("%d rungs: unpacked %d documents, %v", rungs, len(docs), err)
		}
		want := []graph.Section{
			{Key: graph.SecClassification, Heading: "Classification", Line: 2, Items: []string{"Major: Managerial", "Middle: Civic " + strings.TrimSpace(long)}},
			{Key: graph.SecCareerPath, Heading: "Career Path", Line: 5, Items: paths},
		}
		if diff := cmp.Diff(want, docs[0].Sections); diff != "" {
			t.Errorf("%d rungs, in a reused scratch (-want +got):\n%s", rungs, diff)
		}
	}
}
