package graph

import (
	"cmp"
	"strconv"
)

// Kind is the kind of a move between two roles.
type Kind uint8

// The move kinds. Career moves go forward only; related moves are lateral
// and path queries may take them in either direction.
const (
	Career Kind = iota
	Related
)

// Kinds lists every move kind in order.
var Kinds = []Kind{Career, Related}

// String returns "career" or "related".
func (k Kind) String() string {
	if k == Related {
		return "related"
	}
	return "career"
}

// Source is the place in the input a fact was read from.
type Source struct {
	File string
	Line int
}

// String returns "file:line".
func (s Source) String() string { return s.File + ":" + strconv.Itoa(s.Line) }

// CompareSources orders sources by file, then line.
func CompareSources(a, b Source) int {
	return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
}

// Role is one node of the graph: an occupation or a role mentioned by one.
type Role struct {
	ID         string   // stable slug of Name, unique in the graph
	Name       string   // display name
	Names      []string // every written form and alias that names it, sorted
	Documented bool     // an occupation document describes it
	Reading    string   // kana reading, from its document
	// Classification runs from broad to narrow; empty for roles only
	// mentioned.
	Classification []string
	Docs           []string // files of the documents that describe it, sorted
	Profile        *Profile // what its documents list; nil when undocumented
}

// Move is a way from one role to another, written in at least one
// document. From and To are role IDs in the direction written.
type Move struct {
	From, To string
	Kind     Kind
	Sources  []Source // sorted
}

func compareMoves(a, b Move) int {
	return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To), cmp.Compare(a.Kind, b.Kind))
}
