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

// profileListNames are the list attributes of a role's profile, in the
// order the formats write them (profileLists).
var profileListNames = []string{"required_skills", "recommended_skills", "qualifications", "strengths", "weaknesses", "traits", "tags", "keywords"}

// profileLists returns r's profile lists in the order of
// profileListNames, each nil without a profile. Its documents' packed
// sections are read once for all the lists that come from them.
func profileLists(r graph.Role) [][]string {
	p := r.Profile
	if p == nil {
		return make([][]string, len(profileListNames))
	}
	sections := p.ItemLists(graph.SecStrengths, graph.SecWeaknesses, graph.SecTraits, graph.SecTags, graph.SecKeywords)
	return append([][]string{p.RequiredSkills, p.RecommendedSkills, p.Qualifications}, sections...)
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
	return append(out, profileListNames...)
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
	for n, list := range profileLists(r) {
		out = append(out, profileListNames[n], joinList(list))
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
	lists := profileLists(r)
	l := func(n int) []string { return nonNil(lists[n]) }
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
	for _, name := range profileListNames {
		out = append(out, name+":string[]")
	}
	return out
}

// csvProfile returns r's fields for csvProfileHeader.
func csvProfile(r graph.Role) []string {
	out := []string{csvText(csvArray(r.Classification)), csvText(summaryOf(r))}
	for _, list := range profileLists(r) {
		out = append(out, csvText(csvArray(list)))
	}
	return out
}

// cypherProfile returns the SET items of r's profile, each starting with
// ", ".
func cypherProfile(r graph.Role) string {
	var b strings.Builder
	b.WriteString(", r.classification = " + cypherList(r.Classification))
	b.WriteString(", r.summary = " + cypherOptional(summaryOf(r)))
	for n, list := range profileLists(r) {
		b.WriteString(", r." + profileListNames[n] + " = " + cypherList(list))
	}
	return b.String()
}
