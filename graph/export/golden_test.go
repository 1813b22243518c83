package export_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"careergraph/graph"
	"careergraph/graph/export"
)

var update = flag.Bool("update", false, "rewrite golden files")

// corpusRole is one role of the test corpus, with a handle name for moves.
type corpusRole struct {
	key  string
	role graph.Role
}

// testCorpus returns a small graph whose names hold what breaks careless
// exports: spaces, both quotes, &, <, >, parentheses, →, /, backslashes
// (one trailing), #, ;, a backtick, kana and kanji; and both a career and
// a related move between the same two roles.
func testCorpus(t testing.TB) *graph.Graph {
	t.Helper()
	roles := []corpusRole{
		{"chief", graph.Role{Name: `Chief "Big" Officer`, Documented: true, Reading: "チーフ・ビッグ・オフィサー",
			Names: []string{"CBO", `Chief "Big" Officer`}, Docs: []string{"docs/a b.txt"}}},
		{"obrien", graph.Role{Name: "O'Brien & Sons <Lead>", Names: []string{"O'Brien & Sons <Lead>"}}},
		{"section", graph.Role{Name: "Section Chief (Main Office)", Names: []string{"Section Chief (Main Office)"}}},
		{"arrow", graph.Role{Name: "Engineer → Manager", Names: []string{"Engineer → Manager"}}},
		{"slash", graph.Role{Name: "Sales/Marketing Lead", Names: []string{"Sales/Marketing Lead", "Sales; Marketing"}}},
		{"backslash", graph.Role{Name: `Back\slash\`, Names: []string{`Back\slash\`}}},
		{"kacho", graph.Role{Name: "課長 (かちょう)", Documented: true, Reading: "かちょう",
			Names: []string{"課長", "課長 (かちょう)"}, Docs: []string{"docs/kacho.txt", "docs/more.md"}}},
		{"fan", graph.Role{Name: "Fan #1; the `best`", Names: []string{"Fan #1; the `best`"}}},
		{"e0", graph.Role{Name: "E0", Names: []string{"E0"}}},
		{"alone", graph.Role{Name: "Lone Role", Names: []string{"Lone Role"}}},
	}
	var b graph.Builder
	h := map[string]int{}
	for _, r := range roles {
		h[r.key] = b.AddRole(r.role)
	}
	src := func(file string, line int) graph.Source { return graph.Source{File: file, Line: line} }
	b.AddMove(h["chief"], h["kacho"], graph.Career, src("docs/a b.txt", 12))
	b.AddMove(h["chief"], h["kacho"], graph.Related, src("docs/a b.txt", 30))
	b.AddMove(h["obrien"], h["chief"], graph.Career, src("docs/kacho.txt", 9), src("docs/a b.txt", 12))
	b.AddMove(h["section"], h["chief"], graph.Career, src("docs/a b.txt", 12))
	b.AddMove(h["arrow"], h["section"], graph.Career, src("docs/a b.txt", 12))
	b.AddMove(h["slash"], h["arrow"], graph.Related, src("docs/kacho.txt", 20))
	b.AddMove(h["backslash"], h["slash"], graph.Career, src(`docs\win;dows.txt`, 4))
	b.AddMove(h["fan"], h["kacho"], graph.Related, src("docs/kacho.txt", 21))
	b.AddMove(h["e0"], h["chief"], graph.Career, src("docs/a b.txt", 13))
	b.AddMove(h["kacho"], h["obrien"], graph.Career, src("docs/more.md", 2))
	g, err := b.Build()
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return g
}

// emptyGraph returns a graph with no roles and no moves.
func emptyGraph(t testing.TB) *graph.Graph {
	t.Helper()
	var b graph.Builder
	g, err := b.Build()
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return g
}

// checkGolden compares got with testdata/name, or rewrites the file under
// -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./graph/export -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: output differs from the golden file (-want +got); if the change is right, run go test ./graph/export -update and review the diff:\n%s",
			path, cmp.Diff(string(want), string(got)))
	}
}

// writeFormat returns what format f writes for g: the stream, or for a
// directory format the files it writes, each preceded by a "== name =="
// line.
func writeFormat(t *testing.T, f export.Format, g *graph.Graph) []byte {
	t.Helper()
	var buf bytes.Buffer
	if f.IsDir() {
		dir := t.TempDir()
		if err := f.Dir(createIn(dir), g); err != nil {
			t.Fatalf("%s: Dir: %v", f.Name, err)
		}
		for _, name := range []string{export.RolesFile, export.MovesFile} {
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			buf.WriteString("== " + name + " ==\n")
			buf.Write(b)
		}
		return buf.Bytes()
	}
	if err := f.Write(&buf, g); err != nil {
		t.Fatalf("%s: Write: %v", f.Name, err)
	}
	return buf.Bytes()
}

// goldenName returns the golden file name for a format's output on a
// fixture.
func goldenName(fixture string, f export.Format) string {
	if f.IsDir() {
		return fixture + "." + f.Name + ".txt"
	}
	return fixture + f.Ext
}

func TestGoldenCorpus(t *testing.T) {
	g := testCorpus(t)
	for _, f := range export.Formats() {
		t.Run(f.Name, func(t *testing.T) {
			checkGolden(t, goldenName("corpus", f), writeFormat(t, f, g))
		})
	}
	t.Run("gexf-1.2draft", func(t *testing.T) {
		var buf bytes.Buffer
		if err := export.WriteGEXF(&buf, g, "1.2draft"); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, "corpus-1.2draft.gexf", buf.Bytes())
	})
}

func TestGoldenEmpty(t *testing.T) {
	g := emptyGraph(t)
	for _, f := range export.Formats() {
		t.Run(f.Name, func(t *testing.T) {
			checkGolden(t, goldenName("empty", f), writeFormat(t, f, g))
		})
	}
}
