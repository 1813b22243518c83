package render

import (
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"strings"
	"sync"

	"careergraph/graph"
	"careergraph/graph/internal/xmlchar"
	"careergraph/graph/render/internal/gvcache"
	"github.com/goccy/go-graphviz"
)

// gvMu serialises every use of go-graphviz: its WebAssembly module is one
// per process and not safe for concurrent use. A graphviz instance costs
// about a millisecond to create, so each render makes and closes its own.
var gvMu sync.Mutex

// svgFonts replaces the single face the layout was measured in with a
// CSS font list: viewers without DejaVu Sans take Verdana (of like
// width), and kana and kanji come from the CJK face each system ships
// (Noto Sans CJK / Source Han Sans on Linux and Android, Hiragino on
// macOS and iOS, Yu Gothic and Meiryo on Windows) before the generic
// sans-serif, which in many browsers has no kana. Names with spaces are
// quoted, in single quotes inside the attribute's double ones.
const svgFonts = "'DejaVu Sans', Verdana, 'Noto Sans CJK JP', 'Noto Sans JP', 'Source Han Sans JP', " +
	"'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Yu Gothic', YuGothic, Meiryo, sans-serif"

// SVG renders the selection to SVG with the Graphviz that go-graphviz
// embeds; no system install is needed. The picture is DOT's, with each
// role's and move's group titled with its tooltip text (name and sources,
// file:line), which browsers show on hover. Renders are serialised behind
// one lock. Errors are DOT's, Graphviz's, ctx's and the writer's; on
// error nothing has been written.
func SVG(ctx context.Context, w io.Writer, g *graph.Graph, sel graph.Selection, opt Options) error {
	d, err := newDrawing(g, sel, opt)
	if err != nil {
		return err
	}
	var src strings.Builder
	d.writeDOT(&src)
	raw, err := renderSVG(ctx, []byte(src.String()))
	if err != nil {
		return err
	}
	out, err := d.retitle(raw)
	if err != nil {
		return err
	}
	// Labels and titles are clean already; this keeps whatever else
	// Graphviz copied from the DOT (ids, attribute text) valid XML.
	_, err = io.WriteString(w, xmlchar.Clean(string(out)))
	return err
}

// renderSVG lays out DOT source and returns Graphviz's SVG. A panic in
// go-graphviz becomes an error.
func renderSVG(ctx context.Context, src []byte) (svg []byte, err error) {
	gvMu.Lock()
	defer gvMu.Unlock()
	defer func() {
		if p := recover(); p != nil {
			svg, err = nil, fmt.Errorf("render svg: graphviz failed: %v", p)
			_ = graphviz.Restart(ctx) // its state is unknown: start anew
		}
	}()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Graphviz starts here, on the first picture, not with the program.
	if err := gvcache.Start(ctx); err != nil {
		return nil, fmt.Errorf("render svg: start graphviz: %w", err)
	}
	gv, err := graphviz.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("render svg: start graphviz: %w", err)
	}
	pg, err := graphviz.ParseBytes(src)
	if err != nil {
		gv.Close()
		return nil, fmt.Errorf("render svg: graphviz rejected the DOT: %w", err)
	}
	var buf bytes.Buffer
	err = gv.Render(ctx, pg, graphviz.SVG, &buf)
	pg.Close()
	gv.Close()
	restartIfGrown(ctx)
	if err != nil {
		return nil, fmt.Errorf("render svg: %w", err)
	}
	if buf.Len() == 0 {
		return nil, fmt.Errorf("render svg: graphviz wrote nothing")
	}
	return buf.Bytes(), nil
}

// MaxGraphvizMemory is the size of Graphviz's memory above which it is
// started anew after a picture. Graphviz keeps some memory of every
// graph it lays out, and its memory never shrinks: a server drawing
// thousands of pictures would otherwise grow without end (measured at
// about 40 KB a ladder picture of a 10,000-document corpus). A restart
// takes tens of milliseconds.
var MaxGraphvizMemory uint64 = 64 << 20

// restartIfGrown restarts Graphviz when its memory is above
// MaxGraphvizMemory; a picture that needed that much is drawn already.
// Callers hold gvMu. A failed restart keeps the old start.
func restartIfGrown(ctx context.Context) {
	if graphviz.MemorySize() > MaxGraphvizMemory {
		_ = graphviz.Restart(ctx)
	}
}

// retitle rewrites Graphviz's SVG for browsers. Graphviz titles a node's
// group with the node's DOT name (n0) and an edge's with "n0->n1"; a
// browser shows the <title> of the element under the pointer, so each
// title becomes the tooltip text, found by the group's id. The graph's
// title becomes the selection's, each cluster's its classification. Font
// families get fallbacks. Graphviz writes one element per line, the title
// on the line after its group.
func (d *drawing) retitle(svg []byte) ([]byte, error) {
	titles := make(map[string]string, len(d.nodes)+len(d.edges)+len(d.clusters))
	for _, n := range d.nodes {
		titles["role-"+n.role.ID] = n.tooltip
	}
	for _, e := range d.edges {
		titles[e.id] = e.tooltip
	}
	for ci, c := range d.clusters {
		titles[fmt.Sprintf("cluster-%d", ci)] = c.label
	}
	fontAttr := `font-family="` + fontName + `"`
	newFont := `font-family="` + svgFonts + `"`

	var out bytes.Buffer
	out.Grow(len(svg) + len(svg)/4)
	sc := bufio.NewScanner(bytes.NewReader(svg))
	sc.Buffer(make([]byte, 0, 64*1024), len(svg)+1)
	pending, have := "", false
	for sc.Scan() {
		line := sc.Text()
		if have && strings.HasPrefix(line, "<title>") && strings.HasSuffix(line, "</title>") {
			line = "<title>" + xmlText(pending) + "</title>"
		}
		have = false
		if id, class, ok := groupOf(line); ok {
			switch {
			case class == "graph":
				pending, have = d.title, d.title != ""
			default:
				pending, have = titles[id]
			}
		}
		line = strings.ReplaceAll(line, fontAttr, newFont)
		out.WriteString(line)
		out.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("render svg: %w", err)
	}
	return out.Bytes(), nil
}

// groupOf reads `<g id="ID" class="CLASS"…>`, the line Graphviz opens
// each graph, cluster, node and edge group with.
func groupOf(line string) (id, class string, ok bool) {
	rest, ok := strings.CutPrefix(line, `<g id="`)
	if !ok {
		return "", "", false
	}
	id, rest, ok = strings.Cut(rest, `" class="`)
	if !ok {
		return "", "", false
	}
	class, _, ok = strings.Cut(rest, `"`)
	if !ok {
		return "", "", false
	}
	return html.UnescapeString(id), class, true
}

func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
