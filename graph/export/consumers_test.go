package export_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"careergraph/graph"
	"careergraph/graph/export"
	"careergraph/loader"
)

// These tests feed exports to the tools users open them with. Each skips,
// naming the Debian package to install, where its tool is absent; CI
// installs them all.

// systemPython is Debian's interpreter, which sees python3-networkx; a
// python3 earlier on PATH (pyenv, a virtualenv) may not.
const systemPython = "/usr/bin/python3"

// needTool returns the path of a command, or skips the test.
func needTool(t *testing.T, name, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not found: install %s to run this test", name, pkg)
	}
	return path
}

// needNetworkX skips the test unless Debian's python3 imports networkx.
func needNetworkX(t *testing.T) {
	t.Helper()
	if err := exec.Command(systemPython, "-c", "import networkx").Run(); err != nil {
		t.Skipf("%s cannot import networkx: install python3-networkx to run this test", systemPython)
	}
}

// schemasDir returns the folder of the GraphML and GEXF schemas:
// $CAREERGRAPH_SCHEMAS, or shared/schemas beside the repository's
// folder; or skips the test, saying how to get them.
func schemasDir(t *testing.T) string {
	t.Helper()
	schemas := os.Getenv("CAREERGRAPH_SCHEMAS")
	if schemas == "" {
		dir, err := os.Getwd()
		if err != nil {
			t.Fatal(err)
		}
		for {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				break
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				t.Skip("module root (go.mod) not found: set CAREERGRAPH_SCHEMAS to the folder of the GraphML and GEXF schemas to run this test")
			}
			dir = parent
		}
		schemas = filepath.Join(dir, "..", "shared", "schemas")
	}
	if _, err := os.Stat(filepath.Join(schemas, "graphml", "graphml.xsd")); err != nil {
		t.Skipf("XML schemas not found at %s: set CAREERGRAPH_SCHEMAS to a folder holding graphml/graphml.xsd and gexf/specs/{1.2draft,1.3}/gexf.{xsd,rng} (the schemas from graphml.graphdrawing.org and gexf.net) to run this test", schemas)
	}
	return schemas
}

// run runs a command and returns its standard output, failing the test
// with its standard error when it fails.
func run(t *testing.T, name string, args ...string) []byte {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return stdout.Bytes()
}

// writeTemp writes data to a file named name in a fresh temporary
// directory and returns its path.
func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// fixture is a graph to export, with the counts its exports must show.
type fixture struct {
	name                   string
	g                      *graph.Graph
	roles, career, related int
}

// fixtures returns the test corpus and the empty graph, with counts taken
// from the graphs themselves, and the seeds with the counts the core
// issue fixes.
func fixtures(t *testing.T) []fixture {
	t.Helper()
	var out []fixture
	for _, f := range []struct {
		name string
		g    *graph.Graph
	}{{"corpus", testCorpus(t)}, {"empty", emptyGraph(t)}} {
		c, r := countKinds(f.g)
		out = append(out, fixture{f.name, f.g, len(f.g.Roles()), c, r})
	}
	out = append(out, seedFixtures(t)...)
	g := importedGraph(t)
	c, r := countKinds(g)
	return append(out, fixture{"imported", g, len(g.Roles()), c, r})
}

// importedGraph loads the loader's small O*NET release with a moves
// sheet and a pathway table beside it: roles with levels and codes,
// moves with their own costs, tiers, indexes, similarities and notes.
func importedGraph(t *testing.T) *graph.Graph {
	t.Helper()
	dir := filepath.Join("..", "..", "loader", "source", "testdata")
	c, err := loader.Load(loader.Options{Paths: []string{
		filepath.Join(dir, "onet"), filepath.Join(dir, "files", "moves.csv"), filepath.Join(dir, "files", "pathways.csv"),
	}})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return c.Graph
}

func countKinds(g *graph.Graph) (career, related int) {
	for _, m := range g.Moves() {
		if m.Kind == graph.Career {
			career++
		} else {
			related++
		}
	}
	return career, related
}

// export runs one registered stream format.
func exportBytes(t *testing.T, format string, g *graph.Graph) []byte {
	t.Helper()
	f, err := export.Lookup(format)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf, g); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

