package loader

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// The errors a *ParseError wraps when a file cannot be read as a document
// at all. Test for them with errors.Is.
var (
	ErrEmpty   = errors.New("empty document")
	ErrNotText = errors.New("not UTF-8 text")
	ErrNoTitle = errors.New("no title: the first line must be the occupation's title")
)

// ParseOptions tunes ParseBytesOptions.
type ParseOptions struct {
	// AptitudeItems are item names, in addition to a built-in list and to
	// the items of the document's own delimited rows, by which an aptitude
	// row without a delimiter ("Communication Skills Because …") is split
	// into item and reason. A corpus loader passes the names AptitudeItems
	// collected from every document. Pass the same slice, unmodified, to
	// every call: its sorted form is cached between calls.
	AptitudeItems []string
}

// Parse reads r fully and calls ParseBytes. A read error is returned as a
// *ParseError that wraps it.
func Parse(r io.Reader, name string) (*Document, []Problem, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, &ParseError{File: name, Err: err}
	}
	return parseOwned(data, name) // data is ours alone
}

// ParseBytes parses one document. name is used in messages. It returns the
// document and its warnings, or a *ParseError when the file cannot be read
// as a document at all (empty, not UTF-8 text, no title).
//
// Both layouts of the format are read: compact ("- " bullets, "| a | b |"
// tables) and spaced (blank lines, "  • " bullets, tables without
// delimiters). Warnings are sorted by line; nothing is dropped without one.
// The document's strings point into one copy of data, so the caller may
// reuse data. Cost: linear in the size of data, with Unicode normalisation
// only on short lines that might be headings.
func ParseBytes(data []byte, name string) (*Document, []Problem, error) {
	return ParseBytesOptions(data, name, ParseOptions{})
}

// ParseBytesOptions is ParseBytes with options; see ParseOptions.
func ParseBytesOptions(data []byte, name string, opt ParseOptions) (*Document, []Problem, error) {
	return parseText(string(data), name, opt)
}

// parseOwned is ParseBytes for a buffer that nothing writes to again, such
// as a file's contents just read and handed over: the document's strings
// point into data itself, sparing a copy of every file. The caller must
// not modify data afterwards.
func parseOwned(data []byte, name string) (*Document, []Problem, error) {
	return parseText(unsafe.String(unsafe.SliceData(data), len(data)), name, ParseOptions{})
}

// parseText is ParseBytesOptions over text the document may point into.
func parseText(text, name string, opt ParseOptions) (*Document, []Problem, error) {
	text = strings.TrimPrefix(text, utf8BOM)
	if err := checkText(text, name); err != nil {
		return nil, nil, err
	}
	sc := scratchPool.Get().(*parseScratch)
	defer sc.release()
	p := parser{opt: opt, scratch: sc, lines: splitLines(sc.lines, text), docItems: sc.items[:0]}
	p.doc = &Document{File: name}
	err := p.parse()
	sc.lines, sc.items = p.lines, p.docItems
	if err != nil {
		return nil, nil, err
	}
	slices.SortStableFunc(p.problems, func(a, b Problem) int { return cmp.Compare(a.Line, b.Line) })
	return p.doc, p.problems, nil
}

// parseScratch is the working space of a parser, kept for the next
// document: nothing in it ends up in the Document, and reusing it spares
// most of the allocations a document costs beyond its own content.
type parseScratch struct {
	lines  []srcLine
	blocks []secBlock
	cells  []string
	items  []string // parser.docItems
}

var scratchPool = sync.Pool{New: func() any { return new(parseScratch) }}

// release returns sc to the pool, emptied first so that it does not keep
// the document's text alive.
func (sc *parseScratch) release() {
	clear(sc.lines)
	clear(sc.cells[:cap(sc.cells)])
	clear(sc.items[:cap(sc.items)])
	scratchPool.Put(sc)
}

// AptitudeItems returns the item names of doc's aptitude rows that came
// with a reason, sorted and without duplicates: the names a corpus loader
// gathers to pass as ParseOptions.AptitudeItems. A row that matched no
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

// line is one line of the input, trimmed, with its 1-based number and the
// known heading it is, if any.
type srcLine struct {
	text string
	num  int
	kind secKind // 0 (kNone) when the line is not a known heading
}

