package render

import (
	"errors"
	"fmt"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"careergraph/graph"
)

// ErrNoFontconfig is wrapped by MissingFonts' error when fontconfig's
// fc-list, which it asks, is not installed (Debian package fontconfig).
var ErrNoFontconfig = errors.New("fontconfig's fc-list not found")

// FontPackage is the Debian package that draws every character
// careergraph's pictures hold: Latin, kana and kanji.
const FontPackage = "fonts-noto-cjk"

// FontWarning says which characters of a picture no installed font has:
// the system's Graphviz draws each as a box (PNG, PDF). It is a warning,
// not a failure: the picture is still written.
type FontWarning struct {
	Missing []rune // sorted, each once
}

// Error lists up to eight of the characters and names the Debian package
// with a font for them.
func (w *FontWarning) Error() string {
	const show = 8
	var chars []string
	for i, r := range w.Missing {
		if i == show {
			chars = append(chars, "…")
			break
		}
		chars = append(chars, string(r))
	}
	what := "a character"
	if len(w.Missing) > 1 {
		what = strconv.Itoa(len(w.Missing)) + " characters"
	}
	return fmt.Sprintf("no installed font has %s the picture draws (%s); they show as boxes: install a Japanese font (Debian: apt-get install %s)",
		what, strings.Join(chars, " "), FontPackage)
}

// MissingFonts returns a *FontWarning naming the characters of text
// that no font installed on this machine has, or nil when every one is
// covered. It asks fontconfig (fc-list), as Graphviz's PNG and PDF
// rendering does; its answer is read once per process. Where fc-list is
// missing the error wraps ErrNoFontconfig. White space and control
// characters are not looked up.
func MissingFonts(text string) (*FontWarning, error) {
	cov, err := installedCoverage()
	if err != nil {
		return nil, err
	}
	var missing []rune
	for _, r := range text {
		if unicode.IsSpace(r) || unicode.IsControl(r) || cov.has(r) {
			continue
		}
		missing = append(missing, r)
	}
	if len(missing) == 0 {
		return nil, nil
	}
	slices.Sort(missing)
	return &FontWarning{Missing: slices.Compact(missing)}, nil
}

// DrawnText returns the text a picture of the selection draws: the
// title, each role's name (and reading, with opt.Reading) and the
// classifications, one per line, for MissingFonts.
func DrawnText(g *graph.Graph, sel graph.Selection, opt Options) (string, error) {
	d, err := newDrawing(g, sel, opt)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(d.title + "\n")
	for _, n := range d.nodes {
		for _, l := range append(slices.Clone(n.name), n.reading...) {
			b.WriteString(l + "\n")
		}
	}
	for _, c := range d.clusters {
		b.WriteString(c.label + "\n")
	}
	return b.String(), nil
}

// coverage is a set of code points as sorted, disjoint ranges.
type coverage [][2]rune

func (c coverage) has(r rune) bool {
	_, found := slices.BinarySearchFunc(c, r, func(rg [2]rune, r rune) int {
		switch {
		case rg[1] < r:
			return -1
		case rg[0] > r:
			return 1
		}
		return 0
	})
	return found
}

var (
	coverageOnce sync.Once
	coverageSet  coverage
	coverageErr  error
)

// installedCoverage returns the union of every installed font's
// character set.
func installedCoverage() (coverage, error) {
	coverageOnce.Do(func() {
		path, err := exec.LookPath("fc-list")
		if err != nil {
			coverageErr = fmt.Errorf("check fonts: install fontconfig: %w", ErrNoFontconfig)
			return
		}
		out, err := exec.Command(path, "--format=%{charset}\n").Output()
		if err != nil {
			coverageErr = fmt.Errorf("check fonts: %s: %w", path, err)
			return
		}
		coverageSet = parseCharsets(string(out))
	})
	return coverageSet, coverageErr
}

// parseCharsets reads fontconfig charsets, one font per line, each a
// list of hexadecimal code points and ranges ("20-7e a0 3041-3096"), into
// their union. Words that are not hexadecimal are skipped.
func parseCharsets(text string) coverage {
	var rs coverage
	for _, word := range strings.Fields(text) {
		lo, hi, isRange := strings.Cut(word, "-")
		if !isRange {
			hi = lo
		}
		a, err1 := strconv.ParseUint(lo, 16, 32)
		b, err2 := strconv.ParseUint(hi, 16, 32)
		if err1 != nil || err2 != nil || b < a {
			continue
		}
		rs = append(rs, [2]rune{rune(a), rune(b)})
	}
	slices.SortFunc(rs, func(x, y [2]rune) int { return int(x[0] - y[0]) })
	var out coverage
	for _, r := range rs {
		if n := len(out); n > 0 && r[0] <= out[n-1][1]+1 {
			out[n-1][1] = max(out[n-1][1], r[1])
			continue
		}
		out = append(out, r)
	}
	return out
}
