package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"careergraph/cmd/careergraph/internal/wire"
	"careergraph/graph"
	"careergraph/loader"
)

// checkOptions are the flags of check.
type checkOptions struct {
	strict bool
	json   bool
}

func checkCommand(global *globalOptions) *cli.Command {
	o := &checkOptions{}
	return &cli.Command{
		Name:  "check",
		Usage: "every problem of the documents, every merge of names and why, ambiguous and near-duplicate names",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "strict", Usage: "exit 1 on warnings too", Destination: &o.strict},
			jsonFlag(&o.json),
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("check takes no arguments; got %q", c.Args().First())
			}
			corpus, err := loadCorpus(c, global, true) // check lists the problems itself
			if err != nil {
				return err
			}
			cycles := corpus.Graph.CareerCycles()
			w := answerWriter(c, o.json)
			if o.json {
				err = wire.Write(w, wire.NewCheck(corpus, cycles))
			} else {
				writeCheck(w, corpus, cycles)
			}
			if err != nil {
				return err
			}
			if corpus.Errors() > 0 || o.strict && corpus.Warnings() > 0 {
				return errNoAnswer
			}
			return nil
		},
	}
}

func writeCheck(w io.Writer, c *loader.Corpus, cycles [][]string) {
	fmt.Fprintf(w, "%s read, %s: %s, %s\n", plural(c.NumFiles, "file", "files"),
		plural(c.NumDocuments, "document", "documents"), plural(c.Errors(), "error", "errors"), plural(c.Warnings(), "warning", "warnings"))
	if len(c.Sources) > 0 {
		fmt.Fprintln(w, "\nSources besides documents")
		var t table
		for _, s := range c.Sources {
			what := s.Format
			if s.Version != "" {
				what += " " + s.Version
			}
			t.add(s.Name, what, plural(s.Roles, "role", "roles"), plural(s.Moves, "move", "moves"))
		}
		t.write(w, "  ")
		fmt.Fprintf(w, "  dropped: %s, %s\n", plural(c.Dropped.SelfLinks, "self-link", "self-links"),
			plural(c.Dropped.Duplicates, "repeated move", "repeated moves"))
	}
	if len(c.Problems) > 0 {
		fmt.Fprintln(w, "\nProblems")
		for _, p := range c.Problems {
			fmt.Fprintf(w, "  %s\n", p)
		}
	}
	if len(c.Merges) > 0 {
		fmt.Fprintln(w, "\nNames joined to a role by a rule (not by exact spelling)")
		var t table
		for _, m := range c.Merges {
			t.add(fmt.Sprintf("%q", m.Name), "→ "+fmt.Sprintf("%q", m.Role), m.Rule.String(), m.Source.String())
		}
		t.write(w, "  ")
	}
	if len(c.Ambiguous) > 0 {
		fmt.Fprintln(w, "\nAmbiguous names (claimed by more than one occupation; each use stays a role of its own)")
		for _, a := range c.Ambiguous {
			fmt.Fprintf(w, "  %q: %s", a.Name, strings.Join(quoteEach(a.Claimants), ", "))
			if len(a.Uses) > 0 {
				fmt.Fprintf(w, "; used at %s", strings.Join(graph.SourceStrings(a.Uses), ", "))
			}
			fmt.Fprintln(w)
		}
	}
	if len(c.NearDuplicates) > 0 {
		fmt.Fprintln(w, "\nNear-duplicate roles (kept apart; join them with --aliases if they are one)")
		for _, n := range c.NearDuplicates {
			fmt.Fprintf(w, "  %s\n", strings.Join(quoteEach(n.Roles), ", "))
		}
	}
	if len(cycles) > 0 {
		fmt.Fprintln(w, "\nCareer moves that go round in a circle")
		for _, cy := range cycles {
			shown := quoteEach(c.Graph.NamesOf(cy[:min(len(cy), maxCycleNames)]))
			line := strings.Join(shown, ", ")
			if more := len(cy) - len(shown); more > 0 {
				line = fmt.Sprintf("%d roles: %s and %d more (--json lists all)", len(cy), line, more)
			}
			fmt.Fprintf(w, "  %s\n", line)
		}
	}
}

// maxCycleNames is how many roles of one career cycle the text of check
// shows.
const maxCycleNames = 10

func quoteEach(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = strconv.Quote(x)
	}
	return out
}
