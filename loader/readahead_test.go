package loader

import (
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// adviceLog records the files a readahead asks for.
type adviceLog struct {
	mu    sync.Mutex
	names []string
}

// advise records that name was asked for.
func (l *adviceLog) advise(name string, _ int64) {
	l.mu.Lock()
	l.names = append(l.names, name)
	l.mu.Unlock()
}

// sorted returns the names asked for, sorted.
func (l *adviceLog) sorted() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Sorted(slices.Values(l.names))
}

// waitFor waits until l holds n names, or fails the test after a time no
// readahead needs (a stuck one would hang the test).
func (l *adviceLog) waitFor(t *testing.T, n int) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		l.mu.Lock()
		got := len(l.names)
		l.mu.Unlock()
		if got >= n {
			return
		}
	}
	t.Fatalf("readahead asked for fewer than %d files", n)
}

// testFiles returns n plain files named f00000…, but for three in every
// 40: an O*NET folder, a folder that is no source and a file read by
// its own function, which readahead must not ask for.
func testFiles(n int) []sourceFile {
	files := make([]sourceFile, n)
	for i := range files {
		files[i] = osFile(fmt.Sprintf("f%05d", i), DefaultMaxFileSize)
		switch i % 40 {
		case 10:
			files[i].onet = true
		case 20:
			files[i].none = "not a source"
		case 30:
			files[i].open = func([]byte) ([]byte, error) { return nil, nil }
		}
	}
	return files
}

// plainNames returns the names of the plain files among files[from:to].
func plainNames(files []sourceFile, from, to int) []string {
	var names []string
	for _, f := range files[from:min(to, len(files))] {
		if f.plain() {
			names = append(names, f.name)
		}
	}
	return names
}

// TestReadahead checks which files a readahead asks for: none until a
// worker finds a file uncached; then the plain files from the workers'
// next one, at most readaheadWindow past it, each once, following the
// workers as they go and skipping what they have passed; none after
// stop.
func TestReadahead(t *testing.T) {
	files := testFiles(3 * readaheadWindow)
	tests := []struct {
		name  string
		from  int64 // the workers' next file when a worker finds one uncached
		moves []int64
		want  []string
	}{
		{"from the start", 0, nil, plainNames(files, 0, readaheadWindow)},
		{"from where the workers are", 100, nil, plainNames(files, 100, 100+readaheadWindow)},
		{"following the workers", 0, []int64{300}, plainNames(files, 0, 300+readaheadWindow)},
		{"skipping what they passed", 0, []int64{readaheadWindow + 300}, append(plainNames(files, 0, readaheadWindow), plainNames(files, readaheadWindow+300, 2*readaheadWindow+300)...)},
		{"the workers done", 0, []int64{int64(len(files))}, plainNames(files, 0, readaheadWindow)},
		{"near the end", int64(len(files)) - 10, nil, plainNames(files, len(files)-10, len(files))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var next atomic.Int64
			next.Store(tt.from)
			var log adviceLog
			r := newReadahead(files, &next)
			r.advise = log.advise
			r.uncached()
			r.uncached() // a second worker: no second start
			for _, m := range tt.moves {
				log.waitFor(t, len(plainNames(files, int(tt.from), int(tt.from)+readaheadWindow)))
				next.Store(m)
			}
			log.waitFor(t, len(tt.want))
			time.Sleep(10 * time.Millisecond) // room to ask for one too many
			r.stop()
			if got := log.sorted(); !slices.Equal(got, tt.want) {
				t.Errorf("asked for %d files, %v … %v; want %d, %v … %v", len(got), first(got), last(got), len(tt.want), first(tt.want), last(tt.want))
			}
		})
	}
}

// TestReadaheadIdle checks that a readahead no worker told of an
// uncached file asks for nothing, and that one stopped before a worker
// told it never starts.
func TestReadaheadIdle(t *testing.T) {
	files := testFiles(100)
	for _, tt := range []struct {
		name      string
		stopFirst bool
		tellAfter bool
	}{
		{"never told", false, false},
		{"told after stop", true, true},
	} {
		var next atomic.Int64
		var log adviceLog
		r := newReadahead(files, &next)
		r.advise = log.advise
		if tt.stopFirst {
			r.stop()
		}
		if tt.tellAfter {
			r.uncached()
		}
		time.Sleep(10 * time.Millisecond) // room for a wrongly started one to ask
		r.stop()
		if got := log.sorted(); len(got) > 0 {
			t.Errorf("%s: asked for %d files; want none", tt.name, len(got))
		}
	}
}

// first returns the first of s, or "".
func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// last returns the last of s, or "".
func last(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[len(s)-1]
}