func TestXMLSchemas(t *testing.T) {
	xmllint := needTool(t, "xmllint", "libxml2-utils")
	schemas := schemasDir(t)
	gexf13 := filepath.Join(schemas, "gexf", "specs", "1.3", "gexf.xsd")
	gexf12 := filepath.Join(schemas, "gexf", "specs", "1.2draft", "gexf.xsd")
	graphml := filepath.Join(schemas, "graphml", "graphml.xsd")
	gexf13rng := filepath.Join(schemas, "gexf", "specs", "1.3", "gexf.rng")
	gexf12rng := filepath.Join(schemas, "gexf", "specs", "1.2draft", "gexf.rng")
	// validate checks data against a W3C XML Schema and, where given, the
	// RELAX NG schema too (GEXF's normative one, stricter than its XSD).
	validate := func(t *testing.T, xsd, rng, name string, data []byte) {
		t.Helper()
		path := writeTemp(t, name, data)
		run(t, xmllint, "--noout", "--nonet", "--schema", xsd, path)
		if rng != "" {
			run(t, xmllint, "--noout", "--nonet", "--relaxng", rng, path)
		}
	}
	for _, fx := range fixtures(t) {
		t.Run(fx.name, func(t *testing.T) {
			validate(t, graphml, "", "g.graphml", exportBytes(t, "graphml", fx.g))
			validate(t, gexf13, gexf13rng, "g.gexf", exportBytes(t, "gexf", fx.g))
			var buf bytes.Buffer
			if err := export.WriteGEXF(&buf, fx.g, "1.2draft"); err != nil {
				t.Fatal(err)
			}
			validate(t, gexf12, gexf12rng, "g-1.2draft.gexf", buf.Bytes())
		})
	}
	// The validation must be able to fail: a wrong version, a missing
	// <edges> and an unknown edge default are rejected.
	bad := func(flag, schema string, doc string) {
		path := writeTemp(t, "bad.xml", []byte(doc))
		if err := exec.Command(xmllint, "--noout", "--nonet", flag, schema, path).Run(); err == nil {
			t.Errorf("xmllint %s accepted an invalid document against %s:\n%s", flag, schema, doc)
		}
	}
	bad("--schema", gexf13, `<gexf xmlns="http://gexf.net/1.3" version="1.2"><graph><nodes/><edges/></graph></gexf>`)
	bad("--schema", gexf12, `<gexf xmlns="http://www.gexf.net/1.2draft" version="1.3"><graph><nodes/><edges/></graph></gexf>`)
	bad("--relaxng", gexf12rng, `<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><graph><nodes/></graph></gexf>`)
	bad("--relaxng", gexf13rng, `<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes/></graph></gexf>`)
	bad("--schema", graphml, `<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="sideways"/></graphml>`)
}

// dotJSON is the part of `dot -Tjson` output the test reads.
type dotJSON struct {
	Objects []struct {
		Name  string `json:"name"`
		Slug  string `json:"slug"`
		Doc   string `json:"documented"`
		LDraw []struct {
			Op   string `json:"op"`
			Text string `json:"text"`
		} `json:"_ldraw_"`
	} `json:"objects"`
	Edges []struct {
		Tail int    `json:"tail"`
		Head int    `json:"head"`
		Kind string `json:"kind"`
	} `json:"edges"`
}

