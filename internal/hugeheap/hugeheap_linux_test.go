//go:build linux

package hugeheap

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
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

// TestPrimeAgainClearsNothing primes, makes and frees garbage where the
// first block was, as listing the files does, then primes for more, in a
// process of its own: the later block must lie in fresh memory, which
// the runtime does not clear. Cleared, its every page is touched, and
// the process's resident memory grows by the block's size (at 300,000
// documents that clearing was 11.9 s of a first run).
func TestPrimeAgainClearsNothing(t *testing.T) {
	const block = 768 << 20
	if os.Getenv("HUGEHEAP_CHILD") == "1" {
		Prime(256 << 20)
		old := debug.SetGCPercent(-1)
		var garbage [][]byte
		for range 1600 { // 100 MiB, in the space the first block left
			garbage = append(garbage, make([]byte, 64<<10))
		}
		runtime.KeepAlive(garbage)
		garbage = nil
		debug.SetGCPercent(old)
		runtime.GC()
		before := residentKiB(t)
		Prime(block)
		fmt.Printf("grew %d KiB\n", residentKiB(t)-before)
		return
	}
	if m := mode(); m != "madvise" {
		t.Skipf("transparent huge pages are %q here, not \"madvise\": Prime has nothing to ask for", m)
	}
	if strictCommit() {
		t.Skip("the kernel commits memory strictly: Prime does nothing")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestPrimeAgainClearsNothing$")
	cmd.Env = append(os.Environ(), "HUGEHEAP_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	var grew int
	_, said, ok := strings.Cut(string(out), "grew ")
	if _, err := fmt.Sscanf(said, "%d KiB", &grew); !ok || err != nil {
		t.Fatalf("child said %q", out)
	}
	if grew > block/2>>10 {
		t.Errorf("priming %d MiB more made the process %d MiB larger: the block was cleared, so it lay in memory used before", block>>20, grew>>10)
	}
}

// residentKiB returns VmRSS from /proc/self/status.
func residentKiB(t *testing.T) int {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(data), "VmRSS:")
	var kib int
	fmt.Sscanf(rest, "%d", &kib)
	return kib
}
