package snapshot

// This file is the snapshot's binary codec, encoder and decoder side by
// side so that each field is written and read in one place: long because
// a corpus has many fields, not because it does many things.

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"sync"
	"sync/atomic"
	"unsafe"

	"careergraph/graph"
	"careergraph/internal/mapfile"
	"careergraph/internal/parallel"
	"careergraph/loader"
)

// A snapshot file is the profiles; zeros up to a multiple of 8 bytes;
// the index; the head; and the trailer. The trailer is the lengths of
// the profiles, the index and the head (8 bytes each, little-endian), a
// CRC-32C of the index, a CRC-32C of the head and the trailer before it,
// the key, and the format line, which ends the file. The profiles and
// the index come first because their sizes are known before the head is
// encoded: they are written at once, on other cores, while it is (see
// writeSnapshot). The index is the graph's compact index and its names'
// normal forms (graph.WriteIndex), used where it lies once mapped. The
// head is the number of strings in the string table, the table (where
// each string starts, 4 bytes each, little-endian, and where the last
// ends; then the strings' bytes), and the body. Every string of the body is an index into
// the table; every number is a uvarint. Lists that may be nil are
// written with their length plus one, 0 meaning nil. The roles and the
// moves are sections of their own, each after its length, starting with
// where each record starts in it (4 bytes each, little-endian, and where
// the last ends), so that a role or a move can be decoded alone
// (roleReader, moveReader); the profiles' length follows the roles.
//
// The profiles are each role's packed documents' sections
// (graph.Profile.WritePacked), where each starts and its length in the
// body: one after another in role order, or, in a snapshot made of the
// file they were spilled to while parsed (see saveInSpill), where each
// lies in it, with bytes of no role's between them. They are most of a
// snapshot's bytes, and the least read.
// They are not decoded, nor even read, when a snapshot is: a reader
// maps them (see readSnapshot) and each profile unpacks its own when a
// card is asked for, checking its own checksums.

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// errSnapshot is what any unusable snapshot file decodes to.
var errSnapshot = errors.New("unusable snapshot")

// errTooLarge is the error of a snapshot whose strings or sections
// would not fit the 4-byte offsets that find them.
var errTooLarge = errors.New("corpus too large for a snapshot")