func TestDOTGraphviz(t *testing.T) {
	gc := needTool(t, "gc", "graphviz")
	dot := needTool(t, "dot", "graphviz")
	for _, fx := range fixtures(t) {
		t.Run(fx.name, func(t *testing.T) {
			path := writeTemp(t, "g.dot", exportBytes(t, "dot", fx.g))

			fields := strings.Fields(string(run(t, gc, "-n", "-e", path)))
			if len(fields) < 2 {
				t.Fatalf("gc -n -e: unexpected output %q", fields)
			}
			nodes, _ := strconv.Atoi(fields[0])
			edges, _ := strconv.Atoi(fields[1])
			if nodes != fx.roles || edges != fx.career+fx.related {
				t.Errorf("gc counts %d nodes, %d edges; want %d roles, %d moves", nodes, edges, fx.roles, fx.career+fx.related)
			}

			// Laid out by dot, every label is drawn exactly as the name,
			// and every move is an edge with its kind.
			var out dotJSON
			if err := json.Unmarshal(run(t, dot, "-Tjson", path), &out); err != nil {
				t.Fatalf("dot -Tjson: %v", err)
			}
			slugs := make([]string, len(out.Objects))
			for i, o := range out.Objects {
				slugs[i] = o.Slug
				r, ok := fx.g.Role(o.Slug)
				if !ok {
					t.Errorf("dot node %s has slug %q, not a role", o.Name, o.Slug)
					continue
				}
				var drawn []string
				for _, op := range o.LDraw {
					if op.Op == "T" {
						drawn = append(drawn, op.Text)
					}
				}
				if want := []string{r.Name}; !slices.Equal(drawn, want) {
					t.Errorf("dot draws node %s as %q; want %q", o.Name, drawn, want)
				}
				if o.Doc != strconv.FormatBool(r.Documented) {
					t.Errorf("node %s: documented = %q; want %v", o.Name, o.Doc, r.Documented)
				}
			}
			var got []string
			for _, e := range out.Edges {
				got = append(got, slugs[e.Tail]+" "+slugs[e.Head]+" "+e.Kind)
			}
			checkMoves(t, "dot", fx.g, got)
		})
	}
}

