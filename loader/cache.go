package loader

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"careergraph/graph"
)

// LoadCached is Load for a program that loads the same documents again
// and again, such as the careergraph command. It keeps a snapshot of the
// loaded corpus in the folder cacheDir, keyed by version, by the running
// program's file, and by the path, size and modification time of every
// document file and of the alias file; when none of them has changed it
// reads the snapshot instead of parsing the documents. fromCache reports
// whether it did.
//
// The Corpus has no Docs, whether it came from the snapshot or not:
// Documents counts them. Everything else is as Load returns it. Without
// the Docs' full text a load takes far less memory.
//
// A snapshot that is missing, stale, unreadable or corrupt is never
// trusted: the documents are loaded and the snapshot written anew. A
// snapshot that cannot be written only costs the next run its speed.
// With an empty cacheDir, or for the embedded seeds (they load in
// milliseconds), nothing is cached. Errors are Load's.
//
// While it reads a snapshot, LoadCached holds off garbage collection in
// the whole program (debug.SetGCPercent): the snapshot decodes to live
// data only, so collecting would find nothing to free, and at 100k
// documents it would cost a fifth of the time.
func LoadCached(opt Options, cacheDir, version string) (c *Corpus, fromCache bool, err error) {
	if cacheDir == "" || len(opt.Paths) == 0 {
		files, err := listFiles(opt)
		if err != nil {
			return nil, false, err
		}
		c, err := loadFiles(files, opt, false)
		return c, false, err
	}
	// The snapshot is read while the files are listed and looked at, on
	// the other core; it is used only if its key turns out to match.
	resumeGC := sync.OnceFunc(func() func() {
		old := debug.SetGCPercent(-1)
		return func() { debug.SetGCPercent(old) }
	}())
	defer resumeGC()
	name := filepath.Join(cacheDir, snapshotName(opt))
	type snapshot struct {
		c   *Corpus
		key [32]byte
		err error
	}
	snap := make(chan snapshot, 1)
	go func() {
		c, key, err := readSnapshot(name)
		snap <- snapshot{c, key, err}
	}()
	files, err := listFiles(opt)
	if err != nil {
		return nil, false, err
	}
	key, keyed := snapshotKey(files, opt.Aliases, version)
	s := <-snap
	resumeGC()
	if keyed && s.err == nil && s.key == key {
		now := time.Now()
		_ = os.Chtimes(name, now, now) // in use: see removeStale
		return s.c, true, nil
	}
	c, err = loadFiles(files, opt, false)
	if err != nil {
		return nil, false, err
	}
	if keyed {
		_ = writeSnapshot(name, key, c) // an unwritable cache only costs speed
	}
	return c, false, nil
}

// snapshotFormat names the layout of a snapshot file; change it whenever
// the layout or what a Corpus holds changes.
const snapshotFormat = "careergraph snapshot 1\n"

