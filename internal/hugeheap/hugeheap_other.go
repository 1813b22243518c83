//go:build !linux

package hugeheap

// Prime does nothing where the system has no transparent huge pages to
// ask for.
func Prime(n int) {}
