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

// attrType is the type of an attribute in the attribute-keyed formats
// (dot, graphml, gexf): how GraphML and GEXF declare it.
type attrType int

const (
	attrString attrType = iota
	attrBool
	attrInt
	attrDouble
)

// graphml returns the type's GraphML attr.type.
func (t attrType) graphml() string {
	return [...]string{"string", "boolean", "int", "double"}[t]
}

// gexf returns the type's GEXF attribute type.
func (t attrType) gexf() string {
	return [...]string{"string", "boolean", "integer", "double"}[t]
}

// attrDef is one attribute of a role or a move: its name (the GraphML key
// and GEXF attribute id, the DOT attribute) and its type.
type attrDef struct {
	name string
	typ  attrType
}

// roleDefs are the attributes roleAttrs writes, in its order.
var roleDefs = []attrDef{
	{"documented", attrBool}, {"reading", attrString}, {"names", attrString}, {"docs", attrString},
	{"level", attrInt}, {"code", attrString}, {"description", attrString},
}

// moveDefs are the attributes moveAttrs writes, in its order: what every
// attribute-keyed format declares for an edge.
var moveDefs = []attrDef{
	{"kind", attrString}, {"cost", attrDouble}, {"basis", attrString}, {"tier", attrString},
	{"index", attrInt}, {"similarity", attrDouble}, {"note", attrString}, {"sources", attrString},
}

// roleKeys returns the attributes of a role in the attribute-keyed formats
// beyond its label and slug, for a graph of classification depth depth:
// roleDefs, then the profile (all strings).
func roleKeys(depth int) []attrDef {
	out := slices.Clone(roleDefs)
	for _, k := range profileKeys(depth) {
		out = append(out, attrDef{k, attrString})
	}
	return out
}

// roleAttrs returns the attributes that the attribute-keyed formats (dot,
// graphml, gexf) write for a role beyond its label and slug, as key, value
// pairs in the order of roleDefs. Their writers leave out empty values;
// an unknown level (0) is empty.
func roleAttrs(r graph.Role) []string {
	return []string{
		"documented", strconv.FormatBool(r.Documented),
		"reading", r.Reading,
		"names", joinList(r.Names),
		"docs", joinList(r.Docs),
		"level", optionalInt(r.Level),
		"code", r.Code,
		"description", r.Description,
	}
}

// moveAttrs returns the attributes those formats write for a move, as
// roleAttrs does for a role, in the order of moveDefs. Every move has a
// cost (Move.Cost: its own, or its kind's default with the default
// lateral cost); basis, tier, index, similarity and note are what an
// imported move's source says (MoveAttrs), empty for moves from
// documents.
func moveAttrs(m graph.Move) []string {
	var a graph.MoveAttrs
	if m.Attrs != nil {
		a = *m.Attrs
	}
	return []string{
		"kind", m.Kind.String(),
		"cost", formatNumber(m.Cost()),
		"basis", a.Basis,
		"tier", a.Tier,
		"index", optionalInt(a.Index),
		"similarity", optionalNumber(a.Similarity),
		"note", a.Note,
		"sources", joinList(graph.SourceStrings(m.Sources)),
	}
}

// formatNumber returns f in the shortest form that reads back as f: "1",
// "2.25".
func formatNumber(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// optionalNumber returns formatNumber(f), or "" for 0 (no value).
func optionalNumber(f float64) string {
	if f == 0 {
		return ""
	}
	return formatNumber(f)
}

// optionalInt returns n in decimal, or "" for 0 (no value).
func optionalInt(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
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

// nodeDetails are the fields of a role in the JSON formats (node-link
// and Cytoscape.js) that only some sources give, left out when empty:
// level (such as an O*NET Job Zone), code (such as an O*NET-SOC code)
// and description.
type nodeDetails struct {
	Level       int    `json:"level,omitempty"`
	Code        string `json:"code,omitempty"`
	Description string `json:"description,omitempty"`
}

// newNodeDetails returns the JSON details of r.
func newNodeDetails(r graph.Role) nodeDetails {
	return nodeDetails{Level: r.Level, Code: r.Code, Description: r.Description}
}

// moveFields are the fields of a move in the JSON formats beyond its ends
// and kind: its cost, always, and what an imported move's source says of
// it (moveAttrs), left out when empty.
type moveFields struct {
	Cost       float64 `json:"cost"`
	Basis      string  `json:"basis,omitempty"`
	Tier       string  `json:"tier,omitempty"`
	Index      int     `json:"index,omitempty"`
	Similarity float64 `json:"similarity,omitempty"`
	Note       string  `json:"note,omitempty"`
}

// newMoveFields returns the JSON fields of m.
func newMoveFields(m graph.Move) moveFields {
	f := moveFields{Cost: m.Cost()}
	if a := m.Attrs; a != nil {
		f.Basis, f.Tier, f.Index, f.Similarity, f.Note = a.Basis, a.Tier, a.Index, a.Similarity, a.Note
	}
	return f
}
