package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestCollector holds the collector off over a load and resumes it
// later, as a warm start does and as a large load's build does: it stays
// off, under a memory limit, until a collection, and is then as it was,
// limit and all.
func TestCollector(t *testing.T) {
	settle(t)
	defer debug.SetGCPercent(100)
	defer debug.SetMemoryLimit(math.MaxInt64)
	for _, tt := range []struct {
		name   string
		resume func(*collector)
		least  int64 // the limit, at least
	}{
		{"resumeLater", (*collector).resumeLater, 256 << 20},
		{"resumeAfterBuild", (*collector).resumeAfterBuild, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := holdCollector()
			if got := debug.SetGCPercent(-1); got != -1 {
				t.Fatalf("holdCollector: GC percent %d; want -1 (off)", got)
			}
			tt.resume(c)
			if got := debug.SetGCPercent(-1); got != -1 {
				t.Fatalf("%s: GC percent %d at once; want -1 until a collection", tt.name, got)
			}
			if limit := debug.SetMemoryLimit(-1); limit == math.MaxInt64 || limit < tt.least {
				t.Fatalf("%s: memory limit %d; want one of %d or more", tt.name, limit, tt.least)
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
		})
	}
	c := holdCollector()
	c.resume()
	if got := debug.SetGCPercent(50); got != 100 {
		t.Errorf("resume: GC percent %d; want 100", got)
	}
	// Resumed once: a second call (loadCorpus resumes a collector its
	// Parsing hook may have resumed already) does not undo what was set
	// since.
	c.resume()
	if got := debug.SetGCPercent(100); got != 50 {
		t.Errorf("resume again: GC percent %d; want 50, as set since", got)
	}
	// A collector the user turned off stays off.
	debug.SetGCPercent(-1)
	holdCollector().resumeAfterBuild()
	if limit := debug.SetMemoryLimit(-1); limit != math.MaxInt64 {
		t.Errorf("GOGC=off: memory limit %d; want none set", limit)
	}
	if got := debug.SetGCPercent(100); got != -1 {
		t.Errorf("GOGC=off: GC percent %d; want -1, as the user set it", got)
	}
}

// settle lets the collector holds that earlier tests' commands left
// (their loads hold it off until a collection) run out, and starts from
// the default setting: GC percent 100, no memory limit.
func settle(t *testing.T) {
	t.Helper()
	for range 3 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // cleanups run on a goroutine of their own
	}
	debug.SetGCPercent(100)
	debug.SetMemoryLimit(math.MaxInt64)
}
