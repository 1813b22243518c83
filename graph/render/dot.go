package render

// This file turns a selection into a drawing and the drawing into DOT:
// nodes, edges, rungs, clusters, legend and colours. It is long because
// it is one thing, the picture's description, which the golden DOT tests
// hold as a whole; the dense-neighbourhood placement is in rings.go and
// the colour rules in colorby.go.

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"careergraph/graph"
	"careergraph/graph/internal/dot"
)

// Options shape a picture.
type Options struct {
	Direction string // "BT" (default: juniors at the bottom), "TB", "LR" or "RL"
	Reading   bool   // add the kana reading as a second label line
	// ColorBy picks what a role's colour says: ColorByDocumented (the
	// default, also ""), ColorByClass or ColorByLevel; the legend
	// explains the colours.
	ColorBy string
}

// directions lists the values Options.Direction takes; "" means "BT".
var directions = []string{"BT", "TB", "LR", "RL"}

// fontName is the face the layout is measured in. Graphviz has metrics
// for DejaVu Sans, so its own placement of title and legend text agrees
// with ours; SVG names a list of fallbacks after it (see svgFonts).
const fontName = "DejaVu Sans"

// The palette: calm blues for documented roles, grey dashes for roles only
// mentioned, amber for the focus, red for a path's cheapest route.
const (
	colText        = "#1b2a38"
	colDocFill     = "#dbe9f6"
	colDocLine     = "#2f5d8a"
	colMentioned   = "#6b7785"
	colMentionText = "#3d4650"
	colFocusFill   = "#fde3a1"
	colFocusLine   = "#9c5b00"
	colReading     = "#55606b"
	colCareer      = "#4d5966"
	colRelated     = "#8a96a3"
	colRoute       = "#c0392b"
	colAlt         = "#eaa59c"
	colClusterFill = "#f4f6f8"
	colClusterLine = "#c8d0d8"
)

// Edge widths in points.
const (
	careerWidth = "1.2"
	routeWidth  = "3"
	altWidth    = "2"
)

// maxSources caps the sources a tooltip lists.
const maxSources = 10

// Where the title and cluster labels wrap.
const (
	titleCols   = 60
	clusterCols = 30
)

// DOT writes the selection as Graphviz DOT: one node per role of
// sel.Roles (named n0, n1, … in order of role ID, with the ID in the
// node's id attribute as "role-<ID>"), one edge per move of sel.Moves
// ("move-<from>-<to>-<kind>"), rank=same groups for the rungs of g that
// the selection holds two or more roles of, and for sel.Kind "all" a
// cluster per classification. A neighbourhood (sel.Kind "around") of
// denseRoles or more roles that would be wider than ringWidth is laid
// out in rings around the focus instead, each role pinned for neato (see
// rings). The output depends on its arguments alone.
//
// Errors: an unknown Options.Direction, a role of sel that g does not hold
// (wraps graph.ErrNotFound), a move with an end outside sel.Roles, and
// the writer's error. Nothing is written on error before the writer's.
// DOT is O((V+E) log(V+E)) in the selection plus one pass over g's moves
// for the tooltips.
func DOT(w io.Writer, g *graph.Graph, sel graph.Selection, opt Options) error {
	d, err := newDrawing(g, sel, opt)
	if err != nil {
		return err
	}
	var b strings.Builder
	d.writeDOT(&b)
	_, err = io.WriteString(w, b.String())
	return err
}

// drawing is a selection laid out for DOT: everything sorted and sized.
type drawing struct {
	title   string
	rankdir string
	kind    string
	nodes   []node
	edges   []edge
	rungs   [][]int // node indexes, each group sorted
	// rows, when set, lay the picture out in rings around the focus
	// (see rings), each node pinned at pos (inches) for neato; rungs are
	// then not drawn.
	rows     [][]int
	pos      [][2]float64
	clusters []cluster
	colors   []legendItem // the legend of Options.ColorBy; nil for the default
}

