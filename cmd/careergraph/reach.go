package main

import (
	"fmt"
	"io"
	"strconv"

	"github.com/urfave/cli/v2"

	"careergraph/cmd/careergraph/internal/wire"
	"careergraph/graph"
)

// reachOptions are the flags of reach.
type reachOptions struct {
	lateral lateralOptions
	reverse bool
	maxCost int
	json    bool
}

func reachCommand(global *globalOptions) *cli.Command {
	o := &reachOptions{}
	return &cli.Command{
		Name:      "reach",
		Usage:     "every role a role can lead to (or, with --reverse, every role that leads to it)",
		ArgsUsage: "ROLE",
		Flags: append([]cli.Flag{
			&cli.BoolFlag{Name: "reverse", Usage: "roles that lead to ROLE instead", Destination: &o.reverse},
			&cli.IntFlag{Name: "max-cost", Usage: fmt.Sprintf("only roles within cost `N`, at most %d (0: no limit)", maxReachCost), Destination: &o.maxCost},
			jsonFlag(&o.json),
		}, o.lateral.flags()...),
		Action: func(c *cli.Context) error {
			if err := o.lateral.check(); err != nil {
				return err
			}
			if err := checkRange("--max-cost", o.maxCost, 0, maxReachCost, fmt.Sprintf("0 (no limit) to %d", maxReachCost)); err != nil {
				return err
			}
			g, role, err := roleQuery(c, global)
			if err != nil {
				return err
			}
			opt := graph.ReachOptions{Reverse: o.reverse, CareerOnly: o.lateral.noLateral, LateralCost: o.lateral.cost, MaxCost: o.maxCost, NoDown: o.lateral.noDown}
			reached, err := g.Reach(role.ID, opt)
			if err != nil {
				return err
			}
			w := answerWriter(c, o.json)
			answer := wire.NewReach(g, role, opt.Reverse, reached)
			if len(reached) == 0 {
				answer.Reason = wire.ReachReason(opt)
			}
			if o.json {
				if len(reached) == 0 {
					return noAnswerJSON(w, answer)
				}
				return wire.Write(w, answer)
			}
			writeReach(w, answer)
			if len(reached) == 0 {
				fmt.Fprintf(w, "(%s)\n", answer.Reason)
				return errNoAnswer
			}
			return nil
		},
	}
}

// roleQuery loads the corpus and resolves the single ROLE argument of a
// command.
func roleQuery(c *cli.Context, global *globalOptions) (*graph.Graph, graph.Role, error) {
	corpus, err := loadCorpus(c, global, false)
	if err != nil {
		return nil, graph.Role{}, err
	}
	role, err := oneRole(c, corpus.Graph)
	return corpus.Graph, role, err
}

func writeReach(w io.Writer, a wire.Reach) {
	verb := "leads to"
	if a.Reverse {
		verb = "is reached from"
	}
	fmt.Fprintf(w, "%q %s %s\n", a.Role, verb, plural(len(a.Reached), "role", "roles"))
	if len(a.Reached) == 0 {
		return
	}
	fmt.Fprintf(w, "by career moves only %d, by related moves only %d, by both %d\n", a.Counts.Career, a.Counts.Related, a.Counts.Both)
	var t table
	t.add("cost", "steps", "kind", "role")
	for _, r := range a.Reached {
		t.add(costString(r.Cost), strconv.Itoa(r.Steps), r.Kind, r.Role)
	}
	fmt.Fprintln(w)
	t.write(w, "  ")
}
