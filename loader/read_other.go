//go:build !unix

package loader

import (
	"io"
	"os"
)

// readRegular reads the file name, following links, when it is a regular
// file of at most limit bytes: anything else is ErrNotRegular, and a
// larger file ErrTooLarge. (On Unix it uses the system's calls directly;
// see read_unix.go.) It reads into buf when it is large enough. It never
// calls uncached: here the system cannot tell whether a file is in
// memory, and readahead does not start.
func readRegular(name string, limit int64, buf []byte, uncached func()) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	if info.Size() > limit {
		return nil, tooLarge(limit)
	}
	data, err := readAll(io.LimitReader(f, limit+1), buf[:0])
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(limit)
	}
	return data, nil
}
