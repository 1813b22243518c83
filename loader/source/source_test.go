package source

import (
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

func TestDetect(t *testing.T) {
	tests := []struct {
		path   string
		want   Format
		reason string // a part of the reason
	}{
		{"testdata/onet", ONET, "O*NET 29.3 text release"},
		{"testdata/onet-noreadme", ONET, "release unknown"},
		{"testdata/onet-excel", None, "Excel release"},
		{"testdata/onet-partial", None, `layout not known: it has "Related Occupations.txt" but no "Occupation Data.txt"`},
		{"testdata/onet-badheader", None, `no column "O*NET-SOC Code", "Title", "Description"`},
		{"testdata/files", Folder, "each file"},
		{"testdata/files/pathways.csv", Pathways, "comma-separated"},
		{"testdata/files/moves.csv", Moves, "comma-separated"},
		{"testdata/files/moves.tsv", Moves, "tab-separated"},
		{"testdata/files/moves-semicolon.csv", Moves, "semicolon-separated"},
		{"testdata/files/roles.csv", Roles, "Title"},
		{"testdata/files/document.txt", Document, "occupation document"},
		{"testdata/files/readme.md", None, "Markdown"},
		{"testdata/files/unknown.csv", None, `a table with columns "name", "age", "city"`},
		{"testdata/files/unknown2.csv", None, `"employee", "manager", "start date"`},
		{"testdata/files/onet-single.txt", None, "single O*NET file"},
		{"testdata/files/image.png", None, "not text (image/png)"},
		{"testdata/files/empty.csv", None, "empty"},
		{"testdata/files/from-only.csv", None, "needs both a from and a to"},
		{"testdata/absent.csv", None, "cannot read"},
		{"testdata/files/latin1.csv", None, "not UTF-8 text"},
		{"testdata/files/utf16.csv", None, "UTF-16 text"},
	}
	for _, tt := range tests {
		got, reason := Detect(tt.path)
		if got != tt.want || !strings.Contains(reason, tt.reason) {
			t.Errorf("Detect(%q) = %v, %q; want %v, %q", tt.path, got, reason, tt.want, tt.reason)
		}
	}
}

func TestDetectSeeds(t *testing.T) {
	seeds, _ := filepath.Glob("../../seeds/*.txt")
	if len(seeds) == 0 {
		t.Skip("no seed documents in ../../seeds")
	}
	for _, s := range seeds {
		if f, reason := Detect(s); f != Document {
			t.Errorf("Detect(%q) = %v, %q; want document", s, f, reason)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for _, f := range []Format{Document, ONET, Pathways, Moves, Roles} {
		if got, err := ParseFormat(strings.ToUpper(f.String())); got != f || err != nil {
			t.Errorf("ParseFormat(%q) = %v, %v; want %v", f.String(), got, err, f)
		}
	}
	if _, err := ParseFormat("xlsx"); err == nil || !strings.Contains(err.Error(), "known: document, moves, onet, pathways, roles") {
		t.Errorf("ParseFormat(xlsx) = %v; want the known names", err)
	}
}

// dump writes a set as text, for golden files.
func dump(s *Set) string {
	var b strings.Builder
	fmt.Fprintf(&b, "format %v, version %q, %d roles, %d moves, dropped %d self-links, %d duplicates\n",
		s.Format, s.Version, len(s.Roles), len(s.Moves), s.Dropped.SelfLinks, s.Dropped.Duplicates)
	b.WriteString("\nroles\n")
	for _, r := range s.Roles {
		fmt.Fprintf(&b, "  %q code=%q level=%d reading=%q names=%q at %v\n", r.Name, r.Code, r.Level, r.Reading, r.Names, r.Source)
		if r.Description != "" {
			fmt.Fprintf(&b, "    description %q\n", r.Description)
		}
		for _, e := range r.Skills {
			fmt.Fprintf(&b, "    skill %q importance %g level %g\n", e.Name, e.Importance, e.Level)
		}
		for _, e := range r.Knowledge {
			fmt.Fprintf(&b, "    knowledge %q importance %g level %g\n", e.Name, e.Importance, e.Level)
		}
		if r.Education.Category != 0 {
			fmt.Fprintf(&b, "    education %d %q %g%%\n", r.Education.Category, r.Education.Name, r.Education.Percent)
		}
	}
	b.WriteString("\nmoves\n")
	for _, m := range s.Moves {
		fmt.Fprintf(&b, "  %s %q → %q cost %.3f (%s", m.Kind, m.From, m.To, m.Cost, m.Basis)
		if m.Tier != "" {
			fmt.Fprintf(&b, " tier %s", m.Tier)
		}
		if m.Index != 0 {
			fmt.Fprintf(&b, " index %d", m.Index)
		}
		if m.Basis == Similarity {
			fmt.Fprintf(&b, " %g", m.Similarity)
		}
		if m.FromCode != "" {
			fmt.Fprintf(&b, " codes %s→%s", m.FromCode, m.ToCode)
		}
		if m.Note != "" {
			fmt.Fprintf(&b, " note %q", m.Note)
		}
		fmt.Fprintf(&b, ") at %v\n", m.Source)
	}
	b.WriteString("\nproblems\n")
	for _, p := range s.Problems {
		fmt.Fprintf(&b, "  %v\n", p)
	}
	return b.String()
}

func TestReadGolden(t *testing.T) {
	tests := []struct {
		name string
		read func() (*Set, error)
	}{
		{"onet", func() (*Set, error) { return ReadONET(os.DirFS("testdata/onet"), ".", "testdata/onet") }},
		{"onet-noreadme", func() (*Set, error) { return ReadONETDir("testdata/onet-noreadme") }},
		{"pathways", func() (*Set, error) { return Read("testdata/files/pathways.csv", Pathways) }},
		{"moves", func() (*Set, error) { return Read("testdata/files/moves.csv", Moves) }},
		{"moves-tsv", func() (*Set, error) { return Read("testdata/files/moves.tsv", Moves) }},
		{"moves-semicolon", func() (*Set, error) { return Read("testdata/files/moves-semicolon.csv", Moves) }},
		{"roles", func() (*Set, error) { return Read("testdata/files/roles.csv", Roles) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := tt.read()
			if err != nil {
				t.Fatal(err)
			}
			got := dump(s)
			golden := filepath.Join("testdata", "golden", tt.name+".golden")
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to write it)", err)
			}
			if d := cmp.Diff(string(want), got); d != "" {
				t.Errorf("%s differs from %s (-want +got; go test -update to accept):\n%s", tt.name, golden, d)
			}
		})
	}
}

// TestBadRows feeds one bad row at a time, after a good one: the bad row
// is a problem on its own line, the good row still loads.
func TestBadRows(t *testing.T) {
	type reader func(r *strings.Reader, name string) (*Set, error)
	moves := func(r *strings.Reader, n string) (*Set, error) { return ReadMoves(r, n) }
	roles := func(r *strings.Reader, n string) (*Set, error) { return ReadRoles(r, n) }
	paths := func(r *strings.Reader, n string) (*Set, error) { return ReadPathways(r, n) }
	tests := []struct {
		name   string
		read   reader
		header string
		bad    string
		want   string // the problem, after "in:3: "
	}{
		{"missing to", moves, "from,to", "A,", `error: no to (from "A"): row skipped`},
		{"missing from", moves, "from,to", ",B", `error: no from (to "B"): row skipped`},
		{"missing both", moves, "from,to,kind", ",,career", "error: no from and no to: row skipped"},
		{"unknown kind", moves, "from,to,kind", "A,B,promotion", `error: unknown kind "promotion" (want career, related or lateral): row skipped`},
		{"cost not a number", moves, "from,to,cost", "A,B,cheap", `error: cost "cheap": want a positive number: row skipped`},
		{"cost zero", moves, "from,to,cost", "A,B,0", "error: cost 0: want a positive number, 0.001 or more: row skipped"},
		{"cost negative", moves, "from,to,cost", "A,B,-2", "error: cost -2: want a positive number, 0.001 or more: row skipped"},
		{"cost NaN", moves, "from,to,cost", "A,B,NaN", "error: cost NaN is not a usable number: row skipped"},
		{"cost infinite", moves, "from,to,cost", "A,B,Inf", "error: cost +Inf is not a usable number: row skipped"},
		{"bare quote", moves, "from,to", `A,B"C`, `error: a quote inside an unquoted field (quote the whole field and double the quote: "5"" tall"): row skipped`},
		{"quote left open", moves, "from,to", "A,\"B\nC,D\nE,F", `error: a quoted field opened on this line is not closed before line 5, so lines 3–5 are lost (close the quote, or double a quote inside a quoted field: ""): row skipped`},
		{"self-link", moves, "from,to", "Z,z", `warning: move from "Z" to itself: row skipped`},
		{"role missing", roles, "role,level", ",3", "error: no role: row skipped"},
		{"level not a number", roles, "role,level", "B,four", `error: level "four": want a whole number from 1 to 100: role kept without a level`},
		{"level zero", roles, "role,level", "B,0", `error: level "0": want a whole number from 1 to 100: role kept without a level`},
		{"role twice", roles, "role,level", "x,2", `warning: role "x" listed again (first at line 2): merged`},
		{"pathway no end", paths, "title_start,title_end,distance", "A,,0.9", "error: no title_end: row skipped"},
		{"pathway no start", paths, "title_start,title_end,distance", ",B,0.9", "error: no title_start: row skipped"},
		{"similarity above 1", paths, "title_start,title_end,distance", "A,B,1.5", "error: distance: similarity 1.5 outside 0..1: row skipped"},
		{"similarity negative", paths, "title_start,title_end,similarity", "A,B,-0.1", "error: similarity: similarity -0.1 outside 0..1: row skipped"},
		{"similarity text", paths, "title_start,title_end,distance", "A,B,near", `error: distance "near": want a number from 0 to 1: row skipped`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The good row: X, then empty fields (a similarity for tables).
			good := "X,Y" + strings.Repeat(",", strings.Count(tt.header, ",")-1)
			if strings.Contains(tt.header, "title_start") {
				good = "X,Y,0.9"
			}
			if strings.HasPrefix(tt.header, "role") {
				good = "X,"
			}
			if tt.read == nil {
				t.Fatal("no reader")
			}
			s, err := tt.read(strings.NewReader(tt.header+"\n"+good+"\n"+tt.bad+"\n"), "in")
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			var got []string
			for _, p := range s.Problems {
				got = append(got, p.String())
			}
			want := []string{"in:3: " + tt.want}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("problems (-want +got):\n%s", d)
			}
			if len(s.Roles) == 0 || s.Roles[0].Name != "X" {
				t.Errorf("roles = %+v; want the good row's X first", s.Roles)
			}
		})
	}
}

