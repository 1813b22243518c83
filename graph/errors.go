package graph

import (
	"errors"
	"fmt"
	"strings"
)

// Errors that queries return, to be matched with errors.Is.
var (
	ErrNotFound  = errors.New("not found")
	ErrAmbiguous = errors.New("ambiguous")
	ErrNoPath    = errors.New("no path")
	ErrBadOption = errors.New("option out of range")
)

// NotFoundError reports a role name that names no role, with the closest
// names for a "did you mean". It matches ErrNotFound with errors.Is.
type NotFoundError struct {
	Name        string
	Suggestions []string // display names, closest first; may be empty
}

// Error says the name was not found and which names come closest:
// `role "Mayr": not found (did you mean "Mayor"?)`.
func (e *NotFoundError) Error() string {
	if len(e.Suggestions) == 0 {
		return fmt.Sprintf("role %q: %v", e.Name, ErrNotFound)
	}
	return fmt.Sprintf("role %q: %v (did you mean %s?)", e.Name, ErrNotFound, quoteList(e.Suggestions))
}

// Unwrap returns ErrNotFound.
func (e *NotFoundError) Unwrap() error { return ErrNotFound }

// AmbiguousError reports a name that fits more than one role. It matches
// ErrAmbiguous with errors.Is.
type AmbiguousError struct {
	Name       string
	Candidates []string // display names, sorted
}

// MaxCandidates is how many of an AmbiguousError's candidates its
// message names; the error holds them all.
const MaxCandidates = 10

// Error names the candidates, the first MaxCandidates of many, and asks
// for the full name.
func (e *AmbiguousError) Error() string {
	if n := len(e.Candidates); n > MaxCandidates {
		return fmt.Sprintf("role %q: %v: it could be any of %d roles, such as %s (give the full name)",
			e.Name, ErrAmbiguous, n, quoteList(e.Candidates[:MaxCandidates]))
	}
	return fmt.Sprintf("role %q: %v: it could be %s (give the full name)", e.Name, ErrAmbiguous, quoteList(e.Candidates))
}

// Unwrap returns ErrAmbiguous.
func (e *AmbiguousError) Unwrap() error { return ErrAmbiguous }

// quoteList quotes names and joins them: "a", "b" or "c".
func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	if len(q) <= 1 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}
