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
// A command that parses 10,000 documents or more (holdBuildFrom) holds
// the collector off again once their names are resolved
// (loader.Options.Building), the documents let go and collected: all but
// a few tens of megabytes of what the graph's build allocates at 100k
// documents is the graph, and the collection that came in its middle
// marked 350 MB to free 50 (0.3 s of CPU, much of it the build's own
// goroutines made to help). It collects again once the memory the
// runtime holds (the room the documents left included, which the build
// fills first) has grown by as much as the heap holds (resumeAfterBuild).
// Twenty-two interleaved `careergraph --no-cache path` at 100k: 0.07–0.12
// s less time, 0.3 s less CPU, the same peak; five first runs (the
// snapshot written too): 0.44 s less, peak 729 → 680 MB. A smaller load
// is left alone: at 10k no collection came in the build, and a limit
// above a small heap would let what a command does after the load
// (an export, a picture) grow the process for nothing.

// holdBuildFrom is the number of documents from which a command holds the
// collector off while the graph is built (loader.collectFrom's).
const holdBuildFrom = 10000

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
// (limit and all).
func (c *collector) resumeLater() {
	c.resumeAt(func(heap, _ int64) int64 { return heap + max(heap, 256<<20) })
}

// resumeAfterBuild is resumeLater for a graph about to be built: the
// limit is all the memory the runtime holds now (objects, the free room a
// collection just made, stacks and its own) and as much again as the
// heap's objects take. The runtime counts the free room against a limit
// as it does objects: one on the heap alone came before the build was
// done.
func (c *collector) resumeAfterBuild() {
	c.resumeAt(func(heap, held int64) int64 { return held + heap })
}

// resumeAt turns the collector back on at the first collection, which a
// soft memory limit of limitFor(heap, held) starts: heap is what the
// heap's objects take, held all the memory the runtime holds (not
// released to the system). The setting is then as it was, limit and all.
// A collector the user turned off (GOGC=off) stays off.
func (c *collector) resumeAt(limitFor func(heap, held int64) int64) {
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
	debug.SetMemoryLimit(min(limit, limitFor(heap, held)))
	// A collection finds the sentinel unreachable and runs the cleanup,
	// which puts the setting back. It holds a pointer, so that it is
	// never one of the tiny objects the allocator packs together.
	sentinel := &struct{ _ *int }{}
	runtime.AddCleanup(sentinel, func(limit int64) {
		debug.SetMemoryLimit(limit)
		c.resume()
	}, limit)
}
