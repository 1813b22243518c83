package main

import (
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/urfave/cli/v2"

	"careergraph/cmd/careergraph/internal/wire"
	"careergraph/graph"
)

// gapOptions are the flags of gap.
type gapOptions struct {
	route routeOptions
	json  bool
}

func gapCommand(global *globalOptions) *cli.Command {
	o := &gapOptions{}
	return &cli.Command{
		Name:      "gap",
		Usage:     "skills and qualifications to gain on the way from one role to another",
		ArgsUsage: "FROM TO",
		Flags:     append(o.route.flags(false), jsonFlag(&o.json)),
		Action: func(c *cli.Context) error {
			if err := o.route.check(false); err != nil {
				return err
			}
			g, from, to, opt, err := routeQuery(c, global, &o.route)
			if err != nil {
				return err
			}
			route, gaps, err := g.Gap(from.ID, to.ID, opt)
			w := answerWriter(c, o.json)
			if errors.Is(err, graph.ErrNoPath) && o.json {
				return noAnswerJSON(w, wire.Gap{From: from.Name, To: to.Name, Gaps: []wire.GapStep{}, Reason: err.Error()})
			}
			if err != nil {
				return noRoute(err, opt)
			}
			if o.json {
				return wire.Write(w, wire.NewGap(g, from, to, route, gaps))
			}
			return writeGap(w, g, from, to, route, gaps)
		},
	}
}

func writeGap(w io.Writer, g *graph.Graph, from, to graph.Role, route graph.Route, gaps []graph.Gap) error {
	fmt.Fprintf(w, "From %q to %q: cost %s, %s\n", from.Name, to.Name, costString(route.Cost), plural(len(route.Steps), "step", "steps"))
	writeSteps(w, g, route.Steps)
	if len(gaps) == 0 {
		fmt.Fprintln(w, "\nNo step has documents at both ends, so there are no skills to compare.")
		if p := to.Profile; p != nil {
			fmt.Fprintf(w, "What %q lists:\n", to.Name)
			for _, s := range append(slices.Clone(p.RequiredSkills), p.RecommendedSkills...) {
				fmt.Fprintf(w, "  skill          %s\n", s)
			}
			for _, q := range p.Qualifications {
				fmt.Fprintf(w, "  qualification  %s\n", q)
			}
		}
		return nil
	}
	for _, gp := range gaps {
		fmt.Fprintf(w, "\n%s → %s\n", name(g, gp.From), name(g, gp.To))
		if len(gp.Skills) == 0 && len(gp.Qualifications) == 0 {
			if r, _ := g.Role(gp.To); listsNothing(r.Profile) {
				fmt.Fprintln(w, "  nothing to compare: the target's documents list no skills or qualifications")
			} else {
				fmt.Fprintln(w, "  nothing new: the start already lists everything the target does")
			}
		}
		for _, s := range gp.Skills {
			fmt.Fprintf(w, "  skill          %s\n", s)
		}
		for _, q := range gp.Qualifications {
			fmt.Fprintf(w, "  qualification  %s\n", q)
		}
	}
	return nil
}

func listsNothing(p *graph.Profile) bool {
	return p == nil || len(p.RequiredSkills)+len(p.RecommendedSkills)+len(p.Qualifications) == 0
}
