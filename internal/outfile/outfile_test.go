//go:build unix

package outfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// leftovers returns the temporary files left in dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, ".*tmp-*"))
	return m
}

func TestWrite(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	failing := errors.New("the writer failed")
	tests := []struct {
		name     string
		setup    func(dir string) // makes what is there before
		write    func(io.Writer) error
		wantErr  error       // nil: success
		wantMode fs.FileMode // of out after success
		want     string      // content of out afterwards ("" if none)
	}{
		{"new file honours the umask", func(string) {}, writeString("new"), nil, 0o640, "new"},
		{"a 0600 file stays 0600", func(dir string) { os.WriteFile(filepath.Join(dir, "out"), []byte("old"), 0o600) }, writeString("new"), nil, 0o600, "new"},
		{"a 0644 file stays 0644", func(dir string) {
			os.WriteFile(filepath.Join(dir, "out"), []byte("old"), 0o644)
			os.Chmod(filepath.Join(dir, "out"), 0o644)
		}, writeString("new"), nil, 0o644, "new"},
		{"a failed write keeps the old file", func(dir string) { os.WriteFile(filepath.Join(dir, "out"), []byte("old"), 0o600) }, func(io.Writer) error { return failing }, failing, 0, "old"},
		{"a folder is refused", func(dir string) { os.Mkdir(filepath.Join(dir, "out"), 0o755) }, writeString("new"), ErrNotRegular, 0, ""},
		{"a symbolic link is refused", func(dir string) {
			os.WriteFile(filepath.Join(dir, "target"), []byte("target"), 0o644)
			os.Symlink("target", filepath.Join(dir, "out"))
		}, writeString("new"), ErrSymlink, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			tt.setup(dir)
			out := filepath.Join(dir, "out")
			err := Write(out, tt.write)
			if !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
				t.Fatalf("Write(%s) = %v; want %v", out, err, tt.wantErr)
			}
			if l := leftovers(t, dir); len(l) > 0 {
				t.Errorf("Write(%s) left %q", out, l)
			}
			if tt.wantErr == nil {
				info, _ := os.Stat(out)
				if info.Mode().Perm() != tt.wantMode {
					t.Errorf("Write(%s): mode %v; want %v", out, info.Mode().Perm(), tt.wantMode)
				}
			}
			if tt.want != "" {
				if data, _ := os.ReadFile(out); string(data) != tt.want {
					t.Errorf("Write(%s): file holds %q; want %q", out, data, tt.want)
				}
			}
			if data, err := os.ReadFile(filepath.Join(dir, "target")); err == nil && string(data) != "target" {
				t.Errorf("Write(%s) wrote through the link: target holds %q", out, data)
			}
		})
	}
}

func TestMoveFromTempDir(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.csv"), []byte("old"), 0o600)
	tmp, done, err := TempDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(tmp, "a.csv"), []byte("new"), 0o644)
	if err := Move(filepath.Join(tmp, "a.csv"), filepath.Join(dir, "a.csv")); err != nil {
		t.Fatal(err)
	}
	done()
	info, _ := os.Stat(filepath.Join(dir, "a.csv"))
	data, _ := os.ReadFile(filepath.Join(dir, "a.csv"))
	if string(data) != "new" || info.Mode().Perm() != 0o600 {
		t.Errorf("Move: %q, mode %v; want \"new\", 0600", data, info.Mode().Perm())
	}
	if _, err := os.Stat(tmp); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("TempDir's folder %s is still there", tmp)
	}
}

// TestTrack checks the temporary files of another writer (a snapshot
// cache's): placed, discarded, and removed by Cleanup while under way,
// after which none is tracked or placed.
func TestTrack(t *testing.T) {
	defer func() { pending = registry{paths: map[string]bool{}} }()
	dir := t.TempDir()
	tmpFile := func(name string) string {
		tmp := filepath.Join(dir, name)
		if err := os.WriteFile(tmp, []byte(name), 0o600); err != nil {
			t.Fatal(err)
		}
		if !Track(tmp) {
			t.Fatalf("Track(%s) refused before Cleanup", name)
		}
		return tmp
	}
	if err := Place(tmpFile("a.tmp"), filepath.Join(dir, "a")); err != nil {
		t.Errorf("Place: %v", err)
	}
	Discard(tmpFile("b.tmp"))
	c := tmpFile("c.tmp")
	Cleanup() // as a signal handler would, while c is written
	if err := Place(c, filepath.Join(dir, "c")); !errors.Is(err, ErrClosed) {
		t.Errorf("Place after Cleanup = %v; want ErrClosed", err)
	}
	if Track(filepath.Join(dir, "d.tmp")) {
		t.Error("Track after Cleanup: accepted")
	}
	left, _ := os.ReadDir(dir)
	if len(left) != 1 || left[0].Name() != "a" {
		t.Errorf("left in the folder: %v; want only a", left)
	}
}

// TestCleanup checks that an interrupted write leaves no temporary file
// and no target, and that writes after Cleanup fail.
func TestCleanup(t *testing.T) {
	defer func() { pending = registry{paths: map[string]bool{}} }()
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	err := Write(out, func(w io.Writer) error {
		io.WriteString(w, "half")
		if len(leftovers(t, dir)) != 1 {
			t.Errorf("no temporary file while writing")
		}
		Cleanup() // as a signal handler would, while the write is under way
		return nil
	})
	if !errors.Is(err, ErrClosed) {
		t.Errorf("Write interrupted by Cleanup = %v; want ErrClosed", err)
	}
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("Cleanup left %q", l)
	}
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("an interrupted write created %s", out)
	}
	if err := Write(out, writeString("x")); !errors.Is(err, ErrClosed) {
		t.Errorf("Write after Cleanup = %v; want ErrClosed", err)
	}
}
