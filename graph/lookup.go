package graph

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

// Resolved is what Lookup found: the role a user means and, when the
// name matched one of the role's other names rather than its display
// name, that name.
type Resolved struct {
	Role Role
	// MatchedAs is the written form, alias or reading of Role that the
	// name matched, as the documents write it, when its normal form is
	// not the display name's; "" when the name matched the display name
	// or the ID. A caller shows it as `Critical Care Nurses (as
	// "Nurse")`.
	MatchedAs string
}

// Resolve returns the role a user means by name; it is Lookup without
// the name matched.
func (g *Graph) Resolve(name string) (Role, error) {
	r, err := g.Lookup(name)
	return r.Role, err
}

// Lookup returns the role a user means by name, trying in order:
//
//  1. a role whose display name, written form, alias or reading has the
//     same normal form (a role shown by exactly that name wins over roles
//     that list it among their other names);
//  2. the role with that ID;
//  3. with kana in the name, the same name in the other kana script
//     (katakana for hiragana and back);
//  4. the plural or singular of the name's last word before any
//     qualifier in brackets, by simple English rules (Cashier → Cashiers,
//     Secretaries → Secretary), when that names exactly one role;
//  5. the one role whose names contain the name (Search's prefix,
//     substring and all-words matches).
//
// A misspelt name only gets suggestions: Search's closest roles, and with
// a qualifier in brackets (Mayr (Municipality)), those of the name
// without it. It returns a *NotFoundError with the suggestions, or an
// *AmbiguousError with the candidates. It costs one map look-up when the
// name is exact (for a graph's first few look-ups, a scan of the names'
// normal forms instead, far cheaper than making the map), a few more for
// steps 2–4, and a scan of all names otherwise.
func (g *Graph) Lookup(name string) (Resolved, error) {
	form := NormalName(name)
	if form == "" {
		return Resolved{}, &NotFoundError{Name: name}
	}
	if r, ok, err := g.exact(name, form); ok || err != nil {
		return r, err
	}
	if i, ok := g.roleIndex(name); ok {
		return Resolved{Role: *g.role(i)}, nil
	}
	if other := otherKana(form); other != form {
		if r, ok, err := g.exact(name, other); ok || err != nil {
			return r, err
		}
	}
	if r, ok := g.byNumber(form); ok {
		return r, nil
	}
	matches := g.Search(name, 0)
	// A fuzzy match is taken when it is the only role whose names hold
	// the query; a typo (edit distance) is only ever a suggestion.
	if len(matches) > 0 && matches[0].Score < scoreEdit && (len(matches) == 1 || matches[1].Score >= scoreEdit) {
		return g.resolved(matches[0].Role, NormalName(matches[0].MatchBy), matches[0].MatchBy), nil
	}
	if len(matches) == 0 {
		if base, ok := stripQualifier(form); ok {
			matches = g.Search(base, 0)
		}
	}
	var sugg []string
	for _, m := range matches {
		if len(sugg) == maxSuggestions {
			break
		}
		if !slices.Contains(sugg, m.Role.Name) {
			sugg = append(sugg, m.Role.Name)
		}
	}
	return Resolved{}, &NotFoundError{Name: name, Suggestions: sugg}
}

// maxSuggestions is how many names a NotFoundError suggests at most.
const maxSuggestions = 5

// exact looks form up in the name index: ok with the one role it names,
// an *AmbiguousError when it names several, neither when none.
func (g *Graph) exact(name, form string) (Resolved, bool, error) {
	idx := g.rolesNamed(form)
	switch {
	case len(idx) == 0:
		return Resolved{}, false, nil
	case len(idx) == 1:
		return g.resolvedAt(idx[0], form), true, nil
	}
	// A role shown by exactly this name wins over roles that merely list
	// it among their other names.
	var shown []int32
	for _, i := range idx {
		if g.form(g.formOff[i]) == form {
			shown = append(shown, i)
		}
	}
	if len(shown) == 1 {
		return g.resolvedAt(shown[0], form), true, nil
	}
	return Resolved{}, false, &AmbiguousError{Name: name, Candidates: g.displayNames(idx)}
}

// resolvedAt returns role i found by the normal form form, with the name
// of i that has that form when it is not the display name.
func (g *Graph) resolvedAt(i int32, form string) Resolved {
	at := -1
	for j := g.formOff[i]; j < g.formOff[i+1]; j++ {
		if g.form(j) == form {
			at = int(j - g.formOff[i])
			break
		}
	}
	var as string
	if at > 0 && g.form(g.formOff[i]) != form {
		j := 0
		r := g.role(i)
		r.eachName(func(s string) {
			if j == at {
				as = s
			}
			j++
		})
	}
	return Resolved{Role: *g.role(i), MatchedAs: as}
}

