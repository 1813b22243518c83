package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"careergraph/cmd/careergraph/internal/wire"
	"careergraph/graph"
)

// ladderOptions are the flags of ladder.
type ladderOptions struct {
	depth int
	json  bool
}

func ladderCommand(global *globalOptions) *cli.Command {
	o := &ladderOptions{}
	return &cli.Command{
		Name:      "ladder",
		Usage:     "the career moves into and out of a role, rung by rung",
		ArgsUsage: "ROLE",
		Flags:     []cli.Flag{ladderDepthFlag(&o.depth), jsonFlag(&o.json)},
		Action: func(c *cli.Context) error {
			if err := checkLadderDepth(o.depth); err != nil {
				return err
			}
			g, role, err := roleQuery(c, global)
			if err != nil {
				return err
			}
			l, err := g.Ladder(role.ID, o.depth)
			if err != nil {
				return err
			}
			empty := len(l.Above)+len(l.Below) == 0
			w := answerWriter(c, o.json)
			if o.json {
				answer := wire.NewLadder(g, role, l)
				if empty {
					answer.Reason = "no career move in the documents leads into or out of this role"
					return noAnswerJSON(w, answer)
				}
				return wire.Write(w, answer)
			}
			writeLadder(w, g, role, l)
			if empty {
				return errNoAnswer
			}
			return nil
		},
	}
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
	shown := g.NamesOf(ids[:min(len(ids), maxRungNames)])
	text := strings.Join(shown, " · ")
	if more := len(ids) - len(shown); more > 0 {
		text += fmt.Sprintf(" (+%d more; --json lists all)", more)
	}
	return text
}
