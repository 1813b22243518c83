package wire

import (
	"math"
	"strconv"
	"unicode/utf8"

	"careergraph/graph"
)

// An answer can be tens of thousands of roles long (reach of a hub on a
// large corpus), and encoding/json spent most of such a request: it
// walks the value by reflection, then indents the result in a second
// pass. The answers that can be that long, and path's, the one asked
// most under load, write themselves here instead, byte for byte as
// Write's encoder would (TestFastJSON and TestFastJSONPath hold them to
// it): the same escapes, numbers, indentation, nulls and omitted members.

// indented is an answer that appends itself as Write prints it, or
// reports false when it cannot (a number JSON has no form for), for
// Write to leave to encoding/json.
type indented interface {
	appendIndented(b []byte) ([]byte, bool)
	size() int // about the bytes it appends, to make room at once
}

func (r Reach) size() int {
	n := 160 + len(r.Role) + len(r.Reason)
	for _, x := range r.Reached {
		n += 104 + len(x.Role)
	}
	return n
}

func (r Reach) appendIndented(b []byte) ([]byte, bool) {
	b = append(b, "{\n  \"role\": "...)
	b = appendString(b, r.Role)
	b = append(b, ",\n  \"reverse\": "...)
	b = strconv.AppendBool(b, r.Reverse)
	b = append(b, ",\n  \"reached\": "...)
	if len(r.Reached) == 0 {
		b = append(b, "[]"...)
	} else {
		b = append(b, '[')
		for i, x := range r.Reached {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, "\n    {\n      \"role\": "...)
			b = appendString(b, x.Role)
			b = append(b, ",\n      \"cost\": "...)
			var ok bool
			if b, ok = appendFloat(b, x.Cost); !ok {
				return b, false
			}
			b = append(b, ",\n      \"steps\": "...)
			b = strconv.AppendInt(b, int64(x.Steps), 10)
			b = append(b, ",\n      \"kind\": "...)
			b = appendString(b, x.Kind)
			b = append(b, "\n    }"...)
		}
		b = append(b, "\n  ]"...)
	}
	b = append(b, ",\n  \"counts\": {\n    \"career\": "...)
	b = strconv.AppendInt(b, int64(r.Counts.Career), 10)
	b = append(b, ",\n    \"related\": "...)
	b = strconv.AppendInt(b, int64(r.Counts.Related), 10)
	b = append(b, ",\n    \"both\": "...)
	b = strconv.AppendInt(b, int64(r.Counts.Both), 10)
	b = append(b, "\n  }"...)
	if r.Reason != "" {
		b = append(b, ",\n  \"reason\": "...)
		b = appendString(b, r.Reason)
	}
	return append(b, "\n}\n"...), true
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string the way encoding/json does
// without HTML escaping: quotes, backslashes and control characters
// escaped, invalid UTF-8 as \ufffd, U+2028 and U+2029 escaped.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	b = appendEscaped(b, s)
	return append(b, '"')
}

// appendSource appends src as the JSON string "file:line".
func appendSource(b []byte, src graph.Source) []byte {
	b = append(b, '"')
	b = appendEscaped(b, src.File)
	b = append(b, ':')
	b = strconv.AppendInt(b, int64(src.Line), 10)
	return append(b, '"')
}

// appendEscaped appends s escaped as appendString does, without quotes.
func appendEscaped(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(b, s[start:]...)
}

// appendFloat appends f as encoding/json writes a float64, or reports
// false for NaN and the infinities, which it refuses.
func appendFloat(b []byte, f float64) ([]byte, bool) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, false
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 to e-9, as encoding/json does
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, true
}

// newline appends a line break and the indentation of depth levels.
func newline(b []byte, depth int) []byte {
	b = append(b, '\n')
	for range depth {
		b = append(b, "  "...)
	}
	return b
}

// appendKey appends a member's name at depth, after a comma unless it
// is the first.
func appendKey(b []byte, depth int, first bool, name string) []byte {
	if !first {
		b = append(b, ',')
	}
	b = newline(b, depth)
	b = append(b, '"')
	b = append(b, name...)
	return append(b, "\": "...)
}

