package main

import (
	"errors"
	"fmt"

	"github.com/urfave/cli/v2"

	"careergraph/graph"
)

// Limits of numeric flags, checked before any work is done.
const (
	// maxRoutes caps --k at the graph's own limit on Yen's k routes.
	maxRoutes = graph.MaxPaths
	// maxReachCost caps --max-cost well inside the graph's limit
	// (graph.MaxReachCost): no route of a real corpus costs anywhere
	// near this.
	maxReachCost = 100_000_000
	// maxFileMiB caps --max-file-size: a document is read whole into
	// memory, and no occupation profile comes near a gibibyte.
	maxFileMiB = 1024
)

// jsonFlag is the --json flag every answering command has. Given, it
// has a question that cannot be answered printed as JSON too (see run).
func jsonFlag(dst *bool) cli.Flag {
	return &cli.BoolFlag{
		Name:        "json",
		Usage:       "print JSON for programs instead of text; a question that cannot be answered prints {\"error\", \"candidates\"}, as the web explorer's API does",
		Destination: dst,
		Action: func(c *cli.Context, on bool) error {
			c.App.Metadata[jsonErrors] = on
			return nil
		},
	}
}

// jsonErrors is the key in the app's metadata that --json sets.
const jsonErrors = "json-errors"

// checkRange returns a usage error naming flag unless lo <= n <= hi.
func checkRange(flag string, n, lo, hi int, what string) error {
	if n < lo || n > hi {
		return usagef("%s %d: give %s", flag, n, what)
	}
	return nil
}

// lateralOptions are how lateral (related) moves count, for every
// command that searches routes.
type lateralOptions struct {
	noLateral bool
	cost      int
	noDown    bool
}

func (o *lateralOptions) flags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "no-lateral", Aliases: []string{"career-only"}, Usage: "career moves only: no lateral (related) moves", Destination: &o.noLateral},
		&cli.IntFlag{Name: "lateral-cost", Value: graph.DefaultLateralCost, Destination: &o.cost,
			Usage: fmt.Sprintf("what a lateral (related) move costs, `N` from 1 to %d; a career move costs 1 (imported moves keep their own costs)", graph.MaxLateralCost)},
		&cli.BoolFlag{Name: "no-down", Usage: "no moves that go down a level (where both roles have one, e.g. O*NET Job Zones)", Destination: &o.noDown},
	}
}

func (o *lateralOptions) check() error {
	return checkRange("--lateral-cost", o.cost, 1, graph.MaxLateralCost, fmt.Sprintf("a whole number from 1 to %d", graph.MaxLateralCost))
}

// routeOptions are the route flags of path, gap, render path and export
// --path.
type routeOptions struct {
	lateralOptions
	avoid cli.StringSlice
	k     int        // with withK only
	made  []cli.Flag // the flags made by flags, for given
}

// flags returns the route flags, with --k when withK.
func (o *routeOptions) flags(withK bool) []cli.Flag {
	flags := append([]cli.Flag{
		&cli.StringSliceFlag{Name: "avoid", Usage: "a `ROLE` the route must not pass through; repeatable", Destination: &o.avoid},
	}, o.lateralOptions.flags()...)
	if withK {
		flags = append([]cli.Flag{&cli.IntFlag{Name: "k", Value: 1, Destination: &o.k,
			Usage: fmt.Sprintf("the `N` cheapest routes, at most %d", maxRoutes)}}, flags...)
	}
	o.made = flags
	return flags
}

// given returns the names of the route flags given in c, in the order
// of flags.
func (o *routeOptions) given(c *cli.Context) []string {
	var names []string
	for _, f := range o.made {
		if n := f.Names()[0]; c.IsSet(n) {
			names = append(names, n)
		}
	}
	return names
}

// check checks the numbers given, k too when withK.
func (o *routeOptions) check(withK bool) error {
	if withK {
		if err := checkRange("--k", o.k, 1, maxRoutes, fmt.Sprintf("a whole number from 1 to %d", maxRoutes)); err != nil {
			return err
		}
	}
	return o.lateralOptions.check()
}

// pathOptions resolves --avoid in g.
func (o *routeOptions) pathOptions(g *graph.Graph) (graph.PathOptions, error) {
	opt := graph.PathOptions{CareerOnly: o.noLateral, LateralCost: o.cost, NoDown: o.noDown}
	for _, a := range o.avoid.Value() {
		r, err := g.Resolve(a)
		if err != nil {
			return opt, fmt.Errorf("--avoid: %w", err)
		}
		opt.Avoid = append(opt.Avoid, r.ID)
	}
	return opt, nil
}

// noRoute marks a route search that found nothing, for report's hint.
func noRoute(err error, opt graph.PathOptions) error {
	if !errors.Is(err, graph.ErrNoPath) {
		return err
	}
	return &noRouteError{err: err, narrowedBy: narrowingFlags(opt.CareerOnly, len(opt.Avoid) > 0, opt.NoDown)}
}

// narrowingFlags names the flags given that leave moves out of a search.
func narrowingFlags(noLateral, avoid, noDown bool) []string {
	var flags []string
	for _, f := range []struct {
		given bool
		name  string
	}{{noLateral, "--no-lateral"}, {avoid, "--avoid"}, {noDown, "--no-down"}} {
		if f.given {
			flags = append(flags, f.name)
		}
	}
	return flags
}

// ladderDepthFlag is --depth of ladder and render ladder.
func ladderDepthFlag(dst *int) cli.Flag {
	return &cli.IntFlag{Name: "depth", Usage: "only the `N` rungs nearest the role, each way (0: all)", Destination: dst}
}

func checkLadderDepth(d int) error {
	if d < 0 {
		return usagef("--depth %d: give 0 (all rungs) or more", d)
	}
	return nil
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

// oneRole resolves the single ROLE argument of a command.
func oneRole(c *cli.Context, g *graph.Graph) (graph.Role, error) {
	if c.NArg() != 1 {
		return graph.Role{}, usagef("%s takes one role; got %s (quote names with spaces)",
			commandName(c), plural(c.NArg(), "argument", "arguments"))
	}
	return g.Resolve(c.Args().First())
}
