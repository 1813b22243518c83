package source

import (
	"io"
	"math"
	"strconv"

	"careergraph/graph"
)

// The column names of a pathway table, in headerKey form.
var (
	pathFrom = []string{"title start", "start title", "from title"}
	pathTo   = []string{"title end", "end title", "to title"}
	// pathSim names the similarity column. MaRS calls its similarity
	// "distance": its self-links have distance 1.0 and each title's next
	// steps are listed by falling distance, so higher means closer.
	pathSim = []string{"similarity", "distance", "score"}
)

// ReadPathways reads a pathway or similarity table from r; name is used in
// messages. Columns are found by name in the header row, in any case and
// order: title_start and title_end (required) and a similarity in [0, 1],
// higher meaning closer, named similarity, distance (as in the MaRS
// employment pathways) or score. Each row is a directed career move
// costing SimilarityCost(similarity); without a similarity column, each
// costs DocumentCareerCost. Self-links and repeated pairs (in normal
// form; the cheapest kept) are dropped and counted in Set.Dropped; a row
// without a title or with a bad similarity is a problem and is skipped.
//
// ReadPathways fails only when the header lacks the title columns, or the
// input cannot be read or exceeds MaxTableBytes.
func ReadPathways(r io.Reader, name string) (*Set, error) {
	t, err := openTable(r, name)
	if err != nil {
		return nil, err
	}
	from, to, sim := t.col(pathFrom...), t.col(pathTo...), t.col(pathSim...)
	if from < 0 || to < 0 {
		return nil, layoutError(name, t.header, "title_start and title_end")
	}
	s := &Set{Format: Pathways, Name: name}
	seen := map[moveKey]int{}
	roles := namedRoles{s: s, file: name, seen: map[string]bool{}}
	if err := t.each(s, func(row []string, line int) {
		a, b := field(row, from), field(row, to)
		if a == "" || b == "" {
			s.errorf(name, line, "no %s: row skipped", map[bool]string{true: t.header[from], false: t.header[to]}[a == ""])
			return
		}
		m := Move{From: a, To: b, Kind: Career, Cost: DocumentCareerCost, Basis: Default, Source: graph.Source{File: name, Line: line}}
		if sim >= 0 {
			v, err := strconv.ParseFloat(field(row, sim), 64)
			if err != nil || math.IsNaN(v) {
				s.errorf(name, line, "%s %q: want a number from 0 to 1: row skipped", t.header[sim], field(row, sim))
				return
			}
			c, err := SimilarityCost(v)
			if err != nil {
				s.errorf(name, line, "%s: %v: row skipped", t.header[sim], err)
				return
			}
			m.Cost, m.Basis, m.Similarity = c, Similarity, v
		}
		roles.add(a, line)
		roles.add(b, line)
		s.addMove(m, seen)
	}); err != nil {
		return nil, err
	}
	return s, nil
}
