package source

import (
	"bufio"
	"bytes"
	"careergraph/graph"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// MaxTableBytes bounds the size of one table file a reader accepts, so
// that a hostile or mistaken file cannot exhaust memory: 256 MiB, far
// above O*NET's largest text file.
const MaxTableBytes = 256 << 20

// maxTableBytes is MaxTableBytes, lowered by tests.
var maxTableBytes int64 = MaxTableBytes

// ErrTooLarge is returned for a file larger than MaxTableBytes.
var ErrTooLarge = errors.New("file too large")

// limitedReader fails with ErrTooLarge once more than max bytes are read.
type limitedReader struct {
	r   io.Reader
	n   int64
	max int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n > l.max {
		return 0, fmt.Errorf("%w: more than %d MiB", ErrTooLarge, l.max>>20)
	}
	if int64(len(p)) > l.max-l.n+1 {
		p = p[:l.max-l.n+1]
	}
	n, err := l.r.Read(p)
	l.n += int64(n)
	if l.n > l.max {
		return n, fmt.Errorf("%w: more than %d MiB", ErrTooLarge, l.max>>20)
	}
	return n, err
}

func limit(r io.Reader) io.Reader { return &limitedReader{r: r, max: maxTableBytes} }

// headerKey is the form column names are matched in: lower case, with
// '_', '-' and runs of white space read as one space, trimmed.
func headerKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(s, "\uFEFF")))
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == '_' || r == '-' || r == ' ' || r == '\t'
	}), " ")
}

// sniffDelimiter returns the delimiter of a header line: the most frequent
// of tab, semicolon and comma outside double quotes; tab wins ties, then
// semicolon. It returns 0 when the line has none.
func sniffDelimiter(line string) rune {
	var tabs, semis, commas int
	quoted := false
	for _, r := range line {
		switch r {
		case '"':
			quoted = !quoted
		case '\t':
			if !quoted {
				tabs++
			}
		case ';':
			if !quoted {
				semis++
			}
		case ',':
			if !quoted {
				commas++
			}
		}
	}
	switch {
	case tabs > 0 && tabs >= semis && tabs >= commas:
		return '\t'
	case semis > 0 && semis >= commas:
		return ';'
	case commas > 0:
		return ','
	}
	return 0
}

// table reads a delimited table (CSV, TSV or semicolons; RFC 4180 quoting;
// a UTF-8 BOM and CRLF line ends allowed) whose first row names its
// columns.
type table struct {
	name   string
	header []string       // as written
	cols   map[string]int // headerKey → first column of that name
	cr     *csv.Reader
}

// openTable reads the header row of r.
func openTable(r io.Reader, name string) (*table, error) {
	br := bufio.NewReader(limit(r))
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\xEF\xBB\xBF")) {
		br.Discard(3)
	}
	first, err := br.ReadString('\n')
	if err != nil && err != io.EOF {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if strings.TrimSpace(first) == "" {
		return nil, fmt.Errorf("%s:1: no header row", name)
	}
	delim := sniffDelimiter(first)
	if delim == 0 {
		delim = ','
	}
	cr := csv.NewReader(io.MultiReader(strings.NewReader(first), br))
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s:1: header row: %w", name, csvCause(err))
	}
	t := &table{name: name, header: header, cols: map[string]int{}, cr: cr}
	for i, h := range header {
		k := headerKey(h)
		if _, ok := t.cols[k]; !ok && k != "" {
			t.cols[k] = i
		}
	}
	return t, nil
}

// col returns the index of the first column named by one of keys, or -1.
func (t *table) col(keys ...string) int {
	for _, k := range keys {
		if i, ok := t.cols[k]; ok {
			return i
		}
	}
	return -1
}

// next returns the next row and its line. A row that is not valid CSV
// comes back as a problem (rowErr set) and reading goes on; err is io.EOF
// at the end, or a reason to stop (ErrTooLarge, a read error).
func (t *table) next() (row []string, line int, rowErr, err error) {
	for {
		row, err = t.cr.Read()
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && isCSVSyntax(pe.Err) {
				return nil, pe.StartLine, csvSyntax(pe), nil
			}
			return nil, 0, nil, csvCause(err)
		}
		line, _ = t.cr.FieldPos(0)
		if blank(row) {
			continue
		}
		for i, f := range row {
			if !utf8.ValidString(f) {
				row[i] = strings.ToValidUTF8(f, "\uFFFD")
			}
			row[i] = strings.TrimSpace(row[i])
		}
		return row, line, nil, nil
	}
}

