package graph

import (
	"encoding/binary"
	"fmt"
	"io"
	"unsafe"
)

// The compact index and the names' normal forms as bytes, the way a
// snapshot keeps them (WriteIndex) so that RestoreIndexed can use them
// where they lie instead of laying them out again: at 100k roles that
// is most of a warm start's work after decoding.
//
// Every number is little-endian. The layout, in 4-byte units unless
// said:
//
//	head      8 × uint32: roles, moves, forms, forward arcs, backward
//	          arcs, bytes of forms, cost unit, greatest own cost
//	fwdOff    roles+1 × int32
//	bwdOff    roles+1 × int32
//	formOff   roles+1 × int32
//	formAt    forms+1 × uint32, where each form starts in the bytes of
//	          forms, then their length
//	fwd, bwd  16 bytes per arc: to, move, milli (int32), kind, against,
//	          down (one byte each), a zero byte
//	forms     the forms' bytes, one after another
const (
	indexHead = 8 * 4
	arcSize   = 16
)

// arcInPlace reports whether an arc in memory is laid out as in the
// index's bytes, so that they can be used as arcs where they lie.
var arcInPlace = func() bool {
	var a arc
	one := uint16(1)
	return unsafe.Sizeof(a) == arcSize && unsafe.Offsetof(a.move) == 4 && unsafe.Offsetof(a.milli) == 8 &&
		unsafe.Offsetof(a.kind) == 12 && unsafe.Offsetof(a.against) == 13 && unsafe.Offsetof(a.down) == 14 &&
		*(*byte)(unsafe.Pointer(&one)) == 1 // little-endian
}()

// IndexSize returns how many bytes WriteIndex writes.
func (g *Graph) IndexSize() int {
	n := g.numRoles()
	return indexHead + 4*(3*(n+1)+g.numForms()+1) + arcSize*(len(g.fwd)+len(g.bwd)) + g.formBytes()
}

// formBytes returns the length of all the normal forms together.
func (g *Graph) formBytes() int {
	if g.formAt != nil {
		return len(g.formBlob)
	}
	n := 0
	for _, f := range g.forms {
		n += len(f)
	}
	return n
}

// WriteIndex writes the graph's compact index and its names' normal
// forms to w, IndexSize bytes, for RestoreIndexed to use.
func (g *Graph) WriteIndex(w io.Writer) error {
	iw := &indexWriter{w: w, b: make([]byte, 0, 64<<10)}
	blob := g.formBytes()
	for _, v := range []int{g.numRoles(), g.numMoves(), g.numForms(), len(g.fwd), len(g.bwd), blob, int(g.costUnit), int(g.maxMilli)} {
		iw.u32(uint32(v))
	}
	for _, offs := range [][]int32{g.fwdOff, g.bwdOff, g.formOff} {
		for _, v := range offs {
			iw.u32(uint32(v))
		}
	}
	at := 0
	iw.u32(0)
	for j := range int32(g.numForms()) {
		at += len(g.form(j))
		iw.u32(uint32(at))
	}
	for _, arcs := range [][]arc{g.fwd, g.bwd} {
		for _, a := range arcs {
			iw.room(arcSize)
			iw.b = binary.LittleEndian.AppendUint32(iw.b, uint32(a.to))
			iw.b = binary.LittleEndian.AppendUint32(iw.b, uint32(a.move))
			iw.b = binary.LittleEndian.AppendUint32(iw.b, uint32(a.milli))
			iw.b = append(iw.b, byte(a.kind), bit(a.against), bit(a.down), 0)
		}
	}
	for j := range int32(g.numForms()) {
		for f := g.form(j); len(f) > 0; {
			iw.room(1)
			k := min(len(f), cap(iw.b)-len(iw.b))
			iw.b = append(iw.b, f[:k]...)
			f = f[k:]
		}
	}
	iw.flush()
	return iw.err
}

// indexWriter writes through a buffer; the first error sticks.
type indexWriter struct {
	w   io.Writer
	b   []byte
	err error
}

// room makes room for n more bytes in the buffer, flushing it if need be.
func (iw *indexWriter) room(n int) {
	if len(iw.b)+n > cap(iw.b) {
		iw.flush()
	}
}

func (iw *indexWriter) flush() {
	if iw.err == nil && len(iw.b) > 0 {
		_, iw.err = iw.w.Write(iw.b)
	}
	iw.b = iw.b[:0]
}

func (iw *indexWriter) u32(v uint32) {
	iw.room(4)
	iw.b = binary.LittleEndian.AppendUint32(iw.b, v)
}

