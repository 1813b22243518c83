package loader

import (
	"careergraph/loader/source"
	"fmt"
)

// Document is one occupation profile as written: every section is kept,
// with the line of each item that later stages may cite.
type Document struct {
	File      string // the name used in messages, usually a path
	Title     string
	TitleLine int
	Reading   string // kana reading; empty when the document has none

	Classification Classification
	Summary        string
	Description    string
	Outlook        string
	Traits         []string
	WorkStyle      []string

	// Career holds one entry per career-path line; most documents have one.
	Career []CareerPath

	RequiredSkills    []Item
	RecommendedSkills []Item
	Strengths         []Aptitude // "Aptitudes (Strengths Preferred)"
	Weaknesses        []Aptitude // "Aptitudes (Weaknesses Acceptable)"
	Qualifications    []Item
	Aliases           []Item
	Related           []Item
	Tags              []string
	Keywords          []string

	// Extra keeps sections under headings careergraph does not know, in
	// the order they appear.
	Extra []Section

	// Order lists the document's sections in the order it writes them,
	// each known section once (a repeated heading's content is merged
	// into its first place).
	Order []SectionMark
}

// SectionMark is where a section stands in a document: its key (one of
// graph's Sec constants), its heading as written and its line. For an
// extra section, Extra is its index in Document.Extra.
type SectionMark struct {
	Key     string
	Heading string
	Line    int
	Extra   int
}

// Classification is where a document files its occupation: either the
// three-level Major/Middle/Minor scheme or a single industry line.
type Classification struct {
	Major, Middle, Minor string
	Industry             string
}

// Levels returns the non-empty parts of c from broad to narrow: the
// industry line first when there is one, then major, middle and minor.
func (c Classification) Levels() []string {
	var out []string
	for _, s := range []string{c.Industry, c.Major, c.Middle, c.Minor} {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Item is one entry of a list section with the line it was read from.
type Item struct {
	Text string
	Line int
}

// Aptitude is one row of an aptitude table.
type Aptitude struct {
	Item   string
	Reason string
	Line   int
}

// CareerPath is one written career path: rungs from junior to senior.
type CareerPath struct {
	Line  int
	Rungs []Rung
}

// Rung is one step of a career path; it holds more than one role when the
// path offers alternatives at that step ("Section Chief · Counsellor").
type Rung []Item

// Section is a section under a heading careergraph does not know.
type Section struct {
	Heading string
	Line    int
	Lines   []string
}

// Severity tells whether a problem cost data (Error) or only needs a look
// (Warning). Documents and the other sources share one kind of problem:
// these are the types of package source, which loader imports.
type Severity = source.Severity

// The severities, least serious first.
const (
	Warning = source.Warning
	Error   = source.Error
)

// Problem is something wrong with the input, positioned at a file and line
// (Line is 0 when the problem concerns the whole file); its String is
// "file:line: severity: message".
type Problem = source.Problem

// ParseError reports a document that could not be read at all.
type ParseError struct {
	File string
	Line int
	Err  error
}

// Error returns "file:line: what is wrong".
func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }
