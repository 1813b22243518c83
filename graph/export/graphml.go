package export

import (
	"io"
	"strconv"

	"careergraph/graph"
)

// WriteGraphML writes g as GraphML 1.0, valid against the GraphML schema.
//
// The <key> declarations come before the <graph>, each with for,
// attr.name and attr.type. The graph is directed (edgedefault). Node ids
// are "n0", "n1", … in the order of g.Roles() and edge ids "e0", "e1", …
// in the order of g.Moves(): role IDs may hold characters that are not
// valid NMTOKENs, so the role ID is kept as the slug attribute. A career
// and a related move between the same two roles are two edges.
//
// Node attributes: label (the display name, which Gephi and yEd show),
// slug, documented (boolean, written lower-case), reading, names and docs
// (strings, items joined by "; "), level (int, such as an O*NET Job
// Zone), code and description (strings), then the profile (see profileAttrs:
// classification, class_1…, summary, required_skills,
// recommended_skills, qualifications, strengths, weaknesses, traits,
// tags, keywords; strings, lists joined by "; "); an empty value is left
// out. Edge attributes (moveAttrs): kind ("career" or "related"), cost
// (double, on every move: its own, or its kind's default, career 1 and
// related 2), basis (string: where an imported cost came from), tier
// (string), index (int), similarity (double), note (string) and sources
// ("file:line" joined by "; "). Keys are declared once for every graph,
// from the definitions dot and gexf share.
// It writes as it goes: should w fail, or a value not encode, what was
// written before stays written (a caller that must leave nothing behind
// writes to a temporary file and renames it once done).
func WriteGraphML(w io.Writer, g *graph.Graph) error {
	s := newXMLStream(w)
	s.start("graphml",
		"xmlns", "http://graphml.graphdrawing.org/xmlns",
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
		"xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")
	keys := []gmlKey{
		{ID: "label", For: "node", Name: "label", Type: "string"},
		{ID: "slug", For: "node", Name: "slug", Type: "string"},
	}
	depth := classDepth(g)
	for _, k := range roleKeys(depth) {
		keys = append(keys, gmlKey{ID: k.name, For: "node", Name: k.name, Type: k.typ.graphml()})
	}
	for _, k := range moveDefs {
		keys = append(keys, gmlKey{ID: k.name, For: "edge", Name: k.name, Type: k.typ.graphml()})
	}
	s.elements("key", len(keys), func(i int) any { return keys[i] })
	s.start("graph", "id", "careergraph", "edgedefault", "directed")
	roles, moves := g.Roles(), g.Moves()
	s.elements("node", len(roles), func(i int) any {
		r := roles[i]
		return gmlNode{ID: "n" + strconv.Itoa(i), Data: gmlValues(append(append([]string{"label", r.Name, "slug", r.ID}, roleAttrs(r)...), profileAttrs(r, depth)...)...)}
	})
	idx := nodeIndex(g)
	s.elements("edge", len(moves), func(i int) any {
		m := moves[i]
		return gmlEdge{
			ID:     "e" + strconv.Itoa(i),
			Source: "n" + strconv.Itoa(idx[m.From]),
			Target: "n" + strconv.Itoa(idx[m.To]),
			Data:   gmlValues(moveAttrs(m)...),
		}
	})
	s.end("graph")
	s.end("graphml")
	return s.close()
}

// gmlValues returns <data> elements for key, value pairs, leaving out
// empty values: an absent <data> is GraphML's way to say "no value".
func gmlValues(kv ...string) []gmlData {
	out := make([]gmlData, 0, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			out = append(out, gmlData{Key: kv[i], Value: kv[i+1]})
		}
	}
	return out
}

// The GraphML wire format: the document is written by WriteGraphML,
// its parts are these.
type (
	gmlKey struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	}
	gmlNode struct {
		ID   string    `xml:"id,attr"`
		Data []gmlData `xml:"data"`
	}
	gmlEdge struct {
		ID     string    `xml:"id,attr"`
		Source string    `xml:"source,attr"`
		Target string    `xml:"target,attr"`
		Data   []gmlData `xml:"data"`
	}
	gmlData struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
)