// snapshotName returns the file name of the snapshot of what opt names:
// one file per set of paths, overwritten when the documents change.
func snapshotName(opt Options) string {
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

// snapshotKey hashes what a snapshot depends on: the format, version, the
// running program's file, and the name, size and modification time of
// every file and of the alias file. The files are looked at on all
// cores. ok is false when one of them cannot be looked at: the load is
// then not cached.
func snapshotKey(files []sourceFile, aliases, version string) (key [32]byte, ok bool) {
	type stamp struct {
		size, mtime int64
		ok          bool
	}
	stamps := make([]stamp, len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(1, len(files)/256)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				if info, err := os.Stat(files[i].name); err == nil && info.Mode().IsRegular() {
					stamps[i] = stamp{info.Size(), info.ModTime().UnixNano(), true}
				}
			}
		})
	}
	wg.Wait()
	h := sha256.New()
	buf := make([]byte, 0, 256)
	buf = append(buf, snapshotFormat+version+"\x00"...)
	if exe, err := os.Executable(); err == nil {
		if info, err := os.Stat(exe); err == nil {
			buf = append(buf, exe+"\x00"...)
			buf = binary.LittleEndian.AppendUint64(buf, uint64(info.Size()))
			buf = binary.LittleEndian.AppendUint64(buf, uint64(info.ModTime().UnixNano()))
		}
	}
	if aliases != "" {
		info, err := os.Stat(aliases)
		if err != nil {
			return key, false
		}
		buf = append(buf, aliases+"\x00"...)
		buf = binary.LittleEndian.AppendUint64(buf, uint64(info.Size()))
		buf = binary.LittleEndian.AppendUint64(buf, uint64(info.ModTime().UnixNano()))
	}
	for i, f := range files {
		if !stamps[i].ok {
			return key, false
		}
		buf = append(buf, f.name+"\x00"...)
		buf = binary.LittleEndian.AppendUint64(buf, uint64(stamps[i].size))
		buf = binary.LittleEndian.AppendUint64(buf, uint64(stamps[i].mtime))
		if len(buf) > 128<<10 {
			h.Write(buf)
			buf = buf[:0]
		}
	}
	h.Write(buf)
	copy(key[:], h.Sum(nil))
	return key, true
}

// A snapshot file is the format line, the key, the length of the string
// table, the string table (lengths, then bytes), the body, and a CRC-32C
// of everything before it. Every string of the body is an index into the
// table; every number is a uvarint. Lists that may be nil are written
// with their length plus one, 0 meaning nil.

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// errSnapshot is what any unusable snapshot file decodes to.
var errSnapshot = errors.New("unusable snapshot")

// writeSnapshot writes c's snapshot to name atomically: to a temporary
// file in the same folder, then renamed over name.
func writeSnapshot(name string, key [32]byte, c *Corpus) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	removeStale(dir)
	e := encodeCorpus(c)
	f, err := os.CreateTemp(dir, "snapshot-*.tmp")
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err = e.writeSnapshot(w, key); err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// removeStale keeps the cache folder from growing without end: it
// removes the temporary files that a writer killed midway left more than
// an hour ago, and the snapshots not used for a month (a snapshot is
// touched whenever it is used).
func removeStale(dir string) {
	for pattern, age := range map[string]time.Duration{"snapshot-*.tmp": time.Hour, "*.snap": 30 * 24 * time.Hour} {
		names, _ := filepath.Glob(filepath.Join(dir, pattern))
		for _, n := range names {
			if info, err := os.Stat(n); err == nil && time.Since(info.ModTime()) > age {
				os.Remove(n)
			}
		}
	}
}

// readSnapshot reads the snapshot in name and returns it with the key it
// was made for.
func readSnapshot(name string) (c *Corpus, key [32]byte, err error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, key, err
	}
	head := len(snapshotFormat) + len(key)
	if len(data) < head+4 || string(data[:len(snapshotFormat)]) != snapshotFormat {
		return nil, key, errSnapshot
	}
	key = [32]byte(data[len(snapshotFormat):head])
	body := data[:len(data)-4]
	if crc32.Checksum(body, crcTable) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return nil, key, errSnapshot
	}
	c, err = decodeSnapshot(body[head:])
	return c, key, err
}

// encoder writes a snapshot body, interning strings into a table.
type encoder struct {
	buf   []byte
	index map[string]uint64
	table []string
}

func (e *encoder) uint(v uint64) { e.buf = binary.AppendUvarint(e.buf, v) }
func (e *encoder) int(v int)     { e.uint(uint64(v)) }
func (e *encoder) signed(v int)  { e.buf = binary.AppendVarint(e.buf, int64(v)) }
func (e *encoder) length(n int)  { e.uint(uint64(n)) }

// list writes the length of a list that may be nil: n+1, or 0 for nil.
func (e *encoder) list(isNil bool, n int) {
	if isNil {
		e.uint(0)
	} else {
		e.uint(uint64(n) + 1)
	}
}
func (e *encoder) source(s graph.Source) {
	e.str(s.File)
	e.signed(s.Line)
}

