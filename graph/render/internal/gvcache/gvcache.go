// Package gvcache starts the embedded Graphviz, once, with its
// compilation cache in careergraph's own per-user cache folder, and
// keeps an unusable or damaged cache from failing the start.
//
// The go-graphviz in third_party is patched to start on first use
// rather than at program start, and to take its cache folder from
// SetCacheDir, so nothing here runs unless something is drawn.
//
//   - The cache lives in os.UserCacheDir()/careergraph/go-graphviz.
//   - A folder that cannot be made or written to, or that anyone but
//     the user owns or can write to, is bypassed: Graphviz is compiled
//     without a cache (slower, never fatal). The compiled code is run,
//     so a cache another user could have written is not trusted.
//   - A damaged cached file (truncated, overwritten) fails wazero's
//     checks; go-graphviz then compiles without the cache, and Start
//     empties the folder so that the next start fills it afresh.
package gvcache

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/goccy/go-graphviz"
)

// Sub is the folder, under careergraph's cache folder, that holds the
// compiled Graphviz.
const Sub = "go-graphviz"

var (
	once     sync.Once
	startErr error
	dir      string // the cache folder; "" when bypassed or emptied
	bypassed string // why there is no cache, or why it was emptied
)

// Start starts Graphviz with the cache, once; later calls return the
// first call's error. Errors are go-graphviz's; the cache causes none.
func Start(ctx context.Context) error {
	once.Do(func() {
		d, err := prepare()
		if err != nil {
			bypassed = err.Error()
		}
		graphviz.SetCacheDir(d)
		if startErr = graphviz.Start(ctx); startErr != nil {
			return
		}
		if err := graphviz.CacheError(); err != nil && d != "" {
			// Compiled without it; the next start fills it afresh.
			bypassed = fmt.Sprintf("damaged cache emptied: %v", err)
			_ = os.RemoveAll(d)
			d = ""
		}
		dir = d
	})
	return startErr
}

// Dir returns the folder Graphviz caches its compiled code in, or ""
// and why there is none (bypassed, or emptied after damage). It is
// meaningful after Start.
func Dir() (string, string) {
	return dir, bypassed
}

// prepare returns the cache folder, made and checked, or why there is
// none.
func prepare() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	d := filepath.Join(base, "careergraph", Sub)
	if err := os.MkdirAll(d, 0o700); err != nil {
		return "", err
	}
	// Writable? wazero writes a temporary file and renames it.
	probe, err := os.CreateTemp(d, ".probe-*")
	if err != nil {
		return "", err
	}
	probe.Close()
	if err := os.Remove(probe.Name()); err != nil {
		return "", err
	}
	// Everything in it is the user's own, and no one else can write to
	// it: its code is run.
	err = filepath.WalkDir(d, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		if !ownedByUser(info) {
			return fmt.Errorf("%s: owned by another user", path)
		}
		if info.Mode().Perm()&0o022 != 0 && e.Type()&fs.ModeSymlink == 0 {
			return fmt.Errorf("%s: writable by other users", path)
		}
		if !e.IsDir() && !e.Type().IsRegular() {
			return fmt.Errorf("%s: not a regular file", path)
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("cache not used: %w", err)
	}
	return d, nil
}
