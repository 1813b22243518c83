package mapfile

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestMapAndCopy(t *testing.T) {
	name := filepath.Join(t.TempDir(), "data")
	want := "packed profiles, one after another"
	if err := os.WriteFile(name, []byte(want), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	s, m, err := Map(f, int64(len(want)))
	if err != nil {
		t.Fatal(err)
	}
	if s != want {
		t.Fatalf("Map = %q, want %q", s, want)
	}
	if Supported && m == nil {
		t.Fatal("Map read the file where files are mapped")
	}
	tests := []struct {
		name string
		s    string
	}{
		{"in the file", s[7:15]},
		{"all of it", s},
		{"elsewhere", "not in the file"},
		{"empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := m.CopyTo(&b, tt.s); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.s {
				t.Errorf("CopyTo wrote %q, want %q", b.String(), tt.s)
			}
		})
	}
	runtime.KeepAlive(m)
}

func TestMapEmpty(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "empty")
	if err != nil {
		t.Fatal(err)
	}
	s, m, err := Map(f, 0)
	if s != "" || m != nil || err != nil {
		t.Errorf("Map of nothing = %q, %v, %v", s, m, err)
	}
	var nilMapping *Mapping
	var b bytes.Buffer
	if err := nilMapping.CopyTo(&b, "x"); err != nil || b.String() != "x" {
		t.Errorf("CopyTo of a nil Mapping wrote %q, %v", b.String(), err)
	}
}

func TestChunks(t *testing.T) {
	name := filepath.Join(t.TempDir(), "data")
	data := bytes.Repeat([]byte("0123456789abcdef"), (2*readChunk+100)/16)
	if err := os.WriteFile(name, data, 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	s, m, err := Map(f, int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		s      string
		chunks int // at least
	}{
		{"a little", s[7:15], 1},
		{"all of it, in three reads", s, 3},
		{"from the middle of a chunk", s[readChunk-3 : readChunk+5], 1},
		{"elsewhere", "not in the file", 1},
		{"empty", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []byte
			calls := 0
			if err := m.Chunks(tt.s, func(chunk []byte) {
				got = append(got, chunk...)
				calls++
			}); err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.s {
				t.Errorf("Chunks gave %d bytes, want the %d of s", len(got), len(tt.s))
			}
			if m != nil && calls < tt.chunks {
				t.Errorf("Chunks called fn %d times, want %d or more", calls, tt.chunks)
			}
		})
	}
	runtime.KeepAlive(m)
}