func bit(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// useIndex takes g's compact index and name forms from index, that of a
// graph of m moves, which check may have checked already.
func (g *Graph) useIndex(index []byte, m int, check *IndexCheck) error {
	bad := func(what string) error { return fmt.Errorf("restore: the index's %s does not fit the graph", what) }
	if len(index) < indexHead {
		return bad("head")
	}
	var head [8]int
	for i := range head {
		head[i] = int(binary.LittleEndian.Uint32(index[4*i:]))
		// No count (the first six) can exceed the index's bytes: this
		// keeps every size computed below in range, on 32-bit systems too.
		if i < 6 && (head[i] < 0 || head[i] > len(index)) {
			return bad("head")
		}
	}
	n, nForms, nFwd, nBwd, blob := head[0], head[2], head[3], head[4], head[5]
	if n != g.numRoles() || head[1] != m {
		return bad("head")
	}
	if int64(len(index)) != int64(indexHead)+4*(3*(int64(n)+1)+int64(nForms)+1)+arcSize*(int64(nFwd)+int64(nBwd))+int64(blob) {
		return bad("size")
	}
	g.costUnit, g.maxMilli = int64(head[6]), int64(head[7])
	if g.costUnit < 1 || 1000%g.costUnit != 0 || g.maxMilli < 0 || g.maxMilli > MaxMoveCost*1000 {
		return bad("cost unit")
	}
	checked := check.checked(index)
	rest := index[indexHead:]
	take := func(size int) []byte {
		b := rest[:size]
		rest = rest[size:]
		return b
	}
	var ok bool
	if g.fwdOff, ok = offsets(take(4*(n+1)), nFwd, checked); !ok {
		return bad("forward rows")
	}
	if g.bwdOff, ok = offsets(take(4*(n+1)), nBwd, checked); !ok {
		return bad("backward rows")
	}
	if g.formOff, ok = offsets(take(4*(n+1)), nForms, checked); !ok {
		return bad("forms")
	}
	at, ok := offsets(take(4*(nForms+1)), blob, checked)
	if !ok {
		return bad("forms")
	}
	if g.fwd, ok = arcs(take(arcSize*nFwd), n, m, checked); !ok {
		return bad("forward arcs")
	}
	if g.bwd, ok = arcs(take(arcSize*nBwd), n, m, checked); !ok {
		return bad("backward arcs")
	}
	// The forms stay where they lie: nothing is allocated per form.
	g.formAt, g.formBlob = at, unsafe.String(unsafe.SliceData(rest), len(rest))
	return nil
}

// offsets returns b as int32s, where they lie when b is aligned on a
// little-endian machine, provided they run from 0 to last and never
// decrease; checked (an IndexCheck has looked), it skips the look at
// whether they ever decrease.
func offsets(b []byte, last int, checked bool) ([]int32, bool) {
	var out []int32
	if arcInPlace && uintptr(unsafe.Pointer(unsafe.SliceData(b)))%4 == 0 {
		out = unsafe.Slice((*int32)(unsafe.Pointer(unsafe.SliceData(b))), len(b)/4)
	} else {
		out = make([]int32, len(b)/4)
		for i := range out {
			out[i] = int32(binary.LittleEndian.Uint32(b[4*i:]))
		}
	}
	for i := 1; i < len(out) && !checked; i++ {
		if out[i] < out[i-1] {
			return nil, false
		}
	}
	if len(out) == 0 || out[0] != 0 || out[len(out)-1] != int32(last) || last > 1<<31-1 {
		return nil, false
	}
	return out, true
}

// arcs returns b as arcs, where they lie when b is aligned and arcs are
// laid out in memory as in b, provided none is out of range for n roles
// and m moves (see badArc); checked (an IndexCheck has looked), it skips
// that look.
func arcs(b []byte, n, m int, checked bool) ([]arc, bool) {
	for p := b; len(p) >= arcSize && !checked; p = p[arcSize:] {
		if badArc(p, int64(n), int64(m)) {
			return nil, false
		}
	}
	if arcInPlace && uintptr(unsafe.Pointer(unsafe.SliceData(b)))%4 == 0 {
		return unsafe.Slice((*arc)(unsafe.Pointer(unsafe.SliceData(b))), len(b)/arcSize), true
	}
	out := make([]arc, len(b)/arcSize)
	for i := range out {
		p := b[arcSize*i:]
		out[i] = arc{to: int32(binary.LittleEndian.Uint32(p)), move: int32(binary.LittleEndian.Uint32(p[4:])),
			milli: int32(binary.LittleEndian.Uint32(p[8:])), kind: Kind(p[12]), against: p[13] == 1, down: p[14] == 1}
	}
	return out, true
}
