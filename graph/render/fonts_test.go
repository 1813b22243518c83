package render

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestParseCharsets(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want coverage
	}{
		{"empty", "", nil},
		{"one font", "20-7e a0-17f 3041", coverage{{0x20, 0x7e}, {0xa0, 0x17f}, {0x3041, 0x3041}}},
		{"union merges overlaps and neighbours", "20-7e\n30-90 91 3041-3096\n", coverage{{0x20, 0x91}, {0x3041, 0x3096}}},
		{"junk skipped", "zz 7e-20 41", coverage{{0x41, 0x41}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseCharsets(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("parseCharsets(%q) = %x, want %x", tt.in, got, tt.want)
			}
		})
	}
}

func TestMissingFonts(t *testing.T) {
	// U+E000 is private use, U+10FFFD a private-use plane: no stock font
	// has them. Every machine with fontconfig has a font for ASCII.
	w, err := MissingFonts("Clerk 1 \n")
	if errors.Is(err, ErrNoFontconfig) {
		t.Skip("fc-list not found: install fontconfig to run this test")
	}
	if err != nil {
		t.Fatal(err)
	}
	if w != nil {
		t.Errorf("ASCII: %v", w)
	}
	w, err = MissingFonts("a\U0010FFFD\uE000\U0010FFFD")
	if err != nil {
		t.Fatal(err)
	}
	if w == nil || !slices.Equal(w.Missing, []rune{0xE000, 0x10FFFD}) {
		t.Fatalf("private use: got %v, want U+E000 and U+10FFFD", w)
	}
	if msg := w.Error(); !strings.Contains(msg, "2 characters") || !strings.Contains(msg, FontPackage) {
		t.Errorf("message %q: want the count and %s", msg, FontPackage)
	}
}

func TestDrawnText(t *testing.T) {
	f := escapeFixture(t, true)
	text, err := DrawnText(f.g, f.sel, f.opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Plain", "ぶちょう", "R&D <lab>", "backslashes"} {
		if !strings.Contains(text, want) {
			t.Errorf("DrawnText lacks %q:\n%s", want, text)
		}
	}
}
