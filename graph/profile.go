package graph

import (
	"io"
	"runtime"
	"slices"
	"strings"
)

// Profile is what the documents of an occupation say about it. The lists
// are merged over its documents (each item once, by normal form, in file
// order); Docs returns each document's own sections, in the order
// written, for a reader who wants them as the documents put them. They
// are kept packed (see PackDocProfile): set them with SetDocs or
// SetPacked.
type Profile struct {
	Summary           string
	RequiredSkills    []string
	RecommendedSkills []string
	Qualifications    []string
	packed            string // the documents' sections, one per document, sorted by file
	owner             any    // what packed's memory belongs to, kept while p is
}

// Docs returns the sections of each of p's documents, unpacked anew on
// each call: the caller may keep or change them. Sections that were
// damaged in a cache give the documents before the damage and
// ErrDamagedProfile. Nil p has none.
func (p *Profile) Docs() ([]DocProfile, error) {
	if p == nil {
		return nil, nil
	}
	docs, err := unpackDocProfiles(p.packed)
	runtime.KeepAlive(p) // and its owner, which may unmap what packed lies in
	return docs, err
}

// SetDocs sets the sections of p's documents, one DocProfile per
// document, sorted by file.
func (p *Profile) SetDocs(docs ...DocProfile) {
	var buf []byte
	for _, dp := range docs {
		buf = AppendDocProfile(buf, dp)
	}
	p.packed, p.owner = string(buf), nil
}

// WritePacked writes p's documents' sections, packed, to w, for a cache
// to keep them as they are. When the packed sections lie in a mapped file whose owner can copy them from the file
// (a CopyTo(io.Writer, string) error method), it does so, so that
// writing them does not read them into the program's memory.
func (p *Profile) WritePacked(w io.Writer) error {
	if c, ok := p.owner.(interface {
		CopyTo(io.Writer, string) error
	}); ok {
		return c.CopyTo(w, p.packed)
	}
	_, err := io.WriteString(w, p.packed)
	return err
}

// Packed returns p's documents' sections, packed as WritePacked writes
// them, and what their memory belongs to (see SetPacked), for a cache
// that can keep them where they lie.
func (p *Profile) Packed() (packed string, owner any) { return p.packed, p.owner }

// PackedSize is the number of bytes WritePacked writes.
func (p *Profile) PackedSize() int { return len(p.packed) }

// SetPacked sets p's documents' sections from their packed form: the
// PackDocProfile of each document, joined, or what WritePacked wrote. s
// may lie in memory that is not the Go heap, such as a mapped file:
// owner, if not nil, is what that memory belongs to, and p keeps it
// reachable (so that its cleanup, which would unmap the file, waits
// until no profile uses it). Damaged data is found when unpacked.
func (p *Profile) SetPacked(s string, owner any) { p.packed, p.owner = s, owner }

// DocProfile is one document's sections, in the order it writes them.
type DocProfile struct {
	File     string
	Line     int // the line of its title
	Sections []Section
}

// The keys of the sections a document can have; a Section's Key is one of
// them. They are the field names of the JSON answers too.
const (
	SecIndustry          = "industry"
	SecClassification    = "classification"
	SecSummary           = "summary"
	SecDescription       = "description"
	SecOutlook           = "outlook"
	SecTraits            = "traits"
	SecWorkStyle         = "work_style"
	SecCareerPath        = "career_path"
	SecRequiredSkills    = "required_skills"
	SecRecommendedSkills = "recommended_skills"
	SecStrengths         = "strengths"
	SecWeaknesses        = "weaknesses"
	SecQualifications    = "qualifications"
	SecAliases           = "aliases"
	SecRelated           = "related_jobs"
	SecTags              = "tags"
	SecKeywords          = "keywords"
	SecExtra             = "extra" // a heading careergraph does not know
)

// Section is one section of a document. Prose sections (summary,
// description, outlook, industry) have Text; aptitude tables (strengths,
// weaknesses) have Aptitudes; every other section has Items: list
// entries, career paths written as "A → B", classification levels as
// "Major: X", the lines of an extra section.
type Section struct {
	Key       string // one of the Sec constants
	Heading   string // as the document writes it
	Line      int    // of the heading
	Text      string
	Items     []string
	Aptitudes []Aptitude
}

// Aptitude is one row of an aptitude table: an item and why it matters.
type Aptitude struct {
	Item, Reason string
}

// Items returns the entries of the sections with key in every document
// of p, each once by normal form, in file and then written order; for
// aptitude sections, the aptitudes' items. Damaged sections (see Docs)
// give the items of the documents before the damage. Nil p has none.
func (p *Profile) Items(key string) []string { return p.ItemLists(key)[0] }

// ItemLists returns Items for each of keys, reading p's packed sections
// once for all of them: list i is Items(keys[i]).
func (p *Profile) ItemLists(keys ...string) [][]string {
	out := make([][]string, len(keys))
	if p == nil || len(keys) == 0 {
		return out
	}
	type kept struct {
		list int
		item string
	}
	var frame []kept // one document's items, copied
	seen := make([]map[string]bool, len(keys))
	// The items are read where the packed sections lie, with nothing
	// else of the documents unpacked: a search through every role's
	// profile reads them all. Those asked for are copied as they are
	// read, and count only once their document is read to its end, so
	// that a document whose memory (a mapped file cut short under it)
	// fails half-way gives none, as Docs would. A file changed in place
	// after its checksum was checked is not guarded against: a snapshot
	// is replaced, never written over.
	eachFrame(p.packed, false, func(body string) bool { // what is not damaged
		frame = frame[:0]
		ok := eachItem(body, func(key, item string) {
			for i, k := range keys {
				if key == k {
					frame = append(frame, kept{i, strings.Clone(item)})
				}
			}
		})
		if !ok {
			return false
		}
		for _, f := range frame {
			n := NormalName(f.item)
			if n == "" || seen[f.list][n] {
				continue
			}
			if seen[f.list] == nil {
				seen[f.list] = map[string]bool{}
			}
			seen[f.list][n] = true
			out[f.list] = append(out[f.list], f.item)
		}
		return true
	})
	runtime.KeepAlive(p) // and its owner, which may unmap what packed lies in
	return out
}

// Text returns the prose of the sections with key in every document of p,
// each text once, joined by a blank line. Damaged sections (see Docs)
// give the texts of the documents before the damage.
func (p *Profile) Text(key string) string {
	if p == nil {
		return ""
	}
	var parts, frame []string
	// Read where the packed sections lie, as ItemLists reads items: a
	// text search reads every role's.
	eachFrame(p.packed, false, func(body string) bool { // what is not damaged
		frame = frame[:0]
		ok := eachSection(body, func(k, text string) {
			if k == key && text != "" {
				frame = append(frame, strings.Clone(text))
			}
		}, nil)
		if !ok {
			return false
		}
		for _, t := range frame {
			if !slices.Contains(parts, t) {
				parts = append(parts, t)
			}
		}
		return true
	})
	runtime.KeepAlive(p) // and its owner, which may unmap what packed lies in
	return strings.Join(parts, "\n\n")
}

// Skills returns the required and then recommended skills of p, each once
// by normal form.
func (p *Profile) Skills() []string {
	if p == nil {
		return nil
	}
	out := slices.Clip(slices.Clone(p.RequiredSkills))
	for _, s := range p.RecommendedSkills {
		if !slices.ContainsFunc(out, func(t string) bool { return NormalName(t) == NormalName(s) }) {
			out = append(out, s)
		}
	}
	return out
}
