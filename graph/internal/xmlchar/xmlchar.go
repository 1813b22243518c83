// Package xmlchar is the one rule for the characters careergraph's XML
// outputs (SVG, GraphML, GEXF) may hold: XML 1.0's Char production. A
// name read from a document may hold anything (ESC, VT, U+FFFE, bytes
// that are not UTF-8); written into XML as is, it makes a file every XML
// reader rejects, and Graphviz's dot copies such characters into its SVG.
package xmlchar

import (
	"strings"
	"unicode/utf8"
)

// Replacement stands for each character XML forbids, as encoding/xml
// writes it too.
const Replacement = '\uFFFD'

// Allowed reports whether XML 1.0 allows r in a document: tab, newline,
// carriage return, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF.
// Other C0 controls, surrogates, U+FFFE and U+FFFF are forbidden.
func Allowed(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r':
		return true
	case r >= 0x20 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// Clean returns s with every character XML forbids, and every byte that
// is not UTF-8, replaced by U+FFFD. It returns s itself when there is
// nothing to replace.
func Clean(s string) string {
	i := indexBad(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if r == utf8.RuneError || !Allowed(r) {
			// Ranging over a string yields RuneError for each byte that
			// is not UTF-8; a real U+FFFD is written as itself.
			r = Replacement
		}
		b.WriteRune(r)
	}
	return b.String()
}

// indexBad returns the index of the first character Clean replaces, or
// -1.
func indexBad(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || !Allowed(r) {
			return i
		}
		i += size
	}
	return -1
}
