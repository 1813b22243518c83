package render

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"careergraph/graph"
	"careergraph/loader"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fixture is a graph and a selection of it to draw.
type fixture struct {
	name string
	g    *graph.Graph
	sel  graph.Selection
	opt  Options
}

// roleSpec is a role for build: documented when it has a classification
// or a reading.
type roleSpec struct {
	name, reading string
	class         []string
	documented    bool
}

// build returns a graph of the roles and moves given as "A > B" (career)
// and "A ~ B" (related), with rungs as lists of names, each move read at
// f.txt on its own line.
func build(t testing.TB, roles []roleSpec, moves []string, rungs ...[]string) *graph.Graph {
	t.Helper()
	var b graph.Builder
	h := map[string]int{}
	for _, r := range roles {
		role := graph.Role{Name: r.name, Reading: r.reading, Classification: r.class, Documented: r.documented}
		if r.documented {
			role.Docs = []string{graph.Slug(r.name) + ".txt"}
		}
		h[r.name] = b.AddRole(role)
	}
	for i, m := range moves {
		kind, sep := graph.Career, " > "
		if strings.Contains(m, " ~ ") {
			kind, sep = graph.Related, " ~ "
		}
		from, to, _ := strings.Cut(m, sep)
		fh, ok1 := h[from]
		th, ok2 := h[to]
		if !ok1 || !ok2 {
			t.Fatalf("build: move %q names an unknown role", m)
		}
		b.AddMove(fh, th, kind, graph.Source{File: "f.txt", Line: i + 1})
	}
	for _, rung := range rungs {
		var hs []int
		for _, n := range rung {
			hs = append(hs, h[n])
		}
		b.AddRung(hs...)
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// id returns the ID of the role named name.
func id(t testing.TB, g *graph.Graph, name string) string {
	t.Helper()
	for _, r := range g.Roles() {
		if r.Name == name {
			return r.ID
		}
	}
	t.Fatalf("no role %q", name)
	return ""
}

// selectAll hand-builds a selection of every role and move of g.
func selectAll(g *graph.Graph, kind, title string, focus ...string) graph.Selection {
	sel := graph.Selection{Kind: kind, Title: title, Focus: focus, Moves: g.Moves()}
	for _, r := range g.Roles() {
		sel.Roles = append(sel.Roles, r.ID)
	}
	return sel
}

// route returns the steps through the named roles, in travel order; a
// name prefixed "~" is reached by a related move, "~<" by one taken
// against its written direction.
func route(t testing.TB, g *graph.Graph, cost int, names ...string) graph.Route {
	t.Helper()
	r := graph.Route{Cost: float64(cost)}
	prev := id(t, g, names[0])
	for _, n := range names[1:] {
		s := graph.Step{From: prev, Kind: graph.Career}
		switch {
		case strings.HasPrefix(n, "~<"):
			s.Kind, s.Against, n = graph.Related, true, n[2:]
		case strings.HasPrefix(n, "~"):
			s.Kind, n = graph.Related, n[1:]
		}
		s.To = id(t, g, n)
		r.Steps = append(r.Steps, s)
		prev = s.To
	}
	return r
}

func ladderFixture(t testing.TB) fixture {
	g := build(t, []roleSpec{
		{name: "Clerk", reading: "じむいん", class: []string{"Office"}, documented: true},
		{name: "Section Chief"},
		{name: "Counsellor"},
		{name: "Division Director", reading: "ぶちょう", class: []string{"Office"}, documented: true},
		{name: "Director-General of the Secretariat (Each Ministry/Agency)"},
	}, []string{
		"Clerk > Section Chief", "Clerk > Counsellor",
		"Section Chief > Division Director", "Counsellor > Division Director",
		"Division Director > Director-General of the Secretariat (Each Ministry/Agency)",
	}, []string{"Section Chief", "Counsellor"})
	sel := selectAll(g, graph.SelectionLadder, `Career ladder of "Section Chief"`, id(t, g, "Section Chief"))
	return fixture{name: "ladder", g: g, sel: sel}
}

func pathFixture(t testing.TB) fixture {
	g := build(t, []roleSpec{
		{name: "Union secretary"},
		{name: "Deputy secretary general"},
		{name: "Organiser"},
		{name: "Labor union secretary general", reading: "ろうどうくみあいしょきちょう", class: []string{"Unions"}, documented: true},
		{name: "Labor union chairperson"},
		{name: "Labor union bureau chief"},
	}, []string{
		"Union secretary > Deputy secretary general",
		"Deputy secretary general > Labor union chairperson",
		"Union secretary > Organiser",
		"Organiser > Labor union chairperson",
		"Labor union secretary general ~ Union secretary",
		"Labor union secretary general > Labor union chairperson",
		"Labor union chairperson > Labor union bureau chief",
	})
	sel := selectAll(g, graph.SelectionPath, `From "Union secretary" to "Labor union chairperson"`,
		id(t, g, "Labor union chairperson"), id(t, g, "Union secretary"))
	sel.Roles = []string{}
	for _, r := range g.Roles() {
		if r.Name != "Labor union bureau chief" {
			sel.Roles = append(sel.Roles, r.ID)
		}
	}
	sel.Moves = nil
	for _, m := range g.Moves() {
		if m.To != id(t, g, "Labor union bureau chief") {
			sel.Moves = append(sel.Moves, m)
		}
	}
	sel.Routes = []graph.Route{
		route(t, g, 2, "Union secretary", "Deputy secretary general", "Labor union chairperson"),
		route(t, g, 2, "Union secretary", "Organiser", "Labor union chairperson"),
		route(t, g, 3, "Union secretary", "~<Labor union secretary general", "Labor union chairperson"),
	}
	return fixture{name: "path", g: g, sel: sel}
}

func aroundFixture(t testing.TB) fixture {
	g := build(t, []roleSpec{
		{name: "Section Chief"},
		{name: "Local Office Director (Local Public Bodies)", reading: "ちほうじむしょちょう", class: []string{"Public"}, documented: true},
		{name: "Branch Office Chief", reading: "ししょちょう", class: []string{"Public"}, documented: true},
		{name: "Assistant Section Chief"},
		{name: "Deliberative Official"},
	}, []string{
		"Assistant Section Chief > Section Chief",
		"Section Chief > Deliberative Official",
		"Local Office Director (Local Public Bodies) ~ Section Chief",
		"Branch Office Chief ~ Section Chief",
	})
	sel := selectAll(g, graph.SelectionAround, `Within 1 move of "Section Chief"`, id(t, g, "Section Chief"))
	return fixture{name: "around", g: g, sel: sel, opt: Options{Reading: true}}
}

func allFixture(t testing.TB) fixture {
	mgr := []string{"Managerial Occupations", "Other Managerial Occupations", "Administrative Public Officials"}
	execs := []string{"Managerial Occupations", "Corporate and Organizational Executives"}
	g := build(t, []roleSpec{
		{name: "Branch Office Chief", reading: "ししょちょう", class: mgr, documented: true},
		{name: "Local Office Director", reading: "ちほうじむしょちょう", class: mgr, documented: true},
		{name: "Party headquarters executive", reading: "せいとうほんぶやくいん", class: execs, documented: true},
		{name: "Labor union secretary general", reading: "ろうどうくみあいしょきちょう", class: execs, documented: true},
		{name: "Assistant Section Chief"},
		{name: "Section Chief"},
		{name: "Party headquarters staff"},
	}, []string{
		"Assistant Section Chief > Branch Office Chief",
		"Branch Office Chief > Section Chief",
		"Party headquarters staff > Party headquarters executive",
		"Local Office Director ~ Section Chief",
		"Labor union secretary general ~ Party headquarters executive",
	}, []string{"Branch Office Chief", "Local Office Director"})
	return fixture{name: "all", g: g, sel: selectAll(g, graph.SelectionAll, "All roles")}
}

// escapeFixture names roles with every character DOT, HTML and XML treat
// specially, and some they do not.
func escapeFixture(t testing.TB, reading bool) fixture {
	g := build(t, []roleSpec{
		{name: `Chief "Boss" O'Neil`, reading: `<かちょう> & "ぶちょう"`, class: []string{`R&D <lab>`}, documented: true},
		{name: `Back\slash \n not a break \N`},
		{name: "Sales & Marketing <Lead> → Manager / Director"},
		{name: "ちほうこうむいんさいようしけんごうかくしゃ（ぎょうせいしょく）"},
		{name: "Plain"},
	}, []string{
		`Chief "Boss" O'Neil > Back\slash \n not a break \N`,
		"Back\\slash \\n not a break \\N > Sales & Marketing <Lead> → Manager / Director",
		"Plain ~ ちほうこうむいんさいようしけんごうかくしゃ（ぎょうせいしょく）",
		`Plain > Chief "Boss" O'Neil`,
	})
	name, opt := "escape", Options{Direction: "LR"}
	if reading {
		name, opt.Reading = "escape-reading", true
	}
	sel := selectAll(g, graph.SelectionAll, `Names with "quotes", \backslashes, & <brackets> → arrows`, id(t, g, "Plain"))
	return fixture{name: name, g: g, sel: sel, opt: opt}
}

var (
	seedsOnce sync.Once
	seedsG    *graph.Graph
	seedsErr  error
)

// seedGraph loads the embedded seed documents once.
func seedGraph(t testing.TB) *graph.Graph {
	t.Helper()
	seedsOnce.Do(func() {
		c, err := loader.LoadSeeds()
		if err != nil {
			seedsErr = err
			return
		}
		seedsG = c.Graph
	})
	if seedsErr != nil {
		t.Fatal(seedsErr)
	}
	return seedsG
}

func resolve(t testing.TB, g *graph.Graph, name string) string {
	t.Helper()
	r, err := g.Resolve(name)
	if err != nil {
		t.Fatal(err)
	}
	return r.ID
}

func seedFixtures(t testing.TB) []fixture {
	g := seedGraph(t)
	ladder, err := g.SelectLadder(resolve(t, g, "Section Chief"), 0, false)
	if err != nil {
		t.Fatal(err)
	}
	path, err := g.SelectPath(resolve(t, g, "Union secretary"), resolve(t, g, "Labor union chairperson"), 3, graph.PathOptions{})
	if err != nil {
		t.Fatal(err)
	}
	around, err := g.SelectAround(resolve(t, g, "Section Chief"), 1)
	if err != nil {
		t.Fatal(err)
	}
	return []fixture{
		{name: "seeds-ladder", g: g, sel: ladder},
		{name: "seeds-path", g: g, sel: path},
		{name: "seeds-around", g: g, sel: around, opt: Options{Reading: true}},
		{name: "seeds-all", g: g, sel: g.SelectAll(), opt: Options{Reading: true}},
	}
}

func fixtures(t testing.TB) []fixture {
	fs := []fixture{
		ladderFixture(t), pathFixture(t), aroundFixture(t), allFixture(t),
		escapeFixture(t, false), escapeFixture(t, true),
	}
	return append(fs, seedFixtures(t)...)
}

func TestGoldenDOT(t *testing.T) {
	for _, f := range fixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := DOT(&buf, f.g, f.sel, f.opt); err != nil {
				t.Fatalf("DOT: %v", err)
			}
			file := filepath.Join("testdata", f.name+".golden")
			if *update {
				if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test ./graph/render -update to create it)", err)
			}
			if got := buf.String(); got != string(want) {
				t.Errorf("DOT(%s) differs from %s (run with -update and review the diff):\n%s", f.name, file, firstDiff(got, string(want)))
			}
		})
	}
}

