//go:build !linux

package snapshot

import (
	"os"
	"time"
)

// statFile returns what kind of file name is (after links), its size and
// its modification time.
func statFile(name string) (kind fileKind, size int64, mtime time.Time, err error) {
	info, err := os.Stat(name)
	if err != nil {
		return kindOther, 0, time.Time{}, err
	}
	switch {
	case info.Mode().IsRegular():
		kind = kindRegular
	case info.IsDir():
		kind = kindDir
	}
	return kind, info.Size(), info.ModTime(), nil
}
