package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"careergraph/graph"
	"careergraph/graph/export"
)

func TestLookup(t *testing.T) {
	for _, f := range export.Formats() {
		got, err := export.Lookup(f.Name)
		if err != nil || got.Name != f.Name {
			t.Errorf("Lookup(%q) = %q, %v; want the format", f.Name, got.Name, err)
		}
	}
	_, err := export.Lookup("svg")
	want := `unknown format "svg" (known: csv, cypher, cytoscape, dot, gexf, graphml, json, mermaid)`
	if err == nil || err.Error() != want {
		t.Errorf("Lookup(%q) error = %v; want %s", "svg", err, want)
	}
	var unknown *export.UnknownFormatError
	if !errors.As(err, &unknown) || unknown.Name != "svg" || len(unknown.Known) != len(export.Formats()) {
		t.Errorf("Lookup(%q) error = %#v; want an *UnknownFormatError", "svg", err)
	}
}

func TestFormats(t *testing.T) {
	fs := export.Formats()
	if !slices.IsSortedFunc(fs, func(a, b export.Format) int { return strings.Compare(a.Name, b.Name) }) {
		t.Errorf("Formats() not sorted by name")
	}
	for _, f := range fs {
		if (f.Write == nil) == (f.Dir == nil) {
			t.Errorf("format %s: want exactly one of Write and Dir", f.Name)
		}
		if f.IsDir() != (f.Name == "csv") {
			t.Errorf("format %s: IsDir() = %v", f.Name, f.IsDir())
		}
		if !f.IsDir() && !strings.HasPrefix(f.Ext, ".") {
			t.Errorf("format %s: Ext %q does not start with a dot", f.Name, f.Ext)
		}
		if f.Description == "" {
			t.Errorf("format %s: no description", f.Name)
		}
	}
	fs[0].Name = "changed"
	if export.Formats()[0].Name == "changed" {
		t.Errorf("Formats() returns the registry itself, not a copy")
	}
}

