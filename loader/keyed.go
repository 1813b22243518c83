package loader

import (
	"careergraph/graph"
	"careergraph/internal/parallel"
	"careergraph/loader/source"
)

// keyedDoc is a document with the normal forms (graph.NormalName) of the
// names it writes. Normalising is most of the work of resolving names, and
// unlike resolving it needs nothing but the document, so keyDocuments does
// it for every document on all cores first.
type keyedDoc struct {
	docCore
	// doc is the whole document: while it is packed, and for good when
	// the documents are kept; nil once a load that keeps none has packed
	// it (docCore is all the build reads).
	doc *Document

	title    string // the normal form of Title
	short    string // shortTitle(Title), as written
	shortKey string // its normal form
	// The normal forms of the items of the document's lists, by index.
	aliases, related                      []string
	required, recommended, qualifications []string
	rungs                                 [][][]string // by career path, rung and alternative
	// What lookupAll found for the names of rungs, then of related.
	found []found
	// packed is the document's sections as the role's profile keeps
	// them (graph.PackDocProfile), packed while the document is whole;
	// packOwner is what its memory belongs to (see spill.go).
	packed    string
	packOwner any
	// imported is the role a source other than a document describes,
	// when the document stands for one (see importedDocs).
	imported *source.Role
}

// keyDocuments returns docs with the normal forms of their names, worked
// out on all cores.
func keyDocuments(docs []*Document) []keyedDoc {
	out := make([]keyedDoc, len(docs))
	parallel.Chunks(len(docs), func(lo, hi int) {
		var scratch keyScratch
		for i := lo; i < hi; i++ {
			out[i] = keyedDoc{doc: docs[i], docCore: coreOf(docs[i])}
			out[i].pack(&scratch)
			out[i].normalise(&scratch)
		}
	})
	return out
}

// docCore is what the build reads of a document: its names, lists and
// summary, but neither the prose and lists only the profile shows nor
// the parser's working state. A load that keeps no documents keeps
// these fields alone (see compactCore): a Document is twice the size.
type docCore struct {
	File              string
	Title             string
	TitleLine         int
	Reading           string
	Classification    Classification
	Summary           string
	Career            []CareerPath
	RequiredSkills    []Item
	RecommendedSkills []Item
	Qualifications    []Item
	Aliases           []Item
	Related           []Item
}

// coreOf returns the fields of d that the build reads, sharing d's
// memory.
func coreOf(d *Document) docCore {
	return docCore{
		File: d.File, Title: d.Title, TitleLine: d.TitleLine, Reading: d.Reading,
		Classification: d.Classification, Summary: d.Summary, Career: d.Career,
		RequiredSkills: d.RequiredSkills, RecommendedSkills: d.RecommendedSkills,
		Qualifications: d.Qualifications, Aliases: d.Aliases, Related: d.Related,
	}
}

// keyScratch is the working space of keyedDoc.normalise, reused from one
// document to the next.
type keyScratch struct {
	names []string  // written names to normalise
	at    []int     // where each one's normal form goes among the keys
	ends  []int     // where each name's normal form ends in buf
	pool  *namePool // when set, where the names of lists, paths and classification come from
	buf   []byte
	pack  []byte // for keyedDoc.pack
	prof  profileScratch
}

// pack packs the document's sections into d.packed: on all cores, like
// the normal forms, and before the document is compacted, which drops
// what only the profile keeps.
func (d *keyedDoc) pack(s *keyScratch) {
	d.packed = string(d.packBytes(s))
}

// packBytes returns the document's sections packed, in s's memory.
func (d *keyedDoc) packBytes(s *keyScratch) []byte {
	s.pack = graph.AppendDocProfile(s.pack[:0], s.prof.profile(d.doc))
	return s.pack
}

// normalise fills in the normal forms of d's names. They share one string:
// one allocation per document rather than one per name. With a name
// pool (keyScratch.pool), the names of d's lists, career paths and
// classification become the pool's copies, and their normal forms the
// pool's: only the title's are d's own.
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
	// The names normalised here, and where each one's key goes.
	s.names, s.at = append(s.names[:0], d.Title, d.short), append(s.at[:0], 0, 1)
	next := 2
	take := func(items []Item) []string {
		from := next
		for i := range items {
			if s.pool != nil {
				items[i].Text, keys[next] = s.pool.intern(items[i].Text)
			} else {
				s.names, s.at = append(s.names, items[i].Text), append(s.at, next)
			}
			next++
		}
		return keys[from:next:next]
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
	if s.pool != nil {
		c := &d.Classification
		for _, p := range []*string{&c.Major, &c.Middle, &c.Minor, &c.Industry} {
			if *p != "" {
				*p, _ = s.pool.intern(*p)
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
		keys[s.at[i]] = all[from:end]
		from = end
	}
	d.title, d.shortKey = keys[0], keys[1]
}
