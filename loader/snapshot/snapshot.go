// Package snapshot keeps a loaded corpus on disk, so that a program that
// loads the same documents again and again (the careergraph command) reads
// one file instead of parsing thousands.
//
// Load is the whole interface: it returns the snapshot's corpus when the
// documents have not changed since it was written, and otherwise loads
// them with loader and writes the snapshot anew. Start is Load for a
// program that answers while the snapshot is written; Read takes a
// snapshot only if there is one.
//
// A snapshot is keyed by the format, a version string, the running
// program's file, and the path, size and modification time of every
// document file and of the alias file; an O*NET folder by those of the
// files in it that are read, and by which of them are absent. A file
// whose modification time is not older than the key's own time by
// RacyWindow is also keyed by a hash of its content: it may still change
// within the same tick of the file system's clock and keep its size (git
// calls such index entries racy).
//
// The format is a compact binary codec of its own (codec.go) rather than
// encoding/gob on a wire struct, because it is measurably better. On a
// 10,000-document corpus (go run ./cmd/gencorpus -n 10000 -seed 1),
// measured by BenchmarkCodec in this package (2 cores):
//
//	         size      encode   decode (to a graph)
//	binary    5.0 MB   110 ms    47 ms, 29 MB allocated
//	gob      18.1 MB   301 ms   196 ms, 96 MB allocated
//
// The binary format interns every string once, writes numbers as
// varints, and decodes roles into the graph's own arrays, with strings
// sharing the file's bytes; gob can do none of these. (Those figures
// are from before profiles were kept whole and the index kept; they
// hold for the head of today's files.) The graph's compact index and
// its names' normal forms are kept too, laid out to be used where they
// lie once the file is mapped (graph.RestoreIndexed): a warm start does
// not lay them out again. The roles and moves are decoded one at a time
// as they are shown, each found by where it starts in the file, or all
// at once where all are asked for (an export; `roles`, `stats` for the
// roles), and a string is cut from the file's bytes when it is read.
//
// The roles' profiles, every section of every document and most of a
// snapshot's bytes, start the file, packed as graph.Profile keeps them;
// the index follows, then the head and a trailer with the key. The
// profiles' and the index's sizes are known before the head is encoded,
// so a writer copies them on other cores meanwhile: at 100k documents
// the first run's snapshot took 1.33–1.39 s to write, against
// 1.78–1.85 s with the head first and the rest after it. On Linux the
// profiles are not even copied: the file they were spilled to while
// they were parsed, made with no name, becomes the snapshot, the rest
// written after them (saveInSpill). A warm
// start maps the file, checks the head and the index (their checksums,
// and the index's offsets and arcs, in one pass over the file read in
// chunks rather than through the mapping: see split) and leaves the rest
// be: at 100k documents (481 MB: a head of 55 MB, an index of 60 MB)
// `careergraph path` takes 0.28–0.33 s, against 1.2 s and 340 MB when
// the roles and moves were decoded whole and the index laid out anew,
// and 3.5 s and 760 MB when the file was read and every profile
// decoded. A profile is read from the file when its card is shown, and
// checked then against its own checksums.
//
// Beside each snapshot is the listing of the files it was last loaded
// from, with the folders that gave them (listing.go): while no folder
// has changed, a warm start looks at the listed files without reading a
// folder.
package snapshot

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"

	"careergraph/graph"
	"careergraph/internal/mapfile"
	"careergraph/internal/outfile"
	"careergraph/loader"
	"careergraph/loader/source"
)

