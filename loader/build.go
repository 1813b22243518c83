package loader

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"careergraph/graph"
)

// Rule is a reason careergraph joined a written name to a role (see the
// README, "How names become roles"). Number gives the rule's number there.
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

// Number returns the rule's number in the README's list of six ("How
// names become roles").
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

// Alias is one row of a user alias file: Name is to be read as
// Canonical.
type Alias struct {
	Name, Canonical string
	Source          graph.Source
}

// Corpus is a loaded set of documents: the graph and every finding made on
// the way.
type Corpus struct {
	Graph          *graph.Graph
	Documents      []*Document // readable documents, sorted by file; nil when Options.DropDocuments
	NumDocuments   int         // readable documents: len(Documents) when they are kept
	NumFiles       int         // document files found, readable or not
	Skipped        []string    // files that could not be read as documents, sorted; see Problems for why
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
	docs   []*keyedDoc
	handle int
	key    string // normal form of the title
}

// keyedDoc is a document with the normal forms (graph.NormalName) of the
// names it writes. Normalising is most of the work of resolving names, and
// unlike resolving it needs nothing but the document, so keyDocuments does
// it for every document on all cores first.
type keyedDoc struct {
	*Document
	title    string // the normal form of Title
	short    string // shortTitle(Title), as written
	shortKey string // its normal form
	// The normal forms of the items of the document's lists, by index.
	aliases, related                      []string
	required, recommended, qualifications []string
	rungs                                 [][][]string // by career path, rung and alternative
}

// keyDocuments returns docs with the normal forms of their names, worked
// out on all cores.
func keyDocuments(docs []*Document) []keyedDoc {
	out := make([]keyedDoc, len(docs))
	forChunks(len(docs), func(lo, hi int) {
		var scratch keyScratch
		for i := lo; i < hi; i++ {
			out[i].Document = docs[i]
			out[i].normalise(&scratch)
		}
	})
	return out
}

// forChunks calls fn with consecutive ranges [lo, hi) that cover [0, n),
// on all cores; it returns when every call has.
func forChunks(n int, fn func(lo, hi int)) {
	const chunk = 1024
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), 1+n/chunk) {
		wg.Go(func() {
			for {
				lo := int(next.Add(chunk)) - chunk
				if lo >= n {
					return
				}
				fn(lo, min(lo+chunk, n))
			}
		})
	}
	wg.Wait()
}

// keyScratch is the working space of keyedDoc.normalise, reused from one
// document to the next.
type keyScratch struct {
	names []string // written names, in the order of the keys
	ends  []int    // where each name's normal form ends in buf
	buf   []byte
}

// normalise fills in the normal forms of d's names. They share one string:
// one allocation per document rather than one per name.
func (d *keyedDoc) normalise(s *keyScratch) {
	d.short = shortTitle(d.Title)
	n, rungs := 2, 0
	for _, list := range [][]Item{d.Aliases, d.Related, d.RequiredSkills, d.RecommendedSkills, d.Qualifications} {
		n += len(list)
	}
	for _, cp := range d.Career {
		rungs += len(cp.Rungs)
		for _, r := range cp.Rungs {
			n += len(r)
		}
	}
	keys := make([]string, n)
	s.names = append(s.names[:0], d.Title, d.short)
	take := func(items []Item) []string {
		from := len(s.names)
		for _, it := range items {
			s.names = append(s.names, it.Text)
		}
		return keys[from:len(s.names):len(s.names)]
	}
	d.aliases = take(d.Aliases)
	d.related = take(d.Related)
	d.required = take(d.RequiredSkills)
	d.recommended = take(d.RecommendedSkills)
	d.qualifications = take(d.Qualifications)
	if len(d.Career) > 0 {
		all := make([][]string, rungs)
		d.rungs = make([][][]string, len(d.Career))
		for i, cp := range d.Career {
			d.rungs[i], all = all[:len(cp.Rungs):len(cp.Rungs)], all[len(cp.Rungs):]
			for j, r := range cp.Rungs {
				d.rungs[i][j] = take(r)
			}
		}
	}
	s.buf, s.ends = s.buf[:0], s.ends[:0]
	for _, name := range s.names {
		s.buf = graph.AppendNormalName(s.buf, name)
		s.ends = append(s.ends, len(s.buf))
	}
	all, from := string(s.buf), 0
	for i, end := range s.ends {
		keys[i] = all[from:end]
		from = end
	}
	d.title, d.shortKey = keys[0], keys[1]
}

