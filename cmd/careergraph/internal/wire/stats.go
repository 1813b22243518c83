package wire

import (
	"careergraph/graph"
	"careergraph/loader"
)

// Hub is one of the most connected roles.
type Hub struct {
	Role   string `json:"role"`
	Degree int    `json:"degree"`
}

// Stats is the answer of stats.
type Stats struct {
	Files      int            `json:"files"`
	Documents  int            `json:"documents"`
	Broken     int            `json:"broken"`
	Roles      int            `json:"roles"`
	Documented int            `json:"documented"`
	Moves      map[string]int `json:"moves"` // by kind: "career", "related"
	Components int            `json:"components"`
	Hubs       []Hub          `json:"hubs"`
	// Sources are the sources other than documents read: O*NET
	// releases, pathway tables, spreadsheets. Left out for documents
	// alone.
	Sources []Source `json:"sources,omitempty"`
}

// NewStats returns the stats of a corpus, s being its graph's Stats.
func NewStats(corpus *loader.Corpus, s graph.Stats) Stats {
	g := corpus.Graph
	out := Stats{
		Files: corpus.NumFiles, Documents: corpus.NumDocuments, Broken: len(corpus.Skipped),
		Roles: s.Roles, Documented: s.Documented, Moves: map[string]int{}, Components: s.Components, Hubs: []Hub{},
	}
	for _, k := range graph.Kinds {
		out.Moves[k.String()] = s.Moves[k]
	}
	for _, h := range s.Hubs {
		out.Hubs = append(out.Hubs, Hub{g.NameOf(h.Role), h.Degree})
	}
	out.Sources = newSources(corpus)
	return out
}

// Check is the answer of check: every problem of the documents and every
// decision about names worth a look.
type Check struct {
	Files     int             `json:"files"`
	Documents int             `json:"documents"`
	Errors    int             `json:"errors"`
	Warnings  int             `json:"warnings"`
	Problems  []Problem       `json:"problems"`
	Merges    []Merge         `json:"merges"`
	Ambiguous []Ambiguity     `json:"ambiguous"`
	Near      []NearDuplicate `json:"near_duplicates"`
	Cycles    [][]string      `json:"career_cycles"`
	// Sources are the sources other than documents read; Dropped the
	// moves of theirs dropped on purpose. Both left out for documents
	// alone.
	Sources []Source `json:"sources,omitempty"`
	Dropped *Dropped `json:"dropped,omitempty"`
}

// Source is one source other than documents that was read.
type Source struct {
	Name    string `json:"name"`
	Format  string `json:"format"`
	Version string `json:"version,omitempty"`
	Roles   int    `json:"roles"`
	Moves   int    `json:"moves"`
}

// Dropped counts the moves dropped on purpose: self-links and repeated
// rows.
type Dropped struct {
	SelfLinks  int `json:"self_links"`
	Duplicates int `json:"duplicates"`
}

// Problem is a problem of a document, at file:line (line 0: the whole
// file).
type Problem struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

// Merge is a name joined to a role by a rule rather than by its exact
// spelling.
type Merge struct {
	Name   string `json:"name"`
	Role   string `json:"role"`
	Rule   string `json:"rule"`
	Source string `json:"source"`
}

// Ambiguity is a name claimed by more than one occupation.
type Ambiguity struct {
	Name      string   `json:"name"`
	Claimants []string `json:"claimants"`
	Uses      []string `json:"uses"`
}

// NearDuplicate is roles kept apart whose names are almost the same.
type NearDuplicate struct {
	Key   string   `json:"key"`
	Roles []string `json:"roles"`
}

// NewCheck returns the check report of a corpus with its graph's career
// cycles (role IDs).
func NewCheck(c *loader.Corpus, cycles [][]string) Check {
	out := Check{
		Files: c.NumFiles, Documents: c.NumDocuments, Errors: c.Errors(), Warnings: c.Warnings(),
		Problems: []Problem{}, Merges: []Merge{}, Ambiguous: []Ambiguity{}, Near: []NearDuplicate{}, Cycles: [][]string{},
	}
	for _, p := range c.Problems {
		out.Problems = append(out.Problems, Problem{p.File, p.Line, p.Severity.String(), p.Msg})
	}
	for _, m := range c.Merges {
		out.Merges = append(out.Merges, Merge{m.Name, m.Role, m.Rule.String(), m.Source.String()})
	}
	for _, a := range c.Ambiguous {
		out.Ambiguous = append(out.Ambiguous, Ambiguity{a.Name, a.Claimants, emptyIfNil(graph.SourceStrings(a.Uses))})
	}
	for _, n := range c.NearDuplicates {
		out.Near = append(out.Near, NearDuplicate{n.Key, n.Roles})
	}
	for _, cy := range cycles {
		out.Cycles = append(out.Cycles, c.Graph.NamesOf(cy))
	}
	out.Sources = newSources(c)
	if len(c.Sources) > 0 {
		out.Dropped = &Dropped{c.Dropped.SelfLinks, c.Dropped.Duplicates}
	}
	return out
}

// newSources returns the sources other than documents that c read, nil
// when none.
func newSources(c *loader.Corpus) []Source {
	var out []Source
	for _, s := range c.Sources {
		out = append(out, Source{s.Name, s.Format, s.Version, s.Roles, s.Moves})
	}
	return out
}
