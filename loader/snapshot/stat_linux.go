package snapshot

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// looker looks at files, each by its name in its folder: the folder is
// opened once for the files in it that come one after another, which
// spares the system walking the whole path at every file (at 100k files,
// a fifth of the time a look takes). The zero looker is ready to use;
// close it when done.
type looker struct {
	dir  string // the folder fd is open on, when open
	fd   int
	open bool
	name []byte // the name looked at, ending in a NUL byte (see fstatat)
}

// stat returns what kind of file name is (after links), its size and its
// modification time. It makes the system's call directly: os.Stat would
// allocate a FileInfo for each of the files a warm start looks at.
func (l *looker) stat(name string) (kind fileKind, size int64, mtime time.Time, err error) {
	dir, base := filepath.Split(name)
	if dir == "" {
		dir = "."
	}
	if base != "" && (!l.open || l.dir != dir) {
		l.close()
		if fd, err := unix.Open(dir, unix.O_PATH|unix.O_DIRECTORY|unix.O_CLOEXEC, 0); err == nil {
			l.dir, l.fd, l.open = dir, fd, true
		}
	}
	var st unix.Stat_t
	for {
		if l.open && base != "" && l.dir == dir && strings.IndexByte(base, 0) < 0 {
			l.name = append(append(l.name[:0], base...), 0)
			err = fstatat(l.fd, l.name, &st)
		} else {
			err = unix.Stat(name, &st)
		}
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return kindOther, 0, time.Time{}, err
	}
	switch st.Mode & unix.S_IFMT {
	case unix.S_IFREG:
		kind = kindRegular
	case unix.S_IFDIR:
		kind = kindDir
	}
	return kind, st.Size, time.Unix(st.Mtim.Unix()), nil
}

// close closes the folder the looker has open, if any.
func (l *looker) close() {
	if l.open {
		unix.Close(l.fd)
		l.open = false
	}
}

// folderID returns what tells the folder info describes from another
// with the same name and modification time: its device, its inode and
// its change time, which no program can set back (a copy made with its
// times, an archive unpacked, a folder whose time was touched back all
// have a change time of their own). ok is false where these cannot be
// read.
func folderID(info fs.FileInfo) (id folderIdentity, ok bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return id, false
	}
	return folderIdentity{dev: uint64(st.Dev), ino: st.Ino, ctime: st.Ctim.Nano()}, true
}

// unnamed reports whether f is a file with no name, one a program made
// with none (O_TMPFILE) or whose name it removed.
func unnamed(f *os.File) bool {
	var st unix.Stat_t
	return unix.Fstat(int(f.Fd()), &st) == nil && st.Nlink == 0
}

// linkUnnamed gives f, a file made with no name (O_TMPFILE), a
// temporary name in folder dir, which it returns. It fails for a file
// that had a name once, or on a file system that makes no such files.
func linkUnnamed(f *os.File, dir string) (string, error) {
	from := "/proc/self/fd/" + strconv.Itoa(int(f.Fd()))
	for range 8 {
		tmp := filepath.Join(dir, "snapshot-"+strconv.FormatUint(rand.Uint64(), 36)+".tmp")
		err := unix.Linkat(unix.AT_FDCWD, from, unix.AT_FDCWD, tmp, unix.AT_SYMLINK_FOLLOW)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", &os.LinkError{Op: "link", Old: from, New: tmp, Err: err}
		}
		return tmp, nil
	}
	return "", fs.ErrExist
}