// weakClaim is the occupations that claim a name by rule 2, with the rule
// and the written form of the first claim.
type weakClaim struct {
	occs []*occupation
	rule Rule
	name string
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
	hash  uint32 // of s, from formHash
	count int32
	own   bool // its normal form is the role's key
}

// formSeed seeds the hashes forms compare before their strings: the
// strings lie all over memory, and comparing each would be a cache miss.
var formSeed = maphash.MakeSeed()

func formHash(s string) uint32 { return uint32(maphash.String(formSeed, s)) }

const formsIndexed = 16 // forms a role has before they are indexed

func (f *forms) add(s string, own bool) {
	i, h := -1, uint32(0)
	if f.index != nil {
		if j, ok := f.index[s]; ok {
			i = j
		}
	} else {
		h = formHash(s)
		for j := range f.list {
			if f.list[j].hash == h && f.list[j].s == s {
				i = j
				break
			}
		}
	}
	if i < 0 {
		i = len(f.list)
		f.list = append(f.list, form{s: s, hash: h}) // h is unused once indexed
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
	exact     map[string]*occupation // normal form of a title
	weak      map[string]weakClaim   // short titles and aliases
	mentions  map[string]int         // normal form → handle of a role only mentioned
	user      map[string]Alias
	userUsed  map[string]bool
	formLog   []formAdd     // forms not counted yet, in order
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
func Build(docs []*Document, aliases []Alias) (*Corpus, error) {
	return build(keyDocuments(docs), aliases, true)
}

// build is Build for documents whose names are normalised already; unless
// keepDocs is set, the Corpus has no Documents, and the documents are let go
// (docs is cleared) as soon as the names are resolved, to lower the peak
// memory of a large load.
func build(docs []keyedDoc, aliases []Alias, keepDocs bool) (*Corpus, error) {
	// Most documents have titles of their own, and many a short title or
	// an alias: size for them rather than grow the maps step by step.
	b := &builder{
		exact:     make(map[string]*occupation, len(docs)),
		weak:      make(map[string]weakClaim, len(docs)),
		mentions:  map[string]int{},
		user:      map[string]Alias{},
		userUsed:  map[string]bool{},
		ambiguous: map[string]*Ambiguity{},
		roles:     make([]graph.Role, 0, len(docs)),
		forms:     make([]forms, 0, len(docs)),
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
	c := &Corpus{NumDocuments: len(docs), NumFiles: len(docs)}
	if keepDocs {
		c.Documents = make([]*Document, len(docs))
		for i := range docs {
			c.Documents[i] = docs[i].Document
		}
	} else {
		clear(docs)
		b.occs, b.exact, b.weak = nil, nil, nil
	}
	return b.finish(c)
}

// estimateMoves returns about how many moves docs write, to size for.
func estimateMoves(docs []keyedDoc) int {
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
	b.countForms()
	forChunks(len(b.roles), func(lo, hi int) {
		for h := lo; h < hi; h++ {
			r := &b.roles[h]
			if !r.Documented {
				r.Name = b.forms[h].display()
			}
			r.Names = b.forms[h].names()
		}
	})
	b.formLog = nil
	for _, r := range b.roles {
		gb.AddRole(r)
	}
	for _, r := range b.rungs {
		gb.AddRung(r...)
	}
	// The findings for check need the roles' names but not the graph:
	// sort them on another core while the graph is built.
	var wg sync.WaitGroup
	wg.Go(func() { b.report(c) })
	g, err := gb.Build()
	if err != nil {
		wg.Wait()
		return nil, err
	}
	c.Graph = g
	c.NearDuplicates = nearDuplicates(g)
	wg.Wait()
	return c, nil
}

// report puts the problems, merges and ambiguities b found into c, each
// sorted. Role names must be final.
func (b *builder) report(c *Corpus) {
	c.Problems, c.Merges = b.problems, b.merges
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
	sortProblems(c.Problems)
}

// nameOf returns the display name role h has so far.
func (b *builder) nameOf(h int) string {
	if b.roles[h].Documented {
		return b.roles[h].Name
	}
	b.countForms()
	return b.forms[h].display()
}

// formAdd is a written form of role h, logged by addForm.
type formAdd struct {
	s   string
	h   int32
	own bool
}

// addForm counts s as a written form of role h, own when its normal form
// is the role's key. The count is put off until countForms: b.forms is
// read only for display names, and counting there is a cache miss or two
// for every name the documents write, better spent on all cores.
func (b *builder) addForm(h int, s string, own bool) {
	b.formLog = append(b.formLog, formAdd{s: s, h: int32(h), own: own})
	if len(b.formLog) >= maxFormLog {
		b.countForms()
	}
}

// maxFormLog bounds the forms logged, and so the memory the log takes,
// while being large enough that counting them is worth starting workers.
const maxFormLog = 1 << 16

// countForms counts the written forms logged since the last call into
// b.forms. Each worker takes the roles of some blocks of handles and counts
// their forms in the order they were logged, so the counts, and the order
// forms were first seen in, are those of counting one by one.
func (b *builder) countForms() {
	if len(b.formLog) == 0 {
		return
	}
	// Blocks of 64 handles keep workers off each other's cache lines.
	const blockShift = 6
	workers := min(runtime.GOMAXPROCS(0), 1+len(b.formLog)/4096)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for _, a := range b.formLog {
				if int(a.h>>blockShift)%workers == w {
					b.forms[a.h].add(a.s, a.own)
				}
			}
		})
	}
	wg.Wait()
	clear(b.formLog) // let go of the strings
	b.formLog = b.formLog[:0]
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
func (b *builder) collectOccupations(docs []keyedDoc) {
	for i := range docs {
		d := &docs[i]
		k := d.title
		if o := b.exact[k]; o != nil {
			o.docs = append(o.docs, d)
			b.merge(d.Title, o.handle, RuleSameTitle, graph.Source{File: d.File, Line: d.TitleLine})
			continue
		}
		o := &occupation{docs: []*keyedDoc{d}, key: k}
		o.handle = b.newRole(graph.Role{Documented: true, Name: d.Title})
		b.exact[k] = o
		b.occs = append(b.occs, o)
	}
	for _, o := range b.occs {
		r := &b.roles[o.handle]
		r.Profile = &graph.Profile{}
		var required, recommended, qualifications []string // normal forms of the profile's lists
		for _, d := range o.docs {
			b.addForm(o.handle, d.Title, true)
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
			r.Profile.RequiredSkills, required = appendItems(r.Profile.RequiredSkills, required, d.RequiredSkills, d.required)
			r.Profile.RecommendedSkills, recommended = appendItems(r.Profile.RecommendedSkills, recommended, d.RecommendedSkills, d.recommended)
			r.Profile.Qualifications, qualifications = appendItems(r.Profile.Qualifications, qualifications, d.Qualifications, d.qualifications)
			if d.short != d.Title {
				b.claim(d.short, d.shortKey, o, RuleShortTitle)
			}
			for i, a := range d.Aliases {
				if other := b.exact[d.aliases[i]]; other != nil && other != o {
					// The title wins (rule 2): the alias is no name of o.
					b.problem(graph.Source{File: d.File, Line: a.Line}, Warning,
						"alias %q is the title of %s: the title wins, the alias is dropped", a.Text, other.docs[0].File)
					continue
				}
				b.claim(a.Text, d.aliases[i], o, RuleAlias)
				b.addForm(o.handle, a.Text, false)
			}
		}
	}
	for k, w := range b.weak {
		if len(w.occs) < 2 {
			continue
		}
		a := &Ambiguity{Name: w.name}
		for _, o := range w.occs {
			a.Claimants = append(a.Claimants, b.roles[o.handle].Name)
		}
		slices.Sort(a.Claimants)
		b.ambiguous[k] = a
	}
}

// claim records that occupation o is also known by name, whose normal
// form is k, unless name is some occupation's exact title, which always
// wins.
func (b *builder) claim(name, k string, o *occupation, rule Rule) {
	if k == "" || b.exact[k] != nil {
		return
	}
	w, ok := b.weak[k]
	if slices.Contains(w.occs, o) {
		return
	}
	if !ok {
		w.rule, w.name = rule, strings.TrimSpace(name)
	}
	w.occs = append(w.occs, o)
	b.weak[k] = w
}

// appendItems appends the texts of items not yet in list (by normal
// form), and their normal forms to keys, which holds those of list;
// itemKeys are those of items.
func appendItems(list, keys []string, items []Item, itemKeys []string) ([]string, []string) {
	list, keys = slices.Grow(list, len(items)), slices.Grow(keys, len(items))
	for i, it := range items {
		if k := itemKeys[i]; !slices.Contains(keys, k) {
			keys = append(keys, k)
			list = append(list, it.Text)
		}
	}
	return list, keys
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
	if w := b.weak[k]; len(w.occs) == 1 {
		return w.occs[0].handle, w.rule, true
	}
	return -1, 0, false
}

// canonical resolves the target of a user alias by rules 1 and 2, or to a
// mentioned role of that name (made if need be). Chains of aliases are
// followed; a loop stops at the first name seen twice.
func (b *builder) canonical(a Alias) int {
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
	if w := b.weak[k]; len(w.occs) == 1 {
		return w.occs[0].handle
	}
	if h, ok := b.mentions[k]; ok {
		return h // the canonical name was counted when the role was made
	}
	return b.mention(k, name, true)
}

// roleOf returns the role an item whose normal form is k names by rules
// 1, 2 and 6 or as a mention, recording nothing and counting no written
// form: the item is counted where it is itself resolved.
func (b *builder) roleOf(k string) int {
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
		b.addForm(h, written, own)
	}
	return h
}

