//go:build unix

package mapfile

import (
	"os"
	"runtime"
	"syscall"
)

// mapFile maps f's first size bytes.
func mapFile(f *os.File, size int64) (*Mapping, error) {
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, err
	}
	m := &Mapping{data: data, f: f}
	type mapped struct {
		data []byte
		f    *os.File
	}
	runtime.AddCleanup(m, func(m mapped) {
		syscall.Munmap(m.data)
		m.f.Close()
	}, mapped{data, f})
	return m, nil
}

// Supported reports whether files are mapped on this system.
const Supported = true
