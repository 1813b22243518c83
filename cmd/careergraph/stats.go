package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"careergraph/graph"
	"careergraph/loader"
)

func statsCommand() *cli.Command {
	return &cli.Command{
		Name:  "stats",
		Usage: "documents, roles, moves, connected components and the most connected roles",
		Flags: []cli.Flag{jsonFlag},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("stats takes no arguments; got %q", c.Args().First())
			}
			corpus, err := loadCorpus(c, false)
			if err != nil {
				return err
			}
			g := corpus.Graph
			s := g.Stats()
			if c.Bool("json") {
				return writeJSON(c.App.Writer, statsJSON(g, corpus, s))
			}
			writeStats(c.App.Writer, g, corpus, s)
			return nil
		},
	}
}

func statsJSON(g *graph.Graph, corpus *loader.Corpus, s graph.Stats) any {
	type hub struct {
		Role   string `json:"role"`
		Degree int    `json:"degree"`
	}
	out := struct {
		Files      int            `json:"files"`
		Documents  int            `json:"documents"`
		Broken     int            `json:"broken"`
		Roles      int            `json:"roles"`
		Documented int            `json:"documented"`
		Moves      map[string]int `json:"moves"`
		Components int            `json:"components"`
		Hubs       []hub          `json:"hubs"`
	}{
		Files: corpus.NumFiles, Documents: corpus.NumDocuments, Broken: len(corpus.Skipped),
		Roles: s.Roles, Documented: s.Documented, Moves: map[string]int{}, Components: s.Components, Hubs: []hub{},
	}
	for _, k := range graph.Kinds {
		out.Moves[k.String()] = s.Moves[k]
	}
	for _, h := range s.Hubs {
		out.Hubs = append(out.Hubs, hub{name(g, h.Role), h.Degree})
	}
	return out
}

func writeStats(w io.Writer, g *graph.Graph, corpus *loader.Corpus, s graph.Stats) {
	var t table
	t.add("documents", strconv.Itoa(corpus.NumDocuments))
	if len(corpus.Skipped) > 0 {
		t.add("unreadable files", strconv.Itoa(len(corpus.Skipped)))
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

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:  "check",
		Usage: "every problem of the documents, every merge of names and why, ambiguous and near-duplicate names",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "strict", Usage: "exit 1 on warnings too"},
			jsonFlag,
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("check takes no arguments; got %q", c.Args().First())
			}
			corpus, err := loadCorpus(c, true)
			if err != nil {
				return err
			}
			cycles := corpus.Graph.CareerCycles()
			if c.Bool("json") {
				err = writeJSON(c.App.Writer, checkJSON(corpus, cycles))
			} else {
				writeCheck(c.App.Writer, corpus, cycles)
			}
			if err != nil {
				return err
			}
			if corpus.Errors() > 0 || c.Bool("strict") && corpus.Warnings() > 0 {
				return errNoAnswer
			}
			return nil
		},
	}
}

type checkReport struct {
	Files     int                 `json:"files"`
	Documents int                 `json:"documents"`
	Errors    int                 `json:"errors"`
	Warnings  int                 `json:"warnings"`
	Problems  []problemJSON       `json:"problems"`
	Merges    []mergeJSON         `json:"merges"`
	Ambiguous []ambiguityJSON     `json:"ambiguous"`
	Near      []nearDuplicateJSON `json:"near_duplicates"`
	Cycles    [][]string          `json:"career_cycles"`
}

type problemJSON struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

type mergeJSON struct {
	Name   string `json:"name"`
	Role   string `json:"role"`
	Rule   string `json:"rule"`
	Source string `json:"source"`
}

type ambiguityJSON struct {
	Name      string   `json:"name"`
	Claimants []string `json:"claimants"`
	Uses      []string `json:"uses"`
}

type nearDuplicateJSON struct {
	Key   string   `json:"key"`
	Roles []string `json:"roles"`
}

func checkJSON(c *loader.Corpus, cycles [][]string) any {
	out := checkReport{
		Files: c.NumFiles, Documents: c.NumDocuments, Errors: c.Errors(), Warnings: c.Warnings(),
		Problems: []problemJSON{}, Merges: []mergeJSON{}, Ambiguous: []ambiguityJSON{}, Near: []nearDuplicateJSON{}, Cycles: [][]string{},
	}
	for _, p := range c.Problems {
		out.Problems = append(out.Problems, problemJSON{p.File, p.Line, p.Severity.String(), p.Msg})
	}
	for _, m := range c.Merges {
		out.Merges = append(out.Merges, mergeJSON{m.Name, m.Role, m.Rule.String(), m.Source.String()})
	}
	for _, a := range c.Ambiguous {
		out.Ambiguous = append(out.Ambiguous, ambiguityJSON{a.Name, a.Claimants, emptyIfNil(sourceStrings(a.Uses))})
	}
	for _, n := range c.NearDuplicates {
		out.Near = append(out.Near, nearDuplicateJSON{n.Key, n.Roles})
	}
	for _, cy := range cycles {
		out.Cycles = append(out.Cycles, names(c.Graph, cy))
	}
	return out
}

func writeCheck(w io.Writer, c *loader.Corpus, cycles [][]string) {
	fmt.Fprintf(w, "%s read, %s: %s, %s\n", plural(c.NumFiles, "file", "files"),
		plural(c.NumDocuments, "document", "documents"), plural(c.Errors(), "error", "errors"), plural(c.Warnings(), "warning", "warnings"))
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
				fmt.Fprintf(w, "; used at %s", strings.Join(sourceStrings(a.Uses), ", "))
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
			shown := quoteEach(names(c.Graph, cy[:min(len(cy), maxCycleNames)]))
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
