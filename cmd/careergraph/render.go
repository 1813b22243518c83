package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"careergraph/graph"
	"careergraph/graph/render"
)

// renderOptions are the flags every render kind has.
type renderOptions struct {
	output    string
	direction string
	reading   bool
	maxRoles  int
	maxMoves  int
	colorBy   string
}

func (o *renderOptions) flags(extra ...cli.Flag) []cli.Flag {
	return append([]cli.Flag{
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Destination: &o.output,
			Usage: "write to `FILE`; .svg, .dot, .png or .pdf (png and pdf need Graphviz's dot); default out/<role>-<kind>.svg"},
		&cli.StringFlag{Name: "direction", Value: "BT", Usage: "layout `DIRECTION`: BT (juniors at the bottom), TB, LR or RL", Destination: &o.direction},
		&cli.BoolFlag{Name: "reading", Usage: "add each role's kana reading under its name", Destination: &o.reading},
		&cli.StringFlag{Name: "color-by", Value: render.ColorByDocumented, Destination: &o.colorBy,
			Usage: "colour roles by `FIELD`: documented (documented or mentioned only), class (classification) or level (preparation level); the legend explains the colours"},
		&cli.IntFlag{Name: "max-roles", Value: render.MaxRoles, Usage: "refuse pictures of more than `N` roles, which take minutes to lay out", Destination: &o.maxRoles},
		&cli.IntFlag{Name: "max-moves", Value: render.MaxMoves, Usage: "refuse pictures of more than `N` moves, which take minutes to lay out", Destination: &o.maxMoves},
	}, extra...)
}

// check checks the flags and returns the drawing options and the format
// -o asks for, before anything is loaded or computed.
func (o *renderOptions) check() (render.Options, string, error) {
	opt := render.Options{Direction: strings.ToUpper(o.direction), Reading: o.reading, ColorBy: strings.ToLower(o.colorBy)}
	if !slices.Contains(render.ColorBys(), opt.ColorBy) {
		return opt, "", usagef("--color-by %q: give %s", o.colorBy, strings.Join(render.ColorBys(), ", "))
	}
	if !slices.Contains([]string{"BT", "TB", "LR", "RL"}, opt.Direction) {
		return opt, "", usagef("--direction %q: give BT, TB, LR or RL", o.direction)
	}
	if o.maxRoles < 1 {
		return opt, "", usagef("--max-roles %d: give a whole number of at least 1", o.maxRoles)
	}
	if o.maxMoves < 1 {
		return opt, "", usagef("--max-moves %d: give a whole number of at least 1", o.maxMoves)
	}
	format := "svg"
	if o.output != "" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(o.output)), ".")
		if !slices.Contains(render.Formats(), format) {
			return opt, "", usagef("-o %s: the extension picks the format; use .svg, .dot, .png or .pdf", o.output)
		}
	}
	return opt, format, nil
}

// selectFunc checks a render kind's own flags and arguments and returns
// the selection to draw and the default file name's stem.
type selectFunc func(c *cli.Context, g *graph.Graph) (graph.Selection, string, error)

func renderCommand(global *globalOptions) *cli.Command {
	return &cli.Command{
		Name:  "render",
		Usage: "draw a career-ladder, path, neighbourhood or whole-graph diagram (SVG by default)",
		Subcommands: []*cli.Command{
			renderLadderCommand(global),
			renderPathCommand(global),
			renderAroundCommand(global),
			renderAllCommand(global),
		},
	}
}

func renderLadderCommand(global *globalOptions) *cli.Command {
	o := &renderOptions{}
	var depth int
	var related bool
	return &cli.Command{
		Name:      "ladder",
		Usage:     "the career moves into and out of a role, rung by rung",
		ArgsUsage: "ROLE",
		Flags:     o.flags(ladderDepthFlag(&depth), &cli.BoolFlag{Name: "related", Usage: "add the role's lateral (related) moves", Destination: &related}),
		Action: renderAction(global, o, func() error { return checkLadderDepth(depth) },
			func(c *cli.Context, g *graph.Graph) (graph.Selection, string, error) {
				r, err := oneRole(c, g)
				if err != nil {
					return graph.Selection{}, "", err
				}
				sel, err := g.SelectLadder(r.ID, depth, related)
				return sel, r.ID + "-ladder", err
			}),
	}
}

func renderPathCommand(global *globalOptions) *cli.Command {
	o := &renderOptions{}
	var route routeOptions
	return &cli.Command{
		Name:      "path",
		Usage:     "the cheapest route from one role to another, highlighted; --k N draws alternatives fainter",
		ArgsUsage: "FROM TO",
		Flags:     o.flags(route.flags(true)...),
		Action: renderAction(global, o, func() error { return route.check(true) },
			func(c *cli.Context, g *graph.Graph) (graph.Selection, string, error) {
				sel, err := selectPath(c, g, &route)
				if err != nil {
					return sel, "", err
				}
				from, to := routeEnds(sel)
				return sel, from + "-to-" + to + "-path", nil
			}),
	}
}

