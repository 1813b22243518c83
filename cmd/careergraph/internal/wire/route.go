package wire

import "careergraph/graph"

// Step is one move of a route.
type Step struct {
	From    string  `json:"from"`
	To      string  `json:"to"`
	Kind    string  `json:"kind"` // "career" or "related"
	Sources Sources `json:"sources"`
	Cost    float64 `json:"cost"`                 // what the step costs under the query's options
	Tier    string  `json:"tier,omitempty"`       // O*NET relatedness tier
	Index   int     `json:"index,omitempty"`      // O*NET index, 1 = strongest
	Similar float64 `json:"similarity,omitempty"` // a pathway table's similarity
	Note    string  `json:"note,omitempty"`       // a spreadsheet's source or note
	// Basis says where a move not written in a document comes from:
	// "similar" for a suggestion from shared content (path --similar),
	// or the importer's basis; empty for a document's move.
	Basis string `json:"basis,omitempty"`
}

// Sources are the places a move was read from, written in JSON as
// "file:line" strings. A route's steps share them with the graph.
type Sources []graph.Source

// MarshalJSON writes the sources as an array of "file:line" strings, or
// null for nil.
func (l Sources) MarshalJSON() ([]byte, error) {
	if l == nil {
		return []byte("null"), nil
	}
	b := []byte{'['}
	for i, src := range l {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendSource(b, src)
	}
	return append(b, ']'), nil
}

// Route is a chain of moves and what it costs.
type Route struct {
	Cost  float64 `json:"cost"`
	Steps []Step  `json:"steps"`
}

// NewRoute returns r with role names in place of IDs.
func NewRoute(g *graph.Graph, r graph.Route) Route {
	out := Route{Cost: r.Cost, Steps: []Step{}}
	for _, s := range r.Steps {
		st := Step{From: g.NameOf(s.From), To: g.NameOf(s.To), Kind: s.Kind.String(), Sources: emptyIfNil(s.Sources), Cost: s.Cost}
		if a := s.Attrs; a != nil {
			st.Tier, st.Index, st.Similar, st.Note = a.Tier, a.Index, a.Similarity, a.Note
			st.Basis = a.Basis
		}
		out.Steps = append(out.Steps, st)
	}
	return out
}

// Path is the answer of path: the cheapest routes, cheapest first.
type Path struct {
	From   string  `json:"from"`
	To     string  `json:"to"`
	Paths  []Route `json:"paths"`
	Reason string  `json:"reason,omitempty"` // why Paths is empty
}

// NewPath returns the answer of a path question.
func NewPath(g *graph.Graph, from, to graph.Role, routes []graph.Route) Path {
	out := Path{From: from.Name, To: to.Name, Paths: []Route{}}
	for _, r := range routes {
		out.Paths = append(out.Paths, NewRoute(g, r))
	}
	return out
}

// GapStep is what one role on a route adds: the skills and
// qualifications its documents list that no role before it does (known:
// those a role before it already lists). documented is false for a role
// no document describes: it adds nothing known.
type GapStep struct {
	Role           string   `json:"role"`
	Documented     bool     `json:"documented"`
	Skills         []string `json:"skills"`
	Qualifications []string `json:"qualifications"`
	Known          []string `json:"known"`
}

// GapRoute is one route and what it asks, role by role: start is what the
// start role lists, steps one entry per step, gain_* everything to gain,
// covered what roles on the way list that the start already does.
type GapRoute struct {
	Route              Route     `json:"route"`
	Start              GapStep   `json:"start"`
	Steps              []GapStep `json:"steps"`
	GainSkills         []string  `json:"gain_skills"`
	GainQualifications []string  `json:"gain_qualifications"`
	Covered            []string  `json:"covered"`
}

// Gap is the answer of gap: for each route asked for, cheapest first,
// what it asks. Routes is empty when there is none.
type Gap struct {
	From   string     `json:"from"`
	To     string     `json:"to"`
	Routes []GapRoute `json:"routes"`
	Reason string     `json:"reason,omitempty"` // why Routes is empty
}

// NoGap returns the answer of a gap question without a route.
func NoGap(from, to, reason string) Gap {
	return Gap{From: from, To: to, Routes: []GapRoute{}, Reason: reason}
}

// NewGap returns the answer of a gap question: routes and gaps match by
// index.
func NewGap(g *graph.Graph, from, to graph.Role, routes []graph.Route, gaps []graph.RouteGap) Gap {
	out := NoGap(from.Name, to.Name, "")
	step := func(s graph.GapStep) GapStep {
		return GapStep{Role: g.NameOf(s.Role), Documented: s.Documented, Skills: emptyIfNil(s.Skills),
			Qualifications: emptyIfNil(s.Qualifications), Known: emptyIfNil(s.Known)}
	}
	for i, r := range routes {
		gp := gaps[i]
		gr := GapRoute{Route: NewRoute(g, r), Start: step(gp.Start), Steps: []GapStep{},
			GainSkills: emptyIfNil(gp.Skills), GainQualifications: emptyIfNil(gp.Qualifications), Covered: emptyIfNil(gp.Covered)}
		if len(r.Steps) == 0 {
			gr.Start = step(graph.GapStep{Role: from.ID, Documented: from.Profile != nil})
		}
		for _, s := range gp.Steps {
			gr.Steps = append(gr.Steps, step(s))
		}
		out.Routes = append(out.Routes, gr)
	}
	return out
}
