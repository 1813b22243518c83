package graph

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestSimilarLinks checks the links WithSimilar makes against Similar
// itself, role by role, on random profiles: entries written in other
// cases and widths, entries that normalise to nothing, repeats, an
// aptitude both a strength and a weakness, classifications that part at
// every level, roles with no profile, and many ties.
func TestSimilarLinks(t *testing.T) {
	for seed := range uint64(6) {
		rng := rand.New(rand.NewPCG(seed, 7))
		pick := func(vocab []string, max int) []string {
			var out []string
			for range rng.IntN(max + 1) {
				out = append(out, vocab[rng.IntN(len(vocab))])
			}
			return out
		}
		skills := []string{"Typing", "typing", "ＴＹＰＩＮＧ", "Filing", "Budgeting", "Negotiation skills", "・", "", "Welding", "First aid"}
		quals := []string{"Exam", "EXAM", "Licence", "Degree", "・"}
		apts := []string{"Patience", "Focus", "focus", "Stamina", "Calm", "・"}
		classes := [][]string{{"Office"}, {"Office", "Clerical"}, {"office", "CLERICAL", "Filing"}, {"Office", "Finance"}, {"Trades", "Metal"}, {"Trades"}, nil}
		var b Builder
		n := 40 + rng.IntN(200)
		for i := range n {
			r := Role{ID: fmt.Sprintf("r%03d", i), Name: fmt.Sprintf("Role %d", rng.IntN(n/3+1))} // names repeat: ties fall to the ID
			r.Classification = classes[rng.IntN(len(classes))]
			if rng.IntN(6) > 0 {
				p := &Profile{RequiredSkills: pick(skills, 4), RecommendedSkills: pick(skills, 2), Qualifications: pick(quals, 2)}
				var as, ws []Aptitude
				for _, it := range pick(apts, 3) {
					as = append(as, Aptitude{Item: it})
				}
				for _, it := range pick(apts, 2) {
					ws = append(ws, Aptitude{Item: it})
				}
				p.SetDocs(DocProfile{File: r.ID + ".txt", Sections: []Section{
					{Key: SecStrengths, Aptitudes: as}, {Key: SecWeaknesses, Aptitudes: ws},
				}})
				r.Profile, r.Documented = p, true
			}
			b.AddRole(r)
		}
		g, err := b.Build()
		if err != nil {
			t.Fatal(err)
		}
		roles := g.allRoles()
		links := similarLinks(roles)
		for i, r := range roles {
			var want []similarTo
			if r.Profile != nil {
				found, err := g.Similar(r.ID, SimilarLinks)
				if err != nil {
					t.Fatal(err)
				}
				for _, s := range found {
					if s.Score < SimilarMinScore {
						break
					}
					want = append(want, similarTo{g.at(s.Role), int32(s.Score)})
				}
			}
			if diff := cmp.Diff(want, links[i], cmp.AllowUnexported(similarTo{}), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("seed %d, %s: links (-Similar +index):\n%s", seed, r.ID, diff)
			}
		}
	}
}
