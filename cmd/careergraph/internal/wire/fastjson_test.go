package wire

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"careergraph/graph"
)

// encodingJSON is Write as it is without the answers that write
// themselves: what they are held to.
func encodingJSON(t *testing.T, v any) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestFastJSON holds the answers that write themselves to encoding/json,
// byte for byte: names with every kind of character JSON escapes (and
// HTML's, which Write does not), invalid UTF-8, costs small, large,
// fractional and whole, empty lists and reasons.
func TestFastJSON(t *testing.T) {
	names := []string{
		"", "Clerk", "R&D <Manager>", `say "hi"\`, "tab\there\nnew\rret\bback\fform",
		"\x00\x01\x1f\x7f", "bad \xff utf-8 \xe2\x82", "line\u2028para\u2029", "看護師", "<script>alert(1)</script>",
		"emoji 🙂 and é",
	}
	costs := []float64{0, 1, 2.5, 0.001, 1e-7, 123456.789, 1e21, 3e22, 1e20, 100000000, 0.000001}
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 300 {
		r := Reach{Role: names[rng.IntN(len(names))], Reverse: rng.IntN(2) == 0, Reached: []Reached{}}
		for range rng.IntN(4) * rng.IntN(4) {
			name := names[rng.IntN(len(names))]
			if rng.IntN(3) == 0 {
				b := make([]byte, rng.IntN(8))
				for i := range b {
					b[i] = byte(rng.IntN(256))
				}
				name = string(b)
			}
			r.Reached = append(r.Reached, Reached{Role: name, Cost: costs[rng.IntN(len(costs))], Steps: rng.IntN(30), Kind: []string{"career", "related", "both"}[rng.IntN(3)]})
		}
		r.Counts = ReachCounts{rng.IntN(5), rng.IntN(5), rng.IntN(5)}
		if trial%3 == 0 {
			r.Reason = names[rng.IntN(len(names))]
		}
		var b bytes.Buffer
		if err := Write(&b, r); err != nil {
			t.Fatal(err)
		}
		want := encodingJSON(t, r)
		if b.String() != want {
			t.Fatalf("Write(%#v) =\n%s\nwant (encoding/json)\n%s", r, b.String(), want)
		}
		var sb strings.Builder // not a bytes.Buffer, which Write fills in place
		if err := Write(&sb, r); err != nil || sb.String() != want {
			t.Fatalf("Write(%#v) to a strings.Builder = %s, %v; want (encoding/json)\n%s", r, sb.String(), err, want)
		}
	}
	for _, f := range []float64{math.NaN(), math.Inf(1)} {
		r := Reach{Reached: []Reached{{Cost: f}}}
		if err := Write(new(bytes.Buffer), r); err == nil {
			t.Errorf("Write(reach costing %v) = nil error; want encoding/json's", f)
		}
	}
}

// TestFastJSONPath is TestFastJSON for path answers: routes with and
// without steps, sources nil, empty or many, every optional member of a
// step set or left out, nil lists where encoding/json writes null.
func TestFastJSONPath(t *testing.T) {
	names := []string{"", "Clerk", "R&D <Manager>", `say "hi"\`, "tab\there\n", "bad \xff utf-8", "line\u2028", "看護師"}
	costs := []float64{0, 1, 2.5, 0.001, 1e-7, 1e21, -0.5}
	rng := rand.New(rand.NewPCG(5, 6))
	pick := func() string { return names[rng.IntN(len(names))] }
	for trial := range 400 {
		p := Path{From: pick(), To: pick()}
		if trial%7 != 0 {
			p.Paths = []Route{}
		}
		for range rng.IntN(4) {
			r := Route{Cost: costs[rng.IntN(len(costs))]}
			if rng.IntN(8) != 0 {
				r.Steps = []Step{}
			}
			for range rng.IntN(4) {
				s := Step{From: pick(), To: pick(), Kind: []string{"career", "related"}[rng.IntN(2)], Cost: costs[rng.IntN(len(costs))]}
				switch rng.IntN(4) {
				case 0:
				case 1:
					s.Sources = Sources{}
				default:
					for range 1 + rng.IntN(3) {
						s.Sources = append(s.Sources, graph.Source{File: pick(), Line: rng.IntN(3000)})
					}
				}
				if rng.IntN(2) == 0 {
					s.Tier, s.Index, s.Similar, s.Note, s.Basis = pick(), rng.IntN(3), costs[rng.IntN(len(costs))], pick(), pick()
				}
				r.Steps = append(r.Steps, s)
			}
			p.Paths = append(p.Paths, r)
		}
		if trial%3 == 0 {
			p.Reason = pick()
		}
		want := encodingJSON(t, p)
		var b bytes.Buffer
		if err := Write(&b, p); err != nil || b.String() != want {
			t.Fatalf("Write(%#v) =\n%s, %v\nwant (encoding/json)\n%s", p, b.String(), err, want)
		}
		var sb strings.Builder
		if err := Write(&sb, &p); err != nil || sb.String() != want {
			t.Fatalf("Write(&%#v) to a strings.Builder = %s, %v; want (encoding/json)\n%s", p, sb.String(), err, want)
		}
	}
	for _, f := range []float64{math.NaN(), math.Inf(-1)} {
		p := Path{Paths: []Route{{Steps: []Step{{Similar: f}}}}}
		if err := Write(new(bytes.Buffer), p); err == nil {
			t.Errorf("Write(path of similarity %v) = nil error; want encoding/json's", f)
		}
	}
}
