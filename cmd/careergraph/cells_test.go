package main

import (
	"testing"

	"github.com/mattn/go-runewidth"
)

// TestCellWidth holds cellWidth to runewidth.StringWidth on every
// character, alone and in a few strings of a table's kind.
func TestCellWidth(t *testing.T) {
	bad := 0
	for r := rune(0); r <= 0x10FFFF; r++ {
		s := string(r)
		if got, want := cellWidth(s), runewidth.StringWidth(s); got != want {
			if bad++; bad <= 20 {
				t.Errorf("cellWidth(%U) = %d; runewidth says %d", r, got, want)
			}
		}
	}
	if bad > 20 {
		t.Errorf("... %d characters in all", bad)
	}
	for _, s := range []string{"", "→", "Section Chief", "課長・参事官", "ｶﾀｶﾅ and 全角", "café", "e\u0301", "👩\u200d💻 dev", "🇯🇵", "한국어", "→  career  seeds/a.txt:12 (+2)"} {
		if got, want := cellWidth(s), runewidth.StringWidth(s); got != want {
			t.Errorf("cellWidth(%q) = %d; runewidth says %d", s, got, want)
		}
	}
}