type node struct {
	role    graph.Role
	name    []string // wrapped display name
	reading []string // wrapped reading, when asked for
	w, h    float64  // inches
	focus   bool
	route   bool // on the cheapest route of a path picture, not an end
	tooltip string
	fill    string // from Options.ColorBy; "" for the default look
	line    string
}

type edge struct {
	from, to int // node indexes
	move     graph.Move
	id       string
	route    int // 0: none, 1: the cheapest route, 2: an alternative only
	tooltip  string
}

type cluster struct {
	label string // the classification, levels joined by " / "
	lines []string
	nodes []int
}

type moveKey struct {
	from, to string
	kind     graph.Kind
}

func newDrawing(g *graph.Graph, sel graph.Selection, opt Options) (*drawing, error) {
	d := &drawing{title: clean(sel.Title), kind: sel.Kind, rankdir: strings.ToUpper(opt.Direction)}
	if d.rankdir == "" {
		d.rankdir = "BT"
	}
	if !slices.Contains(directions, d.rankdir) {
		return nil, fmt.Errorf("render: direction %q: unknown (known: %s)", opt.Direction, strings.Join(directions, ", "))
	}

	ids := slices.Clone(sel.Roles)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		r, ok := g.Role(id)
		if !ok {
			return nil, fmt.Errorf("render: role id %q: %w", id, graph.ErrNotFound)
		}
		index[id] = i
		d.nodes = append(d.nodes, node{role: r})
	}
	for _, id := range sel.Focus {
		if i, ok := index[id]; ok {
			d.nodes[i].focus = true
		}
	}

	// Routes: a move is on the cheapest route, or else on an alternative.
	onRoute := map[moveKey]int{}
	for ri, r := range sel.Routes {
		for _, s := range r.Steps {
			k := moveKey{s.From, s.To, s.Kind}
			if s.Against {
				k.from, k.to = s.To, s.From
			}
			if onRoute[k] == 0 {
				onRoute[k] = min(ri+1, 2)
			}
		}
		if ri == 0 {
			for _, id := range r.Roles() {
				if i, ok := index[id]; ok {
					d.nodes[i].route = true
				}
			}
		}
	}

	// Tooltips list where each role was read: its documents, and the
	// sources of every move of g that touches it.
	sources := make([][]graph.Source, len(d.nodes))
	for _, m := range g.Moves() {
		for _, id := range []string{m.From, m.To} {
			if i, ok := index[id]; ok {
				sources[i] = append(sources[i], m.Sources...)
			}
		}
	}
	for i := range d.nodes {
		n := &d.nodes[i]
		n.name = wrap(n.role.Name, wrapCols)
		if len(n.name) == 0 {
			n.name = []string{n.role.ID}
		}
		if opt.Reading && clean(n.role.Reading) != "" {
			n.reading = wrap(n.role.Reading, wrapCols)
		}
		n.w, n.h = labelSize(n.name, n.reading)
		src := sources[i]
		slices.SortFunc(src, graph.CompareSources)
		n.tooltip = roleTooltip(n.role, slices.Compact(src))
	}

	moves := slices.Clone(sel.Moves)
	slices.SortFunc(moves, compareMoves)
	moves = slices.CompactFunc(moves, func(a, b graph.Move) bool { return compareMoves(a, b) == 0 })
	usedIDs := map[string]bool{}
	for _, m := range moves {
		f, okF := index[m.From]
		t, okT := index[m.To]
		if !okF || !okT {
			return nil, fmt.Errorf("render: move %q → %q (%s): an end is not among the selection's roles", m.From, m.To, m.Kind)
		}
		e := edge{from: f, to: t, move: m, route: onRoute[moveKey{m.From, m.To, m.Kind}]}
		e.id = uniqueID(usedIDs, "move-"+m.From+"-"+m.To+"-"+m.Kind.String())
		e.tooltip = moveTooltip(d.nodes[f].role, d.nodes[t].role, m)
		d.edges = append(d.edges, e)
	}

	for _, rung := range g.RungsAmong(sel.Roles) {
		group := make([]int, len(rung))
		for k, id := range rung {
			group[k] = index[id]
		}
		slices.Sort(group)
		d.rungs = append(d.rungs, group)
	}
	slices.SortFunc(d.rungs, slices.Compare)

	if sel.Kind == graph.SelectionAll {
		d.groupByClassification()
	}
	d.rings(sel)
	var err error
	if d.colors, err = d.colorNodes(opt.ColorBy); err != nil {
		return nil, err
	}
	return d, nil
}

