package loader

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"careergraph/graph"
)

// ReadAliasFile reads a user alias file: CSV rows of name,canonical, an
// optional header row "name,canonical", lines starting with # ignored.
// Rows that are not two non-empty fields are returned as problems; a file
// that cannot be read, is not a regular file or is larger than
// DefaultMaxFileSize is an *AliasFileError.
func ReadAliasFile(name string) ([]Alias, []Problem, error) {
	return readAliasFile(name, DefaultMaxFileSize)
}

func readAliasFile(name string, limit int64) ([]Alias, []Problem, error) {
	data, err := readRegular(name, limit, nil, nil)
	if err != nil {
		return nil, nil, &AliasFileError{Path: name, Err: unwrapPath(err)}
	}
	return ParseAliases(bytes.NewReader(data), name)
}

// ParseAliases reads alias rows from r; name is used in messages. See
// ReadAliasFile.
func ParseAliases(r io.Reader, name string) ([]Alias, []Problem, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.Comment = '#'
	cr.TrimLeadingSpace = true
	var rules []Alias
	var problems []Problem
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				problems = append(problems, Problem{File: name, Line: pe.Line, Severity: Error, Msg: pe.Err.Error() + ": row skipped"})
				continue
			}
			return nil, nil, &AliasFileError{Path: name, Err: err}
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 2 && strings.EqualFold(strings.TrimSpace(rec[0]), "name") && strings.EqualFold(strings.TrimSpace(rec[1]), "canonical") {
			continue
		}
		if len(rec) != 2 || strings.TrimSpace(rec[0]) == "" || strings.TrimSpace(rec[1]) == "" {
			problems = append(problems, Problem{File: name, Line: line, Severity: Error,
				Msg: fmt.Sprintf("want two fields, name,canonical; got %d: row skipped", len(rec))})
			continue
		}
		rules = append(rules, Alias{
			Name:      strings.TrimSpace(rec[0]),
			Canonical: strings.TrimSpace(rec[1]),
			Source:    graph.Source{File: name, Line: line},
		})
	}
	return rules, problems, nil
}