// splitLines appends the lines of s to lines[:0]: s split at "\n", "\r\n"
// and lone "\r". A final line end does not start another line.
func splitLines(lines []srcLine, s string) []srcLine {
	lines = lines[:0] // usually a previous document's, with room enough
	pos, nl := 0, -1
	for pos < len(s) {
		if nl < pos {
			nl = strings.IndexByte(s[pos:], '\n')
			if nl < 0 {
				nl = len(s)
			} else {
				nl += pos
			}
		}
		end, next := nl, nl+1
		if j := strings.IndexByte(s[pos:end], '\r'); j >= 0 {
			j += pos
			if j == end-1 && end < len(s) {
				end = j // CRLF
			} else {
				end, next = j, j+1 // a lone CR ends the line
			}
		}
		lines = append(lines, srcLine{text: trimLine(s[pos:end]), num: len(lines) + 1})
		pos = next
	}
	return lines
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r' || c == '\n'
}

func isTrimSpace(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' || r == '\u200B' }

// trim removes white space, zero-width spaces and stray byte-order marks
// from both ends of s.
func trimLine(s string) string {
	for len(s) > 0 && isASCIISpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isASCIISpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	if len(s) > 0 && (s[0] >= utf8.RuneSelf || s[len(s)-1] >= utf8.RuneSelf) {
		s = strings.TrimFunc(s, isTrimSpace)
	}
	return s
}

// kind is a known section, or kNone for the text before the first heading
// and kUnknown for a section under a heading careergraph does not know.
type secKind uint8

const (
	kNone secKind = iota
	kIndustry
	kClassification
	kSummary
	kDescription
	kOutlook
	kTraits
	kWorkStyle
	kCareer
	kRequired
	kRecommended
	kStrengths
	kWeaknesses
	kQualifications
	kAliases
	kRelated
	kTags
	kKeywords
	kUnknown
	numKinds
)

// headingKeys maps a heading, NFKC-normalised, lower-cased, without white
// space and without a trailing colon, to its section.
var headingKeys = map[string]secKind{
	"industry&occupation":             kIndustry,
	"industryandoccupation":           kIndustry,
	"industry/occupation":             kIndustry,
	"classification":                  kClassification,
	"occupationalclassification":      kClassification,
	"summary":                         kSummary,
	"overview":                        kSummary,
	"description":                     kDescription,
	"jobdescription":                  kDescription,
	"futureoutlook":                   kOutlook,
	"outlook":                         kOutlook,
	"personalitytraits":               kTraits,
	"personalitytrait":                kTraits,
	"workstyle":                       kWorkStyle,
	"workstyles":                      kWorkStyle,
	"workingstyle":                    kWorkStyle,
	"careerpath":                      kCareer,
	"careerpaths":                     kCareer,
	"requiredskills":                  kRequired,
	"requiredskill":                   kRequired,
	"recommendedskills":               kRecommended,
	"recommendedskill":                kRecommended,
	"preferredskills":                 kRecommended,
	"aptitudes(strengthspreferred)":   kStrengths,
	"aptitude(strengthspreferred)":    kStrengths,
	"aptitudes(strengths)":            kStrengths,
	"strengthspreferred":              kStrengths,
	"strengths":                       kStrengths,
	"aptitudes(weaknessesacceptable)": kWeaknesses,
	"aptitude(weaknessesacceptable)":  kWeaknesses,
	"aptitudes(weaknesses)":           kWeaknesses,
	"weaknessesacceptable":            kWeaknesses,
	"weaknesses":                      kWeaknesses,
	"relatedqualifications":           kQualifications,
	"relatedqualification":            kQualifications,
	"qualifications":                  kQualifications,
	"qualification":                   kQualifications,
	"aliases":                         kAliases,
	"alias":                           kAliases,
	"alsoknownas":                     kAliases,
	"othernames":                      kAliases,
	"relatedjobs":                     kRelated,
	"relatedjob":                      kRelated,
	"relatedoccupations":              kRelated,
	"relatedoccupation":               kRelated,
	"tags":                            kTags,
	"tag":                             kTags,
	"keywords":                        kKeywords,
	"keyword":                         kKeywords,
}

// maxHeadingBytes bounds the lines worth testing as headings: the longest
// known heading written in full-width letters fits.
const maxHeadingBytes = 128

// headingKind returns the known section s is the heading of, or kNone.
// Only short lines that start with a letter, '#' or a full-width form are
// normalised; everything else is rejected on its first byte.
func headingKind(s string) secKind {
	if s == "" || len(s) > maxHeadingBytes {
		return kNone
	}
	if c := s[0]; c < utf8.RuneSelf {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '#') {
			return kNone
		}
	} else if r, _ := utf8.DecodeRuneInString(s); r < '\uFF01' || r > '\uFF5E' {
		return kNone
	}
	if !isASCII(s) {
		s = norm.NFKC.String(s)
		if len(s) > maxHeadingBytes {
			return kNone
		}
	}
	var buf [maxHeadingBytes]byte
	n, i := 0, 0
	for i < len(s) && s[i] == '#' {
		i++
	}
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case isASCIISpace(c):
			continue
		case c >= utf8.RuneSelf:
			return kNone
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	for n > 0 && buf[n-1] == ':' {
		n--
	}
	return headingKeys[string(buf[:n])]
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// headingLike reports whether s reads like a heading: short, starting with
// an upper-case letter, and without the marks of a sentence, a list, a
// table row or a career path. Whether it is taken for one depends on where
// it stands; see parser.startsUnknown.
func headingLike(s string) bool {
	if r, _ := utf8.DecodeRuneInString(s); !unicode.IsUpper(r) {
		return false
	}
	runes, spaces := 0, 0
	for i, r := range s {
		if runes++; runes > 60 {
			return false
		}
		switch r {
		case ' ':
			if spaces++; spaces > 5 || strings.HasPrefix(s[i:], " / ") {
				return false
			}
		case '.':
			if i+1 == len(s) || s[i+1] == ' ' {
				return false
			}
		case '>':
			if i > 0 && s[i-1] == '-' {
				return false
			}
		case ',', '、', ';', '；', '!', '?', '！', '？', '。', '→', '⇒', '|', '\t':
			return false
		case ':', '：':
			if i+utf8.RuneLen(r) != len(s) {
				return false
			}
		}
	}
	return true
}

// endsSentence reports whether s ends with sentence-final punctuation,
// ignoring closing brackets and quotes.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, ")）」』\"'”’")
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '。', '!', '?', '！', '？':
		return true
	}
	return false
}

