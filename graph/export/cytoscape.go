package export

import (
	"io"
	"strconv"

	"careergraph/graph"
)

// WriteCytoscape writes g as Cytoscape.js elements JSON, which
// Cytoscape.js takes as its elements option and Cytoscape desktop imports
// as a .cyjs network:
//
//	{"elements": {
//	  "nodes": [{"data": {"id": SLUG, "label": NAME, "documented": BOOL,
//	             "reading": STR, "names": [...], "source_docs": [...],
//	             "level": INT, "code": STR, "description": STR, PROFILE...}}],
//	  "edges": [{"data": {"id": ID, "source": SLUG, "target": SLUG,
//	             "kind": KIND, "cost": NUMBER, "basis": STR, "tier": STR,
//	             "index": INT, "similarity": NUMBER, "note": STR,
//	             "source_docs": ["file:line"]}}]}}
//
// Fields are those of WriteJSON: every edge has a cost; the fields only
// some sources give are left out when empty.
//
// A node's id is its role ID. An edge's id is "FROM->TO:KIND", stable
// across selections of the same graph. Slugs never hold ">" or ":",
// but should one make an edge id equal to another id, the edge id gets a
// "#2", "#3", … suffix, so ids are unique across nodes and edges as
// Cytoscape.js requires. source and target are endpoints; provenance is
// source_docs. Order: g.Roles(), then g.Moves(); indented by two spaces.
// It writes as it goes: should w fail, or a value not encode, what was
// written before stays written (a caller that must leave nothing behind
// writes to a temporary file and renames it once done).
func WriteCytoscape(w io.Writer, g *graph.Graph) error {
	roles, moves := g.Roles(), g.Moves()
	taken := make(map[string]bool, len(roles)+len(moves))
	s := newJSONStream(w)
	s.str("{\n  \"elements\": {\n")
	s.array(2, "nodes", len(roles), func(i int) any {
		r := roles[i]
		taken[r.ID] = true
		return cyNode{Data: cyNodeData{
			ID: r.ID, Label: r.Name, Documented: r.Documented, Reading: r.Reading,
			Names: nonNil(r.Names), SourceDocs: nonNil(r.Docs), nodeDetails: newNodeDetails(r), nodeProfile: newNodeProfile(r),
		}}
	})
	s.str(",\n")
	// Every node's id is taken before the first edge's is made.
	s.array(2, "edges", len(moves), func(i int) any {
		m := moves[i]
		id := m.From + "->" + m.To + ":" + m.Kind.String()
		for n := 2; taken[id]; n++ {
			id = m.From + "->" + m.To + ":" + m.Kind.String() + "#" + strconv.Itoa(n)
		}
		taken[id] = true
		return cyEdge{Data: cyEdgeData{
			ID: id, Source: m.From, Target: m.To, Kind: m.Kind.String(), moveFields: newMoveFields(m), SourceDocs: graph.SourceStrings(m.Sources),
		}}
	})
	s.str("\n  }\n}\n")
	return s.flush()
}

// The Cytoscape.js wire format: the document is written by
// WriteCytoscape, its elements are these.
type (
	cyNode struct {
		Data cyNodeData `json:"data"`
	}
	cyNodeData struct {
		ID         string   `json:"id"`
		Label      string   `json:"label"`
		Documented bool     `json:"documented"`
		Reading    string   `json:"reading"`
		Names      []string `json:"names"`
		SourceDocs []string `json:"source_docs"`
		nodeDetails
		nodeProfile
	}
	cyEdge struct {
		Data cyEdgeData `json:"data"`
	}
	cyEdgeData struct {
		ID     string `json:"id"`
		Source string `json:"source"`
		Target string `json:"target"`
		Kind   string `json:"kind"`
		moveFields
		SourceDocs []string `json:"source_docs"`
	}
)
