//go:build !linux

package loader

import (
	"errors"
	"os"
)

// unnamedFile fails: only Linux makes files with no name.
func unnamedFile(dir string) (*os.File, error) {
	return nil, &os.PathError{Op: "open", Path: dir, Err: errors.ErrUnsupported}
}
