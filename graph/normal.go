package graph

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// folder is the one case rule for names: Unicode case folding.
var folder = cases.Fold()

// NormalName returns the normal form under which two written names are
// the same role (the README's name rule 1), in this order:
//
//   - Unicode NFKC: full-width letters, digits and brackets become their
//     ASCII forms, half-width kana full-width ones;
//   - every hyphen and dash (‐ ‑ ‒ – — ― −) becomes "-"; the kana
//     prolonged sound mark ー is a letter and stays;
//   - white space (and any C0 control character) is trimmed and each inner
//     run of it becomes one space, except next to a bracket (an opening
//     or closing punctuation mark: ( ) [ ] { } 【 】 「 」 …) or a slash,
//     where it is dropped: "Unit Chief (Local Government)" and "Unit
//     Chief(Local Government)" are one name;
//   - case folding (cases.Fold).
//
// Bracket kinds, middle dots (· and ・) and the spacing around a dash stay
// as written. ASCII input takes a fast path that gives the same answer.
func NormalName(s string) string {
	if isPlainASCII(s) {
		if asciiIsNormal(s) {
			return s
		}
		return string(appendASCIINormal(make([]byte, 0, len(s)), s))
	}
	return unicodeNormal(s)
}

// AppendNormalName appends NormalName(s) to dst and returns the extended
// buffer: for many names, one buffer and one string conversion instead of
// a string each.
func AppendNormalName(dst []byte, s string) []byte {
	if isPlainASCII(s) {
		return appendASCIINormal(dst, s)
	}
	return append(dst, unicodeNormal(s)...)
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isSpace reports whether r counts as white space in a name: Unicode
// white space and every C0 control character (DEL is kept).
func isSpace(r rune) bool { return r <= ' ' || unicode.IsSpace(r) }

// isGlue reports whether white space next to r is dropped: brackets of
// every kind (Unicode open and close punctuation) and the slash.
func isGlue(r rune) bool {
	if r < utf8.RuneSelf {
		switch r {
		case '(', ')', '[', ']', '{', '}', '/':
			return true
		}
		return false
	}
	return unicode.In(r, unicode.Ps, unicode.Pe)
}

// isDash reports whether r is a hyphen or dash that NormalName writes as
// "-". NFKC has already turned ‑, ﹣ and － into ‐ or "-".
func isDash(r rune) bool {
	switch r {
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return true
	}
	return false
}

// unicodeNormal is NormalName for any input.
func unicodeNormal(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	last := rune(0)
	for _, r := range s {
		if isSpace(r) {
			space = b.Len() > 0
			continue
		}
		if isDash(r) {
			r = '-'
		}
		if space && !isGlue(r) && !isGlue(last) {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
		last = r
	}
	return folder.String(b.String())
}

// asciiIsNormal reports whether the ASCII string s is its own normal form.
func asciiIsNormal(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z', c < ' ':
			return false
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i+1] <= ' ' || isGlue(rune(s[i-1])) || isGlue(rune(s[i+1])) {
				return false
			}
		}
	}
	return true
}

// appendASCIINormal is AppendNormalName for ASCII s. Its case rule is
// cases.Fold's on ASCII (A–Z to a–z), which the tests check byte by byte.
func appendASCIINormal(dst []byte, s string) []byte {
	start, space := len(dst), false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' { // as isSpace: C0 control bytes are white space
			space = len(dst) > start
			continue
		}
		if space && !isGlue(rune(c)) && !isGlue(rune(dst[len(dst)-1])) {
			dst = append(dst, ' ')
		}
		space = false
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// Slug returns an identifier for name: the letters and digits of its
// normal form kept (kana included), every other run of characters turned
// into one hyphen. It never returns an empty string.
func Slug(name string) string { return slugOf(NormalName(name)) }

// slugOf is Slug for a name in normal form.
func slugOf(normal string) string {
	var b strings.Builder
	dash := false
	for _, r := range normal {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "role"
	}
	return b.String()
}
