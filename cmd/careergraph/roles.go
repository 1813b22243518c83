package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"careergraph/cmd/careergraph/internal/wire"
	"careergraph/graph"
)

// rolesOptions are the flags of roles.
type rolesOptions struct {
	documented bool
	limit      int
	json       bool
}

func rolesCommand(global *globalOptions) *cli.Command {
	o := &rolesOptions{}
	return &cli.Command{
		Name:      "roles",
		Usage:     "list roles, or search them by name, alias or kana reading",
		ArgsUsage: "[QUERY]",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "documented", Usage: "only roles a document describes", Destination: &o.documented},
			&cli.IntFlag{Name: "limit", Usage: "at most `N` roles (0: all)", Destination: &o.limit},
			jsonFlag(&o.json),
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 1 {
				return usagef("roles takes at most one query; got %d arguments (quote names with spaces)", c.NArg())
			}
			if o.limit < 0 {
				return usagef("--limit %d: give 0 (all) or more", o.limit)
			}
			corpus, err := loadCorpus(c, global, false)
			if err != nil {
				return err
			}
			query := c.Args().First()
			var found []graph.Match
			for _, m := range corpus.Graph.Search(query, 0) {
				if !o.documented || m.Role.Documented {
					found = append(found, m)
				}
			}
			if o.limit > 0 && len(found) > o.limit {
				found = found[:o.limit]
			}
			w := answerWriter(c, o.json)
			if o.json {
				answer := wire.NewRoles(query, found)
				if len(found) == 0 {
					answer.Reason = "no role matches"
					return noAnswerJSON(w, answer)
				}
				return wire.Write(w, answer)
			}
			writeRoles(w, query, found)
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
