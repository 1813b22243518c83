package export

import (
	"bufio"
	"encoding/xml"
	"io"
)

// xmlStream writes an XML document, indented by two spaces, with its
// declaration and a final newline, byte for byte as an xml.Encoder writes
// one value holding it all, but a graph's nodes and moves element by
// element (elements), between start and end tags written as tokens
// (start, end): they are never all held as the structs they are encoded
// from (at 100k documents, GraphML took 1.7 GB that way). The encoder
// indents tokens and elements alike. Once a write fails, nothing more is
// made or written, and what was written before stays written.
type xmlStream struct {
	w   *bufio.Writer
	enc *xml.Encoder
	err error
}

// newXMLStream starts the document with its declaration.
func newXMLStream(w io.Writer) *xmlStream {
	s := &xmlStream{w: bufio.NewWriterSize(w, 64<<10)}
	_, s.err = s.w.WriteString(xml.Header)
	// The encoder flushes its buffer after every element: given a
	// *bufio.Writer, it would take it for its own and flush it, one write
	// to w for every node and move. Hidden, it flushes into it.
	s.enc = xml.NewEncoder(struct{ io.Writer }{s.w})
	s.enc.Indent("", "  ")
	return s
}

// start writes the start tag of name with attributes from attr's name,
// value pairs, in order.
func (s *xmlStream) start(name string, attr ...string) {
	t := xml.StartElement{Name: xml.Name{Local: name}}
	for i := 0; i+1 < len(attr); i += 2 {
		t.Attr = append(t.Attr, xml.Attr{Name: xml.Name{Local: attr[i]}, Value: attr[i+1]})
	}
	s.token(t)
}

// end writes the end tag of name.
func (s *xmlStream) end(name string) { s.token(xml.EndElement{Name: xml.Name{Local: name}}) }

func (s *xmlStream) token(t xml.Token) {
	if s.err == nil {
		s.err = s.enc.EncodeToken(t)
	}
}

// elements writes n elements called name, elem(i) each, in order.
func (s *xmlStream) elements(name string, n int, elem func(i int) any) {
	start := xml.StartElement{Name: xml.Name{Local: name}}
	for i := 0; i < n && s.err == nil; i++ {
		s.err = s.enc.EncodeElement(elem(i), start)
	}
}

// close ends the document with a newline and writes what is buffered; it
// returns the first error. Every start tag must have had its end.
func (s *xmlStream) close() error {
	if s.err == nil {
		s.err = s.enc.Close()
	}
	if s.err == nil {
		_, s.err = s.w.WriteString("\n")
	}
	if s.err != nil {
		return s.err
	}
	return s.w.Flush()
}
