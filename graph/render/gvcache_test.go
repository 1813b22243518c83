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
)

// TestGraphvizCacheChild draws one SVG; TestGraphvizCache runs it in a
// fresh process, where go-graphviz's init runs again, with a cache set
// up for each case.
func TestGraphvizCacheChild(t *testing.T) {
	if os.Getenv("CAREERGRAPH_GVCACHE_CHILD") == "" {
		return // run by TestGraphvizCache in a process of its own
	}
	f := fixtures(t)[0]
	var buf bytes.Buffer
	if err := SVG(context.Background(), &buf, f.g, f.sel, f.opt); err != nil {
		t.Fatal(err)
	}
	dir, bypassed := gvcache.Dir()
	t.Logf("cache=%q bypassed=%q TMPDIR=%q", dir, bypassed, os.Getenv("TMPDIR"))
	if os.Getenv("TMPDIR") != os.Getenv("CAREERGRAPH_GVCACHE_TMPDIR") {
		t.Errorf("TMPDIR not restored: %q", os.Getenv("TMPDIR"))
	}
}

func TestGraphvizCache(t *testing.T) {
	if testing.Short() {
		t.Skip("starts go-graphviz five times")
	}
	if os.Getenv("CAREERGRAPH_GVCACHE_CHILD") != "" {
		return
	}
	home := t.TempDir()
	tmp := t.TempDir()
	cache := filepath.Join(home, "careergraph", gvcache.Sub)
	run := func(t *testing.T) string {
		t.Helper()
		cmd := exec.Command(os.Args[0], "-test.run=^TestGraphvizCacheChild$", "-test.v")
		cmd.Env = append(os.Environ(), "CAREERGRAPH_GVCACHE_CHILD=1", "XDG_CACHE_HOME="+home,
			"TMPDIR="+tmp, "CAREERGRAPH_GVCACHE_TMPDIR="+tmp)
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "--- PASS") {
			t.Fatalf("child: %v\n%s", err, out)
		}
		return string(out)
	}
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
	// A foreign or broken $TMPDIR/go-graphviz is not ours: ignored.
	if err := os.WriteFile(filepath.Join(tmp, "go-graphviz"), []byte("not a folder"), 0o444); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name   string
		damage func(t *testing.T)
		cached bool // a compiled file is in our cache afterwards
	}{
		{"cold", func(*testing.T) {}, true},
		{"warm", func(*testing.T) {}, true},
		{"truncated", func(t *testing.T) {
			fs := files()
			if len(fs) == 0 {
				t.Fatal("nothing cached")
			}
			for _, f := range fs {
				if err := os.Truncate(f, 100); err != nil {
					t.Fatal(err)
				}
			}
		}, true},
		{"garbage file in cache", func(t *testing.T) {
			for _, f := range files() {
				if err := os.WriteFile(f, []byte("WAZEVO garbage"), 0o600); err != nil {
					t.Fatal(err)
				}
			}
		}, true},
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
		}, false},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			s.damage(t)
			out := run(t)
			if got := len(files()) > 0; got != s.cached {
				t.Errorf("cached file present = %v, want %v\n%s", got, s.cached, out)
			}
		})
	}
}
