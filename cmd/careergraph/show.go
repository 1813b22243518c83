package main

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
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
	if c.Code != "" || c.Level != 0 {
		var t table
		if c.Code != "" {
			t.add("Code", c.Code)
		}
		if c.Level != 0 {
			t.add("Level", levelString(c.Level, c.Code))
		}
		fmt.Fprintln(w)
		t.write(w, "")
	}
	if c.Description != "" {
		fmt.Fprintf(w, "\n%s\n", c.Description)
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
			if l.Cost != 0 {
				t.add(l.Role, "cost "+costString(l.Cost), sourceList(l.Sources))
			} else {
				t.add(l.Role, sourceList(l.Sources))
			}
		}
		t.write(w, "  ")
	}
	links("Comes from (career moves in)", c.CareerFrom)
	links("Leads to (career moves out)", c.CareerTo)
	// Related roles with a tier (O*NET) come by tier, strongest first.
	tiers := map[string][]wire.Link{}
	var plain []wire.Link
	for _, l := range c.Related {
		if l.Tier != "" {
			tiers[l.Tier] = append(tiers[l.Tier], l)
		} else {
			plain = append(plain, l)
		}
	}
	names := slices.Sorted(maps.Keys(tiers))
	slices.SortStableFunc(names, func(a, b string) int { return cmp.Compare(tierRank(a), tierRank(b)) })
	for _, tier := range names {
		ls := tiers[tier]
		slices.SortStableFunc(ls, func(a, b wire.Link) int { return cmp.Compare(a.Index, b.Index) })
		links("Related roles, "+tier+" (lateral moves)", ls)
	}
	links("Related roles (lateral moves)", plain)
	if len(c.Names) > 1 {
		fmt.Fprintf(w, "\nAlso written  %s\n", strings.Join(c.Names, "; "))
	}
	if len(c.Documents) > 0 {
		fmt.Fprintf(w, "\nSources  %s\n", strings.Join(c.Documents, ", "))
	}
}

// tierRank orders O*NET relatedness tiers, strongest first; others last.
func tierRank(tier string) int {
	switch strings.ToLower(tier) {
	case "primary-short":
		return 0
	case "primary-long":
		return 1
	case "supplemental":
		return 2
	}
	return 3
}

// levelString writes a level, as an O*NET Job Zone when the role has an
// O*NET-SOC code.
func levelString(level int, code string) string {
	if len(code) == 10 && code[2] == '-' && code[7] == '.' {
		return fmt.Sprintf("%d (O*NET Job Zone %d of 5)", level, level)
	}
	return strconv.Itoa(level)
}

// sourceList writes sources on one line, the first few and a count.
func sourceList(src []string) string {
	if len(src) > 3 {
		return strings.Join(src[:3], ", ") + fmt.Sprintf(" (+%d)", len(src)-3)
	}
	return strings.Join(src, ", ")
}
