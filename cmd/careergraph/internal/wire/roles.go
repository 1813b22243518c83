package wire

import (
	"slices"
	"strings"

	"careergraph/graph"
)

// Role is a role of a roles answer.
type Role struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Documented bool     `json:"documented"`
	Reading    string   `json:"reading"`
	Names      []string `json:"names"`
	MatchedBy  string   `json:"matched_by,omitempty"` // the name the query matched
	// Matches says, for a search by content, which entry of each field
	// asked for matched.
	Matches []FieldMatch `json:"matches,omitempty"`
}

// FieldMatch is what one content filter matched in a role: the field
// (skill, qualification, class, trait, tag, aptitude, text), the value
// asked for, and the entry that matched as written (for text, an
// excerpt).
type FieldMatch struct {
	Field string `json:"field"`
	Query string `json:"query"`
	Value string `json:"value"`
}

// Filter is one content filter of a roles search.
type Filter struct {
	Field string `json:"field"`
	Value string `json:"value"`
}

// Term is one entry of a field's vocabulary and how many roles list it.
type Term struct {
	Value string `json:"value"`
	Roles int    `json:"roles"`
}

// Vocabulary is the answer of roles --list FIELD: every entry the roles
// list in the field, most roles first.
type Vocabulary struct {
	Field  string `json:"field"`
	Terms  []Term `json:"terms"`
	Reason string `json:"reason,omitempty"` // why there are no terms
}

// NoTerms is the reason of a vocabulary question with no answer.
const NoTerms = "no role's sources list anything under this field"

// NewVocabulary returns the answer of a vocabulary question.
func NewVocabulary(field string, terms []graph.Term) Vocabulary {
	out := Vocabulary{Field: field, Terms: []Term{}}
	for _, t := range terms {
		out.Terms = append(out.Terms, Term{t.Value, t.Roles})
	}
	return out
}

// NewFieldRoles returns the answer of a roles search by content: query is
// the name query, if any.
func NewFieldRoles(query string, filters []graph.FieldQuery, hits []graph.FieldHit) Roles {
	out := Roles{Query: query, Filters: []Filter{}, Roles: []Role{}}
	for _, f := range filters {
		out.Filters = append(out.Filters, Filter{f.Field, f.Value})
	}
	for _, h := range hits {
		r := Role{ID: h.Role.ID, Name: h.Role.Name, Documented: h.Role.Documented, Reading: h.Role.Reading, Names: emptyIfNil(h.Role.Names)}
		for _, m := range h.Matches {
			r.Matches = append(r.Matches, FieldMatch{m.Field, m.Query, m.Value})
		}
		out.Roles = append(out.Roles, r)
	}
	return out
}

// Roles is the answer of roles: the roles matching a query, best match
// first, or every role when the query is empty.
type Roles struct {
	Query   string   `json:"query"`
	Filters []Filter `json:"filters,omitempty"` // the content filters, all of which each role matches
	Roles   []Role   `json:"roles"`
	Reason  string   `json:"reason,omitempty"` // why Roles is empty
}

// NewRoles returns the answer of a roles question.
func NewRoles(query string, found []graph.Match) Roles {
	out := Roles{Query: query, Roles: []Role{}}
	for _, m := range found {
		r := Role{ID: m.Role.ID, Name: m.Role.Name, Documented: m.Role.Documented, Reading: m.Role.Reading, Names: emptyIfNil(m.Role.Names)}
		if query != "" {
			r.MatchedBy = m.MatchBy
		}
		out.Roles = append(out.Roles, r)
	}
	return out
}

