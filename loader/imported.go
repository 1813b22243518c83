package loader

import (
	"cmp"
	"slices"

	"careergraph/graph"
	"careergraph/loader/source"
)

// Sources other than documents join the graph through the same rules as
// documents: a role an O*NET release or a roles spreadsheet describes is
// an occupation, as if a document of that title listed its other names
// as aliases; a pathway table only names roles. Their moves resolve
// their names like a document's related jobs.

// describes reports whether the roles of a set are occupations (the set
// describes them) rather than names of roles.
func describes(s *source.Set) bool { return s.Format == source.ONET || s.Format == source.Roles }

// importedDocs returns a document standing for each role the sets
// describe, its names normalised, in the order of the sets and their
// roles.
func importedDocs(sets []*source.Set) []keyedDoc {
	var out []keyedDoc
	var scratch keyScratch
	for _, s := range sets {
		if !describes(s) {
			continue
		}
		for i := range s.Roles {
			r := &s.Roles[i]
			line := r.Source.Line
			d := &Document{File: r.Source.File, Title: r.Name, TitleLine: line, Reading: r.Reading, Description: r.Description}
			if c := r.Classification; len(c) > 0 {
				d.Classification.Major = c[0]
				if len(c) > 1 {
					d.Classification.Middle = c[1]
				}
				if len(c) > 2 {
					d.Classification.Minor = c[2]
				}
			}
			for _, n := range r.Names {
				d.Aliases = append(d.Aliases, Item{Text: n, Line: line})
			}
			for _, e := range r.Skills {
				d.RequiredSkills = append(d.RequiredSkills, Item{Text: e.Name, Line: line})
			}
			for _, e := range r.Knowledge {
				d.RecommendedSkills = append(d.RecommendedSkills, Item{Text: e.Name, Line: line})
			}
			if r.Education.Name != "" {
				d.Qualifications = append(d.Qualifications, Item{Text: r.Education.Name, Line: line})
			}
			k := keyedDoc{doc: d, docCore: coreOf(d), imported: r}
			k.pack(&scratch)
			k.normalise(&scratch, d)
			out = append(out, k)
		}
	}
	return out
}

// addImported gives role r what the imported role of d says of it that a
// document would not: level, code and description, the first given.
func addImported(r *graph.Role, d *keyedDoc) {
	im := d.imported
	if im == nil {
		return
	}
	if r.Level == 0 {
		r.Level = im.Level
	}
	if r.Code == "" {
		r.Code = im.Code
	}
	if r.Description == "" {
		r.Description = im.Description
	}
}

// addSetMoves adds the moves of the sets, their names resolved, and
// counts those dropped.
func (b *builder) addSetMoves(sets []*source.Set, dropped *Dropped) {
	b.warned = map[[2]string]bool{}
	defer func() { b.warned = nil }()
	for _, s := range sets {
		dropped.SelfLinks += s.Dropped.SelfLinks
		dropped.Duplicates += s.Dropped.Duplicates
		keys := map[string]string{}
		key := func(n string) string {
			k, ok := keys[n]
			if !ok {
				k = graph.NormalName(n)
				keys[n] = k
			}
			return k
		}
		attrs := make([]graph.MoveAttrs, len(s.Moves))
		for i := range s.Moves {
			m := &s.Moves[i]
			src := m.Source
			if m.Cost > graph.MaxMoveCost {
				b.problem(src, Error, "cost %v: want at most %d: row skipped", m.Cost, graph.MaxMoveCost)
				continue
			}
			from := b.resolveKey(Item{Text: m.From, Line: src.Line}, key(m.From), src.File)
			to := b.resolveKey(Item{Text: m.To, Line: src.Line}, key(m.To), src.File)
			if from == to {
				dropped.SelfLinks++
				continue
			}
			gm := graph.Move{Kind: graph.Career, Sources: []graph.Source{src}}
			if m.Kind == source.Related {
				gm.Kind = graph.Related
			}
			if m.Basis != source.Default {
				gm.Milli = int32(source.Thousandths(m.Cost))
			}
			if m.Basis != source.Default || m.Note != "" {
				attrs[i] = graph.MoveAttrs{Basis: string(m.Basis), Tier: m.Tier, Index: m.Index, Similarity: m.Similarity, Note: m.Note}
				gm.Attrs = &attrs[i]
			}
			b.gb.AddMoveOf(from, to, gm)
		}
	}
}

// sourceInfos describes the sets, sorted by name.
func sourceInfos(sets []*source.Set) []SourceInfo {
	var out []SourceInfo
	for _, s := range sets {
		out = append(out, SourceInfo{Name: s.Name, Format: s.Format.String(), Version: s.Version, Roles: len(s.Roles), Moves: len(s.Moves)})
	}
	slices.SortFunc(out, func(x, y SourceInfo) int { return cmp.Compare(x.Name, y.Name) })
	return out
}
