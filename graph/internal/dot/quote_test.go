package dot

import "testing"

func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{`Section Chief`, `"Section Chief"`},
		{`say "hi"`, `"say \"hi\""`},
		{`back\slash\`, `"back\\slash\\"`},
		{`\N \l`, `"\\N \\l"`},
		{"two\r\nlines", `"two\nlines"`},
		{"ろうどう → 課長", `"ろうどう → 課長"`},
		{"", `""`},
	}
	for _, tt := range tests {
		if got := Quote(tt.in); got != tt.want {
			t.Errorf("Quote(%q) = %s; want %s", tt.in, got, tt.want)
		}
	}
}
