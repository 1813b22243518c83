//go:build unix

package gvcache

import (
	"io/fs"
	"os"
	"syscall"
)

// ownedByUser reports whether the current user owns the file.
func ownedByUser(info fs.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	return !ok || int(st.Uid) == os.Getuid()
}
