package loader

import (
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"careergraph/graph"
)

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
	return b.resolveFound(it, k, file, found{later: true})
}

// resolveFound is resolveKey for a name lookupAll looked up into f.
func (b *builder) resolveFound(it Item, k, file string, f found) int {
	src := graph.Source{File: file, Line: it.Line}
	h, rule, ok := b.lookupAt(k, f)
	if !ok {
		if a := b.ambiguous[k]; a != nil {
			a.Uses = append(a.Uses, src)
			// A table names a role on many rows: one warning per file.
			if b.warned != nil {
				if b.warned[[2]string{file, k}] {
					return b.mention(k, it.Text, true)
				}
				b.warned[[2]string{file, k}] = true
			}
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

// resolvePath resolves every role of one career path of d, by rules 1, 2
// and 6 first, then rule 3 (the rung that is d's own occupation) and rule
// 4 (a rung that is one of d's related jobs). It returns role handles by
// rung.
//
// path is the path's names by rung and alternative; founds are its names
// as lookupAll looked them up, in order.
func (b *builder) resolvePath(o *occupation, d *keyedDoc, path [][]nameRef, founds []found) [][]int {
	type pending struct{ rung, alt int }
	n := 0
	// One allocation for the path's handles, a rung's a part of it.
	out, handles := make([][]int, len(path)), make([]int, len(founds))
	var open []pending
	ownFound := false
	for i, rung := range path {
		out[i], handles = handles[:len(rung):len(rung)], handles[len(rung):]
		for j, name := range rung {
			pn := d.pool.name(name.id)
			k := pn.key
			f := founds[n]
			n++
			if h, rule, ok := b.lookupAt(k, f); ok {
				b.joined(pn.text, k, h, rule, graph.Source{File: d.File, Line: int(name.line)}) // as resolveKey would
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
			if l := trailingMatch(d.key(path[p.rung][p.alt]), own); l > bestLen {
				best, bestLen, tie = n, l, false
			} else if l > 0 && l == bestLen {
				tie = true
			}
		}
		if best >= 0 && !tie {
			p := open[best]
			name := path[p.rung][p.alt]
			b.joined(d.text(name), d.key(name), o.handle, RuleOwnRung, graph.Source{File: d.File, Line: int(name.line)})
			out[p.rung][p.alt] = o.handle
			open = slices.Delete(open, best, best+1)
		}
	}
	for _, p := range open {
		name := path[p.rung][p.alt]
		it, k := d.item(name), d.key(name)
		match, count := "", 0
		for _, r := range d.related {
			if rk := d.key(r); trailingWords(k, rk) > 0 {
				match = rk
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
		for _, a := range d.aliases {
			out = append(out, d.key(a))
		}
	}
	return out
}

// trailingMatch returns the number of words of k when its words are a
// proper trailing part of one of names ("secretary general" of "labor
// union secretary general"), else 0.
func trailingMatch(k string, names []string) int {
	for _, n := range names {
		if w := trailingWords(k, n); w > 0 {
			return w
		}
	}
	return 0
}

// trailingWords is trailingMatch for one name.
func trailingWords(k, name string) int {
	if k != "" && len(name) > len(k) && strings.HasSuffix(name, k) && name[len(name)-len(k)-1] == ' ' {
		return strings.Count(k, " ") + 1
	}
	return 0
}

// quoteOr quotes names and joins them with "or": "a" or "b".
func quoteOr(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, " or ")
}

// found is what lookup gave for one name of a document, worked out
// ahead of the serial pass: see lookupAll.
type found struct {
	h    int32
	rule uint8 // a Rule
	ok   bool
	// later: the name is in the user's alias file, whose look-up may make
	// a role, so it is looked up in the serial pass, in order.
	later bool
}

// lookupAll looks up, on goroutines of its own (one fewer than the
// cores, one at least), every name of the career paths and related jobs
// of docs by rules 1, 2 and 6 (lookup), into each document's found: the
// rungs' names path by path, rung by rung, then the related jobs'. The
// goroutines take blocks of docs in order (each may finish before the
// block before it), and lookupAll returns a function that waits until
// docs[k]'s are looked up: the serial pass reads them in that order
// while the documents after are looked up. Nothing the
// look-ups read changes once the occupations are collected (the serial
// pass adds roles only mentioned, which lookup does not read), so the
// answers are the serial pass's own; that pass still makes every role
// and records every merge, in order, so the result does not depend on
// the order the cores finish in.
func (b *builder) lookupAll(docs []*keyedDoc) (ready func(k int)) {
	off := make([]int, len(docs)+1)
	for i, d := range docs {
		n := len(d.related)
		for _, cp := range d.rungs {
			for _, rung := range cp {
				n += len(rung)
			}
		}
		off[i+1] = off[i] + n
	}
	all := make([]found, off[len(docs)])
	// Blocks of documents, each closing its channel once looked up.
	const block = 256
	done := make([]chan struct{}, (len(docs)+block-1)/block)
	for c := range done {
		done[c] = make(chan struct{})
	}
	var next atomic.Int64
	for range max(1, runtime.GOMAXPROCS(0)-1) {
		go func() {
			for {
				c := int(next.Add(1)) - 1
				if c >= len(done) {
					return
				}
				for i := c * block; i < min(len(docs), (c+1)*block); i++ {
					d := docs[i]
					out := all[off[i]:off[i+1]:off[i+1]]
					d.found = out
					j := 0
					for _, cp := range d.rungs {
						for _, rung := range cp {
							for _, name := range rung {
								out[j] = b.lookupFound(d.key(name))
								j++
							}
						}
					}
					for _, name := range d.related {
						out[j] = b.lookupFound(d.key(name))
						j++
					}
				}
				close(done[c])
			}
		}()
	}
	upTo := 0 // docs[:upTo] are looked up
	return func(k int) {
		for k >= upTo {
			<-done[upTo/block]
			upTo = min(len(docs), upTo+block)
		}
	}
}

// lookupFound is lookup for lookupAll: names of the user's alias file
// are left for later.
func (b *builder) lookupFound(k string) found {
	if _, ok := b.user[k]; ok {
		return found{later: true}
	}
	h, rule, ok := b.lookup(k)
	return found{h: int32(h), rule: uint8(rule), ok: ok}
}

// lookupAt is lookup(k) for a name lookupAll looked up into f.
func (b *builder) lookupAt(k string, f found) (h int, rule Rule, ok bool) {
	if f.later {
		return b.lookup(k)
	}
	return int(f.h), Rule(f.rule), f.ok
}
