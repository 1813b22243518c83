package export

import (
	"encoding/json"
	"io"

	"careergraph/graph"
)

// WriteJSON writes g as NetworkX node-link JSON, the contract of
// `careergraph export --format json`:
//
//	{"directed": true, "multigraph": true, "graph": {},
//	 "nodes": [{"id": SLUG, "label": NAME, "documented": BOOL, "reading": STR,
//	            "names": [...], "source_docs": [...], "level": INT,
//	            "code": STR, "description": STR, PROFILE...}],
//	 "links": [{"source": ID, "target": ID, "key": KIND, "kind": KIND,
//	            "cost": NUMBER, "basis": STR, "tier": STR, "index": INT,
//	            "similarity": NUMBER, "note": STR,
//	            "source_docs": ["file:line"]}],
//	 "edges": [... the same as "links" ...]}
//
// Nodes come in the order of g.Roles(), links in the order of g.Moves().
// The moves are written twice, as "links" (what NetworkX before 3.4 and D3
// read) and as "edges" (the name NetworkX 3.4 and later default to).
// A move's key is its kind, so a career and a related move between the
// same two roles are two edges of the multigraph. Every link has a cost
// (its own, or its kind's default: career 1, related 2), which NetworkX
// reads as a weight (weight="cost"); level, code, description, basis,
// tier, index, similarity and note are left out where a source gives
// none (moves from documents have none). Provenance is
// "source_docs", never "source", which is an edge's start. Arrays are
// never null. The output is indented by two spaces and ends in a newline;
// keys keep this order.
func WriteJSON(w io.Writer, g *graph.Graph) error {
	doc := nodeLink{Directed: true, Multigraph: true, Graph: struct{}{}}
	doc.Nodes = make([]nodeLinkNode, len(g.Roles()))
	for i, r := range g.Roles() {
		doc.Nodes[i] = nodeLinkNode{
			ID: r.ID, Label: r.Name, Documented: r.Documented, Reading: r.Reading,
			Names: nonNil(r.Names), SourceDocs: nonNil(r.Docs), nodeDetails: newNodeDetails(r), nodeProfile: newNodeProfile(r),
		}
	}
	doc.Links = make([]nodeLinkLink, len(g.Moves()))
	for i, m := range g.Moves() {
		k := m.Kind.String()
		doc.Links[i] = nodeLinkLink{Source: m.From, Target: m.To, Key: k, Kind: k, moveFields: newMoveFields(m), SourceDocs: graph.SourceStrings(m.Sources)}
	}
	doc.Edges = doc.Links
	return writeJSON(w, doc)
}

// writeJSON writes v indented by two spaces with a final newline, leaving
// <, > and & as they are: the output is a file, not HTML.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// The node-link wire format.
type (
	nodeLink struct {
		Directed   bool           `json:"directed"`
		Multigraph bool           `json:"multigraph"`
		Graph      struct{}       `json:"graph"`
		Nodes      []nodeLinkNode `json:"nodes"`
		Links      []nodeLinkLink `json:"links"`
		Edges      []nodeLinkLink `json:"edges"`
	}
	nodeLinkNode struct {
		ID         string   `json:"id"`
		Label      string   `json:"label"`
		Documented bool     `json:"documented"`
		Reading    string   `json:"reading"`
		Names      []string `json:"names"`
		SourceDocs []string `json:"source_docs"`
		nodeDetails
		nodeProfile
	}
	nodeLinkLink struct {
		Source string `json:"source"`
		Target string `json:"target"`
		Key    string `json:"key"`
		Kind   string `json:"kind"`
		moveFields
		SourceDocs []string `json:"source_docs"`
	}
)
