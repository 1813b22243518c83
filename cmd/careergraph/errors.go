package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"careergraph/graph"
	"careergraph/graph/export"
	"careergraph/internal/outfile"
	"careergraph/loader"
)

// Exit codes: 0 answered, 1 no answer, 2 bad usage or bad input; 141,
// as a shell reports a death by SIGPIPE, when the answer's reader went
// away and the system would not let careergraph die of it.
const (
	exitAnswered   = 0
	exitNoAnswer   = 1
	exitBadInput   = 2
	exitBrokenPipe = 128 + 13
)

// usageError is a mistake in the command line; its message is printed as
// it is, with no wrapping context.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// errNoAnswer is returned when a command ran fine and found nothing; it
// has already said so on stdout.
var errNoAnswer = errors.New("no answer")

// noRouteError is a route search that found nothing; narrowedBy names
// the flags that narrowed the search (--no-lateral, --avoid, --no-down),
// which chooses the hint.
type noRouteError struct {
	err        error
	narrowedBy []string
}

func (e *noRouteError) Error() string { return e.err.Error() }
func (e *noRouteError) Unwrap() error { return e.err }

// outputError is an output file that could not be written; flag is the
// flag that named it.
type outputError struct {
	flag, name string
	err        error
}

func (e *outputError) Error() string { return fmt.Sprintf("%s %s: %v", e.flag, e.name, e.err) }
func (e *outputError) Unwrap() error { return e.err }

// report prints err to stderr with what to do about it, unless it is a
// no-answer the command has already explained, and returns the exit
// code. It is the one place where an error becomes a message and an exit
// code.
func report(stderr io.Writer, err error) int {
	code := exitCode(err)
	if err != nil && !errors.Is(err, errNoAnswer) {
		fmt.Fprintln(stderr, escapeText("careergraph: "+withHint(err)))
	}
	return code
}

// exitCode chooses the exit code of an error by its type.
func exitCode(err error) int {
	switch {
	case err == nil:
		return exitAnswered
	case errors.Is(err, errNoAnswer), errors.Is(err, graph.ErrNoPath):
		return exitNoAnswer
	default: // usage errors, unknown roles, unreadable input, unwritable output
		return exitBadInput
	}
}

// withHint returns err's message with what to do about it. The libraries
// say what is wrong; the command line knows its commands and flags and
// says what to type instead. A hint the message already holds is not
// repeated.
func withHint(err error) string {
	msg := err.Error()
	hint := ""
	var notFound *graph.NotFoundError
	var ambiguous *graph.AmbiguousError
	var noRoute *noRouteError
	var output *outputError
	switch {
	case errors.As(err, &notFound) && len(notFound.Suggestions) == 0:
		hint = "list roles with `careergraph roles`"
	case errors.As(err, &ambiguous) && len(ambiguous.Candidates) > 10:
		hint = fmt.Sprintf("`careergraph roles %q` lists them", ambiguous.Name)
	case errors.As(err, &noRoute):
		hint = "the documents link no chain of moves between them; `careergraph reach` shows where each leads"
		if len(noRoute.narrowedBy) > 0 {
			hint = "try again without " + strings.Join(noRoute.narrowedBy, " or ")
		}
	case errors.Is(err, export.ErrTooLarge):
		hint = "export a smaller selection (--ladder, --around --depth, --path --k) or use another format"
	case errors.As(err, &output):
		var fe *outfile.Error
		if errors.As(err, &fe) {
			hint = "choose another " + output.flag
		}
	case errors.As(err, new(*loader.AliasFileError)):
		hint = "give --aliases a CSV file of name,canonical rows"
	case errors.As(err, new(*loader.DataError)):
		hint = "give --data a file or folder of documents"
	case errors.Is(err, graph.ErrBadOption) && strings.Contains(msg, "lateral cost"):
		hint = fmt.Sprintf("give --lateral-cost from 1 to %d", graph.MaxLateralCost)
	}
	if hint == "" || strings.Contains(msg, hint) {
		return msg
	}
	return msg + " (" + hint + ")"
}
