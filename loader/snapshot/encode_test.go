package snapshot

import (
	"sync"
	"testing"

	"careergraph/loader"
)

// encodeSnapshot returns the snapshot of c for key, made in memory; it
// fails tb if it cannot be made.
func encodeSnapshot(tb testing.TB, key [32]byte, c *loader.Corpus) []byte {
	tb.Helper()
	var f memFile
	end, err := writeSnapshot(&f, key, c, copyLayout(c.Graph.Roles()))
	if err != nil {
		tb.Fatalf("writeSnapshot: %v", err)
	}
	if end != int64(len(f.b)) {
		tb.Fatalf("writeSnapshot: ends at %d, wrote %d bytes", end, len(f.b))
	}
	return f.b
}

// memFile is an io.WriterAt into memory, for encodeSnapshot: the file
// grows to hold what is written, zeros where nothing is.
type memFile struct {
	mu sync.Mutex
	b  []byte
}

// WriteAt writes p at off.
func (f *memFile) WriteAt(p []byte, off int64) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if end := int(off) + len(p); end > len(f.b) {
		f.b = append(f.b, make([]byte, end-len(f.b))...)
	}
	return copy(f.b[off:], p), nil
}
