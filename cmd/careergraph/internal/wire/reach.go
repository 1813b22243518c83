package wire

import (
	"careergraph/graph"
	"strings"
)

// Reached is a role reached and the cheapest way there. Kind is the kinds
// of move that route takes: "career" (career moves only), "related"
// (lateral moves only) or "both".
type Reached struct {
	Role  string  `json:"role"`
	Cost  float64 `json:"cost"`
	Steps int     `json:"steps"`
	Kind  string  `json:"kind"`
}

// ReachCounts are how many roles are reached each way.
type ReachCounts struct {
	Career  int `json:"career"`
	Related int `json:"related"`
	Both    int `json:"both"`
}

// Reach is the answer of reach: every role a role leads to (or, reversed,
// that leads to it), cheapest first.
type Reach struct {
	Role    string      `json:"role"`
	Reverse bool        `json:"reverse"`
	Reached []Reached   `json:"reached"`
	Counts  ReachCounts `json:"counts"`
	Reason  string      `json:"reason,omitempty"` // why Reached is empty
}

// NewReach returns the answer of a reach question. Each role is named by
// its Reached.Name; g is not consulted.
func NewReach(g *graph.Graph, role graph.Role, reverse bool, reached []graph.Reached) Reach {
	out := Reach{Role: role.Name, Reverse: reverse, Reached: make([]Reached, 0, len(reached))}
	for _, r := range reached {
		out.Reached = append(out.Reached, Reached{r.Name, r.Cost, r.Steps, r.Via.String()})
		switch r.Via {
		case graph.ViaCareer:
			out.Counts.Career++
		case graph.ViaRelated:
			out.Counts.Related++
		default:
			out.Counts.Both++
		}
	}
	return out
}

// LadderMove is a career move of a ladder.
type LadderMove struct {
	From    string   `json:"from"`
	To      string   `json:"to"`
	Sources []string `json:"sources"`
}

// Ladder is the answer of ladder: the rungs below and above a role,
// nearest first, each a list of role names.
type Ladder struct {
	Role   string       `json:"role"`
	Below  [][]string   `json:"below"`
	Above  [][]string   `json:"above"`
	Moves  []LadderMove `json:"moves"`
	Reason string       `json:"reason,omitempty"` // why Below and Above are empty
}

// NewLadder returns the answer of a ladder question.
func NewLadder(g *graph.Graph, role graph.Role, l graph.Ladder) Ladder {
	rungs := func(rs [][]string) [][]string {
		out := [][]string{}
		for _, r := range rs {
			out = append(out, g.NamesOf(r))
		}
		return out
	}
	out := Ladder{Role: role.Name, Below: rungs(l.Below), Above: rungs(l.Above), Moves: []LadderMove{}}
	for _, m := range l.Moves {
		out.Moves = append(out.Moves, LadderMove{g.NameOf(m.From), g.NameOf(m.To), graph.SourceStrings(m.Sources)})
	}
	return out
}

// ReachReason says why a reach found no role: the options that narrowed
// it (a maximum cost, career moves only, no move down a level), or that
// no move leads from (or to) the role at all.
func ReachReason(opt graph.ReachOptions) string {
	var limits []string
	if opt.MaxCost > 0 {
		limits = append(limits, "the maximum cost")
	}
	if opt.CareerOnly {
		limits = append(limits, "career moves only")
	}
	if opt.NoDown {
		limits = append(limits, "no move down a level")
	}
	if len(limits) > 0 {
		return "no role within " + strings.Join(limits, ", ")
	}
	if opt.Reverse {
		return "no move leads to this role"
	}
	return "no move leads from this role"
}
