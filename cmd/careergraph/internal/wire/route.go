package wire

import "careergraph/graph"

// Step is one move of a route.
type Step struct {
	From    string   `json:"from"`
	To      string   `json:"to"`
	Kind    string   `json:"kind"` // "career" or "related"
	Sources []string `json:"sources"`
	Cost    float64  `json:"cost"`                 // what the step costs under the query's options
	Tier    string   `json:"tier,omitempty"`       // O*NET relatedness tier
	Index   int      `json:"index,omitempty"`      // O*NET index, 1 = strongest
	Similar float64  `json:"similarity,omitempty"` // a pathway table's similarity
	Note    string   `json:"note,omitempty"`       // a spreadsheet's source or note
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
		st := Step{From: name(g, s.From), To: name(g, s.To), Kind: s.Kind.String(), Sources: sourceStrings(s.Sources), Cost: s.Cost}
		if a := s.Attrs; a != nil {
			st.Tier, st.Index, st.Similar, st.Note = a.Tier, a.Index, a.Similarity, a.Note
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

// GapStep is what the target of one step lists that its start does not.
type GapStep struct {
	From           string   `json:"from"`
	To             string   `json:"to"`
	Skills         []string `json:"skills"`
	Qualifications []string `json:"qualifications"`
}

// Gap is the answer of gap: the cheapest route and what to gain on each
// step of it. Route is null when there is none.
type Gap struct {
	From   string    `json:"from"`
	To     string    `json:"to"`
	Route  *Route    `json:"route"`
	Gaps   []GapStep `json:"gaps"`
	Reason string    `json:"reason,omitempty"` // why Route is null
}

// NewGap returns the answer of a gap question.
func NewGap(g *graph.Graph, from, to graph.Role, route graph.Route, gaps []graph.Gap) Gap {
	r := NewRoute(g, route)
	out := Gap{From: from.Name, To: to.Name, Route: &r, Gaps: []GapStep{}}
	for _, gp := range gaps {
		out.Gaps = append(out.Gaps, GapStep{From: name(g, gp.From), To: name(g, gp.To),
			Skills: emptyIfNil(gp.Skills), Qualifications: emptyIfNil(gp.Qualifications)})
	}
	return out
}
