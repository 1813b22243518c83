//go:build unix

package loader

import (
	"io/fs"
	"syscall"
)

// readRegular reads the file name, following links, when it is a regular
// file of at most limit bytes. It never blocks on a FIFO nor reads a
// device: anything else is ErrNotRegular, and a larger file ErrTooLarge.
// It reads into buf when it is large enough (a buffer reused from one
// file to the next), else into new memory. Unless uncached is nil, the
// first read is one that does not wait on the device (readCached), and
// uncached is called when the file is not in memory, before it is read
// as usual (nor is it called where the system cannot tell).
func readRegular(name string, limit int64, buf []byte, uncached func()) ([]byte, error) {
	// Opening a FIFO for reading waits for a writer unless it is opened
	// without blocking; the file is checked once open, so that a file
	// swapped after a Stat cannot slip through. The calls are the
	// system's own: an *os.File would also register the file with the
	// network poller (a call that fails for a regular file) and read once
	// more to see the end, a third of the calls on a large corpus.
	fd, err := ignoringEINTR(func() (int, error) {
		return syscall.Open(name, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	})
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, ErrNotRegular
	}
	if st.Size > limit {
		return nil, tooLarge(limit)
	}
	data := buf[:0]
	if int64(cap(buf)) < st.Size+1 {
		data = make([]byte, 0, st.Size+1) // +1: to see a file that grew
	}
	if uncached != nil {
		switch n, err := readCached(fd, uint64(st.Dev), data[:cap(data)]); err {
		case nil:
			data = data[:n]
			if n == 0 || int64(n) == st.Size {
				return data, nil // n < cap(data): no larger than limit
			}
		case errUncached:
			uncached()
		}
	}
	for {
		if len(data) == cap(data) {
			if int64(len(data)) > limit { // it grew since the Stat
				return nil, tooLarge(limit)
			}
			data = append(data, 0)[:len(data)]
		}
		n, err := ignoringEINTR(func() (int, error) { return syscall.Read(fd, data[len(data):cap(data)]) })
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		data = data[:len(data)+n]
		// A file read to the size its Stat gave is read: the usual case,
		// which spares the read that would return nothing.
		if n == 0 || int64(len(data)) == st.Size {
			break
		}
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(limit)
	}
	return data, nil
}

// ignoringEINTR calls fn again while it is interrupted by a signal.
func ignoringEINTR(fn func() (int, error)) (int, error) {
	for {
		n, err := fn()
		if err != syscall.EINTR {
			return n, err
		}
	}
}
