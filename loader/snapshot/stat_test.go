package snapshot

import (
	"os"
	"path/filepath"
	"testing"
)

// TestLooker holds a looker, which looks at files by name in a folder it
// keeps open, to os.Stat, over names in the same folder, in others,
// relative and absolute, through a link, missing, with a NUL byte, and
// folders.
func TestLooker(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"a", "b"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	a, b, c := filepath.Join(dir, "a", "1.txt"), filepath.Join(dir, "a", "2.txt"), filepath.Join(dir, "b", "3.txt")
	write(t, a, "one", false)
	write(t, b, "three", false)
	write(t, c, "eleven chars", false)
	link := filepath.Join(dir, "b", "link.txt")
	if err := os.Symlink(a, link); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(dir, "a"))
	names := []string{a, b, c, link, "1.txt", "./2.txt", "../b/3.txt", filepath.Join(dir, "a", "missing.txt"),
		filepath.Join(dir, "b"), dir + "/", "missing.txt", a, a + "\x00", "1.txt\x00.txt"}
	var l looker
	defer l.close()
	for _, name := range names {
		kind, size, mtime, err := l.stat(name)
		info, werr := os.Stat(name)
		if (err == nil) != (werr == nil) {
			t.Errorf("stat(%q): error %v; os.Stat's %v", name, err, werr)
			continue
		}
		if err != nil {
			continue
		}
		wantKind := kindOther
		switch {
		case info.Mode().IsRegular():
			wantKind = kindRegular
		case info.IsDir():
			wantKind = kindDir
		}
		if kind != wantKind || kind == kindRegular && size != info.Size() || !mtime.Equal(info.ModTime()) {
			t.Errorf("stat(%q) = %v, %d, %v; os.Stat says %v, %d, %v", name, kind, size, mtime, wantKind, info.Size(), info.ModTime())
		}
	}
}
