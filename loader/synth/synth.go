// Package synth writes synthetic occupation documents in the two layouts
// of the seed documents (compact and spaced), for benchmarks and tests at
// scale. A corpus is deterministic for its size and seed.
//
// Titles read "<Qualifier> <Domain> <Role noun> (<Sector>)"; the role
// noun ranks the occupation from trainee to president. Career paths of 3
// to 6 rungs climb those ranks and mostly name other documents of the
// same domain — by title, by title without its parenthetical, by alias,
// or in another case — so name resolution has real work to do and the
// graph is connected much like a real one. Generic roles no document
// describes ("Section Chief", "Banking Staff") become its hubs.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

// Corpus is the plan of a synthetic corpus: every document's title and
// names, fixed up front so that documents can name one another. Its
// documents are produced one at a time by AppendDocument.
type Corpus struct {
	seed   uint64
	docs   []plan
	byRank [][][]int32     // domain → rank → documents
	weak   map[string]int  // lower-cased short titles and aliases → claimants
	titles map[string]bool // lower-cased titles
}

type plan struct {
	q, d, noun, s int // indexes into the vocabulary; s < 0: no sector
	rank          int
	title         string
	short         string // title without its parenthetical; "" without one
	aliases       []string
}

// rankWeights say how common each rank is: many staff, few presidents.
var rankWeights = []int{6, 14, 22, 18, 16, 12, 8, 4}

// New plans a corpus of n documents for seed.
func New(n int, seed uint64) *Corpus {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	c := &Corpus{
		seed:   seed,
		docs:   make([]plan, 0, n),
		byRank: make([][][]int32, len(domains)),
		weak:   make(map[string]int, n*2),
		titles: make(map[string]bool, n),
	}
	for d := range c.byRank {
		c.byRank[d] = make([][]int32, len(roleNouns))
	}
	total := 0
	for _, w := range rankWeights {
		total += w
	}
	for len(c.docs) < n {
		p := plan{q: r.IntN(len(qualifiers)), d: r.IntN(len(domains)), s: -1}
		x := r.IntN(total)
		for p.rank = 0; x >= rankWeights[p.rank]; p.rank++ {
			x -= rankWeights[p.rank]
		}
		p.noun = r.IntN(len(roleNouns[p.rank]))
		if r.IntN(10) < 7 {
			p.s = r.IntN(len(sectors))
		}
		p.short = qualifiers[p.q] + " " + domains[p.d].name + " " + roleNouns[p.rank][p.noun]
		p.title = p.short
		if p.s >= 0 {
			p.title += " (" + sectors[p.s] + ")"
		} else {
			p.short = ""
		}
		key := strings.ToLower(p.title)
		if c.titles[key] {
			continue
		}
		c.titles[key] = true
		noun := roleNouns[p.rank][p.noun]
		if r.IntN(10) < 6 {
			p.aliases = append(p.aliases, domains[p.d].name+" "+noun+" ("+qualifiers[p.q]+")")
		}
		if p.s >= 0 && r.IntN(10) < 3 {
			p.aliases = append(p.aliases, sectors[p.s]+" "+qualifiers[p.q]+" "+domains[p.d].name+" "+noun)
		}
		c.byRank[p.d][p.rank] = append(c.byRank[p.d][p.rank], int32(len(c.docs)))
		c.docs = append(c.docs, p)
	}
	for _, p := range c.docs {
		if p.short != "" {
			c.weak[strings.ToLower(p.short)]++
		}
		for _, a := range p.aliases {
			c.weak[strings.ToLower(a)]++
		}
	}
	return c
}

// Len returns the number of documents.
func (c *Corpus) Len() int { return len(c.docs) }

// Title returns the title of document i.
func (c *Corpus) Title(i int) string { return c.docs[i].title }