func (e *encoder) str(s string) {
	i, ok := e.index[s]
	if !ok {
		i = uint64(len(e.table))
		e.index[s] = i
		e.table = append(e.table, s)
	}
	e.uint(i)
}

func (e *encoder) strs(list []string) {
	e.list(list == nil, len(list))
	for _, s := range list {
		e.str(s)
	}
}

func (e *encoder) sources(list []graph.Source) {
	e.list(list == nil, len(list))
	for _, s := range list {
		e.source(s)
	}
}

// encodeSnapshot returns the snapshot of c for key.
func encodeSnapshot(key [32]byte, c *Corpus) []byte {
	var b bytes.Buffer
	encodeCorpus(c).writeSnapshot(&b, key)
	return b.Bytes()
}

// encodeCorpus encodes c into a string table and a body.
func encodeCorpus(c *Corpus) *encoder {
	g := c.Graph
	roles := g.Roles()
	e := &encoder{index: make(map[string]uint64, len(roles)*4)}
	e.int(c.Documents)
	e.int(c.Files)
	e.int(c.Broken)
	// The roles go in a section of their own, its length first, so that
	// they can be decoded at the same time as the moves.
	body := e.buf
	e.buf = nil
	e.length(len(roles))
	for _, r := range roles {
		e.str(r.ID)
		e.str(r.Name)
		e.strs(r.Names)
		e.str(r.Reading)
		e.strs(r.Classification)
		e.strs(r.Docs)
		var flags uint64
		if r.Documented {
			flags |= 1
		}
		if r.Profile != nil {
			flags |= 2
		}
		e.uint(flags)
		if p := r.Profile; p != nil {
			e.str(p.Summary)
			e.strs(p.RequiredSkills)
			e.strs(p.RecommendedSkills)
			e.strs(p.Qualifications)
		}
	}
	section := e.buf
	e.buf = binary.AppendUvarint(body, uint64(len(section)))
	e.buf = append(e.buf, section...)
	index := make(map[string]int, len(roles))
	for i, r := range roles {
		index[r.ID] = i
	}
	moves := g.Moves()
	e.length(len(moves))
	for _, m := range moves {
		e.int(index[m.From])
		e.int(index[m.To])
		e.uint(uint64(m.Kind))
		e.sources(m.Sources)
	}
	rungs := g.Rungs()
	e.length(len(rungs))
	for _, r := range rungs {
		e.length(len(r))
		for _, id := range r {
			e.int(index[id])
		}
	}
	e.list(c.Problems == nil, len(c.Problems))
	for _, p := range c.Problems {
		e.str(p.File)
		e.signed(p.Line)
		e.uint(uint64(p.Severity))
		e.str(p.Msg)
	}
	e.list(c.Merges == nil, len(c.Merges))
	for _, m := range c.Merges {
		e.str(m.Name)
		e.str(m.Role)
		e.uint(uint64(m.Rule))
		e.source(m.Source)
	}
	e.list(c.Ambiguous == nil, len(c.Ambiguous))
	for _, a := range c.Ambiguous {
		e.str(a.Name)
		e.strs(a.Claimants)
		e.sources(a.Uses)
	}
	e.list(c.NearDuplicates == nil, len(c.NearDuplicates))
	for _, n := range c.NearDuplicates {
		e.str(n.Key)
		e.strs(n.Roles)
	}

	return e
}

