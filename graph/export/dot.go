package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"careergraph/graph"
	"careergraph/graph/internal/dot"
	"careergraph/graph/internal/xmlchar"
)

// WriteDOT writes g as a Graphviz DOT digraph.
//
// The digraph is not strict: strict would merge a career and a related
// move between the same two roles into one edge. Nodes get synthetic ids
// ("n0", "n1", … in the order of g.Roles()) and the display name as label,
// so no name can break the syntax; the role ID is kept as the slug
// attribute. Every id and value is quoted with `"` and `\` escaped.
//
// Node attributes: label, slug, documented ("true"/"false"), reading,
// names and docs (joined by "; "), level, code, description, and the profile as GraphML has it
// (classification, class_1…, summary, skills and the other lists). Edge attributes: kind ("career" or
// "related"), cost (every move), basis, tier, index, similarity and note
// (imported moves), sources ("file:line" joined by "; "), and style
// "dashed" for related moves: those GraphML has. Empty values are left out.
//
// Graphviz reads label as an escaped string, so it shows a name's
// backslash as one; other attributes are kept as written, so a reader of
// slug, names or sources sees a backslash doubled. DOT offers no escape
// that is right for both.
//
// Characters XML forbids (ESC, VT, U+FFFE, …) are written as U+FFFD, as
// GraphML and GEXF write them: Graphviz copies them into the SVG it
// draws, which no XML reader then takes.
func WriteDOT(w io.Writer, g *graph.Graph) error {
	bw := bufio.NewWriter(w)
	idx := nodeIndex(g)
	fmt.Fprintf(bw, "digraph %s {\n", dot.Quote("careergraph"))
	fmt.Fprintf(bw, "\tnode [shape=%s];\n", dot.Quote("box"))
	depth := classDepth(g)
	for i, r := range g.Roles() {
		fmt.Fprintf(bw, "\t%s [%s];\n", dot.Quote(fmt.Sprintf("n%d", i)), dotAttrs(
			append(append([]string{"label", r.Name, "slug", r.ID}, roleAttrs(r)...), profileAttrs(r, depth)...)...))
	}
	for _, m := range g.Moves() {
		style := ""
		if m.Kind == graph.Related {
			style = "dashed"
		}
		fmt.Fprintf(bw, "\t%s -> %s [%s];\n",
			dot.Quote(fmt.Sprintf("n%d", idx[m.From])), dot.Quote(fmt.Sprintf("n%d", idx[m.To])), dotAttrs(
				append(moveAttrs(m), "style", style)...))
	}
	fmt.Fprint(bw, "}\n")
	return bw.Flush()
}

// dotAttrs returns an attribute list for key, value pairs, leaving out
// empty values.
func dotAttrs(kv ...string) string {
	var b strings.Builder
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(kv[i] + "=" + dot.Quote(xmlchar.Clean(kv[i+1])))
	}
	return b.String()
}
