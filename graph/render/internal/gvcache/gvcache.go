// Package gvcache points the embedded Graphviz's compilation cache at
// careergraph's own per-user cache folder, and keeps a damaged or
// unusable cache from crashing the program.
//
// go-graphviz v0.2.10 compiles its WebAssembly in a package init, with a
// wazero compilation cache in os.TempDir()/go-graphviz, and panics when
// that compilation fails: when the folder belongs to another user, or a
// cached file is truncated. Its init cannot be deferred from outside, so
// this package's init runs just before it and makes the cache safe. (Go
// initialises the packages of a program in import-path order,
// dependencies first. This package imports only standard packages that
// go-graphviz's internal/wasm also depends on, and "careergraph/…" sorts
// before "github.com/…"; TestInitOrder checks that the first condition
// still holds.)
//
//   - The cache lives in os.UserCacheDir()/careergraph/go-graphviz, a
//     folder of the user's own. TMPDIR is pointed at its parent for the
//     duration of go-graphviz's init, and Restore (called from the render
//     package's init, which runs after it) puts TMPDIR back.
//   - A folder that cannot be created or written to is bypassed: TMPDIR
//     then names a path no folder can be made in, and go-graphviz runs
//     without a cache (slower, never fatal).
//   - Every cached file is checked against a manifest of sizes and CRCs
//     written after the last successful start; a file that does not match
//     (truncated, damaged, or written by a start that did not finish) is
//     removed before go-graphviz reads it, and compiled again.
package gvcache

import (
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Sub is the folder, under careergraph's cache folder, that go-graphviz
// names its cache; it is not ours to choose.
const Sub = "go-graphviz"

// manifestName is the file, beside the cache, that lists what a
// successful start left in it.
const manifestName = "go-graphviz.manifest"

// noCache is a TMPDIR in which no folder can be made: go-graphviz then
// runs without a compilation cache.
const noCache = "/dev/null"

// state is what init decided, for Restore and Dir.
var state struct {
	oldTMPDIR string
	hadTMPDIR bool
	parent    string // careergraph's cache folder; "" when bypassed
	reason    string // why the cache is bypassed
	verified  map[string]entry
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func init() {
	state.oldTMPDIR, state.hadTMPDIR = os.LookupEnv("TMPDIR")
	state.verified = map[string]entry{}
	parent, err := prepare()
	if err != nil {
		state.reason = err.Error()
		os.Setenv("TMPDIR", noCache)
		return
	}
	state.parent = parent
	os.Setenv("TMPDIR", parent)
}

// prepare returns careergraph's cache folder with a usable, checked
// go-graphviz folder in it, or why there is none.
func prepare() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	parent := filepath.Join(base, "careergraph")
	dir := filepath.Join(parent, Sub)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	// Writable? wazero writes a temporary file and renames it.
	probe, err := os.CreateTemp(dir, ".probe-*")
	if err != nil {
		return "", err
	}
	probe.Close()
	if err := os.Remove(probe.Name()); err != nil {
		return "", err
	}
	if err := prune(dir, readManifest(filepath.Join(parent, manifestName))); err != nil {
		return "", err
	}
	return parent, nil
}

// entry is one cached file as the manifest records it.
type entry struct {
	size int64
	crc  uint32
}

// prune removes every regular file under dir that the manifest does not
// list with its size and CRC. Folders that cannot be read are an error.
func prune(dir string, known map[string]entry) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, path)
		want, ok := known[filepath.ToSlash(rel)]
		if ok && d.Type().IsRegular() {
			if got, err := sum(path); err == nil && got == want {
				state.verified[filepath.ToSlash(rel)] = got
				return nil
			}
		}
		return os.Remove(path)
	})
}

// sum returns a file's size and CRC.
func sum(path string) (entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return entry{}, err
	}
	defer f.Close()
	h := crc32.New(castagnoli)
	n, err := io.Copy(h, f)
	if err != nil {
		return entry{}, err
	}
	return entry{size: n, crc: h.Sum32()}, nil
}

// readManifest reads "size crc path" lines; a missing or unreadable
// manifest lists nothing.
func readManifest(path string) map[string]entry {
	known := map[string]entry{}
	text, err := os.ReadFile(path)
	if err != nil {
		return known
	}
	for line := range strings.Lines(string(text)) {
		fields := strings.SplitN(strings.TrimSuffix(line, "\n"), " ", 3)
		if len(fields) != 3 {
			continue
		}
		size, err1 := strconv.ParseInt(fields[0], 10, 64)
		crc, err2 := strconv.ParseUint(fields[1], 16, 32)
		if err1 != nil || err2 != nil {
			continue
		}
		known[fields[2]] = entry{size: size, crc: uint32(crc)}
	}
	return known
}

// Restore puts TMPDIR back as it was, and records what go-graphviz left
// in the cache as good. Call it once go-graphviz's init has returned:
// from the init of a package that imports go-graphviz. Errors writing
// the manifest are ignored: the next start then compiles again.
func Restore() {
	if state.hadTMPDIR {
		os.Setenv("TMPDIR", state.oldTMPDIR)
	} else {
		os.Unsetenv("TMPDIR")
	}
	if state.parent == "" {
		return
	}
	dir := filepath.Join(state.parent, Sub)
	var lines []string
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil
		}
		rel, _ := filepath.Rel(dir, path)
		e, ok := state.verified[filepath.ToSlash(rel)]
		if info, err := d.Info(); !ok || err != nil || info.Size() != e.size {
			// New since init: go-graphviz compiled and wrote it.
			if e, err = sum(path); err != nil {
				return nil
			}
		}
		lines = append(lines, fmt.Sprintf("%d %08x %s", e.size, e.crc, filepath.ToSlash(rel)))
		return nil
	})
	slices.Sort(lines)
	text := strings.Join(lines, "\n") + "\n"
	manifest := filepath.Join(state.parent, manifestName)
	if old, err := os.ReadFile(manifest); err == nil && string(old) == text {
		return
	}
	tmp, err := os.CreateTemp(state.parent, manifestName+".*.tmp")
	if err != nil {
		return
	}
	_, werr := tmp.WriteString(text)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), manifest) != nil {
		os.Remove(tmp.Name())
	}
}

// Dir returns the folder go-graphviz caches its compiled code in, or ""
// and why, when the cache was bypassed.
func Dir() (dir, bypassed string) {
	if state.parent == "" {
		return "", state.reason
	}
	return filepath.Join(state.parent, Sub), ""
}
