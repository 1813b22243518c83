package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"

	"careergraph/graph"
)

// table prints rows in aligned columns; widths count East Asian wide
// characters double, so kana lines up.
type table struct {
	rows [][]string
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) write(w io.Writer, indent string) error {
	var widths []int
	for _, r := range t.rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], runewidth.StringWidth(c))
		}
	}
	for _, r := range t.rows {
		var b strings.Builder
		b.WriteString(indent)
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-runewidth.StringWidth(c)+2))
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

func joinComma(parts []string) string { return strings.Join(parts, ", ") }

// sourceStrings returns sources as "file:line" strings.
func sourceStrings(src []graph.Source) []string {
	out := make([]string, len(src))
	for i, s := range src {
		out[i] = s.String()
	}
	return out
}

// names maps role IDs to display names.
func names(g *graph.Graph, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = name(g, id)
	}
	return out
}

func name(g *graph.Graph, id string) string {
	if r, ok := g.Role(id); ok {
		return r.Name
	}
	return id
}
