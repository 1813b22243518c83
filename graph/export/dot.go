package export

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"careergraph/graph"
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
// names and docs (joined by "; "). Edge attributes: kind ("career" or
// "related"), sources ("file:line" joined by "; "), and style "dashed"
// for related moves. Empty values are left out.
//
// Graphviz reads label as an escaped string, so it shows a name's
// backslash as one; other attributes are kept as written, so a reader of
// slug, names or sources sees a backslash doubled. DOT offers no escape
// that is right for both.
func WriteDOT(w io.Writer, g *graph.Graph) error {
	bw := bufio.NewWriter(w)
	idx := nodeIndex(g)
	fmt.Fprintf(bw, "digraph %s {\n", dotQuote("careergraph"))
	fmt.Fprintf(bw, "\tnode [shape=%s];\n", dotQuote("box"))
	for i, r := range g.Roles() {
		fmt.Fprintf(bw, "\t%s [%s];\n", dotQuote(fmt.Sprintf("n%d", i)), dotAttrs(
			"label", r.Name,
			"slug", r.ID,
			"documented", strconv.FormatBool(r.Documented),
			"reading", r.Reading,
			"names", joinList(r.Names),
			"docs", joinList(r.Docs),
		))
	}
	for _, m := range g.Moves() {
		style := ""
		if m.Kind == graph.Related {
			style = "dashed"
		}
		fmt.Fprintf(bw, "\t%s -> %s [%s];\n",
			dotQuote(fmt.Sprintf("n%d", idx[m.From])), dotQuote(fmt.Sprintf("n%d", idx[m.To])), dotAttrs(
				"kind", m.Kind.String(),
				"style", style,
				"sources", joinList(sourceStrings(m.Sources)),
			))
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
		b.WriteString(kv[i] + "=" + dotQuote(kv[i+1]))
	}
	return b.String()
}

// dotQuote returns s as a DOT double-quoted string. Backslashes are
// doubled, so Graphviz's label escapes (\n, \l, \N …) cannot be triggered
// by a name and a trailing backslash cannot swallow the closing quote;
// line breaks become the \n escape.
func dotQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
