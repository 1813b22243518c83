// Package parallel runs loops over index ranges on all cores.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// chunk is how many indices one call of a Chunks function covers: large
// enough that handing out ranges costs nothing next to the work, small
// enough that the cores finish together.
const chunk = 4096

// Chunks calls fn with consecutive ranges [lo, hi) that together cover
// [0, n) exactly once, on up to GOMAXPROCS goroutines, and returns when
// every call has returned. Calls run concurrently and in no fixed order,
// so fn must only write to what its own range owns. Ranges are 4096
// indices long (the last may be shorter), so a small n uses one goroutine.
func Chunks(n int, fn func(lo, hi int)) {
	Numbered(n, func(_, lo, hi int) { fn(lo, hi) })
}

// Count returns how many ranges Chunks and Numbered cut [0, n) into.
func Count(n int) int { return (n + chunk - 1) / chunk }

// Numbered is Chunks whose fn is also told the number of its range, from
// 0 to Count(n)-1 in the order of the ranges: a loop whose ranges each
// give a part of one result (a count, a run of output) can keep the parts
// in a slice of Count(n) and put them together in order.
func Numbered(n int, fn func(c, lo, hi int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), 1+n/chunk) {
		wg.Go(func() {
			for {
				lo := int(next.Add(chunk)) - chunk
				if lo >= n {
					return
				}
				fn(lo/chunk, lo, min(lo+chunk, n))
			}
		})
	}
	wg.Wait()
}

// Each calls fn(i) for every i in [0, n), one index at a time, on up to
// GOMAXPROCS goroutines, and returns when every call has returned: for
// loops whose every index is much work (a search of the whole graph),
// where Chunks's ranges would leave a small n to one core. Calls run
// concurrently and in no fixed order, so fn must only write to what its
// own index owns.
func Each(n int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}
