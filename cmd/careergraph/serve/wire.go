package serve

// The JSON the API returns is the JSON the command's --json prints. These
// builders are the one place the server makes it; they mirror the
// command's, field for field and in the same order, until both faces take
// them from one shared package.

import (
	"slices"
	"strings"

	"careergraph/graph"
	"careergraph/loader"
)

func roleName(g *graph.Graph, id string) string {
	if r, ok := g.Role(id); ok {
		return r.Name
	}
	return id
}

func roleNames(g *graph.Graph, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = roleName(g, id)
	}
	return out
}

func sourceStrings(src []graph.Source) []string {
	out := make([]string, len(src))
	for i, s := range src {
		out[i] = s.String()
	}
	return out
}

func emptyIfNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

type wireRole struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Documented bool     `json:"documented"`
	Reading    string   `json:"reading"`
	Names      []string `json:"names"`
	MatchedBy  string   `json:"matched_by,omitempty"`
}

type wireRoles struct {
	Query string     `json:"query"`
	Roles []wireRole `json:"roles"`
}

func rolesJSON(query string, found []graph.Match) wireRoles {
	out := wireRoles{Query: query, Roles: []wireRole{}}
	for _, m := range found {
		r := wireRole{ID: m.Role.ID, Name: m.Role.Name, Documented: m.Role.Documented, Reading: m.Role.Reading, Names: emptyIfNil(m.Role.Names)}
		if query != "" {
			r.MatchedBy = m.MatchBy
		}
		out.Roles = append(out.Roles, r)
	}
	return out
}

type wireLink struct {
	Role    string   `json:"role"`
	Sources []string `json:"sources"`
}

type wireCard struct {
	ID                string     `json:"id"`
	Name              string     `json:"name"`
	Documented        bool       `json:"documented"`
	Reading           string     `json:"reading"`
	Classification    []string   `json:"classification"`
	Names             []string   `json:"names"`
	Summary           string     `json:"summary"`
	RequiredSkills    []string   `json:"required_skills"`
	RecommendedSkills []string   `json:"recommended_skills"`
	Qualifications    []string   `json:"qualifications"`
	CareerFrom        []wireLink `json:"career_from"`
	CareerTo          []wireLink `json:"career_to"`
	Related           []wireLink `json:"related"`
	Documents         []string   `json:"documents"`
}

func cardJSON(g *graph.Graph, r graph.Role, out, in []graph.Move) wireCard {
	c := wireCard{
		ID: r.ID, Name: r.Name, Documented: r.Documented, Reading: r.Reading,
		Classification: emptyIfNil(r.Classification), Names: emptyIfNil(r.Names),
		RequiredSkills: []string{}, RecommendedSkills: []string{}, Qualifications: []string{},
		CareerFrom: []wireLink{}, CareerTo: []wireLink{}, Related: []wireLink{}, Documents: emptyIfNil(r.Docs),
	}
	if p := r.Profile; p != nil {
		c.Summary = p.Summary
		c.RequiredSkills = emptyIfNil(p.RequiredSkills)
		c.RecommendedSkills = emptyIfNil(p.RecommendedSkills)
		c.Qualifications = emptyIfNil(p.Qualifications)
	}
	related := map[string][]string{}
	for _, m := range out {
		if m.Kind == graph.Career {
			c.CareerTo = append(c.CareerTo, wireLink{roleName(g, m.To), sourceStrings(m.Sources)})
		} else {
			related[m.To] = append(related[m.To], sourceStrings(m.Sources)...)
		}
	}
	for _, m := range in {
		if m.Kind == graph.Career {
			c.CareerFrom = append(c.CareerFrom, wireLink{roleName(g, m.From), sourceStrings(m.Sources)})
		} else {
			related[m.From] = append(related[m.From], sourceStrings(m.Sources)...)
		}
	}
	for id, src := range related {
		slices.Sort(src)
		c.Related = append(c.Related, wireLink{roleName(g, id), slices.Compact(src)})
	}
	slices.SortFunc(c.Related, func(a, b wireLink) int { return strings.Compare(a.Role, b.Role) })
	return c
}

type wireStep struct {
	From    string   `json:"from"`
	To      string   `json:"to"`
	Kind    string   `json:"kind"`
	Sources []string `json:"sources"`
}

type wireRoute struct {
	Cost  int        `json:"cost"`
	Steps []wireStep `json:"steps"`
}

func routeJSON(g *graph.Graph, r graph.Route) wireRoute {
	out := wireRoute{Cost: r.Cost, Steps: []wireStep{}}
	for _, s := range r.Steps {
		out.Steps = append(out.Steps, wireStep{From: roleName(g, s.From), To: roleName(g, s.To), Kind: s.Kind.String(), Sources: sourceStrings(s.Sources)})
	}
	return out
}

type wirePaths struct {
	From   string      `json:"from"`
	To     string      `json:"to"`
	Paths  []wireRoute `json:"paths"`
	Reason string      `json:"reason,omitempty"` // why there are no paths
}

func pathJSON(g *graph.Graph, from, to graph.Role, routes []graph.Route) wirePaths {
	out := wirePaths{From: from.Name, To: to.Name, Paths: []wireRoute{}}
	for _, r := range routes {
		out.Paths = append(out.Paths, routeJSON(g, r))
	}
	return out
}

type wireGapStep struct {
	From           string   `json:"from"`
	To             string   `json:"to"`
	Skills         []string `json:"skills"`
	Qualifications []string `json:"qualifications"`
}

