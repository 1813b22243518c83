package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strings"
)

// jsonStream writes a JSON document byte for byte as a json.Encoder
// with SetIndent("", "  ") and SetEscapeHTML(false) writes it whole
// (indented by two spaces, <, > and & left as they are), but its large
// arrays element by element: a graph's nodes and moves are never all held
// as JSON at once, nor as the structs they are encoded from (at 100k
// documents, encoding the whole document took 4 GB and 50 s). The
// document's fixed parts are written as they are (str), its arrays by
// array. Once a write or an element's encoding fails, nothing more is
// made or written, and what was written before stays written.
type jsonStream struct {
	w   *bufio.Writer
	buf bytes.Buffer // one element's JSON
	enc *json.Encoder
	err error
}

func newJSONStream(w io.Writer) *jsonStream {
	s := &jsonStream{w: bufio.NewWriterSize(w, 64<<10)}
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
	return s
}

// str writes text as it is.
func (s *jsonStream) str(text string) {
	if s.err == nil {
		_, s.err = s.w.WriteString(text)
	}
}

// array writes the member `"key": [...]` of an object at depth (the
// document's own members are at depth 1) with n elements, elem(i) each,
// in order; an empty array is []. Its comma or the object's end is the
// caller's to write.
func (s *jsonStream) array(depth int, key string, n int, elem func(i int) any) {
	indent := strings.Repeat("  ", depth)
	s.str(indent + `"` + key + `": [`)
	if n == 0 {
		s.str("]")
		return
	}
	s.enc.SetIndent(indent+"  ", "  ")
	for i := range n {
		if s.err != nil {
			return
		}
		if i > 0 {
			s.str(",")
		}
		s.str("\n" + indent + "  ")
		s.buf.Reset()
		if s.err = s.enc.Encode(elem(i)); s.err != nil {
			return
		}
		_, s.err = s.w.Write(bytes.TrimSuffix(s.buf.Bytes(), []byte("\n")))
	}
	s.str("\n" + indent + "]")
}

// flush writes what is buffered and returns the first error.
func (s *jsonStream) flush() error {
	if s.err != nil {
		return s.err
	}
	return s.w.Flush()
}