// groupByClassification puts every classified role into the cluster of
// its classification, and every role only mentioned into the cluster its
// classified neighbours share, so that a document's career path stays in
// its box; a role whose neighbours differ stays outside every cluster.
func (d *drawing) groupByClassification() {
	byClass := map[string]*cluster{}
	keys := make([]string, len(d.nodes))
	for i, n := range d.nodes {
		var lines, levels []string
		for _, c := range n.role.Classification {
			if c = clean(c); c != "" {
				levels = append(levels, c)
				lines = append(lines, wrap(c, clusterCols)...)
			}
		}
		if len(levels) == 0 {
			continue
		}
		keys[i] = strings.Join(levels, " / ")
		if byClass[keys[i]] == nil {
			byClass[keys[i]] = &cluster{label: keys[i], lines: lines}
		}
	}
	// A role only mentioned takes the classification its classified
	// neighbours share, in rounds, so that whole career paths join their
	// document's box; neighbours that differ ("-") keep it outside.
	for {
		next := slices.Clone(keys)
		for _, e := range d.edges {
			for _, p := range [][2]int{{e.from, e.to}, {e.to, e.from}} {
				i, j := p[0], p[1]
				if keys[i] != "" || keys[j] == "" || keys[j] == "-" || next[i] == keys[j] {
					continue
				}
				if next[i] == "" {
					next[i] = keys[j]
				} else {
					next[i] = "-"
				}
			}
		}
		if slices.Equal(next, keys) {
			break
		}
		keys = next
	}
	for i, key := range keys {
		if key != "" && key != "-" {
			byClass[key].nodes = append(byClass[key].nodes, i)
		}
	}
	for _, c := range byClass {
		d.clusters = append(d.clusters, *c)
	}
	slices.SortFunc(d.clusters, func(a, b cluster) int { return cmp.Compare(a.label, b.label) })
}

// uniqueID returns id, or id with the first free "-2", "-3", … suffix.
func uniqueID(used map[string]bool, id string) string {
	out := id
	for k := 2; used[out]; k++ {
		out = id + "-" + strconv.Itoa(k)
	}
	used[out] = true
	return out
}

// compareMoves orders moves as graph.Graph.Moves does (from, to, kind);
// the graph package keeps its own copy unexported.
func compareMoves(a, b graph.Move) int {
	return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To), cmp.Compare(a.Kind, b.Kind))
}

// roleTooltip says what a role is and where it was read.
func roleTooltip(r graph.Role, src []graph.Source) string {
	lines := []string{clean(r.Name)}
	if s := clean(r.Reading); s != "" {
		lines = append(lines, s)
	}
	if len(r.Classification) > 0 {
		lines = append(lines, "Classification: "+clean(strings.Join(r.Classification, " / ")))
	}
	if r.Level > 0 {
		lines = append(lines, "Level: "+strconv.Itoa(r.Level))
	}
	switch {
	case r.Documented && len(r.Docs) > 0:
		lines = append(lines, "Documented in "+strings.Join(r.Docs, ", "))
	case r.Documented:
		lines = append(lines, "Documented")
	default:
		lines = append(lines, "Mentioned only, no document of its own")
	}
	if len(src) > 0 {
		lines = append(lines, "Moves read at "+listSources(src))
	}
	return strings.Join(lines, "\n")
}

