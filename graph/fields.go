package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/agnivade/levenshtein"

	"careergraph/internal/parallel"
)

// The fields of a role's profile a search can match (FieldQuery.Field)
// and a vocabulary can list.
const (
	FieldSkill         = "skill"         // required and recommended skills
	FieldQualification = "qualification" // qualifications
	FieldClass         = "class"         // any level of the classification
	FieldTrait         = "trait"         // personality traits
	FieldTag           = "tag"           // tags and keywords
	FieldAptitude      = "aptitude"      // aptitude items, strengths and weaknesses
	FieldText          = "text"          // summary and description, full text
)

// Fields lists every field a search can match, in order.
var Fields = []string{FieldSkill, FieldQualification, FieldClass, FieldTrait, FieldTag, FieldAptitude, FieldText}

// FieldValues returns what r lists in field, as written; for FieldText,
// the summary and description (the documents' and the source's) as one
// entry each. It returns nil for an
// unknown field.
func (r Role) FieldValues(field string) []string {
	p := r.Profile
	switch field {
	case FieldSkill:
		return p.Skills()
	case FieldQualification:
		if p == nil {
			return nil
		}
		return p.Qualifications
	case FieldClass:
		return r.Classification
	case FieldTrait:
		return p.Items(SecTraits)
	case FieldTag:
		l := p.ItemLists(SecTags, SecKeywords)
		return append(l[0], l[1]...)
	case FieldAptitude:
		l := p.ItemLists(SecStrengths, SecWeaknesses)
		return append(l[0], l[1]...)
	case FieldText:
		var out []string
		if p != nil && p.Summary != "" {
			out = append(out, p.Summary)
		}
		d := p.Text(SecDescription)
		if d != "" {
			out = append(out, d)
		}
		if r.Description != "" && r.Description != d {
			out = append(out, r.Description)
		}
		return out
	}
	return nil
}

// FieldQuery asks for roles whose Field holds Value.
type FieldQuery struct {
	Field, Value string
}

// FieldMatch is what one FieldQuery matched in a role.
type FieldMatch struct {
	Field string
	Query string // the value asked for
	Value string // the entry that matched, as written (for text, an excerpt)
	Score int    // as Match.Score: lower is closer
}

// FieldHit is a role every query of a SearchFields matched.
type FieldHit struct {
	Role    Role
	Matches []FieldMatch // one per query, in query order
	Score   int          // the sum of the matches' scores
}

// SearchFields returns the roles that match every query (AND), closest
// first (the sum of the scores, then display name, then ID). An entry matches a
// query as a name matches in Search: equal, prefix, substring, all words
// or, for entries that are names rather than prose, within about one typo
// per four characters; all compared in normal form (NormalName: case and
// width do not count). FieldText matches when the summary or
// description holds every word of the value. An unknown field or an
// empty value wraps ErrBadOption. It scans every role, a range of 4,096
// roles per core at a time: O(total length of the profiles).
func (g *Graph) SearchFields(qs []FieldQuery) ([]FieldHit, error) {
	type prepared struct {
		q       string
		words   []string
		maxEdit int
	}
	ps := make([]prepared, len(qs))
	for i, q := range qs {
		if !slices.Contains(Fields, q.Field) {
			return nil, fmt.Errorf("field %q: %w: want one of %s", q.Field, ErrBadOption, strings.Join(Fields, ", "))
		}
		n := NormalName(q.Value)
		if n == "" {
			return nil, fmt.Errorf("field %s: %w: empty value", q.Field, ErrBadOption)
		}
		ps[i] = prepared{n, strings.Fields(n), max(1, utf8.RuneCountInString(n)/4)}
	}
	roles := g.allRoles()
	parts := make([][]FieldHit, parallel.Count(len(roles)))
	parallel.Numbered(len(roles), func(c, lo, hi int) {
		var scratch []byte
		for _, r := range roles[lo:hi] {
			hit := FieldHit{Role: r}
			for i, q := range qs {
				m, ok := matchField(r, q, ps[i].q, ps[i].words, ps[i].maxEdit, &scratch)
				if !ok {
					break
				}
				hit.Matches = append(hit.Matches, m)
				hit.Score += m.Score
			}
			if len(hit.Matches) == len(qs) && len(qs) > 0 {
				parts[c] = append(parts[c], hit)
			}
		}
	})
	out := slices.Concat(parts...)
	slices.SortFunc(out, func(a, b FieldHit) int {
		if a.Score != b.Score { // names compared only where scores tie
			return cmp.Compare(a.Score, b.Score)
		}
		return cmp.Or(cmp.Compare(a.Role.Name, b.Role.Name), cmp.Compare(a.Role.ID, b.Role.ID))
	})
	return out, nil
}

