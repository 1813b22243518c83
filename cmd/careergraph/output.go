package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"careergraph/internal/outfile"
)

// answerWriter returns where a command prints its answer: the app's
// writer, through escapeText unless the answer is JSON (which escapes
// for itself, and must be the same bytes as the web server's).
func answerWriter(c *cli.Context, json bool) io.Writer {
	if json {
		return c.App.Writer
	}
	return textWriter{c.App.Writer}
}

// textWriter passes what is written through escapeText.
type textWriter struct{ w io.Writer }

func (t textWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(t.w, escapeText(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// escapeText returns s with every character that could take over a
// terminal or reorder what it shows written visibly instead: C0 controls
// but newline and tab, DEL and C1 controls as \x1b or \u0085, and the
// bidirectional and invisible format characters (U+061C, U+200B–U+200F,
// U+2028–U+202E, U+2060–U+2069, U+FEFF) as \u202e. Documents are
// anyone's text; what careergraph prints must not become a terminal's
// commands.
func escapeText(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				fmt.Fprintf(&b, `\x%02x`, s[i])
				continue
			}
		}
		switch {
		case !escaped(r):
			b.WriteRune(r)
		case r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

func needsEscape(s string) bool {
	for i, r := range s {
		if escaped(r) {
			return true
		}
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return true
			}
		}
	}
	return false
}

func escaped(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r == 0x061c, r >= 0x200b && r <= 0x200f, r >= 0x2028 && r <= 0x202e,
		r >= 0x2060 && r <= 0x2069, r == 0xfeff:
		return true
	}
	return false
}

// writeOutput writes the file name, given by flag (-o), through outfile.
func writeOutput(flag, name string, write func(io.Writer) error) error {
	err := outfile.Write(name, write)
	var fe *outfile.Error
	if errors.As(err, &fe) {
		return &outputError{flag: flag, name: name, err: err}
	}
	return err
}

// table prints rows in aligned columns; widths count East Asian wide
// characters double, so kana lines up. Cells are escaped (escapeText)
// before they are measured.
type table struct {
	rows [][]string
}

func (t *table) add(cells ...string) {
	for i, c := range cells {
		cells[i] = escapeText(c)
	}
	t.rows = append(t.rows, cells)
}

func (t *table) write(w io.Writer, indent string) error {
	var widths []int
	for _, r := range t.rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], cellWidth(c))
		}
	}
	for _, r := range t.rows {
		var b strings.Builder
		b.WriteString(indent)
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-cellWidth(c)+2))
			}
		}
		if _, err := fmt.Fprintln(w, strings.TrimRight(b.String(), " ")); err != nil {
			return err
		}
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// costString writes a cost as its shortest exact decimal: "3", "2.345".
func costString(c float64) string { return strconv.FormatFloat(c, 'f', -1, 64) }

// unwrapPath returns the reason of a file-system error without the path
// it names, for messages that name the path their own way.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