// Name returns the file name of document i relative to the corpus folder:
// a thousand documents to a subfolder, "001/001234.txt".
func (c *Corpus) Name(i int) string {
	return filepath.Join(fmt.Sprintf("%03d", i/1000), fmt.Sprintf("%06d.txt", i))
}

// usable reports whether a short title or alias names exactly one
// occupation, so that a mention by it resolves.
func (c *Corpus) usable(name string) bool {
	k := strings.ToLower(name)
	return name != "" && c.weak[k] == 1 && !c.titles[k]
}

// mention returns how another document names document j: mostly its
// title, else a unique short title or alias, else the title in lower case.
func (c *Corpus) mention(r *rand.Rand, j int) string {
	p := &c.docs[j]
	switch x := r.IntN(100); {
	case x < 55:
	case x < 75:
		if c.usable(p.short) {
			return p.short
		}
	case x < 88:
		if len(p.aliases) > 0 {
			if a := p.aliases[r.IntN(len(p.aliases))]; c.usable(a) {
				return a
			}
		}
	default:
		return strings.ToLower(p.title)
	}
	return p.title
}

// own returns how document i names itself in its own career path.
func (c *Corpus) own(r *rand.Rand, i int) string {
	p := &c.docs[i]
	noun := roleNouns[p.rank][p.noun]
	switch x := r.IntN(100); {
	case x < 45:
	case x < 65:
		if c.usable(p.short) {
			return p.short
		}
	case x < 85:
		// A trailing part of the title (rule 3 of name resolution).
		if p.s >= 0 {
			return noun + " (" + sectors[p.s] + ")"
		}
		return domains[p.d].name + " " + noun
	default:
		if len(p.aliases) > 0 && c.usable(p.aliases[0]) {
			return p.aliases[0]
		}
	}
	return p.title
}

func generic(r *rand.Rand, rank, d int) string {
	g := genericByRank[rank]
	return strings.ReplaceAll(g[r.IntN(len(g))], "%s", domains[d].name)
}

// other returns the name of a role at rank for document i: usually
// another document of the same domain, sometimes of another, sometimes a
// generic role.
func (c *Corpus) other(r *rand.Rand, i, rank int) string {
	p := &c.docs[i]
	if r.IntN(10) < 7 {
		d := p.d
		if r.IntN(100) < 15 {
			d = r.IntN(len(domains))
		}
		if l := c.byRank[d][rank]; len(l) > 0 {
			if j := int(l[r.IntN(len(l))]); j != i {
				return c.mention(r, j)
			}
		}
	}
	return generic(r, rank, p.d)
}

// careerPath returns the rungs of document i's career path.
func (c *Corpus) careerPath(r *rand.Rand, i int) [][]string {
	p := &c.docs[i]
	n := 3 + r.IntN(4)
	lo, hi := max(0, p.rank-n+1), min(p.rank, len(roleNouns)-n)
	start := p.rank - r.IntN(n)
	if lo <= hi {
		start = lo + r.IntN(hi-lo+1)
	}
	rungs := make([][]string, n)
	for k := range rungs {
		rank := min(max(start+k, 0), len(roleNouns)-1)
		alts := 1
		if x := r.IntN(100); x < 3 {
			alts = 3
		} else if x < 25 {
			alts = 2
		}
		if start+k == p.rank {
			rungs[k] = append(rungs[k], c.own(r, i))
			alts = min(alts, 1+r.IntN(100)/90)
		}
		for tries := 0; len(rungs[k]) < alts && tries < 6; tries++ {
			name := c.other(r, i, rank)
			dup := false
			for _, s := range rungs[k] {
				dup = dup || strings.EqualFold(s, name)
			}
			if !dup {
				rungs[k] = append(rungs[k], name)
			}
		}
	}
	return rungs
}