// stripBullet returns s without a leading list marker ("- ", "* ", "• ",
// "・" and the like) and reports whether it had one.
func stripBullet(s string) (string, bool) {
	if s == "" {
		return s, false
	}
	if c := s[0]; c < utf8.RuneSelf {
		if c != '-' && c != '*' && c != '+' {
			return s, false
		}
		if len(s) == 1 {
			return "", true
		}
		if s[1] == ' ' || s[1] == '\t' {
			return trimLine(s[2:]), true
		}
		return s, false
	}
	r, size := utf8.DecodeRuneInString(s)
	switch r {
	case '•', '・', '･', '●', '○', '◦', '▪', '‣', '∙':
		return trimLine(s[size:]), true
	case '–', '—':
		if len(s) == size {
			return "", true
		}
		if s[size] == ' ' || s[size] == '\t' {
			return trimLine(s[size:]), true
		}
	}
	return s, false
}

func isTableRow(s string) bool { return s != "" && (s[0] == '|' || strings.HasPrefix(s, "｜")) }

// marked reports whether s carries a list or table mark: a bullet, a table
// row, a " / " separator, or a "key : value" colon.
func hasListMark(s string) bool {
	if _, ok := stripBullet(s); ok || isTableRow(s) {
		return true
	}
	return strings.Contains(s, " / ") || indexColon(s) >= 0
}

// indexColon returns the offset of the first ':' or '：' in s, or -1.
func indexColon(s string) int {
	i := strings.IndexByte(s, ':')
	if i < 0 {
		i = len(s)
	}
	if j := strings.Index(s[:i], "："); j >= 0 {
		return j
	}
	if i == len(s) {
		return -1
	}
	return i
}

// secBlock is one section as it stands in the file: its heading line (an
// index into parser.lines, -1 for text before the first heading) and its
// content lines[from:to], blank lines included.
type secBlock struct {
	kind     secKind
	head     int
	from, to int
}

type parser struct {
	opt      ParseOptions
	scratch  *parseScratch
	lines    []srcLine
	spaced   bool // the spaced layout: blank lines after headings
	doc      *Document
	problems []Problem

	docItems []string     // aptitude items of the document's delimited rows
	docNames *nameMatcher // docItems, built on first use
}

