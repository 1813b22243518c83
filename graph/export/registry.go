package export

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"careergraph/graph"
)

// Func writes a graph in one format to w. It writes nothing else and does
// not close w.
type Func func(w io.Writer, g *graph.Graph) error

// CreateFunc returns the writer for one file of a multi-file format,
// given its name (RolesFile, MovesFile): the caller decides where and how
// it is written. A DirFunc calls it once per file and closes each writer
// it returns exactly once, also when writing fails; its error then says
// which file. A caller that writes files atomically lets Close finish a
// temporary file and moves them all into place only when the DirFunc
// returned nil.
type CreateFunc func(name string) (io.WriteCloser, error)

// DirFunc writes a graph in one format as several named files, each to
// a writer create returns.
type DirFunc func(create CreateFunc, g *graph.Graph) error

// Format is one export format.
//
// A stream format has Write set and Dir nil. A directory format (csv,
// whose two tables are two files) has Dir set and Write nil: the caller
// must give it a writer per file name (a folder, an archive), not one
// stream. IsDir tells them apart.
type Format struct {
	Name        string // what users type: "graphml"
	Ext         string // file extension with its dot (".graphml"); empty for a directory format
	Description string // one line: the format and the tools that open it
	Write       Func
	Dir         DirFunc
}

// IsDir reports whether the format writes a directory (Dir) rather than a
// stream (Write).
func (f Format) IsDir() bool { return f.Dir != nil }

var formats = []Format{
	{Name: "csv", Description: "roles.csv and moves.csv with neo4j-admin import headers (Neo4j, spreadsheets)", Dir: WriteCSV},
	{Name: "cypher", Ext: ".cypher", Description: "idempotent Cypher MERGE statements (Neo4j: cypher-shell, Browser)", Write: WriteCypher},
	{Name: "cytoscape", Ext: ".cyjs", Description: "Cytoscape.js elements JSON (Cytoscape.js, Cytoscape desktop)", Write: WriteCytoscape},
	{Name: "dot", Ext: ".dot", Description: "Graphviz DOT digraph (dot, xdot, Gephi, yEd via conversion)", Write: WriteDOT},
	{Name: "gexf", Ext: ".gexf", Description: "GEXF " + DefaultGEXFVersion + " (Gephi; --gexf-version 1.2draft for NetworkX before 3.6)", Write: func(w io.Writer, g *graph.Graph) error {
		return WriteGEXF(w, g, DefaultGEXFVersion)
	}},
	{Name: "graphml", Ext: ".graphml", Description: "GraphML (yEd, Gephi, NetworkX, igraph, Cytoscape desktop)", Write: WriteGraphML},
	{Name: "json", Ext: ".json", Description: "NetworkX node-link JSON (NetworkX, D3)", Write: WriteJSON},
	{Name: "mermaid", Ext: ".mmd", Description: "Mermaid flowchart, at most 500 moves (Markdown on GitHub and GitLab, mermaid.live)", Write: WriteMermaid},
}

// Formats returns every format sorted by name. The slice is a copy.
func Formats() []Format { return slices.Clone(formats) }

// UnknownFormatError is Lookup's error for a name no format has.
type UnknownFormatError struct {
	Name  string   // the name asked for
	Known []string // every format's name, sorted
}

// Error names the format asked for and lists the known ones.
func (e *UnknownFormatError) Error() string {
	return fmt.Sprintf("unknown format %q (known: %s)", e.Name, strings.Join(e.Known, ", "))
}

// Lookup returns the format named name. For an unknown name the error
// is an *UnknownFormatError.
func Lookup(name string) (Format, error) {
	for _, f := range formats {
		if f.Name == name {
			return f, nil
		}
	}
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.Name
	}
	return Format{}, &UnknownFormatError{Name: name, Known: names}
}

// roleAttrs returns the attributes that the attribute-keyed formats (dot,
// graphml, gexf) write for a role beyond its label and slug, as key, value
// pairs in a fixed order. Their writers leave out empty values.
func roleAttrs(r graph.Role) []string {
	return []string{
		"documented", strconv.FormatBool(r.Documented),
		"reading", r.Reading,
		"names", joinList(r.Names),
		"docs", joinList(r.Docs),
	}
}

// moveAttrs returns the attributes those formats write for a move, as
// roleAttrs does for a role.
func moveAttrs(m graph.Move) []string {
	return []string{
		"kind", m.Kind.String(),
		"sources", joinList(sourceStrings(m.Sources)),
	}
}

// sourceStrings returns sources as "file:line" strings, in their order.
// It never returns nil, so JSON encodes no sources as [].
func sourceStrings(src []graph.Source) []string {
	out := make([]string, len(src))
	for i, s := range src {
		out[i] = s.String()
	}
	return out
}

// nonNil returns s, or an empty slice for nil, so JSON encodes [].
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// nodeIndex maps each role ID to its position in g.Roles(), the number
// the formats with synthetic ids (n0, n1, …) give it.
func nodeIndex(g *graph.Graph) map[string]int {
	idx := make(map[string]int, len(g.Roles()))
	for i, r := range g.Roles() {
		idx[r.ID] = i
	}
	return idx
}

// joinList is how formats without list types (GraphML, GEXF, DOT) write a
// list attribute: the items joined by "; ".
func joinList(items []string) string { return strings.Join(items, "; ") }
