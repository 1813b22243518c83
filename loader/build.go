package loader

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"careergraph/graph"
)

// Rule is a reason careergraph joined a written name to a role (see
// DESIGN.md, "Name resolution"). Number gives the rule's number there.
type Rule int

// The ways a name joins a role. RuleExact is rule 1, the same normal form;
// every other join is recorded as a Merge for check.
const (
	RuleExact       Rule = iota // rule 1: the same name in normal form
	RuleShortTitle              // rule 2: title without its trailing parenthetical
	RuleAlias                   // rule 2: an alias a document lists
	RuleSameTitle               // rule 2: two documents with the same title
	RuleOwnRung                 // rule 3: a rung of a document's own path is the occupation
	RuleRelatedRung             // rule 4: a rung is one of the document's related jobs
	RuleUserAlias               // rule 6: the user's alias file
)

// Number returns the rule's number in DESIGN.md's list of six.
func (r Rule) Number() int {
	switch r {
	case RuleExact:
		return 1
	case RuleShortTitle, RuleAlias, RuleSameTitle:
		return 2
	case RuleOwnRung:
		return 3
	case RuleRelatedRung:
		return 4
	}
	return 6
}

// String says the rule in words, with its number: "rule 2: alias of the
// occupation".
func (r Rule) String() string {
	what := map[Rule]string{
		RuleExact:       "the same name",
		RuleShortTitle:  "title without its parenthetical",
		RuleAlias:       "alias of the occupation",
		RuleSameTitle:   "two documents with the same title",
		RuleOwnRung:     "the document's own occupation in its career path",
		RuleRelatedRung: "trailing part of one of the document's related jobs",
		RuleUserAlias:   "user alias file",
	}[r]
	return fmt.Sprintf("rule %d: %s", r.Number(), what)
}

// Merge records a written name that joined a role by a rule other than an
// exact normal-form match.
type Merge struct {
	Name   string // as written
	Role   string // display name of the role it joined
	Rule   Rule
	Source graph.Source
}

// Ambiguity is a name (as first written) that two or more occupations claim in the weaker way
// of rule 2 (title without parenthetical, or alias). It resolves to none of
// them: each mention stays a role of its own.
type Ambiguity struct {
	Name      string
	Claimants []string // titles of the claiming occupations, sorted
	Uses      []graph.Source
}

// NearDuplicate is a set of roles whose names differ only by a
// parenthetical qualifier. Rule 5 keeps them apart; check lists them so
// that a user can join them with an alias file.
type NearDuplicate struct {
	Key   string   // the shared name without qualifiers
	Roles []string // display names, sorted
}

// AliasRule is one row of a user alias file: Name is to be read as
// Canonical.
type AliasRule struct {
	Name, Canonical string
	Source          graph.Source
}

// Corpus is a loaded set of documents: the graph and every finding made on
// the way.
type Corpus struct {
	Graph          *graph.Graph
	Docs           []*Document // readable documents, sorted by file; nil from LoadCached
	Documents      int         // readable documents: len(Docs) when Docs is kept
	Files          int         // document files found, readable or not
	Broken         int         // files that could not be read as documents
	Problems       []Problem   // sorted by file and line
	Merges         []Merge     // sorted by role, then name, then source
	Ambiguous      []Ambiguity // sorted by name
	NearDuplicates []NearDuplicate
}

