package graph

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"runtime/debug"
	"unsafe"
)

// A role's documents' sections are most of what a corpus holds and the
// least of what a query reads: a route or a ladder never looks at them,
// a card only at one role's. So a Profile keeps them packed, in one
// string without pointers (the garbage collector never looks inside it),
// which a snapshot writes as it is and can give back in place, in a
// mapped file that is read only where a card is asked for; and unpacks
// them each time they are asked for, a few microseconds for one role.
//
// A packed document is a frame: the length of its body (a uvarint), the
// CRC-32C of the body (4 bytes, little-endian), and the body: its file,
// line and sections, each number a uvarint (a line a varint), each
// string its length and bytes, each list its length and entries. A
// role's packed documents are its documents' frames one after another.
// The checksum lets a frame read from a damaged cache be told from a
// good one.

// ErrDamagedProfile is returned by Profile.Docs for packed sections that
// do not unpack: they came from a damaged cache.
var ErrDamagedProfile = errors.New("the sections kept of this role's documents cannot be read")

var packTable = crc32.MakeTable(crc32.Castagnoli)

// PackDocProfile returns dp packed, as Profile.SetPacked takes it: the
// packed forms of several documents, joined, are the packed form of the
// list of them.
func PackDocProfile(dp DocProfile) string {
	return string(AppendDocProfile(nil, dp))
}

// AppendDocProfile appends dp, packed, to buf and returns the extended
// buffer.
func AppendDocProfile(buf []byte, dp DocProfile) []byte {
	start := len(buf)
	p := packer{buf: append(buf, make([]byte, binary.MaxVarintLen64+4)...)}
	body := len(p.buf)
	p.str(dp.File)
	p.signed(dp.Line)
	p.uint(len(dp.Sections))
	for _, s := range dp.Sections {
		p.str(s.Key)
		p.str(s.Heading)
		p.signed(s.Line)
		p.str(s.Text)
		p.uint(len(s.Items))
		for _, it := range s.Items {
			p.str(it)
		}
		p.uint(len(s.Aptitudes))
		for _, a := range s.Aptitudes {
			p.str(a.Item)
			p.str(a.Reason)
		}
	}
	// The head was reserved at its longest: write it, then move the body
	// up against it.
	n := len(p.buf) - body
	head := binary.AppendUvarint(p.buf[start:start], uint64(n))
	head = binary.LittleEndian.AppendUint32(head, crc32.Checksum(p.buf[body:], packTable))
	copy(p.buf[start+len(head):], p.buf[body:])
	return p.buf[:start+len(head)+n]
}

type packer struct{ buf []byte }

func (p *packer) uint(n int)   { p.buf = binary.AppendUvarint(p.buf, uint64(n)) }
func (p *packer) signed(n int) { p.buf = binary.AppendVarint(p.buf, int64(n)) }
func (p *packer) str(s string) { p.uint(len(s)); p.buf = append(p.buf, s...) }

// unpackDocProfiles returns the documents packed in s, their strings
// copies that do not share s's memory. Damaged data (a frame cut short
// or whose checksum does not match, a body that does not parse) gives
// the documents before the damage and ErrDamagedProfile; it never
// panics, even when s lies in a mapped file that was cut short under it.
func unpackDocProfiles(s string) (docs []DocProfile, err error) {
	err = eachFrame(s, true, func(body string) bool {
		dp, ok := unpackBody(body)
		if ok {
			docs = append(docs, dp)
		}
		return ok
	})
	return docs, err
}

// eachFrame calls fn with the body of each frame packed in s, in order,
// once its checksum matches, until fn reports that the body does not
// parse. The body is a copy of s's bytes when copied is set, else it
// lies in s. Damaged data (a frame cut short or whose checksum does not
// match, a body that does not parse) stops it with ErrDamagedProfile; it
// never panics, even when s lies in a mapped file that was cut short
// under it (nor when fn, reading s, faults there).
func eachFrame(s string, copied bool, fn func(body string) bool) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if recover() != nil {
			err = ErrDamagedProfile
		}
	}()
	for len(s) > 0 {
		n, w := binary.Uvarint([]byte(s[:min(len(s), binary.MaxVarintLen64)]))
		if w <= 0 || n > uint64(len(s)-w-4) || len(s) < w+4 {
			return ErrDamagedProfile
		}
		sum := binary.LittleEndian.Uint32([]byte(s[w : w+4]))
		body := s[w+4 : w+4+int(n)]
		s = s[w+4+int(n):]
		if copied {
			b := []byte(body) // a copy, never changed
			body = unsafe.String(unsafe.SliceData(b), len(b))
		}
		if crc32.Checksum(unsafe.Slice(unsafe.StringData(body), len(body)), packTable) != sum || !fn(body) {
			return ErrDamagedProfile
		}
	}
	return nil
}

