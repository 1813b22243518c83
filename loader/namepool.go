package loader

import (
	"unsafe"

	"careergraph/graph"
)

// namePool keeps one copy of each name the documents a worker parses
// write in their lists, career paths, classification and aptitude
// tables, with its normal form, under an id. The same skills,
// qualifications, classifications and roles come back document after
// document: a loaded document refers to each of its names by its id
// (keyedDoc's nameRefs), and the pool's copy and normal form serve every
// document that writes the name. Less memory is kept (at 100k synthetic
// documents, 0.6 of 2.1 million names were new to their pool), and fresh
// memory is what a large load waits for most.
//
// The copies are made in blocks of memory that are only ever appended
// to, so that each is one allocation among many names. Once the pool's
// map holds poolMax names it starts again, empty, so that a corpus of
// names that never come back does not grow it without end; the names
// given ids before keep them (a name seen again is copied again).
type namePool struct {
	ids   map[string]uint32 // a name's entry, while the pool holds it
	size  int               // the map's size when made: see newNamePool
	block []byte            // the copies made so far; never written again
	// blocks are where every block of copies starts, block's last: an
	// entry says which, so that entries hold no pointers, and the
	// garbage collector, which scans a pool's blocks through these,
	// never has to look through its entries.
	blocks []*byte
	// entries are every name added, by id, in chunks of entryChunk that
	// never move: an id stays good when the map starts again.
	entries [][]poolEntry
	n       uint32 // entries in all
}

// newNamePool returns a pool for a worker that parses about docs
// documents: its map is sized once for the names they may write, up to
// poolMax (grown step by step, and again after each start, the map took
// as long as the look-ups), and a small load makes a small one.
func newNamePool(docs int) *namePool {
	return &namePool{size: min(poolMax, max(256, 8*docs))}
}

// pooledName is a name's copy in a pool, and its normal form.
type pooledName struct{ text, key string }

// poolEntry is where a name's copy is in the pool's blocks (the block's
// number in blocks and where in it), with its normal form just after it:
// half the size of two strings, and no pointer. A name is a line of a
// file, far below the 4 GiB its length could say; one longer (a file
// limit raised that far) would read back wrong, though never past its
// block.
type poolEntry struct {
	block, at uint32
	text, key uint32 // their lengths
}

const (
	poolBlock  = 64 << 10 // bytes a block of copies holds, at least
	poolMax    = 1 << 16  // names a pool's map holds before it starts again
	entryShift = 12
	entryChunk = 1 << entryShift // entries a chunk holds
)

// intern returns the pool's copy of s and the normal form of s
// (graph.NormalName), adding them if need be.
func (p *namePool) intern(s string) (text, key string) {
	n := p.name(p.add(s))
	return n.text, n.key
}

// add returns the id of s in the pool, adding s and its normal form if
// need be.
func (p *namePool) add(s string) uint32 {
	if id, ok := p.ids[s]; ok {
		return id
	}
	switch {
	case p.ids == nil:
		p.ids = make(map[string]uint32, p.size)
	case len(p.ids) >= poolMax:
		clear(p.ids)
	}
	// A normal form is seldom longer than its name; when it is, append
	// moves the block, and the copies made before stay where they were.
	if need := 2*len(s) + 8; cap(p.block)-len(p.block) < need {
		p.block = make([]byte, 0, max(poolBlock, need))
	}
	from := len(p.block)
	p.block = append(p.block, s...)
	mid := len(p.block)
	p.block = graph.AppendNormalName(p.block, s)
	// A block just made, or one that moved (a normal form longer than the
	// room left: the copy of s moved with it, the names before stayed
	// where they were), is the pool's last.
	if start := unsafe.SliceData(p.block); len(p.blocks) == 0 || start != p.blocks[len(p.blocks)-1] {
		p.blocks = append(p.blocks, start)
	}
	e := poolEntry{block: uint32(len(p.blocks) - 1), at: uint32(from), text: uint32(mid - from), key: uint32(len(p.block) - mid)}
	id := p.n
	if id&(entryChunk-1) == 0 {
		p.entries = append(p.entries, make([]poolEntry, 0, entryChunk))
	}
	last := &p.entries[len(p.entries)-1]
	*last = append(*last, e)
	p.n++
	p.ids[stringView(p.block[from:mid])] = id
	return id
}

// name returns the name with id, and its normal form.
func (p *namePool) name(id uint32) pooledName {
	e := p.entries[id>>entryShift][id&(entryChunk-1)]
	at := unsafe.Add(unsafe.Pointer(p.blocks[e.block]), e.at)
	return pooledName{text: unsafe.String((*byte)(at), e.text), key: unsafe.String((*byte)(unsafe.Add(at, e.text)), e.key)}
}

// stringView returns b as a string without copying it: b is never written
// again.
func stringView(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}
