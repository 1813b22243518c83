//go:build unix

// Command benchtable measures careergraph on generated corpora and prints
// one table, a row per corpus: its size; the two floors, the time to read
// its files alone and the time to list them with their sizes and
// modification times, each on all cores; the time to load it (parse,
// resolve, build; no cache) and its ratio to the read; the peak memory of
// a careergraph process that loads it; the wall time of `careergraph path
// A B` with the snapshot cache empty (the first run, which also writes the
// snapshot), then warm, and how much longer than a listing just before it
// the warm one takes; and the median time in process of each query.
// Beside each load and warm time is the CPU time it took, which a busy
// machine disturbs less than the wall time. With -cold (Linux, as root)
// it also reads and loads each corpus with the system's caches emptied
// before each run, as after a boot.
// `make bench` runs it:
//
//	benchtable -bin out/careergraph -cache out/bench/cache out/bench/1k out/bench/10k out/bench/100k
//
// Queries run on deterministic random pairs of documented roles, so two
// runs on one machine measure the same work. Nothing here asserts a time.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"text/tabwriter"
	"time"

	"careergraph/graph"
	"careergraph/graph/render"
	"careergraph/internal/hugeheap"
	"careergraph/loader"
)

func main() {
	if len(os.Args) > 2 && os.Args[1] == rssRunner {
		runForPeakRSS(os.Args[2:])
		return
	}
	bin := flag.String("bin", "out/careergraph", "the careergraph `binary` whose peak memory and warm-cache time are measured")
	cache := flag.String("cache", "out/bench/cache", "the `folder` the binary keeps its snapshot cache in (XDG_CACHE_HOME); its careergraph folder is emptied before each corpus's first run")
	samples := flag.Int("n", 50, "role `pairs` per query; the medians are over these")
	cold := flag.Bool("cold", false, "also read and load each corpus with the page cache emptied before each run (Linux, as root; it empties the whole system's cache)")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: benchtable [-bin FILE] [-cache FOLDER] [-n PAIRS] [-cold] CORPUS...")
		os.Exit(2)
	}
	if *cold {
		if err := dropCaches(); err != nil {
			fmt.Fprintf(os.Stderr, "benchtable: %v\n", err)
			os.Exit(2)
		}
	}
	// The loads measured here in process ask for huge pages as the
	// command does before it loads, and for more when a corpus needs
	// more (loader.Options.Parsing).
	hugeheap.Prime(1 << 30)
	var rows []row
	for _, dir := range flag.Args() {
		fmt.Fprintf(os.Stderr, "benchtable: measuring %s\n", dir)
		r, err := measure(dir, *bin, *cache, *samples, *cold)
		if err != nil {
			fmt.Fprintf(os.Stderr, "benchtable: %s: %v\n", dir, err)
			os.Exit(1)
		}
		r.corpus = filepath.Base(dir)
		rows = append(rows, r)
	}
	print(os.Stdout, rows)
}

// row is what one corpus measured.
type row struct {
	corpus             string // the last element of its path
	docs, roles, moves int
	bytes              int64
	read, list, load   time.Duration
	loadCPU            time.Duration
	cold               bool          // measured with the caches emptied too
	coldRead, coldLoad time.Duration // with the caches emptied before each
	coldLoadCPU        time.Duration
	peakRSS            int64 // bytes
	first, firstCPU    time.Duration
	warm, warmCPU      time.Duration
	over               time.Duration // warm over list, round by round (see cachedPath)
	path, paths, reach time.Duration
	ladder, search     time.Duration
	svg                time.Duration
	svgRoles           int  // median roles in a rendered ladder, or the smallest ladder's
	svgDrawn           bool // false: no ladder of the sample was small enough to draw
}

