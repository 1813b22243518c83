package export

import "testing"

func TestCSVText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Section Chief", "Section Chief"},
		{"section-chief", "section-chief"},
		{"かちょう", "かちょう"},
		{"a=b", "a=b"},
		{"", ""},
		{"-1", "-1"},
		{"+3.5", "+3.5"},
		{"=SUM(A1)", "'=SUM(A1)"},
		{"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
		{"+1 Lead", "'+1 Lead"},
		{"-Deputy", "'-Deputy"},
		{"@Head", "'@Head"},
		{"\tTabbed", "'\tTabbed"},
		{"\rReturned", "'\rReturned"},
	}
	for _, tt := range tests {
		if got := csvText(tt.in); got != tt.want {
			t.Errorf("csvText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
