package snapshot

import (
	"os"

	"golang.org/x/sys/unix"
)

// tmpfileWorks reports whether dir's file system makes files with no
// name (O_TMPFILE), as the spill file the snapshot is made of is made,
// and whether /proc, through which it is given a name, is there.
func tmpfileWorks(dir string) bool {
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		return false
	}
	fd, err := unix.Open(dir, unix.O_RDWR|unix.O_TMPFILE|unix.O_CLOEXEC, 0o600)
	if err != nil {
		return false
	}
	return os.NewFile(uintptr(fd), dir).Close() == nil
}
