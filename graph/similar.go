package graph

import (
	"cmp"
	"slices"
	"strconv"

	"careergraph/internal/parallel"
)

// The points of a Similar score: each skill and each qualification both
// roles list, each aptitude item (strength or acceptable weakness) both
// tables name, and each level of the classification both share, from the
// broadest down to the first that differs.
const (
	SimilarSkillPoints         = 3
	SimilarQualificationPoints = 3
	SimilarAptitudePoints      = 1
	SimilarClassPoints         = 2
)

// Similar is a role whose documents share content with another's: a
// suggestion from shared content, not a documented move.
type Similar struct {
	Role  string // role ID
	Score int    // the points of what is shared (see SimilarSkillPoints)
	// What both list, as the asked role's documents write it, in their
	// order; Class is the shared levels of the classification, broadest
	// first.
	Skills, Qualifications, Aptitudes, Class []string
}

// Similar returns the documented roles whose profiles share the most with
// the profile of the role with ID id, highest score first (ties by
// display name, then ID), at most limit of them (0 means no limit).
// Roles sharing nothing are left out, and so is every role when id has
// no Profile. An unknown ID wraps ErrNotFound. It compares id with every
// documented role, a range of 4,096 roles per core at a time: O(total
// length of the profiles).
func (g *Graph) Similar(id string, limit int) ([]Similar, error) {
	i, err := g.index(id)
	if err != nil {
		return nil, err
	}
	me := *g.role(i)
	if me.Profile == nil {
		return []Similar{}, nil
	}
	type list struct {
		items  []string // as FieldValues gives them
		normal []string // each item's normal form
		keys   map[string]bool
		points int
	}
	var mine [3]list
	for n, items := range [3][]string{me.FieldValues(FieldSkill), me.FieldValues(FieldQualification), me.FieldValues(FieldAptitude)} {
		mine[n] = list{items: items, keys: map[string]bool{}, points: int(similarPoints[n])}
		for _, s := range items {
			k := NormalName(s)
			mine[n].normal = append(mine[n].normal, k)
			mine[n].keys[k] = true
		}
	}
	myClass := make([]string, len(me.Classification))
	for l, c := range me.Classification {
		myClass[l] = NormalName(c)
	}
	roles := g.allRoles()
	type found struct {
		Similar
		at int32 // the role's index
	}
	parts := make([][]found, parallel.Count(len(roles)))
	parallel.Numbered(len(roles), func(c, lo, hi int) {
		var has []string // the normal forms of one of r's lists that mine has
		for j := lo; j < hi; j++ {
			r := roles[j]
			if int32(j) == i || r.Profile == nil {
				continue
			}
			s := Similar{Role: r.ID}
			var shared [3][]string
			for n, items := range similarLists(r) {
				has = has[:0]
				for _, it := range items {
					if k := NormalName(it); mine[n].keys[k] {
						has = append(has, k)
					}
				}
				for x, it := range mine[n].items {
					if k := mine[n].normal[x]; slices.Contains(has, k) {
						has = slices.DeleteFunc(has, func(h string) bool { return h == k }) // each once
						shared[n] = append(shared[n], it)
						s.Score += mine[n].points
					}
				}
			}
			s.Skills, s.Qualifications, s.Aptitudes = shared[0], shared[1], shared[2]
			for l := 0; l < len(myClass) && l < len(r.Classification); l++ {
				if myClass[l] != NormalName(r.Classification[l]) {
					break
				}
				s.Class = append(s.Class, me.Classification[l])
				s.Score += SimilarClassPoints
			}
			if s.Score > 0 {
				parts[c] = append(parts[c], found{s, int32(j)})
			}
		}
	})
	all := slices.Concat(parts...)
	slices.SortFunc(all, func(a, b found) int {
		if a.Score != b.Score { // names compared only where scores tie
			return cmp.Compare(b.Score, a.Score)
		}
		return cmp.Or(cmp.Compare(roles[a.at].Name, roles[b.at].Name), cmp.Compare(a.Role, b.Role))
	})
	if limit > 0 && len(all) > limit {
		all = all[:limit]
	}
	var out []Similar // nil when none, as before
	for _, f := range all {
		out = append(out, f.Similar)
	}
	return out, nil
}

// similarLists returns what Similar compares of r, which has a profile:
// its skills (required, then recommended), qualifications and aptitude
// items (strengths, then weaknesses). Each is counted once by normal
// form, so a list need not be without repeats.
func similarLists(r Role) [3][]string {
	p := r.Profile
	skills := p.RequiredSkills
	if len(p.RecommendedSkills) > 0 {
		skills = slices.Concat(p.RequiredSkills, p.RecommendedSkills)
	}
	apt := p.ItemLists(SecStrengths, SecWeaknesses)
	return [3][]string{skills, p.Qualifications, append(apt[0], apt[1]...)}
}

// The links WithSimilar adds: from each documented role to at most
// SimilarLinks of its most similar roles scoring at least
// SimilarMinScore.
const (
	SimilarLinks    = 5
	SimilarMinScore = 6
)

// SimilarMoveCost returns what a move between roles of Similar score
// score costs: 7 − score/4 (integer division), and never below 3, so that
// a suggestion from shared content costs more than a documented lateral
// move at the default cost (DefaultLateralCost) and more sharing costs
// less: score 6–7 costs 6, 8–11 costs 5, 12–15 costs 4, 16 and more 3.
func SimilarMoveCost(score int) int { return max(3, 7-score/4) }

// WithSimilar returns a copy of g with a related move from each
// documented role to each of its most similar roles (see SimilarLinks),
// costing SimilarMoveCost of their score, with Attrs.Basis "similar" and
// the score in Attrs.Note, and no sources: suggestions from shared
// content, not documented moves. Where a move of that kind is written
// already, the graph keeps the cheaper. It finds what Similar finds for
// every documented role through an index of which roles list each
// entry, reading each profile once and comparing a role only with those
// that list something it lists, on all cores: O(total length of the
// profiles + Σ, over the entries and classification levels, the square
// of how many roles list each); O(D²) for D documented roles when one
// entry is listed by all, which for large corpora takes a while.
func (g *Graph) WithSimilar() (*Graph, error) {
	var b Builder
	b.Grow(g.numRoles(), len(g.allMoves()))
	for _, r := range g.allRoles() {
		b.AddRole(r)
	}
	for _, m := range g.allMoves() {
		b.AddMoveOf(int(g.at(m.From)), int(g.at(m.To)), m)
	}
	for _, rung := range g.rungs {
		hs := make([]int, len(rung))
		for i, h := range rung {
			hs[i] = int(h)
		}
		b.AddRung(hs...)
	}
	// Each role's most similar, on all cores; added in role order.
	for i, found := range similarLinks(g.allRoles()) {
		for _, s := range found {
			b.AddMoveOf(i, int(s.role), Move{Kind: Related, Milli: int32(SimilarMoveCost(int(s.score)) * 1000),
				Attrs: &MoveAttrs{Basis: "similar", Note: "shared content, score " + strconv.Itoa(int(s.score))}})
		}
	}
	return b.Build()
}
