package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"careergraph/graph"
)

func rolesCommand() *cli.Command {
	return &cli.Command{
		Name:      "roles",
		Usage:     "list roles, or search them by name, alias or kana reading",
		ArgsUsage: "[QUERY]",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "documented", Usage: "only roles a document describes"},
			&cli.IntFlag{Name: "limit", Usage: "at most `N` roles (0: all)"},
			jsonFlag,
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 1 {
				return usagef("roles takes at most one query; got %d arguments (quote names with spaces)", c.NArg())
			}
			if c.Int("limit") < 0 {
				return usagef("--limit %d: give 0 (all) or more", c.Int("limit"))
			}
			corpus, err := loadCorpus(c, false)
			if err != nil {
				return err
			}
			g := corpus.Graph
			query := c.Args().First()
			var found []graph.Match
			for _, m := range g.Search(query, 0) {
				if !c.Bool("documented") || m.Role.Documented {
					found = append(found, m)
				}
			}
			if n := c.Int("limit"); n > 0 && len(found) > n {
				found = found[:n]
			}
			if c.Bool("json") {
				if err := writeJSON(c.App.Writer, rolesJSON(query, found)); err != nil {
					return err
				}
			} else {
				writeRoles(c.App.Writer, query, found)
			}
			if len(found) == 0 {
				return errNoAnswer
			}
			return nil
		},
	}
}

func rolesJSON(query string, found []graph.Match) any {
	type role struct {
		ID         string   `json:"id"`
		Name       string   `json:"name"`
		Documented bool     `json:"documented"`
		Reading    string   `json:"reading"`
		Names      []string `json:"names"`
		MatchedBy  string   `json:"matched_by,omitempty"`
	}
	out := struct {
		Query string `json:"query"`
		Roles []role `json:"roles"`
	}{Query: query, Roles: []role{}}
	for _, m := range found {
		r := role{ID: m.Role.ID, Name: m.Role.Name, Documented: m.Role.Documented, Reading: m.Role.Reading, Names: emptyIfNil(m.Role.Names)}
		if query != "" {
			r.MatchedBy = m.MatchBy
		}
		out.Roles = append(out.Roles, r)
	}
	return out
}

func writeRoles(w io.Writer, query string, found []graph.Match) {
	if query != "" {
		fmt.Fprintf(w, "%s matching %q (* documented)\n\n", plural(len(found), "role", "roles"), query)
	} else {
		fmt.Fprintf(w, "%s (* documented)\n\n", plural(len(found), "role", "roles"))
	}
	var t table
	for _, m := range found {
		mark := " "
		if m.Role.Documented {
			mark = "*"
		}
		extra := m.Role.Reading
		if query != "" && m.MatchBy != m.Role.Name && m.MatchBy != m.Role.Reading {
			extra = strings.TrimSpace(extra + "  (as " + fmt.Sprintf("%q", m.MatchBy) + ")")
		}
		t.add(mark, m.Role.Name, extra)
	}
	t.write(w, "")
}

func showCommand() *cli.Command {
	return &cli.Command{
		Name:      "show",
		Usage:     "an occupation's card: what it is, what it asks, where it leads",
		ArgsUsage: "ROLE",
		Flags:     []cli.Flag{jsonFlag},
		Action: func(c *cli.Context) error {
			g, role, err := roleQuery(c)
			if err != nil {
				return err
			}
			out, in, err := g.MovesOf(role.ID)
			if err != nil {
				return err
			}
			card := newCard(g, role, out, in)
			if c.Bool("json") {
				return writeJSON(c.App.Writer, card)
			}
			card.write(c.App.Writer)
			return nil
		},
	}
}

