//go:build !linux

package snapshot

// tmpfileWorks reports false: only on Linux is the snapshot made of the
// spill file.
func tmpfileWorks(string) bool { return false }
