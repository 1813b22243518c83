package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

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
		Usage:     "what each role on the way from one role to another adds: skills and qualifications to gain",
		ArgsUsage: "FROM TO",
		Flags:     append(o.route.flags(true), jsonFlag(&o.json)),
		Action: func(c *cli.Context) error {
			if err := o.route.check(true); err != nil {
				return err
			}
			g, from, to, opt, err := routeQuery(c, global, &o.route)
			if err != nil {
				return err
			}
			routes, err := g.Paths(from.ID, to.ID, o.route.k, opt)
			w := answerWriter(c, o.json)
			if errors.Is(err, graph.ErrNoPath) && o.json {
				return noAnswerJSON(w, wire.NoGap(from.Name, to.Name, err.Error()))
			}
			if err != nil {
				return noRoute(err, opt)
			}
			gaps := make([]graph.RouteGap, len(routes))
			for i, r := range routes {
				gaps[i] = g.GapAlong(r)
			}
			answer := wire.NewGap(g, from, to, routes, gaps)
			if o.json {
				return wire.Write(w, answer)
			}
			writeGap(w, g, routes, answer, textWidth(c.App.Writer))
			return nil
		},
	}
}

func writeGap(w io.Writer, g *graph.Graph, routes []graph.Route, a wire.Gap, width int) {
	for i, r := range a.Routes {
		if i > 0 {
			fmt.Fprintln(w)
		}
		if len(a.Routes) > 1 {
			fmt.Fprintf(w, "Route %d: ", i+1)
		}
		fmt.Fprintf(w, "From %q to %q: cost %s, %s\n", a.From, a.To, costString(r.Route.Cost), plural(len(r.Route.Steps), "step", "steps"))
		writeSteps(w, g, routes[i].Steps)
		if len(r.Route.Steps) == 0 {
			continue
		}
		fmt.Fprintf(w, "\nStart: %s\n", r.Start.Role)
		if !r.Start.Documented {
			fmt.Fprintln(w, "  no document describes it: nothing it lists is counted as had")
		} else {
			fmt.Fprintf(w, "  lists %s and %s, counted as had\n",
				plural(len(r.Start.Skills), "skill", "skills"), plural(len(r.Start.Qualifications), "qualification", "qualifications"))
		}
		for n, s := range r.Steps {
			fmt.Fprintf(w, "\n%d. %s\n", n+1, s.Role)
			switch {
			case !s.Documented:
				fmt.Fprintln(w, "  no document describes it: what it asks is not known")
			case len(s.Skills)+len(s.Qualifications)+len(s.Known) == 0:
				fmt.Fprintln(w, "  its documents list no skills or qualifications")
			case len(s.Skills)+len(s.Qualifications) == 0:
				fmt.Fprintln(w, "  nothing new: the roles before it list everything it does")
			}
			writeItems(w, "skill", s.Skills, width)
			writeItems(w, "qualification", s.Qualifications, width)
			if len(s.Known) > 0 {
				writeItems(w, "already had", []string{strings.Join(s.Known, "; ")}, width)
			}
		}
		fmt.Fprintln(w, "\nTo gain on the way")
		if len(r.GainSkills)+len(r.GainQualifications) == 0 {
			fmt.Fprintln(w, "  nothing the documents list")
		}
		writeItems(w, "skill", r.GainSkills, width)
		writeItems(w, "qualification", r.GainQualifications, width)
		if len(r.Covered) > 0 {
			fmt.Fprintln(w, "\nAlready covered by the start")
			writeItems(w, "", r.Covered, width)
		}
	}
}

// writeItems prints items one a line under a label column, wrapped to
// width.
func writeItems(w io.Writer, label string, items []string, width int) {
	const col = 15
	for _, it := range items {
		prefix := fmt.Sprintf("  %-*s", col, label)
		if label == "" {
			prefix = "  - "
		}
		for i, l := range wrap(it, width-len(prefix)) {
			if i > 0 {
				prefix = strings.Repeat(" ", len(prefix))
			}
			fmt.Fprintf(w, "%s%s\n", prefix, l)
		}
	}
}