// Errors returns the number of problems of Error severity; Warnings the
// rest.
func (c *Corpus) Errors() int {
	n := 0
	for _, p := range c.Problems {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// Warnings returns the number of problems of Warning severity.
func (c *Corpus) Warnings() int { return len(c.Problems) - c.Errors() }

// occupation is one documented role: the documents that share a title.
type occupation struct {
	docs   []*Document
	handle int
	key    string // normal form of the title
}

// mention is a role that documents name but none describes.
type mention struct {
	handle int
	key    string
}

// forms counts the written forms of one role for its display name. Most
// roles have a handful, so they are searched in a slice; a map indexes
// them only when there are many.
type forms struct {
	list  []form         // in the order first seen
	index map[string]int // into list; nil while list is short
}

type form struct {
	s     string
	count int
	own   bool // its normal form is the role's key
}

const formsIndexed = 16 // forms a role has before they are indexed

func (f *forms) add(s string, own bool) {
	i := -1
	if f.index != nil {
		if j, ok := f.index[s]; ok {
			i = j
		}
	} else {
		for j := range f.list {
			if f.list[j].s == s {
				i = j
				break
			}
		}
	}
	if i < 0 {
		i = len(f.list)
		f.list = append(f.list, form{s: s})
		if f.index != nil {
			f.index[s] = i
		} else if len(f.list) > formsIndexed {
			f.index = make(map[string]int, 2*len(f.list))
			for j, x := range f.list {
				f.index[x.s] = j
			}
		}
	}
	f.list[i].count++
	f.list[i].own = f.list[i].own || own
}

// names returns the written forms, sorted.
func (f *forms) names() []string {
	out := make([]string, len(f.list))
	for i, x := range f.list {
		out[i] = x.s
	}
	slices.Sort(out)
	return out
}

// display returns the most frequent of the role's own written forms, the
// first seen on a tie; forms joined by a rule only count when there is no
// own form.
func (f *forms) display() string {
	for _, own := range []bool{true, false} {
		best := -1
		for i, x := range f.list {
			if x.own == own && (best < 0 || x.count > f.list[best].count) {
				best = i
			}
		}
		if best >= 0 {
			return f.list[best].s
		}
	}
	return ""
}

// builder resolves the names of a sorted set of documents and builds the
// graph. It keeps every decision it makes for check.
type builder struct {
	roles     []graph.Role // by handle
	forms     []forms      // by handle
	occs      []*occupation
	exact     map[string]*occupation   // normal form of a title
	weak      map[string][]*occupation // short titles and aliases
	weakRule  map[string]Rule
	weakName  map[string]string // the first written form of a weak name
	mentions  map[string]int    // normal form → handle of a role only mentioned
	user      map[string]AliasRule
	userUsed  map[string]bool
	gb        graph.Builder // its role handles are the builder's
	rungs     [][]int
	merges    []Merge
	mergeOf   []int // handle of the role each merge joined
	problems  []Problem
	ambiguous map[string]*Ambiguity
}

// Build resolves the names of docs and builds the graph. docs must be
// sorted by file; aliases are the rows of a user alias file, if any. It
// fails only when the graph cannot be built, which is a bug; every
// problem of the input is in the Corpus.
func Build(docs []*Document, aliases []AliasRule) (*Corpus, error) {
	return build(docs, aliases, true)
}

// build is Build; unless keepDocs is set, the Corpus has no Docs, and the
// documents are let go (docs is cleared) as soon as the names are
// resolved, to lower the peak memory of a large load.
func build(docs []*Document, aliases []AliasRule, keepDocs bool) (*Corpus, error) {
	b := &builder{
		exact:     map[string]*occupation{},
		weak:      map[string][]*occupation{},
		weakRule:  map[string]Rule{},
		weakName:  map[string]string{},
		mentions:  map[string]int{},
		user:      map[string]AliasRule{},
		userUsed:  map[string]bool{},
		ambiguous: map[string]*Ambiguity{},
	}
	for _, a := range aliases {
		b.user[graph.NormalName(a.Name)] = a
	}
	b.collectOccupations(docs)
	b.gb.Grow(0, estimateMoves(docs))
	for _, o := range b.occs {
		for _, d := range o.docs {
			b.addMoves(o, d)
		}
	}
	for _, a := range aliases {
		if !b.userUsed[graph.NormalName(a.Name)] {
			b.problem(a.Source, Warning, "alias %q is never used: no document names it", a.Name)
		}
	}
	c := &Corpus{Docs: docs, Documents: len(docs), Files: len(docs)}
	if !keepDocs {
		c.Docs = nil
		clear(docs)
		b.occs, b.exact, b.weak = nil, nil, nil
	}
	return b.finish(c)
}

// estimateMoves returns about how many moves docs write, to size for.
func estimateMoves(docs []*Document) int {
	n := 0
	for _, d := range docs {
		n += len(d.Related)
		for _, cp := range d.Career {
			for i := 1; i < len(cp.Rungs); i++ {
				n += len(cp.Rungs[i-1]) * len(cp.Rungs[i])
			}
		}
	}
	return n
}

// finish builds the graph into c and adds what check reports.
func (b *builder) finish(c *Corpus) (*Corpus, error) {
	gb := &b.gb
	gb.Grow(len(b.roles), 0)
	for h := range b.roles {
		r := &b.roles[h]
		if !r.Documented {
			r.Name = b.forms[h].display()
		}
		r.Names = b.forms[h].names()
		gb.AddRole(*r)
	}
	for _, r := range b.rungs {
		gb.AddRung(r...)
	}
	g, err := gb.Build()
	if err != nil {
		return nil, err
	}
	c.Graph, c.Problems, c.Merges = g, b.problems, b.merges
	for i := range c.Merges {
		c.Merges[i].Role = b.roles[b.mergeOf[i]].Name
	}
	slices.SortFunc(c.Merges, func(x, y Merge) int {
		return cmp.Or(cmp.Compare(x.Role, y.Role), cmp.Compare(x.Name, y.Name), graph.CompareSources(x.Source, y.Source))
	})
	c.Merges = slices.CompactFunc(c.Merges, func(x, y Merge) bool { return x == y })
	for _, a := range b.ambiguous {
		slices.SortFunc(a.Uses, graph.CompareSources)
		c.Ambiguous = append(c.Ambiguous, *a)
	}
	slices.SortFunc(c.Ambiguous, func(x, y Ambiguity) int { return cmp.Compare(x.Name, y.Name) })
	c.NearDuplicates = nearDuplicates(g)
	sortProblems(c.Problems)
	return c, nil
}

// nameOf returns the display name role h has so far.
func (b *builder) nameOf(h int) string {
	if b.roles[h].Documented {
		return b.roles[h].Name
	}
	return b.forms[h].display()
}

func (b *builder) newRole(r graph.Role) int {
	b.roles = append(b.roles, r)
	b.forms = append(b.forms, forms{})
	return len(b.roles) - 1
}

func (b *builder) problem(src graph.Source, sev Severity, format string, args ...any) {
	b.problems = append(b.problems, Problem{File: src.File, Line: src.Line, Severity: sev, Msg: fmt.Sprintf(format, args...)})
}

func (b *builder) merge(name string, h int, rule Rule, src graph.Source) {
	b.merges = append(b.merges, Merge{Name: name, Rule: rule, Source: src})
	b.mergeOf = append(b.mergeOf, h)
}

// collectOccupations makes one documented role per distinct title and
// records the weaker names (rule 2) each occupation claims.
func (b *builder) collectOccupations(docs []*Document) {
	for _, d := range docs {
		k := graph.NormalName(d.Title)
		if o := b.exact[k]; o != nil {
			o.docs = append(o.docs, d)
			b.merge(d.Title, o.handle, RuleSameTitle, graph.Source{File: d.File, Line: d.TitleLine})
			continue
		}
		o := &occupation{docs: []*Document{d}, key: k}
		o.handle = b.newRole(graph.Role{Documented: true, Name: d.Title})
		b.exact[k] = o
		b.occs = append(b.occs, o)
	}
	for _, o := range b.occs {
		r := &b.roles[o.handle]
		r.Profile = &graph.Profile{}
		for _, d := range o.docs {
			b.forms[o.handle].add(d.Title, true)
			r.Docs = append(r.Docs, d.File)
			if r.Reading == "" {
				r.Reading = d.Reading
			}
			if len(r.Classification) == 0 {
				r.Classification = d.Classification.Levels()
			}
			if r.Profile.Summary == "" {
				r.Profile.Summary = d.Summary
			}
			r.Profile.RequiredSkills = appendItems(r.Profile.RequiredSkills, d.RequiredSkills)
			r.Profile.RecommendedSkills = appendItems(r.Profile.RecommendedSkills, d.RecommendedSkills)
			r.Profile.Qualifications = appendItems(r.Profile.Qualifications, d.Qualifications)
			if short := shortTitle(d.Title); short != d.Title {
				b.claim(short, o, RuleShortTitle)
			}
			for _, a := range d.Aliases {
				b.claim(a.Text, o, RuleAlias)
				b.forms[o.handle].add(a.Text, false)
			}
		}
	}
	for k, os := range b.weak {
		if len(os) < 2 {
			continue
		}
		a := &Ambiguity{Name: b.weakName[k]}
		for _, o := range os {
			a.Claimants = append(a.Claimants, b.roles[o.handle].Name)
		}
		slices.Sort(a.Claimants)
		b.ambiguous[k] = a
	}
}

// claim records that occupation o is also known by name, unless name is
// some occupation's exact title, which always wins.
func (b *builder) claim(name string, o *occupation, rule Rule) {
	k := graph.NormalName(name)
	if k == "" || b.exact[k] != nil || slices.Contains(b.weak[k], o) {
		return
	}
	b.weak[k] = append(b.weak[k], o)
	if _, ok := b.weakRule[k]; !ok {
		b.weakRule[k] = rule
		b.weakName[k] = strings.TrimSpace(name)
	}
}

// appendItems appends the texts of items not yet in list (by normal form).
func appendItems(list []string, items []Item) []string {
	if len(items) == 0 {
		return list
	}
	keys := make([]string, len(list), len(list)+len(items))
	for i, s := range list {
		keys[i] = graph.NormalName(s)
	}
	for _, it := range items {
		k := graph.NormalName(it.Text)
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
			list = append(list, it.Text)
		}
	}
	return list
}

// shortTitle returns title without a trailing parenthetical qualifier:
// "Local Office Director (Local Public Bodies)" → "Local Office Director".
// Full-width parentheses count too.
func shortTitle(title string) string {
	t := strings.TrimSpace(title)
	for _, p := range [][2]string{{"(", ")"}, {"（", "）"}} {
		if !strings.HasSuffix(t, p[1]) {
			continue
		}
		depth := 0
		for i := len(t) - len(p[1]); i >= 0; i-- {
			switch {
			case strings.HasPrefix(t[i:], p[1]):
				depth++
			case strings.HasPrefix(t[i:], p[0]):
				depth--
				if depth == 0 {
					if s := strings.TrimSpace(t[:i]); s != "" {
						return s
					}
					return t
				}
			}
		}
	}
	return t
}

// lookup finds the role a name has by rules 1, 2 and 6 alone, without
// recording anything. ok is false when none of them applies.
func (b *builder) lookup(k string) (h int, rule Rule, ok bool) {
	if a, found := b.user[k]; found {
		return b.canonical(a), RuleUserAlias, true
	}
	if o := b.exact[k]; o != nil {
		return o.handle, RuleExact, true
	}
	if os := b.weak[k]; len(os) == 1 {
		return os[0].handle, b.weakRule[k], true
	}
	return -1, 0, false
}

// canonical resolves the target of a user alias by rules 1 and 2, or to a
// mentioned role of that name (made if need be). Chains of aliases are
// followed; a loop stops at the first name seen twice.
func (b *builder) canonical(a AliasRule) int {
	seen := map[string]bool{}
	k := graph.NormalName(a.Canonical)
	name := a.Canonical
	for {
		seen[k] = true
		next, found := b.user[k]
		if !found || seen[graph.NormalName(next.Canonical)] {
			break
		}
		b.userUsed[k] = true
		name, k = next.Canonical, graph.NormalName(next.Canonical)
	}
	if o := b.exact[k]; o != nil {
		return o.handle
	}
	if os := b.weak[k]; len(os) == 1 {
		return os[0].handle
	}
	return b.mention(k, name, true)
}

// roleOf returns the role an item names by rules 1, 2 and 6 or as a
// mention, recording nothing and counting no written form: the item is
// counted where it is itself resolved.
func (b *builder) roleOf(it Item) int {
	k := graph.NormalName(it.Text)
	if h, _, ok := b.lookup(k); ok {
		return h
	}
	return b.mention(k, "", true)
}

// mention returns the handle of the role only mentioned under normal form
// k, making it if need be, and counts the written form unless it is
// empty.
func (b *builder) mention(k, written string, own bool) int {
	h, ok := b.mentions[k]
	if !ok {
		h = b.newRole(graph.Role{})
		b.mentions[k] = h
	}
	if written != "" {
		b.forms[h].add(written, own)
	}
	return h
}

// resolve returns the role a mention names by rules 1, 2 and 6, recording
// the merge or the use of an ambiguous name.
func (b *builder) resolve(it Item, file string) int {
	return b.resolveKey(it, graph.NormalName(it.Text), file)
}

// resolveKey is resolve for an item whose normal form k is known.
func (b *builder) resolveKey(it Item, k, file string) int {
	src := graph.Source{File: file, Line: it.Line}
	h, rule, ok := b.lookup(k)
	if !ok {
		if a := b.ambiguous[k]; a != nil {
			a.Uses = append(a.Uses, src)
			b.problem(src, Warning, "%q could be %s: kept as a role of its own (add it to an alias file to choose)",
				it.Text, quoteOr(a.Claimants))
		}
		return b.mention(k, it.Text, true)
	}
	b.joined(it.Text, k, h, rule, src)
	return h
}

// joined records that a written name joined role h by rule, unless the
// name is the role's own in normal form.
func (b *builder) joined(written, k string, h int, rule Rule, src graph.Source) {
	if rule == RuleUserAlias {
		b.userUsed[k] = true
	}
	own := rule == RuleExact
	b.forms[h].add(written, own)
	if !own {
		b.merge(written, h, rule, src)
	}
}

// addMoves adds the career moves of d's career paths and the related moves
// from o to d's related jobs.
func (b *builder) addMoves(o *occupation, d *Document) {
	for _, cp := range d.Career {
		handles := b.resolvePath(o, d, cp)
		for i, rung := range handles {
			if len(rung) > 1 {
				b.rungs = append(b.rungs, rung)
			}
			if i == 0 {
				continue
			}
			for x, from := range handles[i-1] {
				for y, to := range rung {
					src := graph.Source{File: d.File, Line: cp.Rungs[i][y].Line}
					if from == to {
						b.problem(src, Warning, "career step from %q to itself (%q → %q): dropped",
							b.nameOf(from), cp.Rungs[i-1][x].Text, cp.Rungs[i][y].Text)
						continue
					}
					b.gb.AddMove(from, to, graph.Career, src)
				}
			}
		}
	}
	for _, it := range d.Related {
		to := b.resolve(it, d.File)
		src := graph.Source{File: d.File, Line: it.Line}
		if to == o.handle {
			b.problem(src, Warning, "related job %q is the occupation itself: dropped", it.Text)
			continue
		}
		b.gb.AddMove(o.handle, to, graph.Related, src)
	}
}

// resolvePath resolves every role of one career path of d, by rules 1, 2
// and 6 first, then rule 3 (the rung that is d's own occupation) and rule
// 4 (a rung that is one of d's related jobs). It returns role handles by
// rung.
func (b *builder) resolvePath(o *occupation, d *Document, cp CareerPath) [][]int {
	type pending struct{ rung, alt int }
	out := make([][]int, len(cp.Rungs))
	keys := make([][]string, len(cp.Rungs))
	var open []pending
	ownFound := false
	for i, rung := range cp.Rungs {
		out[i] = make([]int, len(rung))
		keys[i] = make([]string, len(rung))
		for j, it := range rung {
			k := graph.NormalName(it.Text)
			keys[i][j] = k
			if h, _, ok := b.lookup(k); ok {
				out[i][j] = b.resolveKey(it, k, d.File)
				ownFound = ownFound || h == o.handle
				continue
			}
			out[i][j] = -1
			open = append(open, pending{i, j})
		}
	}
	if !ownFound {
		// Rule 3: the open rung whose words end the title or an alias, the
		// longest such match; a tie joins nothing.
		best, bestLen, tie := -1, 0, false
		var own []string
		if len(open) > 0 {
			own = b.ownNames(o)
		}
		for n, p := range open {
			if l := trailingMatch(keys[p.rung][p.alt], own); l > bestLen {
				best, bestLen, tie = n, l, false
			} else if l > 0 && l == bestLen {
				tie = true
			}
		}
		if best >= 0 && !tie {
			p := open[best]
			it := cp.Rungs[p.rung][p.alt]
			b.joined(it.Text, keys[p.rung][p.alt], o.handle, RuleOwnRung, graph.Source{File: d.File, Line: it.Line})
			out[p.rung][p.alt] = o.handle
			open = slices.Delete(open, best, best+1)
		}
	}
	var related []string
	for _, p := range open {
		it := cp.Rungs[p.rung][p.alt]
		k := keys[p.rung][p.alt]
		if related == nil {
			related = make([]string, len(d.Related))
			for r := range d.Related {
				related[r] = graph.NormalName(d.Related[r].Text)
			}
		}
		var match *Item
		count := 0
		for r := range d.Related {
			if trailingMatch(k, related[r:r+1]) > 0 {
				match = &d.Related[r]
				count++
			}
		}
		if count == 1 {
			h := b.roleOf(*match)
			b.joined(it.Text, k, h, RuleRelatedRung, graph.Source{File: d.File, Line: it.Line})
			out[p.rung][p.alt] = h
			continue
		}
		out[p.rung][p.alt] = b.resolveKey(it, k, d.File)
	}
	return out
}

// ownNames returns the normal forms of an occupation's titles, short
// titles and aliases.
func (b *builder) ownNames(o *occupation) []string {
	var out []string
	for _, d := range o.docs {
		out = append(out, graph.NormalName(d.Title), graph.NormalName(shortTitle(d.Title)))
		for _, a := range d.Aliases {
			out = append(out, graph.NormalName(a.Text))
		}
	}
	return out
}

// trailingMatch returns the number of words of k when its words are a
// proper trailing part of one of names ("secretary general" of "labor
// union secretary general"), else 0.
func trailingMatch(k string, names []string) int {
	if k == "" {
		return 0
	}
	for _, n := range names {
		if len(n) > len(k) && strings.HasSuffix(n, k) && n[len(n)-len(k)-1] == ' ' {
			return strings.Count(k, " ") + 1
		}
	}
	return 0
}

// nearDuplicates groups roles whose names are one once parenthetical
// qualifiers are removed, where one of them has no qualifier at all
// (rule 5 keeps them apart).
func nearDuplicates(g *graph.Graph) []NearDuplicate {
	groups := map[string][]string{}
	plain := map[string]bool{}
	for _, r := range g.Roles() {
		n := graph.NormalName(r.Name)
		k := stripQualifiers(n)
		groups[k] = append(groups[k], r.Name)
		plain[k] = plain[k] || k == n
	}
	var out []NearDuplicate
	for k, names := range groups {
		// "Employee (Junior)" and "Employee (Senior)" are meant to differ;
		// a name beside the same name with a qualifier may not be.
		if len(names) > 1 && plain[k] {
			slices.Sort(names)
			out = append(out, NearDuplicate{Key: k, Roles: names})
		}
	}
	slices.SortFunc(out, func(x, y NearDuplicate) int { return cmp.Compare(x.Key, y.Key) })
	return out
}

// stripQualifiers removes every parenthetical part of a normal-form name.
func stripQualifiers(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// quoteOr quotes names and joins them with "or": "a" or "b".
func quoteOr(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, " or ")
}

func sortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(b.Severity, a.Severity), cmp.Compare(a.Msg, b.Msg))
	})
}
