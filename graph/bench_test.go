package graph_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"careergraph/graph"
	"careergraph/loader"
)

// The benchmark graph: benchRoles roles on benchLevels levels, career
// moves from each level to the next, related moves between any two roles;
// about 500k moves in all. It is random with a fixed seed, so every run
// measures the same graph.
const (
	benchRoles   = 100_000
	benchLevels  = 10
	benchCareer  = 400_000
	benchRelated = 100_000
)

var benchWords = []string{
	"Senior", "Junior", "Chief", "Regional", "Sales", "Account", "Section", "Division",
	"Policy", "Research", "Clinical", "Field", "Project", "Office", "Plant", "Store",
	"Manager", "Director", "Officer", "Engineer", "Clerk", "Analyst", "Nurse", "Inspector",
}

type benchInput struct {
	roles []graph.Role
	moves [][3]int // from, to, kind
}

var (
	benchOnce  sync.Once
	benchIn    benchInput
	benchGraph *graph.Graph
)

func benchData(b *testing.B) (*graph.Graph, benchInput) {
	benchOnce.Do(func() {
		rng := rand.New(rand.NewPCG(42, 7))
		in := benchInput{roles: make([]graph.Role, benchRoles)}
		for i := range in.roles {
			name := fmt.Sprintf("%s %s %s %d",
				benchWords[rng.IntN(8)], benchWords[8+rng.IntN(8)], benchWords[16+rng.IntN(8)], i)
			in.roles[i] = graph.Role{Name: name, Names: []string{name}}
		}
		perLevel := benchRoles / benchLevels
		for range benchCareer {
			l := rng.IntN(benchLevels - 1)
			from := l*perLevel + rng.IntN(perLevel)
			to := (l+1)*perLevel + rng.IntN(perLevel)
			in.moves = append(in.moves, [3]int{from, to, int(graph.Career)})
		}
		for range benchRelated {
			from, to := rng.IntN(benchRoles), rng.IntN(benchRoles)
			if from != to {
				in.moves = append(in.moves, [3]int{from, to, int(graph.Related)})
			}
		}
		g, err := buildBench(in)
		if err != nil {
			panic(err)
		}
		benchIn, benchGraph = in, g
	})
	return benchGraph, benchIn
}

func buildBench(in benchInput) (*graph.Graph, error) {
	var bl graph.Builder
	for _, r := range in.roles {
		bl.AddRole(r)
	}
	for i, m := range in.moves {
		bl.AddMove(m[0], m[1], graph.Kind(m[2]), graph.Source{File: "bench.txt", Line: i + 1})
	}
	return bl.Build()
}

// benchPairs returns n random (from, to) role IDs, the same every run.
func benchPairs(g *graph.Graph, n int) [][2]string {
	rng := rand.New(rand.NewPCG(1, 1))
	roles := g.Roles()
	out := make([][2]string, n)
	for i := range out {
		out[i] = [2]string{roles[rng.IntN(len(roles))].ID, roles[rng.IntN(len(roles))].ID}
	}
	return out
}

// measure runs f once per benchmark iteration over rotating inputs and
// reports the median and 90th percentile time besides the mean.
func measure(b *testing.B, f func(i int)) {
	b.Helper()
	var d []time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		f(i)
		d = append(d, time.Since(start))
	}
	slices.Sort(d)
	if len(d) > 0 {
		b.ReportMetric(float64(d[len(d)/2].Nanoseconds()), "median-ns")
		b.ReportMetric(float64(d[len(d)*9/10].Nanoseconds()), "p90-ns")
		b.ReportMetric(float64(d[len(d)*99/100].Nanoseconds()), "p99-ns")
	}
}

func BenchmarkPath(b *testing.B) {
	g, _ := benchData(b)
	pairs := benchPairs(g, 1024)
	measure(b, func(i int) {
		p := pairs[i%len(pairs)]
		if _, err := g.Path(p[0], p[1], graph.PathOptions{}); err != nil && !errors.Is(err, graph.ErrNoPath) {
			b.Fatal(err)
		}
	})
}

func BenchmarkPathCareerOnly(b *testing.B) {
	g, _ := benchData(b)
	pairs := benchPairs(g, 1024)
	measure(b, func(i int) {
		p := pairs[i%len(pairs)]
		g.Path(p[0], p[1], graph.PathOptions{CareerOnly: true}) // mostly no route: levels go up only
	})
}

