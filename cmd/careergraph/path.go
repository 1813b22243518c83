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

// lateralFlags are the options of how lateral (related) moves count,
// shared by every command that searches routes.
func lateralFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "no-lateral", Usage: "career moves only: no lateral (related) moves"},
		&cli.IntFlag{Name: "lateral-cost", Value: graph.DefaultLateralCost,
			Usage: fmt.Sprintf("what a lateral (related) move costs, `N` from 1 to %d; a career move costs 1", graph.MaxLateralCost)},
	}
}

// pathFlags are the route options shared by path, gap, render path and
// export --path.
func pathFlags(withK bool) []cli.Flag {
	flags := append([]cli.Flag{
		&cli.StringSliceFlag{Name: "avoid", Usage: "a `ROLE` the route must not pass through; repeatable"},
	}, lateralFlags()...)
	if withK {
		flags = append([]cli.Flag{&cli.IntFlag{Name: "k", Value: 1, Usage: "the `N` cheapest routes"}}, flags...)
	}
	return flags
}

// lateralCost reads --lateral-cost.
func lateralCost(c *cli.Context) (int, error) {
	n := c.Int("lateral-cost")
	if n < 1 || n > graph.MaxLateralCost {
		return 0, usagef("--lateral-cost %d: give a whole number from 1 to %d", n, graph.MaxLateralCost)
	}
	return n, nil
}

// routeCount reads --k.
func routeCount(c *cli.Context) (int, error) {
	k := c.Int("k")
	if k < 1 {
		return 0, usagef("--k %d: give a whole number of at least 1", k)
	}
	return k, nil
}

// pathOptions reads the route options from the flags.
func pathOptions(c *cli.Context, g *graph.Graph) (graph.PathOptions, error) {
	cost, err := lateralCost(c)
	if err != nil {
		return graph.PathOptions{}, err
	}
	opt := graph.PathOptions{CareerOnly: c.Bool("no-lateral"), LateralCost: cost}
	for _, a := range c.StringSlice("avoid") {
		r, err := g.Resolve(a)
		if err != nil {
			return opt, fmt.Errorf("--avoid: %w", err)
		}
		opt.Avoid = append(opt.Avoid, r.ID)
	}
	return opt, nil
}

// routeQuery loads the corpus and reads a route question: the FROM and TO
// arguments and the route options.
func routeQuery(c *cli.Context) (g *graph.Graph, from, to graph.Role, opt graph.PathOptions, err error) {
	corpus, err := loadCorpus(c, false)
	if err != nil {
		return nil, from, to, opt, err
	}
	g = corpus.Graph
	if from, to, err = twoRoles(c, g); err != nil {
		return nil, from, to, opt, err
	}
	opt, err = pathOptions(c, g)
	return g, from, to, opt, err
}

// twoRoles resolves the FROM and TO arguments.
func twoRoles(c *cli.Context, g *graph.Graph) (from, to graph.Role, err error) {
	if c.NArg() != 2 {
		return from, to, usagef("%s takes two roles, FROM and TO; got %s (quote names with spaces)",
			commandName(c), plural(c.NArg(), "argument", "arguments"))
	}
	if from, err = g.Resolve(c.Args().Get(0)); err != nil {
		return from, to, err
	}
	to, err = g.Resolve(c.Args().Get(1))
	return from, to, err
}

// noRoute adds what to try to a route search that found nothing.
func noRoute(err error, opt graph.PathOptions) error {
	if !errors.Is(err, graph.ErrNoPath) {
		return err
	}
	hint := "the documents link no chain of moves between them; `careergraph reach` shows where each leads"
	if opt.CareerOnly || len(opt.Avoid) > 0 {
		hint = "try again without --no-lateral or --avoid"
	}
	return fmt.Errorf("%w (%s)", err, hint)
}

func pathCommand() *cli.Command {
	return &cli.Command{
		Name:      "path",
		Usage:     "the cheapest route(s) from one role to another",
		ArgsUsage: "FROM TO",
		Flags:     append(pathFlags(true), jsonFlag),
		Action: func(c *cli.Context) error {
			g, from, to, opt, err := routeQuery(c)
			if err != nil {
				return err
			}
			k, err := routeCount(c)
			if err != nil {
				return err
			}
			routes, err := g.Paths(from.ID, to.ID, k, opt)
			if err != nil {
				return noRoute(err, opt)
			}
			if c.Bool("json") {
				return wire.Write(c.App.Writer, wire.NewPath(g, from, to, routes))
			}
			return writeRoutes(c.App.Writer, g, from, to, routes)
		},
	}
}

func writeRoutes(w io.Writer, g *graph.Graph, from, to graph.Role, routes []graph.Route) error {
	fmt.Fprintf(w, "From %q to %q\n", from.Name, to.Name)
	for i, r := range routes {
		fmt.Fprintln(w)
		head := fmt.Sprintf("cost %d, %s", r.Cost, plural(len(r.Steps), "step", "steps"))
		if len(routes) > 1 {
			head = fmt.Sprintf("Route %d: %s", i+1, head)
		} else {
			head = "Cheapest route: " + head
		}
		fmt.Fprintln(w, head)
		writeSteps(w, g, r.Steps)
	}
	return nil
}

// writeSteps prints a route's steps one a line: where it leads, the kind
// of move and where the documents say so.
func writeSteps(w io.Writer, g *graph.Graph, steps []graph.Step) {
	var t table
	if len(steps) > 0 {
		t.add("", name(g, steps[0].From), "", "")
	}
	for _, s := range steps {
		kind := "career"
		if s.Kind == graph.Related {
			kind = "lateral"
		}
		src := ""
		if len(s.Sources) > 0 {
			src = s.Sources[0].String()
			if len(s.Sources) > 1 {
				src += fmt.Sprintf(" (+%d)", len(s.Sources)-1)
			}
		}
		t.add("→", name(g, s.To), kind, src)
	}
	t.write(w, "  ")
}

func gapCommand() *cli.Command {
	return &cli.Command{
		Name:      "gap",
		Usage:     "skills and qualifications to gain on the way from one role to another",
		ArgsUsage: "FROM TO",
		Flags:     append(pathFlags(false), jsonFlag),
		Action: func(c *cli.Context) error {
			g, from, to, opt, err := routeQuery(c)
			if err != nil {
				return err
			}
			route, gaps, err := g.Gap(from.ID, to.ID, opt)
			if err != nil {
				return noRoute(err, opt)
			}
			if c.Bool("json") {
				return wire.Write(c.App.Writer, wire.NewGap(g, from, to, route, gaps))
			}
			return writeGap(c.App.Writer, g, from, to, route, gaps)
		},
	}
}

func writeGap(w io.Writer, g *graph.Graph, from, to graph.Role, route graph.Route, gaps []graph.Gap) error {
	fmt.Fprintf(w, "From %q to %q: cost %d, %s\n", from.Name, to.Name, route.Cost, plural(len(route.Steps), "step", "steps"))
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
