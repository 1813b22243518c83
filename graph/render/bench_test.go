package render

import (
	"context"
	"fmt"
	"io"
	"testing"

	"careergraph/graph"
)

func BenchmarkSVGLadder(b *testing.B) {
	g := seedGraph(b)
	sel, err := g.SelectLadder(resolve(b, g, "Section Chief"), 0, true)
	if err != nil {
		b.Fatal(err)
	}
	benchSVG(b, g, sel)
}

func BenchmarkSVGAll300(b *testing.B) {
	g := synthetic(b, 300)
	benchSVG(b, g, g.SelectAll())
}

func BenchmarkDOTAll300(b *testing.B) {
	g := synthetic(b, 300)
	sel := g.SelectAll()
	for b.Loop() {
		if err := DOT(io.Discard, g, sel, Options{Reading: true}); err != nil {
			b.Fatal(err)
		}
	}
}

func benchSVG(b *testing.B, g *graph.Graph, sel graph.Selection) {
	b.ReportMetric(float64(len(sel.Roles)), "roles")
	for b.Loop() {
		if err := SVG(context.Background(), io.Discard, g, sel, Options{Reading: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// synthetic returns a graph shaped like the corpus: n roles in ladders
// of five, a third documented with a reading and one of six
// classifications, related moves across ladders, and every other ladder
// sharing a rung with the next.
func synthetic(b testing.TB, n int) *graph.Graph {
	b.Helper()
	var gb graph.Builder
	h := make([]int, n)
	for i := range n {
		r := graph.Role{Name: fmt.Sprintf("Role %d of ladder %d", i%5, i/5)}
		if i%3 == 0 {
			r.Documented = true
			r.Reading = "やくしょくめい"
			r.Docs = []string{fmt.Sprintf("doc%03d.txt", i)}
			r.Classification = []string{"Managerial Occupations", fmt.Sprintf("Group %d", i%6)}
		}
		h[i] = gb.AddRole(r)
	}
	for i := range n {
		src := graph.Source{File: fmt.Sprintf("doc%03d.txt", i/5*5), Line: 10 + i%5}
		if i%5 != 4 && i+1 < n {
			gb.AddMove(h[i], h[i+1], graph.Career, src)
		}
		if i%7 == 0 && i+11 < n {
			gb.AddMove(h[i], h[i+11], graph.Related, src)
		}
		if i%10 == 1 && i+5 < n {
			gb.AddRung(h[i], h[i+5])
		}
	}
	g, err := gb.Build()
	if err != nil {
		b.Fatal(err)
	}
	return g
}
