//go:build !unix

package mapfile

import (
	"errors"
	"os"
)

// mapFile fails: careergraph maps files on Unix only.
func mapFile(*os.File, int64) (*Mapping, error) {
	return nil, errors.New("files are not mapped on this system")
}

// Supported reports whether files are mapped on this system.
const Supported = false
