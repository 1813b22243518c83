package loader

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are inputs that once went wrong or sit at an edge of the
// format; FuzzParse starts from them and from the reference documents.
var fuzzSeeds = []string{
	"",
	"\uFEFF",
	" \t\r\n\r\n",
	"\xff\xfeT\x00i\x00",
	"Title\nreading\n\xc3(",
	"Title\x00\n",
	"Summary\nText.",
	"Title\nよみ\nCareer Path\n→ A → → B →\n",
	"Title\nよみ\nCareer Path\n・A・・B → (C · D → E)\n-> X ⇒ Y\n",
	"Title\r\nよみ\r\nRelated Jobs\r\n- A\r\nSalary\r\n- 3M\r\n",
	"Title\rよみ\rSummary\rText.\rNotes\rMore.\r",
	"Title\n\nよみ\n\nSummary\n\nText.\n\nWorking Hours\n\nLong.\n",
	"Ｔｉｔｌｅ\nＣａｒｅｅｒ Ｐａｔｈ：\nＡ → Ｂ\n",
	"T\nAptitudes (Strengths Preferred)\nItem Description\n| X | y |\n|---|\nX why\nWhatever this is\n",
	"T\nClassification\n- Major : A\n- Major : B\n- Level : C\nPlain\nOther\n",
	"T\nTags\nA / / B / \n#Tags:\n•\n- \n",
}

// countLines counts lines the way the format does: "\n", "\r\n" and a lone
// "\r" end a line; a final line end does not start another.
func countLines(data []byte) int {
	n := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\n':
			n++
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
			n++
		}
	}
	if len(data) > 0 && data[len(data)-1] != '\n' && data[len(data)-1] != '\r' {
		n++
	}
	return n
}

func FuzzParse(f *testing.F) {
	seeds, err := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	if err != nil || len(seeds) == 0 {
		f.Fatalf("no seed documents in ../seeds (err %v)", err)
	}
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "fuzz.txt"
		doc, problems, err := parseBytes(data, name)
		n := countLines(data)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse: error %T %v; want *ParseError", err, err)
			}
			if doc != nil || problems != nil {
				t.Errorf("Parse: error %v with a document or problems", err)
			}
			if pe.File != name || pe.Line < 0 || pe.Line > n {
				t.Errorf("Parse: error at %s:%d; want %s, line in 0..%d", pe.File, pe.Line, name, n)
			}
			return
		}
		if doc == nil {
			t.Fatal("Parse: nil document and nil error")
		}
		checkLine := func(what string, ln int) {
			t.Helper()
			if ln < 1 || ln > n {
				t.Errorf("%s at line %d; want 1..%d", what, ln, n)
			}
		}
		checkText := func(what, s string) {
			t.Helper()
			if s == "" || s != strings.TrimSpace(s) || !utf8.ValidString(s) {
				t.Errorf("%s %q: want non-empty, trimmed UTF-8", what, s)
			}
		}
		checkText("title", doc.Title)
		checkLine("title", doc.TitleLine)
		for _, list := range [][]Item{doc.RequiredSkills, doc.RecommendedSkills, doc.Qualifications, doc.Aliases, doc.Related} {
			for _, it := range list {
				checkText("item", it.Text)
				checkLine("item", it.Line)
			}
		}
		for _, list := range [][]string{doc.Traits, doc.WorkStyle, doc.Tags, doc.Keywords} {
			for _, s := range list {
				checkText("list item", s)
			}
		}
		for _, c := range doc.Career {
			checkLine("career path", c.Line)
			if len(c.Rungs) == 0 {
				t.Errorf("career path at line %d has no rungs", c.Line)
			}
			for _, r := range c.Rungs {
				if len(r) == 0 {
					t.Errorf("career path at line %d has an empty rung", c.Line)
				}
				for _, it := range r {
					checkText("rung", it.Text)
					checkLine("rung", it.Line)
				}
			}
		}
		for _, list := range [][]Aptitude{doc.Strengths, doc.Weaknesses} {
			for _, a := range list {
				checkText("aptitude item", a.Item)
				checkLine("aptitude", a.Line)
			}
		}
		for _, s := range doc.Extra {
			checkLine("extra section", s.Line)
		}
		for _, p := range problems {
			if p.File != name || p.Line < 0 || p.Line > n || p.Severity != Warning || p.Msg == "" {
				t.Errorf("problem %v: want a warning in %s at line 0..%d", p, name, n)
			}
		}
		doc2, problems2, err2 := parseBytes(data, name)
		if err2 != nil || !reflect.DeepEqual(doc, doc2) || !reflect.DeepEqual(problems, problems2) {
			t.Errorf("second Parse differs from the first")
		}
	})
}
