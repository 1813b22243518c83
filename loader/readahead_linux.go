package loader

import (
	"sync"

	"golang.org/x/sys/unix"
)

// willNeed asks the system to read the file name into memory, when it is
// a regular file of at most limit bytes (one the worker will read), and
// returns without waiting for it. It looks at the file before it opens
// it, so that it opens no FIFO or device (opening some has effects of
// its own), and says nothing of a file it cannot open or look at: the
// worker reading it will.
func willNeed(name string, limit int64) {
	var st unix.Stat_t
	if unix.Stat(name, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFREG || st.Size > limit {
		return
	}
	fd, err := unix.Open(name, unix.O_RDONLY|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
	if err != nil {
		return
	}
	unix.Fadvise(fd, 0, 0, unix.FADV_WILLNEED)
	unix.Close(fd)
}

// noWaitRefused holds the devices (file systems) that refused a read
// that does not wait: tmpfs, NFS, FUSE and /proc do not have it, nor do
// kernels before 4.14, and a sandbox may forbid the call. Files there
// are read by a plain read at once, and never start readahead (one
// started by a file elsewhere still asks for them).
var noWaitRefused sync.Map // device number → true

// readCached reads into p from fd's current offset, as read(2), only if
// what it would read first is in memory: a file partly in memory gives
// what is, a short read, and the rest is read as usual. It returns
// errUncached, having read nothing, when the file's first bytes are not
// in memory (a plain read would wait on the device), and errCannotTell
// when the system cannot say, for the file on device dev or for any.
func readCached(fd int, dev uint64, p []byte) (int, error) {
	if _, refused := noWaitRefused.Load(dev); refused {
		return 0, errCannotTell
	}
	n, err := ignoringEINTR(func() (int, error) { return unix.Preadv2(fd, [][]byte{p}, -1, unix.RWF_NOWAIT) })
	// Whatever else the call gives, the plain read that follows says
	// what is wrong, if anything is. A refusal of the call itself is
	// kept for the device; an error of this file or this moment (EIO,
	// ENOMEM) is not.
	switch err {
	case nil:
		return n, nil
	case unix.EAGAIN:
		return 0, errUncached
	case unix.EOPNOTSUPP, unix.ENOSYS, unix.EINVAL, unix.EPERM, unix.EACCES:
		noWaitRefused.Store(dev, true)
	}
	return 0, errCannotTell
}