// firstDiff shows the first line where got and want part.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}

func TestDOTDeterministic(t *testing.T) {
	for _, f := range fixtures(t) {
		var first string
		for i := range 20 {
			var buf bytes.Buffer
			if err := DOT(&buf, f.g, f.sel, f.opt); err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				first = buf.String()
			} else if buf.String() != first {
				t.Fatalf("DOT(%s) run %d differs from run 0", f.name, i)
			}
		}
	}
}

// needDot returns the path of the system Graphviz dot, or skips.
func needDot(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("install graphviz (apt-get install graphviz) to run this test")
	}
	return path
}

// TestGoldenThroughDot feeds every golden file to the real Graphviz: it
// must take it without a warning and draw one node per role.
func TestGoldenThroughDot(t *testing.T) {
	dot := needDot(t)
	for _, f := range fixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", f.name+".golden"))
			if err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(dot, "-Tsvg")
			cmd.Stdin = bytes.NewReader(src)
			var out, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("dot -Tsvg: %v: %s", err, stderr.String())
			}
			if stderr.Len() > 0 {
				// Graphviz draws a glyph no font has as a box wider than
				// the glyph, and then warns that the label does not fit.
				if _, left := coveredLines(t, []string{string(src)}, func(s string) string { return s }); left > 0 {
					t.Skipf("dot -Tsvg warned (%s), and no installed font has every character of %s: install %s (apt-get install %s) to run this test",
						strings.TrimSpace(stderr.String()), f.name, FontPackage, FontPackage)
				}
				t.Errorf("dot -Tsvg warned: %s", stderr.String())
			}
			checkPicture(t, f, parseSVG(t, out.Bytes()))
		})
	}
}
