package render

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"careergraph/graph/render/internal/gvcache"
	"github.com/goccy/go-graphviz"
)

// gvChild is the environment variable that tells a test binary started
// by the tests below which child part to run.
const gvChild = "CAREERGRAPH_GVCACHE_CHILD"

// TestGraphvizChild is the part the tests below run in a fresh process:
// "draw" draws one SVG; "query" loads the seeds, answers the fixtures'
// questions and writes their DOT, and must not start Graphviz.
func TestGraphvizChild(t *testing.T) {
	switch os.Getenv(gvChild) {
	case "":
		return // run by the tests below in a process of their own
	case "query":
		if graphviz.Started() {
			t.Fatal("graphviz started with the program")
		}
		for _, f := range fixtures(t) {
			if err := DOT(&bytes.Buffer{}, f.g, f.sel, f.opt); err != nil {
				t.Fatal(err)
			}
		}
		if graphviz.Started() {
			t.Fatal("graphviz started without drawing")
		}
	case "draw":
		f := fixtures(t)[0]
		var buf bytes.Buffer
		if err := SVG(context.Background(), &buf, f.g, f.sel, f.opt); err != nil {
			t.Fatal(err)
		}
		if !graphviz.Started() {
			t.Fatal("graphviz drew without starting")
		}
		dir, bypassed := gvcache.Dir()
		t.Logf("cache=%q bypassed=%q", dir, bypassed)
	}
}

// runGraphvizChild runs TestGraphvizChild in the given mode with
// XDG_CACHE_HOME and TMPDIR set, and returns its output.
func runGraphvizChild(t *testing.T, mode, cacheHome, tmp string) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestGraphvizChild$", "-test.v")
	cmd.Env = append(os.Environ(), gvChild+"="+mode, "XDG_CACHE_HOME="+cacheHome, "TMPDIR="+tmp)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS") {
		t.Fatalf("child: %v\n%s", err, out)
	}
	return string(out)
}

// entries lists what is under dir, relative to it.
func entries(dir string) []string {
	var out []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && path != dir {
			rel, _ := filepath.Rel(dir, path)
			out = append(out, rel)
		}
		return nil
	})
	return out
}

// TestGraphvizStartsOnlyToDraw loads and queries in a fresh process:
// Graphviz does not start, and neither the cache folder nor TMPDIR gets
// anything; drawing then starts it and fills the cache, still leaving
// TMPDIR alone.
func TestGraphvizStartsOnlyToDraw(t *testing.T) {
	if os.Getenv(gvChild) != "" {
		return
	}
	cacheHome, tmp := t.TempDir(), t.TempDir()
	runGraphvizChild(t, "query", cacheHome, tmp)
	if got := append(entries(cacheHome), entries(tmp)...); len(got) > 0 {
		t.Errorf("querying created %q", got)
	}
	// An unusable cache folder does not matter either.
	notDir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notDir, nil, 0o444); err != nil {
		t.Fatal(err)
	}
	runGraphvizChild(t, "query", notDir, notDir)

	if testing.Short() {
		return
	}
	runGraphvizChild(t, "draw", cacheHome, tmp)
	if len(entries(filepath.Join(cacheHome, "careergraph", gvcache.Sub))) == 0 {
		t.Error("drawing cached nothing")
	}
	if got := entries(tmp); len(got) > 0 {
		t.Errorf("drawing created %q in TMPDIR", got)
	}
}

// TestGraphvizCache draws in a fresh process, where Graphviz starts
// again, after damaging the cache in each way a cache gets damaged: the
// picture is drawn every time, a damaged cache is emptied and then
// filled afresh, and a cache that is not the user's own is not used.
func TestGraphvizCache(t *testing.T) {
	if testing.Short() {
		t.Skip("starts go-graphviz ten times")
	}
	if os.Getenv(gvChild) != "" {
		return
	}
	home := t.TempDir()
	tmp := t.TempDir()
	cache := filepath.Join(home, "careergraph", gvcache.Sub)
	files := func() []string {
		var out []string
		if fi, err := os.Stat(cache); err != nil || !fi.IsDir() {
			return nil
		}
		filepath.WalkDir(cache, func(path string, d os.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				out = append(out, path)
			}
			return nil
		})
		return out
	}
	damage := func(write func(path string) error) func(t *testing.T) {
		return func(t *testing.T) {
			fs := files()
			if len(fs) == 0 {
				t.Fatal("nothing cached")
			}
			for _, f := range fs {
				if err := write(f); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	nothing := func(*testing.T) {}
	steps := []struct {
		name   string
		damage func(t *testing.T)
		cached bool   // a compiled file is in the cache afterwards
		log    string // what the child says about the cache
	}{
		{"cold", nothing, true, `bypassed=""`},
		{"warm", nothing, true, `bypassed=""`},
		{"truncated", damage(func(f string) error { return os.Truncate(f, 100) }),
			false, "damaged cache emptied"},
		{"rebuilt after truncation", nothing, true, `bypassed=""`},
		{"corrupted", damage(func(f string) error {
			b, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			b[len(b)/2] ^= 0xff
			return os.WriteFile(f, b, 0o600)
		}), false, "damaged cache emptied"},
		{"rebuilt after corruption", nothing, true, `bypassed=""`},
		// wazero takes a file whose header names another version for
		// stale, and compiles and caches again itself.
		{"garbage file in cache", damage(func(f string) error { return os.WriteFile(f, []byte("WAZEVO garbage"), 0o600) }),
			true, `bypassed=""`},
		{"writable by others", damage(func(f string) error { return os.Chmod(f, 0o666) }),
			true, "writable by other users"},
		{"owned by another user", func(t *testing.T) {
			if os.Getuid() != 0 {
				t.Skip("needs root to give a file to another user")
			}
			damage(func(f string) error {
				if err := os.Chmod(f, 0o600); err != nil {
					return err
				}
				return os.Chown(f, 65534, 65534)
			})(t)
		}, true, "owned by another user"},
		{"unusable folder", func(t *testing.T) {
			// Root ignores permissions, so a file stands where the folder
			// must be: it cannot be made or written to, as a folder of
			// another user's could not.
			if err := os.RemoveAll(cache); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(cache, nil, 0o444); err != nil {
				t.Fatal(err)
			}
		}, false, "not a directory"},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			s.damage(t)
			out := runGraphvizChild(t, "draw", home, tmp)
			if got := len(files()) > 0; got != s.cached {
				t.Errorf("cached file present = %v, want %v\n%s", got, s.cached, out)
			}
			if !strings.Contains(out, s.log) {
				t.Errorf("child does not say %q:\n%s", s.log, out)
			}
			if got := entries(tmp); len(got) > 0 {
				t.Errorf("TMPDIR got %q", got)
			}
		})
	}
}