// Card is the answer of show: what a role is, what it asks and where it
// leads.
type Card struct {
	ID                string   `json:"id"`
	Name              string   `json:"name"`
	MatchedAs         string   `json:"matched_as,omitempty"` // the alias, written form or reading the question named it by, when not its name
	Documented        bool     `json:"documented"`
	Reading           string   `json:"reading"`
	Classification    []string `json:"classification"`
	Names             []string `json:"names"`
	Level             int      `json:"level,omitempty"`       // preparation level, e.g. O*NET Job Zone 1–5
	Code              string   `json:"code,omitempty"`        // the source's code, e.g. O*NET-SOC
	Description       string   `json:"description,omitempty"` // what the source says the role does
	Summary           string   `json:"summary"`
	RequiredSkills    []string `json:"required_skills"`
	RecommendedSkills []string `json:"recommended_skills"`
	Qualifications    []string `json:"qualifications"`
	CareerFrom        []Link   `json:"career_from"` // roles with a career move into this one
	CareerTo          []Link   `json:"career_to"`
	Related           []Link   `json:"related"` // either side names the other, sorted by role
	Documents         []string `json:"documents"`
	// Profiles holds each describing document's sections, in the order
	// written, one entry per document (not merged).
	Profiles []DocProfile `json:"profiles"`
	// MentionedIn is where the documents name the role (file:line), for
	// a role no document describes; empty for a documented role.
	MentionedIn []string `json:"mentioned_in"`
}

// Link is a neighbouring role with where the move is written.
type Link struct {
	Role    string   `json:"role"`
	Sources []string `json:"sources"`
	Cost    float64  `json:"cost,omitempty"`  // the move's own cost, when it has one
	Tier    string   `json:"tier,omitempty"`  // O*NET relatedness tier
	Index   int      `json:"index,omitempty"` // O*NET index, 1 = strongest
}

// link returns the link to the role with ID id by move m.
func link(g *graph.Graph, id string, m graph.Move) Link {
	l := Link{Role: g.NameOf(id), Sources: graph.SourceStrings(m.Sources)}
	if m.Priced() {
		l.Cost = m.Cost()
	}
	if m.Attrs != nil {
		l.Tier, l.Index = m.Attrs.Tier, m.Attrs.Index
	}
	return l
}

// NewCard returns the card of r from its moves out and in (as
// graph.MovesOf returns them).
func NewCard(g *graph.Graph, r graph.Role, out, in []graph.Move) Card {
	c := Card{
		ID: r.ID, Name: r.Name, Documented: r.Documented, Reading: r.Reading,
		Classification: emptyIfNil(r.Classification), Names: emptyIfNil(r.Names),
		Level: r.Level, Code: r.Code, Description: r.Description,
		RequiredSkills: []string{}, RecommendedSkills: []string{}, Qualifications: []string{},
		CareerFrom: []Link{}, CareerTo: []Link{}, Related: []Link{}, Documents: emptyIfNil(r.Docs),
		Profiles: newDocProfiles(r.Profile), MentionedIn: []string{},
	}
	if !r.Documented {
		c.MentionedIn = mentions(out, in)
	}
	if p := r.Profile; p != nil {
		c.Summary = p.Summary
		c.RequiredSkills = emptyIfNil(p.RequiredSkills)
		c.RecommendedSkills = emptyIfNil(p.RecommendedSkills)
		c.Qualifications = emptyIfNil(p.Qualifications)
	}
	related := map[string]*Link{} // a related role and where either side names the other
	relate := func(id string, m graph.Move, own bool) {
		l := related[id]
		if l == nil {
			nl := link(g, id, m)
			if !own { // the tier and cost the other role gives this one
				nl.Cost, nl.Tier, nl.Index = 0, "", 0
			}
			related[id] = &nl
			return
		}
		// The move from this role speaks first for its tier and cost.
		l.Sources = append(l.Sources, graph.SourceStrings(m.Sources)...)
	}
	for _, m := range out {
		if m.Kind == graph.Career {
			c.CareerTo = append(c.CareerTo, link(g, m.To, m))
		} else {
			relate(m.To, m, true)
		}
	}
	for _, m := range in {
		if m.Kind == graph.Career {
			c.CareerFrom = append(c.CareerFrom, link(g, m.From, m))
		} else {
			relate(m.From, m, false)
		}
	}
	for _, l := range related {
		slices.Sort(l.Sources)
		l.Sources = slices.Compact(l.Sources)
		c.Related = append(c.Related, *l)
	}
	slices.SortFunc(c.Related, func(a, b Link) int { return strings.Compare(a.Role, b.Role) })
	return c
}
