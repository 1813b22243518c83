package loader

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// The errors a *ParseError wraps when a file cannot be read as a document
// at all. Test for them with errors.Is.
var (
	ErrEmpty   = errors.New("empty document")
	ErrNotText = errors.New("not UTF-8 text")
	ErrNoTitle = errors.New("no title: the first line must be the occupation's title")
	// ErrNotDocument is a file none of whose lines is a known heading.
	ErrNotDocument = errors.New("not an occupation document: no line is a known heading")
)

// markdownError is a Markdown file whose headings are mostly not sections
// of a document, such as a README that mentions one: it is ErrNotDocument.
type markdownError struct{ headings, known int }

func (e *markdownError) Error() string {
	return fmt.Sprintf("not an occupation document: only %d of its %d Markdown headings are sections careergraph knows", e.known, e.headings)
}

// Is makes a markdownError match ErrNotDocument.
func (e *markdownError) Is(target error) bool { return target == ErrNotDocument }

// Parser reads occupation documents. Like encoding/csv's Reader it
// carries its settings: set them before the first call to Parse. Its zero
// value is ready to use. A Parser keeps working space from one document to
// the next, so it is not safe for concurrent use: give each goroutine its
// own.
type Parser struct {
	// AptitudeItems are item names, in addition to a built-in list and to
	// the items of the document's own delimited rows, by which an aptitude
	// row without a delimiter ("Communication Skills Because …") is split
	// into item and reason. A corpus loader passes the names AptitudeItems
	// collected from every document. The Parser reads them once, on its
	// first Parse: later changes are not seen.
	AptitudeItems []string

	items   *nameMatcher // the built-in names and AptitudeItems
	scratch parseScratch
}

// Parse reads r to its end and parses the document it holds. name is used
// in messages. It returns the document and its warnings, or a *ParseError
// when the input cannot be read as a document at all (a read error, empty,
// not UTF-8 text, no title).
//
// Both layouts of the format are read: compact ("- " bullets, "| a | b |"
// tables) and spaced (blank lines, "  • " bullets, tables without
// delimiters). Warnings are sorted by line; nothing is dropped without one.
// The document's strings point into one copy of the input. Cost: linear in
// the size of the input, with Unicode normalisation only on short lines
// that might be headings.
func (p *Parser) Parse(r io.Reader, name string) (*Document, []Problem, error) {
	var buf []byte
	if l, ok := r.(interface{ Len() int }); ok { // bytes.Reader, strings.Reader
		buf = make([]byte, 0, l.Len()+1)
	}
	data, err := readAll(r, buf)
	if err != nil {
		return nil, nil, &ParseError{File: name, Err: err}
	}
	res, err := p.parseOwned(data, name) // data is ours alone
	return res.doc, res.problems, err
}

// parsed is what parsing one document gave.
type parsed struct {
	doc      *Document
	problems []Problem
	// unsplit is set when an aptitude row matched no known item name and
	// was kept whole: parsing again with more names may split it.
	unsplit bool
}

// parseOwned parses a buffer that nothing writes to again, such as a
// file's contents just read and handed over: the document's strings point
// into data itself, sparing a copy of every file. The caller must not
// modify data afterwards.
func (p *Parser) parseOwned(data []byte, name string) (parsed, error) {
	return p.parseText(unsafe.String(unsafe.SliceData(data), len(data)), name)
}

// parseText parses text the document may point into.
func (p *Parser) parseText(text, name string) (parsed, error) {
	text = strings.TrimPrefix(text, utf8BOM)
	if err := checkText(text, name); err != nil {
		return parsed{}, err
	}
	if p.items == nil {
		p.items = builtinMatcher
		if len(p.AptitudeItems) > 0 {
			p.items = newNameMatcher(builtinAptitudes, p.AptitudeItems)
		}
	}
	sc := &p.scratch
	defer sc.release()
	dp := docParser{items: p.items, scratch: sc, lines: splitLines(sc.lines, text), docItems: sc.items[:0]}
	for k := range dp.paras {
		dp.paras[k] = sc.paras[k][:0]
	}
	dp.doc = &Document{File: name}
	sc.spare.lend(dp.doc)
	err := dp.parse()
	sc.spare.settle(dp.doc)
	sc.lines, sc.items, sc.paras = dp.lines, dp.docItems, dp.paras
	if err != nil {
		return parsed{}, err
	}
	slices.SortStableFunc(dp.problems, func(a, b Problem) int { return cmp.Compare(a.Line, b.Line) })
	return parsed{doc: dp.doc, problems: dp.problems, unsplit: dp.unsplit}, nil
}

// parseScratch is the working space of a Parser, kept for the next
// document: nothing in it ends up in the Document (but the spare slices,
// lent to it only once a document is recycled), and reusing it spares
// most of the allocations a document costs beyond its own content.
type parseScratch struct {
	lines  []srcLine
	blocks []secBlock
	cells  []string
	items  []string              // docParser.docItems
	paras  [numKinds][][]srcLine // docParser.paras
	rest   []string              // an aptitude row's cells after the first
	spare  spareSlices           // see Parser.recycle
}