// Load is loader.Load for a program that loads the same documents again
// and again. It keeps a snapshot of the loaded corpus in the folder dir,
// keyed by version and by the files (see the package doc); when none has
// changed it reads the snapshot instead of parsing the documents.
// fromCache reports whether it did.
//
// The Corpus has no Documents, whether it came from the snapshot or not
// (opt.DropDocuments is set): NumDocuments counts them. Everything else is
// as loader.Load returns it. Without the documents' full text a load takes
// far less memory.
//
// A snapshot that is missing, stale, unreadable or corrupt is never
// trusted: the documents are loaded and the snapshot written anew; while
// they load, their profiles are spilled to a temporary file in dir
// unless opt.SpillDir names another folder (see loader.Options). A
// snapshot that cannot be written only costs the next run its speed.
// With an empty dir, or for the embedded seeds (they load in
// milliseconds), nothing is cached. Errors are loader.Load's.
//
// Load changes no setting of the process. Looking at the files and
// decoding a snapshot make only live data, so a program may hold off
// the garbage collector meanwhile (debug.SetGCPercent(-1)) and turn it
// back on in opt.Parsing, called only if documents are parsed: at 100k
// documents, collections that freed nothing were a sixth of a warm
// start's work. That is the program's decision, not the library's.
func Load(opt loader.Options, dir, version string) (c *loader.Corpus, fromCache bool, err error) {
	c, fromCache, save, err := load(opt, dir, version, false)
	if save != nil {
		_ = save(true) // an unwritable cache only costs speed
	}
	return c, fromCache, err
}

// Start is Load for a program that answers and exits: a snapshot to be
// written is written on another goroutine while the program goes on with
// the corpus, and wait returns once it is written. Call wait before the
// program exits, or the snapshot is not kept; do not change the corpus
// before it returns (reading it is what the writer does too). Where the
// profiles are copied into the snapshot (see saveSnapshot), Load then
// points the corpus's profiles at the copy; Start leaves them where the
// load put them, which for a program about to exit is the same. At 100k
// documents the first command answers 1.3 s sooner.
func Start(opt loader.Options, dir, version string) (c *loader.Corpus, fromCache bool, wait func(), err error) {
	c, fromCache, save, err := load(opt, dir, version, false)
	if save == nil {
		return c, fromCache, func() {}, err
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = save(false) // an unwritable cache only costs speed
	}()
	return c, fromCache, func() { <-done }, err
}

// Read is Load with nothing parsed: the corpus of the snapshot in dir,
// if it is there and its files unchanged, else nil and false. A server
// that has just parsed documents reads their snapshot back with it (see
// careergraph serve).
func Read(opt loader.Options, dir, version string) (c *loader.Corpus, fromCache bool, err error) {
	if dir == "" || len(opt.Paths) == 0 {
		return nil, false, nil
	}
	c, fromCache, _, err = load(opt, dir, version, true)
	return c, fromCache, err
}

// load is Load, or Read when cachedOnly: then a snapshot that does not
// match its files gives nothing, and nothing is parsed or written. When
// a snapshot is to be written, save writes it; remap then points the
// corpus's profiles at its bytes (see useMapped).
func load(opt loader.Options, dir, version string, cachedOnly bool) (c *loader.Corpus, fromCache bool, save func(remap bool) error, err error) {
	opt.DropDocuments = true
	if dir == "" || len(opt.Paths) == 0 {
		c, err := loader.Load(opt)
		return c, false, nil, err
	}
	// The snapshot is read while the files are listed and looked at, on
	// the other core; it is used only if its key turns out to match. The
	// files are those the listing file names while none of the folders
	// it read has changed (see listing.go); else the folders are read.
	name := filepath.Join(dir, fileName(opt))
	listName, context := listingName(name), listingContext(opt, version)
	kept, mapped, ok := readListing(listName, context)
	defer runtime.KeepAlive(mapped) // kept's names are its bytes
	type read struct {
		c   *loader.Corpus
		key [32]byte
		err error
	}
	snap := make(chan read, 1)
	go func() {
		c, key, err := readSnapshot(name)
		snap <- read{c, key, err}
	}()
	files, walked := kept.files, !ok || !unchanged(kept.folders)
	if walked {
		listings.Add(1)
		start := time.Now()
		var folders []loader.ListedFolder
		var complete bool
		files, folders, complete, err = loader.ListFilesAndFolders(opt)
		if err != nil {
			<-snap
			return nil, false, nil, err
		}
		stamps, identified := stampsOf(folders)
		if !cachedOnly && identified && provable(folders, complete, start) && os.MkdirAll(dir, 0o755) == nil {
			_ = writeListing(listName, context, listing{files: files, folders: stamps}) // only costs speed if it fails
		}
	}
	key, keyed := fileKey(files, opt, version, time.Now())
	s := <-snap
	if keyed && s.err == nil && s.key == key {
		now := time.Now()
		_ = os.Chtimes(name, now, now) // in use: see removeStale
		if !walked {
			_ = os.Chtimes(listName, now, now)
		}
		return s.c, true, nil, nil
	}
	if cachedOnly {
		return nil, false, nil, nil
	}
	if opt.SpillDir == "" && os.MkdirAll(dir, 0o755) == nil {
		opt.SpillDir = dir // the profiles wait there, not in memory, until the snapshot has them
	}
	if !walked { // the corpus keeps the names: they cannot stay the listing's bytes
		files = slices.Clone(files)
		for i, f := range files {
			files[i] = strings.Clone(f)
		}
	}
	c, err = loader.LoadFiles(files, opt)
	if err != nil {
		return nil, false, nil, err
	}
	if keyed {
		save = func(remap bool) error { return saveSnapshot(name, key, c, remap) }
	}
	return c, false, save, nil
}