// writeSnapshot writes the snapshot file for key to w, without making
// a copy of it in memory.
func (e *encoder) writeSnapshot(w io.Writer, key [32]byte) error {
	crc := crc32.New(crcTable)
	mw := io.MultiWriter(w, crc)
	head := append([]byte(snapshotFormat), key[:]...)
	head = binary.AppendUvarint(head, uint64(len(e.table)))
	for _, s := range e.table {
		head = binary.AppendUvarint(head, uint64(len(s)))
	}
	if _, err := mw.Write(head); err != nil {
		return err
	}
	chunk := make([]byte, 0, 64<<10)
	for i, s := range e.table {
		chunk = append(chunk, s...)
		if len(chunk) >= 64<<10 || i == len(e.table)-1 {
			if _, err := mw.Write(chunk); err != nil {
				return err
			}
			chunk = chunk[:0]
		}
	}
	if _, err := mw.Write(e.buf); err != nil {
		return err
	}
	_, err := w.Write(binary.LittleEndian.AppendUint32(nil, crc.Sum32()))
	return err
}

// decoder reads a snapshot body. The first error sticks: every read after
// it returns zero values, and err says the snapshot is unusable.
type decoder struct {
	buf  []byte
	off  int
	err  error
	strs []string
	// Slabs that small lists are carved from, to allocate in bulk.
	strSlab []string
	srcSlab []graph.Source
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errSnapshot
	}
	d.off = len(d.buf)
}

func (d *decoder) uint() uint64 {
	if d.off < len(d.buf) && d.buf[d.off] < 0x80 { // the common one-byte case
		d.off++
		return uint64(d.buf[d.off-1])
	}
	v, n := binary.Uvarint(d.buf[d.off:])
	if n <= 0 {
		d.fail()
		return 0
	}
	d.off += n
	return v
}

func (d *decoder) signed() int {
	v, n := binary.Varint(d.buf[d.off:])
	if n <= 0 {
		d.fail()
		return 0
	}
	d.off += n
	return int(v)
}

// index reads a number that must be below n.
func (d *decoder) index(n int) int {
	v := d.uint()
	if v >= uint64(n) {
		d.fail()
		return 0
	}
	return int(v)
}

// length reads the length of a list whose every element takes at least
// one byte, so that a corrupt length cannot make a huge allocation.
func (d *decoder) length() int { return d.count(1) }

// count reads the length of a list whose every element takes at least
// min bytes.
func (d *decoder) count(min int) int { return d.index((len(d.buf)-d.off)/min + 1) }

// nilable reads a length written by encoder.list: -1 for nil.
func (d *decoder) nilable() int { return d.length() - 1 }

func (d *decoder) str() string {
	i := d.index(len(d.strs))
	if d.err != nil {
		return ""
	}
	return d.strs[i]
}

// int32 reads a number that fits an int32; graph.Restore checks it names
// a role.
func (d *decoder) int32() int32 { return int32(d.index(math.MaxInt32)) }

func (d *decoder) roles() []graph.Role {
	roles := make([]graph.Role, d.count(7)) // ID, Name, Names, Reading, Classification, Docs, flags
	var profiles []graph.Profile
	for i := range roles {
		r := &roles[i]
		r.ID = d.str()
		r.Name = d.str()
		r.Names = d.strList()
		r.Reading = d.str()
		r.Classification = d.strList()
		r.Docs = d.strList()
		flags := d.uint()
		r.Documented = flags&1 != 0
		if flags&2 != 0 {
			if len(profiles) == 0 {
				profiles = make([]graph.Profile, min(len(roles)-i, slabSize))
			}
			p := &profiles[0]
			profiles = profiles[1:]
			p.Summary = d.str()
			p.RequiredSkills = d.strList()
			p.RecommendedSkills = d.strList()
			p.Qualifications = d.strList()
			r.Profile = p
		}
	}
	return roles
}

func (d *decoder) moves() ([]graph.Move, []graph.Ends) {
	n := d.count(4) // From, To, Kind, Sources
	moves := make([]graph.Move, n)
	ends := make([]graph.Ends, n)
	for i := range moves {
		ends[i] = graph.Ends{From: d.int32(), To: d.int32()}
		moves[i].Kind = graph.Kind(d.index(int(graph.Related) + 1))
		moves[i].Sources = d.sources()
	}
	return moves, ends
}

func (d *decoder) source() graph.Source { return graph.Source{File: d.str(), Line: d.signed()} }

