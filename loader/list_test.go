package loader

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"careergraph/graph"
	"careergraph/loader/source"
)

// walkReference lists what filepath.WalkDir finds below root with the
// walk's rules: every file but hidden ones, hidden folders left out,
// an unreadable folder as a file named for it.
func walkReference(root string) (files, folders []string) {
	filepath.WalkDir(root, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			files = append(files, name+" (unreadable)")
			return nil
		}
		if name != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			files = append(files, name)
		} else {
			folders = append(folders, name)
		}
		return nil
	})
	slices.Sort(files)
	slices.Sort(folders)
	return files, folders
}

// TestWalkDirIsWalkDir checks that the walk on all cores finds what
// filepath.WalkDir finds, on trees wide and deep enough that folders are
// read at once.
func TestWalkDirIsWalkDir(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
	}{
		{"flat", map[string]string{"a.txt": "", "b.md": "", "c.csv": ""}},
		{"hidden", map[string]string{"a.txt": "", ".b.txt": "", ".git/c.txt": "", "d/.e.md": "", "d/f.md": ""}},
		{"wide and deep", func() map[string]string {
			m := map[string]string{}
			for i := range 40 {
				m[fmt.Sprintf("%02d/%02d.txt", i, i)] = ""
				m[fmt.Sprintf("%02d/x/y/%02d.txt", i, i)] = ""
				m[fmt.Sprintf("%02d-a.txt", i)] = "" // sorts between folders
			}
			return m
		}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, tt.files)
			var got, gotFolders []string
			files, folders, complete := walkDir(dir, DefaultMaxFileSize, source.None)
			for _, f := range files {
				got = append(got, f.name)
			}
			slices.Sort(got)
			want, wantFolders := walkReference(dir)
			if !slices.Equal(got, want) {
				t.Errorf("walkDir(%s) = %v; want %v", tt.name, got, want)
			}
			// Every folder read, each with its modification time.
			for _, f := range folders {
				gotFolders = append(gotFolders, f.Name)
				if info, err := os.Stat(f.Name); err != nil || !os.SameFile(info, f.Info) || !info.ModTime().Equal(f.Info.ModTime()) {
					t.Errorf("walkDir(%s): folder %s seen as %v; want it as it is", tt.name, f.Name, f.Info)
				}
			}
			slices.Sort(gotFolders)
			if !slices.Equal(gotFolders, wantFolders) || !complete {
				t.Errorf("walkDir(%s) read folders %v (complete %v); want %v, complete", tt.name, gotFolders, complete, wantFolders)
			}
		})
	}
}

// TestWalkDirOneSourceFolder: a folder the walk takes for one source (an
// O*NET release, by a file in it) is not read, and the walk says its
// files are not all the folders hold: what the folder is depends on
// what is in it, which its parent's modification time does not tell.
func TestWalkDirOneSourceFolder(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "", "release/Occupation Data.txt": "O*NET-SOC Code\tTitle\tDescription\n"})
	files, folders, complete := walkDir(dir, DefaultMaxFileSize, source.None)
	if len(files) != 2 || len(folders) != 1 || complete {
		t.Errorf("walkDir = %d files, folders %v, complete %v; want a.txt and the release, the top folder, not complete", len(files), folders, complete)
	}
}

// TestWalkDirUnreadableFolder checks that a folder that cannot be read
// is listed as a file whose read fails, and the rest is still walked.
func TestWalkDirUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every folder: run as another user to test an unreadable one")
	}
	dir := writeFiles(t, map[string]string{"a.txt": "", "locked/b.txt": ""})
	locked := filepath.Join(dir, "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	files, _, complete := walkDir(dir, DefaultMaxFileSize, source.None)
	if len(files) != 2 {
		t.Fatalf("walkDir = %d files; want a.txt and the locked folder", len(files))
	}
	if complete {
		t.Error("walkDir: complete with a folder it could not read")
	}
	for _, f := range files {
		if _, err := f.read(nil, nil); (err != nil) != (f.name == locked) {
			t.Errorf("read %s: %v", f.name, err)
		}
	}
}

// TestLoadDocumentsWithImportedRoles loads documents with career paths
// and related jobs beside a table of roles and moves: the names of both
// are looked up on all cores before the serial pass.
func TestLoadDocumentsWithImportedRoles(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"barista.txt": "Barista\nCareer Path\nBarista → Shift Lead → Store Manager\nRelated Jobs\nCashier\n",
		"moves.csv":   "From,To,Kind,Cost,Source,Note\nShift Lead,Store Manager,career,,plan,\nCashier,Barista,career,,plan,\n",
		"roles.csv":   "Role,Level,Description\nCashier,1,Takes payment.\n",
	})
	c, err := Load(Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Graph.Path("barista", "store-manager", graph.PathOptions{}); err != nil {
		t.Errorf("Path(barista, store-manager): %v", err)
	}
	if _, err := c.Graph.Path("cashier", "barista", graph.PathOptions{}); err != nil {
		t.Errorf("Path(cashier, barista): %v", err)
	}
}
