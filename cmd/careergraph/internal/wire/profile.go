package wire

import (
	"slices"
	"strconv"

	"careergraph/graph"
)

// DocProfile is one document's sections as a card shows them.
type DocProfile struct {
	Source   string    `json:"source"` // file:line of the title
	Sections []Section `json:"sections"`
}

// Section is one section of a document, in the order written. Key is one
// of: industry, classification, summary, description, outlook, traits,
// work_style, career_path, required_skills, recommended_skills,
// strengths, weaknesses, qualifications, aliases, related_jobs, tags,
// keywords, extra. Prose sections have text; strengths and weaknesses
// have aptitudes; the others have items.
type Section struct {
	Key       string     `json:"key"`
	Heading   string     `json:"heading"`
	Line      int        `json:"line"`
	Text      string     `json:"text,omitempty"`
	Items     []string   `json:"items,omitempty"`
	Aptitudes []Aptitude `json:"aptitudes,omitempty"`
}

// Aptitude is one row of an aptitude table.
type Aptitude struct {
	Item   string `json:"item"`
	Reason string `json:"reason"`
}

// newDocProfiles returns the documents' sections of p.
func newDocProfiles(p *graph.Profile) []DocProfile {
	out := []DocProfile{}
	if p == nil {
		return out
	}
	docs, err := p.Docs()
	if err != nil {
		// Only a damaged cache does this: say so where the sections
		// would be, rather than show less without a word.
		docs = append(docs, graph.DocProfile{Sections: []graph.Section{{Key: graph.SecExtra, Heading: "Unreadable",
			Items: []string{err.Error() + ": the cached snapshot is damaged; delete careergraph's cache folder (careergraph/ in the user cache folder) to read the documents again"}}}})
	}
	for _, d := range docs {
		dp := DocProfile{Source: d.File + ":" + strconv.Itoa(d.Line), Sections: []Section{}}
		if d.File == "" { // the note on damaged sections
			dp.Source = ""
		}
		for _, s := range d.Sections {
			ws := Section{Key: s.Key, Heading: s.Heading, Line: s.Line, Text: s.Text, Items: slices.Clip(s.Items)}
			for _, a := range s.Aptitudes {
				ws.Aptitudes = append(ws.Aptitudes, Aptitude{a.Item, a.Reason})
			}
			dp.Sections = append(dp.Sections, ws)
		}
		out = append(out, dp)
	}
	return out
}

// mentions returns where the moves out and in name a role, sorted, each
// once: for a role no document describes, the places that mention it.
func mentions(out, in []graph.Move) []string {
	var src []graph.Source
	for _, ms := range [][]graph.Move{out, in} {
		for _, m := range ms {
			src = append(src, m.Sources...)
		}
	}
	slices.SortFunc(src, graph.CompareSources)
	return emptyIfNil(slices.Compact(graph.SourceStrings(src)))
}
