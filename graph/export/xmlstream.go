package export

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
)

// xmlStream writes an XML document, indented by two spaces, with its
// declaration and a final newline, byte for byte as an xml.Encoder writes
// one value holding it all, but a graph's nodes and moves element by
// element (element), between start and end tags written as tokens
// (start, end): they are never all held as the structs they are encoded
// from (at 100k documents, GraphML took 1.9 GB that way). The encoder
// indents tokens and elements alike.
type xmlStream struct {
	w   *bufio.Writer
	enc *xml.Encoder
	err error
}

// newXMLStream starts the document with its declaration.
func newXMLStream(w io.Writer) *xmlStream {
	s := &xmlStream{w: bufio.NewWriterSize(w, 64<<10)}
	_, s.err = s.w.WriteString(xml.Header)
	s.enc = xml.NewEncoder(s.w)
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

// element writes v as the element name.
func (s *xmlStream) element(v any, name string) {
	if s.err == nil {
		if s.err = s.enc.EncodeElement(v, xml.StartElement{Name: xml.Name{Local: name}}); s.err != nil {
			s.err = fmt.Errorf("encode xml: %w", s.err)
		}
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
