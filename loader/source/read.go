package source

import (
	"fmt"
	"io"
	"os"
)

// Read reads the source at path as format f (from Detect, or given by
// the user to override it): an O*NET folder, or a pathway, moves or roles
// table. Documents, folders and None are not read here: package loader
// reads documents, and walks folders calling Detect on each file.
func Read(path string, f Format) (*Set, error) {
	var read func(io.Reader, string) (*Set, error)
	switch f {
	case ONET:
		return ReadONETDir(path)
	case Pathways:
		read = ReadPathways
	case Moves:
		read = ReadMoves
	case Roles:
		read = ReadRoles
	default:
		return nil, fmt.Errorf("%s: a %s is not read by package source", path, f)
	}
	file, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	defer file.Close()
	return read(file, path)
}
