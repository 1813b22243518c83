//go:build linux

package graph

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
)

// TestPackedMappedCutShort reads packed sections from a mapped file cut
// short under the mapping, the second document past the end that is
// left: Docs gives the first document and ErrDamagedProfile, ItemLists
// and Text the first document's items and text, and none panics.
func TestPackedMappedCutShort(t *testing.T) {
	first := PackDocProfile(DocProfile{File: "a.txt", Line: 1, Sections: []Section{
		{Key: SecTraits, Heading: "Traits", Line: 2, Items: []string{"Calm"}},
		{Key: SecDescription, Heading: "Description", Line: 3, Text: "Keeps the harbour."},
	}})
	second := PackDocProfile(DocProfile{File: "b.txt", Line: 1, Sections: []Section{
		{Key: SecTraits, Heading: "Traits", Line: 2, Items: []string{"Brave", strings.Repeat("Steady ", 3000)}},
		{Key: SecDescription, Heading: "Description", Line: 3, Text: "Sails."},
	}})
	page := os.Getpagesize()
	if len(first) >= page || len(first)+len(second) <= 2*page {
		t.Fatalf("frames of %d and %d bytes: want the first within a page, the second past the next", len(first), len(second))
	}
	name := filepath.Join(t.TempDir(), "profiles")
	if err := os.WriteFile(name, []byte(first+second), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := syscall.Mmap(int(f.Fd()), 0, len(first)+len(second), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		t.Skipf("mmap: %v", err)
	}
	defer syscall.Munmap(m)
	if err := os.Truncate(name, int64(page)); err != nil {
		t.Fatal(err)
	}
	var p Profile
	p.SetPacked(unsafe.String(&m[0], len(m)), nil)
	docs, err := p.Docs()
	if len(docs) != 1 || !errors.Is(err, ErrDamagedProfile) {
		t.Errorf("Docs of a file cut short: %d documents, %v; want the first and ErrDamagedProfile", len(docs), err)
	}
	if diff := cmp.Diff([][]string{{"Calm"}}, p.ItemLists(SecTraits)); diff != "" {
		t.Errorf("ItemLists of a file cut short (-want +got):\n%s", diff)
	}
	if got := p.Text(SecDescription); got != "Keeps the harbour." {
		t.Errorf("Text of a file cut short = %q; want the first document's", got)
	}
}
