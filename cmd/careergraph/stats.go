package main

import (
	"fmt"
	"io"
	"strconv"

	"github.com/urfave/cli/v2"

	"careergraph/cmd/careergraph/internal/wire"
	"careergraph/graph"
	"careergraph/loader"
)

// statsOptions are the flags of stats.
type statsOptions struct {
	json bool
}

func statsCommand(global *globalOptions) *cli.Command {
	o := &statsOptions{}
	return &cli.Command{
		Name:  "stats",
		Usage: "documents, roles, moves, connected components and the most connected roles",
		Flags: []cli.Flag{jsonFlag(&o.json)},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("stats takes no arguments; got %q", c.Args().First())
			}
			corpus, err := loadCorpus(c, global, false)
			if err != nil {
				return err
			}
			s := corpus.Graph.Stats()
			w := answerWriter(c, o.json)
			if o.json {
				return wire.Write(w, wire.NewStats(corpus, s))
			}
			writeStats(w, corpus, s)
			return nil
		},
	}
}

func writeStats(w io.Writer, corpus *loader.Corpus, s graph.Stats) {
	g := corpus.Graph
	var t table
	t.add("documents", strconv.Itoa(corpus.Documents))
	if corpus.Broken > 0 {
		t.add("unreadable files", strconv.Itoa(corpus.Broken))
	}
	t.add("roles", strconv.Itoa(s.Roles))
	t.add("documented roles", strconv.Itoa(s.Documented))
	t.add("career moves", strconv.Itoa(s.Moves[graph.Career]))
	t.add("related moves", strconv.Itoa(s.Moves[graph.Related]))
	t.add("connected components", strconv.Itoa(s.Components))
	t.write(w, "")
	if len(s.Hubs) > 0 {
		fmt.Fprintln(w, "\nMost connected roles (moves in and out)")
		var h table
		for _, hub := range s.Hubs {
			h.add(strconv.Itoa(hub.Degree), name(g, hub.Role))
		}
		h.write(w, "  ")
	}
}
