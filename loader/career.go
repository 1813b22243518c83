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
	p.boundMoves(&path)
	if len(path.Rungs) > 0 {
		p.doc.Career = append(p.doc.Career, path)
	}
}

// The bounds on what career paths may ask of the graph: a rung of n
// alternatives after one of m makes n×m moves, so a document of long rungs
// could ask for millions.
const (
	maxAlternatives = 100    // alternatives kept at one rung
	maxDocMoves     = 10_000 // career moves one document may make
)

// boundMoves cuts path where the moves of the document's career paths
// would pass maxDocMoves, with a warning; the rungs before are kept.
func (p *docParser) boundMoves(path *CareerPath) {
	for i := 1; i < len(path.Rungs); i++ {
		n := len(path.Rungs[i-1]) * len(path.Rungs[i])
		if p.moves+n > maxDocMoves {
			p.warn(path.Line, "career path: more than %d career moves in the document: the path is cut before rung %d, the rest dropped", maxDocMoves, i+1)
			path.Rungs = path.Rungs[:i]
			return
		}
		p.moves += n
	}
}

// indexArrow returns the byte offset and width of the first arrow in s,
// or -1, 0. An arrow is "→", "⇒", or "->" after any number of hyphens:
// "-->" is one arrow, never "-" followed by one.
func indexArrow(s string) (int, int) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '-':
			j := i + 1
			for j < len(s) && s[j] == '-' {
				j++
			}
			if j < len(s) && s[j] == '>' {
				return i, j + 1 - i
			}
			i = j - 1
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
	depth, from, extra := 0, 0, 0
	add := func(part string) {
		if part = trimLine(part); part == "" {
			p.warn(ln, "career path: empty alternative dropped")
			return
		}
		if len(r) == maxAlternatives {
			extra++
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
	if extra > 0 {
		p.warn(ln, "career path: a rung of %d alternatives: the first %d kept, the rest dropped", maxAlternatives+extra, maxAlternatives)
	}
	return r
}
