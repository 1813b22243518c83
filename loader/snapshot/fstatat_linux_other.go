//go:build linux && !amd64 && !arm64

package snapshot

import "golang.org/x/sys/unix"

// fstatat is unix.Fstatat for a name that ends in a NUL byte: on this
// system's processor, unix.Fstatat itself, which on some processors
// makes another system call (statx, fstatat64) and converts its result.
func fstatat(dirfd int, name []byte, st *unix.Stat_t) error {
	return unix.Fstatat(dirfd, string(name[:len(name)-1]), st, 0)
}
