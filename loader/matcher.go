package loader

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"careergraph/graph"
)

// nameMatcher finds the longest of its names at the start of a string,
// the same name when their normal forms (graph.NormalName) are: one case
// rule for every name careergraph reads. It looks names up by their normal
// form, trying only the lengths some name has and only where a word ends,
// so a match costs the same however many names there are.
type nameMatcher struct {
	names map[string]bool // normal forms of the names
	lens  []int           // the byte lengths of the names, longest first
}

// maxNameBytes bounds the names worth matching; longer ones are ignored.
const maxNameBytes = 128

func newNameMatcher(lists ...[]string) *nameMatcher {
	m := &nameMatcher{names: make(map[string]bool)}
	var buf [maxNameBytes]byte
	for _, l := range lists {
		for _, n := range l {
			if n = trimLine(n); n == "" || len(n) > maxNameBytes {
				continue
			}
			m.names[string(graph.AppendNormalName(buf[:0], n))] = true
			m.lens = append(m.lens, len(n))
		}
	}
	slices.Sort(m.lens)
	slices.Reverse(m.lens)
	m.lens = slices.Compact(m.lens)
	return m
}

// match returns the prefix of s, as written in s, that is one of m's names
// in normal form and ends at a word boundary; the longest such name wins.
func (m *nameMatcher) match(s string) (string, bool) {
	var buf [maxNameBytes]byte
	for _, n := range m.lens {
		if n > len(s) {
			continue
		}
		if n < len(s) {
			r, _ := utf8.DecodeRuneInString(s[n:])
			if !utf8.RuneStart(s[n]) || unicode.IsLetter(r) || unicode.IsDigit(r) {
				continue
			}
		}
		if m.names[string(graph.AppendNormalName(buf[:0], s[:n]))] {
			return s[:n], true
		}
	}
	return "", false
}
