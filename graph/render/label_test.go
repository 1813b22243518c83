package render

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	dotlang "careergraph/graph/internal/dot"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Section Chief", []string{"Section Chief"}},
		// One line up to 22 columns, or a little over to save a line.
		{"Deputy secretary general", []string{"Deputy secretary general"}},
		{"Assistant Section Chief (Ministry/Agency)", []string{"Assistant Section Chief", "(Ministry/Agency)"}},
		// Lines come out even, not one long and one short.
		{"Head of Local Government (Mayor, Town Mayor, etc.)", []string{"Head of Local Government", "(Mayor, Town Mayor, etc.)"}},
		{"Passed National Public Service Examination (Category I)", []string{"Passed National Public", "Service Examination", "(Category I)"}},
		// A word is split only past 30 columns.
		{"Supercalifragilisticexpialidocious", []string{"Supercalifragilisticex", "pialidocious"}},
		{"Director/Bureau/Chief/Position/Holder", []string{"Director/Bureau/Chief/", "Position/Holder"}},
		{"Twentysixcharacterswordxyz here", []string{"Twentysixcharacterswordxyz", "here"}},
		// Kana: no spaces, wide characters; cut by width, before a
		// parenthesis where one falls late enough.
		{"かちょう", []string{"かちょう"}},
		{"せいとうほんぶやくいん(ぎいんでないもの)", []string{"せいとうほんぶやくいん", "(ぎいんでないもの)"}},
		{"ろうどうくみあいしょきちょう", []string{"ろうどうくみあいしょきちょう"}},
		{"ちほうこうむいんさいようしけんごうかくしゃ", []string{"ちほうこうむいんさいよ", "うしけんごうかくしゃ"}},
		// Control characters and runs of space never reach a label.
		{"A\tB\n\nC  D\r", []string{"A B C D"}},
	}
	for _, tt := range tests {
		if got := wrap(tt.in, wrapCols); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrap(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestTextWidth(t *testing.T) {
	// Kana count a full em, twice a narrow Latin letter's share of columns.
	if got := textWidth("かちょう", 10); got != 40 {
		t.Errorf(`textWidth("かちょう", 10) = %v; want 40`, got)
	}
	if got := textWidth("iii", 10); got < 8 || got > 9 {
		t.Errorf(`textWidth("iii", 10) = %v; want DejaVu's 8.34`, got)
	}
	if a, b := textWidth("WWW", 11), textWidth("lll", 11); a <= 2*b {
		t.Errorf("W (%v) should be much wider than l (%v)", a, b)
	}
}

// TestLabelsFit checks that every box of every fixture is at least as
// wide and tall as its label by our estimate, plus padding.
func TestLabelsFit(t *testing.T) {
	for _, f := range fixtures(t) {
		d, err := newDrawing(f.g, f.sel, f.opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range d.nodes {
			need := 0.0
			for _, l := range n.name {
				need = max(need, textWidth(l, nameSize))
			}
			for _, l := range n.reading {
				need = max(need, textWidth(l, readingSize))
			}
			if n.w*72 < need+2*padX {
				t.Errorf("%s: %q is %.1fpt wide; its label needs %.1fpt", f.name, n.role.Name, n.w*72, need+2*padX)
			}
			height := float64(len(n.name))*nameSize*lineSpacing + float64(len(n.reading))*(readingSize+2)
			if n.h*72 < height+padY {
				t.Errorf("%s: %q is %.1fpt tall; its label needs %.1fpt", f.name, n.role.Name, n.h*72, height+padY)
			}
		}
	}
}

// TestLabelsFitRealFonts asks the system Graphviz, which measures text
// with the real fonts (Pango), how wide each label line is, and checks
// that our estimate is not smaller.
func TestLabelsFitRealFonts(t *testing.T) {
	dot := needDot(t)
	type line struct {
		text string
		size float64
	}
	var lines []line
	seen := map[line]bool{}
	for _, f := range fixtures(t) {
		d, err := newDrawing(f.g, f.sel, Options{Reading: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range d.nodes {
			for _, l := range n.name {
				if k := (line{l, nameSize}); !seen[k] {
					seen[k] = true
					lines = append(lines, k)
				}
			}
			for _, l := range n.reading {
				if k := (line{l, readingSize}); !seen[k] {
					seen[k] = true
					lines = append(lines, k)
				}
			}
		}
	}
	// Lines with a character no installed font has are measured in
	// Graphviz's fallback boxes: not a test of our estimate.
	lines, left := coveredLines(t, lines, func(l line) string { return l.text })
	if left > 0 {
		defer t.Skipf("%d labels not measured: no installed font has their characters; install %s (apt-get install %s) to run all", left, FontPackage, FontPackage)
	}
	var src strings.Builder
	fmt.Fprintf(&src, "digraph {\n\tnode [shape=plaintext, margin=0, width=0, height=0, fontname=%s];\n", dotlang.Quote(fontName))
	for i, l := range lines {
		fmt.Fprintf(&src, "\tn%d [label=%s, fontsize=%s];\n", i, dotlang.Quote(l.text), num(l.size))
	}
	src.WriteString("}\n")
	cmd := exec.Command(dot, "-Tplain")
	cmd.Stdin = strings.NewReader(src.String())
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("dot -Tplain: %v", err)
	}
	checked := 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 6 || f[0] != "node" {
			continue
		}
		i, _ := strconv.Atoi(strings.TrimPrefix(f[1], "n"))
		w, _ := strconv.ParseFloat(f[4], 64)
		real := w * 72
		est := textWidth(lines[i].text, lines[i].size) * widthSlack
		// Graphviz rounds a node's size up to whole points and more.
		if est+2 < real {
			t.Errorf("%q at %vpt: real width %.1fpt > estimate %.1fpt", lines[i].text, lines[i].size, real, est)
		}
		t.Logf("%-40q %4vpt real %6.1f estimate %6.1f", lines[i].text, lines[i].size, real, est)
		checked++
	}
	if checked != len(lines) {
		t.Fatalf("dot measured %d labels; want %d", checked, len(lines))
	}
}

// coveredLines returns the items whose text every installed font
// character is in, and how many it left out. Without fontconfig it skips
// the test.
func coveredLines[T any](t *testing.T, items []T, text func(T) string) (kept []T, left int) {
	t.Helper()
	for _, it := range items {
		w, err := MissingFonts(text(it))
		if err != nil {
			t.Skipf("%v (apt-get install fontconfig) to run this test", err)
		}
		if w == nil {
			kept = append(kept, it)
		}
	}
	return kept, len(items) - len(kept)
}
