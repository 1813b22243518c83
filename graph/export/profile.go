package export

import (
	"strconv"
	"strings"

	"careergraph/graph"
)

// What every format writes of a role's profile, besides the attributes of
// roleAttrs: its classification (the levels broad to narrow; in the
// attribute-keyed formats also joined by " / " as classification and one
// attribute per level, class_1 the broadest), its summary, and the lists
// below, merged over its documents.

// profileLists are the list attributes of a role's profile, in the order
// the formats write them.
var profileLists = []struct {
	name string
	get  func(p *graph.Profile) []string
}{
	{"required_skills", func(p *graph.Profile) []string { return p.RequiredSkills }},
	{"recommended_skills", func(p *graph.Profile) []string { return p.RecommendedSkills }},
	{"qualifications", func(p *graph.Profile) []string { return p.Qualifications }},
	{"strengths", func(p *graph.Profile) []string { return p.Items(graph.SecStrengths) }},
	{"weaknesses", func(p *graph.Profile) []string { return p.Items(graph.SecWeaknesses) }},
	{"traits", func(p *graph.Profile) []string { return p.Items(graph.SecTraits) }},
	{"tags", func(p *graph.Profile) []string { return p.Items(graph.SecTags) }},
	{"keywords", func(p *graph.Profile) []string { return p.Items(graph.SecKeywords) }},
}

// profileList returns list n of profileLists for r, nil without a
// profile.
func profileList(r graph.Role, n int) []string {
	if r.Profile == nil {
		return nil
	}
	return profileLists[n].get(r.Profile)
}

// summaryOf returns r's summary, or "".
func summaryOf(r graph.Role) string {
	if r.Profile == nil {
		return ""
	}
	return r.Profile.Summary
}

// classDepth returns the most levels any role's classification has: the
// number of class_N attributes.
func classDepth(g *graph.Graph) int {
	n := 0
	for _, r := range g.Roles() {
		n = max(n, len(r.Classification))
	}
	return n
}

// profileKeys returns the names of the string attributes profileAttrs
// writes, in order, for a graph of classification depth depth.
func profileKeys(depth int) []string {
	out := []string{"classification"}
	for i := 1; i <= depth; i++ {
		out = append(out, "class_"+strconv.Itoa(i))
	}
	out = append(out, "summary")
	for _, l := range profileLists {
		out = append(out, l.name)
	}
	return out
}

// profileAttrs returns the profile attributes of r as key, value pairs
// for the attribute-keyed formats (DOT, GraphML, GEXF), lists joined by
// "; "; empty values are left out by the writers.
func profileAttrs(r graph.Role, depth int) []string {
	out := []string{"classification", strings.Join(r.Classification, " / ")}
	for i := 0; i < depth; i++ {
		v := ""
		if i < len(r.Classification) {
			v = r.Classification[i]
		}
		out = append(out, "class_"+strconv.Itoa(i+1), v)
	}
	out = append(out, "summary", summaryOf(r))
	for n, l := range profileLists {
		out = append(out, l.name, joinList(profileList(r, n)))
	}
	return out
}

// nodeProfile is the profile of a role in the JSON formats (node-link and
// Cytoscape.js), its fields flattened into the node's; lists are never
// null.
type nodeProfile struct {
	Classification    []string `json:"classification"`
	Summary           string   `json:"summary"`
	RequiredSkills    []string `json:"required_skills"`
	RecommendedSkills []string `json:"recommended_skills"`
	Qualifications    []string `json:"qualifications"`
	Strengths         []string `json:"strengths"`
	Weaknesses        []string `json:"weaknesses"`
	Traits            []string `json:"traits"`
	Tags              []string `json:"tags"`
	Keywords          []string `json:"keywords"`
}

// newNodeProfile returns the JSON profile of r.
func newNodeProfile(r graph.Role) nodeProfile {
	l := func(n int) []string { return nonNil(profileList(r, n)) }
	return nodeProfile{
		Classification: nonNil(r.Classification), Summary: summaryOf(r),
		RequiredSkills: l(0), RecommendedSkills: l(1), Qualifications: l(2),
		Strengths: l(3), Weaknesses: l(4), Traits: l(5), Tags: l(6), Keywords: l(7),
	}
}

// csvProfileHeader returns the roles.csv columns of the profile, in
// neo4j-admin form.
func csvProfileHeader() []string {
	out := []string{"classification:string[]", "summary"}
	for _, l := range profileLists {
		out = append(out, l.name+":string[]")
	}
	return out
}

// csvProfile returns r's fields for csvProfileHeader.
func csvProfile(r graph.Role) []string {
	out := []string{csvText(csvArray(r.Classification)), csvText(summaryOf(r))}
	for n := range profileLists {
		out = append(out, csvText(csvArray(profileList(r, n))))
	}
	return out
}

// cypherProfile returns the SET items of r's profile, each starting with
// ", ".
func cypherProfile(r graph.Role) string {
	var b strings.Builder
	b.WriteString(", r.classification = " + cypherList(r.Classification))
	b.WriteString(", r.summary = " + cypherOptional(summaryOf(r)))
	for n, l := range profileLists {
		b.WriteString(", r." + l.name + " = " + cypherList(profileList(r, n)))
	}
	return b.String()
}