const slabSize = 16 << 10

func (d *decoder) strList() []string {
	n := d.nilable()
	if n < 0 {
		return nil
	}
	if n > len(d.strSlab) {
		d.strSlab = make([]string, max(n, slabSize))
	}
	out := d.strSlab[:n:n]
	d.strSlab = d.strSlab[n:]
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *decoder) sources() []graph.Source {
	n := d.nilable()
	if n < 0 {
		return nil
	}
	if n > len(d.srcSlab) {
		d.srcSlab = make([]graph.Source, max(n, slabSize))
	}
	out := d.srcSlab[:n:n]
	d.srcSlab = d.srcSlab[n:]
	for i := range out {
		out[i] = d.source()
	}
	return out
}

// decodeSnapshot decodes a snapshot body. The Corpus's strings share
// data's bytes: the caller must never modify data afterwards.
func decodeSnapshot(data []byte) (*Corpus, error) {
	d := &decoder{buf: data}
	d.strs = make([]string, d.length())
	// The lengths are read twice: to find the strings' bytes, then to cut
	// them into the table.
	start, total := d.off, 0
	for range d.strs {
		total += d.length()
	}
	if d.err != nil || total > len(d.buf)-d.off {
		return nil, errSnapshot
	}
	// The strings share the snapshot's bytes rather than copy them: tens
	// of megabytes at 100k documents, which a fresh process would spend
	// as much time faulting in as copying. Nothing writes to data after
	// it is read (see readSnapshot), so the strings never change.
	all := unsafe.String(unsafe.SliceData(d.buf[d.off:]), total)
	end := d.off + total
	d.off = start
	for i := range d.strs {
		l := d.length()
		d.strs[i], all = all[:l], all[l:]
	}
	d.off = end

	c := &Corpus{Documents: int(d.uint()), Files: int(d.uint()), Broken: int(d.uint())}
	size := d.length()
	if d.err != nil {
		return nil, errSnapshot
	}
	rd := &decoder{buf: d.buf[d.off : d.off+size], strs: d.strs}
	d.off += size
	var roles []graph.Role
	var wg sync.WaitGroup
	wg.Go(func() { roles = rd.roles() })
	moves, ends := d.moves()
	rungs := make([][]int32, d.length())
	for i := range rungs {
		rung := make([]int32, d.length())
		for j := range rung {
			rung[j] = d.int32()
		}
		rungs[i] = rung
	}
	if n := d.nilable(); n >= 0 {
		c.Problems = make([]Problem, n)
		for i := range c.Problems {
			p := &c.Problems[i]
			p.File, p.Line, p.Severity, p.Msg = d.str(), d.signed(), Severity(d.index(int(Error)+1)), d.str()
		}
	}
	if n := d.nilable(); n >= 0 {
		c.Merges = make([]Merge, n)
		for i := range c.Merges {
			m := &c.Merges[i]
			m.Name, m.Role, m.Rule, m.Source = d.str(), d.str(), Rule(d.uint()), d.source()
		}
	}
	if n := d.nilable(); n >= 0 {
		c.Ambiguous = make([]Ambiguity, n)
		for i := range c.Ambiguous {
			a := &c.Ambiguous[i]
			a.Name, a.Claimants, a.Uses = d.str(), d.strList(), d.sources()
		}
	}
	if n := d.nilable(); n >= 0 {
		c.NearDuplicates = make([]NearDuplicate, n)
		for i := range c.NearDuplicates {
			nd := &c.NearDuplicates[i]
			nd.Key, nd.Roles = d.str(), d.strList()
		}
	}
	wg.Wait()
	if d.err != nil || d.off != len(d.buf) || rd.err != nil || rd.off != len(rd.buf) {
		return nil, errSnapshot
	}
	g, err := graph.Restore(roles, moves, ends, rungs)
	if err != nil {
		return nil, errSnapshot
	}
	c.Graph = g
	return c, nil
}
