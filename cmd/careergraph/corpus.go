package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"careergraph/internal/hugeheap"
	"careergraph/loader"
	"careergraph/loader/snapshot"
	"careergraph/loader/source"
)

// snapshotWrites are the snapshots a command's loads are writing while
// it answers: realMain waits for them before the program exits.
var snapshotWrites sync.WaitGroup

// dataEnv names the environment variable read when no --data is given.
const dataEnv = "CAREERGRAPH_DATA"

// primeHeap is how much of the heap to have backed by huge pages before
// documents load (see hugeheap.Prime): a warm start at 100k documents
// decodes about 300 MB, a load with no cache peaks near 1 GB.
const primeHeap = 1 << 30

// loadCorpus loads what the global flags name. Unless quiet (the
// command's choice or --quiet), it names the skipped documents and
// summarises the other problems on stderr in one line.
func loadCorpus(c *cli.Context, global *globalOptions, quiet bool) (*loader.Corpus, error) {
	opt, err := global.loaderOptions()
	if err != nil {
		return nil, err
	}
	stderr := c.App.ErrWriter
	p := &progress{w: stderr, start: time.Now()}
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		opt.Progress = p.update
	}
	// The garbage collector runs as usual while documents are parsed,
	// and is held off only while files are looked at and a snapshot read,
	// and, by a command, while the graph of a large load is built
	// (collector.go). Holding it off throughout (debug.SetGCPercent(-1))
	// was measured on a 10,000-document corpus (`careergraph stats`,
	// cached and --no-cache, 5 runs each): no CPU time saved, and 60% more
	// peak memory when parsing (185 MB against 115 MB).
	// A process that loads once asks for huge pages first; a server does
	// not. One that asked started 1–2 s sooner at 100k documents from the
	// documents, but reloaded in 10.7–13.5 s against 8.3–9.8 s with huge
	// pages off (two runs each, a noisy machine): a heap freed and used
	// again for hours is where huge pages cost (the kernel breaks them up
	// and compacts memory to make them again). Priming on another core
	// while the files are listed was slower (warm path at 100k 0.39–0.42
	// against 0.33–0.35 s, three rounds of five): what the listing
	// allocates first then lies outside the huge pages.
	// One that parses primes more for a corpus larger than the first
	// GiB holds, once it knows how many files it reads.
	primes := len(opt.Paths) > 0 && !global.lasting
	if primes {
		hugeheap.Prime(primeHeap)
	}
	// A load that may find a snapshot holds the collector off until it
	// parses documents, if it does (collector.go).
	var gc *collector
	if cacheDir(global) != "" && len(opt.Paths) > 0 {
		gc = holdCollector()
	}
	opt.Parsing = func(files int) {
		if gc != nil {
			gc.resume()
		}
		if primes {
			hugeheap.ForFiles(files)
		}
	}
	if !global.lasting {
		opt.Building = func(docs int) {
			if docs >= holdBuildFrom {
				holdCollector().resumeAfterBuild()
			}
		}
	}
	var corpus *loader.Corpus
	var cached bool
	if global.lasting {
		corpus, cached, err = snapshot.Load(opt, cacheDir(global), version)
	} else {
		// A command answers while its snapshot is written; it exits
		// once the snapshot is (realMain waits).
		var written func()
		corpus, cached, written, err = snapshot.Start(opt, cacheDir(global), version)
		snapshotWrites.Go(written)
	}
	switch {
	case gc == nil:
	case err == nil && cached && !global.lasting:
		gc.resumeLater()
	default:
		gc.resume()
	}
	if err == nil && global.lasting && !cached {
		readBack(opt, cacheDir(global), &corpus)
	}
	p.finish()
	if err != nil {
		return nil, err
	}
	if !quiet && !global.quiet {
		writeSkipped(stderr, corpus)
		if s := problemSummary(corpus); s != "" {
			fmt.Fprintln(stderr, escapeText(s))
		}
	}
	return corpus, nil
}

// loaderOptions are the sources the global flags name: --data, else
// $CAREERGRAPH_DATA, else none (the embedded seeds), read as
// --data-format says, and --aliases.
func (o *globalOptions) loaderOptions() (loader.Options, error) {
	opt := loader.Options{Paths: o.data.Value(), Aliases: o.aliases, MaxFileSize: int64(o.maxFileMiB) << 20}
	if err := checkRange("--max-file-size", o.maxFileMiB, 1, maxFileMiB, fmt.Sprintf("a whole number of mebibytes from 1 to %d", maxFileMiB)); err != nil {
		return opt, err
	}
	if o.dataFormat != "" {
		f, err := source.ParseFormat(o.dataFormat)
		if err != nil {
			return opt, usagef("--data-format: %v", err)
		}
		opt.Format = f
	}
	if len(opt.Paths) == 0 {
		opt.Paths = filepath.SplitList(os.Getenv(dataEnv))
	}
	if cacheDir(o) == "" {
		// Profiles wait in a temporary file rather than in memory; with
		// a cache, in its folder (see snapshot.Load).
		opt.SpillDir = os.TempDir()
	}
	return opt, nil
}

// cacheDir returns the folder of careergraph's snapshot cache, or "" when
// --no-cache is given or the user has no cache folder.
func cacheDir(global *globalOptions) string {
	if global.noCache {
		return ""
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "careergraph")
}

// maxSkippedNamed is how many skipped documents loadCorpus names.
const maxSkippedNamed = 10

// writeSkipped names the documents that could not be read, with why,
// the first maxSkippedNamed of them, one a line.
func writeSkipped(w io.Writer, c *loader.Corpus) {
	var skipped []loader.Problem
	for _, p := range c.Problems {
		if _, ok := slices.BinarySearch(c.Skipped, p.File); ok && p.Severity == loader.Error {
			skipped = append(skipped, p)
		}
	}
	for _, p := range skipped[:min(len(skipped), maxSkippedNamed)] {
		fmt.Fprintln(w, escapeText("careergraph: "+p.String()))
	}
	if more := len(skipped) - maxSkippedNamed; more > 0 {
		fmt.Fprintf(w, "careergraph: and %s\n", plural(more, "more skipped file", "more skipped files"))
	}
}

// problemSummary is the one line every command prints about a corpus
// with problems: "2 documents could not be read, 3 warnings: run
// `careergraph check`".
func problemSummary(c *loader.Corpus) string {
	var parts []string
	if len(c.Skipped) > 0 {
		parts = append(parts, plural(len(c.Skipped), "file skipped", "files skipped"))
	}
	if e := c.Errors() - len(c.Skipped); e > 0 {
		parts = append(parts, plural(e, "error", "errors"))
	}
	if w := c.Warnings(); w > 0 {
		parts = append(parts, plural(w, "warning", "warnings"))
	}
	if len(parts) == 0 {
		return ""
	}
	return "careergraph: " + strings.Join(parts, ", ") + ": run `careergraph check` for the list"
}

// progress shows how far a long load has come, on a terminal only, once
// it has run for a second.
type progress struct {
	w     io.Writer
	start time.Time
	shown bool
}

func (p *progress) update(done, total int) {
	if time.Since(p.start) < time.Second {
		return
	}
	p.shown = true
	if done == total {
		fmt.Fprintf(p.w, "\r\033[Kread %d documents; resolving names…", total)
		return
	}
	fmt.Fprintf(p.w, "\rreading documents: %d/%d (%d%%)", done, total, done*100/max(total, 1))
}

func (p *progress) finish() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
