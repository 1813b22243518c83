package graph

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestPackedProfileRoundTrip(t *testing.T) {
	docs := []DocProfile{
		{File: "a.txt", Line: 1, Sections: []Section{
			{Key: SecSummary, Heading: "Summary", Line: 3, Text: "Keeps the files.\nAll of them."},
			{Key: SecTraits, Heading: "Traits", Line: 5, Items: []string{"Patient", "", "課長"}},
			{Key: SecStrengths, Heading: "Strengths", Line: 9, Aptitudes: []Aptitude{{"Focus", "long days"}, {"Calm", ""}}},
		}},
		{File: "b.md", Line: -1},
		{File: "c.txt", Line: 1 << 40, Sections: []Section{{Key: SecExtra, Heading: "Notes", Line: 2, Items: []string{"x"}}}},
	}
	tests := []struct {
		name string
		docs []DocProfile
	}{
		{"none", nil},
		{"one", docs[:1]},
		{"several", docs},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p Profile
			p.SetDocs(tt.docs...)
			if diff := cmp.Diff(tt.docs, p.Docs(), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("SetDocs then Docs (-want +got):\n%s", diff)
			}
			// Packed forms join: one document's each, set together.
			joined := ""
			for _, dp := range tt.docs {
				joined += PackDocProfile(dp)
			}
			var q Profile
			q.SetPacked(joined)
			if q.Packed() != p.Packed() {
				t.Errorf("joined packed documents differ from SetDocs's")
			}
		})
	}
}

func TestPackedProfileDamaged(t *testing.T) {
	var p Profile
	p.SetDocs(DocProfile{File: "a.txt", Line: 1, Sections: []Section{{Key: SecTraits, Items: []string{"Patient"}}}},
		DocProfile{File: "b.txt", Line: 1, Sections: []Section{{Key: SecSummary, Text: "Long enough to cut."}}})
	whole := p.Packed()
	first := len(PackDocProfile(p.Docs()[0]))
	for cut := range len(whole) {
		docs, ok := unpackDocProfiles(whole[:cut])
		if boundary := cut == 0 || cut == first; ok != boundary {
			t.Errorf("cut at %d: ok %v, want %v", cut, ok, boundary)
		}
		if want := min(cut/first, 1); len(docs) != want {
			t.Errorf("cut at %d: %d documents before the damage, want %d", cut, len(docs), want)
		}
	}
	// Lengths that claim more than there is never allocate or panic.
	for _, s := range []string{"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", "\x01a\x02\xff\xff\xff\x0f", "\x00\x00\x05"} {
		if _, ok := unpackDocProfiles(s); ok {
			t.Errorf("%q: unpacked", s)
		}
	}
}

func FuzzUnpackDocProfiles(f *testing.F) {
	f.Add(PackDocProfile(DocProfile{File: "a.txt", Line: 1, Sections: []Section{{Key: SecTraits, Items: []string{"x"}}}}))
	f.Fuzz(func(t *testing.T, s string) {
		docs, ok := unpackDocProfiles(s)
		if !ok {
			return
		}
		var p Profile
		p.SetDocs(docs...)
		if again, _ := unpackDocProfiles(p.Packed()); !cmp.Equal(docs, again, cmpopts.EquateEmpty()) {
			t.Errorf("%q: repacked differs", s)
		}
	})
}