// encoder writes a snapshot body, interning strings into a table.
type encoder struct {
	graph *graph.Graph
	// The body is done, the parts in order, then buf: a section is a
	// part of its own rather than copied after what comes before it.
	done  [][]byte
	buf   []byte
	index map[string]uint64
	table []string
	err   error // errTooLarge when a section outgrew its 4-byte offsets, or a layout not of these roles
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

// encodeCorpus encodes c into a string table and a body, its profiles
// where l lays them.
func encodeCorpus(c *loader.Corpus, l layout) *encoder {
	g := c.Graph
	roles := g.Roles()
	e := &encoder{graph: g, index: make(map[string]uint64, len(roles)*4)}
	e.int(c.NumDocuments)
	e.int(c.NumFiles)
	e.strs(c.Skipped)
	// The roles go in a section of their own, after where each starts
	// in it, so that one can be read without the others (see
	// roleReader).
	e.length(len(roles))
	body := e.buf
	e.buf = nil
	at := make([]uint32, 0, len(roles)+1)
	profile := 0 // l's next
	for _, r := range roles {
		at = append(at, uint32(len(e.buf)))
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
		if r.Level != 0 || r.Code != "" || r.Description != "" {
			flags |= 4
		}
		e.uint(flags)
		if p := r.Profile; p != nil {
			e.str(p.Summary)
			e.strs(p.RequiredSkills)
			e.strs(p.RecommendedSkills)
			e.strs(p.Qualifications)
			if profile >= len(l.profiles) || l.profiles[profile] != p {
				e.err = errors.New("snapshot: the profiles' layout is not of these roles")
				return e
			}
			e.int(int(l.at[profile]))
			e.length(p.PackedSize())
			profile++
		}
		if flags&4 != 0 {
			e.signed(r.Level)
			e.str(r.Code)
			e.str(r.Description)
		}
	}
	e.buf = e.section(body, at)
	e.int(int(l.size)) // the profiles' length: no checksum covers them
	index := make(map[string]int, len(roles))
	for i, r := range roles {
		index[r.ID] = i
	}
	// The moves go in a section of their own too, after where each
	// starts in it, so that one can be read without the others (see
	// moveReader).
	n := g.NumMoves()
	e.length(n)
	body = e.buf
	e.buf = nil
	at = make([]uint32, 0, n+1)
	for i := range n {
		m, ends := g.MoveAt(i) // made one at a time: all at once, they were 70 MB at 100k documents
		at = append(at, uint32(len(e.buf)))
		e.int(int(ends.From))
		e.int(int(ends.To))
		// The kind, and whether an own cost and attributes follow.
		head := uint64(m.Kind)
		if m.Milli > 0 {
			head |= 2
		}
		if m.Attrs != nil {
			head |= 4
		}
		e.uint(head)
		e.sources(m.Sources)
		if m.Milli > 0 {
			e.uint(uint64(m.Milli))
		}
		if a := m.Attrs; a != nil {
			e.str(a.Basis)
			e.str(a.Tier)
			e.signed(a.Index)
			e.uint(math.Float64bits(a.Similarity))
			e.str(a.Note)
		}
	}
	e.buf = e.section(body, at)
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
	e.list(c.Sources == nil, len(c.Sources))
	for _, s := range c.Sources {
		e.str(s.Name)
		e.str(s.Format)
		e.str(s.Version)
		e.int(s.Roles)
		e.int(s.Moves)
	}
	e.int(c.Dropped.SelfLinks)
	e.int(c.Dropped.Duplicates)

	return e
}

// section ends the body with body, then the section of records e.buf
// holds, each starting where at says: the section's length, where each
// record starts in it (4 bytes each, little-endian), where the last
// ends, and the records. It returns the buffer to go on with.
func (e *encoder) section(body []byte, at []uint32) []byte {
	if uint64(len(e.buf)) > math.MaxUint32 {
		e.err = errTooLarge
	}
	at = append(at, uint32(len(e.buf)))
	body = binary.AppendUvarint(body, uint64(4*len(at)+len(e.buf)))
	for _, a := range at {
		body = binary.LittleEndian.AppendUint32(body, a)
	}
	e.done = append(e.done, body, e.buf)
	return nil
}

// layout is where a snapshot's profiles lie in its profiles region: at
// holds where each of profiles (in the order the encoder writes where
// they lie) starts. Those in written are written one after another
// from writeAt on; the others lie in the file already (see
// spillLayout). size is the region's length.
type layout struct {
	profiles []*graph.Profile
	at       []int64
	written  []*graph.Profile
	writeAt  int64
	size     int64
}

// copyLayout lays the profiles of roles out one after another, from the
// file's start, all to be written.
func copyLayout(roles []graph.Role) layout {
	var l layout
	for _, r := range roles {
		if p := r.Profile; p != nil {
			l.profiles = append(l.profiles, p)
			l.at = append(l.at, l.size)
			l.size += int64(p.PackedSize())
		}
	}
	l.written = l.profiles
	return l
}

// writeSnapshot writes the snapshot file of c for key to w, without
// making a copy of it in memory, its profiles where l says. The
// profiles and the index are written on goroutines of their own while
// the head is encoded: at 100k documents, copying 370 MB of profiles
// and 60 MB of index took as long as encoding the head, one after the
// other.
func writeSnapshot(w io.WriterAt, key [32]byte, c *loader.Corpus, l layout) (end int64, err error) {
	g := c.Graph
	profilesSize := l.size
	indexAt := int64(align(int(profilesSize)))
	indexSize := int64(g.IndexSize())
	var wg sync.WaitGroup
	var profilesErr, indexErr error
	wg.Go(func() {
		bw := bufio.NewWriterSize(io.NewOffsetWriter(w, l.writeAt), 1<<20)
		for _, p := range l.written {
			if profilesErr = p.WritePacked(bw); profilesErr != nil {
				return
			}
		}
		if _, profilesErr = bw.Write(make([]byte, indexAt-profilesSize)); profilesErr == nil {
			profilesErr = bw.Flush()
		}
	})
	indexCRC := crc32.New(crcTable)
	wg.Go(func() {
		bw := bufio.NewWriterSize(io.NewOffsetWriter(w, indexAt), 1<<20)
		n := &counter{w: io.MultiWriter(bw, indexCRC)}
		if indexErr = g.WriteIndex(n); indexErr == nil {
			indexErr = bw.Flush()
		}
		if indexErr == nil && n.n != indexSize {
			indexErr = fmt.Errorf("snapshot: the index took %d bytes, not the %d it was sized at", n.n, indexSize)
		}
	})
	headSize, headCRC, err := encodeCorpus(c, l).writeHead(io.NewOffsetWriter(w, indexAt+indexSize))
	wg.Wait()
	if err = cmp.Or(err, profilesErr, indexErr); err != nil {
		return 0, err
	}
	var t []byte
	for _, size := range []int64{profilesSize, indexSize, headSize} {
		t = binary.LittleEndian.AppendUint64(t, uint64(size))
	}
	t = binary.LittleEndian.AppendUint32(t, indexCRC.Sum32())
	t = binary.LittleEndian.AppendUint32(t, crc32.Update(headCRC, crcTable, t))
	t = append(append(t, key[:]...), format...)
	end = indexAt + indexSize + headSize
	if _, err = w.WriteAt(t, end); err != nil {
		return 0, err
	}
	return end + int64(len(t)), nil
}

// counter is a writer that counts what it writes to w.
type counter struct {
	w io.Writer
	n int64
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// trailerSize is the length of a snapshot file's trailer.
const trailerSize = 3*8 + 2*4 + 32 + len(format)

// writeHead writes the head e encoded, string table and body, to w, and
// returns its length and CRC-32C.
func (e *encoder) writeHead(w io.Writer) (size int64, crc uint32, err error) {
	// Where each string starts, and where the last ends: 4 bytes each.
	lengths := binary.AppendUvarint(nil, uint64(len(e.table)))
	strs := 0
	for _, s := range e.table {
		lengths = binary.LittleEndian.AppendUint32(lengths, uint32(strs))
		strs += len(s)
	}
	lengths = binary.LittleEndian.AppendUint32(lengths, uint32(strs))
	if e.err != nil {
		return 0, 0, e.err
	}
	if uint64(strs) > math.MaxUint32 {
		return 0, 0, errTooLarge
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	h := crc32.New(crcTable)
	mw := io.MultiWriter(bw, h)
	write := func(b []byte) {
		if err == nil {
			_, err = mw.Write(b)
			size += int64(len(b))
		}
	}
	write(lengths)
	// The strings a chunk at a time: a write each would be a million
	// calls.
	chunk := make([]byte, 0, 64<<10)
	for _, s := range e.table {
		if len(chunk)+len(s) > cap(chunk) {
			write(chunk)
			chunk = chunk[:0]
		}
		chunk = append(chunk, s...)
	}
	write(chunk)
	for _, part := range e.done {
		write(part)
	}
	write(e.buf)
	if err == nil {
		err = bw.Flush()
	}
	return size, h.Sum32(), err
}

// align rounds a position in the file up to a multiple of 8, where the
// index starts so that it can be used where it lies once mapped.
func align(at int) int { return (at + 7) &^ 7 }

// sections are the parts of a snapshot file, and the check of its index
// made while it was checksummed.
type sections struct {
	key                   [32]byte
	head, index, profiles []byte
	check                 graph.IndexCheck
}

// split finds the sections of the snapshot file data and checks their
// checksums, and the index's offsets and arcs in the same pass (s.check).
// data is m's bytes, when m is not nil: the checksums are then computed
// from the file (see mapfile.Mapping.Chunks), and the index's pages are
// left for the queries that read them.
func split(data []byte, m *mapfile.Mapping) (s sections, err error) {
	if len(data) < trailerSize || string(data[len(data)-len(format):]) != format {
		return s, errSnapshot
	}
	t := data[len(data)-trailerSize:]
	s.key = [32]byte(t[3*8+2*4:])
	var size [3]uint64 // profiles, index, head
	for i := range size {
		size[i] = binary.LittleEndian.Uint64(t[8*i:])
		if size[i] > uint64(len(data)) {
			return s, errSnapshot
		}
	}
	indexAt := align(int(size[0]))
	headAt := indexAt + int(size[1])
	if headAt+int(size[2]) != len(data)-trailerSize {
		return s, errSnapshot
	}
	s.profiles = data[:size[0]]
	s.index = data[indexAt:headAt]
	s.head = data[headAt : headAt+int(size[2])]
	indexCRC, err1 := checksum(m, s.index, &s.check)
	headCRC, err2 := checksum(m, s.head, nil)
	headCRC = crc32.Update(headCRC, crcTable, t[:3*8+4])
	if err1 != nil || err2 != nil || indexCRC != binary.LittleEndian.Uint32(t[3*8:]) ||
		headCRC != binary.LittleEndian.Uint32(t[3*8+4:]) {
		return s, errSnapshot
	}
	return s, nil
}

// checksum returns the CRC-32C of b, which lies in m unless m is nil,
// and writes b to also unless it is nil.
func checksum(m *mapfile.Mapping, b []byte, also io.Writer) (uint32, error) {
	var crc uint32
	err := m.Chunks(unsafe.String(unsafe.SliceData(b), len(b)), func(chunk []byte) {
		crc = crc32.Update(crc, crcTable, chunk)
		if also != nil {
			also.Write(chunk)
		}
	})
	return crc, err
}

// decoder reads a snapshot body. The first error sticks: every read after
// it returns zero values, and err says the snapshot is unusable.
type decoder struct {
	buf  []byte
	off  int
	err  error
	strs strTable
	// The profiles' packed sections, every role's, and what their
	// memory belongs to.
	profiles string
	owner    any
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
	i := d.index(d.strs.len())
	if d.err != nil {
		return ""
	}
	s, ok := d.strs.at(i)
	if !ok {
		d.fail()
	}
	return s
}

// strTable is the snapshot's string table where it lies: string i is
// blob[start(i):start(i+1)], each start 4 bytes, little-endian. A string
// is cut from the blob only when it is read, so that opening a snapshot
// allocates nothing per string.
type strTable struct {
	starts []byte
	blob   string
}

func (t strTable) len() int { return max(0, len(t.starts)/4-1) }

// at returns string i, which must be below len; false if its bounds are
// out of order (a snapshot damaged past its checksum).
func (t strTable) at(i int) (string, bool) {
	lo, hi := binary.LittleEndian.Uint32(t.starts[4*i:]), binary.LittleEndian.Uint32(t.starts[4*i+4:])
	if lo > hi || int64(hi) > int64(len(t.blob)) {
		return "", false
	}
	return t.blob[lo:hi], true
}

// int32 reads a number that fits an int32; graph.Restore checks it names
// a role.
func (d *decoder) int32() int32 { return int32(d.index(math.MaxInt32)) }

// roles returns a reader of the roles section: each role is decoded
// only when it is asked for.
func (d *decoder) roles() *roleReader {
	_, at, recs := d.section(7) // ID, Name, Names, Reading, Classification, Docs, flags
	if d.err != nil {
		return nil
	}
	return &roleReader{at: at, recs: recs, strs: d.strs, profiles: d.profiles, owner: d.owner}
}

// roleReader is a graph.RoleReader of a snapshot's roles section: where
// each role starts (at, little-endian), then the roles.
type roleReader struct {
	at, recs []byte
	strs     strTable
	profiles string // every role's packed profile
	owner    any    // what profiles' memory belongs to
}

func (r *roleReader) start(i int) uint32 { return binary.LittleEndian.Uint32(r.at[4*i:]) }

// Len returns the number of roles.
func (r *roleReader) Len() int { return len(r.at)/4 - 1 }

// Role decodes role i. Should it not decode (a snapshot damaged past its
// checksum), it is a role with no ID.
func (r *roleReader) Role(i int) graph.Role {
	d := r.decoder(i, i+1)
	var role graph.Role
	d.role(&role, nil)
	if d.err != nil || d.off != len(d.buf) {
		return graph.Role{}
	}
	return role
}

// All decodes every role, on all cores; nil if they do not decode.
func (r *roleReader) All() []graph.Role {
	roles := make([]graph.Role, r.Len())
	var failed atomic.Bool
	parallel.Chunks(len(roles), func(lo, hi int) {
		d := r.decoder(lo, hi)
		// Slabs that profiles and lists are carved from, to allocate in
		// bulk.
		profiles := make([]graph.Profile, 0, hi-lo)
		for i := lo; i < hi; i++ {
			profiles = d.role(&roles[i], profiles)
		}
		if d.err != nil || d.off != len(d.buf) {
			failed.Store(true)
		}
	})
	if failed.Load() {
		return nil
	}
	return roles
}

// decoder returns a decoder of roles lo to hi.
func (r *roleReader) decoder(lo, hi int) *decoder {
	return &decoder{buf: r.recs[r.start(lo):r.start(hi)], strs: r.strs, profiles: r.profiles, owner: r.owner}
}

// role decodes a role into r, its profile, if it has one, taken from
// slab when it has room, and returns what is left of slab.
func (d *decoder) role(r *graph.Role, slab []graph.Profile) []graph.Profile {
	r.ID = d.str()
	r.Name = d.str()
	r.Names = d.strList()
	r.Reading = d.str()
	r.Classification = d.strList()
	r.Docs = d.strList()
	flags := d.uint()
	r.Documented = flags&1 != 0
	if flags&2 != 0 {
		var p *graph.Profile
		if len(slab) < cap(slab) {
			slab = slab[:len(slab)+1]
			p = &slab[len(slab)-1]
		} else {
			p = new(graph.Profile)
		}
		p.Summary = d.str()
		p.RequiredSkills = d.strList()
		p.RecommendedSkills = d.strList()
		p.Qualifications = d.strList()
		p.SetPacked(d.packed(), d.owner)
		r.Profile = p
	}
	if flags&4 != 0 {
		r.Level = d.signed()
		r.Code = d.str()
		r.Description = d.str()
	}
	return slab
}

// section reads a section of n records, each taking at least min bytes
// (see encoder.section), and returns where each starts and the records;
// nil if it does not fit.
func (d *decoder) section(min int) (n int, at, recs []byte) {
	n = d.count(min)
	size := d.length()
	if d.err != nil || size > len(d.buf)-d.off || size < 4*(n+1) {
		d.fail()
		return 0, nil, nil
	}
	sec := d.buf[d.off : d.off+size]
	d.off += size
	at, recs = sec[:4*(n+1)], sec[4*(n+1):]
	prev := uint32(0)
	for i := range n + 1 {
		a := binary.LittleEndian.Uint32(at[4*i:])
		if a < prev || i == 0 && a != 0 || i == n && int(a) != len(recs) {
			d.fail()
			return 0, nil, nil
		}
		prev = a
	}
	return n, at, recs
}

// moves returns a reader of the moves section: each move is decoded only
// when it is asked for.
func (d *decoder) moves() *moveReader {
	_, at, recs := d.section(4) // From, To, Kind, Sources
	if d.err != nil {
		return nil
	}
	return &moveReader{at: at, recs: recs, strs: d.strs}
}

// moveReader is a graph.MoveReader of a snapshot's moves section: where
// each move starts (at, little-endian), then the moves.
type moveReader struct {
	at, recs []byte
	strs     strTable
}

func (r *moveReader) start(i int) uint32 { return binary.LittleEndian.Uint32(r.at[4*i:]) }

// Len returns the number of moves.
func (r *moveReader) Len() int { return len(r.at)/4 - 1 }

// Move decodes move i. Should it not decode (a snapshot damaged past its
// checksum), it is an empty move with ends at no role.
func (r *moveReader) Move(i int) (graph.Move, graph.Ends) {
	d := &decoder{buf: r.recs[r.start(i):r.start(i+1)], strs: r.strs}
	var m graph.Move
	e := d.move(&m)
	if d.err != nil || d.off != len(d.buf) {
		return graph.Move{}, graph.Ends{From: -1, To: -1}
	}
	return m, e
}

// All decodes every move; nil if they do not decode.
func (r *moveReader) All() ([]graph.Move, []graph.Ends) {
	d := &decoder{buf: r.recs, strs: r.strs}
	moves := make([]graph.Move, r.Len())
	ends := make([]graph.Ends, len(moves))
	for i := range moves {
		ends[i] = d.move(&moves[i])
	}
	if d.err != nil || d.off != len(d.buf) {
		return nil, nil
	}
	return moves, ends
}

// move decodes one move into m and returns its ends.
func (d *decoder) move(m *graph.Move) graph.Ends {
	e := graph.Ends{From: d.int32(), To: d.int32()}
	head := d.index(8)
	m.Kind = graph.Kind(head & 1)
	m.Sources = d.sources()
	if head&2 != 0 {
		m.Milli = int32(d.index(graph.MaxMoveCost*1000 + 1))
	}
	if head&4 != 0 {
		m.Attrs = &graph.MoveAttrs{Basis: d.str(), Tier: d.str(), Index: d.signed(),
			Similarity: math.Float64frombits(d.uint()), Note: d.str()}
	}
	return e
}

func (d *decoder) source() graph.Source { return graph.Source{File: d.str(), Line: d.signed()} }

const slabSize = 16 << 10

func (d *decoder) strList() []string {
	n := d.nilable()
	if n < 0 {
		return nil
	}
	if n > len(d.strSlab) {
		d.strSlab = make([]string, max(n, min(slabSize, len(d.buf)-d.off)))
	}
	out := d.strSlab[:n:n]
	d.strSlab = d.strSlab[n:]
	for i := range out {
		out[i] = d.str()
	}
	return out
}

// packed returns a role's packed profile: where it starts among the
// profiles, and its length.
func (d *decoder) packed() string {
	at, n := d.uint(), d.uint()
	if d.err != nil || at > uint64(len(d.profiles)) || n > uint64(len(d.profiles))-at {
		d.fail()
		return ""
	}
	return d.profiles[at : at+n]
}

func (d *decoder) sources() []graph.Source {
	n := d.nilable()
	if n < 0 {
		return nil
	}
	if n > len(d.srcSlab) {
		// No more than what is left can hold: a source takes two bytes.
		d.srcSlab = make([]graph.Source, max(n, min(slabSize, (len(d.buf)-d.off)/2)))
	}
	out := d.srcSlab[:n:n]
	d.srcSlab = d.srcSlab[n:]
	for i := range out {
		out[i] = d.source()
	}
	return out
}

// decodeSnapshot decodes a snapshot's head with its index, its roles'
// profiles taken from profiles, which must hold them all and nothing
// else, and belongs to owner (see graph.Profile.SetPacked). check, when
// not nil, is the index's, made while it was checksummed (see split).
// The Corpus's strings share data's bytes and its graph the index's: the
// caller must never modify either afterwards.
func decodeSnapshot(data, index []byte, profiles string, owner any, check *graph.IndexCheck) (*loader.Corpus, error) {
	d := &decoder{buf: data}
	n := d.count(4) // a start each, and where the last ends
	if d.err != nil || len(d.buf)-d.off < 4*(n+1) {
		return nil, errSnapshot
	}
	starts := d.buf[d.off : d.off+4*(n+1)]
	d.off += len(starts)
	total := int(binary.LittleEndian.Uint32(starts[4*n:]))
	if binary.LittleEndian.Uint32(starts) != 0 || total > len(d.buf)-d.off {
		return nil, errSnapshot
	}
	// The strings share the snapshot's bytes rather than copy them: tens
	// of megabytes at 100k documents, which a fresh process would spend
	// as much time faulting in as copying. Nothing writes to data after
	// it is read (see readSnapshot), so the strings never change.
	d.strs = strTable{starts: starts, blob: unsafe.String(unsafe.SliceData(d.buf[d.off:]), total)}
	d.off += total

	c := &loader.Corpus{NumDocuments: int(d.uint()), NumFiles: int(d.uint())}
	c.Skipped = d.strList()
	d.profiles, d.owner = profiles, owner
	roles := d.roles()
	if d.uint() != uint64(len(profiles)) {
		return nil, errSnapshot // cut short, or longer than written
	}
	moves := d.moves()
	rungs := make([][]int32, d.length())
	for i := range rungs {
		rung := make([]int32, d.length())
		for j := range rung {
			rung[j] = d.int32()
		}
		rungs[i] = rung
	}
	if n := d.nilable(); n >= 0 {
		c.Problems = make([]loader.Problem, n)
		for i := range c.Problems {
			p := &c.Problems[i]
			p.File, p.Line, p.Severity, p.Msg = d.str(), d.signed(), loader.Severity(d.index(int(loader.Error)+1)), d.str()
		}
	}
	if n := d.nilable(); n >= 0 {
		c.Merges = make([]loader.Merge, n)
		for i := range c.Merges {
			m := &c.Merges[i]
			m.Name, m.Role, m.Rule, m.Source = d.str(), d.str(), loader.Rule(d.uint()), d.source()
		}
	}
	if n := d.nilable(); n >= 0 {
		c.Ambiguous = make([]loader.Ambiguity, n)
		for i := range c.Ambiguous {
			a := &c.Ambiguous[i]
			a.Name, a.Claimants, a.Uses = d.str(), d.strList(), d.sources()
		}
	}
	if n := d.nilable(); n >= 0 {
		c.NearDuplicates = make([]loader.NearDuplicate, n)
		for i := range c.NearDuplicates {
			nd := &c.NearDuplicates[i]
			nd.Key, nd.Roles = d.str(), d.strList()
		}
	}
	if n := d.nilable(); n >= 0 {
		c.Sources = make([]loader.SourceInfo, n)
		for i := range c.Sources {
			si := &c.Sources[i]
			si.Name, si.Format, si.Version = d.str(), d.str(), d.str()
			si.Roles, si.Moves = d.index(math.MaxInt32), d.index(math.MaxInt32)
		}
	}
	c.Dropped.SelfLinks, c.Dropped.Duplicates = d.index(math.MaxInt32), d.index(math.MaxInt32)
	if d.err != nil || d.off != len(d.buf) {
		return nil, errSnapshot
	}
	g, err := graph.RestoreIndexed(roles, moves, rungs, index, check)
	if err != nil {
		return nil, errSnapshot
	}
	c.Graph = g
	return c, nil
}
