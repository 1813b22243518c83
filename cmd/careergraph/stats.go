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
	if corpus.NumDocuments > 0 || len(corpus.Sources) == 0 {
		t.add("documents", strconv.Itoa(corpus.NumDocuments))
	}
	for _, src := range corpus.Sources {
		t.add(sourceCount(src))
	}
	if len(corpus.Skipped) > 0 {
		t.add("files skipped", strconv.Itoa(len(corpus.Skipped)))
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
			h.add(strconv.Itoa(hub.Degree), g.NameOf(hub.Role))
		}
		h.write(w, "  ")
	}
}

// sourceCount is the stats row of a source other than documents: what it
// gave, how many, and its name: "O*NET occupations", "1016",
// "onet-29.3 (O*NET 29.3)".
func sourceCount(s loader.SourceInfo) (what, n, name string) {
	switch s.Format {
	case "onet":
		name = s.Name
		if s.Version != "" {
			name += " (O*NET " + s.Version + ")"
		}
		return "O*NET occupations", strconv.Itoa(s.Roles), name
	case "roles":
		return "roles sheet roles", strconv.Itoa(s.Roles), s.Name
	}
	what = s.Format + " moves"
	if w, ok := sourceWords[s.Format]; ok {
		what = w + " moves"
	}
	return what, strconv.Itoa(s.Moves), s.Name
}
