package loader

import (
	"errors"
	"sync"
	"sync/atomic"
	"time"
)

// Reading a corpus the system has not cached (the first load after a
// boot, or once the system has needed the memory for something else)
// waits on the disk at every file: each worker reads one file at a time
// and parses it before it asks for the next, so at most as many reads as
// cores are under way, and none while every worker parses. Once a worker
// finds a file that is not in memory, readahead asks the system for the
// files just ahead of the workers (without waiting for them), so that
// the device has many reads to serve at once and the workers find the
// files in memory when they come to them. Once started it runs to the
// end of the parse. On a cached corpus it never starts, nor on a file
// system that cannot tell whether a file is in memory (tmpfs, NFS, FUSE:
// see readCached), nor where the system is not Linux.

// What readCached says when it reads nothing.
var (
	errUncached   = errors.New("not in memory")
	errCannotTell = errors.New("cannot tell whether in memory")
)

// Readahead's settings.
const (
	// readaheadWindow is how many files past the workers' next one
	// readahead asks for: a few MiB of documents, enough to keep a disk
	// busy while the workers parse, not so many that the ones asked for
	// first are evicted before they are read.
	readaheadWindow = 512
	// readaheadWorkers is how many files readahead asks for at once
	// (each open waits for the file's metadata when it is not cached).
	readaheadWorkers = 4
	// readaheadPause is how long readahead waits when it is the whole
	// window ahead of the workers.
	readaheadPause = time.Millisecond
)

// readahead asks the system to read files ahead of the workers that take
// them in order from next. The zero value is not usable: see newReadahead.
type readahead struct {
	files  []sourceFile
	next   *atomic.Int64 // the workers' next file
	advise func(name string, limit int64)

	start   sync.Once
	ahead   atomic.Int64 // the next file readahead asks for
	stopped atomic.Bool
	wg      sync.WaitGroup
}

// adviseFile asks the system to read the file name, of at most limit
// bytes, into memory, not waiting for it: willNeed, but where a test
// watches what a load asks for.
var adviseFile = willNeed

// newReadahead returns a readahead for the workers reading files in
// order from next. It does nothing until uncached is called.
func newReadahead(files []sourceFile, next *atomic.Int64) *readahead {
	return &readahead{files: files, next: next, advise: adviseFile}
}

// uncached reports that a worker found a file not in memory: readahead
// starts, from the workers' next file, if it has not yet. It is safe to
// call from every worker.
func (r *readahead) uncached() {
	r.start.Do(func() {
		r.ahead.Store(r.next.Load())
		for range readaheadWorkers {
			r.wg.Go(r.run)
		}
	})
}

// stop stops readahead and waits for it.
func (r *readahead) stop() {
	r.stopped.Store(true)
	r.start.Do(func() {}) // never start after this
	r.wg.Wait()
}

// run asks for the files one at a time, each at most readaheadWindow
// files past the workers' next, skipping those the workers have reached.
func (r *readahead) run() {
	for !r.stopped.Load() {
		i := r.ahead.Add(1) - 1
		if i >= int64(len(r.files)) {
			return
		}
		for i >= r.next.Load()+readaheadWindow {
			if r.stopped.Load() {
				return
			}
			time.Sleep(readaheadPause)
		}
		if f := &r.files[i]; i >= r.next.Load() && f.plain() {
			r.advise(f.name, f.limit)
		}
	}
}
