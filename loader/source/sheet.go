package source

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"careergraph/graph"
)

// The column names of the spreadsheets, in headerKey form.
var (
	moveFrom = []string{"from", "from role", "from title"}
	moveTo   = []string{"to", "to role", "to title"}
	moveKind = []string{"kind", "type"}
	moveCost = []string{"cost", "weight"}
	moveNote = []string{"source", "note", "notes"}

	roleName    = []string{"role", "title"}
	roleAliases = []string{"aliases", "alias", "other names"}
	roleReading = []string{"reading"}
	roleLevel   = []string{"level"}
	roleDesc    = []string{"description", "summary"}
	roleCode    = []string{"code"}
)

// maxLevel bounds a spreadsheet's level column.
const maxLevel = 100

// ReadMoves reads an HR planner's moves spreadsheet from r; name is used
// in messages. It is CSV, TSV or semicolon-separated (the delimiter is
// taken from the header row), RFC 4180 quoting, UTF-8 with or without a
// BOM, LF or CRLF line ends. Columns are found by name, in any case and
// order: from and to (required), kind (career, the default, or related;
// lateral means related), cost (a positive number, used as given and
// rounded to 0.001; without it career moves cost DocumentCareerCost and
// related ones DocumentRelatedCost), and source or note (kept in
// Move.Note). Roles are the names the moves use, in order of first use.
//
// Every bad row — no from or to, an unknown kind, a bad cost, a row that
// is not valid CSV — is a problem with file and line and is skipped; the
// good rows still load. Self-links and repeated (from, to, kind) rows are
// dropped and counted in Set.Dropped, with a warning when they disagree
// on cost. ReadMoves fails only when the header lacks from or to, or the
// input cannot be read or exceeds MaxTableBytes.
func ReadMoves(r io.Reader, name string) (*Set, error) {
	t, err := openTable(r, name)
	if err != nil {
		return nil, err
	}
	from, to := t.col(moveFrom...), t.col(moveTo...)
	if from < 0 || to < 0 {
		return nil, layoutError(name, t.header, "from and to")
	}
	kind, cost := t.col(moveKind...), t.col(moveCost...)
	var notes []int
	for _, k := range moveNote {
		if i := t.col(k); i >= 0 {
			notes = append(notes, i)
		}
	}
	s := &Set{Format: Moves, Name: name}
	seen := map[moveKey]int{}
	roles := namedRoles{s: s, file: name, seen: map[string]bool{}}
	if err := t.each(s, func(row []string, line int) {
		m := Move{From: field(row, from), To: field(row, to), Kind: Career, Cost: DocumentCareerCost, Basis: Default,
			Source: graph.Source{File: name, Line: line}}
		switch {
		case m.From == "" && m.To == "":
			s.errorf(name, line, "no %s and no %s: row skipped", t.header[from], t.header[to])
			return
		case m.From == "":
			s.errorf(name, line, "no %s (to %q): row skipped", t.header[from], m.To)
			return
		case m.To == "":
			s.errorf(name, line, "no %s (from %q): row skipped", t.header[to], m.From)
			return
		}
		if k := field(row, kind); k != "" {
			switch strings.ToLower(k) {
			case "career":
			case "related", "lateral":
				m.Kind, m.Cost = Related, DocumentRelatedCost
			default:
				s.errorf(name, line, "unknown kind %q (want career, related or lateral): row skipped", k)
				return
			}
		}
		if c := field(row, cost); c != "" {
			v, err := strconv.ParseFloat(c, 64)
			if err == nil {
				v, err = GivenCost(v)
			} else {
				err = fmt.Errorf("cost %q: want a positive number", c)
			}
			if err != nil {
				s.errorf(name, line, "%v: row skipped", err)
				return
			}
			m.Cost, m.Basis = v, Given
		}
		var note []string
		for _, i := range notes {
			if f := field(row, i); f != "" {
				note = append(note, f)
			}
		}
		m.Note = strings.Join(note, "; ")
		roles.add(m.From, line)
		roles.add(m.To, line)
		dups, selfs := s.Dropped.Duplicates, s.Dropped.SelfLinks
		k := moveKey{graph.NormalName(m.From), graph.NormalName(m.To), m.Kind}
		var first Move
		if i, ok := seen[k]; ok {
			first = s.Moves[i]
		}
		s.addMove(m, seen)
		switch {
		case s.Dropped.SelfLinks > selfs:
			s.warnf(name, line, "move from %q to itself: row skipped", m.From)
		case s.Dropped.Duplicates > dups && first.Cost != m.Cost:
			s.warnf(name, line, "%s move %q → %q repeats line %d with another cost (%g, not %g): the cheaper kept",
				m.Kind, m.From, m.To, first.Source.Line, m.Cost, first.Cost)
		}
	}); err != nil {
		return nil, err
	}
	return s, nil
}