// checkMoves compares "from to kind" lines read back by a consumer with
// the graph's moves.
func checkMoves(t *testing.T, reader string, g *graph.Graph, got []string) {
	t.Helper()
	want := make([]string, 0, len(g.Moves()))
	for _, m := range g.Moves() {
		want = append(want, m.From+" "+m.To+" "+m.Kind.String())
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s reads moves\n%s\nwant\n%s", reader, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// networkxScript reads a file with NetworkX and prints what it read as
// JSON: the graph type, every node by role ID with its label, documented
// flag and reading, and every edge as [from, to, kind].
const networkxScript = `
import json, sys
import networkx as nx

fmt, path = sys.argv[1], sys.argv[2]
if fmt == "graphml":
    G = nx.read_graphml(path)
elif fmt == "gexf":
    G = nx.read_gexf(path)
else:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    try:
        G = nx.node_link_graph(data, edges="links")
    except TypeError:  # NetworkX before 3.4 knows only link=
        G = nx.node_link_graph(data, link="links")

ids = {n: d.get("slug", n) for n, d in G.nodes(data=True)}
print(json.dumps({
    "directed": G.is_directed(),
    "multigraph": G.is_multigraph(),
    "nodes": {ids[n]: {"label": d.get("label"), "documented": d.get("documented"),
                       "reading": d.get("reading", "")} for n, d in G.nodes(data=True)},
    "edges": [[ids[u], ids[v], d.get("kind")] for u, v, d in G.edges(data=True)],
    "levels": {ids[n]: [d.get("level", 0), type(d.get("level", 0)).__name__] for n, d in G.nodes(data=True)},
    "weights": [[ids[u], ids[v], d.get("kind"), d.get("cost"), type(d.get("cost")).__name__,
                 d.get("basis", ""), d.get("tier", ""), d.get("index", 0), type(d.get("index", 0)).__name__,
                 d.get("similarity", 0), d.get("note", "")] for u, v, d in G.edges(data=True)],
}, ensure_ascii=False))
`

type networkxRead struct {
	Directed   bool `json:"directed"`
	Multigraph bool `json:"multigraph"`
	Nodes      map[string]struct {
		Label      string `json:"label"`
		Documented bool   `json:"documented"`
		Reading    string `json:"reading"`
	} `json:"nodes"`
	Edges   [][3]string       `json:"edges"`
	Levels  map[string][2]any `json:"levels"`
	Weights [][11]any         `json:"weights"`
}

func TestNetworkX(t *testing.T) {
	needNetworkX(t)
	script := writeTemp(t, "read.py", []byte(networkxScript))
	for _, fx := range fixtures(t) {
		var gexf12 bytes.Buffer
		if err := export.WriteGEXF(&gexf12, fx.g, "1.2draft"); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			reader string // networkxScript's format argument
			data   []byte
		}{
			{"graphml", exportBytes(t, "graphml", fx.g)},
			{"gexf", gexf12.Bytes()},
			{"json", exportBytes(t, "json", fx.g)},
		} {
			t.Run(fx.name+"/"+c.reader, func(t *testing.T) {
				path := writeTemp(t, "g."+c.reader, c.data)
				var got networkxRead
				if err := json.Unmarshal(run(t, systemPython, script, c.reader, path), &got); err != nil {
					t.Fatal(err)
				}
				if !got.Directed {
					t.Errorf("NetworkX reads an undirected graph")
				}
				if len(got.Nodes) != fx.roles {
					t.Errorf("NetworkX reads %d nodes; want %d", len(got.Nodes), fx.roles)
				}
				var career, related int
				var moves []string
				for _, e := range got.Edges {
					moves = append(moves, e[0]+" "+e[1]+" "+e[2])
					switch e[2] {
					case "career":
						career++
					case "related":
						related++
					}
				}
				if career != fx.career || related != fx.related {
					t.Errorf("NetworkX reads %d career and %d related moves; want %d and %d", career, related, fx.career, fx.related)
				}
				checkMoves(t, "NetworkX", fx.g, moves)
				for _, r := range fx.g.Roles() {
					n, ok := got.Nodes[r.ID]
					switch {
					case !ok:
						t.Errorf("NetworkX has no node %q", r.ID)
					case n.Label != r.Name || n.Documented != r.Documented || n.Reading != r.Reading:
						t.Errorf("NetworkX reads node %q as %+v; want label %q, documented %v, reading %q",
							r.ID, n, r.Name, r.Documented, r.Reading)
					}
				}
			})
		}
	}
}

// TestNetworkXParallelMoves checks the point of the multigraph: a career
// and a related move between the same two roles both survive the trip.
func TestNetworkXParallelMoves(t *testing.T) {
	needNetworkX(t)
	g := testCorpus(t)
	from, to := "chief-big-officer", "課長-かちょう"
	if r, _ := g.Role(to); r.Reading != "かちょう" {
		t.Fatalf("test corpus changed: role %q has reading %q", to, r.Reading)
	}
	script := writeTemp(t, "read.py", []byte(networkxScript))
	var gexf12 bytes.Buffer
	if err := export.WriteGEXF(&gexf12, g, "1.2draft"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		reader string
		data   []byte
	}{
		{"graphml", exportBytes(t, "graphml", g)},
		{"gexf", gexf12.Bytes()},
		{"json", exportBytes(t, "json", g)},
	} {
		reader := c.reader
		path := writeTemp(t, "g."+reader, c.data)
		var got networkxRead
		if err := json.Unmarshal(run(t, systemPython, script, reader, path), &got); err != nil {
			t.Fatal(err)
		}
		if !got.Multigraph {
			t.Errorf("%s: NetworkX reads a simple graph; want a multigraph", reader)
		}
		var kinds []string
		for _, e := range got.Edges {
			if e[0] == from && e[1] == to {
				kinds = append(kinds, e[2])
			}
		}
		slices.Sort(kinds)
		if want := []string{"career", "related"}; !slices.Equal(kinds, want) {
			t.Errorf("%s: NetworkX reads moves %s → %s of kinds %q; want %q", reader, from, to, kinds, want)
		}
		if n := got.Nodes[to]; n.Label != "課長 (かちょう)" || !n.Documented {
			t.Errorf("%s: NetworkX reads %s as %+v", reader, to, n)
		}
	}
}

// hostileGraph names roles with characters XML forbids and with text a
// spreadsheet would take for a formula.
func hostileGraph(t *testing.T) *graph.Graph {
	t.Helper()
	var b graph.Builder
	names := []string{"Esc\x1b[31m red", "Vertical\vtab", "Non\uFFFEchar\uFFFF", "Bad\xffbyte", "=cmd|' /C calc'!A0", "+1 Lead", "-Deputy", "@Head", "\tTabbed", "\rReturned"}
	prev := -1
	for i, n := range names {
		r := b.AddRole(graph.Role{Name: n, Reading: "かな\uFFFE", Names: []string{n, "=1+1"}, Docs: []string{"d\x1b.txt"}, Documented: i%2 == 0})
		if prev >= 0 {
			b.AddMove(prev, r, graph.Career, graph.Source{File: "f\uFFFE.txt", Line: i})
		}
		prev = r
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestXMLForbiddenCharacters: GraphML and GEXF of names holding ESC, VT,
// U+FFFE, U+FFFF and bytes that are not UTF-8 are well-formed XML, and so
// is the SVG the system dot draws from the DOT export.
func TestXMLForbiddenCharacters(t *testing.T) {
	xmllint := needTool(t, "xmllint", "libxml2-utils")
	g := hostileGraph(t)
	var gexf12 bytes.Buffer
	if err := export.WriteGEXF(&gexf12, g, "1.2draft"); err != nil {
		t.Fatal(err)
	}
	docs := map[string][]byte{
		"g.graphml": exportBytes(t, "graphml", g),
		"g.gexf":    exportBytes(t, "gexf", g),
		"g12.gexf":  gexf12.Bytes(),
	}
	if dot, err := exec.LookPath("dot"); err == nil {
		cmd := exec.Command(dot, "-Tsvg")
		cmd.Stdin = bytes.NewReader(exportBytes(t, "dot", g))
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("dot -Tsvg: %v", err)
		}
		docs["dot.svg"] = out
	}
	for _, name := range slices.Sorted(maps.Keys(docs)) {
		path := writeTemp(t, name, docs[name])
		if out, err := exec.Command(xmllint, "--noout", "--nonet", path).CombinedOutput(); err != nil {
			t.Errorf("xmllint rejects %s: %v\n%s", name, err, out)
		}
	}
}

// TestNetworkXWeights checks that NetworkX reads every move's cost (a
// float in GraphML and GEXF), the tier, index, similarity, basis and note
// it came from, and every role's level (an int) as careergraph has them,
// on imported data where costs are not the kinds' defaults.
func TestNetworkXWeights(t *testing.T) {
	needNetworkX(t)
	g := importedGraph(t)
	var priced, levels int
	for _, m := range g.Moves() {
		if m.Priced() && m.Cost() != float64(int(m.Cost())) {
			priced++
		}
	}
	for _, r := range g.Roles() {
		if r.Level > 0 {
			levels++
		}
	}
	if priced == 0 || levels == 0 {
		t.Fatalf("imported fixture: %d moves with fractional costs, %d roles with levels; want some of each", priced, levels)
	}
	want := map[string]string{}
	for _, m := range g.Moves() {
		var a graph.MoveAttrs
		if m.Attrs != nil {
			a = *m.Attrs
		}
		want[m.From+" "+m.To+" "+m.Kind.String()] = fmt.Sprint(m.Cost(), a.Basis, a.Tier, a.Index, a.Similarity, a.Note)
	}
	script := writeTemp(t, "read.py", []byte(networkxScript))
	var gexf12 bytes.Buffer
	if err := export.WriteGEXF(&gexf12, g, "1.2draft"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		reader string
		data   []byte
		typed  bool // the format declares types: cost a float, index and level ints
	}{
		{"graphml", exportBytes(t, "graphml", g), true},
		{"gexf", gexf12.Bytes(), true},
		{"json", exportBytes(t, "json", g), false},
	} {
		t.Run(c.reader, func(t *testing.T) {
			var got networkxRead
			if err := json.Unmarshal(run(t, systemPython, script, c.reader, writeTemp(t, "g."+c.reader, c.data)), &got); err != nil {
				t.Fatal(err)
			}
			if len(got.Weights) != len(want) {
				t.Errorf("NetworkX reads %d moves; want %d", len(got.Weights), len(want))
			}
			for _, w := range got.Weights {
				key := fmt.Sprint(w[0], " ", w[1], " ", w[2])
				cost, _ := w[3].(float64)
				index, _ := w[7].(float64)
				sim, _ := w[9].(float64)
				if got := fmt.Sprint(cost, w[5], w[6], int(index), sim, w[10]); got != want[key] {
					t.Errorf("NetworkX reads move %s as cost, basis, tier, index, similarity, note %q; want %q", key, got, want[key])
				}
				if c.typed && (w[4] != "float" || w[8] != "int") {
					t.Errorf("NetworkX reads move %s cost as %v and index as %v; want float and int", key, w[4], w[8])
				}
			}
			for _, r := range g.Roles() {
				l := got.Levels[r.ID]
				if n, _ := l[0].(float64); int(n) != r.Level || c.typed && l[1] != "int" {
					t.Errorf("NetworkX reads role %q level %v (%v); want %d, an int", r.ID, l[0], l[1], r.Level)
				}
			}
		})
	}
}
