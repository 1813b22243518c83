package loader

import (
	"fmt"

	"careergraph/graph"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// secBlock is one section as it stands in the file: its heading line (an
// index into docParser.lines, -1 for text before the first heading) and its
// content lines[from:to], blank lines included.
type secBlock struct {
	kind     secKind
	head     int
	from, to int
}

// docParser is the state of parsing one document.
type docParser struct {
	items    *nameMatcher // the Parser's aptitude item names
	scratch  *parseScratch
	lines    []srcLine
	spaced   bool // the spaced layout: blank lines after headings
	doc      *Document
	problems []Problem

	docItems []string              // aptitude items of the document's delimited rows
	docNames *nameMatcher          // docItems, built on first use
	unsplit  bool                  // an aptitude row was kept whole: see parsed
	moves    int                   // career moves the paths so far make: see boundMoves
	paras    [numKinds][][]srcLine // the content of paragraph sections, by kind
}

func (p *docParser) warn(ln int, format string, args ...any) {
	p.problems = append(p.problems, Problem{File: p.doc.File, Line: ln, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

func (p *docParser) parse() error {
	first := p.nextNonBlank(0)
	if first < 0 {
		return &ParseError{File: p.doc.File, Err: ErrEmpty}
	}
	// Classify known headings, tell the layouts apart by what follows
	// them, and gather the item names of delimited aptitude rows: they
	// split the undelimited rows anywhere in the document.
	// Markdown that only mentions a heading (a README with a "## Summary"
	// among its own, or an example document in a fenced code block) is
	// no document: lines in fences are no headings, and a file whose
	// other Markdown headings outnumber the known ones is not one.
	blankAfter, textAfter, known, otherMarkdown := 0, 0, 0, 0
	section := kNone
	fenced := false
	for i := first; i < len(p.lines); i++ {
		l := &p.lines[i]
		if l.text == "" {
			continue
		}
		if strings.HasPrefix(l.text, "```") || strings.HasPrefix(l.text, "~~~") {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		l.kind = headingKind(l.text)
		if l.kind == kNone && i > first && strings.HasPrefix(l.text, "#") {
			otherMarkdown++
		}
		if l.kind == kNone {
			if section == kStrengths || section == kWeaknesses {
				p.collectDelimited(l.text)
			}
			continue
		}
		section = l.kind
		known++
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
	if known == 0 {
		return &ParseError{File: p.doc.File, Err: ErrNotDocument}
	}
	if otherMarkdown > known {
		return &ParseError{File: p.doc.File, Err: &markdownError{headings: otherMarkdown + known, known: known}}
	}
	p.doc.Title, p.doc.TitleLine = stripMarkdownHeading(title.text), title.num
	if p.doc.Title == "" {
		return &ParseError{File: p.doc.File, Line: title.num, Err: ErrNoTitle}
	}
	start := first + 1
	if r := p.nextNonBlank(start); r >= 0 && p.lines[r].kind == kNone && isKana(p.lines[r].text) {
		p.doc.Reading = p.lines[r].text
		start = r + 1
	}

	blocks := p.blocks(start)
	// A mark for each extra section and each known one's first heading:
	// sized once, rather than grown section by section.
	marks := 0
	var kinds [numKinds]bool
	for _, b := range blocks {
		if b.kind == kNone || b.kind == kUnknown || !kinds[b.kind] {
			marks++
		}
		kinds[b.kind] = true
	}
	p.doc.Order = slices.Grow(p.doc.Order, marks)
	var seen [numKinds]int
	for _, b := range blocks {
		if b.kind != kNone && b.kind != kUnknown {
			h := p.lines[b.head]
			if seen[b.kind] > 0 {
				p.warn(h.num, "duplicate heading %q (first at line %d): content merged", h.text, seen[b.kind])
			} else {
				seen[b.kind] = h.num
				p.doc.Order = append(p.doc.Order, SectionMark{Key: sectionKeys[b.kind], Heading: h.text, Line: h.num})
			}
		}
		p.section(b)
		if b.kind == kNone || b.kind == kUnknown {
			x := len(p.doc.Extra) - 1
			e := p.doc.Extra[x]
			p.doc.Order = append(p.doc.Order, SectionMark{Key: graph.SecExtra, Heading: e.Heading, Line: e.Line, Extra: x})
		}
	}
	d := p.doc
	d.Classification.Industry = joinParagraph(d.Classification.Industry, p.paras[kIndustry])
	d.Summary = joinParagraph("", p.paras[kSummary])
	d.Description = joinParagraph("", p.paras[kDescription])
	d.Outlook = joinParagraph("", p.paras[kOutlook])
	return nil
}

// sectionKeys are the keys of the known sections, by kind.
var sectionKeys = [numKinds]string{
	kIndustry:       graph.SecIndustry,
	kClassification: graph.SecClassification,
	kSummary:        graph.SecSummary,
	kDescription:    graph.SecDescription,
	kOutlook:        graph.SecOutlook,
	kTraits:         graph.SecTraits,
	kWorkStyle:      graph.SecWorkStyle,
	kCareer:         graph.SecCareerPath,
	kRequired:       graph.SecRequiredSkills,
	kRecommended:    graph.SecRecommendedSkills,
	kStrengths:      graph.SecStrengths,
	kWeaknesses:     graph.SecWeaknesses,
	kQualifications: graph.SecQualifications,
	kAliases:        graph.SecAliases,
	kRelated:        graph.SecRelated,
	kTags:           graph.SecTags,
	kKeywords:       graph.SecKeywords,
}

// stripMarkdownHeading returns a title without the "#" marks of a
// Markdown heading ("# Mayor"); marks not followed by a space are text.
func stripMarkdownHeading(s string) string {
	t := strings.TrimLeft(s, "#")
	if t == s || t != "" && t[0] != ' ' && t[0] != '\t' {
		return s
	}
	return trimLine(t)
}

// isKana reports whether s is a kana reading: hiragana or katakana, with
// the long-vowel mark, punctuation (brackets, middle dots) and spaces
// allowed between.
func isKana(s string) bool {
	kana := false
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			kana = true
		case r == 'ー' || r == 'ｰ' || unicode.IsPunct(r) || unicode.IsSpace(r):
		default:
			return false
		}
	}
	return kana
}

func (p *docParser) nextNonBlank(i int) int {
	for ; i < len(p.lines); i++ {
		if p.lines[i].text != "" {
			return i
		}
	}
	return -1
}

func (p *docParser) blank(i int) bool { return i < 0 || i >= len(p.lines) || p.lines[i].text == "" }

// blocks cuts lines[start:] into sections at known headings and at lines
// taken for unknown headings.
func (p *docParser) blocks(start int) []secBlock {
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
func (p *docParser) startsUnknown(k secKind, st *blockState, i int) bool {
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

func (p *docParser) followedByContent(i int) bool {
	j := p.nextNonBlank(i + 1)
	return j >= 0 && p.lines[j].kind == kNone
}

// section stores the content of b in the document.
func (p *docParser) section(b secBlock) {
	d := p.doc
	content := p.lines[b.from:b.to]
	switch b.kind {
	case kNone:
		p.extra(b, "", p.lines[p.nextNonBlank(b.from)].num)
		p.warn(d.Extra[len(d.Extra)-1].Line, "text before the first heading: kept as an extra section")
	case kUnknown:
		h := p.lines[b.head]
		p.extra(b, h.text, h.num)
		if near := nearHeading(h.text); near != "" {
			p.warn(h.num, "unknown heading %q (did you mean %q?): kept as an extra section", h.text, near)
		} else {
			p.warn(h.num, "unknown heading %q: kept as an extra section", h.text)
		}
	case kIndustry, kSummary, kDescription, kOutlook:
		// Joined once at the end: appending to a string at every section
		// would copy it again each time, quadratic in repeated sections.
		p.paras[b.kind] = append(p.paras[b.kind], content)
	case kClassification:
		for _, l := range content {
			if l.text != "" {
				p.classification(l)
			}
		}
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

func (p *docParser) extra(b secBlock, heading string, ln int) {
	s := Section{Heading: heading, Line: ln}
	for _, l := range p.lines[b.from:b.to] {
		if l.text != "" {
			s.Lines = append(s.Lines, l.text)
		}
	}
	p.doc.Extra = append(p.doc.Extra, s)
}

// joinParagraph returns s followed by the non-blank lines of parts, one
// "\n" between lines. A single line is returned as is, without a copy.
func joinParagraph(s string, parts [][]srcLine) string {
	n, size := 0, len(s)
	last := ""
	for _, lines := range parts {
		for _, l := range lines {
			if l.text != "" {
				n++
				size += len(l.text) + 1
				last = l.text
			}
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
	for _, lines := range parts {
		for _, l := range lines {
			if l.text == "" {
				continue
			}
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(l.text)
		}
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
	if indexSep(t) < 0 {
		f(t)
		return
	}
	for t != "" {
		var part string
		i := indexSep(t)
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
			n += 1 + countSeps(l.text)
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

// hasText reports whether parts have a non-blank line.
func hasText(parts [][]srcLine) bool {
	for _, lines := range parts {
		for _, l := range lines {
			if l.text != "" {
				return true
			}
		}
	}
	return false
}

// classification reads one "- Major : X" line. A line without a key is the
// industry line when the document has none.
func (p *docParser) classification(l srcLine) {
	t, _ := stripBullet(l.text)
	i := indexColon(t)
	if i < 0 {
		if p.doc.Classification.Industry == "" && !hasText(p.paras[kIndustry]) {
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
