package main

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"careergraph/cmd/careergraph/internal/wire"
)

// showOptions are the flags of show.
type showOptions struct {
	json bool
}

func showCommand(global *globalOptions) *cli.Command {
	o := &showOptions{}
	return &cli.Command{
		Name:      "show",
		Usage:     "an occupation's card: every section its documents have, and where it leads",
		ArgsUsage: "ROLE",
		Flags:     []cli.Flag{jsonFlag(&o.json)},
		Action: func(c *cli.Context) error {
			corpus, err := loadCorpus(c, global, false)
			if err != nil {
				return err
			}
			g := corpus.Graph
			if c.NArg() != 1 {
				return usagef("show takes one role; got %s (quote names with spaces)", plural(c.NArg(), "argument", "arguments"))
			}
			found, err := g.Lookup(c.Args().First())
			if err != nil {
				return err
			}
			role := found.Role
			out, in, err := g.MovesOf(role.ID)
			if err != nil {
				return err
			}
			card := wire.NewCard(g, role, out, in)
			card.MatchedAs = found.MatchedAs
			w := answerWriter(c, o.json)
			if o.json {
				return wire.Write(w, card)
			}
			writeCard(w, card, undescribed(corpus, out, in), textWidth(c.App.Writer))
			return nil
		},
	}
}

// textWidth returns the width to wrap prose to: the terminal's when w is
// one, else 80.
func textWidth(w io.Writer) int {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols >= 40 {
			return cols
		}
	}
	return 80
}

// writeCard prints a role's card as text, prose wrapped to width; note
// says where a role no source describes is named (see undescribed).
func writeCard(w io.Writer, c wire.Card, note string, width int) {
	if c.MatchedAs != "" {
		fmt.Fprintf(w, "%s (as %q)\n", c.Name, c.MatchedAs)
	} else {
		fmt.Fprintln(w, c.Name)
	}
	if c.Reading != "" {
		fmt.Fprintln(w, c.Reading)
	}
	if !c.Documented {
		fmt.Fprintln(w, note)
		if len(c.MentionedIn) > 0 {
			fmt.Fprintln(w, "\nMentioned in")
			for _, s := range c.MentionedIn {
				fmt.Fprintf(w, "  %s\n", s)
			}
		}
	}
	// A documented role's classification is a section of its documents.
	if len(c.Classification) > 0 && len(c.Profiles) == 0 {
		fmt.Fprintf(w, "\nClassification  %s\n", strings.Join(c.Classification, " / "))
	}
	if c.Code != "" || c.Level != 0 {
		var t table
		if c.Code != "" {
			t.add("Code", c.Code)
		}
		if c.Level != 0 {
			t.add("Level", levelString(c.Level, c.Code))
		}
		fmt.Fprintln(w)
		t.write(w, "")
	}
	for _, p := range c.Profiles {
		if len(c.Profiles) > 1 {
			fmt.Fprintf(w, "\n== From %s ==\n", p.Source)
		}
		for _, s := range p.Sections {
			writeSection(w, s, width)
		}
	}
	if len(c.Profiles) == 0 {
		if c.Description != "" {
			writeSection(w, wire.Section{Heading: "Description", Text: c.Description}, width)
		}
		if c.Summary != "" {
			writeSection(w, wire.Section{Heading: "Summary", Text: c.Summary}, width)
		}
	}
	links := func(title string, ls []wire.Link) {
		if len(ls) == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s\n", title)
		var t table
		for _, l := range ls {
			if l.Cost != 0 {
				t.add(l.Role, "cost "+costString(l.Cost), sourceList(l.Sources))
			} else {
				t.add(l.Role, sourceList(l.Sources))
			}
		}
		t.write(w, "  ")
	}
	links("Comes from (career moves in)", c.CareerFrom)
	links("Leads to (career moves out)", c.CareerTo)
	// Related roles with a tier (O*NET) come by tier, strongest first.
	tiers := map[string][]wire.Link{}
	var plain []wire.Link
	for _, l := range c.Related {
		if l.Tier != "" {
			tiers[l.Tier] = append(tiers[l.Tier], l)
		} else {
			plain = append(plain, l)
		}
	}
	names := slices.Sorted(maps.Keys(tiers))
	slices.SortStableFunc(names, func(a, b string) int { return cmp.Compare(tierRank(a), tierRank(b)) })
	for _, tier := range names {
		ls := tiers[tier]
		slices.SortStableFunc(ls, func(a, b wire.Link) int { return cmp.Compare(a.Index, b.Index) })
		links("Related roles, "+tier+" (lateral moves)", ls)
	}
	links("Related roles (lateral moves)", plain)
	if len(c.Names) > 1 {
		fmt.Fprintf(w, "\nAlso written  %s\n", strings.Join(c.Names, "; "))
	}
	if len(c.Documents) > 0 {
		fmt.Fprintf(w, "\nSources  %s\n", strings.Join(c.Documents, ", "))
	}
}

