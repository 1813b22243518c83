package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
	rolesHeader = []string{"id:ID(Role)", "name", "documented:boolean", "reading", "names:string[]", "docs:string[]", ":LABEL"}
	movesHeader = []string{":START_ID(Role)", ":END_ID(Role)", ":TYPE", "sources:string[]"}
)

// The relationship types of the CSV and Cypher exports, by move kind.
var relTypes = map[graph.Kind]string{graph.Career: "CAREER_STEP", graph.Related: "RELATED_TO"}

// arrayDelimiter separates the items of an array field; pass it to
// neo4j-admin as --array-delimiter.
const arrayDelimiter = ";"

// WriteCSV writes g as two CSV tables in dir, creating dir if needed:
// roles.csv (one row per role, in the order of g.Roles()) and moves.csv
// (one row per move, in the order of g.Moves()), each with a header row
// for neo4j-admin import (see the package documentation for the
// command).
//
// roles.csv: id:ID(Role), name, documented:boolean, reading,
// names:string[], docs:string[], :LABEL ("Role", or "Role;Documented").
// moves.csv: :START_ID(Role), :END_ID(Role), :TYPE (CAREER_STEP or
// RELATED_TO), sources:string[] ("file:line" items).
//
// The files are RFC 4180 as encoding/csv writes it: fields quoted where
// needed, quotes doubled, records ending in "\n" (neo4j-admin and
// spreadsheets take "\n" and "\r\n" alike). Array items are joined by
// ";"; an item that itself holds ";" has it written as the full-width
// "；" (U+FF1B), since neo4j-admin has no way to escape the array
// delimiter. Empty fields are empty, which neo4j-admin reads as no value.
func WriteCSV(dir string, g *graph.Graph) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := writeCSVFile(filepath.Join(dir, RolesFile), func(w io.Writer) error { return writeRolesCSV(w, g) }); err != nil {
		return err
	}
	return writeCSVFile(filepath.Join(dir, MovesFile), func(w io.Writer) error { return writeMovesCSV(w, g) })
}

// writeCSVFile creates path and fills it with write, reporting the first
// error of writing or closing.
func writeCSVFile(path string, write func(io.Writer) error) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	if err := write(f); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// writeRolesCSV writes roles.csv: the header, then one row per role.
func writeRolesCSV(w io.Writer, g *graph.Graph) error {
	cw := csv.NewWriter(w)
	_ = cw.Write(rolesHeader)
	for _, r := range g.Roles() {
		label := "Role"
		if r.Documented {
			label = "Role" + arrayDelimiter + "Documented"
		}
		_ = cw.Write([]string{r.ID, r.Name, fmt.Sprint(r.Documented), r.Reading, csvArray(r.Names), csvArray(r.Docs), label})
	}
	cw.Flush()
	return cw.Error()
}

// writeMovesCSV writes moves.csv: the header, then one row per move.
func writeMovesCSV(w io.Writer, g *graph.Graph) error {
	cw := csv.NewWriter(w)
	_ = cw.Write(movesHeader)
	for _, m := range g.Moves() {
		_ = cw.Write([]string{m.From, m.To, relTypes[m.Kind], csvArray(sourceStrings(m.Sources))})
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
