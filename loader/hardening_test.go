package loader

import (
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParseNotADocument checks that input that is not an occupation
// document does not become one, and that what looks like one but is
// written another way reads as meant.
func TestParseNotADocument(t *testing.T) {
	tests := []struct {
		name, in string
		err      error  // wanted error, or nil
		title    string // wanted title
		reading  string // wanted reading
		warning  string // a wanted warning's text, or ""
	}{
		{name: "no heading", in: "Dear diary\nToday I went to work.\nIt rained.\n", err: ErrNotDocument},
		{name: "csv", in: "name,canonical\nA,B\n", err: ErrNotDocument},
		{name: "markdown title", in: "# Mayor\n\n## Summary\nRuns the city.\n", title: "Mayor"},
		{name: "readme with an example in a fence", in: "# careergraph\n\n## Install\nmake run\n\n```\nMayor\nSummary\nRuns the city.\n```\n", err: ErrNotDocument},
		{name: "readme mentioning a heading", in: "# careergraph\n\n## Install\nmake\n\n## Summary\nA tool.\n\n## Usage\nRun it.\n", err: ErrNotDocument},
		{name: "markdown document", in: "# Mayor\n\n## Summary\nRuns the city.\n\n## Career Path\nClerk → Mayor\n\n## Hobbies\nChess\n", title: "Mayor"},
		{name: "hash in a title", in: "#1 Fan\nSummary\nx\n", title: "#1 Fan"},
		{name: "kana reading", in: "Mayor\nしちょう\nSummary\nx\n", title: "Mayor", reading: "しちょう"},
		{name: "katakana reading", in: "Mayor\nシチョウ（ナイカク）\nSummary\nx\n", title: "Mayor", reading: "シチョウ（ナイカク）"},
		{name: "line 2 not kana", in: "Mayor\nThe head of a city\nSummary\nx\n", title: "Mayor",
			warning: `"The head of a city": kept as an extra section`},
		{name: "did you mean", in: "Mayor\nSummary\nRuns the city.\n\nCarrer Path\nClerk → Mayor\n", title: "Mayor",
			warning: `unknown heading "Carrer Path" (did you mean "Career Path"?)`},
		{name: "far from any heading", in: "Mayor\nSummary\nRuns the city.\n\nHobbies\nChess\n", title: "Mayor",
			warning: `unknown heading "Hobbies": kept`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, problems, err := parseBytes([]byte(tt.in), "x.txt")
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Errorf("Parse(%q) error = %v; want %v", tt.in, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q) error: %v", tt.in, err)
			}
			if doc.Title != tt.title || doc.Reading != tt.reading {
				t.Errorf("Parse(%q) title, reading = %q, %q; want %q, %q", tt.in, doc.Title, doc.Reading, tt.title, tt.reading)
			}
			found := tt.warning == ""
			for _, p := range problems {
				found = found || strings.Contains(p.Msg, tt.warning)
			}
			if !found {
				t.Errorf("Parse(%q) problems = %v; want one saying %q", tt.in, problems, tt.warning)
			}
		})
	}
}

// TestParseArrows checks that "->" after more hyphens is one arrow, and
// that a line with "=>" is not taken for a heading.
func TestParseArrows(t *testing.T) {
	tests := []struct {
		in   string
		want [][]string
	}{
		{"A --> B", [][]string{{"A"}, {"B"}}},
		{"A ---> B -> C", [][]string{{"A"}, {"B"}, {"C"}}},
		{"Arrow - B → C", [][]string{{"Arrow - B"}, {"C"}}},
	}
	for _, tt := range tests {
		doc, problems, err := parseBytes([]byte("Mayor\nCareer Path\n"+tt.in+"\n"), "x.txt")
		if err != nil || len(problems) != 0 {
			t.Fatalf("Parse(%q) = %v, %v", tt.in, problems, err)
		}
		var got [][]string
		for _, r := range doc.Career[0].Rungs {
			var alts []string
			for _, it := range r {
				alts = append(alts, it.Text)
			}
			got = append(got, alts)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Parse(%q) rungs (-want +got):\n%s", tt.in, diff)
		}
	}
	_, problems, err := parseBytes([]byte("Mayor\nSummary\nRuns the city.\n\nA => B\n"), "x.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		if strings.Contains(p.Msg, "unknown heading") {
			t.Errorf(`"A => B" taken for a heading: %v`, p)
		}
	}
}

// TestParseBoundsAlternatives checks that a rung of many alternatives, or
// many rungs of some, do not ask for millions of career moves: the
// product is bounded, reported at the path's line, the rest kept.
func TestParseBoundsAlternatives(t *testing.T) {
	wide := strings.Repeat("Alt · ", 5000) + "Last"
	tests := []struct {
		name, path string
		warning    string
	}{
		{"one wide rung", "Clerk → " + wide + " → Mayor", "a rung of 5001 alternatives"},
		{"many rungs", strings.Repeat(strings.Repeat("X · ", 99)+"Y → ", 10) + "Mayor", "more than 10000 career moves"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, problems, err := parseBytes([]byte("Mayor\nCareer Path\n"+tt.path+"\nSummary\nKept.\n"), "x.txt")
			if err != nil {
				t.Fatal(err)
			}
			moves := 0
			for _, cp := range doc.Career {
				for i := 1; i < len(cp.Rungs); i++ {
					moves += len(cp.Rungs[i-1]) * len(cp.Rungs[i])
				}
				for _, r := range cp.Rungs {
					if len(r) > maxAlternatives {
						t.Errorf("a rung of %d alternatives kept", len(r))
					}
				}
			}
			if moves > maxDocMoves {
				t.Errorf("the career paths make %d moves; want at most %d", moves, maxDocMoves)
			}
			found := false
			for _, p := range problems {
				found = found || p.Line == 3 && strings.Contains(p.Msg, tt.warning)
			}
			if !found {
				t.Errorf("problems = %v; want one at line 3 saying %q", problems, tt.warning)
			}
			if doc.Summary != "Kept." || len(doc.Career) == 0 || len(doc.Career[0].Rungs) < 2 {
				t.Errorf("the rest of the document was not kept: summary %q, %d paths", doc.Summary, len(doc.Career))
			}
		})
	}
}

// TestParseRepeatedSectionsLinear checks that repeated sections are
// joined in linear space: appending to the summary at every section
// copied it each time, quadratic in their number (29 s at 128,000).
func TestParseRepeatedSectionsLinear(t *testing.T) {
	const n = 20_000
	in := []byte("Mayor\n" + strings.Repeat("Summary\nx\n", n))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	doc, _, err := parseBytes(in, "x.txt")
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.TrimSuffix(strings.Repeat("x\n", n), "\n"); doc.Summary != want {
		t.Errorf("Summary has %d bytes; want %d", len(doc.Summary), len(want))
	}
	// Quadratic appending allocates about n²: 400 MB here. The race
	// detector's runtime allocates a little beside.
	limit := 100 * uint64(len(in))
	if raceEnabled {
		limit *= 2
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > limit {
		t.Errorf("parsing %d repeated sections allocated %d bytes; want at most %d", n, alloc, limit)
	}
}
