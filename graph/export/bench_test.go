package export_test

import (
	"io"
	"sync"
	"testing"

	"careergraph/graph"
	"careergraph/graph/export"
	"careergraph/loader"
	"careergraph/loader/synth"
)

var (
	benchOnce  sync.Once
	benchGraph *graph.Graph
	benchErr   error
)

// synthGraph loads a synthetic corpus of 10,000 documents (86,000 moves)
// once for the benchmarks.
func synthGraph(b *testing.B) *graph.Graph {
	b.Helper()
	benchOnce.Do(func() {
		dir := b.TempDir() // the graph keeps nothing of its files
		if benchErr = synth.Write(dir, 10000, 1); benchErr != nil {
			return
		}
		var c *loader.Corpus
		c, benchErr = loader.Load(loader.Options{Paths: []string{dir}, DropDocuments: true})
		if benchErr == nil {
			benchGraph = c.Graph
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchGraph
}

// BenchmarkExport writes the whole synthetic 10k graph in every stream
// format but Mermaid (which refuses more than 500 moves), to nowhere:
// what an export costs beyond the load. Each writes as it goes: what it
// allocates is each role's and move's own, garbage once written.
func BenchmarkExport(b *testing.B) {
	g := synthGraph(b)
	for _, f := range export.Formats() {
		if f.IsDir() || f.Name == "mermaid" {
			continue
		}
		b.Run(f.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := f.Write(io.Discard, g); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
