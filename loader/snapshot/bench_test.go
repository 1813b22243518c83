package snapshot

import (
	"bytes"
	"encoding/gob"
	"os"
	"testing"

	"careergraph/graph"
	"careergraph/loader"
)

// BenchmarkLoadDir loads the corpus in $CAREERGRAPH_BENCH_DATA from a
// warm snapshot: CAREERGRAPH_BENCH_DATA=out/bench/100k go test
// ./loader/snapshot -run '^$' -bench LoadDir -benchtime 1x.
func BenchmarkLoadDir(b *testing.B) {
	dir := os.Getenv("CAREERGRAPH_BENCH_DATA")
	if dir == "" {
		b.Skip("set CAREERGRAPH_BENCH_DATA to a corpus folder")
	}
	cache := b.TempDir()
	opt := loader.Options{Paths: []string{dir}}
	if _, _, err := Load(opt, cache, "bench"); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		_, hit, err := Load(opt, cache, "bench")
		if err != nil || !hit {
			b.Fatalf("Load: from cache %v, %v", hit, err)
		}
	}
}

// gobCorpus is the wire struct encoding/gob would write for a corpus: the
// alternative the package doc compares the binary format with.
type gobCorpus struct {
	NumDocuments, NumFiles int
	Skipped                []string
	Roles                  []graph.Role
	Moves                  []graph.Move
	Ends                   []graph.Ends
	Rungs                  [][]int32
	Problems               []loader.Problem
	Merges                 []loader.Merge
	Ambiguous              []loader.Ambiguity
	NearDuplicates         []loader.NearDuplicate
}

func toGob(c *loader.Corpus) gobCorpus {
	g := c.Graph
	roles := g.Roles()
	index := make(map[string]int32, len(roles))
	for i, r := range roles {
		index[r.ID] = int32(i)
	}
	w := gobCorpus{NumDocuments: c.NumDocuments, NumFiles: c.NumFiles, Skipped: c.Skipped, Roles: roles, Moves: g.Moves(),
		Problems: c.Problems, Merges: c.Merges, Ambiguous: c.Ambiguous, NearDuplicates: c.NearDuplicates}
	for _, m := range w.Moves {
		w.Ends = append(w.Ends, graph.Ends{From: index[m.From], To: index[m.To]})
	}
	for _, r := range g.Rungs() {
		var ids []int32
		for _, id := range r {
			ids = append(ids, index[id])
		}
		w.Rungs = append(w.Rungs, ids)
	}
	return w
}

func fromGob(w gobCorpus) (*loader.Corpus, error) {
	g, err := graph.Restore(w.Roles, w.Moves, w.Ends, w.Rungs)
	if err != nil {
		return nil, err
	}
	return &loader.Corpus{Graph: g, NumDocuments: w.NumDocuments, NumFiles: w.NumFiles, Skipped: w.Skipped,
		Problems: w.Problems, Merges: w.Merges, Ambiguous: w.Ambiguous, NearDuplicates: w.NearDuplicates}, nil
}

// BenchmarkCodec compares the binary format with encoding/gob on the
// corpus in $CAREERGRAPH_BENCH_DATA (go run ./cmd/gencorpus -n 10000
// -seed 1 -o /tmp/c10k): encode and decode times, and sizes as metrics.
func BenchmarkCodec(b *testing.B) {
	dir := os.Getenv("CAREERGRAPH_BENCH_DATA")
	if dir == "" {
		b.Skip("set CAREERGRAPH_BENCH_DATA to a corpus folder")
	}
	c, err := loader.Load(loader.Options{Paths: []string{dir}, DropDocuments: true})
	if err != nil {
		b.Fatal(err)
	}
	var key [32]byte
	bin := encodeSnapshot(b, key, c)
	body, index, profiles := splitSnapshot(b, bin)
	var gb bytes.Buffer
	if err := gob.NewEncoder(&gb).Encode(toGob(c)); err != nil {
		b.Fatal(err)
	}
	b.Run("binary/encode", func(b *testing.B) {
		for b.Loop() {
			encodeSnapshot(b, key, c)
		}
		b.ReportMetric(float64(len(bin)), "file-bytes")
	})
	b.Run("binary/decode", func(b *testing.B) {
		for b.Loop() {
			if _, err := decodeSnapshot(body, index, profiles, nil, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("gob/encode", func(b *testing.B) {
		for b.Loop() {
			var buf bytes.Buffer
			if err := gob.NewEncoder(&buf).Encode(toGob(c)); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(gb.Len()), "file-bytes")
	})
	b.Run("gob/decode", func(b *testing.B) {
		for b.Loop() {
			var w gobCorpus
			if err := gob.NewDecoder(bytes.NewReader(gb.Bytes())).Decode(&w); err != nil {
				b.Fatal(err)
			}
			if _, err := fromGob(w); err != nil {
				b.Fatal(err)
			}
		}
	})
}