func measure(dir, bin, cache string, n int, cold bool) (row, error) {
	var r row
	last := time.Now()
	step := func(what string) {
		fmt.Fprintf(os.Stderr, "benchtable: %s: %s took %s\n", filepath.Base(dir), what, dur(time.Since(last)))
		last = time.Now()
	}
	files, size, err := listFiles(dir)
	if err != nil {
		return r, err
	}
	r.bytes = size
	readFiles(files) // warm the page cache: every figure is for cached files
	r.read = median(3, func() { readFiles(files) })
	step("reading")
	statFiles(dir) // warm the folder and inode caches; listed again beside each warm start
	step("listing")

	// The corpus, loaded here once for the pairs and the queries; the
	// load a user waits for is measured below, as a command.
	c, err := loader.Load(loader.Options{Paths: []string{dir}, DropDocuments: true, Parsing: hugeheap.ForFiles})
	if err != nil {
		return r, err
	}
	g := c.Graph
	r.docs, r.roles, r.moves = c.NumDocuments, g.NumRoles(), len(g.Moves())
	pairs := documentedPairs(g, n)
	a, b := routablePair(g, pairs)
	// The programs measured next run beside this one: with the corpus
	// let go and its memory given back, this one neither collects nor
	// holds memory meanwhile (at 100k, it made a warm start 0.1 s slower).
	c, g = nil, nil
	debug.FreeOSMemory()
	step("loading in process")
	if r.load, r.loadCPU, r.peakRSS, err = loadCommand(bin, dir, a, b, nil); err != nil {
		return r, err
	}
	step("careergraph --no-cache path")
	if cold {
		r.cold = true
		var reads []time.Duration
		for range 3 {
			if err := dropCaches(); err != nil {
				return r, err
			}
			start := time.Now()
			readFiles(files)
			reads = append(reads, time.Since(start))
		}
		r.coldRead = medianOf(reads)
		if r.coldLoad, r.coldLoadCPU, _, err = loadCommand(bin, dir, a, b, dropCaches); err != nil {
			return r, err
		}
		readFiles(files) // the rest is measured cached
		step("cold read and load")
	}
	if r.first, r.firstCPU, r.warm, r.warmCPU, r.list, r.over, err = cachedPath(bin, cache, dir, a, b); err != nil {
		return r, err
	}
	step("careergraph path (first run, then warm cache)")
	if c, err = loader.Load(loader.Options{Paths: []string{dir}, DropDocuments: true}); err != nil {
		return r, err
	}
	g = c.Graph

	r.path = each(pairs, func(p [2]string) { g.Path(p[0], p[1], graph.PathOptions{}) })
	r.paths = each(pairs, func(p [2]string) { g.Paths(p[0], p[1], 5, graph.PathOptions{}) })
	r.reach = each(pairs, func(p [2]string) { g.Reach(p[0], graph.ReachOptions{}) })
	r.ladder = each(pairs, func(p [2]string) { g.Ladder(p[0], 0) })
	queries := searchQueries(g, pairs)
	i := 0
	r.search = each(pairs, func([2]string) { g.Search(queries[i%len(queries)], 0); i++ })
	step("queries")

	r.svg, r.svgRoles, r.svgDrawn = ladderPictures(g)
	step("ladder SVG")
	return r, nil
}

// pictureDepth is how many rungs each way the measured ladder pictures
// keep: `careergraph render ladder ROLE --depth 2`, the picture a person
// asks for in a large corpus, where a whole ladder through the hub roles
// holds thousands of roles.
const pictureDepth = 2

// ladderPictures returns the median time to render a ladder picture to
// SVG and the median number of roles drawn, over the first five of 400
// random documented roles whose ladder within pictureDepth has at most
// render.MaxRoles roles and render.MaxMoves moves to lay out, beyond
// which the command refuses to draw; ok is false, with the smallest size
// seen, when none has.
func ladderPictures(g *graph.Graph) (d time.Duration, roles int, ok bool) {
	var sels []graph.Selection
	smallest := 0
	for _, p := range documentedPairs(g, 400) {
		sel, err := g.SelectLadder(p[0], pictureDepth, false)
		if err != nil {
			continue
		}
		if smallest == 0 || len(sel.Roles) < smallest {
			smallest = len(sel.Roles)
		}
		if moves, _ := render.LayoutMoves(g, sel, render.Options{}); len(sel.Roles) <= render.MaxRoles && moves <= render.MaxMoves {
			sels = append(sels, sel)
			if len(sels) == 5 {
				break
			}
		}
	}
	if len(sels) == 0 {
		return 0, smallest, false
	}
	i := 0
	d = median(len(sels), func() {
		render.SVG(context.Background(), io.Discard, g, sels[i], render.Options{})
		i++
	})
	sizes := make([]int, len(sels))
	for i, s := range sels {
		sizes[i] = len(s.Roles)
	}
	slices.Sort(sizes)
	return d, sizes[len(sizes)/2], true
}

