package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"careergraph/graph"
	"careergraph/graph/render"
)

// defaultMaxRoles is where render stops rather than run a layout for
// minutes.
const defaultMaxRoles = 300

func renderCommand() *cli.Command {
	common := func(extra ...cli.Flag) []cli.Flag {
		return append([]cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE`; .svg, .dot, .png or .pdf (png and pdf need Graphviz's dot); default out/<role>-<kind>.svg"},
			&cli.StringFlag{Name: "direction", Value: "BT", Usage: "layout `DIRECTION`: BT (juniors at the bottom), TB, LR or RL"},
			&cli.BoolFlag{Name: "reading", Usage: "add each role's kana reading under its name"},
			&cli.IntFlag{Name: "max-roles", Value: defaultMaxRoles, Usage: "refuse pictures of more than `N` roles, which take minutes to lay out"},
		}, extra...)
	}
	return &cli.Command{
		Name:  "render",
		Usage: "draw a career-ladder, path, neighbourhood or whole-graph diagram (SVG by default)",
		Subcommands: []*cli.Command{
			{
				Name:      "ladder",
				Usage:     "the career moves into and out of a role, rung by rung",
				ArgsUsage: "ROLE",
				Flags:     common(ladderDepthFlag, &cli.BoolFlag{Name: "related", Usage: "add the role's lateral (related) moves"}),
				Action: renderAction(func(c *cli.Context, g *graph.Graph) (graph.Selection, string, error) {
					r, err := oneRole(c, g)
					if err != nil {
						return graph.Selection{}, "", err
					}
					depth, err := ladderDepth(c)
					if err != nil {
						return graph.Selection{}, "", err
					}
					sel, err := g.SelectLadder(r.ID, depth, c.Bool("related"))
					return sel, r.ID + "-ladder", err
				}),
			},
			{
				Name:      "path",
				Usage:     "the cheapest route from one role to another, highlighted; --k N draws alternatives fainter",
				ArgsUsage: "FROM TO",
				Flags:     common(pathFlags(true)...),
				Action: renderAction(func(c *cli.Context, g *graph.Graph) (graph.Selection, string, error) {
					sel, err := selectPath(c, g)
					if err != nil {
						return sel, "", err
					}
					from, to := routeEnds(sel)
					return sel, from + "-to-" + to + "-path", nil
				}),
			},
			{
				Name:      "around",
				Usage:     "every role within --depth moves of a role",
				ArgsUsage: "ROLE",
				Flags:     common(&cli.IntFlag{Name: "depth", Value: 1, Usage: "roles up to `N` moves away"}),
				Action: renderAction(func(c *cli.Context, g *graph.Graph) (graph.Selection, string, error) {
					r, err := oneRole(c, g)
					if err != nil {
						return graph.Selection{}, "", err
					}
					sel, err := selectAround(g, r, c.Int("depth"))
					return sel, r.ID + "-around", err
				}),
			},
			{
				Name:  "all",
				Usage: "the whole graph, grouped by classification",
				Flags: common(),
				Action: renderAction(func(c *cli.Context, g *graph.Graph) (graph.Selection, string, error) {
					if c.NArg() > 0 {
						return graph.Selection{}, "", usagef("render all takes no arguments; got %q", c.Args().First())
					}
					return g.SelectAll(), "all", nil
				}),
			},
		},
	}
}

// routeEnds returns the IDs of a path selection's start and end.
func routeEnds(sel graph.Selection) (from, to string) {
	if len(sel.Routes) > 0 && len(sel.Routes[0].Steps) > 0 {
		steps := sel.Routes[0].Steps
		return steps[0].From, steps[len(steps)-1].To
	}
	return sel.Focus[0], sel.Focus[len(sel.Focus)-1]
}

// tooLarge says what to do about a picture with more roles than
// --max-roles.
func tooLarge(sel graph.Selection, limit int) error {
	hint := "draw a part with `render around ROLE` or `render ladder ROLE`"
	switch sel.Kind {
	case graph.SelectionLadder, graph.SelectionAround:
		hint = "lower --depth"
	case graph.SelectionPath:
		hint = "lower --k"
	}
	return usagef("the picture would have %d roles, more than --max-roles %d can lay out in reasonable time: %s, or raise --max-roles",
		len(sel.Roles), limit, hint)
}

// renderAction wraps a selection into a render command: load, select,
// draw to -o or out/<name>.svg, print the path written.
func renderAction(selectFn func(*cli.Context, *graph.Graph) (graph.Selection, string, error)) cli.ActionFunc {
	return func(c *cli.Context) error {
		opt := render.Options{Direction: strings.ToUpper(c.String("direction")), Reading: c.Bool("reading")}
		if !slices.Contains([]string{"BT", "TB", "LR", "RL"}, opt.Direction) {
			return usagef("--direction %q: give BT, TB, LR or RL", c.String("direction"))
		}
		limit := c.Int("max-roles")
		if limit < 1 {
			return usagef("--max-roles %d: give a whole number of at least 1", limit)
		}
		out := c.String("output")
		format := "svg"
		if out != "" {
			format = strings.TrimPrefix(strings.ToLower(filepath.Ext(out)), ".")
			if !slices.Contains(render.Formats(), format) {
				return usagef("-o %s: the extension picks the format; use .svg, .dot, .png or .pdf", out)
			}
		}
		corpus, err := loadCorpus(c, false)
		if err != nil {
			return err
		}
		g := corpus.Graph
		sel, base, err := selectFn(c, g)
		if err != nil {
			return err
		}
		if len(sel.Roles) > limit {
			return tooLarge(sel, limit)
		}
		if out == "" {
			out = filepath.Join("out", base+".svg")
		}
		err = writeFile(out, func(w io.Writer) error { return render.Write(c.Context, w, format, g, sel, opt) })
		if errors.Is(err, render.ErrNoDot) {
			return usagef("-o %s: %v", out, err)
		}
		if err != nil {
			return err
		}
		fmt.Fprintln(c.App.Writer, out)
		return nil
	}
}