// unpackBody reads the body of one frame.
func unpackBody(s string) (DocProfile, bool) {
	u := unpacker{s: s, ok: true}
	dp := DocProfile{File: u.str(), Line: u.signed()}
	dp.Sections = make([]Section, u.count(6)) // a section takes at least 6 bytes
	for i := range dp.Sections {
		sec := &dp.Sections[i]
		sec.Key, sec.Heading, sec.Line, sec.Text = u.str(), u.str(), u.signed(), u.str()
		if n := u.count(1); n > 0 {
			sec.Items = make([]string, n)
			for j := range sec.Items {
				sec.Items[j] = u.str()
			}
		}
		if n := u.count(2); n > 0 {
			sec.Aptitudes = make([]Aptitude, n)
			for j := range sec.Aptitudes {
				sec.Aptitudes[j] = Aptitude{Item: u.str(), Reason: u.str()}
			}
		}
	}
	return dp, u.ok && u.off == len(s)
}

// eachItem calls fn with the key of each section of one frame's body, in
// order, and each of its items and its aptitudes' items, as strings that
// lie in body; it reports whether the body parses, and calls fn for none
// of it when it does not. It allocates nothing.
func eachItem(body string, fn func(key, item string)) bool {
	return eachSection(body, nil, fn)
}

// eachSection calls text, unless nil, with the key and the text of each
// section of one frame's body, in order, and item, unless nil, as
// eachItem calls fn; the strings lie in body. It reports whether the
// body parses, and calls neither for any of it when it does not. It
// allocates nothing.
func eachSection(body string, text, item func(key, s string)) bool {
	// Read through once to see that it parses, as unpackBody would, so
	// that a body that does not gives nothing; then again to report.
	if !walkBody(body, nil, nil) {
		return false
	}
	walkBody(body, text, item)
	return true
}

// walkBody reads body as unpackBody does, calling text and item, where
// not nil, as eachSection says, and reports whether it parses.
func walkBody(body string, text, item func(key, s string)) bool {
	u := unpacker{s: body, ok: true}
	u.str()
	u.signed()
	for range u.count(6) {
		key := u.str()
		u.str()
		u.signed()
		if t := u.str(); text != nil {
			text(key, t)
		}
		for range u.count(1) {
			if it := u.str(); item != nil {
				item(key, it)
			}
		}
		for range u.count(2) {
			if it := u.str(); item != nil {
				item(key, it)
			}
			u.str()
		}
	}
	return u.ok && u.off == len(body)
}

// unpacker reads a packed string; after the first malformed number it
// reads only zeros and empty strings, and ok is false.
type unpacker struct {
	s   string
	off int
	ok  bool
}

func (u *unpacker) uint() uint64 {
	if !u.ok {
		return 0
	}
	var v uint64
	for shift := 0; u.off < len(u.s) && shift < 64; shift += 7 {
		b := u.s[u.off]
		u.off++
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v
		}
	}
	u.ok = false
	return 0
}

func (u *unpacker) signed() int {
	v := u.uint()
	return int(int64(v>>1) ^ -int64(v&1))
}

// count reads a length of entries that take at least size bytes each, no
// more than the bytes left can hold.
func (u *unpacker) count(size int) int {
	n := u.uint()
	if n > uint64((len(u.s)-u.off)/size) {
		u.ok = false
		return 0
	}
	return int(n)
}

func (u *unpacker) str() string {
	n := u.count(1)
	s := u.s[u.off : u.off+n]
	u.off += n
	return s
}