func (p *parser) warn(ln int, format string, args ...any) {
	p.problems = append(p.problems, Problem{File: p.doc.File, Line: ln, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

func (p *parser) parse() error {
	first := p.nextNonBlank(0)
	if first < 0 {
		return &ParseError{File: p.doc.File, Err: ErrEmpty}
	}
	// Classify known headings, tell the layouts apart by what follows
	// them, and gather the item names of delimited aptitude rows: they
	// split the undelimited rows anywhere in the document.
	blankAfter, textAfter := 0, 0
	section := kNone
	for i := first; i < len(p.lines); i++ {
		l := &p.lines[i]
		if l.text == "" {
			continue
		}
		l.kind = headingKind(l.text)
		if l.kind == kNone {
			if section == kStrengths || section == kWeaknesses {
				p.collectDelimited(l.text)
			}
			continue
		}
		section = l.kind
		if i+1 < len(p.lines) {
			if p.lines[i+1].text == "" {
				blankAfter++
			} else {
				textAfter++
			}
		}
	}
	p.spaced = blankAfter > textAfter

	title := p.lines[first]
	if title.kind != kNone {
		return &ParseError{File: p.doc.File, Line: title.num, Err: ErrNoTitle}
	}
	p.doc.Title, p.doc.TitleLine = title.text, title.num
	start := first + 1
	if r := p.nextNonBlank(start); r >= 0 && p.lines[r].kind == kNone {
		p.doc.Reading = p.lines[r].text
		start = r + 1
	}

	blocks := p.blocks(start)
	var seen [numKinds]int
	for _, b := range blocks {
		if b.kind != kNone && b.kind != kUnknown {
			h := p.lines[b.head]
			if seen[b.kind] > 0 {
				p.warn(h.num, "duplicate heading %q (first at line %d): content merged", h.text, seen[b.kind])
			} else {
				seen[b.kind] = h.num
			}
		}
		p.section(b)
	}
	return nil
}

func (p *parser) nextNonBlank(i int) int {
	for ; i < len(p.lines); i++ {
		if p.lines[i].text != "" {
			return i
		}
	}
	return -1
}

func (p *parser) blank(i int) bool { return i < 0 || i >= len(p.lines) || p.lines[i].text == "" }

// blocks cuts lines[start:] into sections at known headings and at lines
// taken for unknown headings.
func (p *parser) blocks(start int) []secBlock {
	out := p.scratch.blocks[:0]
	cur := secBlock{kind: kNone, head: -1, from: start}
	var st blockState
	open := func(k secKind, i int) {
		cur.to = i
		if cur.kind != kNone || st.content {
			out = append(out, cur)
		}
		cur = secBlock{kind: k, head: i, from: i + 1}
		st = blockState{allMarked: true}
	}
	st.allMarked = true
	for i := start; i < len(p.lines); i++ {
		l := p.lines[i]
		switch {
		case l.text == "":
			continue
		case l.kind != kNone:
			open(l.kind, i)
			continue
		case p.startsUnknown(cur.kind, &st, i):
			open(kUnknown, i)
			continue
		}
		st.content = true
		st.last = i
		if st.allMarked && !hasListMark(l.text) { // past the first unmarked line, no need to look
			st.allMarked = false
		}
	}
	open(kNone, len(p.lines))
	p.scratch.blocks = out
	return out
}

type blockState struct {
	content   bool // the block has a content line
	last      int  // the index of its last content line
	allMarked bool // every content line has a list or table mark
}

// startsUnknown reports whether lines[i], not a known heading, is taken for
// an unknown heading. It must read like a heading and stand where one can:
// in the spaced layout between blank lines, after content of the current
// section that is complete (a paragraph that ended its sentence, a career
// path, list items that were all marked while this line is not).
func (p *parser) startsUnknown(k secKind, st *blockState, i int) bool {
	t := p.lines[i].text
	if !headingLike(t) {
		return false
	}
	if k == kNone {
		return true // nothing but a heading belongs after the reading
	}
	if !st.content {
		return false
	}
	if p.spaced && !(p.blank(i-1) && p.blank(i+1)) {
		return false
	}
	switch k {
	case kIndustry, kCareer:
		return true
	case kSummary, kDescription, kOutlook:
		return p.spaced || endsSentence(p.lines[st.last].text)
	case kClassification:
		return st.allMarked
	case kStrengths, kWeaknesses:
		if _, ok := p.matchAptitude(t); ok {
			return false
		}
		return (p.spaced || st.allMarked) && p.followedByContent(i)
	case kUnknown:
		return (st.allMarked || endsSentence(p.lines[st.last].text)) && p.followedByContent(i)
	default: // list sections
		return st.allMarked && p.followedByContent(i)
	}
}

func (p *parser) followedByContent(i int) bool {
	j := p.nextNonBlank(i + 1)
	return j >= 0 && p.lines[j].kind == kNone
}

// section stores the content of b in the document.
func (p *parser) section(b secBlock) {
	d := p.doc
	content := p.lines[b.from:b.to]
	switch b.kind {
	case kNone:
		p.extra(b, "", p.lines[p.nextNonBlank(b.from)].num)
		p.warn(d.Extra[len(d.Extra)-1].Line, "text before the first heading: kept as an extra section")
	case kUnknown:
		h := p.lines[b.head]
		p.extra(b, h.text, h.num)
		p.warn(h.num, "unknown heading %q: kept as an extra section", h.text)
	case kIndustry:
		d.Classification.Industry = appendParagraph(d.Classification.Industry, content)
	case kClassification:
		for _, l := range content {
			if l.text != "" {
				p.classification(l)
			}
		}
	case kSummary:
		d.Summary = appendParagraph(d.Summary, content)
	case kDescription:
		d.Description = appendParagraph(d.Description, content)
	case kOutlook:
		d.Outlook = appendParagraph(d.Outlook, content)
	case kTraits:
		d.Traits = appendListStrings(d.Traits, content)
	case kWorkStyle:
		d.WorkStyle = appendListStrings(d.WorkStyle, content)
	case kTags:
		d.Tags = appendListStrings(d.Tags, content)
	case kKeywords:
		d.Keywords = appendListStrings(d.Keywords, content)
	case kRequired:
		d.RequiredSkills = appendListItems(d.RequiredSkills, content)
	case kRecommended:
		d.RecommendedSkills = appendListItems(d.RecommendedSkills, content)
	case kQualifications:
		d.Qualifications = appendListItems(d.Qualifications, content)
	case kAliases:
		d.Aliases = appendListItems(d.Aliases, content)
	case kRelated:
		d.Related = appendListItems(d.Related, content)
	case kCareer:
		for _, l := range content {
			if l.text != "" {
				p.careerPath(l)
			}
		}
	case kStrengths:
		d.Strengths = p.aptitudes(d.Strengths, content)
	case kWeaknesses:
		d.Weaknesses = p.aptitudes(d.Weaknesses, content)
	}
}

func (p *parser) extra(b secBlock, heading string, ln int) {
	s := Section{Heading: heading, Line: ln}
	for _, l := range p.lines[b.from:b.to] {
		if l.text != "" {
			s.Lines = append(s.Lines, l.text)
		}
	}
	p.doc.Extra = append(p.doc.Extra, s)
}

// appendParagraph appends the non-blank lines to s, one "\n" between
// lines. A single line is returned as is, without a copy.
func appendParagraph(s string, lines []srcLine) string {
	n, size := 0, len(s)
	last := ""
	for _, l := range lines {
		if l.text != "" {
			n++
			size += len(l.text) + 1
			last = l.text
		}
	}
	switch {
	case n == 0:
		return s
	case n == 1 && s == "":
		return last
	}
	var b strings.Builder
	b.Grow(size)
	b.WriteString(s)
	for _, l := range lines {
		if l.text == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.text)
	}
	return b.String()
}

// eachItem calls f with each item of a list line: the whole line after a
// bullet, else each part between " / ", trimmed, empty parts skipped.
func eachItem(t string, f func(string)) {
	if rest, ok := stripBullet(t); ok {
		if rest != "" {
			f(rest)
		}
		return
	}
	if !strings.Contains(t, " / ") {
		f(t)
		return
	}
	for t != "" {
		var part string
		i := strings.Index(t, " / ")
		if i < 0 {
			part, t = t, ""
		} else {
			part, t = t[:i], t[i+3:]
		}
		// A doubled or dangling separator leaves a slash at an edge.
		if part = trimLine(strings.Trim(part, "/")); part != "" {
			f(part)
		}
	}
}

// countItems returns at least the number of items eachItem finds in
// lines, to size for.
func countItems(lines []srcLine) int {
	n := 0
	for _, l := range lines {
		if l.text != "" {
			n += 1 + strings.Count(l.text, " / ")
		}
	}
	return n
}

func appendListItems(dst []Item, lines []srcLine) []Item {
	dst = slices.Grow(dst, countItems(lines))
	for _, l := range lines {
		if l.text != "" {
			eachItem(l.text, func(s string) { dst = append(dst, Item{Text: s, Line: l.num}) })
		}
	}
	return nilIfEmpty(dst)
}

// nilIfEmpty returns s, or nil when it is empty: a list sized in advance
// but left empty is nil, as it would be had nothing been allocated.
func nilIfEmpty[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return s
}

func appendListStrings(dst []string, lines []srcLine) []string {
	dst = slices.Grow(dst, countItems(lines))
	for _, l := range lines {
		if l.text != "" {
			eachItem(l.text, func(s string) { dst = append(dst, s) })
		}
	}
	return nilIfEmpty(dst)
}

// classification reads one "- Major : X" line. A line without a key is the
// industry line when the document has none.
func (p *parser) classification(l srcLine) {
	t, _ := stripBullet(l.text)
	i := indexColon(t)
	if i < 0 {
		if p.doc.Classification.Industry == "" {
			p.doc.Classification.Industry = t
			return
		}
		p.warn(l.num, "classification line %q not understood (want \"Major : …\", \"Middle : …\" or \"Minor : …\"): dropped", l.text)
		return
	}
	_, size := utf8.DecodeRuneInString(t[i:])
	key, val := trimLine(t[:i]), trimLine(t[i+size:])
	if k, _, _ := strings.Cut(key, " "); k != "" {
		key = k
	}
	var dst *string
	var level string
	switch {
	case strings.EqualFold(key, "major") || strings.EqualFold(key, "large"):
		dst, level = &p.doc.Classification.Major, "Major"
	case strings.EqualFold(key, "middle") || strings.EqualFold(key, "medium"):
		dst, level = &p.doc.Classification.Middle, "Middle"
	case strings.EqualFold(key, "minor") || strings.EqualFold(key, "small"):
		dst, level = &p.doc.Classification.Minor, "Minor"
	default:
		p.warn(l.num, "classification line %q not understood (want \"Major : …\", \"Middle : …\" or \"Minor : …\"): dropped", l.text)
		return
	}
	switch {
	case val == "":
	case *dst == "":
		*dst = val
	default:
		p.warn(l.num, "classification: second %s %q dropped (keeping %q)", level, val, *dst)
	}
}

// careerPath reads one career-path line: rungs between arrows, roles of a
// rung between middle dots. Empty rungs and roles are reported and dropped.
func (p *parser) careerPath(l srcLine) {
	t, _ := stripBullet(l.text)
	path := CareerPath{Line: l.num}
	for n := 0; ; n++ {
		i, w := indexArrow(t)
		piece := t
		if i >= 0 {
			piece = t[:i]
		}
		if piece = trimLine(piece); piece == "" {
			switch {
			case i < 0:
				p.warn(l.num, "career path: empty rung dropped (arrow at the end)")
			case n == 0:
				p.warn(l.num, "career path: empty rung dropped (arrow at the start)")
			default:
				p.warn(l.num, "career path: empty rung dropped (two arrows in a row)")
			}
		} else if r := p.rung(piece, l.num); len(r) > 0 {
			path.Rungs = append(path.Rungs, r)
		}
		if i < 0 {
			break
		}
		t = t[i+w:]
	}
	if len(path.Rungs) > 0 {
		p.doc.Career = append(p.doc.Career, path)
	}
}

// indexArrow returns the byte offset and width of the first "→", "->" or
// "⇒" in s, or -1, 0.
func indexArrow(s string) (int, int) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '-':
			if i+1 < len(s) && s[i+1] == '>' {
				return i, 2
			}
		case 0xE2: // first byte of → (E2 86 92) and ⇒ (E2 87 92)
			if strings.HasPrefix(s[i:], "→") || strings.HasPrefix(s[i:], "⇒") {
				return i, 3
			}
		}
	}
	return -1, 0
}

