package export

import (
	"encoding/xml"
	"fmt"
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
func WriteGraphML(w io.Writer, g *graph.Graph) error {
	doc := gmlDoc{
		Xmlns:    "http://graphml.graphdrawing.org/xmlns",
		XSI:      "http://www.w3.org/2001/XMLSchema-instance",
		Location: "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
		Keys: []gmlKey{
			{ID: "label", For: "node", Name: "label", Type: "string"},
			{ID: "slug", For: "node", Name: "slug", Type: "string"},
		},
		Graph: gmlGraph{ID: "careergraph", EdgeDefault: "directed"},
	}
	depth := classDepth(g)
	for _, k := range roleKeys(depth) {
		doc.Keys = append(doc.Keys, gmlKey{ID: k.name, For: "node", Name: k.name, Type: k.typ.graphml()})
	}
	for _, k := range moveDefs {
		doc.Keys = append(doc.Keys, gmlKey{ID: k.name, For: "edge", Name: k.name, Type: k.typ.graphml()})
	}
	roles := g.Roles()
	doc.Graph.Nodes = make([]gmlNode, len(roles))
	for i, r := range roles {
		doc.Graph.Nodes[i] = gmlNode{ID: "n" + strconv.Itoa(i), Data: gmlValues(append(append([]string{"label", r.Name, "slug", r.ID}, roleAttrs(r)...), profileAttrs(r, depth)...)...)}
	}
	idx := nodeIndex(g)
	moves := g.Moves()
	doc.Graph.Edges = make([]gmlEdge, len(moves))
	for i, m := range moves {
		doc.Graph.Edges[i] = gmlEdge{
			ID:     "e" + strconv.Itoa(i),
			Source: "n" + strconv.Itoa(idx[m.From]),
			Target: "n" + strconv.Itoa(idx[m.To]),
			Data:   gmlValues(moveAttrs(m)...),
		}
	}
	return writeXML(w, doc)
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

// writeXML writes v as an indented XML document with its declaration and
// a final newline.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encode xml: %w", err)
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// The GraphML wire format.
type (
	gmlDoc struct {
		XMLName  xml.Name `xml:"graphml"`
		Xmlns    string   `xml:"xmlns,attr"`
		XSI      string   `xml:"xmlns:xsi,attr"`
		Location string   `xml:"xsi:schemaLocation,attr"`
		Keys     []gmlKey `xml:"key"`
		Graph    gmlGraph `xml:"graph"`
	}
	gmlKey struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	}
	gmlGraph struct {
		ID          string    `xml:"id,attr"`
		EdgeDefault string    `xml:"edgedefault,attr"`
		Nodes       []gmlNode `xml:"node"`
		Edges       []gmlEdge `xml:"edge"`
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
