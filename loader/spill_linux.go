package loader

import (
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// unnamedFile makes a file in dir that has no name (O_TMPFILE), open for
// reading and writing; one may be given to it later with linkat.
func unnamedFile(dir string) (*os.File, error) {
	fd, err := unix.Open(dir, unix.O_RDWR|unix.O_TMPFILE|unix.O_CLOEXEC, 0o600)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: dir, Err: err}
	}
	return os.NewFile(uintptr(fd), filepath.Join(dir, "(profiles)")), nil
}
