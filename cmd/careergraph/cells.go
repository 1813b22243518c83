package main

import (
	"unicode"

	"github.com/mattn/go-runewidth"
	"golang.org/x/text/width"
)

// cellWidth returns how many terminal cells s takes, as
// runewidth.StringWidth does. runewidth builds a table of every
// character the first time it meets one past U+02FF, such as a route's
// arrow: a tenth of a warm command's time at 100k documents. Text of
// characters whose width Unicode's East Asian Width alone decides (Latin,
// kana, kanji, arrows: what tables here show) is measured without it;
// anything else — combining and zero-width characters, Hangul jamo,
// emoji and other characters past the Basic Multilingual Plane, which
// join into clusters, and the Yijing symbols, wide since a Unicode newer
// than x/text's — goes to runewidth. TestCellWidth holds the two equal
// on every character.
func cellWidth(s string) int {
	w := 0
	for _, r := range s {
		switch {
		case r < 0x300:
			w += runewidth.RuneWidth(r) // runewidth's table below U+0300 is made when it loads
		case byRunewidth(r):
			return runewidth.StringWidth(s)
		default:
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				w += 2
			default:
				w++
			}
		}
	}
	return w
}

// byRunewidth reports whether cellWidth leaves r to runewidth: it may
// take no cells of its own or join the characters around it into one
// cluster, or Unicode changed its width after x/text's version.
func byRunewidth(r rune) bool {
	return r > 0xFFFF || 0x1100 <= r && r <= 0x11FF || 0xD7B0 <= r && r <= 0xD7FF ||
		0x2630 <= r && r <= 0x2637 || 0x268A <= r && r <= 0x268F || 0x4DC0 <= r && r <= 0x4DFF ||
		0xFE00 <= r && r <= 0xFE0F || 0x1F1E6 <= r && r <= 0x1F1FF ||
		unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc, unicode.Cf, unicode.Cc, unicode.Cs, unicode.Co, unicode.Zl, unicode.Zp) ||
		!unicode.IsPrint(r) && r != ' '
}
