package render

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/goccy/go-graphviz"

	"careergraph/graph"
)

// svgGroup is one graph, cluster, node or edge group of an SVG picture.
type svgGroup struct {
	id, class   string
	title       string   // the group's own <title>
	linkTitle   string   // xlink:title of the first <a> inside
	texts       []string // every <text>, in order
	stroke      string   // of the first <path> or <polygon> inside
	strokeWidth string
	dashed      bool
}

type svgDoc struct {
	graph                  *svgGroup
	nodes, edges, clusters []*svgGroup
	byID                   map[string]*svgGroup
}

// parseSVG walks the SVG with encoding/xml: it fails the test unless the
// picture is well-formed XML.
func parseSVG(t *testing.T, data []byte) *svgDoc {
	t.Helper()
	doc := &svgDoc{byID: map[string]*svgGroup{}}
	dec := xml.NewDecoder(bytes.NewReader(data))
	var stack []*svgGroup // innermost group with a class, per open <g>
	var cur *svgGroup
	var inTitle, inText bool
	var titleOwner *svgGroup
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			attr := func(local string) string {
				for _, a := range el.Attr {
					if a.Name.Local == local {
						return a.Value
					}
				}
				return ""
			}
			switch el.Name.Local {
			case "g":
				if class := attr("class"); class != "" {
					g := &svgGroup{id: attr("id"), class: class}
					switch class {
					case "graph":
						doc.graph = g
					case "node":
						doc.nodes = append(doc.nodes, g)
					case "edge":
						doc.edges = append(doc.edges, g)
					case "cluster":
						doc.clusters = append(doc.clusters, g)
					}
					if g.id != "" {
						if doc.byID[g.id] != nil {
							t.Errorf("SVG holds two groups with id %q", g.id)
						}
						doc.byID[g.id] = g
					}
					cur = g
				}
				stack = append(stack, cur)
			case "title":
				inTitle, titleOwner = true, cur
				text.Reset()
			case "text":
				inText = true
				text.Reset()
			case "a":
				if cur != nil && cur.linkTitle == "" {
					cur.linkTitle = attr("title")
				}
			case "path", "polygon":
				if cur != nil && cur.stroke == "" && attr("stroke") != "none" && cur.class != "graph" {
					cur.stroke, cur.strokeWidth = attr("stroke"), attr("stroke-width")
					cur.dashed = attr("stroke-dasharray") != ""
				}
			}
		case xml.CharData:
			if inTitle || inText {
				text.Write(el)
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "g":
				stack = stack[:len(stack)-1]
				cur = nil
				if len(stack) > 0 {
					cur = stack[len(stack)-1]
				}
			case "title":
				if titleOwner != nil && titleOwner.title == "" {
					titleOwner.title = text.String()
				}
				inTitle = false
			case "text":
				if cur != nil {
					cur.texts = append(cur.texts, text.String())
				}
				inText = false
			}
		}
	}
	return doc
}

// wantLines is the text a role's box should show.
func wantLines(r graph.Role, opt Options) []string {
	lines := wrap(r.Name, wrapCols)
	if opt.Reading && r.Reading != "" {
		lines = append(lines, wrap(r.Reading, wrapCols)...)
	}
	return lines
}

// checkPicture checks what every renderer must draw: one node group per
// role with its label, one edge group per move.
func checkPicture(t *testing.T, f fixture, doc *svgDoc) {
	t.Helper()
	if got, want := len(doc.nodes), len(f.sel.Roles); got != want {
		t.Errorf("%s: %d node groups; want %d, one per role", f.name, got, want)
	}
	if got, want := len(doc.edges), len(f.sel.Moves); got != want {
		t.Errorf("%s: %d edge groups; want %d, one per move", f.name, got, want)
	}
	for _, rid := range f.sel.Roles {
		r, _ := f.g.Role(rid)
		n := doc.byID["role-"+rid]
		if n == nil || n.class != "node" {
			t.Errorf("%s: no node group with id %q", f.name, "role-"+rid)
			continue
		}
		if got, want := strings.Join(n.texts, "|"), strings.Join(wantLines(r, f.opt), "|"); got != want {
			t.Errorf("%s: role %q shows %q; want %q", f.name, rid, got, want)
		}
	}
	for _, m := range f.sel.Moves {
		eid := "move-" + m.From + "-" + m.To + "-" + m.Kind.String()
		e := doc.byID[eid]
		if e == nil || e.class != "edge" {
			t.Errorf("%s: no edge group with id %q", f.name, eid)
			continue
		}
		if m.Kind == graph.Related && !e.dashed {
			t.Errorf("%s: related move %q is not dashed", f.name, eid)
		}
		if m.Kind == graph.Career && e.dashed {
			t.Errorf("%s: career move %q is dashed", f.name, eid)
		}
	}
}

