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

// pathOptions are the flags of path.
type pathOptions struct {
	route   routeOptions
	similar bool
	json    bool
}

func pathCommand(global *globalOptions) *cli.Command {
	o := &pathOptions{}
	return &cli.Command{
		Name:      "path",
		Usage:     "the cheapest route(s) from one role to another",
		ArgsUsage: "FROM TO",
		Flags: append(o.route.flags(true),
			&cli.BoolFlag{Name: "similar", Destination: &o.similar,
				Usage: "also take suggested moves between roles whose documents share content (see similar), costed 3 to 6 by how much they share"},
			jsonFlag(&o.json)),
		Action: func(c *cli.Context) error {
			if err := o.route.check(true); err != nil {
				return err
			}
			g, from, to, opt, err := routeQuery(c, global, &o.route)
			if err != nil {
				return err
			}
			if o.similar {
				if g, err = g.WithSimilar(); err != nil {
					return err
				}
			}
			routes, err := g.Paths(from.ID, to.ID, o.route.k, opt)
			w := answerWriter(c, o.json)
			if errors.Is(err, graph.ErrNoPath) && o.json {
				answer := wire.NewPath(g, from, to, nil)
				answer.Reason = err.Error()
				return noAnswerJSON(w, answer)
			}
			if err != nil {
				return noRoute(err, opt)
			}
			if o.json {
				return wire.Write(w, wire.NewPath(g, from, to, routes))
			}
			return writeRoutes(w, g, from, to, routes)
		},
	}
}

// noAnswerJSON prints an answer that found nothing (its Reason says
// why) and returns errNoAnswer, so the exit code says so too.
func noAnswerJSON(w io.Writer, answer any) error {
	if err := wire.Write(w, answer); err != nil {
		return err
	}
	return errNoAnswer
}

// routeQuery loads the corpus and reads a route question: the FROM and TO
// arguments and the route options.
func routeQuery(c *cli.Context, global *globalOptions, o *routeOptions) (g *graph.Graph, from, to graph.Role, opt graph.PathOptions, err error) {
	corpus, err := loadCorpus(c, global, false)
	if err != nil {
		return nil, from, to, opt, err
	}
	g = corpus.Graph
	if from, to, err = twoRoles(c, g); err != nil {
		return nil, from, to, opt, err
	}
	opt, err = o.pathOptions(g)
	return g, from, to, opt, err
}

func writeRoutes(w io.Writer, g *graph.Graph, from, to graph.Role, routes []graph.Route) error {
	fmt.Fprintf(w, "From %q to %q\n", from.Name, to.Name)
	for i, r := range routes {
		fmt.Fprintln(w)
		head := fmt.Sprintf("cost %s, %s", costString(r.Cost), plural(len(r.Steps), "step", "steps"))
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
	// Steps of imported moves carry their own costs: show each step's.
	priced := slices.ContainsFunc(steps, func(s graph.Step) bool { return s.Attrs != nil })
	if len(steps) > 0 {
		if priced {
			t.add("", g.NameOf(steps[0].From), "", "", "")
		} else {
			t.add("", g.NameOf(steps[0].From), "", "")
		}
	}
	for _, s := range steps {
		kind := s.Kind.String() // the word JSON uses too
		src := ""
		if s.Attrs != nil && s.Attrs.Basis == "similar" {
			kind, src = "similar", s.Attrs.Note
		}
		if len(s.Sources) > 0 {
			src = s.Sources[0].String()
			if len(s.Sources) > 1 {
				src += fmt.Sprintf(" (+%d)", len(s.Sources)-1)
			}
		}
		if priced {
			c := "cost " + costString(s.Cost)
			if a := s.Attrs; a != nil && a.Tier != "" {
				c += " (" + a.Tier + ")"
			}
			t.add("→", g.NameOf(s.To), kind, c, src)
		} else {
			t.add("→", g.NameOf(s.To), kind, src)
		}
	}
	t.write(w, "  ")
}
