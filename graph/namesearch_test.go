package graph_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"careergraph/graph"
	"careergraph/loader"
)

// searchQueries returns n queries made from the names of g the way
// people type them: prefixes, pieces, words out of order, typos, the
// other kana script, one or two characters, and noise.
func searchQueries(g *graph.Graph, rng *rand.Rand, n int) []string {
	var names []string
	for _, r := range g.Roles() {
		names = append(names, r.Name, r.Reading)
		names = append(names, r.Names...)
	}
	alphabet := []rune("abcdefghijklmnopqrstuvwxyz eiaon-()0123456789あいうかきアイウカキ課長部")
	out := []string{"", " ", "a", "x", "課", "ア", "zz", "chief", "CHIEF", "section chief", "of", "q z", "a b c", strings.Repeat("ab", 40)}
	for len(out) < n {
		name := []rune(names[rng.IntN(len(names))])
		if len(name) == 0 {
			continue
		}
		var q []rune
		switch rng.IntN(8) {
		case 0: // a prefix, as typed
			q = name[:1+rng.IntN(len(name))]
		case 1: // a piece
			i := rng.IntN(len(name))
			q = name[i : i+1+rng.IntN(len(name)-i)]
		case 2: // words out of order, some dropped
			w := strings.Fields(string(name))
			rng.Shuffle(len(w), func(i, j int) { w[i], w[j] = w[j], w[i] })
			q = []rune(strings.Join(w[:1+rng.IntN(len(w))], " "))
		case 3, 4: // typos
			q = append([]rune(nil), name...)
			for range 1 + rng.IntN(4) {
				i := rng.IntN(len(q) + 1)
				c := alphabet[rng.IntN(len(alphabet))]
				switch rng.IntN(3) {
				case 0:
					q = append(q[:i], append([]rune{c}, q[i:]...)...)
				case 1:
					if i < len(q) {
						q = append(q[:i], q[i+1:]...)
					}
				default:
					if i < len(q) {
						q[i] = c
					}
				}
			}
		case 5: // the other kana script
			for _, r := range name {
				switch {
				case 'ぁ' <= r && r <= 'ゖ':
					r += 0x60
				case 'ァ' <= r && r <= 'ヶ':
					r -= 0x60
				}
				q = append(q, r)
			}
		case 6: // one or two characters of it
			i := rng.IntN(len(name))
			q = name[i:min(len(name), i+1+rng.IntN(2))]
		default: // noise
			for range 1 + rng.IntN(12) {
				q = append(q, alphabet[rng.IntN(len(alphabet))])
			}
		}
		out = append(out, string(q))
	}
	return out
}

func matchStrings(ms []graph.Match) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = fmt.Sprintf("%s|%s|%d", m.Role.ID, m.MatchBy, m.Score)
	}
	return out
}

// TestSearchIndexSameAsScan holds Search with its index to the answers
// of scanning every name, on random queries over the seeds and over a
// synthetic corpus of many similar names.
func TestSearchIndexSameAsScan(t *testing.T) {
	seeds, err := loader.LoadSeeds()
	if err != nil {
		t.Fatal(err)
	}
	graphs := []struct {
		name string
		g    *graph.Graph
		n    int
	}{
		{"seeds", seeds.Graph, 3000},
		{"synthetic", syntheticNames(t, 2000), 1500},
	}
	if testing.Short() {
		for i := range graphs {
			graphs[i].n /= 10
		}
	}
	for _, tt := range graphs {
		t.Run(tt.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, uint64(len(tt.name))))
			for _, q := range searchQueries(tt.g, rng, tt.n) {
				all := matchStrings(graph.SearchScan(tt.g, q, 0))
				for _, limit := range []int{0, 1, 8} {
					want := all
					if limit > 0 && len(want) > limit {
						want = want[:limit]
					}
					got := matchStrings(tt.g.Search(q, limit))
					if strings.Join(got, "\n") != strings.Join(want, "\n") {
						t.Fatalf("Search(%q, %d) =\n%s\nwant (scanning every name)\n%s", q, limit, strings.Join(got, "\n"), strings.Join(want, "\n"))
					}
				}
			}
		})
	}
}

// syntheticNames builds a graph of n roles named from a few words, with
// aliases and kana readings, so that many names are near one another.
func syntheticNames(t testing.TB, n int) *graph.Graph {
	rng := rand.New(rand.NewPCG(3, 4))
	words := []string{"Senior", "Junior", "Chief", "Regional", "Sales", "Account", "Section", "Division",
		"Manager", "Director", "Officer", "Clerk", "Nurse", "Inspector", "課長", "部長", "係長", "Ö", "é"}
	kana := []string{"か", "ちょう", "ぶ", "カ", "チョウ", "ぶちょう", "かかり", "ー"}
	var b graph.Builder
	for i := range n {
		var name []string
		for range 1 + rng.IntN(4) {
			name = append(name, words[rng.IntN(len(words))])
		}
		if rng.IntN(3) == 0 {
			name = append(name, fmt.Sprint(i))
		}
		r := graph.Role{ID: fmt.Sprintf("r%d", i), Name: strings.Join(name, " ")}
		r.Names = []string{r.Name}
		if rng.IntN(2) == 0 {
			r.Names = append(r.Names, strings.ToLower(words[rng.IntN(len(words))])+" "+fmt.Sprint(i%97))
		}
		if rng.IntN(2) == 0 {
			var k string
			for range 1 + rng.IntN(4) {
				k += kana[rng.IntN(len(kana))]
			}
			r.Reading = k
		}
		b.AddRole(r)
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}
