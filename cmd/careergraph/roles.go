package main

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"careergraph/cmd/careergraph/internal/wire"
	"careergraph/graph"
)

// rolesOptions are the flags of roles.
type rolesOptions struct {
	documented bool
	limit      int
	json       bool
	list       string
	fields     map[string]*cli.StringSlice // content filters by graph field
}

// fieldFlags are the content filters of roles: flag name, aliases, the
// graph field and what it matches.
var fieldFlags = []struct {
	name    string
	aliases []string
	field   string
	usage   string
}{
	{"skill", nil, graph.FieldSkill, "roles whose documents ask for `SKILL` (required or recommended)"},
	{"qualification", nil, graph.FieldQualification, "roles whose documents list `QUALIFICATION`"},
	{"class", nil, graph.FieldClass, "roles filed under `CLASS` at any level of the classification"},
	{"trait", nil, graph.FieldTrait, "roles whose documents list the personality `TRAIT`"},
	{"tag", []string{"keyword"}, graph.FieldTag, "roles with the tag or keyword `TAG`"},
	{"aptitude", nil, graph.FieldAptitude, "roles whose aptitude tables name `APTITUDE`"},
	{"text", nil, graph.FieldText, "roles whose summary or description holds every word of `WORDS`"},
}

func rolesCommand(global *globalOptions) *cli.Command {
	o := &rolesOptions{fields: map[string]*cli.StringSlice{}}
	flags := []cli.Flag{
		&cli.BoolFlag{Name: "documented", Usage: "only roles a document describes", Destination: &o.documented},
		&cli.IntFlag{Name: "limit", Usage: "at most `N` roles (0: all)", Destination: &o.limit},
	}
	for _, f := range fieldFlags {
		dst := &cli.StringSlice{}
		o.fields[f.field] = dst
		flags = append(flags, &cli.StringSliceFlag{Name: f.name, Aliases: f.aliases, Usage: f.usage + "; repeatable, all must match", Destination: dst})
	}
	flags = append(flags,
		&cli.StringFlag{Name: "list", Usage: "the vocabulary of `FIELD` instead: every skill, qualification, class, trait, tag or aptitude the documents list, with how many roles list it", Destination: &o.list},
		jsonFlag(&o.json))
	return &cli.Command{
		Name:      "roles",
		Usage:     "list roles, or search them by name, alias or kana reading, or by what their documents say",
		ArgsUsage: "[QUERY]",
		Flags:     flags,
		Action: func(c *cli.Context) error {
			if c.NArg() > 1 {
				return usagef("roles takes at most one query; got %d arguments (quote names with spaces)", c.NArg())
			}
			if o.limit < 0 {
				return usagef("--limit %d: give 0 (all) or more", o.limit)
			}
			var filters []graph.FieldQuery
			for _, f := range fieldFlags {
				for _, v := range o.fields[f.field].Value() {
					if strings.TrimSpace(v) == "" {
						return usagef("--%s needs a value; to see every %s the documents list, use --list %s", f.name, f.field, f.field)
					}
					filters = append(filters, graph.FieldQuery{Field: f.field, Value: v})
				}
			}
			if o.list != "" && (len(filters) > 0 || c.NArg() > 0) {
				return usagef("--list %s lists a vocabulary: give it without a query or filters", o.list)
			}
			if o.list != "" && (o.list == graph.FieldText || !slices.Contains(graph.Fields, o.list)) {
				return usagef("--list %q: want one of %s", o.list, strings.Join(graph.Fields[:len(graph.Fields)-1], ", "))
			}
			corpus, err := loadCorpus(c, global, false)
			if err != nil {
				return err
			}
			g := corpus.Graph
			w := answerWriter(c, o.json)
			if o.list != "" {
				return listVocabulary(w, g, o)
			}
			query := c.Args().First()
			if len(filters) > 0 {
				return searchFields(w, g, query, filters, o)
			}
			var found []graph.Match
			for _, m := range g.Search(query, 0) {
				if !o.documented || m.Role.Documented {
					found = append(found, m)
				}
			}
			if o.limit > 0 && len(found) > o.limit {
				found = found[:o.limit]
			}
			if o.json {
				answer := wire.NewRoles(query, found)
				if len(found) == 0 {
					answer.Reason = "no role matches"
					return noAnswerJSON(w, answer)
				}
				return wire.Write(w, answer)
			}
			writeRoles(w, query, found)
			if len(found) == 0 {
				return errNoAnswer
			}
			return nil
		},
	}
}

// listVocabulary answers roles --list FIELD.
func listVocabulary(w io.Writer, g *graph.Graph, o *rolesOptions) error {
	terms, err := g.Vocabulary(o.list)
	if err != nil {
		return err
	}
	if o.limit > 0 && len(terms) > o.limit {
		terms = terms[:o.limit]
	}
	answer := wire.NewVocabulary(o.list, terms)
	if o.json {
		if len(terms) == 0 {
			answer.Reason = wire.NoTerms
			return noAnswerJSON(w, answer)
		}
		return wire.Write(w, answer)
	}
	many := o.list + "s"
	if o.list == graph.FieldClass {
		many = "classes"
	}
	fmt.Fprintf(w, "%s the sources list, with how many roles list each\n\n", plural(len(terms), o.list, many))
	var t table
	for _, tm := range terms {
		t.add(strconv.Itoa(tm.Roles), tm.Value)
	}
	t.write(w, "  ")
	if len(terms) == 0 {
		return errNoAnswer
	}
	return nil
}

// searchFields answers roles with content filters, and a name query if
// one is given.
func searchFields(w io.Writer, g *graph.Graph, query string, filters []graph.FieldQuery, o *rolesOptions) error {
	hits, err := g.SearchFields(filters)
	if err != nil {
		return err
	}
	var byName map[string]bool
	if query != "" {
		byName = map[string]bool{}
		for _, m := range g.Search(query, 0) {
			byName[m.Role.ID] = true
		}
	}
	kept := hits[:0]
	for _, h := range hits {
		if (!o.documented || h.Role.Documented) && (byName == nil || byName[h.Role.ID]) {
			kept = append(kept, h)
		}
	}
	if o.limit > 0 && len(kept) > o.limit {
		kept = kept[:o.limit]
	}
	answer := wire.NewFieldRoles(query, filters, kept)
	if o.json {
		if len(kept) == 0 {
			answer.Reason = "no role matches"
			return noAnswerJSON(w, answer)
		}
		return wire.Write(w, answer)
	}
	var asked []string
	for _, f := range filters {
		asked = append(asked, fmt.Sprintf("%s %q", f.Field, f.Value))
	}
	if query != "" {
		asked = append([]string{fmt.Sprintf("name %q", query)}, asked...)
	}
	fmt.Fprintf(w, "%s matching %s (* documented)\n\n", plural(len(kept), "role", "roles"), strings.Join(asked, " and "))
	var t table
	for _, r := range answer.Roles {
		mark := " "
		if r.Documented {
			mark = "*"
		}
		for i, m := range r.Matches {
			name := r.Name
			if i > 0 {
				mark, name = "", ""
			}
			t.add(mark, name, m.Field+": "+m.Value)
		}
	}
	t.write(w, "")
	if len(kept) == 0 {
		return errNoAnswer
	}
	return nil
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
