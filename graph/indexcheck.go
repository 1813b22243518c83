package graph

import "encoding/binary"

// An IndexCheck checks the bytes of an index WriteIndex wrote as they
// are written to it, in order and in pieces of any size: that every
// offset and arc is in range, as RestoreIndexed does. A program that
// reads an index anyway, to checksum it, checks it in the same pass and
// hands the check to RestoreIndexed, which then reads only the index's
// head: where the index lies in a mapped file, that spares a second
// pass over its pages (at 300k roles, 83 MB of arcs read page by page
// took 90 ms, in the checksum's buffer a fraction of that).
// The zero IndexCheck is ready to use.
type IndexCheck struct {
	at   int64 // bytes taken
	head [indexHead]byte
	// unit holds the start of a number, an arc or the head that a write
	// ended inside; partial is how much of it came.
	unit    [indexHead]byte
	partial int
	// Once the head is read: the roles and moves arcs may name, where
	// each part of the index ends (see ends), the last value of each
	// array of offsets, and the last offset taken.
	roles, moves int64
	ends         [partCount]int64
	last         [4]int64
	prev         int32
	bad          bool
}

// The parts of an index, in order.
const (
	headPart = iota
	fwdOffPart
	bwdOffPart
	formOffPart
	formAtPart
	arcsPart
	formsPart
	partCount
)

// Write takes the next bytes of the index. It never fails: a fault
// found is kept for RestoreIndexed.
func (c *IndexCheck) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 && !c.bad {
		part := c.part()
		size := partUnit[part]
		if part == formsPart || part == partCount {
			// The forms' bytes are any bytes; none may follow them.
			k := min(int64(len(p)), c.ends[formsPart]-c.at)
			if k <= 0 {
				c.bad = true
				break
			}
			c.at += k
			p = p[k:]
			continue
		}
		if c.partial > 0 || len(p) < size {
			k := copy(c.unit[c.partial:size], p)
			c.partial += k
			p = p[k:]
			if c.partial == size {
				c.partial = 0
				c.take(part, c.unit[:size])
			}
			continue
		}
		// Whole units straight from p, up to the part's end.
		end := c.ends[part]
		if part == headPart {
			end = indexHead // the ends are not known before it
		}
		k := int(min(int64(len(p)/size*size), end-c.at)) // in int64: a part may be longer than an int holds
		if part == arcsPart {                            // most of an index: checked in a loop of its own
			for q := p[:k]; len(q) > 0 && !c.bad; q = q[arcSize:] {
				c.bad = badArc(q, c.roles, c.moves)
			}
			c.at += int64(k)
		} else {
			for q := p[:k]; len(q) > 0 && !c.bad; q = q[size:] {
				c.take(part, q[:size])
			}
		}
		p = p[k:]
	}
	return n, nil
}

// partUnit is the size of the units each part is made of: the head is
// one, the offsets 4 bytes each, the arcs 16.
var partUnit = [partCount + 1]int{indexHead, 4, 4, 4, 4, arcSize, 1, 1}

// part returns the part of the index the next byte is in.
func (c *IndexCheck) part() int {
	if c.at < indexHead {
		return headPart
	}
	for p := fwdOffPart; p < partCount; p++ {
		if c.at < c.ends[p] {
			return p
		}
	}
	return partCount
}

// take checks one unit of part, whole, and counts it.
func (c *IndexCheck) take(part int, u []byte) {
	switch part {
	case headPart:
		copy(c.head[:], u)
		var h [8]int64
		for i := range h {
			h[i] = int64(binary.LittleEndian.Uint32(u[4*i:]))
		}
		n, nForms, nFwd, nBwd, blob := h[0], h[2], h[3], h[4], h[5]
		c.roles, c.moves = n, h[1]
		c.last = [4]int64{nFwd, nBwd, nForms, blob}
		size := [partCount]int64{indexHead, 4 * (n + 1), 4 * (n + 1), 4 * (n + 1), 4 * (nForms + 1), arcSize * (nFwd + nBwd), blob}
		for p := range size {
			c.ends[p] = size[p]
			if p > 0 {
				c.ends[p] += c.ends[p-1]
			}
		}
	case arcsPart:
		c.bad = badArc(u, c.roles, c.moves)
	default: // offsets: from 0, never falling, to the part's last value
		// (useIndex looks at the first and last again: only "never
		// falling" is the check's alone)
		v := int32(binary.LittleEndian.Uint32(u))
		if c.at == c.ends[part-1] {
			c.prev = 0
		}
		c.bad = c.at == c.ends[part-1] && v != 0 || v < c.prev ||
			c.at+4 == c.ends[part] && int64(v) != c.last[part-fwdOffPart]
		c.prev = v
	}
	c.at += int64(len(u))
}

// checked reports whether c took all of index, and found it sound.
func (c *IndexCheck) checked(index []byte) bool {
	return c != nil && !c.bad && c.partial == 0 && c.at == int64(len(index)) &&
		len(index) >= indexHead && [indexHead]byte(index) == c.head
}

// badArc reports whether the 16 bytes of an arc, p, are out of range:
// leading to none of n roles or by none of m moves, at a cost out of
// range, or with flags other than 0 or 1 (as they must be before they
// are read as booleans).
func badArc(p []byte, n, m int64) bool {
	to, move, milli := int32(binary.LittleEndian.Uint32(p)), int32(binary.LittleEndian.Uint32(p[4:])), int32(binary.LittleEndian.Uint32(p[8:]))
	return to < 0 || int64(to) >= n || move < 0 || int64(move) >= m || milli < 0 || milli > MaxMoveCost*1000 ||
		p[12] > byte(Related) || p[13] > 1 || p[14] > 1 || p[15] != 0
}
