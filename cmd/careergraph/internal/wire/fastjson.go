package wire

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// An answer can be tens of thousands of roles long (reach of a hub on a
// large corpus), and encoding/json spent most of such a request: it
// walks the value by reflection, then indents the result in a second
// pass. The answers that can be that long write themselves here instead,
// byte for byte as Write's encoder would (TestFastJSON holds them to it):
// the same escapes, numbers and indentation.

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
	b = append(b, s[start:]...)
	return append(b, '"')
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
