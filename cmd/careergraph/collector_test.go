package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestCollector holds the collector off over a load and resumes it
// later: it stays off, under a memory limit, until a collection, and is
// then as it was, limit and all.
func TestCollector(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	c := holdCollector()
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Fatalf("holdCollector: GC percent %d; want -1 (off)", got)
	}
	c.resumeLater()
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Fatalf("resumeLater: GC percent %d at once; want -1 until a collection", got)
	}
	if limit := debug.SetMemoryLimit(-1); limit == math.MaxInt64 || limit < 256<<20 {
		t.Fatalf("resumeLater: memory limit %d; want one above 256 MiB", limit)
	}
	runtime.GC()
	deadline := time.Now().Add(5 * time.Second)
	for debug.SetGCPercent(-1) == -1 {
		if time.Now().After(deadline) {
			t.Fatal("the collector is still off after a collection")
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	debug.SetGCPercent(100) // the loop's call turned it off again
	if limit := debug.SetMemoryLimit(-1); limit != math.MaxInt64 {
		t.Errorf("after a collection: memory limit %d; want it as it was (none)", limit)
	}
	c = holdCollector()
	c.resume()
	if got := debug.SetGCPercent(50); got != 100 {
		t.Errorf("resume: GC percent %d; want 100", got)
	}
	// Resumed once: a second call (a load whose hooks both resume) does
	// not undo what was set since.
	c.resume()
	if got := debug.SetGCPercent(100); got != 50 {
		t.Errorf("resume again: GC percent %d; want 50, as set since", got)
	}
}