// card is what show prints of a role.
type card struct {
	ID                string   `json:"id"`
	Name              string   `json:"name"`
	Documented        bool     `json:"documented"`
	Reading           string   `json:"reading"`
	Classification    []string `json:"classification"`
	Names             []string `json:"names"`
	Summary           string   `json:"summary"`
	RequiredSkills    []string `json:"required_skills"`
	RecommendedSkills []string `json:"recommended_skills"`
	Qualifications    []string `json:"qualifications"`
	CareerFrom        []link   `json:"career_from"` // roles with a career move into this one
	CareerTo          []link   `json:"career_to"`
	Related           []link   `json:"related"`
	Documents         []string `json:"documents"`
}

// link is a neighbouring role with where the move is written.
type link struct {
	Role    string   `json:"role"`
	Sources []string `json:"sources"`
}

func newCard(g *graph.Graph, r graph.Role, out, in []graph.Move) card {
	c := card{
		ID: r.ID, Name: r.Name, Documented: r.Documented, Reading: r.Reading,
		Classification: emptyIfNil(r.Classification), Names: emptyIfNil(r.Names),
		RequiredSkills: []string{}, RecommendedSkills: []string{}, Qualifications: []string{},
		CareerFrom: []link{}, CareerTo: []link{}, Related: []link{}, Documents: emptyIfNil(r.Docs),
	}
	if p := r.Profile; p != nil {
		c.Summary = p.Summary
		c.RequiredSkills = emptyIfNil(p.RequiredSkills)
		c.RecommendedSkills = emptyIfNil(p.RecommendedSkills)
		c.Qualifications = emptyIfNil(p.Qualifications)
	}
	related := map[string][]string{} // a related role and where either side names the other
	for _, m := range out {
		if m.Kind == graph.Career {
			c.CareerTo = append(c.CareerTo, link{name(g, m.To), sourceStrings(m.Sources)})
		} else {
			related[m.To] = append(related[m.To], sourceStrings(m.Sources)...)
		}
	}
	for _, m := range in {
		if m.Kind == graph.Career {
			c.CareerFrom = append(c.CareerFrom, link{name(g, m.From), sourceStrings(m.Sources)})
		} else {
			related[m.From] = append(related[m.From], sourceStrings(m.Sources)...)
		}
	}
	for id, src := range related {
		slices.Sort(src)
		c.Related = append(c.Related, link{name(g, id), slices.Compact(src)})
	}
	slices.SortFunc(c.Related, func(a, b link) int { return strings.Compare(a.Role, b.Role) })
	return c
}

func (c card) write(w io.Writer) {
	fmt.Fprintln(w, c.Name)
	if c.Reading != "" {
		fmt.Fprintln(w, c.Reading)
	}
	if !c.Documented {
		fmt.Fprintln(w, "(mentioned in the documents; none describes it)")
	}
	if len(c.Classification) > 0 {
		fmt.Fprintf(w, "\nClassification  %s\n", strings.Join(c.Classification, " / "))
	}
	if c.Summary != "" {
		fmt.Fprintf(w, "\n%s\n", c.Summary)
	}
	list := func(title string, items []string) {
		if len(items) > 0 {
			fmt.Fprintf(w, "\n%s\n", title)
			for _, s := range items {
				fmt.Fprintf(w, "  - %s\n", s)
			}
		}
	}
	list("Required skills", c.RequiredSkills)
	list("Recommended skills", c.RecommendedSkills)
	list("Qualifications", c.Qualifications)
	links := func(title string, ls []link) {
		if len(ls) == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s\n", title)
		var t table
		for _, l := range ls {
			t.add(l.Role, strings.Join(l.Sources, ", "))
		}
		t.write(w, "  ")
	}
	links("Comes from (career moves in)", c.CareerFrom)
	links("Leads to (career moves out)", c.CareerTo)
	links("Related roles (lateral moves)", c.Related)
	if len(c.Names) > 1 {
		fmt.Fprintf(w, "\nAlso written  %s\n", strings.Join(c.Names, "; "))
	}
	if len(c.Documents) > 0 {
		fmt.Fprintf(w, "\nSources  %s\n", strings.Join(c.Documents, ", "))
	}
}