// moveTooltip says which move an edge is and where it was read.
func moveTooltip(from, to graph.Role, m graph.Move) string {
	arrow, kind := " → ", "Career move"
	if m.Kind == graph.Related {
		arrow, kind = " ↔ ", "Related move, either way"
	}
	lines := []string{clean(from.Name) + arrow + clean(to.Name), kind}
	if len(m.Sources) > 0 {
		lines = append(lines, "Read at "+listSources(m.Sources))
	}
	return strings.Join(lines, "\n")
}

func listSources(src []graph.Source) string {
	var parts []string
	for i, s := range src {
		if i == maxSources {
			parts = append(parts, fmt.Sprintf("and %d more", len(src)-i))
			break
		}
		parts = append(parts, s.String())
	}
	return strings.Join(parts, ", ")
}

// writeDOT writes the drawing. Attribute order is fixed, numbers have two
// decimals, and every string is quoted.
func (d *drawing) writeDOT(b *strings.Builder) {
	b.WriteString("digraph \"careergraph\" {\n")
	fmt.Fprintf(b, "\tgraph [rankdir=%s, newrank=true, fontname=%s, fontcolor=%s, labelloc=t, nodesep=0.3, ranksep=0.45, pad=0.25, bgcolor=white",
		d.rankdir, dot.Quote(fontName), dot.Quote(colText))
	if label := d.graphLabel(); label != "" {
		b.WriteString(", label=" + label)
	}
	if d.pos != nil {
		b.WriteString(", layout=neato, splines=line, outputorder=edgesfirst")
	}
	b.WriteString("];\n")
	fmt.Fprintf(b, "\tnode [shape=box, style=\"rounded,filled\", fixedsize=true, fontname=%s, fontsize=%s, fontcolor=%s, color=%s, fillcolor=%s, penwidth=1.2];\n",
		dot.Quote(fontName), num(nameSize), dot.Quote(colText), dot.Quote(colDocLine), dot.Quote(colDocFill))
	fmt.Fprintf(b, "\tedge [color=%s, penwidth=%s, arrowsize=0.7];\n", dot.Quote(colCareer), careerWidth)

	inCluster := make([]bool, len(d.nodes))
	for ci, c := range d.clusters {
		fmt.Fprintf(b, "\tsubgraph \"cluster_%d\" {\n", ci)
		fmt.Fprintf(b, "\t\tgraph [id=%s, label=%s, tooltip=%s, style=\"rounded,filled\", color=%s, fillcolor=%s, fontsize=%s, fontcolor=%s, labeljust=l, labelloc=%s];\n",
			dot.Quote(fmt.Sprintf("cluster-%d", ci)), quoteLeft(c.lines), dot.Quote(c.label),
			dot.Quote(colClusterLine), dot.Quote(colClusterFill), num(clusterSize), dot.Quote(colReading), d.clusterLabelLoc())
		for _, i := range c.nodes {
			inCluster[i] = true
			b.WriteString("\t\t")
			d.writeNode(b, i)
		}
		b.WriteString("\t}\n")
	}
	for i := range d.nodes {
		if !inCluster[i] {
			b.WriteString("\t")
			d.writeNode(b, i)
		}
	}
	for _, r := range d.rungs {
		if d.rows != nil {
			break // pinned in place: no ranks
		}
		b.WriteString("\t{rank=same;")
		for _, i := range r {
			fmt.Fprintf(b, " n%d;", i)
		}
		b.WriteString("}\n")
	}
	for _, e := range d.edges {
		fmt.Fprintf(b, "\tn%d -> n%d [id=%s, tooltip=%s", e.from, e.to, dot.Quote(e.id), dot.Quote(e.tooltip))
		if e.move.Kind == graph.Related {
			// Lateral: no arrowhead, and free to sit on one rank.
			b.WriteString(", style=dashed, dir=none, minlen=0")
			if e.route == 0 {
				fmt.Fprintf(b, ", color=%s", dot.Quote(colRelated))
			}
		}
		if d.rows != nil {
			if !d.nodes[e.from].focus && !d.nodes[e.to].focus {
				// Moves among the other roles recede: the focus's own
				// moves are what the picture is about.
				b.WriteString(", penwidth=0.5")
				if e.move.Kind == graph.Career {
					fmt.Fprintf(b, ", color=%s", dot.Quote(colRelated))
				}
			}
		}
		switch e.route {
		case 1:
			fmt.Fprintf(b, ", color=%s, penwidth=%s, weight=4", dot.Quote(colRoute), routeWidth)
		case 2:
			fmt.Fprintf(b, ", color=%s, penwidth=%s", dot.Quote(colAlt), altWidth)
		}
		b.WriteString("];\n")
	}
	b.WriteString("}\n")
}

