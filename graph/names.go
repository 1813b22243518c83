package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

var folder = cases.Fold()

// NormalName returns the normal form under which two written names are
// the same role: Unicode NFKC, trimmed, inner white space collapsed to
// one space, case-folded.
func NormalName(s string) string {
	if isPlainASCII(s) {
		return asciiNormal(s)
	}
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return folder.String(b.String())
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// asciiNormal is NormalName for ASCII input, without allocation when s is
// already normal.
func asciiNormal(s string) string {
	s = strings.TrimSpace(s)
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c != ' ' && c <= ' ' || c == ' ' && i+1 < len(s) && s[i+1] == ' ' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' {
			space = len(b) > 0
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(b)
}

// AppendNormalName appends NormalName(s) to dst and returns the extended
// buffer: for many names, one buffer and one string conversion instead of
// a string each.
func AppendNormalName(dst []byte, s string) []byte {
	if !isPlainASCII(s) {
		return append(dst, NormalName(s)...)
	}
	start, space := len(dst), false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' { // as asciiNormal: every control byte is white space
			space = len(dst) > start
			continue
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// Slug returns a lower-case identifier for name: letters and digits kept
// (kana included), every other run of characters turned into one hyphen.
// It never returns an empty string.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range NormalName(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "role"
	}
	return b.String()
}

// NotFoundError reports a role name that names no role, with the closest
// names for a "did you mean".
type NotFoundError struct {
	Name        string
	Suggestions []string // display names, closest first
}

// Error says the name was not found and which names come closest.
func (e *NotFoundError) Error() string {
	if len(e.Suggestions) == 0 {
		return fmt.Sprintf("role %q: %v (list roles with `careergraph roles`)", e.Name, ErrNotFound)
	}
	return fmt.Sprintf("role %q: %v (did you mean %s?)", e.Name, ErrNotFound, quoteList(e.Suggestions))
}

// Unwrap returns ErrNotFound.
func (e *NotFoundError) Unwrap() error { return ErrNotFound }

// AmbiguousError reports a name that fits more than one role.
type AmbiguousError struct {
	Name       string
	Candidates []string // display names, sorted
}

// Error names the candidates, the first ten of many, and asks for the
// full name.
func (e *AmbiguousError) Error() string {
	if n := len(e.Candidates); n > maxCandidates {
		return fmt.Sprintf("role %q: %v: it could be any of %d roles, such as %s (give the full name; `careergraph roles %q` lists them)",
			e.Name, ErrAmbiguous, n, quoteList(e.Candidates[:maxCandidates]), e.Name)
	}
	return fmt.Sprintf("role %q: %v: it could be %s (give the full name)", e.Name, ErrAmbiguous, quoteList(e.Candidates))
}

// maxCandidates is how many candidates an AmbiguousError message names.
const maxCandidates = 10

// Unwrap returns ErrAmbiguous.
func (e *AmbiguousError) Unwrap() error { return ErrAmbiguous }

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	if len(q) <= 1 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// Resolve returns the role a user means by name: first any role whose
// display name, written form, alias, reading or ID has the same normal
// form; else the one role that a fuzzy match singles out. It returns a
// *NotFoundError with suggestions, or an *AmbiguousError with the
// candidates. It costs one map look-up when the name is exact and a scan
// of all names otherwise.
func (g *Graph) Resolve(name string) (Role, error) {
	key := NormalName(name)
	if key == "" {
		return Role{}, &NotFoundError{Name: name}
	}
	if idx := g.names[key]; len(idx) == 1 {
		return g.roles[idx[0]], nil
	} else if len(idx) > 1 {
		// A role shown by exactly this name wins over roles that merely
		// list it among their aliases.
		var shown []int32
		for _, i := range idx {
			if NormalName(g.roles[i].Name) == key {
				shown = append(shown, i)
			}
		}
		if len(shown) == 1 {
			return g.roles[shown[0]], nil
		}
		return Role{}, &AmbiguousError{Name: name, Candidates: g.displayNames(idx)}
	}
	if i, ok := g.byID[name]; ok {
		return g.roles[i], nil
	}
	matches := g.Search(name, 0)
	if len(matches) == 0 {
		return Role{}, &NotFoundError{Name: name}
	}
	// A fuzzy match is taken when it is the only role whose names hold
	// the query; a typo (edit distance) is only ever a suggestion.
	if matches[0].Score < scoreEdit && (len(matches) == 1 || matches[1].Score >= scoreEdit) {
		return matches[0].Role, nil
	}
	var sugg []string
	for _, m := range matches[:min(5, len(matches))] {
		sugg = append(sugg, m.Role.Name)
	}
	return Role{}, &NotFoundError{Name: name, Suggestions: sugg}
}

func (g *Graph) displayNames(idx []int32) []string {
	out := make([]string, len(idx))
	for i, r := range idx {
		out[i] = g.roles[r].Name
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
// form), or is within a small edit distance of it: about one typo per
// four characters. Search scans every name: O(total name length).
func (g *Graph) Search(query string, limit int) []Match {
	q := NormalName(query)
	var out []Match
	if q == "" {
		out = make([]Match, len(g.roles))
		for i, r := range g.roles {
			out[i] = Match{Role: r, MatchBy: r.Name}
		}
	} else {
		words := strings.Fields(q)
		maxEdit := max(1, utf8.RuneCountInString(q)/4)
		for i := range g.roles {
			keys := g.keys[g.keyOff[i]:g.keyOff[i+1]]
			best, at := -1, 0
			for j, k := range keys {
				if s := matchScore(q, words, k, maxEdit); s >= 0 && (best < 0 || s < best) {
					best, at = s, j
				}
			}
			if best < 0 {
				continue
			}
			r := g.roles[i]
			j := 0
			r.eachName(func(name string) {
				if j == at {
					out = append(out, Match{Role: r, MatchBy: name, Score: best})
				}
				j++
			})
		}
	}
	slices.SortFunc(out, func(a, b Match) int {
		return cmp.Or(cmp.Compare(a.Score, b.Score), cmp.Compare(a.Role.Name, b.Role.Name), cmp.Compare(a.Role.ID, b.Role.ID))
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
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
