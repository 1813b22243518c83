package loader

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// loadWithin fails the test when Load does not return within a few
// seconds: a FIFO read without care blocks forever.
func loadWithin(t *testing.T, opt Options) (*Corpus, error) {
	t.Helper()
	type result struct {
		c   *Corpus
		err error
	}
	done := make(chan result, 1)
	go func() {
		c, err := Load(opt)
		done <- result{c, err}
	}()
	select {
	case r := <-done:
		return r.c, r.err
	case <-time.After(10 * time.Second):
		t.Fatalf("Load(%+v) did not return in 10s", opt)
		return nil, nil
	}
}

// TestLoadHostileFiles checks that only regular files are read, after
// links are followed, and none larger than the limit: a FIFO does not
// hang the load, a link to /dev/zero does not eat the memory, and each
// is a problem naming the file while the other documents load.
func TestLoadHostileFiles(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt":   "Mayor\nCareer Path\nClerk → Mayor\n",
		"big.txt": "Big\nSummary\n" + strings.Repeat("x", 2000) + "\n",
	})
	if err := mkfifo(filepath.Join(dir, "x.txt")); err != nil {
		t.Skipf("no FIFO on this system: %v", err)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		if err := os.Symlink("/dev/zero", filepath.Join(dir, "z.txt")); err != nil {
			t.Fatal(err)
		}
	}
	c, err := loadWithin(t, Options{Paths: []string{dir}, MaxFileSize: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Documents) != 1 || c.Documents[0].Title != "Mayor" {
		t.Errorf("Documents = %d; want Mayor alone", len(c.Documents))
	}
	want := map[string]string{
		"big.txt": "file too large (over the limit of 1000 bytes)",
		"x.txt":   "not a regular file",
		"z.txt":   "not a regular file",
	}
	if _, err := os.Lstat(filepath.Join(dir, "z.txt")); err != nil {
		delete(want, "z.txt")
	}
	for _, p := range c.Problems {
		name := filepath.Base(p.File)
		if w, ok := want[name]; ok && p.Severity == Error && strings.Contains(p.Msg, w) {
			delete(want, name)
		}
	}
	for name, w := range want {
		t.Errorf("%s: no error problem saying %q in %v", name, w, c.Problems)
	}
	if len(c.Skipped) != 3 && len(c.Skipped) != 2 {
		t.Errorf("Skipped = %v; want big.txt, x.txt and z.txt", c.Skipped)
	}
}

func TestLoadDefaultSizeLimit(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "Mayor\nSummary\nx\n"})
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(DefaultMaxFileSize + 1); err != nil { // sparse: no disk taken
		t.Fatal(err)
	}
	f.Close()
	c, err := Load(Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Skipped) != 1 || c.Skipped[0] != big {
		t.Errorf("Skipped = %v; want %s", c.Skipped, big)
	}
}

func TestLoadHostileAliasFile(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "Mayor\n"})
	fifo := filepath.Join(t.TempDir(), "aliases.csv")
	if err := mkfifo(fifo); err != nil {
		t.Skipf("no FIFO on this system: %v", err)
	}
	for _, aliases := range []string{fifo, "/dev/zero"} {
		if _, err := os.Stat(aliases); err != nil {
			continue
		}
		_, err := loadWithin(t, Options{Paths: []string{dir}, Aliases: aliases})
		var ae *AliasFileError
		if !errors.As(err, &ae) || !errors.Is(err, ErrNotRegular) {
			t.Errorf("Load(aliases %s) error = %v; want an *AliasFileError wrapping ErrNotRegular", aliases, err)
		}
	}
}

// TestLoadLinkedFolder checks that a path that is a link to a folder
// finds the documents in it.
func TestLoadLinkedFolder(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "Mayor\nSummary\nx\n", "sub/b.txt": "Governor\nSummary\nx\n"})
	link := filepath.Join(t.TempDir(), "L")
	if err := os.Symlink(dir, link); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	c, err := Load(Options{Paths: []string{link}})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Documents) != 2 {
		t.Fatalf("Load(link to folder) = %d documents; want 2", len(c.Documents))
	}
	for _, d := range c.Documents {
		if !strings.HasPrefix(d.File, link+string(filepath.Separator)) || strings.Contains(d.File, "//") {
			t.Errorf("document file %q; want it named below %s", d.File, link)
		}
	}
	var de *DataError
	if _, err := Load(Options{Paths: []string{filepath.Join(link, "none")}}); !errors.As(err, &de) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load(missing) error = %v; want a *DataError wrapping fs.ErrNotExist", err)
	}
}