// listFiles returns the files below dir (or dir itself, a file) and their
// total size: documents, or a source such as an O*NET folder or a
// pathway table.
func listFiles(dir string) ([]string, int64, error) {
	var files []string
	var size int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		files = append(files, p)
		size += info.Size()
		return nil
	})
	if err == nil && len(files) == 0 {
		err = errors.New("no files")
	}
	return files, size, err
}

// statFiles lists the files below dir (or dir itself, a file) with their
// sizes and modification times, as careergraph lists what it loads:
// reading folders and looking at files on all cores, each file by its
// name in its folder (lookIn), and does nothing with them: the floor
// under a warm start, which must see whether any file changed.
func statFiles(dir string) {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0)-1)
	var walk func(string)
	walk = func(dir string) {
		entries, _ := os.ReadDir(dir)
		look, done := lookIn(dir)
		defer done()
		for _, d := range entries {
			name := d.Name()
			switch {
			case strings.HasPrefix(name, "."):
			case d.IsDir():
				p := filepath.Join(dir, name)
				select {
				case sem <- struct{}{}:
					wg.Go(func() { walk(p); <-sem })
				default:
					walk(p)
				}
			default:
				look(name)
			}
		}
	}
	walk(dir)
	wg.Wait()
}

// machine names the processor, from /proc/cpuinfo where there is one.
func machine() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown processor"
	}
	for line := range strings.Lines(string(data)) {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown processor"
}

// medianOf returns the median of d, which it sorts.
func medianOf(d []time.Duration) time.Duration {
	if len(d) == 0 {
		return 0
	}
	slices.Sort(d)
	return d[len(d)/2]
}

// readFiles reads every file on all cores, as the loader does, and does
// nothing with them: the floor under any load.
func readFiles(files []string) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				os.ReadFile(files[i])
			}
		})
	}
	wg.Wait()
}

// median runs f n times and returns the median duration.
func median(n int, f func()) time.Duration {
	d := make([]time.Duration, n)
	for i := range d {
		start := time.Now()
		f()
		d[i] = time.Since(start)
	}
	slices.Sort(d)
	return d[n/2]
}

// each runs f once per pair and returns the median duration.
func each(pairs [][2]string, f func([2]string)) time.Duration {
	if len(pairs) == 0 {
		return 0
	}
	i := 0
	return median(len(pairs), func() { f(pairs[i]); i++ })
}

