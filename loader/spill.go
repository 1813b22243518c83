package loader

import (
	"os"
	"sync"
	"sync/atomic"

	"careergraph/internal/mapfile"
)

// A load's packed profiles (keyedDoc.packed) are most of what it keeps,
// and are read only when a card is shown. With Options.SpillDir they are
// written, as they are packed, to a temporary file there and mapped once
// every document is parsed, instead of kept in the heap: the garbage
// collector never sees them, the system's file cache holds them, and the
// heap at 100k documents is smaller by a third. (Fresh heap memory is
// also far slower to come by than the file cache on a virtual machine:
// measured on a 2-core one, 3.4 s a gigabyte against 0.2.)

// spill is the temporary file profiles are written to. It has no name,
// so that nothing is left behind, however the program ends: the file
// lives as long as it is open or mapped. On Linux it is made with none
// (O_TMPFILE), so that a program may still give it one: package snapshot
// makes it the snapshot, and from then on it is that package's temporary
// file, then its snapshot. Elsewhere, or where the file system cannot,
// its name is removed as soon as it is made.
type spill struct {
	f      *os.File
	mu     sync.Mutex // guards end and f's writes
	end    int64
	failed atomic.Bool // a write failed: later profiles stay in memory
}

// newSpill makes the spill file in dir, or returns nil when it cannot
// (profiles then stay in memory).
func newSpill(dir string) *spill {
	if dir == "" || !mapfile.Supported {
		return nil
	}
	f, err := unnamedFile(dir)
	if err != nil {
		if f, err = os.CreateTemp(dir, "careergraph-profiles-*.tmp"); err != nil {
			return nil
		}
		os.Remove(f.Name())
	}
	return &spill{f: f}
}

// spillBuffer gathers one worker's packed profiles and writes them to the
// spill file a megabyte at a time.
type spillBuffer struct {
	s       *spill
	buf     []byte
	pending []pendingSpill // in buf, from offset 0
}

// spilled is where a packed profile is: at in the spill file, n bytes.
type spilled struct{ at, n int64 }

// pendingSpill is the packed profile of document doc (an index of
// parsedDocs), in the buffer.
type pendingSpill struct {
	doc int
	spilled
}

const spillChunk = 1 << 20

// add spills packed, the profile of document i of docs, or keeps it in
// memory when the spill has failed.
func (b *spillBuffer) add(docs *parsedDocs, i int, packed []byte) {
	if b.s.failed.Load() {
		docs.keyed[i].packed = string(packed)
		return
	}
	b.pending = append(b.pending, pendingSpill{i, spilled{at: int64(len(b.buf)), n: int64(len(packed))}})
	b.buf = append(b.buf, packed...)
	if len(b.buf) >= spillChunk {
		b.flush(docs)
	}
}

// flush writes the buffer to the spill file and records where each of
// its profiles went; if the write fails, they stay in memory.
func (b *spillBuffer) flush(docs *parsedDocs) {
	if len(b.pending) == 0 {
		return
	}
	s := b.s
	s.mu.Lock()
	at := s.end
	_, err := s.f.WriteAt(b.buf, at)
	if err == nil {
		s.end += int64(len(b.buf))
	}
	s.mu.Unlock()
	for _, p := range b.pending {
		if err != nil {
			docs.keyed[p.doc].packed = string(b.buf[p.at : p.at+p.n])
			continue
		}
		docs.spilled[p.doc] = spilled{at: at + p.at, n: p.n}
	}
	if err != nil {
		s.failed.Store(true)
	}
	b.buf, b.pending = b.buf[:0], b.pending[:0]
}

// finish maps the spill file and points every spilled profile at its
// bytes there, then closes the file. If the file cannot be mapped it is
// read; if it cannot be read either, the profiles written to it are
// lost, and say so when shown (graph.ErrDamagedProfile).
func (s *spill) finish(docs *parsedDocs) {
	region, owner, err := mapfile.Map(s.f, s.end) // closes s.f in its time
	for i, sp := range docs.spilled {
		if sp.n == 0 {
			continue
		}
		d := &docs.keyed[i]
		if err != nil {
			d.packed = "\x00" // unpacks as damaged
			continue
		}
		d.packed = region[sp.at : sp.at+sp.n]
		if owner != nil { // not a nil *Mapping in an interface
			d.packOwner = owner
		}
	}
}