func renderSVGFixture(t *testing.T, f fixture) *svgDoc {
	t.Helper()
	var buf bytes.Buffer
	if err := SVG(context.Background(), &buf, f.g, f.sel, f.opt); err != nil {
		t.Fatalf("SVG(%s): %v", f.name, err)
	}
	return parseSVG(t, buf.Bytes())
}

func TestSVG(t *testing.T) {
	for _, f := range fixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			doc := renderSVGFixture(t, f)
			checkPicture(t, f, doc)
			if doc.graph == nil || doc.graph.title != f.sel.Title {
				t.Errorf("graph title = %v; want %q", doc.graph, f.sel.Title)
			}
		})
	}
}

// TestSVGTooltips checks that hovering shows the sources: each node's and
// edge's own <title> (what browsers show) names its sources.
func TestSVGTooltips(t *testing.T) {
	for _, f := range fixtures(t) {
		doc := renderSVGFixture(t, f)
		for _, m := range f.sel.Moves {
			e := doc.byID["move-"+m.From+"-"+m.To+"-"+m.Kind.String()]
			if e == nil {
				continue // reported by TestSVG
			}
			for _, s := range m.Sources {
				if !strings.Contains(e.title, s.String()) {
					t.Errorf("%s: edge title %q lacks source %s", f.name, e.title, s)
				}
			}
			if e.linkTitle != e.title {
				t.Errorf("%s: edge xlink:title %q differs from title %q", f.name, e.linkTitle, e.title)
			}
		}
		for _, rid := range f.sel.Roles {
			r, _ := f.g.Role(rid)
			n := doc.byID["role-"+rid]
			if n == nil {
				continue
			}
			if !strings.HasPrefix(n.title, clean(r.Name)+"\n") {
				t.Errorf("%s: node title %q does not start with the role's name", f.name, n.title)
			}
			for _, d := range r.Docs {
				if !strings.Contains(n.title, d) {
					t.Errorf("%s: node title %q lacks document %s", f.name, n.title, d)
				}
			}
			for _, m := range f.g.Moves() {
				if (m.From == rid || m.To == rid) && len(m.Sources) > 0 && len(m.Sources) <= maxSources &&
					!strings.Contains(n.title, m.Sources[0].String()) {
					t.Errorf("%s: node title %q lacks move source %s", f.name, n.title, m.Sources[0])
				}
			}
		}
		for _, c := range doc.clusters {
			if strings.HasPrefix(c.title, "cluster_") {
				t.Errorf("%s: cluster title %q is the DOT name, not the classification", f.name, c.title)
			}
		}
	}
}

