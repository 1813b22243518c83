package wire

import (
	"errors"

	"careergraph/graph"
)

// Error is the answer to a question that could not be answered: what is
// wrong, and the role names that were meant when a name fitted none
// (the closest) or several (every one it fits). The server answers with
// it, and `--json` prints it on stdout besides the message on stderr.
type Error struct {
	Error      string   `json:"error"`
	Candidates []string `json:"candidates"`
}

// NewError returns the answer to a question that failed with err,
// described as msg.
func NewError(msg string, err error) Error {
	return Error{Error: msg, Candidates: Candidates(err)}
}

// Candidates returns the names err offers instead of a role name: a
// NotFoundError's suggestions or an AmbiguousError's candidates; empty,
// never nil, for any other error.
func Candidates(err error) []string {
	var nf *graph.NotFoundError
	var amb *graph.AmbiguousError
	switch {
	case errors.As(err, &nf):
		return emptyIfNil(nf.Suggestions)
	case errors.As(err, &amb):
		return emptyIfNil(amb.Candidates)
	}
	return []string{}
}