// resolveKey returns the role a mention, whose normal form is k, names
// by rules 1, 2 and 6, recording the merge or the use of an ambiguous
// name.
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
	b.addForm(h, written, own)
	if !own {
		b.merge(written, h, rule, src)
	}
}

// addMoves adds the career moves of d's career paths and the related moves
// from o to d's related jobs.
func (b *builder) addMoves(o *occupation, d *keyedDoc) {
	for n, cp := range d.Career {
		handles := b.resolvePath(o, d, cp, d.rungs[n])
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
	for i, it := range d.Related {
		to := b.resolveKey(it, d.related[i], d.File)
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
func (b *builder) resolvePath(o *occupation, d *keyedDoc, cp CareerPath, keys [][]string) [][]int {
	type pending struct{ rung, alt int }
	out := make([][]int, len(cp.Rungs))
	var open []pending
	ownFound := false
	for i, rung := range cp.Rungs {
		out[i] = make([]int, len(rung))
		for j, it := range rung {
			k := keys[i][j]
			if h, rule, ok := b.lookup(k); ok {
				b.joined(it.Text, k, h, rule, graph.Source{File: d.File, Line: it.Line}) // as resolveKey would
				out[i][j] = h
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
	for _, p := range open {
		it := cp.Rungs[p.rung][p.alt]
		k := keys[p.rung][p.alt]
		match, count := "", 0
		for r := range d.Related {
			if trailingMatch(k, d.related[r:r+1]) > 0 {
				match = d.related[r]
				count++
			}
		}
		if count == 1 {
			h := b.roleOf(match)
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
		out = append(out, d.title, d.shortKey)
		out = append(out, d.aliases...)
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
	roles := g.Roles()
	normal := make([]string, len(roles))
	keys := make([]string, len(roles))
	forChunks(len(roles), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			normal[i] = graph.NormalName(roles[i].Name)
			keys[i] = normal[i]
			// Without a parenthesis a normal form is its own key: it has
			// single spaces and none at the ends.
			if strings.Contains(normal[i], "(") {
				keys[i] = stripQualifiers(normal[i])
			}
		}
	})
	groups := make(map[string][]string, len(roles))
	plain := make(map[string]bool, len(roles))
	for i, r := range roles {
		n, k := normal[i], keys[i]
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