// TestBadONETRows checks each O*NET file's bad rows; the fixture folder
// holds one of each, and its golden file lists them all. This test pins
// the messages that matter most.
func TestBadONETRows(t *testing.T) {
	s, err := ReadONETDir("testdata/onet")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range s.Problems {
		got = append(got, p.String())
	}
	for _, want := range []string{
		"testdata/onet/Occupation Data.txt:6: error: occupation 99-9999.00 has no title: row skipped",
		"testdata/onet/Occupation Data.txt:7: error: occupation 29-1141.00 listed again (first at line 2): row skipped",
		`testdata/onet/Job Zones.txt:5: error: job zone "nine": want 1 to 5: row skipped`,
		"testdata/onet/Job Zones.txt:6: error: O*NET-SOC code 12-3456.00 is not in Occupation Data.txt: row skipped",
		`testdata/onet/Related Occupations.txt:5: error: unknown relatedness tier "Tertiary" (want Primary-Short, Primary-Long or Supplemental): row skipped`,
		`testdata/onet/Related Occupations.txt:6: error: index "x": want a whole number: row skipped`,
		"testdata/onet/Related Occupations.txt:7: error: O*NET-SOC code 00-0000.00 is not in Occupation Data.txt: row skipped",
		"testdata/onet/Career Changers Matrix.txt:4: error: index 0: want 1 or more: row skipped",
	} {
		if !contains(got, want) {
			t.Errorf("no problem %q in:\n%s", want, strings.Join(got, "\n"))
		}
	}
	// The duplicates: a related pair listed twice, and a career pair in
	// both Career Changers and Career Starters.
	if s.Dropped != (Dropped{SelfLinks: 1, Duplicates: 2}) {
		t.Errorf("dropped = %+v; want one self-link and two duplicates", s.Dropped)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name string
		read func() (*Set, error)
		want string
		is   error
	}{
		{"onet bad header", func() (*Set, error) { return ReadONETDir("testdata/onet-badheader") },
			`testdata/onet-badheader/Occupation Data.txt:1: layout not known: no column "O*NET-SOC Code", "Title", "Description" (header: Code | Occupation | Text)`, ErrUnknownLayout},
		{"onet no occupations", func() (*Set, error) { return ReadONETDir("testdata/onet-partial") },
			"testdata/onet-partial/Occupation Data.txt: no such file or directory (an O*NET text release has one)", nil},
		{"moves without to", func() (*Set, error) { return ReadMoves(strings.NewReader("from,kind\nA,career\n"), "m.csv") },
			`m.csv:1: layout not known: want columns from and to; the header has "from", "kind"`, ErrUnknownLayout},
		{"pathways without titles", func() (*Set, error) { return ReadPathways(strings.NewReader("a,b\n"), "p.csv") },
			`p.csv:1: layout not known: want columns title_start and title_end; the header has "a", "b"`, ErrUnknownLayout},
		{"roles without role", func() (*Set, error) { return ReadRoles(strings.NewReader("level,code\n"), "r.csv") },
			`r.csv:1: layout not known: want columns role or title; the header has "level", "code"`, ErrUnknownLayout},
		{"empty", func() (*Set, error) { return ReadMoves(strings.NewReader(""), "e.csv") }, "e.csv:1: no header row", nil},
		{"document", func() (*Set, error) { return Read("testdata/files/document.txt", Document) },
			"testdata/files/document.txt: a document is not read by package source", nil},
	}
	for _, tt := range tests {
		_, err := tt.read()
		if err == nil || err.Error() != tt.want || (tt.is != nil && !errors.Is(err, tt.is)) {
			t.Errorf("%s: err = %v; want %q (is %v)", tt.name, err, tt.want, tt.is)
		}
	}
}

