// Package mapfile maps a file's bytes into memory read-only, for data
// that is large and read little: careergraph's packed profiles, which a
// command shows one at a time. Mapped bytes live in the system's file
// cache rather than the program's heap: the garbage collector never
// scans them, they count towards the program's memory only once read,
// and the system can drop and re-read them when memory is short.
package mapfile

import (
	"io"
	"os"
	"sync"
	"sync/atomic"
	"unsafe"
)

// Mapping is a mapped file. It is unmapped, and its file closed, once it
// is unreachable: keep it reachable as long as any string of its bytes
// is used (graph.Profile.SetPacked keeps its owner).
type Mapping struct {
	data    []byte
	f       *os.File
	claimed atomic.Bool
}

// Map returns f's bytes from 0 to size, mapped, as a string, and the
// Mapping they belong to. It takes f: the Mapping closes it. On a system
// where careergraph does not map files, or when mapping fails, the bytes
// are read into memory, f is closed at once and the Mapping is nil.
func Map(f *os.File, size int64) (string, *Mapping, error) {
	if size > 0 {
		if m, err := mapFile(f, size); err == nil {
			return unsafe.String(&m.data[0], len(m.data)), m, nil
		}
	}
	defer f.Close()
	buf := make([]byte, size)
	if _, err := f.ReadAt(buf, 0); err != nil {
		return "", nil, err
	}
	return unsafe.String(unsafe.SliceData(buf), len(buf)), nil, nil // buf is never changed
}

var copyBufs = sync.Pool{New: func() any { return new([]byte) }}

// CopyTo writes s to w. When s lies in m it reads its bytes from the
// file rather than through the mapping, so that copying them (into a
// snapshot, say) does not bring them into the program's memory.
func (m *Mapping) CopyTo(w io.Writer, s string) error {
	at, ok := m.Offset(s)
	if !ok {
		_, err := io.WriteString(w, s)
		return err
	}
	// One read of the file per string, into a buffer used again and
	// again, rather than io.Copy's rounds of calls.
	bp := copyBufs.Get().(*[]byte)
	defer copyBufs.Put(bp)
	if cap(*bp) < len(s) {
		*bp = make([]byte, len(s))
	}
	buf := (*bp)[:len(s)]
	if _, err := m.f.ReadAt(buf, at); err != nil {
		return err
	}
	_, err := w.Write(buf)
	return err
}

// readChunk is how much Chunks reads at a time: a buffer that stays in
// the processor's cache while it is passed on.
const readChunk = 256 << 10

// Chunks passes the bytes of s to fn, in order. When s lies in m, it
// reads them from m's file a chunk at a time, into a buffer used again
// and again (fn must not keep a chunk), rather than through the mapping:
// a pass over all of a large mapped region (a checksum, say) touches
// each of its 4 KiB pages, and on a virtual machine a checksum of 348 MB
// took 190 ms through the mapping and 45 ms read. Otherwise, and for a
// nil m, fn has all of s at once: s's own bytes, which fn must not
// modify.
func (m *Mapping) Chunks(s string, fn func(chunk []byte)) error {
	at, ok := m.Offset(s)
	if !ok {
		fn(unsafe.Slice(unsafe.StringData(s), len(s)))
		return nil
	}
	bp := copyBufs.Get().(*[]byte)
	defer copyBufs.Put(bp)
	if cap(*bp) < readChunk {
		*bp = make([]byte, readChunk)
	}
	for n := len(s); n > 0; {
		buf := (*bp)[:min(n, readChunk)]
		if _, err := m.f.ReadAt(buf, at); err != nil {
			return err
		}
		fn(buf)
		at += int64(len(buf))
		n -= len(buf)
	}
	return nil
}

// Offset returns where in m's file s lies, when s is a non-empty string
// of m's bytes.
func (m *Mapping) Offset(s string) (int64, bool) {
	if m == nil || len(s) == 0 {
		return 0, false
	}
	base := uintptr(unsafe.Pointer(unsafe.SliceData(m.data)))
	at := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	if at < base || at+uintptr(len(s)) > base+uintptr(len(m.data)) {
		return 0, false
	}
	return int64(at - base), true
}

// File returns the file m maps, open as long as m is reachable. Writing
// to it past what m maps leaves m's bytes as they are.
func (m *Mapping) File() *os.File { return m.f }

// Claim reports whether it is the first call for m. A program that
// would do something with m's file once only (give it a name and write
// past what m maps, say) claims it first.
func (m *Mapping) Claim() bool { return m.claimed.CompareAndSwap(false, true) }

// Size returns the number of bytes m maps.
func (m *Mapping) Size() int64 { return int64(len(m.data)) }
