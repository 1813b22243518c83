package graph

import (
	"cmp"
	"slices"
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
// documented role: O(total length of the profiles).
func (g *Graph) Similar(id string, limit int) ([]Similar, error) {
	i, err := g.index(id)
	if err != nil {
		return nil, err
	}
	me := g.roles[i]
	if me.Profile == nil {
		return []Similar{}, nil
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
	for j, r := range g.roles {
		if int32(j) == i || r.Profile == nil {
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
					delete(has, k) // each once
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
		ra, rb := g.roles[g.byID[a.Role]], g.roles[g.byID[b.Role]]
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(ra.Name, rb.Name), cmp.Compare(a.Role, b.Role))
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}