// writeSection prints one section under its heading: prose wrapped,
// lists as lists, aptitudes as a table of item and reason.
func writeSection(w io.Writer, s wire.Section, width int) {
	heading := s.Heading
	if heading == "" {
		heading = "(text before the first heading)"
	}
	fmt.Fprintf(w, "\n%s\n", heading)
	if s.Text != "" {
		for _, para := range strings.Split(s.Text, "\n") {
			for _, l := range wrap(para, width-2) {
				fmt.Fprintf(w, "  %s\n", l)
			}
		}
	}
	for _, it := range s.Items {
		for i, l := range wrap(it, width-4) {
			if i == 0 {
				fmt.Fprintf(w, "  - %s\n", l)
			} else {
				fmt.Fprintf(w, "    %s\n", l)
			}
		}
	}
	if len(s.Aptitudes) > 0 {
		col := 0
		for _, a := range s.Aptitudes {
			col = max(col, cellWidth(a.Item))
		}
		col = min(col, width/3)
		for _, a := range s.Aptitudes {
			reason := wrap(a.Reason, max(20, width-col-4))
			if len(reason) == 0 {
				reason = []string{""}
			}
			item := a.Item
			pad := col - cellWidth(item)
			if pad < 0 {
				fmt.Fprintf(w, "  %s\n", item)
				item, pad = "", col
			}
			for i, l := range reason {
				if i > 0 {
					item, pad = "", col
				}
				fmt.Fprintf(w, "  %s%s  %s\n", item, strings.Repeat(" ", pad), l)
			}
		}
	}
}

// wrap breaks s into lines of at most width columns at spaces (a word
// wider than width stands alone on its line). Text without spaces (kana)
// is broken between characters.
func wrap(s string, width int) []string {
	width = max(width, 10)
	var lines []string
	var cur strings.Builder
	curW := 0
	flush := func() {
		if cur.Len() > 0 {
			lines = append(lines, cur.String())
			cur.Reset()
			curW = 0
		}
	}
	for _, word := range strings.Fields(s) {
		ww := cellWidth(word)
		for ww > width && cellWidth(word) != len(word) { // wide text: cut between characters
			flush()
			head := runewidth.Truncate(word, width, "")
			if head == "" {
				break
			}
			lines = append(lines, head)
			word = word[len(head):]
			ww = cellWidth(word)
		}
		if word == "" {
			continue
		}
		if curW > 0 && curW+1+ww > width {
			flush()
		}
		if curW > 0 {
			cur.WriteByte(' ')
			curW++
		}
		cur.WriteString(word)
		curW += ww
	}
	flush()
	return lines
}

// tierRank orders O*NET relatedness tiers, strongest first; others last.
func tierRank(tier string) int {
	switch strings.ToLower(tier) {
	case "primary-short":
		return 0
	case "primary-long":
		return 1
	case "supplemental":
		return 2
	}
	return 3
}

// levelString writes a level, as an O*NET Job Zone when the role has an
// O*NET-SOC code.
func levelString(level int, code string) string {
	if len(code) == 10 && code[2] == '-' && code[7] == '.' {
		return fmt.Sprintf("%d (O*NET Job Zone %d of 5)", level, level)
	}
	return strconv.Itoa(level)
}

// sourceList writes sources on one line, the first few and a count.
func sourceList(src []string) string {
	if len(src) > 3 {
		return strings.Join(src[:3], ", ") + fmt.Sprintf(" (+%d)", len(src)-3)
	}
	return strings.Join(src, ", ")
}
