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

// SourceStrings returns sources as "file:line" strings, in their order;
// never nil, so that JSON writes no sources as [].
func SourceStrings(src []Source) []string {
	out := make([]string, len(src))
	for i, s := range src {
		out[i] = s.String()
	}
	return out
}

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
	// Level is the role's preparation level, such as an O*NET Job Zone
	// (1–5); 0 when unknown.
	Level int
	// Code is the role's code in its source, such as an O*NET-SOC code;
	// empty when none.
	Code string
	// Description is what the source says the role does; empty when none.
	Description string
}

// Move is a way from one role to another, written in at least one
// source. From and To are role IDs in the direction written.
type Move struct {
	From, To string
	Kind     Kind
	Sources  []Source // sorted
	// Milli is the move's own cost in thousandths, from 1 to
	// MaxMoveCost×1000; 0 means the kind's default: a career move costs
	// 1 and a related move the query's lateral cost (DefaultLateralCost
	// unless set). Moves from documents have 0; imported moves carry
	// their source's cost.
	Milli int32
	// Attrs is what an imported move's source says of it; nil for moves
	// from documents. Shared with the graph: do not modify it.
	Attrs *MoveAttrs
}

// MoveAttrs is what a source says of an imported move besides its cost.
type MoveAttrs struct {
	Basis      string  // where the cost came from, e.g. "onet-related", "similarity", "given"
	Tier       string  // O*NET relatedness tier, e.g. "Primary-Short"; empty when none
	Index      int     // O*NET index (1 = strongest); 0 when none
	Similarity float64 // a pathway table's similarity, 0–1; 0 when none
	Note       string  // a spreadsheet's source or note column
}

// MaxMoveCost is the most a move's own cost may be, as for
// MaxLateralCost: route costs must stay far inside the range the searches
// count in.
const MaxMoveCost = MaxLateralCost

// Cost returns the move's cost as a number: its own cost, or the kind's
// default (1 for career, DefaultLateralCost for related) when it has
// none. A query's lateral cost changes only the default of related moves.
func (m Move) Cost() float64 {
	return float64(m.milli(DefaultLateralCost)) / 1000
}

// Priced reports whether the move has its own cost rather than its
// kind's default.
func (m Move) Priced() bool { return m.Milli > 0 }

// milli returns the move's cost in thousandths when a related move by
// default costs lateral.
func (m Move) milli(lateral int) int64 {
	switch {
	case m.Milli > 0:
		return int64(m.Milli)
	case m.Kind == Related:
		return int64(lateral) * 1000
	default:
		return 1000
	}
}