// rung splits one rung at middle dots ("·", "・", "･") outside brackets.
func (p *parser) rung(s string, ln int) Rung {
	var r Rung
	depth, from := 0, 0
	add := func(part string) {
		if part = trimLine(part); part == "" {
			p.warn(ln, "career path: empty alternative dropped")
			return
		}
		r = append(r, Item{Text: part, Line: ln})
	}
	for i, c := range s {
		switch c {
		case '(', '（', '[', '【':
			depth++
		case ')', '）', ']', '】':
			if depth > 0 {
				depth--
			}
		case '·', '・', '･':
			if depth == 0 {
				add(s[from:i])
				from = i + utf8.RuneLen(c)
			}
		}
	}
	add(s[from:])
	return r
}

// tableCells splits a "| a | b |" row into trimmed cells. The slice is
// the parser's, good until the next call.
func (p *parser) tableCells(s string) []string {
	s = strings.ReplaceAll(s, "｜", "|")
	s = strings.TrimPrefix(s, "|")
	s = strings.TrimSuffix(s, "|")
	cells := p.scratch.cells[:0]
	for {
		cell, rest, found := strings.Cut(s, "|")
		cells = append(cells, trimLine(cell))
		if !found {
			break
		}
		s = rest
	}
	p.scratch.cells = cells
	return cells
}