func TestTooLarge(t *testing.T) {
	defer func(n int64) { maxTableBytes = n }(maxTableBytes)
	maxTableBytes = 1 << 20
	big := "from,to\n" + strings.Repeat("Barista,Shift Lead\n", 100000)
	if _, err := ReadMoves(strings.NewReader(big), "big.csv"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("ReadMoves(2 MiB) = %v; want ErrTooLarge", err)
	}
	dir := t.TempDir()
	occ := "O*NET-SOC Code\tTitle\tDescription\n" + strings.Repeat("11-1011.00\tChief Executives\tx\n", 40000)
	os.WriteFile(filepath.Join(dir, "Occupation Data.txt"), []byte(occ), 0o644)
	if _, err := ReadONETDir(dir); !errors.Is(err, ErrTooLarge) {
		t.Errorf("ReadONETDir(big Occupation Data.txt) = %v; want ErrTooLarge", err)
	}
}

func TestCostRules(t *testing.T) {
	related := []struct {
		tier  string
		index int
		want  float64
	}{
		{PrimaryShort, 1, 2.00}, {PrimaryShort, 5, 2.04}, {PrimaryLong, 6, 2.30}, {PrimaryLong, 10, 2.34},
		{Supplemental, 11, 2.60}, {Supplemental, 20, 2.69}, {"primary-short", 2, 2.01}, {PrimaryShort, 99, 2.24},
	}
	for _, tt := range related {
		if got, err := ONETRelatedCost(tt.tier, tt.index); got != tt.want || err != nil {
			t.Errorf("ONETRelatedCost(%q, %d) = %v, %v; want %v", tt.tier, tt.index, got, err, tt.want)
		}
	}
	// Monotone: every tier below the next, a lower index cheaper.
	prev := 0.0
	for _, tier := range []string{PrimaryShort, PrimaryLong, Supplemental} {
		for i := 1; i <= 30; i++ {
			c, _ := ONETRelatedCost(tier, i)
			if c < prev {
				t.Errorf("ONETRelatedCost(%s, %d) = %v < %v: not monotone", tier, i, c, prev)
			}
			prev = c
		}
	}
	for _, bad := range []struct {
		tier  string
		index int
	}{{"Tertiary", 1}, {PrimaryShort, 0}} {
		if _, err := ONETRelatedCost(bad.tier, bad.index); err == nil {
			t.Errorf("ONETRelatedCost(%q, %d): no error", bad.tier, bad.index)
		}
	}
	for _, tt := range []struct {
		index int
		want  float64
	}{{1, 1}, {10, 1.09}, {25, 1.24}, {40, 1.24}} {
		if got, err := ONETMatrixCost(tt.index); got != tt.want || err != nil {
			t.Errorf("ONETMatrixCost(%d) = %v, %v; want %v", tt.index, got, err, tt.want)
		}
	}
	for _, tt := range []struct{ s, want float64 }{{1, 1}, {0, 2}, {0.9693966666092884, 1.031}, {0.8354628705251214, 1.165}, {0.9995, 1.001}} {
		if got, err := SimilarityCost(tt.s); got != tt.want || err != nil {
			t.Errorf("SimilarityCost(%v) = %v, %v; want %v", tt.s, got, err, tt.want)
		}
	}
	for _, s := range []float64{-0.01, 1.01, math.NaN()} {
		if _, err := SimilarityCost(s); err == nil {
			t.Errorf("SimilarityCost(%v): no error", s)
		}
	}
	for _, tt := range []struct{ c, want float64 }{{1.5, 1.5}, {0.0014, 0.001}, {2.3456, 2.346}} {
		if got, err := GivenCost(tt.c); got != tt.want || err != nil {
			t.Errorf("GivenCost(%v) = %v, %v; want %v", tt.c, got, err, tt.want)
		}
	}
}