func (d *drawing) writeNode(b *strings.Builder, i int) {
	n := d.nodes[i]
	fmt.Fprintf(b, "n%d [id=%s, label=%s, tooltip=%s, width=%s, height=%s",
		i, dot.Quote("role-"+n.role.ID), n.label(), dot.Quote(n.tooltip), num(n.w), num(n.h))
	if d.pos != nil {
		b.WriteString(", pos=" + dot.Quote(num(round2(d.pos[i][0]))+","+num(round2(d.pos[i][1]))+"!"))
	}
	// Documented, not focus, off the route: the node defaults.
	var style, line, fill, font, pen string
	switch {
	case n.focus:
		line, fill, pen = colFocusLine, colFocusFill, "2.5"
		if !n.role.Documented {
			style = "rounded,dashed,filled"
		}
	case !n.role.Documented:
		style, line, font = "rounded,dashed", colMentioned, colMentionText
	}
	if n.fill != "" && !n.focus {
		fill, line = n.fill, n.line
		if !n.role.Documented {
			style = "rounded,dashed,filled"
		}
	}
	if n.route && !n.focus {
		line, pen = colRoute, "2"
	}
	if d.pos != nil && style == "rounded,dashed" {
		// Moves run under the roles in rings: hide them behind a white
		// fill.
		style, fill = "rounded,dashed,filled", "white"
	}
	if style != "" {
		b.WriteString(", style=" + dot.Quote(style))
	}
	if line != "" {
		b.WriteString(", color=" + dot.Quote(line))
	}
	if fill != "" {
		b.WriteString(", fillcolor=" + dot.Quote(fill))
	}
	if font != "" {
		b.WriteString(", fontcolor=" + dot.Quote(font))
	}
	if pen != "" {
		b.WriteString(", penwidth=" + pen)
	}
	b.WriteString("];\n")
}

// label is the node's label: a quoted string, or with a reading an
// HTML-like label, the only way to set the reading in smaller type.
func (n node) label() string {
	if len(n.reading) == 0 {
		return dot.Quote(strings.Join(n.name, "\n"))
	}
	// One row per line: Graphviz sets the lines of one HTML text block
	// a bare font size apart, too tight for kana under Latin.
	var b strings.Builder
	b.WriteString(`<<table border="0" cellborder="0" cellspacing="0" cellpadding="1">`)
	for _, l := range n.name {
		fmt.Fprintf(&b, `<tr><td>%s</td></tr>`, htmlEscape(l))
	}
	for _, l := range n.reading {
		fmt.Fprintf(&b, `<tr><td><font point-size="%s" color="%s">%s</font></td></tr>`, num(readingSize), colReading, htmlEscape(l))
	}
	b.WriteString(`</table>>`)
	return b.String()
}

// legendItem is one cell of the legend.
type legendItem struct {
	text   string
	sample string // a glyph line drawn in colour before the text, for moves
	color  string
	attrs  string // the cell's border and fill, for roles
}

