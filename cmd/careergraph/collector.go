package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// The garbage collector across a load. Looking at the files and decoding
// a snapshot make only live data, so the collector is held off until
// documents are parsed (loader.Options.Parsing), which makes garbage. A
// command that found its snapshot would then collect at once, all of
// its heap just decoded and all of it live, before it answers: at 100k
// documents that one collection took 30–40 ms of CPU, a sixteenth of a
// warm `path`. So a
// command (not a server) leaves the collector off until its heap grows
// by as much again as the load took (256 MiB at least), and collects as
// usual from that collection on.
//
// A command that parses documents does the same from when their names
// are resolved (loader.Options.Building): all but a few hundred
// megabytes of what the graph's build allocates at 100k documents is the
// graph, and the collection that came in its middle marked 350 MB to
// free 50 (0.3 s of CPU, much of it the build's own goroutines made to
// help). Twenty-two interleaved `careergraph --no-cache path` at 100k:
// 0.07–0.12 s less time, 0.3 s less CPU, the same peak; at 10k no
// change (no collection came there).

// collector is the collector's setting, held over a load.
type collector struct {
	percent int
	resumed sync.Once
}

// holdCollector turns the collector off.
func holdCollector() *collector { return &collector{percent: debug.SetGCPercent(-1)} }

// resume turns the collector back on as it was, once: a later call does
// nothing.
func (c *collector) resume() { c.resumed.Do(func() { debug.SetGCPercent(c.percent) }) }

// resumeLater turns the collector back on once the heap has grown by as
// much again as it holds now, 256 MiB at least: until then a soft memory
// limit starts the one collection, after which the setting is as it was
// (limit and all). The limit counts from all the memory the heap has
// now, objects and the free room a collection just made alike: the
// runtime counts both against it.
func (c *collector) resumeLater() {
	if c.percent < 0 { // GOGC=off: as the user asked
		return
	}
	s := []metrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
	}
	metrics.Read(s)
	for _, m := range s {
		if m.Value.Kind() != metrics.KindUint64 {
			c.resume()
			return
		}
	}
	heap := int64(s[0].Value.Uint64())
	held := int64(s[1].Value.Uint64() - s[2].Value.Uint64())
	limit := debug.SetMemoryLimit(-1)
	debug.SetMemoryLimit(min(limit, held+max(heap, 256<<20)))
	// A collection finds the sentinel unreachable and runs the cleanup,
	// which puts the setting back. It holds a pointer, so that it is
	// never one of the tiny objects the allocator packs together.
	sentinel := &struct{ _ *int }{}
	runtime.AddCleanup(sentinel, func(limit int64) {
		debug.SetMemoryLimit(limit)
		c.resume()
	}, limit)
}
