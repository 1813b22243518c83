// Package dot holds what careergraph's DOT writers (the export format and
// the pictures) share: how a string is quoted in Graphviz's language.
package dot

import "strings"

// Quote returns s as a DOT double-quoted string. Inside one, Graphviz
// reads \" as a quote and, in labels and tooltips, \\ as a backslash and
// \n as a line break; every other character, UTF-8 included, stands for
// itself. Backslashes are doubled, so Graphviz's label escapes (\N, \l …)
// cannot be triggered by a name and a trailing backslash cannot swallow
// the closing quote. Line breaks become \n; carriage returns are dropped.
func Quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