// related returns document i's related jobs, 2 to 6 of them.
func (c *Corpus) related(r *rand.Rand, i int) []string {
	p := &c.docs[i]
	n := 2 + r.IntN(5)
	var out []string
	seen := map[string]bool{strings.ToLower(p.title): true}
	for tries := 0; len(out) < n && tries < 3*n; tries++ {
		var name string
		switch x := r.IntN(100); {
		case x < 38:
			name = c.other(r, i, r.IntN(len(roleNouns)))
		case x < 56:
			if l := c.byRank[r.IntN(len(domains))][p.rank]; len(l) > 0 {
				if j := int(l[r.IntN(len(l))]); j != i {
					name = c.mention(r, j)
				}
			}
		case x < 75:
			if j := r.IntN(len(c.docs)); j != i {
				name = c.mention(r, j)
			}
		default:
			name = generic(r, min(max(p.rank+r.IntN(3)-1, 0), len(roleNouns)-1), p.d)
		}
		if k := strings.ToLower(name); name != "" && !seen[k] {
			seen[k] = true
			out = append(out, name)
		}
	}
	return out
}

// pick returns k distinct entries of list in list order.
func pick(r *rand.Rand, list []string, k int) []string {
	idx := r.Perm(len(list))[:min(k, len(list))]
	out := make([]string, 0, len(idx))
	for i := range list {
		for _, j := range idx {
			if i == j {
				out = append(out, list[i])
			}
		}
	}
	return out
}

func reading(r *rand.Rand) string {
	n := 8 + r.IntN(11)
	b := make([]rune, n)
	for i := range b {
		b[i] = kana[r.IntN(len(kana))]
	}
	return string(b)
}

// AppendDocument appends the text of document i to dst and returns the
// extended slice. About a third of the documents use the spaced layout,
// the rest the compact one.
func (c *Corpus) AppendDocument(dst []byte, i int) []byte {
	r := rand.New(rand.NewPCG(c.seed, uint64(i)+1))
	p := &c.docs[i]
	d := domains[p.d]
	noun := roleNouns[p.rank][p.noun]
	sector := "various employers"
	if p.s >= 0 {
		sector = strings.ToLower(sectors[p.s])
	}
	w := writer{buf: dst, spaced: r.IntN(3) == 0}

	w.line(p.title)
	w.line(reading(r))
	w.heading("Industry & Occupation")
	if w.spaced {
		w.line(industries[p.d%len(industries)])
		w.heading("Classification")
	} else {
		w.heading("Classification")
		minor := d.name + " Workers"
		if p.rank >= 4 {
			minor = d.name + " Managers"
		}
		w.line("- Major : " + d.major)
		w.line("- Middle : " + d.middle)
		w.line("- Minor : " + minor)
	}

	t := pick(r, tasks, 5)
	w.heading("Summary")
	w.line(fmt.Sprintf("%s position in %s at %s, responsible for %s, %s and %s.",
		rankWords[p.rank], strings.ToLower(d.name), sector, t[0], t[1], t[2]))

	w.heading("Description")
	target := 1100 + r.IntN(800)
	var desc strings.Builder
	for desc.Len() < target {
		s := pick(r, stakeholders, 2)
		if desc.Len() > 0 {
			desc.WriteByte(' ')
		}
		k := r.IntN(5)
		fmt.Fprintf(&desc, sentences[r.IntN(len(sentences))],
			noun, strings.ToLower(d.name), t[k], t[(k+1)%5], s[0], s[1], tasks[r.IntN(len(tasks))], sector)
	}
	w.line(desc.String())

	w.heading("Future Outlook")
	o := pick(r, outlooks, 2)
	w.line(fmt.Sprintf(o[0], strings.ToLower(d.name)) + " " + fmt.Sprintf(o[1], strings.ToLower(d.name)))
	w.heading("Personality Traits")
	w.inline(pick(r, traits, 4+r.IntN(3)))
	w.heading("Work Style")
	w.inline(pick(r, workStyles, 3+r.IntN(3)))

	w.heading("Career Path")
	dot := " · "
	if r.IntN(10) == 0 {
		dot = "・"
	}
	var path strings.Builder
	for k, rung := range c.careerPath(r, i) {
		if k > 0 {
			path.WriteString(" → ")
		}
		path.WriteString(strings.Join(rung, dot))
	}
	w.line(path.String())

	sk := pick(r, skills, 10)
	w.heading("Required Skills")
	w.inline(sk[:4+r.IntN(3)])
	w.heading("Recommended Skills")
	w.inline(sk[7:])

	w.heading("Aptitudes (Strengths Preferred)")
	w.table(r, pick(r, aptitudes, 4+r.IntN(5)), strings.ToLower(d.name))
	w.heading("Aptitudes (Weaknesses Acceptable)")
	w.table(r, pick(r, weaknesses, 1+r.IntN(2)), strings.ToLower(d.name))
	if q := r.IntN(4); q > 0 {
		w.heading("Related Qualifications")
		w.list(pick(r, qualifications, q))
	}
	if len(p.aliases) > 0 {
		w.heading("Aliases")
		w.list(p.aliases)
	}
	w.heading("Related Jobs")
	w.list(c.related(r, i))
	if w.spaced {
		w.heading("Tags")
		if r.IntN(2) == 0 {
			w.inline(pick(r, tags, 2))
		}
		w.heading("Keywords")
	}
	return w.buf
}

