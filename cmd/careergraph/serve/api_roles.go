package serve

// Role questions: search by name and by content, the vocabulary of a
// field, similar roles and the role card.

import (
	"net/http"
	"slices"
	"strings"

	"careergraph/cmd/careergraph/internal/wire"
	"careergraph/graph"
)

// fieldParams are the content filters of /api/roles, as roles' flags:
// parameter name and graph field, in the order the command reads them.
var fieldParams = []struct{ name, field string }{
	{"skill", graph.FieldSkill},
	{"qualification", graph.FieldQualification},
	{"class", graph.FieldClass},
	{"trait", graph.FieldTrait},
	{"tag", graph.FieldTag},
	{"keyword", graph.FieldTag},
	{"aptitude", graph.FieldAptitude},
	{"text", graph.FieldText},
}

// filters reads the content filters: every value of every field
// parameter, all of which a role must match.
func (q query) filters() ([]graph.FieldQuery, error) {
	var out []graph.FieldQuery
	for _, p := range fieldParams {
		vals := q.vals[p.name]
		for _, v := range vals {
			if strings.TrimSpace(v) == "" {
				return nil, badParam(p.name, "give a value; /api/vocabulary/%s lists every %s the documents list", p.field, p.field)
			}
			if len([]rune(v)) > MaxQueryLen {
				return nil, badParam(p.name, "longer than %d characters", MaxQueryLen)
			}
			out = append(out, graph.FieldQuery{Field: p.field, Value: v})
		}
	}
	if len(out) > MaxFilters {
		return nil, badParam(out[MaxFilters].Field, "at most %d filters", MaxFilters)
	}
	return out, nil
}

func (s *Server) roles(snap *snapshot, r *http.Request) (any, error) {
	q := newQuery(r, snap.corpus.Graph)
	text, err := q.str("q")
	if err != nil {
		return nil, err
	}
	limit, err := q.int("limit", 0, 0, 1<<30)
	if err != nil {
		return nil, err
	}
	documented, err := q.bool("documented")
	if err != nil {
		return nil, err
	}
	filters, err := q.filters()
	if err != nil {
		return nil, err
	}
	if len(filters) > 0 {
		return searchFields(q.g, text, filters, documented, limit)
	}
	// Without a filter, Search keeps only the closest limit roles
	// (O(n log limit)) rather than sorting every match.
	searchLimit := limit
	if documented {
		searchLimit = 0
	}
	var found []graph.Match
	for _, m := range q.g.Search(text, searchLimit) {
		if !documented || m.Role.Documented {
			found = append(found, m)
			if limit > 0 && len(found) == limit {
				break
			}
		}
	}
	out := wire.NewRoles(text, found)
	if len(found) == 0 {
		out.Reason = "no role matches" // as roles --json says it
	}
	return out, nil
}

// searchFields answers a roles search by content, and by name when text
// is given, as roles does.
func searchFields(g *graph.Graph, text string, filters []graph.FieldQuery, documented bool, limit int) (any, error) {
	hits, err := g.SearchFields(filters)
	if err != nil {
		return nil, badParam(filters[0].Field, "%v", err)
	}
	var byName map[string]bool
	if text != "" {
		byName = map[string]bool{}
		for _, m := range g.Search(text, 0) {
			byName[m.Role.ID] = true
		}
	}
	var kept []graph.FieldHit
	for _, h := range hits {
		if (!documented || h.Role.Documented) && (byName == nil || byName[h.Role.ID]) {
			kept = append(kept, h)
			if limit > 0 && len(kept) == limit {
				break
			}
		}
	}
	out := wire.NewFieldRoles(text, filters, kept)
	if len(kept) == 0 {
		out.Reason = "no role matches"
	}
	return out, nil
}

// vocabulary answers roles --list FIELD: every entry of the field, most
// roles first.
func (s *Server) vocabulary(snap *snapshot, r *http.Request) (any, error) {
	q := newQuery(r, snap.corpus.Graph)
	field := r.PathValue("field")
	if field == graph.FieldText || !slices.Contains(graph.Fields, field) {
		return nil, badParam("field", "%q: want one of %s", field, strings.Join(graph.Fields[:len(graph.Fields)-1], ", "))
	}
	limit, err := q.int("limit", 0, 0, 1<<30)
	if err != nil {
		return nil, err
	}
	terms, err := q.g.Vocabulary(field)
	if err != nil {
		return nil, badParam("field", "%v", err)
	}
	if limit > 0 && len(terms) > limit {
		terms = terms[:limit]
	}
	out := wire.NewVocabulary(field, terms)
	if len(terms) == 0 {
		out.Reason = wire.NoTerms // as roles --list --json says it
	}
	return out, nil
}

// similar answers similar ROLE: suggestions from shared content, not
// documented moves.
func (s *Server) similar(snap *snapshot, r *http.Request) (any, error) {
	q := newQuery(r, snap.corpus.Graph)
	role, err := q.role("role", true)
	if err != nil {
		return nil, err
	}
	limit, err := q.int("limit", 10, 0, 1<<30)
	if err != nil {
		return nil, err
	}
	found, err := q.g.Similar(role.ID, limit)
	if err != nil {
		return nil, roleError("role", err)
	}
	out := wire.NewSimilar(q.g, role, found)
	if len(found) == 0 { // as similar --json says it
		out.Reason = "no documented role shares anything with this role's documents"
		if role.Profile == nil {
			out.Reason = "no document describes this role, so there is nothing to compare"
		}
	}
	return out, nil
}

func (s *Server) show(snap *snapshot, r *http.Request) (any, error) {
	q := newQuery(r, snap.corpus.Graph)
	found, err := q.lookup("role", true)
	if err != nil {
		return nil, err
	}
	out, in, err := q.g.MovesOf(found.Role.ID)
	if err != nil {
		return nil, roleError("role", err)
	}
	card := wire.NewCard(q.g, found.Role, out, in)
	card.MatchedAs = found.MatchedAs // as show says it
	return card, nil
}
