package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportedWording checks that stats and show say what was read from
// sources other than documents, rather than "documents 0".
func TestImportedWording(t *testing.T) {
	fixtures := filepath.Join("..", "..", "loader", "source", "testdata")
	onet := filepath.Join(fixtures, "onet")
	pathways := filepath.Join(fixtures, "files", "pathways.csv")
	moves := filepath.Join(fixtures, "files", "moves.csv")
	tests := []struct {
		name    string
		args    []string
		want    []string // parts of the answer
		wantNot []string
	}{
		{"stats O*NET", []string{"--data", onet, "stats"},
			[]string{"O*NET occupations     4", onet + " (O*NET 29.3)"}, []string{"documents"}},
		{"stats pathway table", []string{"--data", pathways, "stats"},
			[]string{"pathway table moves", pathways}, []string{"documents"}},
		{"stats moves sheet", []string{"--data", moves, "stats"},
			[]string{"moves sheet moves", moves}, []string{"documents"}},
		{"show pathway role", []string{"--data", pathways, "show", "Counselor"},
			[]string{"(named in pathway table " + pathways + "; no source describes it)"}, []string{"documents"}},
		{"show role of two sources", []string{"--data", pathways, "--data", moves, "--data", "../../seeds", "show", "Nurse Educator"},
			[]string{"(named in moves sheet " + moves + "; no source describes it)"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := runApp(t, tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("answer lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(out, w) {
					t.Errorf("answer says %q:\n%s", w, out)
				}
			}
		})
	}

	out, stderr, code := runApp(t, "--data", onet, "--data", pathways, "stats", "--json")
	if code != 0 {
		t.Fatalf("stats --json: exit %d: %s", code, stderr)
	}
	var got struct {
		Documents *int `json:"documents"`
		Sources   []struct {
			Name, Format, Version string
			Roles, Moves          int
		} `json:"sources"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Documents == nil || *got.Documents != 0 || len(got.Sources) != 2 ||
		got.Sources[1].Format != "onet" || got.Sources[1].Version != "29.3" || got.Sources[1].Roles != 4 || got.Sources[0].Format != "pathways" {
		t.Errorf("stats --json: documents %v, sources %+v; want documents 0 and the pathway table and O*NET release", got.Documents, got.Sources)
	}
}