// documentedPairs returns n pairs of documented role IDs, the same every
// run for the same graph.
func documentedPairs(g *graph.Graph, n int) [][2]string {
	var docs []string
	for _, r := range g.Roles() {
		if r.Documented {
			docs = append(docs, r.ID)
		}
	}
	if len(docs) == 0 { // a pathway table describes no role
		for _, r := range g.Roles() {
			docs = append(docs, r.ID)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	out := make([][2]string, n)
	for i := range out {
		out[i] = [2]string{docs[rng.IntN(len(docs))], docs[rng.IntN(len(docs))]}
	}
	return out
}

// routablePair returns the display names of the first pair with a route,
// for the command-line measurement.
func routablePair(g *graph.Graph, pairs [][2]string) (string, string) {
	for _, p := range pairs {
		if _, err := g.Path(p[0], p[1], graph.PathOptions{}); err == nil {
			a, _ := g.Role(p[0])
			b, _ := g.Role(p[1])
			return a.Name, b.Name
		}
	}
	a, _ := g.Role(pairs[0][0])
	return a.Name, a.Name
}

// searchQueries returns what a user might type into `roles`: the last two
// words of a documented role's name, in lower case.
func searchQueries(g *graph.Graph, pairs [][2]string) []string {
	var out []string
	for _, p := range pairs {
		r, _ := g.Role(p[1])
		name, _, _ := strings.Cut(r.Name, " (")
		w := strings.Fields(strings.ToLower(name))
		out = append(out, strings.Join(w[max(0, len(w)-2):], " "))
	}
	return out
}

// loadCommand runs `careergraph --no-cache path A B` on dir three times,
// each a new process as a user's is, and returns the median wall time,
// CPU time and peak resident memory. A load measured in a process that
// loaded before is not what a user waits for: its heap's memory is the
// process's already, and fresh memory is much of a load's cost on a
// virtual machine. At 100k documents, interleaved, the loader before and
// after a change that took 220 MB off the peak: the command 4.85 s and
// 3.69 s; the median of three loads in one process, two of them in
// memory used before, 4.9 s and 4.7 s.
func loadCommand(bin, dir, a, b string, before func() error) (wall, cpu time.Duration, rss int64, err error) {
	// On Linux a child's peak resident memory counts the memory of the
	// process that started it (the address space it is forked from), and
	// this one has held a loaded corpus: the child is started by a
	// fresh, small copy of this program (rssRunner), which reports it.
	self, err := os.Executable()
	if err != nil {
		return 0, 0, 0, err
	}
	var walls, cpus []time.Duration
	var peaks []int64
	for range 3 {
		if before != nil {
			if err := before(); err != nil {
				return 0, 0, 0, err
			}
		}
		cmd := exec.Command(self, rssRunner, bin, "--no-cache", "path", a, b, "--data", dir)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			return 0, 0, 0, fmt.Errorf("%s path: %v: %s", bin, err, stderr.String())
		}
		var kb int64
		var w, c time.Duration
		if _, err := fmt.Sscan(stdout.String(), &kb, &w, &c); err != nil {
			return 0, 0, 0, fmt.Errorf("%s path: no resource usage: %v", bin, err)
		}
		walls, cpus, peaks = append(walls, w), append(cpus, c), append(peaks, kb*1024)
	}
	slices.Sort(peaks)
	return medianOf(walls), medianOf(cpus), peaks[len(peaks)/2], nil
}

// rssRunner, as the first argument, makes benchtable run the command
// that follows, its output discarded, and print the command's peak
// resident memory in kilobytes, its wall time and its CPU time (user and
// system) in nanoseconds.
const rssRunner = "-run-for-peak-rss"

// runForPeakRSS is benchtable run with rssRunner.
func runForPeakRSS(args []string) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	wall := time.Since(start)
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		fmt.Fprintln(os.Stderr, "no resource usage on this system")
		os.Exit(1)
	}
	// Maxrss is in kilobytes on Linux.
	fmt.Println(ru.Maxrss, int64(wall), int64(cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime()))
}

// cachedPath returns the wall and CPU time of `careergraph path A B` on
// the corpus in dir run first with the cache empty (it parses, answers
// and writes the snapshot), then the median over runs with the cache
// warm, each run right after a listing of the files (statFiles): the
// median list, and the median of each run's excess over its list.
func cachedPath(bin, cache, dir string, a, b string) (first, firstCPU, wall, cpu, list, over time.Duration, err error) {
	abs, err := filepath.Abs(cache)
	if err != nil {
		return 0, 0, 0, 0, 0, 0, err
	}
	var cpus []time.Duration
	run := func() error {
		cmd := exec.Command(bin, "path", a, b, "--data", dir)
		cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+abs, "CAREERGRAPH_NO_CACHE=")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("%s path %q %q: %v: %s", bin, a, b, err, stderr.String())
		}
		cpus = append(cpus, cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
		return nil
	}
	// The cache folder is benchtable's own: emptied, the first run
	// finds no snapshot.
	if err := os.RemoveAll(filepath.Join(abs, "careergraph")); err != nil {
		return 0, 0, 0, 0, 0, 0, err
	}
	start := time.Now()
	if err := run(); err != nil {
		return 0, 0, 0, 0, 0, 0, err
	}
	first, firstCPU = time.Since(start), cpus[0]
	// A snapshot just written is hundreds of megabytes on their way to
	// the disk: a warm start is measured once they are there, as it runs
	// in use, not in the seconds after the write.
	syscall.Sync()
	if err := run(); err != nil {
		return 0, 0, 0, 0, 0, 0, err
	}
	cpus = nil
	// Each warm start right after a listing of the files, and its excess
	// over the list taken round by round: on a machine whose speed drifts
	// from one minute to the next, a list measured minutes before the warm
	// starts moved the excess at 300k by 0.1 s either way.
	var walls, lists, overs []time.Duration
	for range 5 {
		t := time.Now()
		statFiles(dir)
		l := time.Since(t)
		t = time.Now()
		if err := run(); err != nil {
			return 0, 0, 0, 0, 0, 0, err
		}
		w := time.Since(t)
		walls, lists, overs = append(walls, w), append(lists, l), append(overs, w-l)
	}
	return first, firstCPU, medianOf(walls), medianOf(cpus), medianOf(lists), medianOf(overs), nil
}