// TestCostsAreThousandths checks every cost a reader gives is an exact
// number of thousandths.
func TestCostsAreThousandths(t *testing.T) {
	for _, read := range []func() (*Set, error){
		func() (*Set, error) { return ReadONETDir("testdata/onet") },
		func() (*Set, error) { return Read("testdata/files/pathways.csv", Pathways) },
		func() (*Set, error) { return Read("testdata/files/moves.csv", Moves) },
	} {
		s, err := read()
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range s.Moves {
			if m.Cost <= 0 || float64(Thousandths(m.Cost))/1000 != m.Cost {
				t.Errorf("%v: cost %v is not a positive multiple of 0.001", m.Source, m.Cost)
			}
		}
	}
}

func readFixture(name string) ([]byte, error) { return os.ReadFile(filepath.Join("testdata", name)) }

func TestSOCMajorGroup(t *testing.T) {
	for _, c := range []struct{ code, want string }{
		{"29-1141.00", "Healthcare Practitioners and Technical Occupations"},
		{"31-1131.00", "Healthcare Support Occupations"},
		{"11-1011.03", "Management Occupations"},
		{"55-3011.00", "Military Specific Occupations"},
		{"41-2011", "Sales and Related Occupations"},
		{"99-9999.00", ""},
		{"29", ""},
		{"", ""},
	} {
		if got := SOCMajorGroup(c.code); got != c.want {
			t.Errorf("SOCMajorGroup(%q) = %q; want %q", c.code, got, c.want)
		}
	}
	if len(socMajorGroups) != 23 {
		t.Errorf("%d SOC major groups; want 23", len(socMajorGroups))
	}
}

func TestONETClassification(t *testing.T) {
	s, err := ReadONETDir(filepath.Join("testdata", "onet"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"Registered Nurses":                    "Healthcare Practitioners and Technical Occupations",
		"Nursing Assistants":                   "Healthcare Support Occupations",
		"Medical and Health Services Managers": "Management Occupations",
		"Cashiers":                             "Sales and Related Occupations",
	}
	for _, r := range s.Roles {
		if w, ok := want[r.Name]; !ok || !slices.Equal(r.Classification, []string{w}) {
			t.Errorf("%s %q: classification %q; want [%q]", r.Code, r.Name, r.Classification, w)
		}
	}
}
