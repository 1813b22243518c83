package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"careergraph/graph"
)

// Mermaid's default limits, measured with Mermaid 11: a flowchart of more
// edges (maxEdges) is an error, and a diagram longer than maxTextSize
// (in UTF-16 code units, as JavaScript counts) is drawn as "Maximum text
// size in diagram exceeded".
const (
	MermaidMaxEdges    = 500
	MermaidMaxTextSize = 50000
)

// ErrTooLarge is the error, matched with errors.Is, of an export whose
// format cannot hold the whole graph; see TooLargeError.
var ErrTooLarge = errors.New("graph too large for the format")

// TooLargeError reports a graph beyond what a format's readers accept.
type TooLargeError struct {
	Format string
	What   string // what is counted: "moves" or "characters"
	Max    int    // the most the format's readers accept
	Has    int    // how many this graph needs
}

// Error says what the format takes and what the graph needs. What to do
// instead (a smaller selection, another format) is the caller's to say.
func (e *TooLargeError) Error() string {
	verb := "draws"
	if e.What == "characters" {
		verb = "reads"
	}
	return fmt.Sprintf("%s %s at most %d %s; this graph has %d", e.Format, verb, e.Max, e.What, e.Has)
}

// Is reports whether target is ErrTooLarge.
func (e *TooLargeError) Is(target error) bool { return target == ErrTooLarge }

// WriteMermaid writes g as a Mermaid flowchart, bottom to top so a career
// ladder reads upwards. Nodes get synthetic ids (n0, n1, … in the order
// of g.Roles()) written as n0["label"]; in labels `"`, `<`, `>`, `&`, `#`
// and "`" are written as Mermaid entity codes (#quot;, #lt;, #gt;,
// #amp;, #35;, #96;) and line breaks as spaces. Career moves are arrows
// (-->), related moves dotted lines (-.-). Documented roles have the
// class "documented", the others "mentioned".
//
// Mermaid refuses diagrams of more than 500 edges or 50000 characters
// (UTF-16 code units) by default. For a larger graph WriteMermaid writes
// nothing and returns a *TooLargeError (errors.Is ErrTooLarge).
func WriteMermaid(w io.Writer, g *graph.Graph) error {
	if n := len(g.Moves()); n > MermaidMaxEdges {
		return &TooLargeError{Format: "mermaid", What: "moves", Max: MermaidMaxEdges, Has: n}
	}
	var b bytes.Buffer
	b.WriteString("flowchart BT\n")
	b.WriteString("    classDef documented fill:#dbeafe,stroke:#1d4ed8,stroke-width:2px\n")
	b.WriteString("    classDef mentioned fill:#f3f4f6,stroke:#6b7280,stroke-dasharray:4 2\n")
	for i, r := range g.Roles() {
		class := "mentioned"
		if r.Documented {
			class = "documented"
		}
		fmt.Fprintf(&b, "    n%d[\"%s\"]:::%s\n", i, mermaidEscape(r.Name), class)
	}
	idx := nodeIndex(g)
	for _, m := range g.Moves() {
		link := "-->"
		if m.Kind == graph.Related {
			link = "-.-"
		}
		fmt.Fprintf(&b, "    n%d %s n%d\n", idx[m.From], link, idx[m.To])
	}
	if n := jsLength(b.Bytes()); n > MermaidMaxTextSize {
		return &TooLargeError{Format: "mermaid", What: "characters", Max: MermaidMaxTextSize, Has: n}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// jsLength returns the length of UTF-8 text as JavaScript counts it, in
// UTF-16 code units: the measure of Mermaid's maxTextSize.
func jsLength(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		n += utf16.RuneLen(r)
		b = b[size:]
	}
	return n
}

// mermaidReplacer makes one pass, so the '#' of the entity codes it
// writes is not escaped again.
var mermaidReplacer = strings.NewReplacer(
	"#", "#35;",
	`"`, "#quot;",
	"<", "#lt;",
	">", "#gt;",
	"&", "#amp;",
	"`", "#96;",
	"\r\n", " ",
	"\n", " ",
	"\r", " ",
)

// mermaidEscape returns s safe inside a Mermaid quoted label.
func mermaidEscape(s string) string { return mermaidReplacer.Replace(s) }
