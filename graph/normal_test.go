package graph_test

import (
	"testing"

	"golang.org/x/text/cases"

	"careergraph/graph"
)

// TestNormalNameBrackets is the README's name rule 1, decision by
// decision: which spellings are one name and which stay apart.
func TestNormalNameBrackets(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		// Brackets: full-width forms are the ASCII ones, and white space
		// next to any bracket counts as nothing.
		{"Unit Chief（Local Government）", "Unit Chief (Local Government)", true},
		{"Unit Chief(Local Government)", "Unit Chief (Local Government)", true},
		{"Unit Chief ( Local Government )", "Unit Chief(Local Government)", true},
		{"Chief (Main) Office", "Chief (Main)Office", true},
		{"Chief [Main]", "Chief［Main］", true},
		{"Chief [Main]", "Chief[Main]", true},
		{"Chief {Main}", "Chief｛Main｝", true},
		{"Chief 【Main】", "Chief【Main】", true},
		{"Chief 「Main」", "Chief「Main」", true},
		{"Chief 〔Main〕", "Chief〔Main〕", true},
		// Bracket kinds stay as written.
		{"Chief [Main]", "Chief (Main)", false},
		{"Chief 【Main】", "Chief (Main)", false},
		// Slashes: the full-width one is "/", and spacing around it is
		// ignored.
		{"Director/Bureau Chief", "Director／Bureau Chief", true},
		{"Director / Bureau Chief", "Director/Bureau Chief", true},
		// Middle dots stay as written: · and ・ differ, half-width ･ is ・.
		{"ソフトウェア・エンジニア", "ソフトウェア･エンジニア", true},
		{"A · B", "A ・ B", false},
		{"A·B", "A · B", false},
		// Hyphens and dashes are "-"; spacing around them still counts.
		{"Co-worker", "Co‐worker", true},
		{"Co-worker", "Co‑worker", true},
		{"Co-worker", "Co－worker", true},
		{"Manager – Sales", "Manager - Sales", true},
		{"Manager — Sales", "Manager - Sales", true},
		{"Manager ― Sales", "Manager - Sales", true},
		{"Manager − Sales", "Manager - Sales", true},
		{"Manager - Sales", "Manager-Sales", false},
		// ー is a kana letter (the prolonged sound mark), not a dash; its
		// half-width form ｰ is the same letter.
		{"コーチ", "コ-チ", false},
		{"コーチ", "ｺｰﾁ", true},
	}
	for _, tt := range tests {
		na, nb := graph.NormalName(tt.a), graph.NormalName(tt.b)
		if (na == nb) != tt.same {
			t.Errorf("NormalName(%q) = %q, NormalName(%q) = %q; want same %v", tt.a, na, tt.b, nb, tt.same)
		}
		for _, s := range []string{tt.a, tt.b} {
			n := graph.NormalName(s)
			if got := string(graph.AppendNormalName(nil, s)); got != n {
				t.Errorf("AppendNormalName(%q) = %q; want NormalName's %q", s, got, n)
			}
			if again := graph.NormalName(n); again != n {
				t.Errorf("NormalName(NormalName(%q)) = %q; want %q (a fixed point)", s, again, n)
			}
		}
	}
}

// TestNormalNameOneCaseRule checks that the ASCII fast path folds case
// exactly as cases.Fold does, byte by byte, so names have one case rule.
func TestNormalNameOneCaseRule(t *testing.T) {
	fold := cases.Fold()
	for c := byte('!'); c < 0x7f; c++ {
		s := "a" + string(c) + "b"
		want := fold.String(s)
		if got := graph.NormalName(s); got != want {
			t.Errorf("NormalName(%q) = %q; want %q (cases.Fold)", s, got, want)
		}
		// The same byte in a name that takes the Unicode path.
		if got, want := graph.NormalName(s+"é"), fold.String(s+"é"); got != want {
			t.Errorf("NormalName(%q) = %q; want %q (cases.Fold)", s+"é", got, want)
		}
	}
}