// format names the layout of a snapshot file; change it whenever the
// layout or what a Corpus holds changes.
const format = "careergraph snapshot 9\n"

// fileName returns the file name of the snapshot of what opt names: one
// file per set of paths, overwritten when the documents change.
func fileName(opt loader.Options) string {
	h := sha256.New()
	for _, p := range opt.Paths {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		h.Write([]byte(p + "\x00"))
	}
	h.Write([]byte("aliases\x00" + opt.Aliases))
	return hex.EncodeToString(h.Sum(nil)[:12]) + ".snap"
}

// RacyWindow is how close to the time a key is made a file's modification
// time must be for the file to be keyed by its content too: more than the
// coarsest clock tick of a common file system (FAT's two seconds).
var RacyWindow = 3 * time.Second

// fileKind is what a looker found at a name.
type fileKind uint8

const (
	kindOther fileKind = iota
	kindRegular
	kindDir
)

// stamp is what a key holds of one file.
type stamp struct {
	size, mtime int64
	hash        [32]byte // of the content, for a racy file only; of the files' stamps, for a folder
	racy, ok    bool
	folder      bool
}

// stampFile looks at the file name, at time now, with l. A folder (an
// O*NET release) is stamped by the files in it that are read, see
// stampFolder.
func stampFile(l *looker, name string, now time.Time) stamp {
	kind, size, mtime, err := l.stat(name)
	switch {
	case err != nil:
		return stamp{}
	case kind == kindDir:
		return stampFolder(name, now)
	case kind != kindRegular:
		return stamp{}
	}
	s := stamp{size: size, mtime: mtime.UnixNano(), ok: true}
	if mtime.After(now.Add(-RacyWindow)) {
		s.racy = true
		var err error
		if s.hash, err = hashFile(name); err != nil {
			return stamp{}
		}
	}
	return s
}

// stampFolder stamps the folder dir by each file in it that loading it
// may read (source.ONETFiles): its stamp, racy rule and all, or that it
// is absent. Other files in the folder are not read, so they are not
// looked at.
func stampFolder(dir string, now time.Time) stamp {
	h := sha256.New()
	var buf []byte
	var l looker
	defer l.close()
	for _, f := range source.ONETFiles() {
		name := filepath.Join(dir, f)
		if _, err := os.Lstat(name); err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				return stamp{}
			}
			buf = append(buf, f+"\x00-"...)
			continue
		}
		s := stampFile(&l, name, now)
		if !s.ok || s.folder {
			return stamp{}
		}
		buf = appendStamp(buf, f, s)
	}
	h.Write(buf)
	s := stamp{ok: true, folder: true}
	copy(s.hash[:], h.Sum(nil))
	return s
}

// hashFile returns the SHA-256 of the regular file name's content.
func hashFile(name string) (sum [32]byte, err error) {
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return sum, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return sum, err
	}
	if !info.Mode().IsRegular() {
		return sum, loader.ErrNotRegular
	}
	h := sha256.New()
	if _, err := io.Copy(h, io.LimitReader(f, info.Size())); err != nil {
		return sum, err
	}
	copy(sum[:], h.Sum(nil))
	return sum, nil
}

