//go:build unix

package snapshot

import (
	"os"
	"runtime"
	"syscall"
	"unsafe"
)

// mapping is a mapped snapshot file; it is unmapped once no profile
// refers to it (graph.Profile.SetPacked keeps it reachable).
type mapping struct{ data []byte }

// mapProfiles returns the bytes of f from off to size, where the
// profiles are, mapped into memory rather than read: a command that
// shows no card touches none of them, and one that shows a card reads
// only its pages. It returns what the memory belongs to, for
// graph.Profile.SetPacked. A file that cannot be mapped is read.
func mapProfiles(f *os.File, off, size int64) (string, any, error) {
	if size == off {
		return "", nil, nil
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return readProfiles(f, off, size)
	}
	m := &mapping{data: data}
	runtime.AddCleanup(m, func(data []byte) { syscall.Munmap(data) }, data)
	return unsafe.String(&data[off], size-off), m, nil
}
