//go:build unix && !linux

package main

import "errors"

// dropCaches fails: benchtable empties the page cache only on Linux.
func dropCaches() error {
	return errors.New("-cold empties the page cache through /proc/sys/vm/drop_caches, on Linux only")
}
