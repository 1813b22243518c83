package graph

import (
	"math/bits"
	"slices"
	"sync"
)

// nameSearch is Search's index, built once per graph on first use: for
// each bigram (pair of runes) of the roles' normal forms, with katakana
// folded to hiragana, the roles whose forms hold it; and the roles by
// the rune length of their forms, for queries too short for bigrams to
// say anything.
//
// Search keeps its meaning: the index only chooses candidates, a
// superset of the roles that can match, and each candidate is scored
// exactly as a scan scores it. Three kinds of match need three bounds:
//
//   - equal, prefix and substring: the form holds every bigram of the
//     query;
//   - all words: the form holds every bigram of each word;
//   - edit distance at most k: the form's length is within k of the
//     query's, and by the q-gram lemma, each edit spoils at most two of
//     the query's bigram positions, so the form holds at least D−2k of
//     the query's D distinct bigrams. (The role is a candidate when it
//     has a form of each kind, a bound still.)
//
// Folding kana is safe for every query: a query without kana matches a
// form with katakana (as a substring, word or within an edit distance)
// exactly when it matches the folded form, since kana in the form
// never equals a character of the query either way.
type nameSearch struct {
	postings map[uint64][]int32 // bigram → roles holding it, ascending
	byLen    map[int][]int32    // rune length of a form → roles with one, ascending
	maxLen   int                // longest form, in runes

	scratch sync.Pool // *searchScratch
}

// searchScratch is one search's working memory: a bit per distinct
// bigram of the query for each role touched, and the roles touched.
type searchScratch struct {
	mask    []uint64
	touched []int32
}

// maxQueryBigrams is how many distinct bigrams the index handles in one
// query (one bit each); a longer query is scanned.
const maxQueryBigrams = 64

func bigram(a, b rune) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// nameIndex returns the graph's search index, building it on first use:
// O(total name length).
func (g *Graph) nameIndex() *nameSearch {
	g.searchOnce.Do(func() {
		ix := &nameSearch{postings: map[uint64][]int32{}, byLen: map[int][]int32{}}
		for i := range g.numRoles() {
			for j := g.formOff[i]; j < g.formOff[i+1]; j++ {
				f := g.form(j)
				f = hiraganaOf(f)
				n := 0
				prev := rune(-1)
				for _, r := range f {
					if prev >= 0 {
						k := bigram(prev, r)
						p := ix.postings[k]
						if len(p) == 0 || p[len(p)-1] != int32(i) {
							ix.postings[k] = append(p, int32(i))
						}
					}
					prev = r
					n++
				}
				if p := ix.byLen[n]; len(p) == 0 || p[len(p)-1] != int32(i) {
					ix.byLen[n] = append(p, int32(i))
				}
				ix.maxLen = max(ix.maxLen, n)
			}
		}
		n := g.numRoles()
		ix.scratch.New = func() any { return &searchScratch{mask: make([]uint64, n)} }
		g.nameIx = ix
	})
	return g.nameIx
}

// candidates returns the roles that may match the normal-form query q
// (katakana folded) with words and edit bound maxEdit, ascending; ok is
// false when the query is one the index cannot narrow down (a single
// rune, or too many distinct bigrams): then every role is a candidate.
func (ix *nameSearch) candidates(q string, words []string, maxEdit int) (out []int32, ok bool) {
	var grams []uint64
	index := func(k uint64) int {
		if at := slices.Index(grams, k); at >= 0 {
			return at
		}
		grams = append(grams, k)
		return len(grams) - 1
	}
	var all uint64 // the bits of the query's bigrams
	prev := rune(-1)
	lq := 0
	for _, r := range q {
		if prev >= 0 {
			all |= 1 << uint(min(index(bigram(prev, r)), maxQueryBigrams-1))
		}
		prev = r
		lq++
	}
	if lq < 2 || len(grams) > maxQueryBigrams {
		return nil, false
	}
	// Each word of two runes or more must be in the form whole; a word
	// of one rune says nothing here.
	var wordMasks []uint64
	if len(words) > 1 {
		for _, w := range words {
			var m uint64
			prev := rune(-1)
			for _, r := range w {
				if prev >= 0 {
					m |= 1 << uint(index(bigram(prev, r)))
				}
				prev = r
			}
			if m == 0 { // a one-rune word: any role may hold all words
				return nil, false
			}
			wordMasks = append(wordMasks, m)
		}
	}
	need := bits.OnesCount64(all) - 2*maxEdit // shared bigrams an edit match keeps

	s := ix.scratch.Get().(*searchScratch)
	defer ix.scratch.Put(s)
	for b, k := range grams {
		for _, i := range ix.postings[k] {
			if s.mask[i] == 0 {
				s.touched = append(s.touched, i)
			}
			s.mask[i] |= 1 << uint(b)
		}
	}
	for _, i := range s.touched {
		m := s.mask[i]
		keep := m&all == all
		if !keep && wordMasks != nil {
			keep = true
			for _, w := range wordMasks {
				if m&w != w {
					keep = false
					break
				}
			}
		}
		if keep {
			out = append(out, i)
		}
	}
	// An edit match is with a form of about the query's length that
	// shares need of its bigrams; too short a query for bigrams to bound
	// the edit distance (need <= 0) leaves the length alone.
	for n := max(0, lq-maxEdit); n <= min(ix.maxLen, lq+maxEdit); n++ {
		for _, i := range ix.byLen[n] {
			if need <= 0 || bits.OnesCount64(s.mask[i]&all) >= need {
				out = append(out, i)
			}
		}
	}
	for _, i := range s.touched {
		s.mask[i] = 0
	}
	s.touched = s.touched[:0]
	slices.Sort(out)
	return slices.Compact(out), true
}
