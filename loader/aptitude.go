package loader

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// tableCells splits a "| a | b |" row into trimmed cells. The slice is
// the parser's, good until the next call.
func (p *docParser) tableCells(s string) []string {
	s = strings.ReplaceAll(s, "｜", "|")
	s = strings.TrimPrefix(s, "|")
	s = strings.TrimSuffix(s, "|")
	cells := p.scratch.cells[:0]
	for {
		cell, rest, found := strings.Cut(s, "|")
		cells = append(cells, trimLine(cell))
		if !found {
			break
		}
		s = rest
	}
	p.scratch.cells = cells
	return cells
}

func isSeparatorRow(cells []string) bool {
	for _, c := range cells {
		if strings.Trim(c, "-:— ") != "" {
			return false
		}
	}
	return true
}

// isHeaderRow reports whether item and reason are the column names of an
// aptitude table ("Item", "Description").
func isHeaderRow(item, reason string) bool {
	item, reason = trimLine(item), trimLine(reason)
	switch {
	case strings.EqualFold(item, "item"), strings.EqualFold(item, "aptitude"), strings.EqualFold(item, "aptitudes"):
	default:
		return false
	}
	for _, w := range []string{"description", "reason", "details", "comment"} {
		if strings.EqualFold(reason, w) {
			return true
		}
	}
	return false
}

// collectDelimited adds the item of an aptitude row with a delimiter
// ("| X | … |", "X<tab>…") to p.docItems.
func (p *docParser) collectDelimited(row string) {
	t, _ := stripBullet(row)
	var item, reason string
	switch {
	case isTableRow(t) || strings.Contains(t, "|"):
		cells := p.tableCells(t)
		if isSeparatorRow(cells) {
			return
		}
		item = cells[0]
		if len(cells) > 1 {
			reason = cells[1]
		}
	case strings.Contains(t, "\t"):
		item, reason, _ = strings.Cut(t, "\t")
	default:
		return
	}
	if item = trimLine(item); item != "" && !isHeaderRow(item, reason) {
		p.docItems = append(p.docItems, item)
	}
}

// aptitudes appends the rows of an aptitude table to dst. Header and
// separator rows are skipped. A row is split at its delimiter ("|", a tab),
// else after the longest known item name it starts with, else at a colon;
// a row none of these split is kept whole as the item, with a warning.
func (p *docParser) aptitudes(dst []Aptitude, lines []srcLine) []Aptitude {
	rows := 0
	for _, l := range lines {
		if l.text != "" {
			rows++
		}
	}
	dst = slices.Grow(dst, rows)
	for _, l := range lines {
		if l.text == "" {
			continue
		}
		t, _ := stripBullet(l.text)
		if t == "" {
			continue
		}
		var item, reason string
		switch {
		case isTableRow(t) || strings.Contains(t, "|"):
			cells := p.tableCells(t)
			if isSeparatorRow(cells) {
				continue
			}
			item = cells[0]
			rest := p.scratch.rest[:0]
			for _, c := range cells[1:] {
				if c != "" {
					rest = append(rest, c)
				}
			}
			reason = strings.Join(rest, " | ")
			clear(rest)
			p.scratch.rest = rest
			if isHeaderRow(item, reason) {
				continue
			}
			if item == "" {
				if reason != "" {
					p.warn(l.num, "aptitude row without an item name: dropped")
				}
				continue
			}
		case strings.Contains(t, "\t"):
			item, reason, _ = strings.Cut(t, "\t")
			item, reason = trimLine(item), trimLine(reason)
			if isHeaderRow(item, reason) {
				continue
			}
		default:
			if a, b, ok := strings.Cut(t, " "); ok && isHeaderRow(a, b) {
				continue
			}
			if name, ok := p.matchAptitude(t); ok {
				item, reason = name, trimSeparator(t[len(name):])
				break
			}
			if i := indexColon(t); i > 0 {
				_, size := utf8.DecodeRuneInString(t[i:])
				item, reason = trimLine(t[:i]), trimLine(t[i+size:])
				break
			}
			p.warn(l.num, "aptitude row without a known item name: kept whole as the item")
			p.unsplit = true
			item = t
		}
		dst = append(dst, Aptitude{Item: item, Reason: reason, Line: l.num})
	}
	return nilIfEmpty(dst)
}

// trimSeparator trims white space and a leading ":", "-", "–" or "—" that
// separates an item name from its reason.
func trimSeparator(s string) string {
	s = trimLine(s)
	for _, sep := range []string{":", "：", "-", "–", "—"} {
		if strings.HasPrefix(s, sep) {
			return trimLine(s[len(sep):])
		}
	}
	return s
}

// matchAptitude returns the longest known aptitude item that s starts
// with: from the built-in list, the Parser's AptitudeItems, or the
// document's delimited rows.
func (p *docParser) matchAptitude(s string) (string, bool) {
	name, ok := p.items.match(s)
	if len(p.docItems) > 0 {
		if p.docNames == nil {
			p.docNames = newNameMatcher(p.docItems)
		}
		if n, ok2 := p.docNames.match(s); ok2 && len(n) > len(name) {
			name, ok = n, true
		}
	}
	return name, ok
}

// builtinAptitudes are the aptitude items of the reference documents and
// other common ones; see Parser.AptitudeItems for adding more.
var builtinAptitudes = []string{
	"Adaptability",
	"Analytical & Logical Thinking",
	"Attention to Detail & Accuracy",
	"Collaboration & Teamwork",
	"Communication Skills",
	"Concentration & Focus",
	"Creativity",
	"Creativity & Innovation",
	"Curiosity & Learning",
	"Customer Orientation",
	"Empathy",
	"Empathy & Compassion",
	"Flexibility",
	"Hospitality",
	"Independence & Autonomy",
	"Initiative & Leadership",
	"Integrity & Ethics",
	"Interpersonal Skills",
	"Language Skills",
	"Manual Dexterity",
	"Numerical Ability",
	"Patience & Perseverance",
	"Physical Stamina & Endurance",
	"Planning & Organization",
	"Problem Solving",
	"Sense of Responsibility",
	"Spatial Awareness",
	"Stress Tolerance",
	"Technical Skills",
	"Time Management",
}

var builtinMatcher = newNameMatcher(builtinAptitudes)
