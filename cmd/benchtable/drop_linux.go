package main

import (
	"fmt"
	"os"
	"syscall"
)

// dropCaches writes every dirty page to disk and empties the system's
// page, folder and inode caches, as after a boot: it needs root.
func dropCaches() error {
	syscall.Sync()
	if err := os.WriteFile("/proc/sys/vm/drop_caches", []byte("3\n"), 0); err != nil {
		return fmt.Errorf("cannot empty the page cache for -cold: %v (run benchtable as root)", err)
	}
	return nil
}
