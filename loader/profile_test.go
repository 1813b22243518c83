package loader

import (
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
