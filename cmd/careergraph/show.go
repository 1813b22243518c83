package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"careergraph/cmd/careergraph/internal/wire"
)

// showOptions are the flags of show.
type showOptions struct {
	json bool
}

func showCommand(global *globalOptions) *cli.Command {
	o := &showOptions{}
	return &cli.Command{
		Name:      "show",
		Usage:     "an occupation's card: what it is, what it asks, where it leads",
		ArgsUsage: "ROLE",
		Flags:     []cli.Flag{jsonFlag(&o.json)},
		Action: func(c *cli.Context) error {
			g, role, err := roleQuery(c, global)
			if err != nil {
				return err
			}
			out, in, err := g.MovesOf(role.ID)
			if err != nil {
				return err
			}
			card := wire.NewCard(g, role, out, in)
			w := answerWriter(c, o.json)
			if o.json {
				return wire.Write(w, card)
			}
			writeCard(w, card)
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