func isSeparatorRow(cells []string) bool {
	for _, c := range cells {
		if strings.Trim(c, "-:— ") != "" {
			return false
		}
	}
	return true
}

// isHeaderRow reports whether item and reason are the column names of an
// aptitude table ("Item", "Description").
func isHeaderRow(item, reason string) bool {
	item, reason = trimLine(item), trimLine(reason)
	switch {
	case strings.EqualFold(item, "item"), strings.EqualFold(item, "aptitude"), strings.EqualFold(item, "aptitudes"):
	default:
		return false
	}
	for _, w := range []string{"description", "reason", "details", "comment"} {
		if strings.EqualFold(reason, w) {
			return true
		}
	}
	return false
}

// collectDelimited adds the item of an aptitude row with a delimiter
// ("| X | … |", "X<tab>…") to p.docItems.
func (p *parser) collectDelimited(row string) {
	t, _ := stripBullet(row)
	var item, reason string
	switch {
	case isTableRow(t) || strings.Contains(t, "|"):
		cells := p.tableCells(t)
		if isSeparatorRow(cells) {
			return
		}
		item = cells[0]
		if len(cells) > 1 {
			reason = cells[1]
		}
	case strings.Contains(t, "\t"):
		item, reason, _ = strings.Cut(t, "\t")
	default:
		return
	}
	if item = trimLine(item); item != "" && !isHeaderRow(item, reason) {
		p.docItems = append(p.docItems, item)
	}
}

