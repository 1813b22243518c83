package loader

import (
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// willNeed asks the system to read the file name into memory and returns
// without waiting for it. Like readRegular it opens without blocking on
// a FIFO, and it asks only of a regular file; it says nothing of a file
// it cannot open, which the worker reading it will.
func willNeed(name string) {
	fd, err := unix.Open(name, unix.O_RDONLY|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
	if err != nil {
		return
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if unix.Fstat(fd, &st) == nil && st.Mode&unix.S_IFMT == unix.S_IFREG {
		unix.Fadvise(fd, 0, 0, unix.FADV_WILLNEED)
	}
}

// noWaitUnsupported is set once the system has refused a read that does
// not wait (a kernel before 4.14, or a file system without it): reads
// then no longer try it.
var noWaitUnsupported atomic.Bool

// readCached reads into p from fd's current offset, as read(2), only if
// what it would read is in memory. It returns errUncached, having read
// nothing, when it is not (a plain read would wait on the device), and
// errCannotTell when the system cannot say.
func readCached(fd int, p []byte) (int, error) {
	if noWaitUnsupported.Load() {
		return 0, errCannotTell
	}
	n, err := ignoringEINTR(func() (int, error) { return unix.Preadv2(fd, [][]byte{p}, -1, unix.RWF_NOWAIT) })
	switch err {
	case nil:
		return n, nil
	case unix.EAGAIN:
		return 0, errUncached
	case unix.EOPNOTSUPP, unix.ENOSYS, unix.EINVAL:
		noWaitUnsupported.Store(true)
		return 0, errCannotTell
	}
	return 0, err
}
