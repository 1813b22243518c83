package loader

import (
	"strings"

	"careergraph/graph"
)

// docProfile returns the sections of d as the graph keeps them, in the
// order d writes them. Empty sections are left out.
func docProfile(d *Document) graph.DocProfile {
	dp := graph.DocProfile{File: d.File, Line: d.TitleLine}
	order := d.Order
	if order == nil {
		order = defaultOrder()
	}
	for _, m := range order {
		s := graph.Section{Key: m.Key, Heading: m.Heading, Line: m.Line}
		switch m.Key {
		case graph.SecIndustry:
			s.Text = d.Classification.Industry
		case graph.SecClassification:
			c := d.Classification
			for _, l := range [][2]string{{"Major", c.Major}, {"Middle", c.Middle}, {"Minor", c.Minor}} {
				if l[1] != "" {
					s.Items = append(s.Items, l[0]+": "+l[1])
				}
			}
		case graph.SecSummary:
			s.Text = d.Summary
		case graph.SecDescription:
			s.Text = d.Description
		case graph.SecOutlook:
			s.Text = d.Outlook
		case graph.SecTraits:
			s.Items = d.Traits
		case graph.SecWorkStyle:
			s.Items = d.WorkStyle
		case graph.SecCareerPath:
			for _, cp := range d.Career {
				rungs := make([]string, len(cp.Rungs))
				for i, r := range cp.Rungs {
					rungs[i] = strings.Join(itemTexts(r), " · ")
				}
				s.Items = append(s.Items, strings.Join(rungs, " → "))
			}
		case graph.SecRequiredSkills:
			s.Items = itemTexts(d.RequiredSkills)
		case graph.SecRecommendedSkills:
			s.Items = itemTexts(d.RecommendedSkills)
		case graph.SecQualifications:
			s.Items = itemTexts(d.Qualifications)
		case graph.SecAliases:
			s.Items = itemTexts(d.Aliases)
		case graph.SecRelated:
			s.Items = itemTexts(d.Related)
		case graph.SecTags:
			s.Items = d.Tags
		case graph.SecKeywords:
			s.Items = d.Keywords
		case graph.SecStrengths, graph.SecWeaknesses:
			rows := d.Strengths
			if m.Key == graph.SecWeaknesses {
				rows = d.Weaknesses
			}
			for _, a := range rows {
				s.Aptitudes = append(s.Aptitudes, graph.Aptitude{Item: a.Item, Reason: a.Reason})
			}
		case graph.SecExtra:
			s.Items = d.Extra[m.Extra].Lines
		}
		if s.Text != "" || len(s.Items) > 0 || len(s.Aptitudes) > 0 {
			dp.Sections = append(dp.Sections, s)
		}
	}
	return dp
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

// itemTexts returns the texts of items.
func itemTexts(items []Item) []string {
	if len(items) == 0 {
		return nil
	}
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Text
	}
	return out
}