// resolved returns r found by its name matched, whose normal form is form.
func (g *Graph) resolved(r Role, form, matched string) Resolved {
	i := g.at(r.ID)
	if g.form(g.formOff[i]) == form {
		return Resolved{Role: r}
	}
	return Resolved{Role: r, MatchedAs: matched}
}

// byNumber looks up the plural and the singular of form's last word
// (before a qualifier in brackets): ok when together they name exactly
// one role.
func (g *Graph) byNumber(form string) (Resolved, bool) {
	var found Resolved
	n := 0
	for _, v := range numberForms(form) {
		for _, i := range g.rolesNamed(v) {
			if n == 0 || g.role(i).ID != found.Role.ID {
				found = g.resolvedAt(i, v)
				n++
			}
		}
	}
	return found, n == 1
}

// numberForms returns the plural and singular forms of the last word of
// form before a bracketed qualifier, by simple English rules: "-s"; "-es"
// after s, x, z, ch and sh; a consonant and "y" to "-ies"; and back
// (a word in "-ses" may lose "es" or "s").
func numberForms(form string) []string {
	head, tail := form, ""
	if base, ok := stripQualifier(form); ok {
		head, tail = base, form[len(base):]
	}
	start := strings.LastIndexByte(head, ' ') + 1
	w := head[start:]
	if len(w) < 2 || !isPlainASCII(w) {
		return nil
	}
	var out []string
	add := func(word string) {
		if word != w && word != "" {
			out = append(out, head[:start]+word+tail)
		}
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 3:
		add(w[:len(w)-3] + "y")
	case strings.HasSuffix(w, "ses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zes"),
		strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
		add(w[:len(w)-2]) // buses → bus; nurses → nurse below
		add(w[:len(w)-1])
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		add(w[:len(w)-1])
	}
	switch last := w[len(w)-1]; {
	case last == 'y' && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		add(w[:len(w)-1] + "ies")
	case last == 's' || last == 'x' || last == 'z' || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		add(w + "es")
	default:
		add(w + "s")
	}
	return out
}

// stripQualifier returns form without a trailing qualifier in brackets,
// "mayor(municipality)" → "mayor"; ok is false when there is none or
// nothing is left.
func stripQualifier(form string) (string, bool) {
	if !strings.HasSuffix(form, ")") {
		return form, false
	}
	at := strings.LastIndexByte(form, '(')
	if at <= 0 {
		return form, false
	}
	return strings.TrimRight(form[:at], " "), true
}

// otherKana returns s with hiragana turned into katakana, or, when s has
// no hiragana, katakana into hiragana; s itself when it has neither.
func otherKana(s string) string {
	hira := strings.ContainsFunc(s, func(r rune) bool { return 'ぁ' <= r && r <= 'ゖ' })
	return strings.Map(func(r rune) rune {
		switch {
		case hira && 'ぁ' <= r && r <= 'ゖ':
			return r + 0x60
		case !hira && 'ァ' <= r && r <= 'ヶ':
			return r - 0x60
		}
		return r
	}, s)
}

// hiraganaOf returns s with its katakana turned into hiragana, the form
// Search compares kana in.
func hiraganaOf(s string) string {
	return strings.Map(func(r rune) rune {
		if 'ァ' <= r && r <= 'ヶ' {
			return r - 0x60
		}
		return r
	}, s)
}

func (g *Graph) displayNames(idx []int32) []string {
	out := make([]string, len(idx))
	for i, r := range idx {
		out[i] = g.role(r).Name
	}
	slices.Sort(out)
	return out
}

// Match is one role found by Search, with the name it matched by.
type Match struct {
	Role    Role
	MatchBy string // the written form, alias or reading that matched
	Score   int    // lower is closer: 0 exact, then prefix, substring, all words, edit distance
}

// Scores of Match, closest first. An edit-distance match scores
// scoreEdit plus the distance.
const (
	scoreExact = iota
	scorePrefix
	scoreSubstring
	scoreWord
	scoreEdit
)

// Search returns the roles whose names match query, closest first (ties
// by display name), at most limit of them (0 means no limit). An empty
// query matches every role. A name matches when it equals the query, starts
// with it, holds it as a substring, or holds all its words (in normal
// form, katakana compared as hiragana), or is within a small edit
// distance of it: about one typo per four characters. The first search
// of a graph builds an index of the names' bigrams (O(total name
// length)); each search then scores only the roles sharing enough
// bigrams with the query, plus, for queries of three characters or
// fewer, the roles with a name of about that length. A one-character
// query scans every name.
func (g *Graph) Search(query string, limit int) []Match {
	return g.search(query, limit, true)
}

