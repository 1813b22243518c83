package loader

import (
	"strings"
	"unicode/utf8"
)

// careerPath reads one career-path line: rungs between arrows, roles of a
// rung between middle dots. Empty rungs and roles are reported and dropped.
func (p *docParser) careerPath(l srcLine) {
	t, _ := stripBullet(l.text)
	path := CareerPath{Line: l.num}
	for n := 0; ; n++ {
		i, w := indexArrow(t)
		piece := t
		if i >= 0 {
			piece = t[:i]
		}
		if piece = trimLine(piece); piece == "" {
			switch {
			case i < 0:
				p.warn(l.num, "career path: empty rung dropped (arrow at the end)")
			case n == 0:
				p.warn(l.num, "career path: empty rung dropped (arrow at the start)")
			default:
				p.warn(l.num, "career path: empty rung dropped (two arrows in a row)")
			}
		} else if r := p.rung(piece, l.num); len(r) > 0 {
			path.Rungs = append(path.Rungs, r)
		}
		if i < 0 {
			break
		}
		t = t[i+w:]
	}
	if len(path.Rungs) > 0 {
		p.doc.Career = append(p.doc.Career, path)
	}
}

// indexArrow returns the byte offset and width of the first "→", "->" or
// "⇒" in s, or -1, 0.
func indexArrow(s string) (int, int) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '-':
			if i+1 < len(s) && s[i+1] == '>' {
				return i, 2
			}
		case 0xE2: // first byte of → (E2 86 92) and ⇒ (E2 87 92)
			if strings.HasPrefix(s[i:], "→") || strings.HasPrefix(s[i:], "⇒") {
				return i, 3
			}
		}
	}
	return -1, 0
}

// rung splits one rung at middle dots ("·", "・", "･") outside brackets.
func (p *docParser) rung(s string, ln int) Rung {
	var r Rung
	depth, from := 0, 0
	add := func(part string) {
		if part = trimLine(part); part == "" {
			p.warn(ln, "career path: empty alternative dropped")
			return
		}
		r = append(r, Item{Text: part, Line: ln})
	}
	for i, c := range s {
		switch c {
		case '(', '（', '[', '【':
			depth++
		case ')', '）', ']', '】':
			if depth > 0 {
				depth--
			}
		case '·', '・', '･':
			if depth == 0 {
				add(s[from:i])
				from = i + utf8.RuneLen(c)
			}
		}
	}
	add(s[from:])
	return r
}
