//go:build !linux

package loader

// willNeed does nothing here: readahead starts only on Linux, where a
// read can tell a cached file from one the device must read.
func willNeed(string, int64) {}

// readCached reads nothing: the system cannot say here whether a file
// is in memory, and every file is read by a plain read.
func readCached(int, uint64, []byte) (int, error) { return 0, errCannotTell }