// appendStamp appends the name and stamp of a file to buf.
func appendStamp(buf []byte, name string, s stamp) []byte {
	buf = append(append(buf, name...), 0)
	buf = binary.LittleEndian.AppendUint64(buf, uint64(s.size))
	buf = binary.LittleEndian.AppendUint64(buf, uint64(s.mtime))
	switch {
	case s.folder:
		buf = append(buf, 'd')
		buf = append(buf, s.hash[:]...)
	case s.racy:
		buf = append(buf, 'r')
		buf = append(buf, s.hash[:]...)
	}
	return buf
}

// appendProgram appends to buf the running program's file, its size and
// its modification time, when they can be read: a snapshot or a listing
// made by another build is not this one's.
func appendProgram(buf []byte) []byte {
	exe, err := os.Executable()
	if err != nil {
		return buf
	}
	info, err := os.Stat(exe)
	if err != nil {
		return buf
	}
	buf = append(append(buf, exe...), 0)
	buf = binary.LittleEndian.AppendUint64(buf, uint64(info.Size()))
	return binary.LittleEndian.AppendUint64(buf, uint64(info.ModTime().UnixNano()))
}

// fileKey hashes what a snapshot depends on, at time now: the format,
// version, the running program's file, the reading options (format,
// size limit), and the stamps of every file and of the alias file. The files are looked at on all cores. ok is false
// when one of them cannot be looked at: the load is then not cached.
//
// A key with a racy file's content hash never equals one without: a
// snapshot written while a file was racy is used later only if the file
// still has the same content and is racy still, and otherwise rewritten
// once.
func fileKey(files []string, opt loader.Options, version string, now time.Time) (key [32]byte, ok bool) {
	aliases := opt.Aliases
	// Each core takes the next run of files, which mostly share a folder,
	// and hashes their stamps: the key hashes the runs' hashes in order.
	const run = 1024
	runs := make([][32]byte, (len(files)+run-1)/run)
	var next atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(1, len(files)/256)) {
		wg.Go(func() {
			var l looker
			defer l.close()
			h := sha256.New()
			var buf []byte
			for !failed.Load() {
				r := int(next.Add(1)) - 1
				if r >= len(runs) {
					return
				}
				buf = buf[:0]
				for _, f := range files[r*run : min((r+1)*run, len(files))] {
					s := stampFile(&l, f, now)
					if !s.ok {
						failed.Store(true)
						return
					}
					buf = appendStamp(buf, f, s)
				}
				h.Reset()
				h.Write(buf)
				h.Sum(runs[r][:0])
			}
		})
	}
	wg.Wait()
	if failed.Load() {
		return key, false
	}
	h := sha256.New()
	buf := make([]byte, 0, 256)
	buf = append(buf, format+version+"\x00"...)
	// How the files are read changes what they give: a forced format, a
	// size limit that skips a document.
	buf = append(buf, fmt.Sprintf("format %d, limit %d\x00", opt.Format, opt.MaxFileSize)...)
	buf = appendProgram(buf)
	if aliases != "" {
		var l looker
		s := stampFile(&l, aliases, now)
		l.close()
		if !s.ok {
			return key, false
		}
		buf = appendStamp(buf, aliases, s)
	}
	buf = binary.LittleEndian.AppendUint64(buf, uint64(len(files)))
	for _, r := range runs {
		buf = append(buf, r[:]...)
	}
	h.Write(buf)
	copy(key[:], h.Sum(nil))
	return key, true
}

// saveSnapshot writes c's snapshot to name atomically: to a temporary
// file in the same folder, then renamed over name. The file is the one
// c's profiles were spilled to while it loaded, when it can be (see
// saveInSpill); else a new one, with the profiles copied, and then, with
// remap, c's profiles are the file's, mapped (see useMapped).
func saveSnapshot(name string, key [32]byte, c *loader.Corpus, remap bool) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	removeStale(dir)
	if spillSnapshots && saveInSpill(name, key, c) == nil {
		return nil
	}
	l := copyLayout(c.Graph.Roles())
	return writeWhole(name, "snapshot-*.tmp", func(f *os.File) error {
		_, err := writeSnapshot(f, key, c, l)
		if err == nil && remap {
			useMapped(f, l)
		}
		return err
	})
}

