package render

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"careergraph/graph/internal/xmlchar"
	"github.com/mattn/go-runewidth"
)

// Wrapping: lines aim at wrapCols display columns; a word is split only
// when it is wider than splitCols (kana has no spaces, so a reading is
// one long word).
const (
	wrapCols  = 22
	splitCols = 30
)

// Font sizes in points.
const (
	nameSize    = 11.0
	readingSize = 9.0
	titleSize   = 16.0
	legendSize  = 9.0
	clusterSize = 10.0
	lineSpacing = 1.2 // Graphviz's line height as a multiple of the font size
)

// Node padding in points, each side, and the least node size.
const (
	padX      = 9.0
	padY      = 6.0
	minWidth  = 54.0 // 0.75 in
	minHeight = 28.8 // 0.4 in
	// widthSlack covers fonts a little wider than DejaVu Sans (Verdana)
	// that a viewer may substitute.
	widthSlack = 1.06
)

// cells measures display columns the same way on every machine: the
// package-level runewidth condition follows the locale (RUNEWIDTH_EASTASIAN,
// LANG), which would make wrapping differ between users.
var cells = &runewidth.Condition{EastAsianWidth: false, StrictEmojiNeutral: true}

// asciiAdvance holds the advance widths of DejaVu Sans, the widest of the
// common sans-serif faces and the one Graphviz has metrics for, for ' '
// to '~', in thousandths of an em (read from DejaVuSans.ttf, rounded up).
var asciiAdvance = [95]uint16{
	318, 401, 460, 838, 637, 951, 780, 275, 391, 391, 500, 838, 318, 361, 318, 337,
	637, 637, 637, 637, 637, 637, 637, 637, 637, 637, 337, 337, 838, 838, 838, 531,
	1000, 685, 687, 699, 771, 632, 576, 775, 752, 295, 295, 656, 558, 863, 749, 788,
	604, 788, 695, 635, 611, 732, 685, 989, 686, 611, 686, 391, 337, 391, 838, 500,
	500, 613, 635, 550, 635, 616, 353, 635, 634, 278, 278, 580, 278, 975, 634, 612,
	635, 635, 412, 521, 393, 634, 592, 818, 592, 592, 525, 637, 337, 637, 838,
}

// runeEm returns the estimated advance of r in thousandths of an em:
// DejaVu Sans for ASCII, a full em for East Asian wide characters (kana,
// kanji: CJK faces set them on a square em), and the widest Latin advance
// for any other character.
func runeEm(r rune) int {
	if r >= ' ' && r <= '~' {
		return int(asciiAdvance[r-' '])
	}
	switch cells.RuneWidth(r) {
	case 0:
		return 0
	case 2:
		return 1000
	}
	return 838
}

// textWidth returns the estimated width in points of s set in size-point
// type. It never underestimates DejaVu Sans or a CJK face.
func textWidth(s string, size float64) float64 {
	em := 0
	for _, r := range s {
		em += runeEm(r)
	}
	return float64(em) * size / 1000
}

// cols returns the display width of s in columns, East Asian wide
// characters counting two.
func cols(s string) int {
	n := 0
	for _, r := range s {
		n += cells.RuneWidth(r)
	}
	return n
}

// clean turns control characters, and every other character XML forbids
// (U+FFFE, bytes that are not UTF-8, …), into spaces and collapses white
// space, so that no input can break a DOT or HTML line, or the SVG, PNG
// and PDF Graphviz draws from it.
func clean(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError || !xmlchar.Allowed(r)
	}), " ")
}

// wrap breaks s into lines of about limit columns at spaces: as few
// lines as greedy filling to limit+slackCols gives, then as even as that
// number of lines allows. A word wider than splitCols (and limit) is cut
// into pieces of at most limit columns, at a slash, hyphen, middle dot or
// before a parenthesis where one falls in the second half of a piece;
// each piece starts a line.
func wrap(s string, limit int) []string {
	words := strings.Fields(clean(s))
	best := fill(words, limit+slackCols)
	n := len(best)
	if n < 2 {
		return best
	}
	// The narrowest width that still gives n lines balances them.
	for w := limit + slackCols - 1; w > 0; w-- {
		lines := fill(words, w)
		if len(lines) > n {
			break
		}
		best = lines
	}
	return best
}

// slackCols is how far past the wrap width a line may run to save a line
// ("Assistant Section Chief" rather than a lone "Chief").
const slackCols = 3

// fill wraps words greedily into lines of at most limit columns.
func fill(words []string, limit int) []string {
	var lines []string
	line, lineCols := "", 0
	flush := func() {
		if line != "" {
			lines = append(lines, line)
		}
		line, lineCols = "", 0
	}
	for _, word := range words {
		w := cols(word)
		if w > splitCols && w > limit {
			flush()
			lines = append(lines, cut(word, wrapCols)...)
			continue
		}
		switch {
		case line == "":
			line, lineCols = word, w
		case lineCols+1+w <= limit:
			line += " " + word
			lineCols += 1 + w
		default:
			flush()
			line, lineCols = word, w
		}
	}
	flush()
	return lines
}

// cut splits a word into pieces of at most limit columns, preferring a
// break after / - · ・ ) or before (.
func cut(word string, limit int) []string {
	var pieces []string
	rs := []rune(word)
	for len(rs) > 0 {
		n, w, brk := 0, 0, 0
		for n < len(rs) {
			rw := cells.RuneWidth(rs[n])
			if w+rw > limit && n > 0 {
				break
			}
			w += rw
			n++
			if n < len(rs) && breakBetween(rs[n-1], rs[n]) && w*2 >= limit {
				brk = n
			}
		}
		if n < len(rs) && brk > 0 {
			n = brk
		}
		pieces = append(pieces, string(rs[:n]))
		rs = rs[n:]
	}
	return pieces
}

func breakBetween(before, after rune) bool {
	switch before {
	case '/', '-', '·', '・', ')', '）', '、':
		return true
	}
	return after == '(' || after == '（'
}

// labelSize returns a node's width and height in inches for name lines
// set in nameSize and reading lines set in readingSize: the widest line
// plus padding, rounded up to a hundredth of an inch.
func labelSize(name, reading []string) (w, h float64) {
	text := 0.0
	for _, l := range name {
		text = max(text, textWidth(l, nameSize))
	}
	for _, l := range reading {
		text = max(text, textWidth(l, readingSize))
	}
	wPt := max(text*widthSlack+2*padX, minWidth)
	hPt := max(float64(len(name))*lineHeight(nameSize)+float64(len(reading))*lineHeight(readingSize)+2*padY, minHeight)
	return ceilInch(wPt), ceilInch(hPt)
}

// lineHeight is the height of a line of size-point type: Graphviz's line
// spacing for plain labels, or a table row with a point of padding above
// and below for HTML-like ones, whichever is more.
func lineHeight(size float64) float64 {
	return max(size*lineSpacing, size+2)
}

// ceilInch converts points to inches rounded up to 0.01.
func ceilInch(pt float64) float64 {
	return math.Ceil(pt/72*100-1e-9) / 100
}