func print(w io.Writer, rows []row) {
	cold := slices.ContainsFunc(rows, func(r row) bool { return r.cold })
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	coldHeads := ""
	if cold {
		coldHeads = "cold read\tcold load (cpu)\t"
	}
	fmt.Fprintln(tw, "corpus\tdocs\troles\tmoves\tMB\tread\tlist\tload (cpu)\tload/read\t"+coldHeads+"peak RSS\tfirst path (cpu)\twarm path (cpu)\twarm−list\t"+
		"path\tpath -k 5\treach\tladder\troles search\tladder SVG (roles)\t")
	for _, r := range rows {
		coldCells := ""
		switch {
		case r.cold:
			coldCells = fmt.Sprintf("%s\t%s (%s)\t", dur(r.coldRead), dur(r.coldLoad), dur(r.coldLoadCPU))
		case cold:
			coldCells = "—\t—\t"
		}
		svg := fmt.Sprintf("%s (%d)", dur(r.svg), r.svgRoles)
		if !r.svgDrawn {
			svg = fmt.Sprintf("— (≥ %d)", r.svgRoles)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.0f\t%s\t%s\t%s (%s)\t%.1f×\t%s%.0f MB\t%s (%s)\t%s (%s)\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n",
			r.corpus, r.docs, r.roles, r.moves, float64(r.bytes)/1e6, dur(r.read), dur(r.list), dur(r.load), dur(r.loadCPU),
			float64(r.load)/float64(r.read), coldCells, float64(r.peakRSS)/(1<<20), dur(r.first), dur(r.firstCPU),
			dur(r.warm), dur(r.warmCPU), signedDur(r.over), dur(r.path), dur(r.paths), dur(r.reach), dur(r.ladder), dur(r.search), svg)
	}
	tw.Flush()
	fmt.Fprintf(w, "%s, %s %s/%s, %d cores. Medians. read: the files alone, all cores; list: the files' sizes and modification\n"+
		"times, all cores; load: `careergraph --no-cache path A B`, each of three times a new process (parse, resolve, build,\n"+
		"answer), with its CPU time and peak RSS; first path: `careergraph path A B` with the cache empty (parse, answer, write\n"+
		"the snapshot), with its CPU time; warm path: wall time of `careergraph path A B` with a warm cache, with its CPU time;\n"+
		"warm−list: its excess over a list just before it, the median of five rounds; queries in process over random pairs of\n"+
		"documented roles; ladder SVG: `render ladder ROLE --depth %d` for 5 random documented roles (median roles drawn in\n"+
		"parentheses), — when none has at most %d roles and %d moves (the fewest roles seen in parentheses).\n",
		machine(), runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), pictureDepth, render.MaxRoles, render.MaxMoves)
	if cold {
		fmt.Fprint(w, "cold read, cold load: the read and the load with the system's page, folder and inode caches emptied before each\n"+
			"of three runs (-cold), as after a boot; the read is the same plain read as the read floor, while careergraph reads\n"+
			"ahead of its parsers once it finds a file not in memory.\n")
	}
}

// signedDur is dur with a sign.
func signedDur(d time.Duration) string {
	if d < 0 {
		return "−" + dur(-d)
	}
	return "+" + dur(d)
}

// dur prints d with three significant figures in a fitting unit.
func dur(d time.Duration) string {
	switch {
	case d >= time.Second:
		return fmt.Sprintf("%.2f s", d.Seconds())
	case d >= time.Millisecond:
		return fmt.Sprintf("%.3g ms", float64(d)/1e6)
	default:
		return fmt.Sprintf("%.3g µs", float64(d)/1e3)
	}
}