// spillSnapshots says whether saveSnapshot tries saveInSpill: tests of
// the other way turn it off. spilledSnapshots counts the snapshots made
// of a spill file.
var (
	spillSnapshots   = true
	spilledSnapshots atomic.Int64
)

// saveInSpill makes the file c's profiles were spilled to while they
// were parsed (loader.Options.SpillDir, the cache folder unless the
// program chose another) the snapshot: the profiles lie in it already,
// so only those kept in memory (an occupation of several documents, a
// role a table describes) are added after them, then the index, the head
// and the trailer; the file is given a temporary name first and renamed
// once written, so that a reader sees the old snapshot or the new one.
// At 100k documents that spares copying 370 MB, and at 300k 1.1 GB. It
// fails, having changed nothing anyone sees, when there is no such file,
// it is on another file system than the snapshot's folder, or it cannot
// be given a name (only a Linux file made with none can, see
// linkUnnamed).
func saveInSpill(name string, key [32]byte, c *loader.Corpus) error {
	l, m := spillLayout(c.Graph.Roles())
	if m == nil {
		return errNoSpill
	}
	// Only a file no one else knows: never one that is some snapshot
	// already (a corpus read back after it was written).
	f := m.File()
	if !unnamed(f) {
		return errNoSpill
	}
	// Named first, so that nothing is written where it cannot be. A file
	// made with no name can be given one once only (the system refuses
	// a second link to a file made so whose name was removed), and is
	// spent as soon as it has one: never written to again, even when the
	// snapshot it became is replaced and has no name again.
	if !m.Claim() {
		return errNoSpill
	}
	tmp, err := linkUnnamed(f, filepath.Dir(name))
	if err != nil {
		return err
	}
	if !outfile.Track(tmp) { // the program is being stopped
		os.Remove(tmp)
		return errStopped
	}
	var end int64
	if end, err = writeSnapshot(f, key, c, l); err == nil {
		// Past the trailer, a write that failed while the profiles were
		// spilled may have left bytes: the file ends where it says.
		if err = f.Truncate(end); err == nil {
			err = outfile.Place(tmp, name)
		}
	}
	if err != nil {
		outfile.Discard(tmp)
		return err
	}
	spilledSnapshots.Add(1)
	return nil
}

// errNoSpill is saveInSpill's error when c has no spill file to use.
var errNoSpill = errors.New("no spill file to make the snapshot of")

// spillLayout lays the profiles of roles out where they lie in the file
// most of them were spilled to, m (nil if none), and those that lie
// elsewhere after its end.
func spillLayout(roles []graph.Role) (layout, *mapfile.Mapping) {
	var m *mapfile.Mapping
	for _, r := range roles {
		if r.Profile != nil {
			if _, owner := r.Profile.Packed(); owner != nil {
				if m, _ = owner.(*mapfile.Mapping); m != nil {
					break
				}
			}
		}
	}
	if m == nil {
		return layout{}, nil
	}
	l := layout{size: m.Size(), writeAt: m.Size()}
	for _, r := range roles {
		p := r.Profile
		if p == nil {
			continue
		}
		l.profiles = append(l.profiles, p)
		packed, owner := p.Packed()
		if owner == any(m) {
			if at, ok := m.Offset(packed); ok {
				l.at = append(l.at, at)
				continue
			}
		}
		l.at = append(l.at, l.size)
		l.written = append(l.written, p)
		l.size += int64(len(packed))
	}
	return l, m
}

// writeWhole writes the file name whole with write: to a temporary file
// in the same folder, named after pattern, renamed over name once
// written and closed, and removed if anything failed. A reader sees the
// file before or after, never in between.
func writeWhole(name, pattern string, write func(*os.File) error) error {
	f, err := os.CreateTemp(filepath.Dir(name), pattern)
	if err != nil {
		return err
	}
	if !outfile.Track(f.Name()) { // the program is being stopped
		f.Close()
		os.Remove(f.Name())
		return errStopped
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = outfile.Place(f.Name(), name)
	}
	if err != nil {
		outfile.Discard(f.Name())
	}
	return err
}

