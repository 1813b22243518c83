//go:build !unix

package snapshot

import "os"

// mapProfiles returns the bytes of f from off to size, where the
// profiles are: read, on a system where careergraph does not map files.
func mapProfiles(f *os.File, off, size int64) (string, any, error) {
	return readProfiles(f, off, size)
}
