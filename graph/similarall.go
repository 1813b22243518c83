package graph

import (
	"cmp"
	"slices"
	"sync"

	"careergraph/internal/parallel"
)

// similarIndex finds every documented role's most similar roles at once
// (WithSimilar): Similar for each role compares it with every other, D²
// comparisons of whole profiles for D documented roles; here each role's
// lists are read and normalised once, and a role is compared only with
// the roles that list something it lists, through lists of who lists
// what. The scores, and so the links, are Similar's.
type similarIndex struct {
	roles []Role
	// items[i] is role i's distinct items of each kind, by number: its
	// skills, qualifications and aptitude items, and the nodes of its
	// classification, broadest first (a node is a level's normal form
	// under the node above it). Nil for a role without a profile.
	items [][similarKinds][]int32
	// listers[k][n] is the roles listing item n of kind k, in order.
	listers [similarKinds][][]int32
	// rank[i] is role i's place among the roles by display name, then
	// ID: how ties in score are broken, compared as numbers.
	rank []int32
}

// The kinds of what roles share, and the points of each.
const (
	similarSkill = iota
	similarQualification
	similarAptitude
	similarClass
	similarKinds
)

var similarPoints = [similarKinds]int32{SimilarSkillPoints, SimilarQualificationPoints, SimilarAptitudePoints, SimilarClassPoints}

// classNode is a level of a classification under the node above it (-1
// for the broadest level), in normal form.
type classNode struct {
	parent int32
	name   string
}

// newSimilarIndex reads every role's lists, as Similar reads them.
func newSimilarIndex(roles []Role) *similarIndex {
	x := &similarIndex{roles: roles, items: make([][similarKinds][]int32, len(roles))}
	// Each role's normal forms, on all cores; then numbered in role
	// order, so that the numbers are the same every run.
	normal := make([][similarKinds][]string, len(roles))
	parallel.Chunks(len(roles), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			r := roles[i]
			if r.Profile == nil {
				continue
			}
			l := similarLists(r)
			for k, list := range [similarKinds][]string{l[0], l[1], l[2], r.Classification} {
				forms := make([]string, len(list))
				for j, s := range list {
					forms[j] = NormalName(s)
				}
				normal[i][k] = forms
			}
		}
	})
	var ids [similarClass]map[string]int32
	for k := range ids {
		ids[k] = map[string]int32{}
	}
	nodes := map[classNode]int32{}
	for i := range roles {
		if roles[i].Profile == nil {
			continue
		}
		for k := range similarClass {
			for _, n := range normal[i][k] {
				id, ok := ids[k][n]
				if !ok {
					id = int32(len(ids[k]))
					ids[k][n] = id
				}
				x.items[i][k] = append(x.items[i][k], id)
			}
			x.items[i][k] = slices.Compact(slices.Sorted(slices.Values(x.items[i][k])))
		}
		parent := int32(-1)
		for _, n := range normal[i][similarClass] {
			node := classNode{parent, n}
			id, ok := nodes[node]
			if !ok {
				id = int32(len(nodes))
				nodes[node] = id
			}
			x.items[i][similarClass] = append(x.items[i][similarClass], id)
			parent = id
		}
	}
	for k := range similarKinds {
		n := len(nodes)
		if k < similarClass {
			n = len(ids[k])
		}
		x.listers[k] = make([][]int32, n)
	}
	for i, its := range x.items {
		for k, list := range its {
			for _, id := range list {
				x.listers[k][id] = append(x.listers[k][id], int32(i))
			}
		}
	}
	byName := make([]int32, len(roles))
	for i := range byName {
		byName[i] = int32(i)
	}
	slices.SortFunc(byName, func(a, b int32) int {
		return cmp.Or(cmp.Compare(roles[a].Name, roles[b].Name), cmp.Compare(roles[a].ID, roles[b].ID))
	})
	x.rank = make([]int32, len(roles))
	for r, i := range byName {
		x.rank[i] = int32(r)
	}
	return x
}

// similarTo is a role and its Similar score with another.
type similarTo struct {
	role  int32
	score int32
}

// similarScratch is one goroutine's scores of every role for the role it
// is finding the most similar of, and which it has touched.
type similarScratch struct {
	score   []int32
	touched []int32
}

// most returns the limit roles most similar to role i (every one, when
// limit is 0 or less), as Similar(ID, limit) orders them: highest score
// first, ties by display name, then ID; roles sharing nothing are left
// out. s's scores must all be zero, and are left so.
func (x *similarIndex) most(i int32, limit int, s *similarScratch) []similarTo {
	if limit <= 0 {
		limit = len(x.roles)
	}
	for k, list := range x.items[i] {
		for _, id := range list {
			for _, j := range x.listers[k][id] {
				if j == i {
					continue
				}
				if s.score[j] == 0 {
					s.touched = append(s.touched, j)
				}
				s.score[j] += similarPoints[k]
			}
		}
	}
	better := func(a, b similarTo) int {
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		return cmp.Compare(x.rank[a.role], x.rank[b.role])
	}
	var best []similarTo // sorted, at most limit
	for _, j := range s.touched {
		c := similarTo{j, s.score[j]}
		s.score[j] = 0
		if len(best) == limit && better(c, best[limit-1]) >= 0 {
			continue
		}
		at, _ := slices.BinarySearchFunc(best, c, better)
		best = slices.Insert(best, at, c)
		if len(best) > limit {
			best = best[:limit]
		}
	}
	s.touched = s.touched[:0]
	return best
}

// similarLinks returns, for each role, the roles WithSimilar links it
// to with their scores: its SimilarLinks most similar, scoring at least
// SimilarMinScore. It finds them on all cores.
func similarLinks(roles []Role) [][]similarTo {
	x := newSimilarIndex(roles)
	links := make([][]similarTo, len(roles))
	scratch := sync.Pool{New: func() any { return &similarScratch{score: make([]int32, len(roles))} }}
	parallel.Each(len(roles), func(i int) {
		if roles[i].Profile == nil {
			return
		}
		s := scratch.Get().(*similarScratch)
		found := x.most(int32(i), SimilarLinks, s)
		scratch.Put(s)
		for n, f := range found {
			if f.score < SimilarMinScore {
				found = found[:n]
				break
			}
		}
		links[i] = found
	})
	return links
}
