package loader

import (
	"cmp"
	"fmt"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"

	"careergraph/graph"
	"careergraph/internal/parallel"
	"careergraph/loader/source"
)

// occupation is one documented role: the documents that share a title.
type occupation struct {
	docs   []*keyedDoc
	handle int
	key    string // normal form of the title
}

// weakClaim is the occupations that claim a name by rule 2, with the rule
// and the written form of the first claim.
type weakClaim struct {
	occs []*occupation
	rule Rule
	name string
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
	warned    map[[2]string]bool // file and name warned of as ambiguous, while adding imported moves
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
// memory of a large load (see collectDocuments).
func build(docs []keyedDoc, aliases []Alias, keepDocs bool) (*Corpus, error) {
	return buildWith(docs, nil, aliases, keepDocs, nil)
}

// buildWith is build with the sets of sources other than documents: the
// roles they describe join the documents' occupations (see importedDocs)
// and their moves follow the documents' moves; building, if not nil, is
// called just before the graph is built (Options.Building).
func buildWith(docs []keyedDoc, sets []*source.Set, aliases []Alias, keepDocs bool, building func(docs int)) (*Corpus, error) {
	all := docs
	if imported := importedDocs(sets); len(imported) > 0 {
		all = append(docs[:len(docs):len(docs)], imported...)
	}
	// Most documents have titles of their own, and many a short title or
	// an alias, and a few roles are only mentioned: size for them rather
	// than grow the maps and the roles step by step (at 100k documents,
	// growing the roles past the documents copied 17 MB into 21 MB).
	roles := len(all) + len(all)/16
	b := &builder{
		exact:     make(map[string]*occupation, len(docs)),
		weak:      make(map[string]weakClaim, len(docs)),
		mentions:  map[string]int{},
		user:      map[string]Alias{},
		userUsed:  map[string]bool{},
		ambiguous: map[string]*Ambiguity{},
		roles:     make([]graph.Role, 0, roles),
		forms:     make([]forms, 0, roles),
	}
	for _, a := range aliases {
		b.user[graph.NormalName(a.Name)] = a
	}
	b.collectOccupations(all)
	b.gb.Grow(0, estimateMoves(docs))
	// The moves in order, occupation by occupation, while the names of
	// the documents further on are looked up.
	seq := make([]*keyedDoc, 0, len(all))
	for _, o := range b.occs {
		seq = append(seq, o.docs...)
	}
	ready, k := b.lookupAll(seq), 0
	for _, o := range b.occs {
		for _, d := range o.docs {
			ready(k)
			k++
			b.addMoves(o, d)
		}
	}
	var dropped Dropped
	b.addSetMoves(sets, &dropped)
	for _, a := range aliases {
		if !b.userUsed[graph.NormalName(a.Name)] {
			b.problem(a.Source, Warning, "alias %q is never used: no document names it", a.Name)
		}
	}
	c := &Corpus{NumDocuments: len(docs), NumFiles: len(docs), Dropped: dropped, Sources: sourceInfos(sets)}
	if keepDocs {
		c.Documents = make([]*Document, len(docs))
		for i := range docs {
			c.Documents[i] = docs[i].doc
		}
	} else {
		clear(all)
		if len(all) > len(docs) { // all is a copy, the imported roles' after docs'
			clear(docs)
		}
		b.occs, b.exact, b.weak, b.mentions = nil, nil, nil, nil
		if len(all) >= collectFrom {
			collectDocuments()
		}
	}
	if building != nil {
		building(len(all))
	}
	return b.finish(c)
}

// collectFrom is the number of documents from which a load that keeps
// none collects them before the graph is built (collectDocuments).
const collectFrom = 10000

// collectDocuments runs the garbage collector once the documents are let
// go, so that the graph is built in the memory they held rather than in
// fresh memory: a collection is due about then anyway (the heap has grown
// by half since the last, mostly with the documents' names), and left to
// its time it came in the middle of the graph's build, by when the
// heap had grown by a further 250 MB at 100k documents, all of it memory
// the system had to give the process first. Fresh memory is slow to come
// by on a virtual machine (measured on a 2-core one: 1.6 s a gigabyte
// with huge pages, 5 s without, against 25 ms to write it again). Twelve
// interleaved `careergraph stats --no-cache` at 100k: 0.35–0.45 s less
// time, 0.6 s less system time, 40–60 MB less at peak. A program that
// turned the collector off (GOGC=off) is left as it asked. A load of
// fewer than collectFrom documents does not collect: at 10k documents it
// neither gained nor lost (fifteen pairs), and a collection costs as much
// as the process holds, which in a program that loads a few documents may
// be far more than they are.
func collectDocuments() {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	if s[0].Value.Kind() == metrics.KindUint64 && int64(s[0].Value.Uint64()) < 0 { // off: -1
		return
	}
	runtime.GC()
}

// estimateMoves returns about how many moves docs write, to size for.
func estimateMoves(docs []keyedDoc) int {
	n := 0
	for _, d := range docs {
		n += len(d.related)
		for _, rungs := range d.rungs {
			for i := 1; i < len(rungs); i++ {
				n += len(rungs[i-1]) * len(rungs[i])
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
	parallel.Chunks(len(b.roles), func(lo, hi int) {
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
	// sort them, and find the near duplicates, on another core while the
	// graph is built.
	var wg sync.WaitGroup
	wg.Go(func() {
		b.report(c)
		c.NearDuplicates = nearDuplicates(b.roles)
	})
	g, err := gb.Build()
	wg.Wait()
	if err != nil {
		return nil, err
	}
	c.Graph = g
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
	// Every look-up of a name compares it with a title's normal form and
	// reads its occupation: side by side, in one string and one slice,
	// they are in the cache far more often than where each document's
	// memory put them (look-ups at 100k: 244 -> 146 ms).
	size := 0
	for i := range docs {
		size += len(docs[i].title)
	}
	var titles strings.Builder
	titles.Grow(size)
	for i := range docs {
		titles.WriteString(docs[i].title)
	}
	keys := titles.String()
	occs := make([]occupation, len(docs))
	first := make([]*keyedDoc, len(docs)) // each occupation's first document
	b.occs = make([]*occupation, 0, len(docs))
	for i := range docs {
		d := &docs[i]
		k := keys[:len(d.title)]
		keys = keys[len(d.title):]
		if o := b.exact[k]; o != nil {
			o.docs = append(o.docs, d)
			b.merge(d.Title, o.handle, RuleSameTitle, graph.Source{File: d.File, Line: d.TitleLine})
			continue
		}
		o := &occs[len(b.occs)]
		first[len(b.occs)] = d
		*o = occupation{docs: first[len(b.occs) : len(b.occs)+1 : len(b.occs)+1], key: k}
		o.handle = b.newRole(graph.Role{Documented: true, Name: d.Title})
		b.exact[k] = o
		b.occs = append(b.occs, o)
	}
	// Each occupation's profile is its own documents': put together on
	// all cores. Its names are claimed in one pass, in file order.
	parallel.Chunks(len(b.occs), func(lo, hi int) {
		for _, o := range b.occs[lo:hi] {
			profile(&b.roles[o.handle], o)
		}
	})
	for _, o := range b.occs {
		for _, d := range o.docs {
			b.addForm(o.handle, d.Title, true)
			if d.short != d.Title {
				b.claim(d.short, d.shortKey, o, RuleShortTitle)
			}
			for _, a := range d.aliases {
				k := d.key(a)
				if other := b.exact[k]; other != nil && other != o {
					// The title wins (rule 2): the alias is no name of o.
					// An imported role's other names are what the source
					// gathered, not a claim of the user's: no warning.
					if d.imported != nil {
						continue
					}
					b.problem(graph.Source{File: d.File, Line: int(a.line)}, Warning,
						"alias %q is the title of %s: the title wins, the alias is dropped", d.text(a), other.docs[0].File)
					continue
				}
				text := d.text(a)
				b.claim(text, k, o, RuleAlias)
				b.addForm(o.handle, text, false)
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

// profile fills in documented role r from the documents of o: their
// files, profile (the first summary, the skills and qualifications of all,
// each once by normal form, the packed sections of all), reading,
// classification and what a source other than a document gave.
func profile(r *graph.Role, o *occupation) {
	r.Profile = &graph.Profile{}
	var required, recommended, qualifications []string // normal forms of the profile's lists
	var packed []string
	var owner any // of packed's memory, when it is one document's
	for _, d := range o.docs {
		r.Docs = append(r.Docs, d.File)
		packed, owner = append(packed, d.packed), d.packOwner
		addImported(r, d)
		if r.Reading == "" {
			r.Reading = d.Reading
		}
		if len(r.Classification) == 0 {
			r.Classification = d.Classification.Levels()
		}
		if r.Profile.Summary == "" {
			r.Profile.Summary = d.Summary
		}
		r.Profile.RequiredSkills, required = appendItems(r.Profile.RequiredSkills, required, d, d.required)
		r.Profile.RecommendedSkills, recommended = appendItems(r.Profile.RecommendedSkills, recommended, d, d.recommended)
		r.Profile.Qualifications, qualifications = appendItems(r.Profile.Qualifications, qualifications, d, d.qualifications)
	}
	if len(packed) > 1 {
		owner = nil // joined in memory
	}
	r.Profile.SetPacked(strings.Join(packed, ""), owner) // one document's, as it is
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

// appendItems appends the texts of d's names not yet in list (by normal
// form), and their normal forms to keys, which holds those of list.
func appendItems(list, keys []string, d *keyedDoc, names []nameRef) ([]string, []string) {
	list, keys = slices.Grow(list, len(names)), slices.Grow(keys, len(names))
	for _, n := range names {
		if pn := d.pool.name(n.id); !slices.Contains(keys, pn.key) {
			keys = append(keys, pn.key)
			list = append(list, pn.text)
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

// addMoves adds the career moves of d's career paths and the related moves
// from o to d's related jobs.
func (b *builder) addMoves(o *occupation, d *keyedDoc) {
	founds := d.found
	for _, path := range d.rungs {
		m := 0
		for _, rung := range path {
			m += len(rung)
		}
		handles := b.resolvePath(o, d, path, founds[:m])
		founds = founds[m:]
		for i, rung := range handles {
			if len(rung) > 1 {
				b.rungs = append(b.rungs, rung)
			}
			if i == 0 {
				continue
			}
			for x, from := range handles[i-1] {
				for y, to := range rung {
					src := graph.Source{File: d.File, Line: int(path[i][y].line)}
					if from == to {
						b.problem(src, Warning, "career step from %q to itself (%q → %q): dropped",
							b.nameOf(from), d.text(path[i-1][x]), d.text(path[i][y]))
						continue
					}
					b.gb.AddMove(from, to, graph.Career, src)
				}
			}
		}
	}
	for i, n := range d.related {
		pn := d.pool.name(n.id)
		it := Item{Text: pn.text, Line: int(n.line)}
		to := b.resolveFound(it, pn.key, d.File, founds[i])
		src := graph.Source{File: d.File, Line: it.Line}
		if to == o.handle {
			b.problem(src, Warning, "related job %q is the occupation itself: dropped", it.Text)
			continue
		}
		b.gb.AddMove(o.handle, to, graph.Related, src)
	}
}

// nearDuplicates groups roles whose names are one once parenthetical
// qualifiers are removed, where one of them has no qualifier at all
// (rule 5 keeps them apart), among roles, in any order.
func nearDuplicates(roles []graph.Role) []NearDuplicate {
	normal := make([]string, len(roles))
	keys := make([]string, len(roles))
	parallel.Chunks(len(roles), func(lo, hi int) {
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
