package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"careergraph/cmd/careergraph/internal/wire"
	"careergraph/graph"
)

// similarOptions are the flags of similar.
type similarOptions struct {
	limit int
	json  bool
}

func similarCommand(global *globalOptions) *cli.Command {
	o := &similarOptions{}
	return &cli.Command{
		Name:      "similar",
		Usage:     "roles whose documents share skills, qualifications, aptitudes and classification with ROLE (suggestions, not documented moves)",
		ArgsUsage: "ROLE",
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "limit", Value: 10, Usage: "at most `N` roles (0: all)", Destination: &o.limit},
			jsonFlag(&o.json),
		},
		Action: func(c *cli.Context) error {
			if o.limit < 0 {
				return usagef("--limit %d: give 0 (all) or more", o.limit)
			}
			g, role, err := roleQuery(c, global)
			if err != nil {
				return err
			}
			found, err := g.Similar(role.ID, o.limit)
			if err != nil {
				return err
			}
			answer := wire.NewSimilar(g, role, found)
			w := answerWriter(c, o.json)
			if len(found) == 0 {
				answer.Reason = "no documented role shares anything with this role's documents"
				if role.Profile == nil {
					answer.Reason = "no document describes this role, so there is nothing to compare"
				}
			}
			if o.json {
				if len(found) == 0 {
					return noAnswerJSON(w, answer)
				}
				return wire.Write(w, answer)
			}
			writeSimilar(w, answer, textWidth(c.App.Writer))
			if len(found) == 0 {
				return errNoAnswer
			}
			return nil
		},
	}
}

func writeSimilar(w io.Writer, a wire.Similar, width int) {
	if len(a.Similar) == 0 {
		fmt.Fprintf(w, "%q: %s\n", a.Role, a.Reason)
		return
	}
	fmt.Fprintf(w, "Roles whose documents share the most with %q\n", a.Role)
	fmt.Fprintf(w, "(suggestions from shared content, not documented moves; score: %d a shared skill or qualification, %d a shared aptitude, %d a shared classification level)\n",
		graph.SimilarSkillPoints, graph.SimilarAptitudePoints, graph.SimilarClassPoints)
	for _, s := range a.Similar {
		fmt.Fprintf(w, "\n%s  %s\n", strconv.Itoa(s.Score), s.Role)
		for _, l := range []struct {
			label string
			items []string
		}{{"skills", s.Skills}, {"qualifications", s.Qualifications}, {"aptitudes", s.Aptitudes}, {"class", s.Class}} {
			if len(l.items) > 0 {
				writeItems(w, l.label, []string{strings.Join(l.items, "; ")}, width)
			}
		}
	}
}
