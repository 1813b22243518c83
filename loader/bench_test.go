package loader_test

import (
	"os"
	"testing"

	"careergraph/loader"
	"careergraph/loader/synth"
)

// benchCorpus writes a synthetic corpus of n documents for b once per
// benchmark and returns its folder.
func benchCorpus(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	if err := synth.Write(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	return dir
}

func benchLoad(b *testing.B, dir string) {
	b.Helper()
	b.ReportAllocs()
	for b.Loop() {
		c, err := loader.Load(loader.Options{Paths: []string{dir}})
		if err != nil {
			b.Fatal(err)
		}
		if c.Graph == nil {
			b.Fatal("no graph")
		}
	}
}

// BenchmarkLoad1k loads (reads, parses, resolves, builds) a synthetic
// corpus of a thousand documents.
func BenchmarkLoad1k(b *testing.B) { benchLoad(b, benchCorpus(b, 1000)) }

// BenchmarkLoadDir loads the corpus in $CAREERGRAPH_BENCH_DATA, such as
// one `make bench` generated: CAREERGRAPH_BENCH_DATA=out/bench/100k go
// test ./loader -run '^$' -bench LoadDir -benchtime 1x.
func BenchmarkLoadDir(b *testing.B) {
	dir := os.Getenv("CAREERGRAPH_BENCH_DATA")
	if dir == "" {
		b.Skip("set CAREERGRAPH_BENCH_DATA to a corpus folder")
	}
	benchLoad(b, dir)
}

// BenchmarkListDir lists the corpus in $CAREERGRAPH_BENCH_DATA, as Load
// does before it reads a file.
func BenchmarkListDir(b *testing.B) {
	dir := os.Getenv("CAREERGRAPH_BENCH_DATA")
	if dir == "" {
		b.Skip("set CAREERGRAPH_BENCH_DATA to a corpus folder")
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loader.ListFiles(loader.Options{Paths: []string{dir}}); err != nil {
			b.Fatal(err)
		}
	}
}