// ReadRoles reads a roles spreadsheet from r; name is used in messages.
// Delimiters, quoting and encoding are as for ReadMoves. Columns by name,
// any case and order: role or title (required); aliases or other
// names (separated by ";" or "|"); reading; level (a whole number from 1);
// description or summary; code. A row without a role, or with a bad
// level, is a problem: the first is skipped, the second loads without a
// level. A role listed twice is merged into its first row, with a
// warning.
func ReadRoles(r io.Reader, name string) (*Set, error) {
	t, err := openTable(r, name)
	if err != nil {
		return nil, err
	}
	title := t.col(roleName...)
	if title < 0 {
		return nil, layoutError(name, t.header, "role or title")
	}
	aliases, reading, level, desc, code := t.col(roleAliases...), t.col(roleReading...), t.col(roleLevel...), t.col(roleDesc...), t.col(roleCode...)
	s := &Set{Format: Roles, Name: name}
	byName := map[string]int{}
	if err := t.each(s, func(row []string, line int) {
		ro := Role{Name: field(row, title), Reading: field(row, reading), Description: field(row, desc),
			Code: field(row, code), Source: graph.Source{File: name, Line: line}}
		if ro.Name == "" {
			s.errorf(name, line, "no %s: row skipped", t.header[title])
			return
		}
		for _, a := range strings.FieldsFunc(field(row, aliases), func(r rune) bool { return r == ';' || r == '|' }) {
			if a = strings.TrimSpace(a); a != "" {
				ro.Names = append(ro.Names, a)
			}
		}
		if l := field(row, level); l != "" {
			n, err := strconv.Atoi(l)
			if err != nil || n < 1 || n > maxLevel {
				s.errorf(name, line, "level %q: want a whole number from 1 to %d: role kept without a level", l, maxLevel)
			} else {
				ro.Level = n
			}
		}
		k := graph.NormalName(ro.Name)
		if i, ok := byName[k]; ok {
			first := &s.Roles[i]
			s.warnf(name, line, "role %q listed again (first at line %d): merged", ro.Name, first.Source.Line)
			first.Names = append(first.Names, ro.Names...)
			first.Reading = cmpOr(first.Reading, ro.Reading)
			first.Description = cmpOr(first.Description, ro.Description)
			first.Code = cmpOr(first.Code, ro.Code)
			if first.Level == 0 {
				first.Level = ro.Level
			}
			return
		}
		byName[k] = len(s.Roles)
		s.Roles = append(s.Roles, ro)
	}); err != nil {
		return nil, err
	}
	for i := range s.Roles {
		s.Roles[i].Names = sortedNames(s.Roles[i].Names, s.Roles[i].Name)
	}
	return s, nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// layoutError says which columns a table lacks.
func layoutError(name string, header []string, want string) error {
	return fmt.Errorf("%s:1: %w: want columns %s; the header has %s", name, ErrUnknownLayout, want, quoteList(header, 8))
}

// readError names the file an error stopping a read came from.
func readError(name string, err error) error { return fmt.Errorf("%s: %w", name, err) }
