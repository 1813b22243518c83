// Package wire is the JSON contract of careergraph's answers: the types
// that `careergraph … --json` prints and the functions that build them
// from library results. The command line and the web server (`careergraph
// serve`) both print through this package, so the same question gets
// byte-for-byte the same JSON from either.
//
// Every list is written as [] rather than null. An answer that found
// nothing keeps its shape, with empty lists and a Reason saying why.
package wire

import (
	"bytes"
	"encoding/json"
	"io"
)

// Write prints v as indented JSON with a trailing newline, without
// escaping <, > and & (names such as "R&D Manager" stay readable).
// Reach and Path answers write themselves, to the same bytes.
func Write(w io.Writer, v any) error {
	if a, ok := v.(indented); ok {
		// Into a buffer's own room when writing to one: a long answer
		// is then made and copied once.
		var b []byte
		if buf, ok := w.(*bytes.Buffer); ok {
			buf.Grow(a.size())
			b = buf.AvailableBuffer()
		} else {
			b = make([]byte, 0, a.size())
		}
		if b, ok := a.appendIndented(b); ok {
			_, err := w.Write(b)
			return err
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// emptyIfNil keeps JSON arrays as [] rather than null.
func emptyIfNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
