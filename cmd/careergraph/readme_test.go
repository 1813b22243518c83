package main

import (
	"os"
	"strings"
	"testing"
)

// TestREADMEExamples runs every `$ careergraph …` example of the README on
// the seeds and compares the output pasted under it, so the README cannot
// promise what the program no longer does. An example whose pasted output
// ends in a line "..." is compared up to there; examples with --data need
// a corpus the README only imagines and are skipped. With -update the
// README's pasted outputs are rewritten from what careergraph prints (a
// cut example keeps as many lines as it showed); review the diff.
func TestREADMEExamples(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	var updated []string // the README with each example's output as printed, for -update
	examples := 0
	for i := 0; i < len(lines); i++ {
		updated = append(updated, lines[i])
		cmd, ok := strings.CutPrefix(lines[i], "$ careergraph ")
		if !ok {
			continue
		}
		var want []string
		for i+1 < len(lines) && !strings.HasPrefix(lines[i+1], "$ ") && !strings.HasPrefix(lines[i+1], "```") {
			i++
			want = append(want, lines[i])
		}
		keep := len(updated)
		updated = append(updated, want...)
		args, err := splitWords(cmd)
		if err != nil {
			t.Fatalf("README: %s: %v", cmd, err)
		}
		if strings.Contains(cmd, "--data") {
			continue
		}
		examples++
		stdout, stderr, _ := runApp(t, args...)
		got := strings.TrimRight(stdout+stderr, "\n")
		expect := strings.TrimRight(strings.Join(want, "\n"), "\n")
		if *update {
			updated = append(updated[:keep], rewritten(got, want)...)
			continue
		}
		if head, cut := strings.CutSuffix(expect, "..."); cut {
			if !strings.HasPrefix(got, strings.TrimRight(head, " \n")) {
				t.Errorf("README example %q starts differently:\n--- got\n%s\n--- README\n%s", cmd, got, head)
			}
			continue
		}
		if got != expect {
			t.Errorf("README example %q differs:\n--- got\n%s\n--- README\n%s", cmd, got, expect)
		}
	}
	if *update {
		if err := os.WriteFile("../../README.md", []byte(strings.Join(updated, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if examples < 10 {
		t.Errorf("found %d README examples; the README shows more: is the parser broken?", examples)
	}
}

// rewritten returns the lines to paste under an example that printed got
// where the README showed want: all of got, or as many lines as a cut
// example showed, then its "..." line; blank lines after the output stay.
func rewritten(got string, want []string) []string {
	trailing := 0
	for trailing < len(want) && want[len(want)-1-trailing] == "" {
		trailing++
	}
	shown := want[:len(want)-trailing]
	out := strings.Split(got, "\n")
	if n := len(shown); n > 0 && strings.TrimSpace(shown[n-1]) == "..." {
		out = append(out[:min(n-1, len(out))], shown[n-1])
	}
	return append(out, want[len(want)-trailing:]...)
}

// splitWords splits a shell command line on spaces, keeping double-quoted
// words whole.
func splitWords(s string) ([]string, error) {
	var out []string
	var word strings.Builder
	quoted, inWord := false, false
	for _, r := range s {
		switch {
		case r == '"':
			quoted = !quoted
			inWord = true
		case r == ' ' && !quoted:
			if inWord {
				out = append(out, word.String())
				word.Reset()
				inWord = false
			}
		default:
			word.WriteRune(r)
			inWord = true
		}
	}
	if quoted {
		return nil, os.ErrInvalid
	}
	if inWord {
		out = append(out, word.String())
	}
	return out, nil
}