func (p Path) size() int {
	n := 160 + len(p.From) + len(p.To) + len(p.Reason)
	for _, r := range p.Paths {
		n += 64 + 256*len(r.Steps)
		for _, st := range r.Steps {
			for _, src := range st.Sources {
				n += 24 + len(src.File) // indent, quotes, line, comma
			}
		}
	}
	return n
}

func (p Path) appendIndented(b []byte) ([]byte, bool) {
	b = append(b, '{')
	b = appendKey(b, 1, true, "from")
	b = appendString(b, p.From)
	b = appendKey(b, 1, false, "to")
	b = appendString(b, p.To)
	b = appendKey(b, 1, false, "paths")
	b, ok := appendArray(b, p.Paths, 1, func(b []byte, r Route) ([]byte, bool) { return r.appendIndented(b, 2) })
	if !ok {
		return b, false
	}
	if p.Reason != "" {
		b = appendKey(b, 1, false, "reason")
		b = appendString(b, p.Reason)
	}
	return append(b, "\n}\n"...), true
}

// appendArray appends items as a JSON array whose opening bracket is at
// depth, each item on a line of its own, written by item; nil as null and
// empty as [], as encoding/json writes them. It stops, false, where item
// does.
func appendArray[T any](b []byte, items []T, depth int, item func([]byte, T) ([]byte, bool)) ([]byte, bool) {
	switch {
	case items == nil:
		return append(b, "null"...), true
	case len(items) == 0:
		return append(b, "[]"...), true
	}
	b = append(b, '[')
	for i, x := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = newline(b, depth+1)
		var ok bool
		if b, ok = item(b, x); !ok {
			return b, false
		}
	}
	b = newline(b, depth)
	return append(b, ']'), true
}

// appendIndented appends r as an object whose opening brace is at depth.
func (r Route) appendIndented(b []byte, depth int) ([]byte, bool) {
	var ok bool
	b = append(b, '{')
	b = appendKey(b, depth+1, true, "cost")
	if b, ok = appendFloat(b, r.Cost); !ok {
		return b, false
	}
	b = appendKey(b, depth+1, false, "steps")
	if b, ok = appendArray(b, r.Steps, depth+1, func(b []byte, s Step) ([]byte, bool) { return s.appendIndented(b, depth+2) }); !ok {
		return b, false
	}
	b = newline(b, depth)
	return append(b, '}'), true
}

// appendIndented appends s as an object whose opening brace is at depth,
// leaving out empty omitempty members as encoding/json does.
func (s Step) appendIndented(b []byte, depth int) ([]byte, bool) {
	var ok bool
	d := depth + 1
	b = append(b, '{')
	b = appendKey(b, d, true, "from")
	b = appendString(b, s.From)
	b = appendKey(b, d, false, "to")
	b = appendString(b, s.To)
	b = appendKey(b, d, false, "kind")
	b = appendString(b, s.Kind)
	b = appendKey(b, d, false, "sources")
	b, _ = appendArray(b, s.Sources, d, func(b []byte, src graph.Source) ([]byte, bool) { return appendSource(b, src), true })
	b = appendKey(b, d, false, "cost")
	if b, ok = appendFloat(b, s.Cost); !ok {
		return b, false
	}
	if s.Tier != "" {
		b = appendKey(b, d, false, "tier")
		b = appendString(b, s.Tier)
	}
	if s.Index != 0 {
		b = appendKey(b, d, false, "index")
		b = strconv.AppendInt(b, int64(s.Index), 10)
	}
	if s.Similar != 0 {
		b = appendKey(b, d, false, "similarity")
		if b, ok = appendFloat(b, s.Similar); !ok {
			return b, false
		}
	}
	if s.Note != "" {
		b = appendKey(b, d, false, "note")
		b = appendString(b, s.Note)
	}
	if s.Basis != "" {
		b = appendKey(b, d, false, "basis")
		b = appendString(b, s.Basis)
	}
	b = newline(b, depth)
	return append(b, '}'), true
}