type wireGap struct {
	From   string        `json:"from"`
	To     string        `json:"to"`
	Route  wireRoute     `json:"route"`
	Gaps   []wireGapStep `json:"gaps"`
	Reason string        `json:"reason,omitempty"` // why there is no route
}

func gapJSON(g *graph.Graph, from, to graph.Role, route graph.Route, gaps []graph.Gap) wireGap {
	out := wireGap{From: from.Name, To: to.Name, Route: routeJSON(g, route), Gaps: []wireGapStep{}}
	for _, gp := range gaps {
		out.Gaps = append(out.Gaps, wireGapStep{From: roleName(g, gp.From), To: roleName(g, gp.To),
			Skills: emptyIfNil(gp.Skills), Qualifications: emptyIfNil(gp.Qualifications)})
	}
	return out
}

type wireReached struct {
	Role  string `json:"role"`
	Cost  int    `json:"cost"`
	Steps int    `json:"steps"`
}

type wireReach struct {
	Role    string        `json:"role"`
	Reverse bool          `json:"reverse"`
	Reached []wireReached `json:"reached"`
}

func reachJSON(g *graph.Graph, role graph.Role, reverse bool, reached []graph.Reached) wireReach {
	out := wireReach{Role: role.Name, Reverse: reverse, Reached: []wireReached{}}
	for _, r := range reached {
		out.Reached = append(out.Reached, wireReached{roleName(g, r.Role), r.Cost, r.Steps})
	}
	return out
}

type wireLadderMove struct {
	From    string   `json:"from"`
	To      string   `json:"to"`
	Sources []string `json:"sources"`
}

type wireLadder struct {
	Role  string           `json:"role"`
	Below [][]string       `json:"below"`
	Above [][]string       `json:"above"`
	Moves []wireLadderMove `json:"moves"`
}

func ladderJSON(g *graph.Graph, role graph.Role, l graph.Ladder) wireLadder {
	rungs := func(rs [][]string) [][]string {
		out := [][]string{}
		for _, r := range rs {
			out = append(out, roleNames(g, r))
		}
		return out
	}
	out := wireLadder{Role: role.Name, Below: rungs(l.Below), Above: rungs(l.Above), Moves: []wireLadderMove{}}
	for _, m := range l.Moves {
		out.Moves = append(out.Moves, wireLadderMove{roleName(g, m.From), roleName(g, m.To), sourceStrings(m.Sources)})
	}
	return out
}

type wireHub struct {
	Role   string `json:"role"`
	Degree int    `json:"degree"`
}

type wireStats struct {
	Files      int            `json:"files"`
	Documents  int            `json:"documents"`
	Broken     int            `json:"broken"`
	Roles      int            `json:"roles"`
	Documented int            `json:"documented"`
	Moves      map[string]int `json:"moves"`
	Components int            `json:"components"`
	Hubs       []wireHub      `json:"hubs"`
}

func statsJSON(corpus *loader.Corpus, s graph.Stats) wireStats {
	g := corpus.Graph
	out := wireStats{
		Files: corpus.Files, Documents: corpus.Documents, Broken: corpus.Broken,
		Roles: s.Roles, Documented: s.Documented, Moves: map[string]int{}, Components: s.Components, Hubs: []wireHub{},
	}
	for _, k := range graph.Kinds {
		out.Moves[k.String()] = s.Moves[k]
	}
	for _, h := range s.Hubs {
		out.Hubs = append(out.Hubs, wireHub{roleName(g, h.Role), h.Degree})
	}
	return out
}

type wireProblem struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

type wireMerge struct {
	Name   string `json:"name"`
	Role   string `json:"role"`
	Rule   string `json:"rule"`
	Source string `json:"source"`
}

type wireAmbiguity struct {
	Name      string   `json:"name"`
	Claimants []string `json:"claimants"`
	Uses      []string `json:"uses"`
}

type wireNear struct {
	Key   string   `json:"key"`
	Roles []string `json:"roles"`
}

type wireCheck struct {
	Files     int             `json:"files"`
	Documents int             `json:"documents"`
	Errors    int             `json:"errors"`
	Warnings  int             `json:"warnings"`
	Problems  []wireProblem   `json:"problems"`
	Merges    []wireMerge     `json:"merges"`
	Ambiguous []wireAmbiguity `json:"ambiguous"`
	Near      []wireNear      `json:"near_duplicates"`
	Cycles    [][]string      `json:"career_cycles"`
}

func checkJSON(c *loader.Corpus, cycles [][]string) wireCheck {
	out := wireCheck{
		Files: c.Files, Documents: c.Documents, Errors: c.Errors(), Warnings: c.Warnings(),
		Problems: []wireProblem{}, Merges: []wireMerge{}, Ambiguous: []wireAmbiguity{}, Near: []wireNear{}, Cycles: [][]string{},
	}
	for _, p := range c.Problems {
		out.Problems = append(out.Problems, wireProblem{p.File, p.Line, p.Severity.String(), p.Msg})
	}
	for _, m := range c.Merges {
		out.Merges = append(out.Merges, wireMerge{m.Name, m.Role, m.Rule.String(), m.Source.String()})
	}
	for _, a := range c.Ambiguous {
		out.Ambiguous = append(out.Ambiguous, wireAmbiguity{a.Name, a.Claimants, emptyIfNil(sourceStrings(a.Uses))})
	}
	for _, n := range c.NearDuplicates {
		out.Near = append(out.Near, wireNear{n.Key, n.Roles})
	}
	for _, cy := range cycles {
		out.Cycles = append(out.Cycles, roleNames(c.Graph, cy))
	}
	return out
}
