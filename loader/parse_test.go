package loader

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// seedPaths returns the reference documents, sorted.
func seedPaths(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	if err != nil || len(paths) != 5 {
		t.Fatalf("seed documents: %d found (err %v); want 5 in ../seeds", len(paths), err)
	}
	return paths
}

func readSeed(t testing.TB, prefix string) []byte {
	t.Helper()
	for _, p := range seedPaths(t) {
		if strings.HasPrefix(filepath.Base(p), prefix) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			return data
		}
	}
	t.Fatalf("no seed document %s*", prefix)
	return nil
}

// checkParseGolden compares v, as indented JSON, with the golden file at
// path, or rewrites the file under -update.
func checkParseGolden(t *testing.T, path string, v any) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	got := buf.Bytes()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./loader -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got; review, then go test ./loader -update):\n%s", path, diff)
	}
}

func TestParseSeeds(t *testing.T) {
	for _, path := range seedPaths(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, problems, err := parseBytes(data, name)
			if err != nil {
				t.Fatalf("parseBytes(%s) error: %v", name, err)
			}
			if len(problems) != 0 {
				t.Errorf("parseBytes(%s) problems = %v; want none", name, problems)
			}
			checkParseGolden(t, filepath.Join("testdata", "parse", strings.TrimSuffix(name, ".txt")+".golden"), doc)
		})
	}
}

// toSpaced rewrites a compact document in the spaced layout: blank lines
// between blocks, "  • " bullets, table rows without delimiters.
func toSpaced(compact string) string {
	var b strings.Builder
	prevGrouped := false
	for i, l := range strings.Split(compact, "\n") {
		grouped := true
		switch {
		case strings.HasPrefix(l, "|---"):
			continue
		case strings.HasPrefix(l, "- "):
			l = "  • " + l[2:]
		case strings.HasPrefix(l, "|"):
			cells := strings.Split(strings.Trim(l, "|"), "|")
			for j := range cells {
				cells[j] = strings.TrimSpace(cells[j])
			}
			l = strings.Join(cells, " ")
		default:
			grouped = false
		}
		switch {
		case i == 0:
		case grouped && prevGrouped:
			b.WriteString("\n")
		default:
			b.WriteString("\n\n")
		}
		b.WriteString(l)
		prevGrouped = grouped
	}
	return b.String()
}

