package xmlchar

import "testing"

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Section Chief", "Section Chief"},
		{"kana and kanji", "かちょう 課長", "かちょう 課長"},
		{"tab newline return", "a\tb\nc\rd", "a\tb\nc\rd"},
		{"ESC", "a\x1b[31mb", "a\uFFFD[31mb"},
		{"VT and NUL", "a\vb\x00", "a\uFFFDb\uFFFD"},
		{"U+FFFE and U+FFFF", "a\uFFFEb\uFFFF", "a\uFFFDb\uFFFD"},
		{"real U+FFFD kept", "a\uFFFDb", "a\uFFFDb"},
		{"not UTF-8", "a\xffb", "a\uFFFDb"},
		{"astral kept", "𠮷", "𠮷"},
		{"DEL allowed", "a\x7fb", "a\x7fb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
