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
	// The names of the document's lists and career paths, each as its
	// entry in pool (which holds its text and normal form) and its line:
	// eight bytes a name, where an Item and its normal form took forty.
	pool                                  *namePool
	aliases, related                      []nameRef
	required, recommended, qualifications []nameRef
	rungs                                 [][][]nameRef // by career path, rung and alternative
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

// nameRef is a name a document writes in a list or a career path: its id
// in the document's name pool, and its line.
type nameRef struct {
	id   uint32
	line int32
}

// text returns the name n as written.
func (d *keyedDoc) text(n nameRef) string { return d.pool.name(n.id).text }

// key returns the normal form of name n.
func (d *keyedDoc) key(n nameRef) string { return d.pool.name(n.id).key }

// item returns name n as an Item.
func (d *keyedDoc) item(n nameRef) Item { return Item{Text: d.text(n), Line: int(n.line)} }

// keyDocuments returns docs with the normal forms of their names, worked
// out on all cores.
func keyDocuments(docs []*Document) []keyedDoc {
	out := make([]keyedDoc, len(docs))
	parallel.Chunks(len(docs), func(lo, hi int) {
		var scratch keyScratch
		for i := lo; i < hi; i++ {
			out[i] = keyedDoc{doc: docs[i], docCore: coreOf(docs[i])}
			out[i].pack(&scratch)
			out[i].normalise(&scratch, docs[i])
		}
	})
	return out
}

// docCore is what the build reads of a document but for the names of
// its lists and career paths (which keyedDoc keeps as nameRefs): its
// title, reading, classification and summary. A load that keeps no
// documents keeps these fields alone (see compactCore): a Document is
// four times the size.
type docCore struct {
	File           string
	Title          string
	TitleLine      int
	Reading        string
	Classification Classification
	Summary        string
}

// coreOf returns the fields of d that the build reads, sharing d's
// memory.
func coreOf(d *Document) docCore {
	return docCore{
		File: d.File, Title: d.Title, TitleLine: d.TitleLine, Reading: d.Reading,
		Classification: d.Classification, Summary: d.Summary,
	}
}

// keyScratch is the working space of keyedDoc.normalise, reused from one
// document to the next.
type keyScratch struct {
	pool *namePool // where the names of lists, paths, classification and aptitude rows go
	buf  []byte
	pack []byte // for keyedDoc.pack
	prof profileScratch
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

// normalise fills in the normal forms of d's names, taking those of the
// lists and career paths from doc, d's document: they go into the
// scratch's name pool (one is made if need be), and so does the
// classification, and d refers to them there; the title's normal forms
// are d's own, in one string.
func (d *keyedDoc) normalise(s *keyScratch, doc *Document) {
	if s.pool == nil {
		s.pool = newNamePool(1)
	}
	p := s.pool
	d.pool = p
	d.short = shortTitle(d.Title)
	n := 0
	for _, list := range [][]Item{doc.Aliases, doc.Related, doc.RequiredSkills, doc.RecommendedSkills, doc.Qualifications} {
		n += len(list)
	}
	rungs := 0
	for _, cp := range doc.Career {
		rungs += len(cp.Rungs)
		for _, r := range cp.Rungs {
			n += len(r)
		}
	}
	refs := make([]nameRef, n)
	take := func(items []Item) []nameRef {
		out := refs[:len(items):len(items)]
		refs = refs[len(items):]
		for i, it := range items {
			out[i] = nameRef{id: p.add(it.Text), line: int32(it.Line)}
		}
		return out
	}
	d.aliases = take(doc.Aliases)
	d.related = take(doc.Related)
	d.required = take(doc.RequiredSkills)
	d.recommended = take(doc.RecommendedSkills)
	d.qualifications = take(doc.Qualifications)
	if len(doc.Career) > 0 {
		all := make([][]nameRef, rungs)
		d.rungs = make([][][]nameRef, len(doc.Career))
		for i, cp := range doc.Career {
			d.rungs[i], all = all[:len(cp.Rungs):len(cp.Rungs)], all[len(cp.Rungs):]
			for j, r := range cp.Rungs {
				d.rungs[i][j] = take(r)
			}
		}
	}
	c := &d.Classification
	for _, f := range []*string{&c.Major, &c.Middle, &c.Minor, &c.Industry} {
		if *f != "" {
			*f, _ = p.intern(*f)
		}
	}
	s.buf = graph.AppendNormalName(s.buf[:0], d.Title)
	mid := len(s.buf)
	s.buf = graph.AppendNormalName(s.buf, d.short)
	keys := string(s.buf)
	d.title, d.shortKey = keys[:mid], keys[mid:]
}