// csvSyntax says what is wrong with a row that is not valid CSV, and
// what to do, in a spreadsheet user's words. A quote left open runs on
// to the end of the file (or to the next quote), taking the rows after
// it: the message says which lines were lost.
func csvSyntax(pe *csv.ParseError) error {
	switch {
	case errors.Is(pe.Err, csv.ErrQuote) && pe.Line > pe.StartLine:
		return fmt.Errorf("a quoted field opened on this line is not closed before line %d, so lines %d–%d are lost (close the quote, or double a quote inside a quoted field: \"\")", pe.Line, pe.StartLine, pe.Line)
	case errors.Is(pe.Err, csv.ErrQuote):
		return fmt.Errorf("a quote is not closed or is followed by more text (close the quote, or double a quote inside a quoted field: \"\")")
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return fmt.Errorf("a quote inside an unquoted field (quote the whole field and double the quote: \"5\"\" tall\")")
	}
	return pe.Err
}

// each calls fn with every row of t and its line. A row that is not
// valid CSV becomes an error problem in s and is skipped; each returns a
// reason to stop reading (ErrTooLarge, a read error), or nil at the end.
func (t *table) each(s *Set, fn func(row []string, line int)) error {
	for {
		row, line, rowErr, err := t.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return readError(t.name, err)
		}
		if rowErr != nil {
			s.errorf(t.name, line, "%v: row skipped", rowErr)
			continue
		}
		fn(row, line)
	}
}

// namedRoles adds each name a table's moves give to its Set's roles once,
// by normal form, in the order the names first appear.
type namedRoles struct {
	s    *Set
	file string
	seen map[string]bool
}

func (r *namedRoles) add(n string, line int) {
	if k := graph.NormalName(n); !r.seen[k] {
		r.seen[k] = true
		r.s.Roles = append(r.s.Roles, Role{Name: n, Source: graph.Source{File: r.file, Line: line}})
	}
}

func isCSVSyntax(err error) bool {
	return errors.Is(err, csv.ErrQuote) || errors.Is(err, csv.ErrBareQuote) || errors.Is(err, csv.ErrFieldCount)
}

func csvCause(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func blank(row []string) bool {
	for _, f := range row {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// field returns row[i] trimmed, or "" when the column is absent or the
// row short.
func field(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return row[i]
}

// tsv reads a tab-separated file without quoting, as O*NET writes its
// text release: one record a line, a header first.
type tsv struct {
	name   string
	sc     *bufio.Scanner
	line   int
	header []string
	cols   map[string]int
}

// maxLineBytes bounds one line of a tab-separated file.
const maxLineBytes = 4 << 20

func openTSV(r io.Reader, name string) (*tsv, error) {
	sc := bufio.NewScanner(limit(r))
	sc.Buffer(make([]byte, 0, 64<<10), maxLineBytes)
	t := &tsv{name: name, sc: sc, cols: map[string]int{}}
	row, err := t.next()
	if err != nil {
		if err == io.EOF {
			return nil, fmt.Errorf("%s:1: no header row", name)
		}
		return nil, err
	}
	if len(row) > 0 {
		row[0] = strings.TrimPrefix(row[0], "\uFEFF")
	}
	t.header = row
	for i, h := range row {
		k := headerKey(h)
		if _, ok := t.cols[k]; !ok && k != "" {
			t.cols[k] = i
		}
	}
	return t, nil
}

// next returns the next non-blank line split at tabs, fields trimmed.
func (t *tsv) next() ([]string, error) {
	for t.sc.Scan() {
		t.line++
		s := strings.TrimRight(t.sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			continue
		}
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		row := strings.Split(s, "\t")
		for i := range row {
			row[i] = strings.TrimSpace(row[i])
		}
		return row, nil
	}
	if err := t.sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("%s:%d: line longer than %d MiB", t.name, t.line+1, maxLineBytes>>20)
		}
		return nil, fmt.Errorf("%s: %w", t.name, err)
	}
	return nil, io.EOF
}

// need returns the columns named, or an error listing those missing.
func (t *tsv) need(names ...string) ([]int, error) {
	idx := make([]int, len(names))
	var missing []string
	for i, n := range names {
		j, ok := t.cols[headerKey(n)]
		if !ok {
			missing = append(missing, fmt.Sprintf("%q", n))
		}
		idx[i] = j
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s:1: %w: no column %s (header: %s)", t.name, ErrUnknownLayout,
			strings.Join(missing, ", "), strings.Join(t.header, " | "))
	}
	return idx, nil
}

// opt returns the column named, or -1.
func (t *tsv) opt(name string) int {
	if i, ok := t.cols[headerKey(name)]; ok {
		return i
	}
	return -1
}
