package export

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"careergraph/graph"
)

// DefaultGEXFVersion is the GEXF version WriteGEXF writes unless told
// otherwise, and the one the "gexf" format writes.
const DefaultGEXFVersion = "1.3"

// gexfVersions maps each GEXF version careergraph writes to its namespace
// and the value of the version attribute. The namespaces must be exact:
// readers match them as strings.
var gexfVersions = []struct {
	name, namespace, version string
}{
	{"1.3", "http://gexf.net/1.3", "1.3"},
	{"1.2draft", "http://www.gexf.net/1.2draft", "1.2"},
}

// GEXFVersions returns the GEXF versions WriteGEXF accepts, the default
// first: "1.3", then "1.2draft" for older readers (NetworkX before 3.6
// reads only 1.2draft).
func GEXFVersions() []string {
	out := make([]string, len(gexfVersions))
	for i, v := range gexfVersions {
		out[i] = v.name
	}
	return out
}

// WriteGEXF writes g as GEXF of the given version (see GEXFVersions),
// valid against both the XSD and the RELAX NG schema of that version (so
// without xsi:schemaLocation, which the RELAX NG schema forbids). An
// unknown version is an error that lists the known ones; nothing is
// written then.
//
// The graph is directed (defaultedgetype) and static. Node ids are role
// IDs, labels display names. Every attribute a node or edge carries is
// declared in <attributes>: for nodes documented (boolean), reading,
// names and docs (strings, items joined by "; "), level (integer), code
// and description, and the profile (see profileAttrs, the same strings as
// GraphML's); for edges kind ("career" or "related"), cost (double, on
// every move), basis, tier, index (integer), similarity (double), note
// and sources ("file:line" joined by "; "), as GraphML has them. Empty
// values are left out. Edge ids are "e0", "e1", … in the order of
// g.Moves(), so a career and a related move between the same two roles
// stay two edges. Each edge's label is its kind, and in GEXF 1.3 so is
// its native kind attribute, the 1.3 way to say that parallel edges are
// of different types. <edges> is written even when there are none.
// It writes as it goes: should w fail, or a value not encode, what was
// written before stays written (a caller that must leave nothing behind
// writes to a temporary file and renames it once done).
func WriteGEXF(w io.Writer, g *graph.Graph, version string) error {
	i := -1
	for j, v := range gexfVersions {
		if v.name == version {
			i = j
		}
	}
	if i < 0 {
		return fmt.Errorf("unknown GEXF version %q (known: %s)", version, strings.Join(GEXFVersions(), ", "))
	}
	v := gexfVersions[i]
	s := newXMLStream(w)
	s.start("gexf", "xmlns", v.namespace, "version", v.version)
	s.elements("meta", 1, func(int) any { return gexfMeta{Creator: "careergraph"} })
	s.start("graph", "defaultedgetype", "directed", "mode", "static")
	attrs := []gexfAttributes{{Class: "node"}, {Class: "edge"}}
	depth := classDepth(g)
	for _, k := range roleKeys(depth) {
		attrs[0].Attribute = append(attrs[0].Attribute, gexfAttribute{ID: k.name, Title: k.name, Type: k.typ.gexf()})
	}
	for _, k := range moveDefs {
		attrs[1].Attribute = append(attrs[1].Attribute, gexfAttribute{ID: k.name, Title: k.name, Type: k.typ.gexf()})
	}
	s.elements("attributes", len(attrs), func(i int) any { return attrs[i] })
	roles := g.Roles()
	s.start("nodes", "count", strconv.Itoa(len(roles)))
	s.elements("node", len(roles), func(i int) any {
		r := roles[i]
		return gexfNode{ID: r.ID, Label: r.Name, Values: gexfValues(append(roleAttrs(r), profileAttrs(r, depth)...)...)}
	})
	s.end("nodes")
	moves := g.Moves()
	s.start("edges", "count", strconv.Itoa(len(moves)))
	s.elements("edge", len(moves), func(i int) any {
		m := moves[i]
		e := gexfEdge{
			ID: "e" + strconv.Itoa(i), Source: m.From, Target: m.To, Label: m.Kind.String(),
			Values: gexfValues(moveAttrs(m)...),
		}
		if v.name == "1.3" {
			e.Kind = m.Kind.String()
		}
		return e
	})
	s.end("edges")
	s.end("graph")
	s.end("gexf")
	return s.close()
}

// gexfValues returns <attvalue> elements for key, value pairs, leaving
// out empty values.
func gexfValues(kv ...string) []gexfValue {
	out := make([]gexfValue, 0, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			out = append(out, gexfValue{For: kv[i], Value: kv[i+1]})
		}
	}
	return out
}

// The GEXF wire format, common to 1.2draft and 1.3: the document is
// written by WriteGEXF, its parts are these.
type (
	gexfMeta struct {
		Creator string `xml:"creator"`
	}
	gexfAttributes struct {
		Class     string          `xml:"class,attr"`
		Attribute []gexfAttribute `xml:"attribute"`
	}
	gexfAttribute struct {
		ID    string `xml:"id,attr"`
		Title string `xml:"title,attr"`
		Type  string `xml:"type,attr"`
	}
	gexfNode struct {
		ID     string      `xml:"id,attr"`
		Label  string      `xml:"label,attr"`
		Values []gexfValue `xml:"attvalues>attvalue"`
	}
	gexfEdge struct {
		ID     string      `xml:"id,attr"`
		Source string      `xml:"source,attr"`
		Target string      `xml:"target,attr"`
		Kind   string      `xml:"kind,attr,omitempty"`
		Label  string      `xml:"label,attr"`
		Values []gexfValue `xml:"attvalues>attvalue"`
	}
	gexfValue struct {
		For   string `xml:"for,attr"`
		Value string `xml:"value,attr"`
	}
)
