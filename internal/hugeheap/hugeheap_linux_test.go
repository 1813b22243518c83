//go:build linux

package hugeheap

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"unsafe"
)

// TestPrime: after Prime, the heap grows into memory marked for huge
// pages (VmFlags "hg" in /proc/self/smaps).
func TestPrime(t *testing.T) {
	if m := mode(); m != "madvise" {
		t.Skipf("transparent huge pages are %q here, not \"madvise\": Prime has nothing to ask for", m)
	}
	if flags := vmFlags(t, 0); flags == "" {
		t.Skip("no /proc/self/smaps to read the marks in")
	}
	Prime(64 << 20)
	Prime(32 << 20) // less than before: nothing to do
	b := make([]byte, 16<<20)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	if flags := vmFlags(t, p); !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("the heap at %#x after Prime has VmFlags %q; want hg (MADV_HUGEPAGE)", p, flags)
	}
	// More than before: the heap beyond what the first call marked is
	// marked too.
	Prime(256 << 20)
	if primed != 256<<20 {
		t.Errorf("after Prime(256 MiB), primed = %d; want %d", primed, 256<<20)
	}
	big := make([]byte, 128<<20)
	p = uintptr(unsafe.Pointer(unsafe.SliceData(big)))
	if flags := vmFlags(t, p); !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("the heap at %#x after a second Prime has VmFlags %q; want hg (MADV_HUGEPAGE)", p, flags)
	}
	runtime.KeepAlive(b)
	runtime.KeepAlive(big)
}

// vmFlags returns the VmFlags of the mapping that holds address p, or of
// the first mapping when p is 0; "" when there is none.
func vmFlags(t *testing.T, p uintptr) string {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return ""
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		var lo, hi uintptr
		if n, _ := fmt.Sscanf(line, "%x-%x ", &lo, &hi); n == 2 {
			in = p == 0 || lo <= p && p < hi
			continue
		}
		if in && strings.HasPrefix(line, "VmFlags:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "VmFlags:"))
		}
	}
	return ""
}