// graphLabel returns the title and legend as an HTML-like label, or "".
// The legend shows only what the picture holds.
func (d *drawing) graphLabel() string {
	var items []legendItem
	has := func(f func(node) bool) bool { return slices.ContainsFunc(d.nodes, f) }
	if d.colors != nil {
		items = append(items, d.colors...)
	} else if has(func(n node) bool { return n.role.Documented && !n.focus }) {
		items = append(items, legendItem{text: "documented", attrs: fmt.Sprintf(`border="1" bgcolor="%s" color="%s"`, colDocFill, colDocLine)})
	}
	if has(func(n node) bool { return !n.role.Documented && !n.focus && n.fill == "" }) {
		items = append(items, legendItem{text: "mentioned only", attrs: fmt.Sprintf(`border="1" style="dashed" color="%s"`, colMentioned)})
	}
	if has(func(n node) bool { return n.focus }) {
		text := "focus"
		if d.kind == graph.SelectionPath {
			text = "start and end"
		}
		items = append(items, legendItem{text: text, attrs: fmt.Sprintf(`border="2" bgcolor="%s" color="%s"`, colFocusFill, colFocusLine)})
	}
	hasEdge := func(f func(edge) bool) bool { return slices.ContainsFunc(d.edges, f) }
	if hasEdge(func(e edge) bool { return e.route == 1 }) {
		items = append(items, legendItem{text: "cheapest route", sample: "━━▶", color: colRoute})
	}
	if hasEdge(func(e edge) bool { return e.route == 2 }) {
		items = append(items, legendItem{text: "alternative", sample: "━━▶", color: colAlt})
	}
	if hasEdge(func(e edge) bool { return e.move.Kind == graph.Career && e.route == 0 }) {
		items = append(items, legendItem{text: "career move", sample: "──▶", color: colCareer})
	}
	if hasEdge(func(e edge) bool { return e.move.Kind == graph.Related }) {
		items = append(items, legendItem{text: "related move", sample: "╌╌╌", color: colRelated})
	}
	title := wrap(d.title, titleCols)
	if len(title) == 0 && len(items) == 0 {
		return ""
	}

	var b strings.Builder
	b.WriteString(`<<table border="0" cellborder="0" cellspacing="2" cellpadding="2">`)
	if len(title) > 0 {
		fmt.Fprintf(&b, `<tr><td><font point-size="%s">`, num(titleSize))
		for i, l := range title {
			if i > 0 {
				b.WriteString("<br/>")
			}
			b.WriteString(htmlEscape(l))
		}
		b.WriteString(`</font></td></tr>`)
	}
	if len(items) > 0 {
		fmt.Fprintf(&b, `<tr><td><table border="0" cellborder="0" cellspacing="6" cellpadding="3"><tr>`)
		for _, it := range items {
			text := it.text
			if it.sample != "" {
				text = it.sample + " " + it.text
			}
			width := ceilPt(textWidth(text, legendSize)*widthSlack + 2*3 + 4)
			fmt.Fprintf(&b, `<td width="%d"`, width)
			if it.attrs != "" {
				b.WriteString(" " + it.attrs)
			}
			fmt.Fprintf(&b, `><font point-size="%s">`, num(legendSize))
			if it.sample != "" {
				fmt.Fprintf(&b, `<font color="%s">%s</font> `, it.color, htmlEscape(it.sample))
			}
			b.WriteString(htmlEscape(it.text))
			b.WriteString(`</font></td>`)
		}
		b.WriteString(`</tr></table></td></tr>`)
	}
	b.WriteString(`</table>>`)
	return b.String()
}

func ceilPt(pt float64) int { return int(pt + 0.999) }

// num formats a size with at most two decimals, trailing zeros dropped.
func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// quoteLeft returns lines as one DOT quoted label, each line ended by \l:
// left-justified, so a cluster's label keeps to its corner, out of the
// way of the moves that leave the cluster.
func quoteLeft(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		q := dot.Quote(l)
		b.WriteString(q[1 : len(q)-1])
		b.WriteString(`\l`)
	}
	return `"` + b.String() + `"`
}

// htmlEscape escapes text for a Graphviz HTML-like label.
func htmlEscape(s string) string {
	return htmlReplacer.Replace(s)
}

var htmlReplacer = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")

// clusterLabelLoc puts cluster labels on top of the picture: Graphviz
// reads labelloc in the rank direction, so bottom-to-top flips it.
func (d *drawing) clusterLabelLoc() string {
	if d.rankdir == "BT" {
		return "b"
	}
	return "t"
}
