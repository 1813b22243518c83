package export

import (
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
// It writes as it goes: should w fail, or a value not encode, what was
// written before stays written (a caller that must leave nothing behind
// writes to a temporary file and renames it once done).
func WriteJSON(w io.Writer, g *graph.Graph) error {
	roles, moves := g.Roles(), g.Moves()
	link := func(i int) any {
		m := moves[i]
		k := m.Kind.String()
		return nodeLinkLink{Source: m.From, Target: m.To, Key: k, Kind: k, moveFields: newMoveFields(m), SourceDocs: graph.SourceStrings(m.Sources)}
	}
	s := newJSONStream(w)
	s.str("{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": {},\n")
	s.array(1, "nodes", len(roles), func(i int) any {
		r := roles[i]
		return nodeLinkNode{
			ID: r.ID, Label: r.Name, Documented: r.Documented, Reading: r.Reading,
			Names: nonNil(r.Names), SourceDocs: nonNil(r.Docs), nodeDetails: newNodeDetails(r), nodeProfile: newNodeProfile(r),
		}
	})
	s.str(",\n")
	s.array(1, "links", len(moves), link)
	s.str(",\n")
	s.array(1, "edges", len(moves), link)
	s.str("\n}\n")
	return s.flush()
}

// The node-link wire format: the document is written by WriteJSON,
// its nodes and links are these.
type (
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
