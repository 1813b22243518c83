package loader

import (
	"hash/maphash"
	"runtime"
	"slices"
	"sync"
)

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
// their forms role by role, each role's in the order they were logged, so
// the counts, and the order forms were first seen in, are those of
// counting one by one. Role by role, a role's forms are compared with
// while in the cache: taken in the order logged, each comparison was a
// cache miss, most of the time counting took.
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
			// A role's handle, then where it was logged: unique keys, so
			// the order is fixed.
			keys := make([]uint64, 0, len(b.formLog)/workers+1)
			for i, a := range b.formLog {
				if int(a.h>>blockShift)%workers == w {
					keys = append(keys, uint64(a.h)<<32|uint64(i))
				}
			}
			slices.Sort(keys)
			for _, k := range keys {
				a := &b.formLog[uint32(k)]
				b.forms[a.h].add(a.s, a.own)
			}
		})
	}
	wg.Wait()
	clear(b.formLog) // let go of the strings
	b.formLog = b.formLog[:0]
}
