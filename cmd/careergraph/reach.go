package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"careergraph/cmd/careergraph/internal/wire"
	"careergraph/graph"
)

// roleQuery loads the corpus and resolves the single ROLE argument of a
// command.
func roleQuery(c *cli.Context) (*graph.Graph, graph.Role, error) {
	corpus, err := loadCorpus(c, false)
	if err != nil {
		return nil, graph.Role{}, err
	}
	role, err := oneRole(c, corpus.Graph)
	return corpus.Graph, role, err
}

// oneRole resolves the single ROLE argument of a command.
func oneRole(c *cli.Context, g *graph.Graph) (graph.Role, error) {
	if c.NArg() != 1 {
		return graph.Role{}, usagef("%s takes one role; got %s (quote names with spaces)",
			commandName(c), plural(c.NArg(), "argument", "arguments"))
	}
	return g.Resolve(c.Args().First())
}

func reachCommand() *cli.Command {
	return &cli.Command{
		Name:      "reach",
		Usage:     "every role a role can lead to (or, with --reverse, every role that leads to it)",
		ArgsUsage: "ROLE",
		Flags: append([]cli.Flag{
			&cli.BoolFlag{Name: "reverse", Usage: "roles that lead to ROLE instead"},
			&cli.IntFlag{Name: "max-cost", Usage: "only roles within cost `N` (0: no limit)"},
			jsonFlag,
		}, lateralFlags()...),
		Action: func(c *cli.Context) error {
			g, role, err := roleQuery(c)
			if err != nil {
				return err
			}
			cost, err := lateralCost(c)
			if err != nil {
				return err
			}
			opt := graph.ReachOptions{
				Reverse: c.Bool("reverse"), CareerOnly: c.Bool("no-lateral"),
				LateralCost: cost, MaxCost: c.Int("max-cost"),
			}
			if opt.MaxCost < 0 {
				return usagef("--max-cost %d: give 0 (no limit) or more", opt.MaxCost)
			}
			reached, err := g.Reach(role.ID, opt)
			if err != nil {
				return err
			}
			if c.Bool("json") {
				if err := wire.Write(c.App.Writer, wire.NewReach(g, role, opt.Reverse, reached)); err != nil {
					return err
				}
			} else {
				writeReach(c.App.Writer, g, role, opt.Reverse, reached)
			}
			if len(reached) == 0 {
				return errNoAnswer
			}
			return nil
		},
	}
}

func writeReach(w io.Writer, g *graph.Graph, role graph.Role, reverse bool, reached []graph.Reached) {
	verb := "leads to"
	if reverse {
		verb = "is reached from"
	}
	fmt.Fprintf(w, "%q %s %s\n", role.Name, verb, plural(len(reached), "role", "roles"))
	if len(reached) == 0 {
		return
	}
	var t table
	t.add("cost", "steps", "role")
	for _, r := range reached {
		t.add(strconv.Itoa(r.Cost), strconv.Itoa(r.Steps), name(g, r.Role))
	}
	fmt.Fprintln(w)
	t.write(w, "  ")
}

func ladderCommand() *cli.Command {
	return &cli.Command{
		Name:      "ladder",
		Usage:     "the career moves into and out of a role, rung by rung",
		ArgsUsage: "ROLE",
		Flags:     []cli.Flag{ladderDepthFlag, jsonFlag},
		Action: func(c *cli.Context) error {
			g, role, err := roleQuery(c)
			if err != nil {
				return err
			}
			depth, err := ladderDepth(c)
			if err != nil {
				return err
			}
			l, err := g.Ladder(role.ID, depth)
			if err != nil {
				return err
			}
			if c.Bool("json") {
				err = wire.Write(c.App.Writer, wire.NewLadder(g, role, l))
			} else {
				writeLadder(c.App.Writer, g, role, l)
			}
			if err == nil && len(l.Above)+len(l.Below) == 0 {
				return errNoAnswer
			}
			return err
		},
	}
}

// ladderDepthFlag limits a ladder to the rungs nearest its role.
var ladderDepthFlag = &cli.IntFlag{Name: "depth", Usage: "only the `N` rungs nearest the role, each way (0: all)"}

func ladderDepth(c *cli.Context) (int, error) {
	d := c.Int("depth")
	if d < 0 {
		return 0, usagef("--depth %d: give 0 (all rungs) or more", d)
	}
	return d, nil
}

// writeLadder prints the ladder top down, as people draw one: the most
// senior rung first, the role itself marked, the entry rungs last. A rung
// of many roles shows the first few; --json lists them all.
func writeLadder(w io.Writer, g *graph.Graph, role graph.Role, l graph.Ladder) {
	fmt.Fprintf(w, "Career ladder of %q\n\n", role.Name)
	var t table
	for i := len(l.Above) - 1; i >= 0; i-- {
		t.add(fmt.Sprintf("+%d", i+1), rungText(g, l.Above[i]))
	}
	t.add("▶", role.Name)
	for i, r := range l.Below {
		t.add(fmt.Sprintf("-%d", i+1), rungText(g, r))
	}
	t.write(w, "  ")
	if len(l.Above) == 0 && len(l.Below) == 0 {
		fmt.Fprintln(w, "\nNo career path in the documents leads into or out of this role.")
	}
}

// maxRungNames is how many roles of one rung the text ladder shows.
const maxRungNames = 8

func rungText(g *graph.Graph, ids []string) string {
	shown := names(g, ids[:min(len(ids), maxRungNames)])
	text := strings.Join(shown, " · ")
	if more := len(ids) - len(shown); more > 0 {
		text += fmt.Sprintf(" (+%d more; --json lists all)", more)
	}
	return text
}
