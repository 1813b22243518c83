package snapshot

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"careergraph/graph"
	"careergraph/loader"
)

// importedFixture copies the O*NET fixture of loader/source into a
// folder beside a moves sheet and a pathway table, all aged (see age),
// and returns the data folder, the O*NET folder and an empty cache
// folder.
func importedFixture(t *testing.T) (data, onet, cache string) {
	t.Helper()
	data = t.TempDir()
	onet = filepath.Join(data, "onet")
	if err := os.CopyFS(onet, os.DirFS("../source/testdata/onet")); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"moves.csv", "pathways.csv"} {
		text, err := os.ReadFile(filepath.Join("../source/testdata/files", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(data, f), text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	age(t, data)
	return data, onet, filepath.Join(t.TempDir(), "cache")
}

// sameImported fails unless a and b answer alike on imported data:
// roles with their levels, codes and descriptions, moves with their
// costs and attributes, sources, dropped counts, and routes.
func sameImported(t *testing.T, a, b *loader.Corpus) {
	t.Helper()
	sameCorpus(t, a, b)
	type view struct {
		Roles   []graph.Role
		Moves   []graph.Move
		Sources []loader.SourceInfo
		Dropped loader.Dropped
		Costs   []float64
	}
	see := func(c *loader.Corpus) view {
		g := c.Graph
		v := view{Roles: g.Roles(), Moves: g.Moves(), Sources: c.Sources, Dropped: c.Dropped}
		for _, m := range v.Moves {
			v.Costs = append(v.Costs, m.Cost())
		}
		return v
	}
	va, vb := see(a), see(b)
	if diff := cmp.Diff(va, vb, cmpopts.EquateEmpty(), unpacked); diff != "" {
		t.Errorf("imported corpora differ (-first +second):\n%s", diff)
	}
}

func TestLoadImported(t *testing.T) {
	data, onet, cache := importedFixture(t)
	opt := loader.Options{Paths: []string{data}}
	want, err := loader.Load(opt)
	if err != nil {
		t.Fatal(err)
	}
	first, hit := loadCached(t, opt, cache, "1")
	if hit {
		t.Fatal("first Load came from a cache that was empty")
	}
	second, hit := loadCached(t, opt, cache, "1")
	if !hit {
		t.Fatal("second Load did not use the snapshot: an O*NET folder is not cached")
	}
	sameImported(t, want, first)
	sameImported(t, want, second)
	levels, attrs := 0, 0
	for _, r := range want.Graph.Roles() {
		if r.Level != 0 && r.Code != "" && r.Description != "" {
			levels++
		}
	}
	for _, m := range want.Graph.Moves() {
		if m.Attrs != nil && m.Milli != 0 {
			attrs++
		}
	}
	if levels == 0 || attrs == 0 || len(want.Sources) != 3 || want.Dropped == (loader.Dropped{}) {
		t.Errorf("the fixture tests too little: %d roles with level, code and description, %d moves with cost and attributes, %d sources, dropped %+v",
			levels, attrs, len(want.Sources), want.Dropped)
	}

	// The O*NET folder alone, as --data onet names it.
	only := loader.Options{Paths: []string{onet}}
	loadCached(t, only, cache, "1")
	if _, hit := loadCached(t, only, cache, "1"); !hit {
		t.Error("an O*NET folder given alone is not cached")
	}
}

// TestLoadImportedStale changes an O*NET folder in the ways that change
// what is read, and in one that does not.
func TestLoadImportedStale(t *testing.T) {
	_, onet, cache := importedFixture(t)
	opt := loader.Options{Paths: []string{onet}}
	related := filepath.Join(onet, "Related Occupations.txt")
	changes := []struct {
		name  string
		stale bool
		do    func(t *testing.T)
	}{
		{"a file nothing reads", false, func(t *testing.T) {
			write(t, filepath.Join(onet, "Notes.txt"), "not O*NET\n", true)
		}},
		{"a read file's modification time", true, func(t *testing.T) {
			later := time.Now().Add(time.Hour)
			if err := os.Chtimes(related, later, later); err != nil {
				t.Fatal(err)
			}
		}},
		{"a read file's size", true, func(t *testing.T) {
			info, err := os.Stat(related)
			if err != nil {
				t.Fatal(err)
			}
			text, err := os.ReadFile(related)
			if err != nil {
				t.Fatal(err)
			}
			last := bytes.LastIndexByte(text[:len(text)-1], '\n') + 1 // the last row
			if err := os.WriteFile(related, text[:last], 0o644); err != nil {
				t.Fatal(err)
			}
			os.Chtimes(related, info.ModTime(), info.ModTime()) // only the size tells
		}},
		{"a file removed", true, func(t *testing.T) {
			if err := os.Remove(filepath.Join(onet, "Alternate Titles.txt")); err != nil {
				t.Fatal(err)
			}
		}},
		{"a racy edit that keeps size and time", true, func(t *testing.T) {
			text, err := os.ReadFile(related)
			if err != nil {
				t.Fatal(err)
			}
			now := time.Now()
			if err := os.Chtimes(related, now, now); err != nil {
				t.Fatal(err)
			}
			loadCached(t, opt, cache, "1") // keyed by the content: racy
			text[len(text)-2] ^= 1         // a digit of the last row's index
			if err := os.WriteFile(related, text, 0o644); err != nil {
				t.Fatal(err)
			}
			os.Chtimes(related, now, now)
		}},
	}
	loadCached(t, opt, cache, "1")
	for _, ch := range changes {
		ch.do(t)
		c, hit := loadCached(t, opt, cache, "1")
		if hit == ch.stale {
			t.Errorf("after %s: snapshot used = %v, want %v", ch.name, hit, !ch.stale)
		}
		want, err := loader.Load(opt)
		if err != nil {
			t.Fatal(err)
		}
		sameImported(t, want, c)
	}
}

// write writes text to name, its modification time an hour back when
// aged.
func write(t *testing.T, name, text string, aged bool) {
	t.Helper()
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if aged {
		age(t, name)
	}
}