// errStopped is the error of a write begun after outfile.Cleanup, which
// a program calls when a signal stops it: a snapshot written while it
// answered (see Start) leaves nothing behind.
var errStopped = errors.New("snapshot: the program is being stopped")

// useMapped points the profiles l laid out, just written to f, at their
// bytes in f, mapped, so that the memory they held is freed: a
// long-running program (careergraph serve) keeps the profiles of a
// corpus it loaded in the file, as it does those of a snapshot it read.
// f is the temporary file, which no other process writes. When f cannot
// be mapped or is shorter than the profiles, they stay as they are.
func useMapped(f *os.File, l layout) {
	if !mapfile.Supported || l.size == 0 {
		return
	}
	if info, err := f.Stat(); err != nil || info.Size() < l.size {
		return
	}
	f, err := os.Open(f.Name()) // a handle of its own, for the mapping
	if err != nil {
		return
	}
	data, m, err := mapfile.Map(f, l.size)
	if err != nil || m == nil {
		return
	}
	for i, p := range l.profiles {
		p.SetPacked(data[l.at[i]:l.at[i]+int64(p.PackedSize())], m)
	}
}

// removeStale keeps the cache folder from growing without end: it
// removes the temporary files that a writer killed midway left more than
// an hour ago, and the snapshots and listings not used for a month (each
// is touched whenever it is used).
func removeStale(dir string) {
	for pattern, age := range map[string]time.Duration{"snapshot-*.tmp": time.Hour, "listing-*.tmp": time.Hour,
		"*.snap": 30 * 24 * time.Hour, "*.list": 30 * 24 * time.Hour} {
		names, _ := filepath.Glob(filepath.Join(dir, pattern))
		for _, n := range names {
			if info, err := os.Stat(n); err == nil && time.Since(info.ModTime()) > age {
				os.Remove(n)
			}
		}
	}
}

// readSnapshot reads the snapshot in name and returns it with the key it
// was made for. It maps the file rather than read it: the head is
// checked and decoded where it lies, and stays mapped as long as the
// program runs (see pinned); the profiles are read only where a card is
// shown.
func readSnapshot(name string) (c *loader.Corpus, key [32]byte, err error) {
	// A file cut short under the mapping while it is decoded faults:
	// that is an unusable snapshot too, not a crash.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if recover() != nil {
			c, err = nil, errSnapshot
		}
	}()
	f, err := os.Open(name)
	if err != nil {
		return nil, key, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, key, err
	}
	data, m, err := mapfile.Map(f, info.Size()) // takes f
	if err != nil {
		return nil, key, errSnapshot
	}
	if m != nil {
		pin(m)
	}
	// The head and index are never written to: the corpus shares them.
	sec, err := split(unsafe.Slice(unsafe.StringData(data), len(data)), m)
	if err != nil {
		return nil, sec.key, err
	}
	c, err = decodeSnapshot(sec.head, sec.index, data[:len(sec.profiles)], nil, &sec.check) // the profiles start the file
	return c, sec.key, err
}

// pinned keeps every snapshot file read mapped for as long as the program
// runs: the names of the corpus decoded from one are its bytes, used
// everywhere and never copied, so no mapping may be undone. A command
// reads one snapshot; a server one when it starts and one more after
// each reload (the snapshot its parse wrote, read back: each stays
// mapped, and a replaced one keeps its disk space, until the server
// stops), and the system can drop mapped pages it needs.
// Snapshots are only ever replaced whole (written elsewhere and renamed),
// never changed in place, so what is mapped stays as it was.
var pinned struct {
	sync.Mutex
	maps []*mapfile.Mapping
}

func pin(m *mapfile.Mapping) {
	pinned.Lock()
	defer pinned.Unlock()
	pinned.maps = append(pinned.maps, m)
}
