package main

import (
	"fmt"
	"io"
	"strconv"

	"github.com/urfave/cli/v2"

	"careergraph/graph"
)

// oneRole resolves the single ROLE argument of a command.
func oneRole(c *cli.Context, g *graph.Graph) (graph.Role, error) {
	if c.NArg() != 1 {
		return graph.Role{}, usagef("%s takes one role; got %d arguments (quote names with spaces)", c.Command.Name, c.NArg())
	}
	return resolveRole(g, c.Args().First())
}

func reachCommand() *cli.Command {
	return &cli.Command{
		Name:      "reach",
		Usage:     "every role a role can lead to (or, with --reverse, every role that leads to it)",
		ArgsUsage: "ROLE",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "reverse", Usage: "roles that lead to ROLE instead"},
			&cli.BoolFlag{Name: "no-lateral", Usage: "career moves only"},
			&cli.IntFlag{Name: "lateral-cost", Value: graph.DefaultLateralCost, Usage: "what a lateral (related) move costs"},
			&cli.IntFlag{Name: "max-cost", Usage: "only roles within this cost (0: no limit)"},
			jsonFlag,
		},
		Action: func(c *cli.Context) error {
			corpus, err := loadCorpus(c, false)
			if err != nil {
				return err
			}
			g := corpus.Graph
			role, err := oneRole(c, g)
			if err != nil {
				return err
			}
			opt := graph.ReachOptions{
				Reverse: c.Bool("reverse"), CareerOnly: c.Bool("no-lateral"),
				LateralCost: c.Int("lateral-cost"), MaxCost: c.Int("max-cost"),
			}
			if opt.LateralCost < 1 {
				return usagef("--lateral-cost %d: give a whole number of at least 1", opt.LateralCost)
			}
			if opt.MaxCost < 0 {
				return usagef("--max-cost %d: give 0 (no limit) or more", opt.MaxCost)
			}
			reached, err := g.Reach(role.ID, opt)
			if err != nil {
				return err
			}
			if c.Bool("json") {
				if err := writeJSON(c.App.Writer, reachJSON(g, role, opt.Reverse, reached)); err != nil {
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

func reachJSON(g *graph.Graph, role graph.Role, reverse bool, reached []graph.Reached) any {
	type item struct {
		Role  string `json:"role"`
		Cost  int    `json:"cost"`
		Steps int    `json:"steps"`
	}
	out := struct {
		Role    string `json:"role"`
		Reverse bool   `json:"reverse"`
		Reached []item `json:"reached"`
	}{Role: role.Name, Reverse: reverse, Reached: []item{}}
	for _, r := range reached {
		out.Reached = append(out.Reached, item{name(g, r.Role), r.Cost, r.Steps})
	}
	return out
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
		Flags:     []cli.Flag{jsonFlag},
		Action: func(c *cli.Context) error {
			corpus, err := loadCorpus(c, false)
			if err != nil {
				return err
			}
			g := corpus.Graph
			role, err := oneRole(c, g)
			if err != nil {
				return err
			}
			l, err := g.Ladder(role.ID)
			if err != nil {
				return err
			}
			if c.Bool("json") {
				return writeJSON(c.App.Writer, ladderJSON(g, role, l))
			}
			writeLadder(c.App.Writer, g, role, l)
			return nil
		},
	}
}

func ladderJSON(g *graph.Graph, role graph.Role, l graph.Ladder) any {
	rungs := func(rs [][]string) [][]string {
		out := [][]string{}
		for _, r := range rs {
			out = append(out, names(g, r))
		}
		return out
	}
	type move struct {
		From    string   `json:"from"`
		To      string   `json:"to"`
		Sources []string `json:"sources"`
	}
	out := struct {
		Role  string     `json:"role"`
		Below [][]string `json:"below"`
		Above [][]string `json:"above"`
		Moves []move     `json:"moves"`
	}{Role: role.Name, Below: rungs(l.Below), Above: rungs(l.Above), Moves: []move{}}
	for _, m := range l.Moves {
		out.Moves = append(out.Moves, move{name(g, m.From), name(g, m.To), sourceStrings(m.Sources)})
	}
	return out
}

// writeLadder prints the ladder top down, as people draw one: the most
// senior rung first, the role itself marked, the entry rungs last.
func writeLadder(w io.Writer, g *graph.Graph, role graph.Role, l graph.Ladder) {
	fmt.Fprintf(w, "Career ladder of %q\n\n", role.Name)
	var t table
	for i := len(l.Above) - 1; i >= 0; i-- {
		t.add(fmt.Sprintf("+%d", i+1), joinDot(names(g, l.Above[i])))
	}
	t.add("▶", role.Name)
	for i, r := range l.Below {
		t.add(fmt.Sprintf("-%d", i+1), joinDot(names(g, r)))
	}
	t.write(w, "  ")
	if len(l.Above) == 0 && len(l.Below) == 0 {
		fmt.Fprintln(w, "\nNo career path in the documents leads into or out of this role.")
	}
}

func joinDot(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " · "
		}
		out += x
	}
	return out
}
