package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"careergraph/cmd/careergraph/internal/wire"
	"careergraph/graph"
)

func rolesCommand() *cli.Command {
	return &cli.Command{
		Name:      "roles",
		Usage:     "list roles, or search them by name, alias or kana reading",
		ArgsUsage: "[QUERY]",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "documented", Usage: "only roles a document describes"},
			&cli.IntFlag{Name: "limit", Usage: "at most `N` roles (0: all)"},
			jsonFlag,
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 1 {
				return usagef("roles takes at most one query; got %d arguments (quote names with spaces)", c.NArg())
			}
			if c.Int("limit") < 0 {
				return usagef("--limit %d: give 0 (all) or more", c.Int("limit"))
			}
			corpus, err := loadCorpus(c, false)
			if err != nil {
				return err
			}
			g := corpus.Graph
			query := c.Args().First()
			var found []graph.Match
			for _, m := range g.Search(query, 0) {
				if !c.Bool("documented") || m.Role.Documented {
					found = append(found, m)
				}
			}
			if n := c.Int("limit"); n > 0 && len(found) > n {
				found = found[:n]
			}
			if c.Bool("json") {
				if err := wire.Write(c.App.Writer, wire.NewRoles(query, found)); err != nil {
					return err
				}
			} else {
				writeRoles(c.App.Writer, query, found)
			}
			if len(found) == 0 {
				return errNoAnswer
			}
			return nil
		},
	}
}

func writeRoles(w io.Writer, query string, found []graph.Match) {
	if query != "" {
		fmt.Fprintf(w, "%s matching %q (* documented)\n\n", plural(len(found), "role", "roles"), query)
	} else {
		fmt.Fprintf(w, "%s (* documented)\n\n", plural(len(found), "role", "roles"))
	}
	var t table
	for _, m := range found {
		mark := " "
		if m.Role.Documented {
			mark = "*"
		}
		extra := m.Role.Reading
		if query != "" && m.MatchBy != m.Role.Name && m.MatchBy != m.Role.Reading {
			extra = strings.TrimSpace(extra + "  (as " + fmt.Sprintf("%q", m.MatchBy) + ")")
		}
		t.add(mark, m.Role.Name, extra)
	}
	t.write(w, "")
}

func showCommand() *cli.Command {
	return &cli.Command{
		Name:      "show",
		Usage:     "an occupation's card: what it is, what it asks, where it leads",
		ArgsUsage: "ROLE",
		Flags:     []cli.Flag{jsonFlag},
		Action: func(c *cli.Context) error {
			g, role, err := roleQuery(c)
			if err != nil {
				return err
			}
			out, in, err := g.MovesOf(role.ID)
			if err != nil {
				return err
			}
			card := wire.NewCard(g, role, out, in)
			if c.Bool("json") {
				return wire.Write(c.App.Writer, card)
			}
			writeCard(c.App.Writer, card)
			return nil
		},
	}
}

// writeCard prints a role's card as text.
func writeCard(w io.Writer, c wire.Card) {
	fmt.Fprintln(w, c.Name)
	if c.Reading != "" {
		fmt.Fprintln(w, c.Reading)
	}
	if !c.Documented {
		fmt.Fprintln(w, "(mentioned in the documents; none describes it)")
	}
	if len(c.Classification) > 0 {
		fmt.Fprintf(w, "\nClassification  %s\n", strings.Join(c.Classification, " / "))
	}
	if c.Summary != "" {
		fmt.Fprintf(w, "\n%s\n", c.Summary)
	}
	list := func(title string, items []string) {
		if len(items) > 0 {
			fmt.Fprintf(w, "\n%s\n", title)
			for _, s := range items {
				fmt.Fprintf(w, "  - %s\n", s)
			}
		}
	}
	list("Required skills", c.RequiredSkills)
	list("Recommended skills", c.RecommendedSkills)
	list("Qualifications", c.Qualifications)
	links := func(title string, ls []wire.Link) {
		if len(ls) == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s\n", title)
		var t table
		for _, l := range ls {
			t.add(l.Role, strings.Join(l.Sources, ", "))
		}
		t.write(w, "  ")
	}
	links("Comes from (career moves in)", c.CareerFrom)
	links("Leads to (career moves out)", c.CareerTo)
	links("Related roles (lateral moves)", c.Related)
	if len(c.Names) > 1 {
		fmt.Fprintf(w, "\nAlso written  %s\n", strings.Join(c.Names, "; "))
	}
	if len(c.Documents) > 0 {
		fmt.Fprintf(w, "\nSources  %s\n", strings.Join(c.Documents, ", "))
	}
}