func BenchmarkPathsK5(b *testing.B) {
	g, _ := benchData(b)
	pairs := benchPairs(g, 256)
	measure(b, func(i int) {
		p := pairs[i%len(pairs)]
		if _, err := g.Paths(p[0], p[1], 5, graph.PathOptions{}); err != nil && !errors.Is(err, graph.ErrNoPath) {
			b.Fatal(err)
		}
	})
}

func BenchmarkReach(b *testing.B) {
	g, _ := benchData(b)
	pairs := benchPairs(g, 64)
	measure(b, func(i int) {
		rs, err := g.Reach(pairs[i%len(pairs)][0], graph.ReachOptions{})
		if err != nil || len(rs) < benchRoles/2 {
			b.Fatalf("Reach: %d roles, %v", len(rs), err)
		}
	})
}

func BenchmarkLadder(b *testing.B) {
	g, _ := benchData(b)
	pairs := benchPairs(g, 64)
	measure(b, func(i int) {
		if _, err := g.Ladder(pairs[i%len(pairs)][0], 0); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkSearch(b *testing.B) {
	g, _ := benchData(b)
	queries := []string{"regional sales manager", "Cheif Clerk", "Senior Field Nurse 4242", "inspector"}
	measure(b, func(i int) {
		g.Search(queries[i%len(queries)], 10)
	})
}

// BenchmarkSearchScan is Search without its index, scoring every name:
// what BenchmarkSearch measured before the index.
func BenchmarkSearchScan(b *testing.B) {
	g, _ := benchData(b)
	queries := []string{"regional sales manager", "Cheif Clerk", "Senior Field Nurse 4242", "inspector"}
	measure(b, func(i int) {
		graph.SearchScan(g, queries[i%len(queries)], 10)
	})
}

// BenchmarkSearchTyping is Search as suggestions ask it, one keystroke
// at a time.
func BenchmarkSearchTyping(b *testing.B) {
	g, _ := benchData(b)
	var queries []string
	for _, q := range []string{"regional sales manager", "Cheif Clerk", "insp"} {
		for n := 1; n <= len(q); n++ {
			queries = append(queries, q[:n])
		}
	}
	measure(b, func(i int) {
		g.Search(queries[i%len(queries)], 8)
	})
}

func BenchmarkBuild(b *testing.B) {
	_, in := benchData(b)
	measure(b, func(int) {
		if _, err := buildBench(in); err != nil {
			b.Fatal(err)
		}
	})
}

var (
	synthOnce  sync.Once
	synthGraph *graph.Graph
)

// benchSynth returns the graph of the 100k-document synthetic corpus of
// `make corpora`, or skips: unlike the benchmark graph it has hubs,
// generic roles thousands of documents name.
func benchSynth(b *testing.B) *graph.Graph {
	synthOnce.Do(func() {
		c, err := loader.Load(loader.Options{Paths: []string{"../out/bench/100k"}, DropDocuments: true})
		if err == nil {
			synthGraph = c.Graph
		}
	})
	if synthGraph == nil {
		b.Skip("no corpus in out/bench/100k (make corpora makes it)")
	}
	return synthGraph
}

// BenchmarkPathSynth100k is Path on the synthetic corpus, with hubs
// taken lazily (lazy), and as the plain search does (eager: every arc
// taken at once, every role on a cheapest route settled), reporting the
// roles settled per question.
func BenchmarkPathSynth100k(b *testing.B) {
	g := benchSynth(b)
	pairs := benchPairs(g, 1024)
	for _, c := range []struct {
		name string
		lazy int32
	}{{"lazy", 0}, {"eager", graph.Eager}} {
		b.Run(c.name, func(b *testing.B) {
			settled := 0
			n := 0
			measure(b, func(i int) {
				p := pairs[i%len(pairs)]
				_, s, err := graph.PathsSettled(g, p[0], p[1], 1, graph.PathOptions{}, c.lazy)
				if err != nil && !errors.Is(err, graph.ErrNoPath) {
					b.Fatal(err)
				}
				settled += s
				n++
			})
			b.ReportMetric(float64(settled)/float64(n), "settled/op")
		})
	}
}
