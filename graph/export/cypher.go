package export

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"careergraph/graph"
)

// WriteCypher writes g as Cypher statements for Neo4j, one per line, each
// ending in ";" (run them with cypher-shell -f FILE or paste them into
// Neo4j Browser). Running them twice changes nothing, and running them on
// a database that holds an older export of the same roles updates it:
//
//	CREATE CONSTRAINT role_id IF NOT EXISTS FOR (r:Role) REQUIRE r.id IS UNIQUE;
//	MERGE (r:Role {id: 'mayor'}) SET r:Documented, r.name = 'Mayor', …;
//	MATCH (a:Role {id: 'x'}), (b:Role {id: 'y'}) MERGE (a)-[m:CAREER_STEP]->(b) SET m.cost = 1.0, …, m.sources = ['f.txt:12'];
//
// The uniqueness constraint comes first, then one MERGE per role (in the
// order of g.Roles()) and one MATCH … MERGE per move (in the order of
// g.Moves()); nothing is created with CREATE. Roles carry the properties
// id, name, documented, reading, names, docs, level (an integer), code and
// description, the profile
// (classification, a list broad to narrow; summary; required_skills,
// recommended_skills, qualifications, strengths, weaknesses, traits, tags
// and keywords, lists) and the labels Role and,
// when documented, Documented (removed otherwise). Moves are CAREER_STEP
// or RELATED_TO relationships with a cost (a float, on every move: its
// own, or its kind's default, career 1.0 and related 2.0), what an
// imported move's source says of it (basis, tier, index, similarity,
// note) and a sources list ("file:line"). An empty value, unknown level
// or list is written as null, which removes the property, as
// neo4j-admin import leaves it out. Strings are single-quoted with \, '
// and control characters escaped.
//
// Each statement is its own transaction; for graphs of many thousands of
// roles the CSV export and neo4j-admin import are much faster.
func WriteCypher(w io.Writer, g *graph.Graph) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "// careergraph: %d roles, %d moves. Running this again changes nothing.\n", len(g.Roles()), len(g.Moves()))
	fmt.Fprintln(bw, "CREATE CONSTRAINT role_id IF NOT EXISTS FOR (r:Role) REQUIRE r.id IS UNIQUE;")
	for _, r := range g.Roles() {
		label := "REMOVE r:Documented SET "
		if r.Documented {
			label = "SET r:Documented, "
		}
		fmt.Fprintf(bw, "MERGE (r:Role {id: %s}) %sr.name = %s, r.documented = %t, r.reading = %s, r.names = %s, r.docs = %s, r.level = %s, r.code = %s, r.description = %s%s;\n",
			cypherString(r.ID), label, cypherString(r.Name), r.Documented,
			cypherOptional(r.Reading), cypherList(r.Names), cypherList(r.Docs),
			cypherInt(r.Level), cypherOptional(r.Code), cypherOptional(r.Description), cypherProfile(r))
	}
	for _, m := range g.Moves() {
		var a graph.MoveAttrs
		if m.Attrs != nil {
			a = *m.Attrs
		}
		fmt.Fprintf(bw, "MATCH (a:Role {id: %s}), (b:Role {id: %s}) MERGE (a)-[m:%s]->(b) SET m.cost = %s, m.basis = %s, m.tier = %s, m.index = %s, m.similarity = %s, m.note = %s, m.sources = %s;\n",
			cypherString(m.From), cypherString(m.To), relTypes[m.Kind], cypherFloat(m.Cost()),
			cypherOptional(a.Basis), cypherOptional(a.Tier), cypherInt(a.Index), cypherOptionalFloat(a.Similarity),
			cypherOptional(a.Note), cypherList(graph.SourceStrings(m.Sources)))
	}
	return bw.Flush()
}

// cypherString returns s as a single-quoted Cypher string literal.
func cypherString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('\'')
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '\'':
			b.WriteString(`\'`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// cypherOptional returns s as a string literal, or null when it is empty.
func cypherOptional(s string) string {
	if s == "" {
		return "null"
	}
	return cypherString(s)
}

// cypherInt returns n as an integer literal, or null for 0 (no value).
func cypherInt(n int) string {
	if n == 0 {
		return "null"
	}
	return strconv.Itoa(n)
}

// cypherFloat returns f as a float literal, always with a decimal point
// or exponent, so Neo4j stores a float even for whole numbers ("1.0").
func cypherFloat(f float64) string {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eE") {
		s += ".0"
	}
	return s
}

// cypherOptionalFloat returns cypherFloat(f), or null for 0 (no value).
func cypherOptionalFloat(f float64) string {
	if f == 0 {
		return "null"
	}
	return cypherFloat(f)
}

// cypherList returns items as a list of string literals, or null when
// there are none.
func cypherList(items []string) string {
	if len(items) == 0 {
		return "null"
	}
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = cypherString(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}