func renderAroundCommand(global *globalOptions) *cli.Command {
	o := &renderOptions{}
	var depth int
	return &cli.Command{
		Name:      "around",
		Usage:     "every role within --depth moves of a role",
		ArgsUsage: "ROLE",
		Flags:     o.flags(&cli.IntFlag{Name: "depth", Value: 1, Usage: "roles up to `N` moves away", Destination: &depth}),
		Action: renderAction(global, o, func() error {
			if depth < 0 {
				return usagef("--depth %d: give 0 or more", depth)
			}
			return nil
		}, func(c *cli.Context, g *graph.Graph) (graph.Selection, string, error) {
			r, err := oneRole(c, g)
			if err != nil {
				return graph.Selection{}, "", err
			}
			sel, err := g.SelectAround(r.ID, depth)
			return sel, r.ID + "-around", err
		}),
	}
}

func renderAllCommand(global *globalOptions) *cli.Command {
	o := &renderOptions{}
	return &cli.Command{
		Name:  "all",
		Usage: "the whole graph, grouped by classification",
		Flags: o.flags(),
		Action: renderAction(global, o, func() error { return nil },
			func(c *cli.Context, g *graph.Graph) (graph.Selection, string, error) {
				if c.NArg() > 0 {
					return graph.Selection{}, "", usagef("render all takes no arguments; got %q", c.Args().First())
				}
				return g.SelectAll(), "all", nil
			}),
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
// --max-roles or more moves than --max-moves.
func tooLarge(sel graph.Selection, moves, maxRoles, maxMoves int) error {
	hint := "draw a part with `render around ROLE` or `render ladder ROLE`"
	switch sel.Kind {
	case graph.SelectionLadder, graph.SelectionAround:
		hint = "lower --depth"
	case graph.SelectionPath:
		hint = "lower --k"
	}
	if len(sel.Roles) > maxRoles {
		return usagef("the picture would have %d roles, more than --max-roles %d can lay out in reasonable time: %s, or raise --max-roles",
			len(sel.Roles), maxRoles, hint)
	}
	return usagef("the picture would have %d moves, more than --max-moves %d can lay out in reasonable time: %s, or raise --max-moves",
		moves, maxMoves, hint)
}

// maxStemBytes is the longest default file name stem, well under the
// 255 bytes most file systems allow for a name.
const maxStemBytes = 80

// defaultOutput returns the file render writes without -o:
// out/<stem>.svg, a long stem cut and told apart by a short hash of the
// whole.
func defaultOutput(stem string) string {
	if len(stem) > maxStemBytes {
		sum := sha256.Sum256([]byte(stem))
		cut := maxStemBytes - 9
		for cut > 0 && !utf8.RuneStart(stem[cut]) {
			cut--
		}
		stem = strings.TrimRight(stem[:cut], "-") + "-" + hex.EncodeToString(sum[:4])
	}
	return filepath.Join("out", stem+".svg")
}

// renderAction makes a render kind's action: check the flags (check
// checks the kind's own), load, select, refuse pictures over --max-roles
// or --max-moves, draw to -o or the default file, print the path written.
func renderAction(global *globalOptions, o *renderOptions, check func() error, selectFn selectFunc) cli.ActionFunc {
	return func(c *cli.Context) error {
		opt, format, err := o.check()
		if err != nil {
			return err
		}
		if err := check(); err != nil {
			return err
		}
		corpus, err := loadCorpus(c, global, false)
		if err != nil {
			return err
		}
		g := corpus.Graph
		sel, stem, err := selectFn(c, g)
		if err != nil {
			return err
		}
		if len(sel.Roles) > o.maxRoles {
			return tooLarge(sel, 0, o.maxRoles, o.maxMoves)
		}
		// A dense neighbourhood, placed in rings, lays out no moves:
		// only a dot layout's moves count (render.LayoutMoves).
		moves, err := render.LayoutMoves(g, sel, opt)
		if err != nil {
			return err
		}
		if moves > o.maxMoves {
			return tooLarge(sel, moves, o.maxRoles, o.maxMoves)
		}
		if format == "png" || format == "pdf" || opt.Reading {
			warnMissingFonts(c.App.ErrWriter, g, sel, opt)
		}
		out := o.output
		if out == "" {
			out = defaultOutput(stem)
		}
		err = writeOutput("-o", out, func(w io.Writer) error { return render.Write(c.Context, w, format, g, sel, opt) })
		if errors.Is(err, render.ErrNoDot) {
			return usagef("-o %s: %v", out, err)
		}
		if err != nil {
			return err
		}
		fmt.Fprintln(answerWriter(c, false), out)
		return nil
	}
}

// warnMissingFonts warns on stderr when no installed font has some
// character the picture draws: system dot draws such characters as boxes
// in PNG and PDF, and a viewer on this machine does the same for an SVG.
// A machine without fontconfig cannot be asked; it is named instead.
func warnMissingFonts(stderr io.Writer, g *graph.Graph, sel graph.Selection, opt render.Options) {
	text, err := render.DrawnText(g, sel, opt)
	if err != nil {
		return
	}
	warn, err := render.MissingFonts(text)
	switch {
	case warn != nil:
		fmt.Fprintln(stderr, escapeText("careergraph: warning: "+warn.Error()))
	case errors.Is(err, render.ErrNoFontconfig):
		fmt.Fprintln(stderr, "careergraph: warning: cannot tell which fonts are installed (install fontconfig to check)")
	}
}