// TestSVGPathHighlight checks that a path picture draws exactly the
// cheapest route's moves thick and red, and the alternatives' lighter.
func TestSVGPathHighlight(t *testing.T) {
	f := pathFixture(t)
	doc := renderSVGFixture(t, f)
	key := func(s graph.Step) string {
		if s.Against {
			return "move-" + s.To + "-" + s.From + "-" + s.Kind.String()
		}
		return "move-" + s.From + "-" + s.To + "-" + s.Kind.String()
	}
	want := map[string]string{}
	for i, r := range f.sel.Routes {
		for _, s := range r.Steps {
			if _, ok := want[key(s)]; !ok {
				want[key(s)] = map[bool]string{true: "route", false: "alt"}[i == 0]
			}
		}
	}
	routes := 0
	for _, e := range doc.edges {
		got := "none"
		switch {
		case e.stroke == colRoute && e.strokeWidth == routeWidth:
			got = "route"
			routes++
		case e.stroke == colAlt && e.strokeWidth == altWidth:
			got = "alt"
		}
		if w := cmpOr(want[e.id], "none"); got != w {
			t.Errorf("edge %s drawn as %s (stroke %s, width %s); want %s", e.id, got, e.stroke, e.strokeWidth, w)
		}
	}
	if routes != len(f.sel.Routes[0].Steps) {
		t.Errorf("%d edges highlighted; want %d, the cheapest route's moves", routes, len(f.sel.Routes[0].Steps))
	}
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// TestSVGEscapes checks that names come through DOT, Graphviz and XML
// unchanged.
func TestSVGEscapes(t *testing.T) {
	for _, reading := range []bool{false, true} {
		f := escapeFixture(t, reading)
		doc := renderSVGFixture(t, f)
		want := map[string][]string{
			`Chief "Boss" O'Neil`:                           {`Chief "Boss" O'Neil`},
			`Back\slash \n not a break \N`:                  {`Back\slash \n`, `not a break \N`},
			"Sales & Marketing <Lead> → Manager / Director": {"Sales & Marketing <Lead>", "→ Manager / Director"},
			"ちほうこうむいんさいようしけんごうかくしゃ（ぎょうせいしょく）": {"ちほうこうむいんさいよ", "うしけんごうかくしゃ", "（ぎょうせいしょく）"},
		}
		if reading {
			want[`Chief "Boss" O'Neil`] = append(want[`Chief "Boss" O'Neil`], `<かちょう> & "ぶちょう"`)
		}
		for name, lines := range want {
			n := doc.byID["role-"+id(t, f.g, name)]
			if n == nil {
				t.Errorf("no node for %q", name)
				continue
			}
			if got := strings.Join(n.texts, "|"); got != strings.Join(lines, "|") {
				t.Errorf("Reading=%v: %q shows %q; want %q", reading, name, got, strings.Join(lines, "|"))
			}
		}
		if doc.graph.title != f.sel.Title {
			t.Errorf("graph title %q; want %q", doc.graph.title, f.sel.Title)
		}
		title := strings.Join(doc.graph.texts, "")
		if !strings.Contains(title, `Names with "quotes", \backslashes, & <brackets> → arrows`) {
			t.Errorf("picture title shows %q", title)
		}
	}
}

// TestSVGConcurrent renders from many goroutines at once: the lock must
// keep go-graphviz sane and every picture the same.
func TestSVGConcurrent(t *testing.T) {
	f := ladderFixture(t)
	var want bytes.Buffer
	if err := SVG(context.Background(), &want, f.g, f.sel, f.opt); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var got bytes.Buffer
			if err := SVG(context.Background(), &got, f.g, f.sel, f.opt); err != nil {
				errs <- err.Error()
				return
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				errs <- "a concurrent render differs"
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestGraphvizRestart draws a large picture, which grows Graphviz's
// memory, then pictures with Graphviz started anew after each one: the
// pictures are the same, and its memory is back to what it was before
// the large one.
func TestGraphvizRestart(t *testing.T) {
	f := ladderFixture(t)
	var want bytes.Buffer
	if err := SVG(context.Background(), &want, f.g, f.sel, f.opt); err != nil {
		t.Fatal(err)
	}
	fresh := graphviz.MemorySize()
	big := synthetic(t, 600)
	if err := SVG(context.Background(), io.Discard, big, big.SelectAll(), Options{}); err != nil {
		t.Fatal(err)
	}
	if grown := graphviz.MemorySize(); grown <= fresh {
		t.Fatalf("a picture of 600 roles left Graphviz at %d bytes, %d before: draw a larger one", grown, fresh)
	}
	defer func(old uint64) { MaxGraphvizMemory = old }(MaxGraphvizMemory)
	MaxGraphvizMemory = 0 // above it after every picture
	for i := range 3 {
		var got bytes.Buffer
		if err := SVG(context.Background(), &got, f.g, f.sel, f.opt); err != nil {
			t.Fatalf("picture %d: %v", i, err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("picture %d after a restart differs", i)
		}
		if m := graphviz.MemorySize(); m > fresh {
			t.Errorf("picture %d: Graphviz holds %d bytes after a restart, %d before the first", i, m, fresh)
		}
	}
}

func TestSVGCancelled(t *testing.T) {
	f := ladderFixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var buf bytes.Buffer
	if err := SVG(ctx, &buf, f.g, f.sel, f.opt); err == nil || buf.Len() > 0 {
		t.Errorf("SVG(cancelled) = %v, wrote %d bytes; want an error and nothing", err, buf.Len())
	}
}

// TestXMLForbiddenCharacters draws names holding characters XML forbids
// (ESC, VT, U+FFFE, U+FFFF, a byte that is not UTF-8): the embedded
// Graphviz's SVG, and the system dot's SVG from our DOT, must be XML that
// xmllint takes.
func TestXMLForbiddenCharacters(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint not found: install libxml2-utils to run this test")
	}
	hostile := []string{"Esc\x1b[31m red", "Vertical\vtab", "Non\uFFFEchar", "Non\uFFFFchar", "Bad\xffbyte"}
	var specs []roleSpec
	var moves []string
	for i, n := range hostile {
		specs = append(specs, roleSpec{name: n, reading: "かな\uFFFE", class: []string{"Class\x1b\uFFFE"}, documented: i%2 == 0})
		if i > 0 {
			moves = append(moves, hostile[i-1]+" > "+n)
		}
	}
	g := build(t, specs, moves)
	sel := selectAll(g, graph.SelectionAll, "Title \uFFFE\x1b", id(t, g, hostile[0]))
	lint := func(t *testing.T, name string, data []byte) {
		t.Helper()
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(xmllint, "--noout", "--nonet", path).CombinedOutput(); err != nil {
			t.Errorf("xmllint rejects %s: %v\n%s", name, err, out)
		}
	}
	for _, opt := range []Options{{}, {Reading: true}} {
		var svg bytes.Buffer
		if err := SVG(context.Background(), &svg, g, sel, opt); err != nil {
			t.Fatal(err)
		}
		lint(t, "embedded.svg", svg.Bytes())
		if dot, err := exec.LookPath("dot"); err == nil {
			var src bytes.Buffer
			if err := DOT(&src, g, sel, opt); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(dot, "-Tsvg")
			cmd.Stdin = &src
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("dot -Tsvg: %v", err)
			}
			lint(t, "dot.svg", out)
		}
	}
}
