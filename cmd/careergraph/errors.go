package main

import (
	"errors"
	"fmt"

	"careergraph/graph"
)

// Exit codes: 0 answered, 1 no answer, 2 bad usage or bad input.
const (
	exitNoAnswer = 1
	exitBadInput = 2
)

// usageError is a mistake in the command line. Like every error but "no
// answer" it exits 2; its own type keeps its message as it is, with no
// wrapping context.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// errNoAnswer is returned when a command ran fine and found nothing; its
// message has already been printed.
var errNoAnswer = errors.New("no answer")

// exitCode chooses the exit code of an error returned by run.
func exitCode(err error) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, graph.ErrNoPath), errors.Is(err, errNoAnswer):
		return exitNoAnswer
	default:
		return exitBadInput
	}
}