// matchField returns the closest entry of r's field for the normal-form
// query q. A text's normal form is made in scratch, which is kept for
// the next call: texts are long, and a search reads every role's.
func matchField(r Role, fq FieldQuery, q string, words []string, maxEdit int, scratch *[]byte) (FieldMatch, bool) {
	best := FieldMatch{Field: fq.Field, Query: fq.Value, Score: -1}
	for _, v := range r.FieldValues(fq.Field) {
		if fq.Field == FieldText {
			*scratch = AppendNormalName((*scratch)[:0], v)
			n := unsafe.String(unsafe.SliceData(*scratch), len(*scratch)) // only while v is matched
			if excerpt, ok := textMatch(v, n, words); ok {
				return FieldMatch{Field: fq.Field, Query: fq.Value, Value: excerpt, Score: scoreWord}, true
			}
			continue
		}
		n := NormalName(v)
		s := matchScore(q, words, n, maxEdit)
		if s < 0 {
			s = wordsNear(words, n)
		}
		if s >= 0 && (best.Score < 0 || s < best.Score) {
			best.Score, best.Value = s, v
		}
	}
	return best, best.Score >= 0
}

// wordsNear scores entry n against the query words when each is within
// about one typo per four characters of some word of n ("negociation" in
// "Negotiation skills"), or returns -1.
func wordsNear(words []string, n string) int {
	entry := strings.Fields(n)
	total := 0
	for _, w := range words {
		limit := max(1, utf8.RuneCountInString(w)/4)
		best := -1
		for _, e := range entry {
			if d := utf8.RuneCountInString(e) - utf8.RuneCountInString(w); d > limit || -d > limit {
				continue
			}
			if d := levenshtein.ComputeDistance(w, e); d <= limit && (best < 0 || d < best) {
				best = d
			}
		}
		if best < 0 {
			return -1
		}
		total += best
	}
	return scoreEdit + 1 + total
}

// textMatch reports whether the normal-form text n holds every word, and
// returns an excerpt of text around the first.
func textMatch(text, n string, words []string) (string, bool) {
	for _, w := range words {
		if !strings.Contains(n, w) {
			return "", false
		}
	}
	// The excerpt is cut from the written text at the same word count as
	// the first word in the normal form: close enough to show the reader.
	i := strings.Index(n, words[0])
	before := len(strings.Fields(n[:i]))
	fields := strings.Fields(text)
	lo, hi := max(0, before-5), min(len(fields), before+len(words)+5)
	ex := strings.Join(fields[lo:hi], " ")
	if lo > 0 {
		ex = "…" + ex
	}
	if hi < len(fields) {
		ex += "…"
	}
	return ex, true
}

// Term is one entry of a field's vocabulary and how many roles list it.
type Term struct {
	Value string // the most common written form (ties: the first in sorted order)
	Roles int
}

// Vocabulary returns every entry the roles list in field, merged by
// normal form, most roles first (ties by value). FieldText has no
// vocabulary; it and unknown fields wrap ErrBadOption. O(total length of
// the field), a range of 4,096 roles per core at a time.
func (g *Graph) Vocabulary(field string) ([]Term, error) {
	if field == FieldText || !slices.Contains(Fields, field) {
		return nil, fmt.Errorf("field %q: %w: want one of %s", field, ErrBadOption, strings.Join(Fields[:len(Fields)-1], ", "))
	}
	type entry struct {
		roles int
		forms map[string]int
	}
	// Each range of roles counts on a core of its own; the counts are
	// then added up, which is the same in any order.
	roles := g.allRoles()
	parts := make([]map[string]*entry, parallel.Count(len(roles)))
	parallel.Numbered(len(roles), func(c, lo, hi int) {
		terms := map[string]*entry{}
		seen := map[string]bool{}
		for _, r := range roles[lo:hi] {
			clear(seen)
			for _, v := range r.FieldValues(field) {
				k := NormalName(v)
				if k == "" || seen[k] {
					continue
				}
				seen[k] = true
				e := terms[k]
				if e == nil {
					e = &entry{forms: map[string]int{}}
					terms[k] = e
				}
				e.roles++
				e.forms[v]++
			}
		}
		parts[c] = terms
	})
	terms := map[string]*entry{}
	for _, part := range parts {
		for k, pe := range part {
			e := terms[k]
			if e == nil {
				terms[k] = pe
				continue
			}
			e.roles += pe.roles
			for f, n := range pe.forms {
				e.forms[f] += n
			}
		}
	}
	out := make([]Term, 0, len(terms))
	for _, e := range terms {
		best, n := "", 0
		for f, c := range e.forms {
			if c > n || c == n && f < best {
				best, n = f, c
			}
		}
		out = append(out, Term{Value: best, Roles: e.roles})
	}
	slices.SortFunc(out, func(a, b Term) int {
		if a.Roles != b.Roles {
			return cmp.Compare(b.Roles, a.Roles)
		}
		return cmp.Compare(a.Value, b.Value)
	})
	return out, nil
}