// aptitudes appends the rows of an aptitude table to dst. Header and
// separator rows are skipped. A row is split at its delimiter ("|", a tab),
// else after the longest known item name it starts with, else at a colon;
// a row none of these split is kept whole as the item, with a warning.
func (p *parser) aptitudes(dst []Aptitude, lines []srcLine) []Aptitude {
	rows := 0
	for _, l := range lines {
		if l.text != "" {
			rows++
		}
	}
	dst = slices.Grow(dst, rows)
	for _, l := range lines {
		if l.text == "" {
			continue
		}
		t, _ := stripBullet(l.text)
		if t == "" {
			continue
		}
		var item, reason string
		switch {
		case isTableRow(t) || strings.Contains(t, "|"):
			cells := p.tableCells(t)
			if isSeparatorRow(cells) {
				continue
			}
			item = cells[0]
			var rest []string
			for _, c := range cells[1:] {
				if c != "" {
					rest = append(rest, c)
				}
			}
			reason = strings.Join(rest, " | ")
			if isHeaderRow(item, reason) {
				continue
			}
			if item == "" {
				if reason != "" {
					p.warn(l.num, "aptitude row without an item name: dropped")
				}
				continue
			}
		case strings.Contains(t, "\t"):
			item, reason, _ = strings.Cut(t, "\t")
			item, reason = trimLine(item), trimLine(reason)
			if isHeaderRow(item, reason) {
				continue
			}
		default:
			if a, b, ok := strings.Cut(t, " "); ok && isHeaderRow(a, b) {
				continue
			}
			if name, ok := p.matchAptitude(t); ok {
				item, reason = name, trimSeparator(t[len(name):])
				break
			}
			if i := indexColon(t); i > 0 {
				_, size := utf8.DecodeRuneInString(t[i:])
				item, reason = trimLine(t[:i]), trimLine(t[i+size:])
				break
			}
			p.warn(l.num, "aptitude row without a known item name: kept whole as the item")
			item = t
		}
		dst = append(dst, Aptitude{Item: item, Reason: reason, Line: l.num})
	}
	return nilIfEmpty(dst)
}

// trimSeparator trims white space and a leading ":", "-", "–" or "—" that
// separates an item name from its reason.
func trimSeparator(s string) string {
	s = trimLine(s)
	for _, sep := range []string{":", "：", "-", "–", "—"} {
		if strings.HasPrefix(s, sep) {
			return trimLine(s[len(sep):])
		}
	}
	return s
}