// reversedCorpus is the test corpus built by adding roles and moves in
// the opposite order.
func reversedCorpus(t *testing.T) *graph.Graph {
	t.Helper()
	g := testCorpus(t)
	var b graph.Builder
	roles := g.Roles()
	h := map[string]int{}
	for i := len(roles) - 1; i >= 0; i-- {
		h[roles[i].ID] = b.AddRole(roles[i])
	}
	moves := g.Moves()
	for i := len(moves) - 1; i >= 0; i-- {
		m := moves[i]
		src := slices.Clone(m.Sources)
		slices.Reverse(src)
		b.AddMove(h[m.From], h[m.To], m.Kind, src...)
	}
	r, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestDeterministic(t *testing.T) {
	g, rev := testCorpus(t), reversedCorpus(t)
	for _, f := range export.Formats() {
		first := writeFormat(t, f, g)
		for i := range 20 {
			if got := writeFormat(t, f, g); !bytes.Equal(got, first) {
				t.Fatalf("%s: run %d differs from the first", f.Name, i+2)
			}
		}
		if got := writeFormat(t, f, rev); !bytes.Equal(got, first) {
			t.Errorf("%s: output depends on the order roles and moves were added", f.Name)
		}
	}
}

func TestDOTNotStrict(t *testing.T) {
	out := string(exportBytes(t, "dot", testCorpus(t)))
	if !strings.HasPrefix(out, `digraph "careergraph" {`) {
		t.Errorf("DOT starts %q; want a digraph that is not strict", out[:min(len(out), 40)])
	}
	// Every statement's ids are quoted synthetic ids.
	stmt := regexp.MustCompile(`^\t"n\d+"( -> "n\d+")? \[.*\];$`)
	for _, line := range strings.Split(strings.TrimSuffix(out, "}\n"), "\n")[2:] {
		if line != "" && !stmt.MatchString(line) {
			t.Errorf("DOT statement %q: want a quoted synthetic id and attributes", line)
		}
	}
}

func TestWriteGEXFUnknownVersion(t *testing.T) {
	var buf bytes.Buffer
	err := export.WriteGEXF(&buf, testCorpus(t), "1.1")
	want := `unknown GEXF version "1.1" (known: 1.3, 1.2draft)`
	if err == nil || err.Error() != want {
		t.Errorf("WriteGEXF(1.1) error = %v; want %s", err, want)
	}
	if buf.Len() != 0 {
		t.Errorf("WriteGEXF(1.1) wrote %d bytes; want none", buf.Len())
	}
	if got := export.GEXFVersions(); !slices.Equal(got, []string{"1.3", "1.2draft"}) || got[0] != export.DefaultGEXFVersion {
		t.Errorf("GEXFVersions() = %q; want 1.3 (the default) then 1.2draft", got)
	}
}

// gexfCheck is what TestGEXF reads of a GEXF document.
type gexfCheck struct {
	XMLName xml.Name
	Version string `xml:"version,attr"`
	Graph   struct {
		DefaultEdgeType string `xml:"defaultedgetype,attr"`
		Attributes      []struct {
			Class     string `xml:"class,attr"`
			Attribute []struct {
				ID string `xml:"id,attr"`
			} `xml:"attribute"`
		} `xml:"attributes"`
		Nodes struct {
			Node []struct {
				Values []struct {
					For string `xml:"for,attr"`
				} `xml:"attvalues>attvalue"`
			} `xml:"node"`
		} `xml:"nodes"`
		Edges *struct {
			Edge []struct {
				ID     string `xml:"id,attr"`
				Kind   string `xml:"kind,attr"`
				Label  string `xml:"label,attr"`
				Values []struct {
					For string `xml:"for,attr"`
				} `xml:"attvalues>attvalue"`
			} `xml:"edge"`
		} `xml:"edges"`
	} `xml:"graph"`
}

func TestGEXF(t *testing.T) {
	for _, c := range []struct{ version, namespace, attr string }{
		{"1.3", "http://gexf.net/1.3", "1.3"},
		{"1.2draft", "http://www.gexf.net/1.2draft", "1.2"},
	} {
		for _, g := range []*graph.Graph{testCorpus(t), emptyGraph(t)} {
			var buf bytes.Buffer
			if err := export.WriteGEXF(&buf, g, c.version); err != nil {
				t.Fatal(err)
			}
			var doc gexfCheck
			if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			if doc.XMLName.Space != c.namespace || doc.Version != c.attr {
				t.Errorf("GEXF %s: namespace %q version %q; want %q %q", c.version, doc.XMLName.Space, doc.Version, c.namespace, c.attr)
			}
			if doc.Graph.DefaultEdgeType != "directed" {
				t.Errorf("GEXF %s: defaultedgetype %q", c.version, doc.Graph.DefaultEdgeType)
			}
			if doc.Graph.Edges == nil {
				t.Fatalf("GEXF %s of %d moves: no <edges>", c.version, len(g.Moves()))
			}
			declared := map[string]bool{}
			for _, a := range doc.Graph.Attributes {
				for _, at := range a.Attribute {
					declared[a.Class+" "+at.ID] = true
				}
			}
			for _, n := range doc.Graph.Nodes.Node {
				for _, v := range n.Values {
					if !declared["node "+v.For] {
						t.Errorf("GEXF %s: node attvalue for %q is not declared", c.version, v.For)
					}
				}
			}
			ids := map[string]bool{}
			for i, e := range doc.Graph.Edges.Edge {
				if ids[e.ID] {
					t.Errorf("GEXF %s: edge id %q twice", c.version, e.ID)
				}
				ids[e.ID] = true
				wantKind := ""
				if c.version == "1.3" {
					wantKind = g.Moves()[i].Kind.String()
				}
				if e.Kind != wantKind || e.Label != g.Moves()[i].Kind.String() {
					t.Errorf("GEXF %s: edge %s kind %q label %q", c.version, e.ID, e.Kind, e.Label)
				}
				for _, v := range e.Values {
					if !declared["edge "+v.For] {
						t.Errorf("GEXF %s: edge attvalue for %q is not declared", c.version, v.For)
					}
				}
			}
		}
	}
}

func TestJSONContract(t *testing.T) {
	out := exportBytes(t, "json", testCorpus(t))
	if !bytes.HasSuffix(out, []byte("}\n")) || !bytes.HasPrefix(out, []byte("{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": {},\n")) {
		t.Errorf("JSON does not start with directed, multigraph, graph in that order, two-space indented, or lacks the final newline")
	}
	var doc struct {
		Nodes []map[string]any `json:"nodes"`
		Links []map[string]any `json:"links"`
		Edges []map[string]any `json:"edges"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	nodeKeys := []string{"classification", "documented", "id", "keywords", "label", "names", "qualifications", "reading",
		"recommended_skills", "required_skills", "source_docs", "strengths", "summary", "tags", "traits", "weaknesses"}
	for _, n := range doc.Nodes {
		if keys := sortedKeys(n); !slices.Equal(keys, nodeKeys) {
			t.Errorf("node keys %q; want %q", keys, nodeKeys)
		}
	}
	linkKeys := []string{"cost", "key", "kind", "source", "source_docs", "target"}
	for _, l := range doc.Links {
		if keys := sortedKeys(l); !slices.Equal(keys, linkKeys) {
			t.Errorf("link keys %q; want %q", keys, linkKeys)
		}
		if _, ok := l["source_docs"].([]any); !ok {
			t.Errorf("link source_docs = %v; want an array", l["source_docs"])
		}
	}
	if fmt.Sprint(doc.Links) != fmt.Sprint(doc.Edges) {
		t.Errorf("links and edges differ")
	}
	if len(doc.Nodes) != 10 || len(doc.Links) != 10 {
		t.Errorf("%d nodes, %d links; want 10 and 10", len(doc.Nodes), len(doc.Links))
	}
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func TestCytoscapeUniqueIDs(t *testing.T) {
	// A role whose ID is exactly what the edge a→b would be called.
	var b graph.Builder
	a := b.AddRole(graph.Role{ID: "a", Name: "A"})
	bb := b.AddRole(graph.Role{ID: "b", Name: "B"})
	b.AddRole(graph.Role{ID: "a->b:career", Name: "Trap"})
	b.AddMove(a, bb, graph.Career)
	b.AddMove(a, bb, graph.Related)
	trap, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range []*graph.Graph{testCorpus(t), trap} {
		var doc struct {
			Elements struct {
				Nodes, Edges []struct {
					Data map[string]any `json:"data"`
				}
			} `json:"elements"`
		}
		if err := json.Unmarshal(exportBytes(t, "cytoscape", g), &doc); err != nil {
			t.Fatal(err)
		}
		seen := map[any]bool{}
		for _, el := range append(doc.Elements.Nodes, doc.Elements.Edges...) {
			id := el.Data["id"]
			if id == "" || seen[id] {
				t.Errorf("cytoscape id %q empty or not unique", id)
			}
			seen[id] = true
		}
		if len(doc.Elements.Nodes) != len(g.Roles()) || len(doc.Elements.Edges) != len(g.Moves()) {
			t.Errorf("cytoscape: %d nodes, %d edges; want %d, %d", len(doc.Elements.Nodes), len(doc.Elements.Edges), len(g.Roles()), len(g.Moves()))
		}
		for _, e := range doc.Elements.Edges {
			if _, ok := g.Role(fmt.Sprint(e.Data["source"])); !ok {
				t.Errorf("cytoscape edge source %v is not a role", e.Data["source"])
			}
		}
	}
}

func TestCSVReadBack(t *testing.T) {
	for _, fx := range fixtures(t) {
		t.Run(fx.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := export.WriteCSV(createIn(dir), fx.g); err != nil {
				t.Fatal(err)
			}
			roles := readCSV(t, filepath.Join(dir, export.RolesFile))
			moves := readCSV(t, filepath.Join(dir, export.MovesFile))
			wantRoles := []string{"id:ID(Role)", "name", "documented:boolean", "reading", "names:string[]", "docs:string[]", ":LABEL",
				"level:int", "code", "description", "classification:string[]", "summary", "required_skills:string[]", "recommended_skills:string[]", "qualifications:string[]",
				"strengths:string[]", "weaknesses:string[]", "traits:string[]", "tags:string[]", "keywords:string[]"}
			wantMoves := []string{":START_ID(Role)", ":END_ID(Role)", ":TYPE", "cost:double", "basis", "tier", "index:int",
				"similarity:double", "note", "sources:string[]"}
			if !slices.Equal(roles[0], wantRoles) || !slices.Equal(moves[0], wantMoves) {
				t.Fatalf("headers %q, %q; want %q, %q", roles[0], moves[0], wantRoles, wantMoves)
			}
			if len(roles)-1 != fx.roles {
				t.Errorf("roles.csv has %d roles; want %d", len(roles)-1, fx.roles)
			}
			types := map[string]int{}
			for i, row := range moves[1:] {
				types[row[2]]++
				if m := fx.g.Moves()[i]; row[3] != strconv.FormatFloat(m.Cost(), 'g', -1, 64) {
					t.Errorf("moves.csv row %d cost = %q; want %v", i+1, row[3], m.Cost())
				}
			}
			if types["CAREER_STEP"] != fx.career || types["RELATED_TO"] != fx.related || len(moves)-1 != fx.career+fx.related {
				t.Errorf("moves.csv types %v; want %d CAREER_STEP and %d RELATED_TO", types, fx.career, fx.related)
			}
			for i, r := range fx.g.Roles() {
				row := roles[i+1]
				label := "Role"
				if r.Documented {
					label = "Role;Documented"
				}
				var names []string
				for _, n := range r.Names {
					names = append(names, strings.ReplaceAll(n, ";", "；"))
				}
				want := []string{r.ID, r.Name, fmt.Sprint(r.Documented), r.Reading, strings.Join(names, ";"), strings.Join(r.Docs, ";"), label}
				if !slices.Equal(row[:len(want)], want) {
					t.Errorf("roles.csv row %d = %q; want %q", i+1, row, want)
				}
				var skills string
				if r.Profile != nil {
					skills = strings.Join(r.Profile.RequiredSkills, ";")
				}
				if got := row[len(want)+5]; got != skills {
					t.Errorf("roles.csv row %d required_skills = %q; want %q", i+1, got, skills)
				}
			}
		})
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

func TestCypherStatements(t *testing.T) {
	for _, fx := range fixtures(t) {
		out := string(exportBytes(t, "cypher", fx.g))
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		var constraint, roles, moves int
		for _, line := range lines {
			switch {
			case strings.HasPrefix(line, "//"):
				continue
			case !strings.HasSuffix(line, ";"):
				t.Errorf("%s: statement does not end in ';': %s", fx.name, line)
			case strings.HasPrefix(line, "CREATE CONSTRAINT role_id IF NOT EXISTS FOR (r:Role) REQUIRE r.id IS UNIQUE;"):
				if roles+moves > 0 {
					t.Errorf("%s: the constraint comes after a MERGE", fx.name)
				}
				constraint++
			case strings.HasPrefix(line, "MERGE (r:Role {id: '"):
				roles++
			case strings.HasPrefix(line, "MATCH (a:Role {id: '"):
				if !regexp.MustCompile(`\) MERGE \(a\)-\[m:(CAREER_STEP|RELATED_TO)\]->\(b\) SET m\.cost = [0-9.]+, .*, m\.sources = `).MatchString(line) {
					t.Errorf("%s: move statement is not MATCH … MERGE: %s", fx.name, line)
				}
				moves++
			default:
				t.Errorf("%s: statement neither constraint nor MERGE: %s", fx.name, line)
			}
		}
		if strings.Contains(out, "CREATE (") || strings.Contains(out, "CREATE ()") {
			t.Errorf("%s: Cypher creates with CREATE; running it twice would duplicate", fx.name)
		}
		if constraint != 1 || roles != fx.roles || moves != fx.career+fx.related {
			t.Errorf("%s: %d constraints, %d role MERGEs, %d move MERGEs; want 1, %d, %d",
				fx.name, constraint, roles, moves, fx.roles, fx.career+fx.related)
		}
	}
}

// mermaidDecode undoes WriteMermaid's label escaping as Mermaid does.
var mermaidDecode = strings.NewReplacer("#quot;", `"`, "#lt;", "<", "#gt;", ">", "#amp;", "&", "#35;", "#", "#96;", "`")

func TestMermaidSanity(t *testing.T) {
	node := regexp.MustCompile(`^    (n\d+)\["([^"<>&]*)"\]:::(documented|mentioned)$`)
	link := regexp.MustCompile(`^    (n\d+) (-->|-\.-) (n\d+)$`)
	for _, fx := range fixtures(t) {
		out := string(exportBytes(t, "mermaid", fx.g))
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if lines[0] != "flowchart BT" {
			t.Errorf("%s: first line %q; want flowchart BT", fx.name, lines[0])
		}
		labels := map[string]string{}
		classes := map[string]bool{}
		var career, related int
		for _, line := range lines[1:] {
			if m := node.FindStringSubmatch(line); m != nil {
				labels[m[1]] = mermaidDecode.Replace(m[2])
				classes[m[1]] = m[3] == "documented"
				continue
			}
			if m := link.FindStringSubmatch(line); m != nil {
				if _, ok := labels[m[1]]; !ok {
					t.Errorf("%s: link %q uses an undeclared node", fx.name, line)
				}
				if _, ok := labels[m[3]]; !ok {
					t.Errorf("%s: link %q uses an undeclared node", fx.name, line)
				}
				if m[2] == "-->" {
					career++
				} else {
					related++
				}
				continue
			}
			if !strings.HasPrefix(line, "    classDef ") {
				t.Errorf("%s: unexpected line %q", fx.name, line)
			}
		}
		for i, r := range fx.g.Roles() {
			id := fmt.Sprintf("n%d", i)
			if labels[id] != r.Name || classes[id] != r.Documented {
				t.Errorf("%s: node %s reads back as %q (documented %v); want %q (%v)", fx.name, id, labels[id], classes[id], r.Name, r.Documented)
			}
		}
		if len(labels) != fx.roles || career != fx.career || related != fx.related {
			t.Errorf("%s: %d nodes, %d career, %d related; want %d, %d, %d", fx.name, len(labels), career, related, fx.roles, fx.career, fx.related)
		}
	}
}

// chain returns a graph of n career moves in a row, role names padded to
// width characters.
func chain(t *testing.T, n, width int) *graph.Graph {
	t.Helper()
	var b graph.Builder
	prev := b.AddRole(graph.Role{Name: fmt.Sprintf("%-*s", width, "role 0") + "!"})
	for i := 1; i <= n; i++ {
		r := b.AddRole(graph.Role{Name: fmt.Sprintf("%-*s", width, fmt.Sprintf("role %d", i)) + "!"})
		b.AddMove(prev, r, graph.Career)
		prev = r
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestMermaidTooLarge(t *testing.T) {
	var buf bytes.Buffer
	if err := export.WriteMermaid(&buf, chain(t, 500, 1)); err != nil {
		t.Errorf("WriteMermaid(500 moves) = %v; want no error", err)
	}
	for _, c := range []struct {
		g    *graph.Graph
		want string
	}{
		{chain(t, 501, 1), "mermaid draws at most 500 moves; this graph has 501"},
		{chain(t, 10, 6000), "mermaid reads at most 50000 characters; this graph has 66561"},
	} {
		buf.Reset()
		err := export.WriteMermaid(&buf, c.g)
		if !errors.Is(err, export.ErrTooLarge) {
			t.Errorf("WriteMermaid error = %v; want ErrTooLarge", err)
		}
		var tl *export.TooLargeError
		if !errors.As(err, &tl) || err.Error() != c.want {
			t.Errorf("WriteMermaid error = %v; want %s", err, c.want)
		}
		if buf.Len() != 0 {
			t.Errorf("WriteMermaid wrote %d bytes with an error; want none", buf.Len())
		}
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	g := testCorpus(t)
	for _, f := range export.Formats() {
		if f.IsDir() {
			continue
		}
		if err := f.Write(failWriter{}, g); err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("%s to a failing writer: error %v; want disk full", f.Name, err)
		}
	}
	// CSV: an error of create, of writing and of closing each reaches
	// the caller, naming the file, and every writer made is closed.
	tests := []struct {
		name               string
		failCreate         string // the file create fails for
		failWrite, failEnd bool
		want               string
	}{
		{"create roles", export.RolesFile, false, false, "no space"},
		{"create moves", export.MovesFile, false, false, "no space"},
		{"write", "", true, false, "roles.csv: disk full"},
		{"close", "", false, true, "roles.csv: close failed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var made, closed int
			create := func(name string) (io.WriteCloser, error) {
				if name == tt.failCreate {
					return nil, errors.New("no space")
				}
				made++
				return &testFile{failWrite: tt.failWrite, failClose: tt.failEnd, closed: &closed}, nil
			}
			err := export.WriteCSV(create, g)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v; want %q", err, tt.want)
			}
			if closed != made {
				t.Errorf("%d writers made, %d closed", made, closed)
			}
		})
	}
}

// testFile is a writer for WriteCSV that fails where told and counts
// its closes.
type testFile struct {
	failWrite, failClose bool
	closed               *int
}

func (f *testFile) Write(p []byte) (int, error) {
	if f.failWrite {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func (f *testFile) Close() error {
	*f.closed++
	if f.failClose {
		return errors.New("close failed")
	}
	return nil
}

// createIn returns a CreateFunc that creates files in dir.
func createIn(dir string) export.CreateFunc {
	return func(name string) (io.WriteCloser, error) { return os.Create(filepath.Join(dir, name)) }
}

// TestCSVInjection: a field a spreadsheet would run as a formula gets a
// "'" before it (OWASP); ids, numbers and ordinary names are kept, and
// every move's ends are still ids of roles.csv.
func TestCSVInjection(t *testing.T) {
	dir := t.TempDir()
	g := hostileGraph(t)
	if err := export.WriteCSV(createIn(dir), g); err != nil {
		t.Fatal(err)
	}
	roles := readCSV(t, filepath.Join(dir, export.RolesFile))
	moves := readCSV(t, filepath.Join(dir, export.MovesFile))
	ids := map[string]bool{}
	for _, row := range roles[1:] {
		ids[row[0]] = true
		for col, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("roles.csv %q column %d = %q: a spreadsheet runs it", row[0], col, cell)
			}
		}
	}
	for _, row := range moves[1:] {
		if !ids[row[0]] || !ids[row[1]] {
			t.Errorf("moves.csv %q: an end is not an id of roles.csv", row)
		}
	}
	names := map[string]bool{}
	for _, row := range roles[1:] {
		names[row[1]] = true
	}
	for _, want := range []string{"'=cmd|' /C calc'!A0", "'+1 Lead", "'-Deputy", "'@Head", "'\tTabbed", "'\rReturned", "Vertical\vtab"} {
		if !names[want] {
			t.Errorf("roles.csv has no name %q; has %q", want, slices.Sorted(maps.Keys(names)))
		}
	}
}

// countWriter counts the writes it is given and fails once it has taken
// failAfter bytes (never when failAfter is 0).
type countWriter struct {
	writes, n, failAfter int
}

func (w *countWriter) Write(p []byte) (int, error) {
	if w.failAfter > 0 && w.n+len(p) > w.failAfter {
		return 0, errors.New("disk full")
	}
	w.writes++
	w.n += len(p)
	return len(p), nil
}

// TestWritesInBlocks writes a graph of 3,000 moves in every stream format
// but Mermaid (which refuses it): each hands its writer large blocks, not
// a write per role or move, and an export that fails half-way (a disk
// that fills) stops with the writer's error.
func TestWritesInBlocks(t *testing.T) {
	g := chain(t, 3000, 20)
	for _, f := range export.Formats() {
		if f.IsDir() || f.Name == "mermaid" {
			continue
		}
		w := &countWriter{}
		if err := f.Write(w, g); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if most := w.n/4096 + 2; w.writes > most {
			t.Errorf("%s: %d writes for %d bytes; want at most %d, in blocks", f.Name, w.writes, w.n, most)
		}
		half := &countWriter{failAfter: w.n / 2}
		if err := f.Write(half, g); err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("%s to a disk that fills half-way: error %v; want disk full", f.Name, err)
		}
	}
}