// writer writes sections in one of the two layouts.
type writer struct {
	buf    []byte
	spaced bool
}

func (w *writer) line(s string) {
	if w.spaced && len(w.buf) > 0 {
		w.buf = append(w.buf, '\n')
	}
	w.buf = append(w.buf, s...)
	w.buf = append(w.buf, '\n')
}

func (w *writer) heading(s string) { w.line(s) }

// inline writes a list on one line, split by " / ".
func (w *writer) inline(items []string) { w.line(strings.Join(items, " / ")) }

// list writes one item per bullet line.
func (w *writer) list(items []string) {
	if w.spaced {
		w.buf = append(w.buf, '\n')
	}
	for _, it := range items {
		if w.spaced {
			w.buf = append(w.buf, "  • "...)
		} else {
			w.buf = append(w.buf, "- "...)
		}
		w.buf = append(w.buf, it...)
		w.buf = append(w.buf, '\n')
	}
}

// table writes aptitude rows: delimited in the compact layout, "Item
// Reason" without a delimiter in the spaced one.
func (w *writer) table(r *rand.Rand, items []string, topic string) {
	if w.spaced {
		w.buf = append(w.buf, "\nItem Description\n"...)
	} else {
		w.buf = append(w.buf, "| Item | Description |\n|---|---|\n"...)
	}
	for _, it := range items {
		reason := fmt.Sprintf(reasons[r.IntN(len(reasons))], topic)
		if w.spaced {
			w.buf = append(w.buf, it+" "+reason+"\n"...)
		} else {
			w.buf = append(w.buf, "| "+it+" | "+reason+" |\n"...)
		}
	}
}

// Write writes every document of c below dir, in subfolders of a thousand
// files, on all cores. It returns the first error met.
func (c *Corpus) Write(dir string) error {
	for sub := 0; sub*1000 < len(c.docs); sub++ {
		if err := os.MkdirAll(filepath.Join(dir, fmt.Sprintf("%03d", sub)), 0o755); err != nil {
			return err
		}
	}
	var next atomic.Int64
	var mu sync.Mutex
	var first error
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf []byte
			for {
				i := int(next.Add(1)) - 1
				if i >= len(c.docs) {
					return
				}
				buf = c.AppendDocument(buf[:0], i)
				if err := os.WriteFile(filepath.Join(dir, c.Name(i)), buf, 0o644); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
					return
				}
			}
		})
	}
	wg.Wait()
	return first
}

// Write plans a corpus of n documents for seed and writes it below dir.
func Write(dir string, n int, seed uint64) error { return New(n, seed).Write(dir) }
