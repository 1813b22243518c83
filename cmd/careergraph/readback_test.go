package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"careergraph/graph"
	"careergraph/loader"
	"careergraph/loader/snapshot"
	"careergraph/loader/synth"
)

// TestReadBack: a corpus just parsed is swapped for its snapshot, read
// back and answering alike; with no snapshot to read, it stays.
func TestReadBack(t *testing.T) {
	data, cache := t.TempDir(), filepath.Join(t.TempDir(), "cache")
	if err := synth.Write(data, 50, 3); err != nil {
		t.Fatal(err)
	}
	past := time.Now().Add(-time.Hour) // not racy: the key holds no content
	filepath.WalkDir(data, func(p string, _ os.DirEntry, err error) error {
		if err == nil {
			os.Chtimes(p, past, past)
		}
		return err
	})
	opt := loader.Options{Paths: []string{data}}
	parsed, cached, err := snapshot.Load(opt, cache, version)
	if err != nil || cached {
		t.Fatalf("first load: cached %v, %v", cached, err)
	}
	corpus := parsed
	readBack(opt, cache, &corpus)
	if corpus == parsed {
		t.Fatal("readBack kept the parsed corpus; want its snapshot read back")
	}
	if !slices.EqualFunc(corpus.Graph.Roles(), parsed.Graph.Roles(), func(a, b graph.Role) bool { return a.ID == b.ID && a.Name == b.Name }) ||
		len(corpus.Graph.Moves()) != len(parsed.Graph.Moves()) {
		t.Errorf("read back: %d roles, %d moves; parsed: %d, %d", len(corpus.Graph.Roles()), len(corpus.Graph.Moves()), len(parsed.Graph.Roles()), len(parsed.Graph.Moves()))
	}
	kept := parsed
	readBack(opt, "", &kept) // no cache
	if kept != parsed {
		t.Error("readBack with no cache folder changed the corpus")
	}
}
