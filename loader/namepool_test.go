package loader

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"careergraph/graph"
)

func TestNamePool(t *testing.T) {
	tests := []struct {
		name, s string
		room    int // when set, the room left in the pool's block
	}{
		{"ascii", "Crisis Management", 0},
		{"spaces and case", "  Data   ANALYSIS ", 0},
		{"kana", "しちょう", 0},
		{"full-width", "ＳＥ（システムエンジニア）", 0},
		{"empty", "", 0},
		// Runes whose normal forms are eighteen runes: longer than the
		// room a name is given, so the block moves while it is normalised.
		{"expands", strings.Repeat("\uFDFA", 3), 2*9 + 8},
	}
	var p namePool
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.room > 0 {
				p.block = make([]byte, 0, tt.room)
			}
			// The name as a file's memory holds it, written over later.
			buf := []byte(tt.s)
			text, key := p.intern(unsafe.String(unsafe.SliceData(buf), len(buf)))
			clear(buf)
			if text != tt.s {
				t.Errorf("intern(%q) text = %q; want the name", tt.s, text)
			}
			if want := graph.NormalName(tt.s); key != want {
				t.Errorf("intern(%q) key = %q; want %q", tt.s, key, want)
			}
			again, againKey := p.intern(strings.Clone(tt.s))
			if again != text || againKey != key || len(text) > 0 && unsafe.StringData(again) != unsafe.StringData(text) {
				t.Errorf("intern(%q) again = %q, %q; want the same copy as before", tt.s, again, againKey)
			}
		})
	}
}

// TestNamePoolStartsAgain fills a pool past poolMax: it starts again,
// and every name handed out, before and after, stays what it was.
func TestNamePoolStartsAgain(t *testing.T) {
	var p namePool
	type out struct{ name, text, key string }
	var got []out
	for i := range poolMax + 100 {
		name := fmt.Sprintf("Role %d", i)
		text, key := p.intern(name)
		got = append(got, out{name, text, key})
	}
	if len(p.ids) != 100 {
		t.Errorf("pool's map holds %d names after %d; want the 100 since it started again", len(p.ids), poolMax+100)
	}
	for i, o := range got {
		if o.text != o.name || o.key != graph.NormalName(o.name) {
			t.Fatalf("intern(%q) = %q, %q after the pool started again", o.name, o.text, o.key)
		}
		// Ids handed out before the start stay good.
		if n := p.name(uint32(i)); n.text != o.text || n.key != o.key {
			t.Fatalf("name(%d) = %q, %q; want %q, %q", i, n.text, n.key, o.text, o.key)
		}
	}
}
