package graph

import "encoding/binary"

// A role's documents' sections are most of what a corpus holds and the
// least of what a query reads: a route or a ladder never looks at them,
// a card only at one role's. So a Profile keeps them packed, in one
// string without pointers (the garbage collector never looks inside it;
// a snapshot writes it as it is and reads it back without decoding it),
// and unpacks them each time they are asked for, a few microseconds for
// one role. The unpacked strings share the packed string's bytes.
//
// A packed document is its file, line and sections, each number a
// uvarint (a line a varint), each string its length and bytes, each
// list its length and entries; a role's packed documents are its
// documents' packed forms one after the other.

// PackDocProfile returns dp packed, as Profile.Packed holds it: the
// packed forms of several documents, joined, are the packed form of the
// list of them.
func PackDocProfile(dp DocProfile) string {
	return string(AppendDocProfile(nil, dp))
}

// AppendDocProfile appends dp, packed, to buf and returns the extended
// buffer.
func AppendDocProfile(buf []byte, dp DocProfile) []byte {
	p := packer{buf: buf}
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
	return p.buf
}

type packer struct{ buf []byte }

func (p *packer) uint(n int)   { p.buf = binary.AppendUvarint(p.buf, uint64(n)) }
func (p *packer) signed(n int) { p.buf = binary.AppendVarint(p.buf, int64(n)) }
func (p *packer) str(s string) { p.uint(len(s)); p.buf = append(p.buf, s...) }

// unpackDocProfiles returns the documents packed in s. A malformed s (a
// damaged snapshot the checksum missed) gives the documents before the
// damage and ok false; it never panics.
func unpackDocProfiles(s string) (docs []DocProfile, ok bool) {
	u := unpacker{s: s, ok: true}
	for u.off < len(s) && u.ok {
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
		if !u.ok {
			break
		}
		docs = append(docs, dp)
	}
	return docs, u.ok
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
