package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"careergraph/graph"
)

// The files WriteCSV writes, and the header of each, in neo4j-admin
// import form.
const (
	RolesFile = "roles.csv"
	MovesFile = "moves.csv"
)

var (
	rolesHeader = []string{"id:ID(Role)", "name", "documented:boolean", "reading", "names:string[]", "docs:string[]", ":LABEL", "level:int", "code", "description"}
	movesHeader = []string{":START_ID(Role)", ":END_ID(Role)", ":TYPE", "cost:double", "basis", "tier", "index:int", "similarity:double", "note", "sources:string[]"}
)

// The relationship types of the CSV and Cypher exports, by move kind.
var relTypes = map[graph.Kind]string{graph.Career: "CAREER_STEP", graph.Related: "RELATED_TO"}

// arrayDelimiter separates the items of an array field; pass it to
// neo4j-admin as --array-delimiter.
const arrayDelimiter = ";"

// WriteCSV writes g as two CSV tables, each to a writer that create
// returns for its file name: roles.csv (RolesFile, one row per role, in
// the order of g.Roles()) and moves.csv (MovesFile, one row per move, in
// the order of g.Moves()), each with a header row for neo4j-admin import
// (see the package documentation for the command). It creates no file
// itself; see CreateFunc for what it does with the writers.
//
// roles.csv: id:ID(Role), name, documented:boolean, reading,
// names:string[], docs:string[], :LABEL ("Role", or "Role;Documented"),
// level:int (empty when unknown), code, description, then the profile: classification:string[] (broad to narrow), summary,
// required_skills:string[], recommended_skills:string[],
// qualifications:string[], strengths:string[], weaknesses:string[],
// traits:string[], tags:string[], keywords:string[].
// moves.csv: :START_ID(Role), :END_ID(Role), :TYPE (CAREER_STEP or
// RELATED_TO), cost:double (every move: its own cost, or its kind's
// default, career 1 and related 2), then what an imported move's source
// says of it, empty for moves from documents: basis (where the cost came
// from), tier, index:int, similarity:double and note; then
// sources:string[] ("file:line" items).
//
// The files are RFC 4180 as encoding/csv writes it: fields quoted where
// needed, quotes doubled, records ending in "\n" (neo4j-admin and
// spreadsheets take "\n" and "\r\n" alike). Array items are joined by
// ";"; an item that itself holds ";" has it written as the full-width
// "；" (U+FF1B), since neo4j-admin has no way to escape the array
// delimiter. Empty fields are empty, which neo4j-admin reads as no value.
//
// A text field that a spreadsheet would run as a formula, one starting
// with "=", "+", "-", "@", a tab or a carriage return, is written with a
// "'" before it, as OWASP recommends against CSV injection; a field that
// is a number ("-1") is not. Ordinary names, ids and numbers are written
// as they are; a name so guarded arrives in Neo4j with its "'".
func WriteCSV(create CreateFunc, g *graph.Graph) error {
	if err := writeCSVFile(create, RolesFile, func(w io.Writer) error { return writeRolesCSV(w, g) }); err != nil {
		return err
	}
	return writeCSVFile(create, MovesFile, func(w io.Writer) error { return writeMovesCSV(w, g) })
}

// writeCSVFile gets a writer for name from create, fills it with write
// and closes it, reporting the first error of the three, prefixed with
// name.
func writeCSVFile(create CreateFunc, name string, write func(io.Writer) error) (err error) {
	w, err := create(name)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := w.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("%s: %w", name, cerr)
		}
	}()
	if err := write(w); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// writeRolesCSV writes roles.csv: the header, then one row per role.
func writeRolesCSV(w io.Writer, g *graph.Graph) error {
	cw := csv.NewWriter(w)
	_ = cw.Write(append(slices.Clone(rolesHeader), csvProfileHeader()...))
	for _, r := range g.Roles() {
		label := "Role"
		if r.Documented {
			label = "Role" + arrayDelimiter + "Documented"
		}
		_ = cw.Write(append([]string{csvText(r.ID), csvText(r.Name), fmt.Sprint(r.Documented), csvText(r.Reading), csvText(csvArray(r.Names)), csvText(csvArray(r.Docs)), label, optionalInt(r.Level), csvText(r.Code), csvText(r.Description)}, csvProfile(r)...))
	}
	cw.Flush()
	return cw.Error()
}

// writeMovesCSV writes moves.csv: the header, then one row per move.
func writeMovesCSV(w io.Writer, g *graph.Graph) error {
	cw := csv.NewWriter(w)
	_ = cw.Write(movesHeader)
	for _, m := range g.Moves() {
		var a graph.MoveAttrs
		if m.Attrs != nil {
			a = *m.Attrs
		}
		_ = cw.Write([]string{csvText(m.From), csvText(m.To), relTypes[m.Kind],
			formatNumber(m.Cost()), csvText(a.Basis), csvText(a.Tier), optionalInt(a.Index), optionalNumber(a.Similarity), csvText(a.Note),
			csvText(csvArray(graph.SourceStrings(m.Sources)))})
	}
	cw.Flush()
	return cw.Error()
}

// csvArray joins items into one neo4j-admin array field.
func csvArray(items []string) string {
	var b strings.Builder
	for i, s := range items {
		if i > 0 {
			b.WriteString(arrayDelimiter)
		}
		b.WriteString(strings.ReplaceAll(s, arrayDelimiter, "；"))
	}
	return b.String()
}

// csvText guards a text field against CSV injection: a field a
// spreadsheet would take for a formula gets a "'" before it. Numbers,
// which a spreadsheet reads as numbers whatever their sign, are kept.
func csvText(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
}