// toCompact drops the blank lines of a spaced document and turns its
// "  • " bullets into "- ".
func toCompact(spaced string) string {
	var out []string
	for _, l := range strings.Split(spaced, "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if rest, ok := strings.CutPrefix(l, "  • "); ok {
			l = "- " + rest
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// ignoreLines compares documents without their file name and line numbers.
var ignoreLines = cmp.Options{
	cmpopts.IgnoreFields(Document{}, "File", "TitleLine"),
	cmpopts.IgnoreFields(Item{}, "Line"),
	cmpopts.IgnoreFields(Aptitude{}, "Line"),
	cmpopts.IgnoreFields(CareerPath{}, "Line"),
	cmpopts.IgnoreFields(Section{}, "Line"),
	cmpopts.IgnoreFields(SectionMark{}, "Line"),
}

// TestParseLayouts parses every seed in the other layout too and expects
// the same document, line numbers aside.
func TestParseLayouts(t *testing.T) {
	for _, path := range seedPaths(t) {
		name := filepath.Base(path)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		want, _, err := parseBytes(data, name)
		if err != nil {
			t.Fatalf("parseBytes(%s) error: %v", name, err)
		}
		other, layout := toSpaced(string(data)), "spaced"
		if strings.Contains(string(data), "\n\n") {
			other, layout = toCompact(string(data)), "compact"
		}
		got, problems, err := parseBytes([]byte(other), name)
		if err != nil {
			t.Fatalf("parseBytes(%s, %s) error: %v", name, layout, err)
		}
		if len(problems) != 0 {
			t.Errorf("parseBytes(%s, %s) problems = %v; want none", name, layout, problems)
		}
		if diff := cmp.Diff(want, got, ignoreLines); diff != "" {
			t.Errorf("parseBytes(%s, %s) differs from the original layout (-want +got):\n%s", name, layout, diff)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
		line int
	}{
		{"empty", "", ErrEmpty, 0},
		{"blank lines", "\n\n  \t\r\n\r", ErrEmpty, 0},
		{"BOM only", "\uFEFF", ErrEmpty, 0},
		{"BOM and white space", "\uFEFF \n\u3000\t\n", ErrEmpty, 0},
		{"invalid byte", "Mayor\nしちょう\nSummary\nBad \xff here\n", ErrNotText, 4},
		{"Shift_JIS", "Mayor\r\n\x8e\x73\x92\xb7\r\n", ErrNotText, 2},
		{"NUL byte", "Mayor\nA\x00B\n", ErrNotText, 2},
		{"UTF-16", "\xff\xfeM\x00a\x00", ErrNotText, 1},
		{"truncated rune", "Mayor\n\xe3\x81", ErrNotText, 2},
		{"bad byte after lone CR", "Mayor\rしちょう\r\xc0", ErrNotText, 3},
		{"no title", "Summary\nHeads the city.\n", ErrNoTitle, 1},
		{"no title after BOM and blank lines", "\uFEFF\n\n  Career Path:\nA → B\n", ErrNoTitle, 3},
		{"no title, full-width heading", "Ｓｕｍｍａｒｙ\n", ErrNoTitle, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, problems, err := parseBytes([]byte(tt.in), "bad.txt")
			if !errors.Is(err, tt.want) {
				t.Fatalf("parseBytes(%q) error = %v; want %v", tt.in, err, tt.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "bad.txt" || pe.Line != tt.line {
				t.Errorf("parseBytes(%q) error = %#v; want a *ParseError at bad.txt:%d", tt.in, err, tt.line)
			}
			if doc != nil || problems != nil {
				t.Errorf("parseBytes(%q) = %v, %v with an error; want nil, nil", tt.in, doc, problems)
			}
		})
	}
}

func TestParseErrorMessages(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"", "bad.txt: empty document"},
		{"Mayor\nBad \xff\n", "bad.txt:2: not UTF-8 text (byte 0xFF; convert the file to UTF-8)"},
		{"\xff\xfeM\x00", "bad.txt:1: not UTF-8 text (UTF-16 byte-order mark; convert the file to UTF-8)"},
		{"Mayor\x00", "bad.txt:1: not UTF-8 text (NUL byte; convert the file to UTF-8)"},
		{"\nTags\n", "bad.txt:2: no title: the first line must be the occupation's title"},
	}
	for _, tt := range tests {
		_, _, err := parseBytes([]byte(tt.in), "bad.txt")
		if err == nil || err.Error() != tt.want {
			t.Errorf("parseBytes(%q) error = %v; want %q", tt.in, err, tt.want)
		}
	}
}

// mayor is the document every input of TestParseVariants describes;
// lines are those of the plain compact form.
func mayor() *Document {
	return &Document{
		File: "mayor.txt", Title: "Mayor", TitleLine: 1, Reading: "しちょう",
		Summary: "Heads the city.",
		Career: []CareerPath{{Line: 6, Rungs: []Rung{
			{{Text: "Deputy Mayor", Line: 6}},
			{{Text: "Mayor", Line: 6}},
		}}},
		Related: []Item{{Text: "Vice Mayor", Line: 8}},
	}
}

const mayorText = "Mayor\nしちょう\nSummary\nHeads the city.\nCareer Path\nDeputy Mayor → Mayor\nRelated Jobs\n- Vice Mayor\n"

// shift moves every line of d but the title's by n.
func shift(d *Document, n int) *Document {
	for i := range d.Career {
		d.Career[i].Line += n
		for _, r := range d.Career[i].Rungs {
			for j := range r {
				r[j].Line += n
			}
		}
	}
	for i := range d.Related {
		d.Related[i].Line += n
	}
	return d
}

// TestParseVariants feeds the same document written in many ways; none
// of them is worth a warning.
func TestParseVariants(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want *Document
	}{
		{"compact", mayorText, mayor()},
		{"no final newline", strings.TrimSuffix(mayorText, "\n"), mayor()},
		{"UTF-8 BOM", "\uFEFF" + mayorText, mayor()},
		{"CRLF", strings.ReplaceAll(mayorText, "\n", "\r\n"), mayor()},
		{"lone CR", strings.ReplaceAll(mayorText, "\n", "\r"), mayor()},
		{"BOM, CRLF and trailing spaces and tabs",
			"\uFEFF" + strings.ReplaceAll(mayorText, "\n", " \t \r\n"), mayor()},
		{"leading blank lines and indentation",
			"\n \n" + strings.ReplaceAll(mayorText, "\n", "\n\t "),
			func() *Document { d := shift(mayor(), 2); d.TitleLine = 3; return d }()},
		{"spaced", "Mayor\n\nしちょう\n\nSummary\n\nHeads the city.\n\nCareer Path\n\nDeputy Mayor → Mayor\n\nRelated Jobs\n\n  • Vice Mayor\n",
			func() *Document {
				d := mayor()
				d.Career[0].Line, d.Related[0].Line = 11, 15
				d.Career[0].Rungs[0][0].Line, d.Career[0].Rungs[1][0].Line = 11, 11
				return d
			}()},
		{"full-width headings",
			"Mayor\nしちょう\nＳｕｍｍａｒｙ\nHeads the city.\nＣａｒｅｅｒ　Ｐａｔｈ\nDeputy Mayor → Mayor\nＲｅｌａｔｅｄ Ｊｏｂｓ：\n- Vice Mayor\n",
			mayor()},
		{"headings in other cases, with colons and hashes",
			"Mayor\nしちょう\nsummary:\nHeads the city.\nCAREER PATH：\nDeputy Mayor → Mayor\n## Related jobs\n- Vice Mayor\n",
			mayor()},
		{"heading variants",
			"Mayor\nしちょう\nOverview\nHeads the city.\nCareer Paths\nDeputy Mayor → Mayor\nRelated Occupations\n- Vice Mayor\n",
			mayor()},
		{"sections in another order",
			"Mayor\nしちょう\nRelated Jobs\n- Vice Mayor\nCareer Path\nDeputy Mayor → Mayor\nSummary\nHeads the city.\n",
			func() *Document {
				d := mayor()
				d.Related[0].Line = 4
				d.Career[0].Line, d.Career[0].Rungs[0][0].Line, d.Career[0].Rungs[1][0].Line = 6, 6, 6
				return d
			}()},
		{"no reading line",
			"Mayor\nSummary\nHeads the city.\nCareer Path\nDeputy Mayor → Mayor\nRelated Jobs\n- Vice Mayor\n",
			func() *Document { d := shift(mayor(), -1); d.Reading = ""; return d }()},
		{"empty sections",
			"Mayor\nしちょう\nIndustry & Occupation\nClassification\nSummary\nHeads the city.\nDescription\nCareer Path\nDeputy Mayor → Mayor\nAliases\nRelated Jobs\n- Vice Mayor\nTags\nKeywords\n",
			func() *Document { d := shift(mayor(), 3); d.Related[0].Line = 12; return d }()},
		{"other arrows and bullets",
			"Mayor\nしちょう\nSummary\nHeads the city.\nCareer Path\n・Deputy Mayor -> Mayor\nRelated Jobs\n• Vice Mayor\n",
			mayor()},
		{"full-width text is kept as written",
			"Mayor\nしちょう\nSummary\nHeads the city.\nCareer Path\nＤｅｐｕｔｙ　Ｍａｙｏｒ ⇒ Ｍａｙｏｒ\nRelated Jobs\n・Ｖｉｃｅ Ｍａｙｏｒ\n",
			func() *Document {
				d := mayor()
				d.Career[0].Rungs[0][0].Text, d.Career[0].Rungs[1][0].Text = "Ｄｅｐｕｔｙ　Ｍａｙｏｒ", "Ｍａｙｏｒ"
				d.Related[0].Text = "Ｖｉｃｅ Ｍａｙｏｒ"
				return d
			}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, problems, err := parseBytes([]byte(tt.in), "mayor.txt")
			if err != nil {
				t.Fatalf("parseBytes(%q) error: %v", tt.in, err)
			}
			if len(problems) != 0 {
				t.Errorf("parseBytes(%q) problems = %v; want none", tt.in, problems)
			}
			// The order of sections has its own test (TestSectionOrder).
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty(), cmpopts.IgnoreFields(Document{}, "Order")); diff != "" {
				t.Errorf("parseBytes(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestParseProblems checks the warnings of odd input and what is kept.
func TestParseProblems(t *testing.T) {
	type warning struct {
		Line int
		Msg  string
	}
	tests := []struct {
		name  string
		in    string
		field func(*Document) any // the part of the document to check
		want  any
		warns []warning
	}{
		{
			name:  "dangling arrows",
			in:    "Mayor\nしちょう\nCareer Path\n→ A → → B →\n",
			field: func(d *Document) any { return d.Career },
			want:  []CareerPath{{Line: 4, Rungs: []Rung{{{Text: "A", Line: 4}}, {{Text: "B", Line: 4}}}}},
			warns: []warning{
				{4, "career path: empty rung dropped (arrow at the start)"},
				{4, "career path: empty rung dropped (two arrows in a row)"},
				{4, "career path: empty rung dropped (arrow at the end)"},
			},
		},
		{
			name:  "only arrows",
			in:    "Mayor\nしちょう\nCareer Path\nA → B\n->\n",
			field: func(d *Document) any { return len(d.Career) },
			want:  1,
			warns: []warning{
				{5, "career path: empty rung dropped (arrow at the start)"},
				{5, "career path: empty rung dropped (arrow at the end)"},
			},
		},
		{
			name:  "alternatives, empty ones and dots inside brackets",
			in:    "Mayor\nしちょう\nCareer Path\nA · → B・C (x · y) ·\n",
			field: func(d *Document) any { return d.Career[0].Rungs },
			want:  []Rung{{{Text: "A", Line: 4}}, {{Text: "B", Line: 4}, {Text: "C (x · y)", Line: 4}}},
			warns: []warning{
				{4, "career path: empty alternative dropped"},
				{4, "career path: empty alternative dropped"},
			},
		},
		{
			name:  "self-step is left to the builder",
			in:    "Mayor\nしちょう\nCareer Path\nMayor → mayor\n",
			field: func(d *Document) any { return d.Career[0].Rungs },
			want:  []Rung{{{Text: "Mayor", Line: 4}}, {{Text: "mayor", Line: 4}}},
		},
		{
			name:  "unknown heading after a bulleted list, compact",
			in:    "Mayor\nしちょう\nRelated Jobs\n- Vice Mayor\nSalary Range\n- About 5 million yen\nTags\nPublic\n",
			field: func(d *Document) any { return []any{d.Related, d.Extra, d.Tags} },
			want: []any{
				[]Item{{Text: "Vice Mayor", Line: 4}},
				[]Section{{Heading: "Salary Range", Line: 5, Lines: []string{"- About 5 million yen"}}},
				[]string{"Public"},
			},
			warns: []warning{{5, `unknown heading "Salary Range": kept as an extra section`}},
		},
		{
			name:  "unknown heading after a paragraph, compact",
			in:    "Mayor\nしちょう\nSummary\nHeads the city.\nWorking Hours\nLong, with night duty.\nDescription\nMore.\n",
			field: func(d *Document) any { return []any{d.Summary, d.Extra, d.Description} },
			want: []any{"Heads the city.",
				[]Section{{Heading: "Working Hours", Line: 5, Lines: []string{"Long, with night duty."}}},
				"More."},
			warns: []warning{{5, `unknown heading "Working Hours": kept as an extra section`}},
		},
		{
			name: "unknown headings, spaced",
			in: "Mayor\n\nしちょう\n\nSummary\n\nHeads the city.\n\nWorking Hours\n\nLong, with night duty.\n\n" +
				"Related Jobs\n\n  • Vice Mayor\n\nSalary:\n\n  • About 5 million yen\n",
			field: func(d *Document) any { return []any{d.Summary, d.Related, d.Extra} },
			want: []any{"Heads the city.", []Item{{Text: "Vice Mayor", Line: 15}}, []Section{
				{Heading: "Working Hours", Line: 9, Lines: []string{"Long, with night duty."}},
				{Heading: "Salary:", Line: 17, Lines: []string{"• About 5 million yen"}},
			}},
			warns: []warning{
				{9, `unknown heading "Working Hours": kept as an extra section`},
				{17, `unknown heading "Salary:": kept as an extra section`},
			},
		},
		{
			name: "heading-like lines that are content",
			in: "Mayor\nしちょう\nIndustry & Occupation\nPublic Service\nSummary\nHeads the city\nMain Duties\n" +
				"Personality Traits\nCalm / Honest\nPatient\nTags\nPublic Office\nAdministration\n" +
				"Aptitudes (Strengths Preferred)\n| Item | Description |\n|---|---|\n| Creativity | Needed. |\nProblem Solving\n",
			field: func(d *Document) any {
				return []any{d.Classification.Industry, d.Summary, d.Traits, d.Tags, d.Strengths}
			},
			want: []any{"Public Service", "Heads the city\nMain Duties", []string{"Calm", "Honest", "Patient"},
				[]string{"Public Office", "Administration"},
				[]Aptitude{{Item: "Creativity", Reason: "Needed.", Line: 17}, {Item: "Problem Solving", Line: 18}}},
		},
		{
			name: "heading-like lines that are content, spaced",
			in: "Mayor\n\nしちょう\n\nIndustry & Occupation\n\nPublic Service\n\nClassification\n\n" +
				"Summary\n\nShort Label\n\nDescription\n\nFirst part\nSecond Part\n\nTags\n\n",
			field: func(d *Document) any { return []any{d.Classification.Industry, d.Summary, d.Description} },
			want:  []any{"Public Service", "Short Label", "First part\nSecond Part"},
		},
		{
			name:  "text before the first heading",
			in:    "Mayor\nしちょう\nthe head of a city.\nSummary\nHeads the city.\n",
			field: func(d *Document) any { return []any{d.Extra, d.Summary} },
			want:  []any{[]Section{{Heading: "", Line: 3, Lines: []string{"the head of a city."}}}, "Heads the city."},
			warns: []warning{{3, "text before the first heading: kept as an extra section"}},
		},
		{
			name:  "unknown heading before the first known one",
			in:    "Mayor\nしちょう\nAt a Glance\nElected.\nSummary\nHeads the city.\n",
			field: func(d *Document) any { return d.Extra },
			want:  []Section{{Heading: "At a Glance", Line: 3, Lines: []string{"Elected."}}},
			warns: []warning{{3, `unknown heading "At a Glance": kept as an extra section`}},
		},
		{
			name:  "duplicate headings",
			in:    "Mayor\nしちょう\nRelated Jobs\n- A\nSummary\nS.\nRelated Jobs:\n- B\nSummary\nT.\n",
			field: func(d *Document) any { return []any{d.Related, d.Summary} },
			want:  []any{[]Item{{Text: "A", Line: 4}, {Text: "B", Line: 8}}, "S.\nT."},
			warns: []warning{
				{7, `duplicate heading "Related Jobs:" (first at line 3): content merged`},
				{9, `duplicate heading "Summary" (first at line 5): content merged`},
			},
		},
		{
			name: "aptitude rows without delimiters",
			in: "Mayor\n\nしちょう\n\nAptitudes (Strengths Preferred)\n\nItem Description\n" +
				"Communication Skills Because citizens talk.\nCommunication Skillset Is made up.\nCreativity: Needed.\n" +
				"Swordsmanship: For duels.\nSwordsmanship is needed\n",
			field: func(d *Document) any { return d.Strengths },
			want: []Aptitude{
				{Item: "Communication Skills", Reason: "Because citizens talk.", Line: 8},
				{Item: "Communication Skillset Is made up.", Line: 9},
				{Item: "Creativity", Reason: "Needed.", Line: 10},
				{Item: "Swordsmanship", Reason: "For duels.", Line: 11},
				{Item: "Swordsmanship is needed", Line: 12},
			},
			warns: []warning{
				{9, "aptitude row without a known item name: kept whole as the item"},
				{12, "aptitude row without a known item name: kept whole as the item"},
			},
		},
		{
			name: "aptitude items from the document's delimited rows",
			in: "Mayor\nしちょう\nAptitudes (Weaknesses Acceptable)\nItem Description\nSwordsmanship Rarely used.\n" +
				"Aptitudes (Strengths Preferred)\n| Item | Description |\n|:--|--:|\n| Swordsmanship | For duels. |\n| | no item |\n" +
				"Swordsmanship Again\nCreativity Helps.\n",
			field: func(d *Document) any { return []any{d.Weaknesses, d.Strengths} },
			want: []any{
				[]Aptitude{{Item: "Swordsmanship", Reason: "Rarely used.", Line: 5}},
				[]Aptitude{{Item: "Swordsmanship", Reason: "For duels.", Line: 9},
					{Item: "Swordsmanship", Reason: "Again", Line: 11}, {Item: "Creativity", Reason: "Helps.", Line: 12}},
			},
			warns: []warning{{10, "aptitude row without an item name: dropped"}},
		},
		{
			name:  "classification lines",
			in:    "Mayor\nしちょう\nClassification\n• Major：A\n- Major : B\n- Level : C\nmiddle classification: D\n- Minor :\n",
			field: func(d *Document) any { return d.Classification },
			want:  Classification{Major: "A", Middle: "D"},
			warns: []warning{
				{5, `classification: second Major "B" dropped (keeping "A")`},
				{6, `classification line "- Level : C" not understood (want "Major : …", "Middle : …" or "Minor : …"): dropped`},
			},
		},
		{
			name:  "lists: bullets, slashes and plain lines",
			in:    "Mayor\nしちょう\nAliases\n- City head / Chief\n  * Burgomaster\nLord mayor / / Provost / \n-\n・\nRelated Jobs\nGovernor\n",
			field: func(d *Document) any { return []any{d.Aliases, d.Related} },
			want: []any{
				[]Item{{Text: "City head / Chief", Line: 4}, {Text: "Burgomaster", Line: 5},
					{Text: "Lord mayor", Line: 6}, {Text: "Provost", Line: 6}},
				[]Item{{Text: "Governor", Line: 10}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, problems, err := parseBytes([]byte(tt.in), "odd.txt")
			if err != nil {
				t.Fatalf("parseBytes(%q) error: %v", tt.in, err)
			}
			if diff := cmp.Diff(tt.want, tt.field(doc)); diff != "" {
				t.Errorf("parseBytes(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
			var got []warning
			for _, p := range problems {
				if p.File != "odd.txt" || p.Severity != Warning {
					t.Errorf("parseBytes(%q) problem %v; want a warning in odd.txt", tt.in, p)
				}
				got = append(got, warning{p.Line, p.Msg})
			}
			if diff := cmp.Diff(tt.warns, got); diff != "" {
				t.Errorf("parseBytes(%q) warnings mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestParseLineNumbers checks the lines that later stages cite, also when
// a byte-order mark, CRLF line ends and trailing blanks are added.
func TestParseLineNumbers(t *testing.T) {
	type lined struct {
		Text string
		Line int
	}
	items := func(list []Item) []lined {
		var out []lined
		for _, it := range list {
			out = append(out, lined(it))
		}
		return out
	}
	rungs := func(d *Document) []lined {
		var out []lined
		for _, c := range d.Career {
			for _, r := range c.Rungs {
				for _, it := range r {
					out = append(out, lined(it))
				}
			}
		}
		return out
	}
	tests := []struct {
		seed                         string
		career, related, aliases, qs []lined
	}{
		{
			seed: "000",
			career: []lined{{"Legislator's secretary", 19}, {"Party headquarters staff", 19},
				{"Department head (section chief/deputy)", 19}, {"Party headquarters executive", 19}},
			related: []lined{{"Political campaign staff", 41}, {"Political consultant", 42},
				{"Public servant", 43}, {"Support group staff", 44}},
			aliases: []lined{{"Party executive", 38}, {"Party headquarters executive", 39}},
		},
		{
			seed: "002",
			career: []lined{{"Passed National Public Service Examination (Category I)", 33},
				{"Assistant Section Chief (Ministry/Agency)", 33}, {"Section Chief", 33}, {"Counsellor", 33},
				{"Division Director", 33}, {"Deliberative Official", 33},
				{"Secretariat Director-General", 33}, {"Administrative Vice-Minister", 33}},
			related: []lined{{"Administrative Vice-Minister", 67}, {"Bureau Director", 68}, {"Counsellor", 69},
				{"Director for Policy Planning and Coordination", 70}, {"Division Director", 71}},
			qs: []lined{{"National Public Service Examination (Category I)", 63}},
		},
		{
			seed: "003",
			career: []lined{{"Union secretary", 18}, {"Deputy secretary general", 18}, {"Secretary general", 18},
				{"Chairperson", 18}, {"Bureau chief", 18}},
			related: []lined{{"Labor union bureau chief", 39}, {"Labor union chairperson", 40}},
			aliases: []lined{{"Union secretary general", 37}},
		},
		{
			seed: "004",
			related: []lined{{"Administrative Public Servant", 41}, {"Municipal Office Staff", 42},
				{"Section Chief", 43}, {"Unit Chief", 44}},
			aliases: []lined{{"Local Branch Office Chief", 39}},
			qs:      []lined{{"Local Public Servant Recruitment Exam (Upper Level)", 37}},
		},
	}
	variants := []struct {
		name string
		edit func(string) string
	}{
		{"as is", func(s string) string { return s }},
		{"BOM, CRLF, trailing blanks", func(s string) string {
			return "\uFEFF" + strings.ReplaceAll(s, "\n", " \t\r\n")
		}},
	}
	for _, tt := range tests {
		data := string(readSeed(t, tt.seed))
		for _, v := range variants {
			doc, _, err := parseBytes([]byte(v.edit(data)), tt.seed)
			if err != nil {
				t.Fatalf("parseBytes(%s, %s) error: %v", tt.seed, v.name, err)
			}
			check := func(what string, got, want []lined) {
				if want == nil {
					return
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("parseBytes(%s, %s) %s mismatch (-want +got):\n%s", tt.seed, v.name, what, diff)
				}
			}
			check("career", rungs(doc), tt.career)
			check("related jobs", items(doc.Related), tt.related)
			check("aliases", items(doc.Aliases), tt.aliases)
			check("qualifications", items(doc.Qualifications), tt.qs)
		}
	}

	doc, _, err := parseBytes(readSeed(t, "002"), "002")
	if err != nil {
		t.Fatal(err)
	}
	if got := len(doc.Career[0].Rungs); got != 6 {
		t.Errorf("seed 002: %d rungs; want 6", got)
	}
	for i, want := range []int{1, 1, 2, 2, 1, 1} {
		if got := len(doc.Career[0].Rungs[i]); got != want {
			t.Errorf("seed 002: rung %d has %d roles; want %d", i, got, want)
		}
	}
}

func TestParserAptitudeItems(t *testing.T) {
	in := []byte("Mayor\nしちょう\nAptitudes (Strengths Preferred)\nItem Description\nCivic Spirit Because the city comes first.\n")
	_, problems, err := parseBytes(in, "m.txt")
	if err != nil || len(problems) != 1 {
		t.Fatalf("parseBytes(%q) = %v, %v; want one warning", in, problems, err)
	}
	p := Parser{AptitudeItems: []string{"Civic", "civic spirit"}}
	doc, problems, err := p.Parse(bytes.NewReader(in), "m.txt")
	if err != nil || len(problems) != 0 {
		t.Fatalf("Parser.Parse(%q) = %v, %v; want no problems", in, problems, err)
	}
	want := []Aptitude{{Item: "Civic Spirit", Reason: "Because the city comes first.", Line: 5}}
	if diff := cmp.Diff(want, doc.Strengths); diff != "" {
		t.Errorf("Parser.Parse(%q) strengths mismatch (-want +got):\n%s", in, diff)
	}
}

func TestAptitudeItems(t *testing.T) {
	doc, _, err := parseBytes(readSeed(t, "000"), "000")
	if err != nil {
		t.Fatal(err)
	}
	doc.Strengths = append(doc.Strengths, Aptitude{Item: "Unsplit row", Line: 99})
	got := AptitudeItems(doc)
	want := []string{"Analytical & Logical Thinking", "Collaboration & Teamwork", "Communication Skills",
		"Initiative & Leadership", "Physical Stamina & Endurance", "Planning & Organization", "Stress Tolerance"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("AptitudeItems(seed 000) mismatch (-want +got):\n%s", diff)
	}
}

func TestParseReader(t *testing.T) {
	data := readSeed(t, "001")
	want, _, err := parseBytes(data, "001")
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := new(Parser).Parse(iotest.OneByteReader(bytes.NewReader(data)), "001")
	if err != nil {
		t.Fatalf("Parse(001) error: %v", err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Parse(001) differs from ParseBytes (-want +got):\n%s", diff)
	}

	boom := errors.New("boom")
	_, _, err = new(Parser).Parse(iotest.ErrReader(boom), "broken.txt")
	var pe *ParseError
	if !errors.Is(err, boom) || !errors.As(err, &pe) || pe.File != "broken.txt" {
		t.Errorf("Parse(failing reader) error = %v; want a *ParseError for broken.txt wrapping %v", err, boom)
	}
}

// TestParseRecycled parses documents one after another with a Parser
// that is given each one back (recycle) and compacts it, as a load that
// drops its documents does, with a file that is no document among them:
// each must be the document a new Parser gives, including the lists it
// lacks being nil where the one before had them, and the documents
// compacted before must stay as they were while later ones are parsed
// into the slices they gave back.
func TestParseRecycled(t *testing.T) {
	bare := "Harbour Master\nSummary\nKeeps the harbour.\nRelated Jobs\n- Lighthouse Keeper\n"
	extra := "Harbour Pilot\nNotes Of The Day\nSomething\nTraits\n- Calm\nTags\n- sea / ships\nKeywords\n- pilotage\n"
	var docs []string
	for _, p := range seedPaths(t) {
		docs = append(docs, string(readSeed(t, filepath.Base(p)[:3])))
		docs = append(docs, bare, "just some words\n", extra)
	}
	var p Parser
	var kept []docCore
	for i, text := range docs {
		name := fmt.Sprintf("doc%d.txt", i)
		want, wantProblems, wantErr := parseBytes([]byte(text), name)
		got, err := p.parseOwned([]byte(text), name)
		if (err != nil) != (wantErr != nil) {
			t.Fatalf("%s: error %v; a new Parser's is %v", name, err, wantErr)
		}
		if err != nil {
			continue
		}
		if diff := cmp.Diff(want, got.doc); diff != "" {
			t.Errorf("%s, parsed after %d recycled documents, differs from a new Parser's (-want +got):\n%s", name, i, diff)
		}
		if diff := cmp.Diff(wantProblems, got.problems); diff != "" {
			t.Errorf("%s: problems differ (-want +got):\n%s", name, diff)
		}
		p.recycle(got.doc)
		kept = append(kept, compactCore(got.doc))
	}
	n := 0
	for i, text := range docs {
		want, _, err := parseBytes([]byte(text), fmt.Sprintf("doc%d.txt", i))
		if err != nil {
			continue
		}
		if diff := cmp.Diff(compactCore(want), kept[n]); diff != "" {
			t.Errorf("doc%d.txt, compacted, changed while later documents were parsed (-want +got):\n%s", i, diff)
		}
		n++
	}
}

// TestRecycleSparesAllocations checks that a recycled document's slices
// are used again: parsing a seed again costs fewer allocations than
// parsing it with the document kept, one fewer at least for each list
// recycled.
func TestRecycleSparesAllocations(t *testing.T) {
	data := readSeed(t, "000")
	var kept, recycled Parser
	keep := testing.AllocsPerRun(20, func() {
		if _, err := kept.parseOwned(data, "000"); err != nil {
			t.Fatal(err)
		}
	})
	var doc *Document
	reuse := testing.AllocsPerRun(20, func() {
		res, err := recycled.parseOwned(data, "000")
		if err != nil {
			t.Fatal(err)
		}
		doc = res.doc
		recycled.recycle(doc)
	})
	lists := 0
	for _, n := range []int{len(doc.Order), len(doc.Strengths), len(doc.Weaknesses), len(doc.Traits), len(doc.WorkStyle), len(doc.Tags), len(doc.Keywords)} {
		if n > 0 {
			lists++
		}
	}
	if lists < 3 || reuse > keep-float64(lists) {
		t.Errorf("parsing seed 000 again: %v allocations recycled against %v kept; want %d fewer at least (one per list it has)", reuse, keep, lists)
	}
}

func ExampleParser_Parse() {
	var p Parser
	doc, problems, err := p.Parse(strings.NewReader(`Mayor
しちょう
Career Path
Deputy Mayor · City Manager → Mayor →
Related Jobs
- Governor
`), "mayor.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Title, doc.Reading)
	for _, rung := range doc.Career[0].Rungs {
		for _, role := range rung {
			fmt.Printf("%s (line %d)\n", role.Text, role.Line)
		}
	}
	for _, p := range problems {
		fmt.Println(p)
	}
	// Output:
	// Mayor しちょう
	// Deputy Mayor (line 4)
	// City Manager (line 4)
	// Mayor (line 4)
	// mayor.txt:4: warning: career path: empty rung dropped (arrow at the end)
}

func BenchmarkParse(b *testing.B) {
	var docs [][]byte
	var size int64
	for _, p := range seedPaths(b) {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, data)
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	var p Parser
	for b.Loop() {
		for _, d := range docs {
			if _, _, err := p.Parse(bytes.NewReader(d), "bench.txt"); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// parseBytes parses data with a new Parser.
func parseBytes(data []byte, name string) (*Document, []Problem, error) {
	return new(Parser).Parse(bytes.NewReader(data), name)
}

// TestHeadingKind checks every known heading as a document may write it,
// and lines that only look like one: headingKind gives up on a line
// once it holds more than the longest heading's bytes, colons aside.
func TestHeadingKind(t *testing.T) {
	for key, want := range headingKeys {
		for _, line := range []string{key, "## " + strings.ToUpper(key), key + " :", key + ":::"} {
			if got := headingKind(line); got != want {
				t.Errorf("headingKind(%q) = %v; want %v", line, got, want)
			}
		}
		if longer := key + "s"; headingKeys[longer] == kNone {
			if got := headingKind(longer); got != kNone {
				t.Errorf("headingKind(%q) = %v; want none", longer, got)
			}
		}
	}
	for _, tc := range []struct {
		line string
		want secKind
	}{
		{"Aptitudes (Weaknesses acceptable)", kWeaknesses},
		{"Ａｐｔｉｔｕｄｅｓ　（Ｗｅａｋｎｅｓｓｅｓ　ａｃｃｅｐｔａｂｌｅ）：", kWeaknesses},
		{"A p t i t u d e s ( W e a k n e s s e s a c c e p t a b l e )", kWeaknesses},
		{"Aptitudes (Weaknesses acceptable) x", kNone},
		{"Career Path: Clerk → Officer", kNone},
		{"Summary: x", kNone},
		{"Sum\x00mary", kNone},
		{"Sum\tmary\r", kSummary},
		{"Summary:" + strings.Repeat(":", 100), kSummary},
		{strings.Repeat("x", longestHeadingKey+1), kNone},
	} {
		if got := headingKind(tc.line); got != tc.want {
			t.Errorf("headingKind(%q) = %v; want %v", tc.line, got, tc.want)
		}
	}
}

// TestIndexSep compares indexSep and countSeps with strings.Index and
// strings.Count on lines with slashes and spaces every which way.
func TestIndexSep(t *testing.T) {
	for _, s := range []string{
		"", "/", " / ", "a / b", "a/b / c", "a //  / b", " / / / ", "a /b/ c", "/ a /", "a  /  b", "a / ", " /",
		"I / O / Networks", "x/ / /y", "１ / ２", strings.Repeat("a / ", 50),
	} {
		if got, want := indexSep(s), strings.Index(s, " / "); got != want {
			t.Errorf("indexSep(%q) = %d; want %d", s, got, want)
		}
		if got, want := countSeps(s), strings.Count(s, " / "); got != want {
			t.Errorf("countSeps(%q) = %d; want %d", s, got, want)
		}
	}
}
