package source

import (
	"fmt"

	"careergraph/graph"
)

// Kind is the kind of a move, as in package graph: "career" or "related".
type Kind string

// The kinds of move.
const (
	Career  Kind = "career"
	Related Kind = "related"
)

// Basis says where a move's cost came from.
type Basis string

// The bases of a move's cost.
const (
	// Given: the spreadsheet's cost column, used as written.
	Given Basis = "given"
	// Default: no strength was given; the kind's default cost
	// (DocumentCareerCost, DocumentRelatedCost).
	Default Basis = "default"
	// ONETTier: O*NET Related Occupations tier and index (ONETRelatedCost).
	ONETTier Basis = "onet-related"
	// ONETChangers: O*NET Career Changers Matrix index (ONETMatrixCost).
	ONETChangers Basis = "onet-career-changers"
	// ONETStarters: O*NET Career Starters Matrix index (ONETMatrixCost).
	ONETStarters Basis = "onet-career-starters"
	// Similarity: a pathway table's similarity (SimilarityCost).
	Similarity Basis = "similarity"
)

// Role is one role a source describes or names.
type Role struct {
	Name        string   // title as written
	Code        string   // the source's code, e.g. an O*NET-SOC code; may be empty
	Level       int      // preparation level, e.g. O*NET Job Zone 1–5; 0 when unknown
	Description string   // may be empty
	Names       []string // other names (reported and alternate titles, aliases), sorted, without the title
	Reading     string   // a reading of the name (kana), when the source gives one
	// Classification runs from broad to narrow, such as an O*NET
	// occupation's SOC major group; empty when the source gives none.
	Classification []string
	// Skills and Knowledge are the source's most important elements,
	// most important first (see TopElements).
	Skills    []Element
	Knowledge []Element
	// Education is the education level most often required, with its
	// share of respondents, when the source gives one.
	Education Education
	Source    graph.Source // where the role is first described
}

// Element is one rated element of an occupation, such as an O*NET skill.
type Element struct {
	Name       string
	Importance float64 // O*NET scale IM, 1–5
	Level      float64 // O*NET scale LV, 0–7; 0 when not given
}

// Education is a required level of education and the share, in percent,
// of respondents who named it.
type Education struct {
	Category int    // O*NET RL category, 1–12; 0 when unknown
	Name     string // e.g. "Bachelor's Degree"; may be empty when the categories file is absent
	Percent  float64
}

// Move is one directed move between two roles, named as the source wrote
// them. Code fields carry the source's codes when it has them.
type Move struct {
	From, To         string
	FromCode, ToCode string
	Kind             Kind
	Cost             float64 // positive, a multiple of 0.001
	Basis            Basis
	Tier             string  // O*NET relatedness tier, when Basis is ONETTier
	Index            int     // O*NET index, when Basis is ONETTier, ONETChangers or ONETStarters
	Similarity       float64 // the table's similarity, when Basis is Similarity
	Note             string  // a spreadsheet's source or note column, kept as provenance
	Source           graph.Source
}

// Dropped counts the rows a reader dropped on purpose.
type Dropped struct {
	SelfLinks  int // moves from a role to itself (same normal form)
	Duplicates int // a second move with the same from, to and kind; the cheapest is kept
}

// Set is what one source gave.
type Set struct {
	Format   Format
	Name     string // the source's name in messages, usually a path
	Version  string // the source's release, e.g. O*NET "29.3"; may be empty
	Roles    []Role // in source order
	Moves    []Move // in source order, at most one per (from, to, kind)
	Problems []Problem
	Dropped  Dropped
}

// Severity says how serious a problem is.
type Severity int

// The severities, least serious first.
const (
	Warning Severity = iota
	Error
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Problem is an error or warning about a source, with file and line (0
// when it concerns the whole file). An error row is skipped; the others
// still load.
type Problem struct {
	File     string
	Line     int
	Severity Severity
	Msg      string
}

// String returns "file:line: severity: message".
func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s: %s", p.File, p.Line, p.Severity, p.Msg)
	}
	return fmt.Sprintf("%s: %s: %s", p.File, p.Severity, p.Msg)
}

func (s *Set) errorf(file string, line int, format string, args ...any) {
	s.Problems = append(s.Problems, Problem{File: file, Line: line, Severity: Error, Msg: fmt.Sprintf(format, args...)})
}

func (s *Set) warnf(file string, line int, format string, args ...any) {
	s.Problems = append(s.Problems, Problem{File: file, Line: line, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

// addMove appends m unless it is a self-link or a duplicate, which it
// counts; of duplicates the cheapest move is kept, the first on ties.
// seen maps (from, to, kind) in normal form to the index in s.Moves.
func (s *Set) addMove(m Move, seen map[moveKey]int) {
	k := moveKey{graph.NormalName(m.From), graph.NormalName(m.To), m.Kind}
	if k.from == k.to {
		s.Dropped.SelfLinks++
		return
	}
	if i, ok := seen[k]; ok {
		s.Dropped.Duplicates++
		if m.Cost < s.Moves[i].Cost {
			s.Moves[i] = m
		}
		return
	}
	seen[k] = len(s.Moves)
	s.Moves = append(s.Moves, m)
}

type moveKey struct {
	from, to string
	kind     Kind
}
