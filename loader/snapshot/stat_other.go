//go:build !linux

package snapshot

import (
	"errors"
	"io/fs"
	"os"
	"time"
)

// looker looks at files. The zero looker is ready to use; close it when
// done.
type looker struct{}

// stat returns what kind of file name is (after links), its size and its
// modification time.
func (*looker) stat(name string) (kind fileKind, size int64, mtime time.Time, err error) {
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

func (*looker) close() {}

// folderID reads nothing where careergraph does not read a folder's
// change time: no listing is kept there (see provable), and the folders
// are read at every start.
func folderID(fs.FileInfo) (id folderIdentity, ok bool) { return id, false }

// unnamed reports false: only on Linux is the spill file made the
// snapshot (see saveInSpill).
func unnamed(*os.File) bool { return false }

// linkUnnamed fails: only Linux gives a name to a file made with none.
func linkUnnamed(*os.File, string) (string, error) { return "", errors.ErrUnsupported }