// search is Search, with the index or (indexed false) by scanning every
// role: both give the same answer.
func (g *Graph) search(query string, limit int, indexed bool) []Match {
	q := NormalName(query)
	var hits []hit
	if q == "" {
		hits = make([]hit, g.numRoles())
		for i := range g.numRoles() {
			hits[i] = hit{role: int32(i), at: -1}
		}
		return g.matches(hits, limit)
	}
	kana := hiraganaOf(q) != q || otherKana(q) != q
	if kana {
		q = hiraganaOf(q)
	}
	words := strings.Fields(q)
	maxEdit := max(1, utf8.RuneCountInString(q)/4)
	var cand []int32
	ok := false
	if indexed {
		cand, ok = g.nameIndex().candidates(q, words, maxEdit)
	}
	if ok {
		for _, i := range cand {
			hits = g.matchRole(hits, i, q, words, maxEdit, kana)
		}
	} else {
		for i := range g.numRoles() {
			hits = g.matchRole(hits, int32(i), q, words, maxEdit, kana)
		}
	}
	return g.matches(hits, limit)
}

// hit is a role Search found: its index, the index of its closest name
// among its forms, and the score. An empty query's hits name the
// display name (at -1).
type hit struct {
	role, at, score int32
}

// matchRole appends role i to hits when one of its names matches q, with
// its closest name (the first of equal scores).
func (g *Graph) matchRole(hits []hit, i int32, q string, words []string, maxEdit int, kana bool) []hit {
	best, at := -1, int32(0)
	for j := range g.formOff[i+1] - g.formOff[i] {
		f := g.form(g.formOff[i] + j)
		if kana && !isPlainASCII(f) {
			f = hiraganaOf(f)
		}
		if s := matchScore(q, words, f, maxEdit); s >= 0 && (best < 0 || s < best) {
			best, at = s, j
		}
	}
	if best < 0 {
		return hits
	}
	return append(hits, hit{role: i, at: at, score: int32(best)})
}

func (g *Graph) compareHits(a, b hit) int {
	ra, rb := g.role(a.role), g.role(b.role)
	return cmp.Or(cmp.Compare(a.score, b.score), cmp.Compare(ra.Name, rb.Name), cmp.Compare(ra.ID, rb.ID))
}

// matches returns the limit closest of hits (all when limit is 0) as
// Matches, closest first. The order is total (IDs differ), so choosing
// the closest before sorting gives the same answer as sorting all:
// O(n log limit).
func (g *Graph) matches(hits []hit, limit int) []Match {
	if limit > 0 && len(hits) > limit {
		hits = g.closest(hits, limit)
	}
	slices.SortFunc(hits, g.compareHits)
	var out []Match
	if hits != nil {
		out = make([]Match, len(hits))
	}
	for n, h := range hits {
		r := *g.role(h.role)
		m := Match{Role: r, MatchBy: r.Name, Score: int(h.score)}
		if h.at >= 0 {
			j := int32(0)
			r.eachName(func(name string) {
				if j == h.at {
					m.MatchBy = name
				}
				j++
			})
		}
		out[n] = m
	}
	return out
}

// closest returns the limit closest of hits, in no order: a max-heap of
// the closest so far, the farthest on top.
func (g *Graph) closest(hits []hit, limit int) []hit {
	h := slices.Clone(hits[:limit])
	above := func(i, j int) bool { return g.compareHits(h[i], h[j]) > 0 }
	down := func(i int) {
		for {
			c := 2*i + 1
			if c >= len(h) {
				return
			}
			if c+1 < len(h) && above(c+1, c) {
				c++
			}
			if !above(c, i) {
				return
			}
			h[i], h[c] = h[c], h[i]
			i = c
		}
	}
	for i := len(h)/2 - 1; i >= 0; i-- {
		down(i)
	}
	for _, x := range hits[limit:] {
		if g.compareHits(x, h[0]) < 0 {
			h[0] = x
			down(0)
		}
	}
	return h
}

// matchScore scores name against the normal-form query q, or returns -1.
func matchScore(q string, words []string, name string, maxEdit int) int {
	switch {
	case name == q:
		return scoreExact
	case strings.HasPrefix(name, q):
		return scorePrefix
	case strings.Contains(name, q):
		return scoreSubstring
	}
	if len(words) > 1 {
		all := true
		for _, w := range words {
			if !strings.Contains(name, w) {
				all = false
				break
			}
		}
		if all {
			return scoreWord
		}
	}
	// Edit distance only between strings of similar length: a cheap
	// bound that skips the quadratic work for most names.
	ln, lq := utf8.RuneCountInString(name), utf8.RuneCountInString(q)
	if ln-lq > maxEdit || lq-ln > maxEdit {
		return -1
	}
	if d := levenshtein.ComputeDistance(q, name); d <= maxEdit {
		return scoreEdit + d
	}
	return -1
}
