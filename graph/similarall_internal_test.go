package graph

import (
	stdcmp "cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// randomSimilarGraph returns a graph of n roles with random profiles
// (seeded): entries written in other cases and widths, entries that
// normalise to nothing, repeats, an aptitude both a strength and a
// weakness, classifications that part at every level and differ in
// case, a level's name under two parents, a level repeated, an empty
// level, roles with no profile or no entries, and names that repeat, so
// that scores tie and fall to the ID.
func randomSimilarGraph(t *testing.T, seed uint64, n int) *Graph {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 7))
	pick := func(vocab []string, max int) []string {
		var out []string
		for range rng.IntN(max + 1) {
			out = append(out, vocab[rng.IntN(len(vocab))])
		}
		return out
	}
	skills := []string{"Typing", "typing", "ＴＹＰＩＮＧ", "Filing", "Budgeting", "Negotiation skills", "・", "", "  ", "Welding", "First aid"}
	quals := []string{"Exam", "EXAM", "Licence", "Degree", "・"}
	apts := []string{"Patience", "Focus", "focus", "Stamina", "Calm", "・"}
	// A level's name under two parents, a level repeated, an empty one.
	classes := [][]string{{"Office"}, {"Office", "Clerical"}, {"office", "CLERICAL", "Filing"}, {"Office", "Finance"}, {"Trades", "Metal"}, {"Trades"},
		{"Trades", "Clerical"}, {"Trades", "Clerical", "Filing"}, {"Office", "Office"}, {"Office", "Office", "Filing"}, {"", "Clerical"}, {""}, nil}
	var b Builder
	for i := range n {
		r := Role{ID: fmt.Sprintf("r%05d", i), Name: fmt.Sprintf("Role %d", rng.IntN(n/3+1))}
		r.Classification = classes[rng.IntN(len(classes))]
		switch rng.IntN(8) {
		case 0:
		case 1:
			r.Profile, r.Documented = &Profile{}, true // no entries: its classification alone
		default:
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
	return g
}

// similarByScan is Similar as it was written first, one role after
// another with a map for what is shared: the reference.
func similarByScan(g *Graph, id string, limit int) []Similar {
	me := *g.role(g.at(id))
	if me.Profile == nil {
		return []Similar{}
	}
	type list struct {
		items  []string
		keys   map[string]bool
		points int
	}
	lists := func(r Role) [3][]string {
		return [3][]string{r.FieldValues(FieldSkill), r.FieldValues(FieldQualification), r.FieldValues(FieldAptitude)}
	}
	var mine [3]list
	for n, items := range lists(me) {
		mine[n] = list{items: items, keys: map[string]bool{}, points: []int{SimilarSkillPoints, SimilarQualificationPoints, SimilarAptitudePoints}[n]}
		for _, s := range items {
			mine[n].keys[NormalName(s)] = true
		}
	}
	var out []Similar
	for j, r := range g.allRoles() {
		if g.at(id) == int32(j) || r.Profile == nil {
			continue
		}
		s := Similar{Role: r.ID}
		var shared [3][]string
		for n, items := range lists(r) {
			has := map[string]bool{}
			for _, it := range items {
				if k := NormalName(it); mine[n].keys[k] {
					has[k] = true
				}
			}
			for _, it := range mine[n].items {
				if k := NormalName(it); has[k] {
					delete(has, k)
					shared[n] = append(shared[n], it)
					s.Score += mine[n].points
				}
			}
		}
		s.Skills, s.Qualifications, s.Aptitudes = shared[0], shared[1], shared[2]
		for l := 0; l < len(me.Classification) && l < len(r.Classification); l++ {
			if NormalName(me.Classification[l]) != NormalName(r.Classification[l]) {
				break
			}
			s.Class = append(s.Class, me.Classification[l])
			s.Score += SimilarClassPoints
		}
		if s.Score > 0 {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b Similar) int {
		ra, rb := g.role(g.at(a.Role)), g.role(g.at(b.Role))
		return stdcmp.Or(stdcmp.Compare(b.Score, a.Score), stdcmp.Compare(ra.Name, rb.Name), stdcmp.Compare(a.Role, b.Role))
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// TestSimilarManyRoles holds Similar, which scans ranges of roles on
// all cores, to the reference on more roles than one range.
func TestSimilarManyRoles(t *testing.T) {
	g := randomSimilarGraph(t, 1, 9000)
	roles := g.allRoles()
	for i := 0; i < len(roles); i += 450 {
		for _, limit := range []int{0, 5} {
			got, err := g.Similar(roles[i].ID, limit)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(similarByScan(g, roles[i].ID, limit), got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Similar(%s, %d) (-reference +got):\n%s", roles[i].ID, limit, diff)
			}
		}
	}
}

// TestSimilarLinks checks the links WithSimilar makes against Similar
// itself, role by role, on random profiles (randomSimilarGraph).
func TestSimilarLinks(t *testing.T) {
	for seed := range uint64(6) {
		rng := rand.New(rand.NewPCG(seed, 11))
		g := randomSimilarGraph(t, seed, 40+rng.IntN(200))
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

// TestSimilarMost holds the index's ranking of each role's most similar,
// at several limits and below the minimum score, to Similar's.
func TestSimilarMost(t *testing.T) {
	g := randomSimilarGraph(t, 9, 300)
	roles := g.allRoles()
	x := newSimilarIndex(roles)
	s := &similarScratch{score: make([]int32, len(roles))}
	for i, r := range roles {
		if r.Profile == nil {
			continue
		}
		for _, limit := range []int{1, 2, 5, 0} {
			var want []similarTo
			for _, f := range similarByScan(g, r.ID, limit) {
				want = append(want, similarTo{g.at(f.Role), int32(f.Score)})
			}
			if diff := cmp.Diff(want, x.most(int32(i), limit, s), cmp.AllowUnexported(similarTo{}), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s, limit %d (-Similar +index):\n%s", r.ID, limit, diff)
			}
		}
	}
}