// matchAptitude returns the longest known aptitude item that s starts
// with: from the built-in list, the options, or the document's delimited
// rows.
func (p *parser) matchAptitude(s string) (string, bool) {
	name, ok := optionsMatcher(p.opt.AptitudeItems).match(s)
	if len(p.docItems) > 0 {
		if p.docNames == nil {
			p.docNames = newNameMatcher(p.docItems)
		}
		if n, ok2 := p.docNames.match(s); ok2 && len(n) > len(name) {
			name, ok = n, true
		}
	}
	return name, ok
}

// lastOptions caches the matcher of the last ParseOptions.AptitudeItems
// seen, so that a corpus parsed with one list sorts it once.
var lastOptions atomic.Pointer[optionsNames]

type optionsNames struct {
	first *string // identifies the slice, with n
	n     int
	m     *nameMatcher
}

// optionsMatcher returns a matcher of the built-in names and items.
func optionsMatcher(items []string) *nameMatcher {
	if len(items) == 0 {
		return builtinMatcher
	}
	if c := lastOptions.Load(); c != nil && c.first == &items[0] && c.n == len(items) {
		return c.m
	}
	m := newNameMatcher(builtinAptitudes, items)
	lastOptions.Store(&optionsNames{first: &items[0], n: len(items), m: m})
	return m
}

// nameMatcher finds the longest of its names at the start of a string,
// ignoring case. It looks names up by their folded form, trying only the
// lengths some name has and only where a word ends, so a match costs the
// same however many names there are.
type nameMatcher struct {
	names map[string]bool // folded names
	lens  []int           // the byte lengths of the names, longest first
}

// maxNameBytes bounds the names worth matching; longer ones are ignored.
const maxNameBytes = 128

func newNameMatcher(lists ...[]string) *nameMatcher {
	m := &nameMatcher{names: make(map[string]bool)}
	var buf [maxNameBytes]byte
	for _, l := range lists {
		for _, n := range l {
			if n = trimLine(n); n == "" || len(n) > maxNameBytes {
				continue
			}
			if k := foldKey(buf[:0], n); !m.names[string(k)] {
				m.names[string(k)] = true
				m.lens = append(m.lens, len(n))
			}
		}
	}
	slices.Sort(m.lens)
	slices.Reverse(m.lens)
	m.lens = slices.Compact(m.lens)
	return m
}

// foldKey appends s, case-folded, to buf. ASCII is folded in place; other
// text through strings.ToLower, which allocates.
func foldKey(buf []byte, s string) []byte {
	if !isASCII(s) {
		return append(buf, strings.ToLower(s)...)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// match returns the prefix of s, as written in s, that is one of m's names
// ignoring case and ends at a word boundary; the longest such name wins.
func (m *nameMatcher) match(s string) (string, bool) {
	var buf [maxNameBytes]byte
	for _, n := range m.lens {
		if n > len(s) {
			continue
		}
		if n < len(s) {
			r, _ := utf8.DecodeRuneInString(s[n:])
			if !utf8.RuneStart(s[n]) || unicode.IsLetter(r) || unicode.IsDigit(r) {
				continue
			}
		}
		if m.names[string(foldKey(buf[:0], s[:n]))] {
			return s[:n], true
		}
	}
	return "", false
}

// builtinAptitudes are the aptitude items of the reference documents and
// other common ones; see ParseOptions.AptitudeItems for adding more.
var builtinAptitudes = []string{
	"Adaptability",
	"Analytical & Logical Thinking",
	"Attention to Detail & Accuracy",
	"Collaboration & Teamwork",
	"Communication Skills",
	"Concentration & Focus",
	"Creativity",
	"Creativity & Innovation",
	"Curiosity & Learning",
	"Customer Orientation",
	"Empathy",
	"Empathy & Compassion",
	"Flexibility",
	"Hospitality",
	"Independence & Autonomy",
	"Initiative & Leadership",
	"Integrity & Ethics",
	"Interpersonal Skills",
	"Language Skills",
	"Manual Dexterity",
	"Numerical Ability",
	"Patience & Perseverance",
	"Physical Stamina & Endurance",
	"Planning & Organization",
	"Problem Solving",
	"Sense of Responsibility",
	"Spatial Awareness",
	"Stress Tolerance",
	"Technical Skills",
	"Time Management",
}

var builtinMatcher = newNameMatcher(builtinAptitudes)
