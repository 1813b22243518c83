//go:build linux

package hugeheap

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

const hugePage = 2 << 20

// modeFile says how the kernel hands out transparent huge pages.
const modeFile = "/sys/kernel/mm/transparent_hugepage/enabled"

// Prime asks that the heap's next n bytes, or a quarter of the machine's
// memory if that is less, be backed by huge pages: it allocates them
// without touching them (fresh memory costs nothing until used), marks
// them MADV_HUGEPAGE, and lets them go, so that the heap grows into
// them. The marks stay with the heap's mapping, which the runtime keeps.
// It does nothing unless the kernel's mode is "madvise" ("always" needs
// no asking, "never" refuses), on a 32-bit system, where the kernel
// commits memory strictly, or for less than two huge pages; a refusal is
// ignored: huge pages are only ever a speed-up.
// It runs a garbage collection, cheap while the heap is small: call it
// early. The marks stay: a later call does something only when it asks
// for more than every call before, and then marks n bytes more, which
// the heap grows into once it has filled what was marked before.
func Prime(n int) {
	primeMu.Lock()
	defer primeMu.Unlock()
	if n > primed {
		prime(n)
		primed = n
	}
}

var (
	primeMu sync.Mutex
	primed  int // the most a call has asked for
)

func prime(n int) {
	if strconv.IntSize < 64 || mode() != "madvise" || strictCommit() {
		return
	}
	var info syscall.Sysinfo_t
	if syscall.Sysinfo(&info) == nil {
		n = min(n, int(uint64(info.Totalram)*uint64(info.Unit)/4))
	}
	if n < 2*hugePage || n <= primed {
		return
	}
	b := make([]byte, n)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	// The whole mapping b lies in: the heap below b too, where the
	// runtime puts what fits before it grows into b's memory.
	lo, hi := mapping(p)
	if hi <= p {
		lo, hi = p, p+uintptr(n)
	}
	lo = (lo + hugePage - 1) &^ (hugePage - 1)
	hi &^= hugePage - 1
	if hi > lo {
		unix.Syscall(unix.SYS_MADVISE, lo, hi-lo, unix.MADV_HUGEPAGE)
	}
	if fence == nil {
		fence = fenceAfter(p + uintptr(n))
	}
	runtime.KeepAlive(b)
	runtime.GC() // b goes, and the heap's goal is set by what is live
}

// fence is a block the heap holds from just after the first memory
// primed (see fenceAfter), for the program's life, and never touches (so it takes address
// space, not memory). Without it, the free space the first call leaves
// runs on into the fresh memory above it, and a later, larger call's
// block starts in it: the runtime then clears the whole block, as memory
// used before must be, touching every page of it (at 300,000 documents,
// priming 2.9 GB after the first GiB took 11.9 s of clearing). Fenced
// in, the space the first call left is too small for a later block,
// which lies in fresh memory above the fence, where nothing needs
// clearing; the heap fills the first space, then grows into that block's.
var fence []byte

// fenceSize is the fence's size: more than most free space in a heap as
// young as a program's that primes first.
const fenceSize = 4 << 20

// fenceAfter returns a fence that starts at end, the end of a block the
// heap holds, or a little after it (a gap smaller than a fence is no
// room for a later block), or nil. A fence goes to the lowest free space
// it fits in: each one placed lower fills a free space, and is held
// until one lands after end or the tries run out.
//
// The fence kept lies in memory as fresh as the block before it, which
// the runtime does not clear; one placed lower may be cleared, 4 MiB at
// most each.
func fenceAfter(end uintptr) []byte {
	var lower [][]byte
	defer func() { runtime.KeepAlive(lower) }() // held until a fence is found
	for range 8 {
		f := make([]byte, fenceSize)
		if at := uintptr(unsafe.Pointer(unsafe.SliceData(f))); at >= end && at-end < fenceSize {
			return f
		}
		lower = append(lower, f)
	}
	return nil
}

// mapping returns the bounds of this process's mapping that holds
// address p, from /proc/self/maps, or zeros.
func mapping(p uintptr) (lo, hi uintptr) {
	data, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return 0, 0
	}
	for line := range strings.Lines(string(data)) {
		bounds, _, _ := strings.Cut(line, " ")
		l, h, ok := strings.Cut(bounds, "-")
		if !ok {
			continue
		}
		a, err1 := strconv.ParseUint(l, 16, 64)
		b, err2 := strconv.ParseUint(h, 16, 64)
		if err1 == nil && err2 == nil && uintptr(a) <= p && p < uintptr(b) {
			return uintptr(a), uintptr(b)
		}
	}
	return 0, 0
}

// strictCommit reports whether the kernel counts every byte a program
// maps against a limit (vm.overcommit_memory 2): there, the memory
// allocated to be marked could be refused, and the runtime cannot
// survive a refusal.
func strictCommit() bool {
	data, err := os.ReadFile("/proc/sys/vm/overcommit_memory")
	return err != nil || strings.TrimSpace(string(data)) == "2"
}

// mode returns the kernel's transparent huge page mode: "always",
// "madvise" or "never", or "" when it cannot be read.
func mode() string {
	data, err := os.ReadFile(modeFile)
	if err != nil {
		return ""
	}
	_, rest, ok := strings.Cut(string(data), "[")
	mode, _, ok2 := strings.Cut(rest, "]")
	if !ok || !ok2 {
		return ""
	}
	return mode
}