// recycle tells p that nothing refers any more to the slices of d that
// the build does not read (its section order, aptitude rows and the
// lists only the profile shows; see compactCore), once d is packed: the
// next documents may reuse their memory.
// The documents of a large load are packed and compacted one after
// another, and most of what each one allocated was these slices.
func (p *Parser) recycle(d *Document) { p.scratch.spare.take(d) }

// spareSlices are slices a document no longer needs (see Parser.recycle),
// each lent, empty, to the next document parsed.
type spareSlices struct {
	order                             []SectionMark
	strengths, weaknesses             []Aptitude
	traits, workStyle, tags, keywords []string
}

// lend gives d the spare slices, emptied, and keeps none of them.
func (s *spareSlices) lend(d *Document) {
	d.Order, d.Strengths, d.Weaknesses = s.order[:0], s.strengths[:0], s.weaknesses[:0]
	d.Traits, d.WorkStyle, d.Tags, d.Keywords = s.traits[:0], s.workStyle[:0], s.tags[:0], s.keywords[:0]
	*s = spareSlices{}
}

// settle takes back, after a parse, the slices lent to d that it left
// empty: they are nil in d, as they would be had none been lent.
func (s *spareSlices) settle(d *Document) {
	d.Order, s.order = splitEmpty(d.Order)
	d.Strengths, s.strengths = splitEmpty(d.Strengths)
	d.Weaknesses, s.weaknesses = splitEmpty(d.Weaknesses)
	d.Traits, s.traits = splitEmpty(d.Traits)
	d.WorkStyle, s.workStyle = splitEmpty(d.WorkStyle)
	d.Tags, s.tags = splitEmpty(d.Tags)
	d.Keywords, s.keywords = splitEmpty(d.Keywords)
}

// splitEmpty returns x as the slice to keep, and nil as the spare, when
// x holds something; else nil to keep and x as the spare.
func splitEmpty[S ~[]E, E any](x S) (keep, spare S) {
	if len(x) == 0 {
		return nil, x
	}
	return x, nil
}

// take keeps d's slices for the next document, where they are larger
// than the spares settle kept.
func (s *spareSlices) take(d *Document) {
	s.order = roomier(s.order, d.Order)
	s.strengths, s.weaknesses = roomier(s.strengths, d.Strengths), roomier(s.weaknesses, d.Weaknesses)
	s.traits, s.workStyle = roomier(s.traits, d.Traits), roomier(s.workStyle, d.WorkStyle)
	s.tags, s.keywords = roomier(s.tags, d.Tags), roomier(s.keywords, d.Keywords)
}

// roomier returns whichever of spare and used has the more room, used
// cleared up to its capacity so that it keeps no strings alive.
func roomier[S ~[]E, E any](spare, used S) S {
	if cap(used) <= cap(spare) {
		return spare
	}
	clear(used[:cap(used)])
	return used
}

// release empties sc so that it does not keep the document's text alive.
func (sc *parseScratch) release() {
	clear(sc.lines)
	clear(sc.cells[:cap(sc.cells)])
	clear(sc.items[:cap(sc.items)])
	for k := range sc.paras {
		clear(sc.paras[k][:cap(sc.paras[k])])
	}
}

// AptitudeItems returns the item names of doc's aptitude rows that came
// with a reason, sorted and without duplicates: the names a corpus loader
// gathers to pass as Parser.AptitudeItems. A row that matched no
// known name is kept whole as an item with an empty reason, so it is left
// out; re-parse such a document with the corpus's names.
func AptitudeItems(doc *Document) []string {
	var out []string
	if n := len(doc.Strengths) + len(doc.Weaknesses); n > 0 {
		out = make([]string, 0, n)
	}
	for _, rows := range [][]Aptitude{doc.Strengths, doc.Weaknesses} {
		for _, a := range rows {
			if a.Item != "" && a.Reason != "" {
				out = append(out, a.Item)
			}
		}
	}
	if len(out) == 0 {
		return nil // as when nothing was allocated
	}
	slices.Sort(out)
	return slices.Compact(out)
}

const utf8BOM = "\uFEFF"

// checkText returns a *ParseError when data holds a NUL byte or is not
// valid UTF-8, positioned at the line of the first bad byte.
func checkText(data, name string) error {
	if utf8.ValidString(data) && strings.IndexByte(data, 0) < 0 {
		return nil
	}
	off, detail := 0, ""
	for off < len(data) {
		c := data[off]
		if c == 0 {
			detail = "NUL byte"
			break
		}
		if c < utf8.RuneSelf {
			off++
			continue
		}
		r, size := utf8.DecodeRuneInString(data[off:])
		if r == utf8.RuneError && size == 1 {
			detail = fmt.Sprintf("byte 0x%02X", c)
			if off == 0 && len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) {
				detail = "UTF-16 byte-order mark"
			}
			break
		}
		off += size
	}
	return &ParseError{File: name, Line: lineAt(data, off),
		Err: fmt.Errorf("%w (%s; convert the file to UTF-8)", ErrNotText, detail)}
}

// lineAt returns the 1-based line of byte offset off, counting line ends
// as splitLines does.
func lineAt(data string, off int) int {
	n := 1
	for i := 0; i < off && i < len(data); i++ {
		switch data[i] {
		case '\n':
			n++
		case '\r':
			if i+1 >= len(data) || data[i+1] != '\n' {
				n++
			}
		}
	}
	return n
}
