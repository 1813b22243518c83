package loader

import (
	"careergraph/graph"
)

// profileScratch is the working space of profile, reused from one
// document to the next: a profile built only to be packed allocates
// nothing that outlives it.
type profileScratch struct {
	sections []graph.Section
	texts    []string         // the sections' items, one after another
	rows     []graph.Aptitude // the aptitude tables' rows, likewise
	// made holds the texts profile puts together (a career path's rungs
	// joined, a classification's levels named), which texts views.
	made []byte
}

// join appends parts to s.made and returns them as a string that views
// s.made's memory: valid until the next call of profile, which writes
// over it. (Should s.made grow, the texts before keep the memory they
// view, which is never written again.)
func (s *profileScratch) join(parts ...string) string {
	from := len(s.made)
	for _, p := range parts {
		s.made = append(s.made, p...)
	}
	return stringView(s.made[from:])
}

// profile returns the sections of d as the graph keeps them, in the
// order d writes them, empty sections left out. They share s's memory
// until the next call.
func (s *profileScratch) profile(d *Document) graph.DocProfile {
	dp := graph.DocProfile{File: d.File, Line: d.TitleLine}
	order := d.Order
	if order == nil {
		order = defaultOrder()
	}
	s.sections, s.texts, s.rows, s.made = s.sections[:0], s.texts[:0], s.rows[:0], s.made[:0]
	// items returns the texts appended since from; earlier sections keep
	// theirs even when s.texts grows anew.
	items := func(from int) []string {
		if len(s.texts) == from {
			return nil
		}
		return s.texts[from:len(s.texts):len(s.texts)]
	}
	for _, m := range order {
		sec := graph.Section{Key: m.Key, Heading: m.Heading, Line: m.Line}
		from := len(s.texts)
		switch m.Key {
		case graph.SecIndustry:
			sec.Text = d.Classification.Industry
		case graph.SecClassification:
			c := d.Classification
			for _, l := range [][2]string{{"Major", c.Major}, {"Middle", c.Middle}, {"Minor", c.Minor}} {
				if l[1] != "" {
					s.texts = append(s.texts, s.join(l[0], ": ", l[1]))
				}
			}
		case graph.SecSummary:
			sec.Text = d.Summary
		case graph.SecDescription:
			sec.Text = d.Description
		case graph.SecOutlook:
			sec.Text = d.Outlook
		case graph.SecTraits:
			sec.Items = d.Traits
		case graph.SecWorkStyle:
			sec.Items = d.WorkStyle
		case graph.SecCareerPath:
			for _, cp := range d.Career {
				from := len(s.made)
				for i, r := range cp.Rungs {
					if i > 0 {
						s.made = append(s.made, " → "...)
					}
					for j, it := range r {
						if j > 0 {
							s.made = append(s.made, " · "...)
						}
						s.made = append(s.made, it.Text...)
					}
				}
				s.texts = append(s.texts, stringView(s.made[from:]))
			}
		case graph.SecRequiredSkills:
			s.texts = appendTexts(s.texts, d.RequiredSkills)
		case graph.SecRecommendedSkills:
			s.texts = appendTexts(s.texts, d.RecommendedSkills)
		case graph.SecQualifications:
			s.texts = appendTexts(s.texts, d.Qualifications)
		case graph.SecAliases:
			s.texts = appendTexts(s.texts, d.Aliases)
		case graph.SecRelated:
			s.texts = appendTexts(s.texts, d.Related)
		case graph.SecTags:
			sec.Items = d.Tags
		case graph.SecKeywords:
			sec.Items = d.Keywords
		case graph.SecStrengths, graph.SecWeaknesses:
			rows := d.Strengths
			if m.Key == graph.SecWeaknesses {
				rows = d.Weaknesses
			}
			at := len(s.rows)
			for _, a := range rows {
				s.rows = append(s.rows, graph.Aptitude{Item: a.Item, Reason: a.Reason})
			}
			if len(s.rows) > at {
				sec.Aptitudes = s.rows[at:len(s.rows):len(s.rows)]
			}
		case graph.SecExtra:
			sec.Items = d.Extra[m.Extra].Lines
		}
		if sec.Items == nil {
			sec.Items = items(from)
		}
		if sec.Text != "" || len(sec.Items) > 0 || len(sec.Aptitudes) > 0 {
			s.sections = append(s.sections, sec)
		}
	}
	if len(s.sections) > 0 {
		dp.Sections = s.sections
	}
	return dp
}

// appendTexts appends the texts of items to list.
func appendTexts(list []string, items []Item) []string {
	for _, it := range items {
		list = append(list, it.Text)
	}
	return list
}

// defaultOrder is the order of the sections of a document that was not
// written as one (an imported role): every known section, under its
// usual heading, in the README's order.
func defaultOrder() []SectionMark {
	var out []SectionMark
	for k := kIndustry; k < kUnknown; k++ {
		out = append(out, SectionMark{Key: sectionKeys[k], Heading: headingNames[k]})
	}
	return out
}
