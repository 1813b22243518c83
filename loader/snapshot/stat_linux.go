package snapshot

import (
	"syscall"
	"time"
)

// statFile returns what kind of file name is (after links), its size and
// its modification time. It makes the system's call directly: os.Stat
// would allocate a FileInfo for each of the files a warm start looks at.
func statFile(name string) (kind fileKind, size int64, mtime time.Time, err error) {
	var st syscall.Stat_t
	for {
		err = syscall.Stat(name, &st)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return kindOther, 0, time.Time{}, err
	}
	switch st.Mode & syscall.S_IFMT {
	case syscall.S_IFREG:
		kind = kindRegular
	case syscall.S_IFDIR:
		kind = kindDir
	}
	return kind, st.Size, time.Unix(st.Mtim.Unix()), nil
}
