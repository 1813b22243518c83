package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestMain keeps the snapshot cache of the tests' corpora out of the
// user's cache folder.
func TestMain(m *testing.M) {
	if dir := os.Getenv("CAREERGRAPH_TEST_INTERRUPT"); dir != "" {
		interruptedWrite(dir) // never returns
	}
	if os.Getenv("CAREERGRAPH_TEST_MAIN") != "" {
		// A child of runChild: careergraph itself, with the arguments
		// after "--".
		args := os.Args[slices.Index(os.Args, "--")+1:]
		os.Exit(profiledMain(args, os.Stdout, os.Stderr))
	}
	if args := os.Getenv("CAREERGRAPH_TEST_SERVE"); args != "" {
		os.Exit(realMain(strings.Split(args, "\x1f"), os.Stdout, os.Stderr))
	}
	dir, err := os.MkdirTemp("", "careergraph-cache")
	if err == nil {
		os.Setenv("XDG_CACHE_HOME", dir)
		os.Setenv("HOME", dir) // where macOS keeps its cache folder
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runApp runs careergraph with args as main does and returns stdout,
// stderr and the exit code.
func runApp(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := realMain(args, &stdout, &stderr)
	return stdout.String(), stderr.String(), code
}

// runChild runs careergraph in a child process with env added to this
// one's environment, for what a process reads once (fonts, signals), and
// returns stderr and the exit code.
func runChild(t *testing.T, env []string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^$", "--"}, args...)...)
	cmd.Env = append(append(os.Environ(), "CAREERGRAPH_TEST_MAIN=1"), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	return stderr.String(), cmd.ProcessState.ExitCode()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/careergraph -update)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run with -update and review the diff):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// TestCommandsOnSeeds runs every command on the embedded seeds against
// golden files, text and JSON.
func TestCommandsOnSeeds(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"path", []string{"path", "Union secretary", "Labor union chairperson"}, 0},
		{"path-json", []string{"path", "Union secretary", "Labor union chairperson", "--json"}, 0},
		{"path-lateral", []string{"path", "Local Public Servant Recruitment (Administrative Position)", "Secretariat Director-General", "--k", "3"}, 0},
		{"path-lateral-json", []string{"path", "--json", "--k=3", "Local Public Servant Recruitment (Administrative Position)", "Secretariat Director-General"}, 0},
		{"path-no-lateral", []string{"path", "Local Public Servant Recruitment (Administrative Position)", "Secretariat Director-General", "--no-lateral"}, 1},
		{"path-avoid", []string{"path", "Union secretary", "Labor union chairperson", "--avoid", "Labor union secretary general"}, 1},
		{"reach", []string{"reach", "Section Chief"}, 0},
		{"reach-json", []string{"reach", "Section Chief", "--json"}, 0},
		{"reach-reverse", []string{"reach", "--reverse", "--no-lateral", "Secretariat Director-General"}, 0},
		{"reach-max-cost", []string{"reach", "Union secretary", "--max-cost", "2", "--json"}, 0},
		{"ladder", []string{"ladder", "Section Chief"}, 0},
		{"ladder-json", []string{"ladder", "Section Chief", "--json"}, 0},
		{"show", []string{"show", "Local Office Director"}, 0},
		{"show-json", []string{"show", "Secretariat Director-General", "--json"}, 0},
		{"show-mention", []string{"show", "Section Chief"}, 0},
		{"gap", []string{"gap", "Local Office Director", "Branch Office Chief"}, 0},
		{"gap-json", []string{"gap", "Local Office Director", "Branch Office Chief", "--json"}, 0},
		{"gap-target-only", []string{"gap", "Union secretary", "Labor union secretary general"}, 0},
		{"gap-through", []string{"gap", "Union secretary", "Labor union chairperson"}, 0},
		{"gap-k-json", []string{"gap", "--k", "2", "Local Public Servant Recruitment (Administrative Position)", "Secretariat Director-General", "--json"}, 0},
		{"reach-career-only", []string{"reach", "--career-only", "Local Government Employee (Junior)"}, 0},
		{"roles-skill", []string{"roles", "--skill", "Negotiation skills"}, 0},
		{"roles-class-skill-json", []string{"roles", "--class", "managerial", "--skill", "negociation", "--json"}, 0},
		{"roles-text", []string{"roles", "--text", "crisis management"}, 0},
		{"roles-trait-none", []string{"roles", "--trait", "fearless"}, 1},
		{"roles-trait-none-json", []string{"roles", "--trait", "fearless", "--json"}, 1},
		{"roles-skill-name-json", []string{"roles", "--skill", "negotiation", "--skill", "crisis management", "director", "--documented", "--limit", "1", "--json"}, 0},
		{"roles-list-skill", []string{"roles", "--list", "skill", "--limit", "5"}, 0},
		{"roles-list-class-json", []string{"roles", "--list", "class", "--json"}, 0},
		{"similar", []string{"similar", "Labor union secretary general"}, 0},
		{"similar-json", []string{"similar", "Local Office Director", "--json", "--limit", "2"}, 0},
		{"similar-undocumented", []string{"similar", "Mayor"}, 1},
		{"similar-undocumented-json", []string{"similar", "Mayor", "--json"}, 1},
		{"path-similar-json", []string{"path", "--similar", "Labor union secretary general", "Local Office Director", "--json"}, 0},
		{"roles-documented", []string{"roles", "--documented", "--limit", "3"}, 0},
		{"roles", []string{"roles"}, 0},
		{"roles-search", []string{"roles", "chief"}, 0},
		{"roles-json", []string{"roles", "section", "--json"}, 0},
		{"roles-kana", []string{"roles", "ろうどうくみあいしょきちょう"}, 0},
		{"stats", []string{"stats"}, 0},
		{"stats-json", []string{"stats", "--json"}, 0},
		{"check", []string{"check"}, 0},
		{"check-json", []string{"check", "--json"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runApp(t, tt.args...)
			if code != tt.code {
				t.Errorf("careergraph %s: exit %d; want %d (stderr: %s)", strings.Join(tt.args, " "), code, tt.code, stderr)
			}
			if strings.HasSuffix(tt.name, "json") && code == 0 && !json.Valid([]byte(stdout)) {
				t.Errorf("careergraph %s: output is not JSON:\n%s", strings.Join(tt.args, " "), stdout)
			}
			golden(t, tt.name, stdout+stderr)
		})
	}
}

func TestPathAnswers(t *testing.T) {
	tests := []struct {
		from, to string
		args     []string
		cost     int // -1: no route
	}{
		{"Union secretary", "Labor union chairperson", nil, 3},
		{"Local Public Servant Recruitment (Administrative Position)", "Secretariat Director-General", nil, 6},
		{"Local Public Servant Recruitment (Administrative Position)", "Secretariat Director-General", []string{"--no-lateral"}, -1},
		{"Local Public Servant Recruitment (Administrative Position)", "Secretariat Director-General", []string{"--lateral-cost", "5"}, 9},
	}
	for _, tt := range tests {
		args := append([]string{"path", tt.from, tt.to, "--json"}, tt.args...)
		stdout, stderr, code := runApp(t, args...)
		if tt.cost < 0 {
			if code != 1 {
				t.Errorf("path(%q, %q, %v): exit %d; want 1 (no route)", tt.from, tt.to, tt.args, code)
			}
			continue
		}
		var got struct {
			Paths []struct{ Cost float64 }
		}
		if err := json.Unmarshal([]byte(stdout), &got); err != nil || len(got.Paths) == 0 {
			t.Fatalf("path(%q, %q, %v): %v; stdout %q stderr %q", tt.from, tt.to, tt.args, err, stdout, stderr)
		}
		if got.Paths[0].Cost != float64(tt.cost) {
			t.Errorf("path(%q, %q, %v) cost = %g; want %d", tt.from, tt.to, tt.args, got.Paths[0].Cost, tt.cost)
		}
	}
}

// TestFlagsAnywhere checks that flags work before and after the
// arguments, and global flags before and after the command.
func TestFlagsAnywhere(t *testing.T) {
	dir := t.TempDir()
	seeds, _ := filepath.Glob("../../seeds/*.txt")
	for _, s := range seeds {
		data, _ := os.ReadFile(s)
		os.WriteFile(filepath.Join(dir, filepath.Base(s)), data, 0o644)
	}
	want, _, _ := runApp(t, "path", "--json", "Union secretary", "Labor union chairperson")
	forms := [][]string{
		{"path", "Union secretary", "Labor union chairperson", "--json"},
		{"path", "Union secretary", "--json", "Labor union chairperson"},
		{"--data", dir, "path", "Union secretary", "Labor union chairperson", "--json"},
		{"path", "--data", dir, "Union secretary", "Labor union chairperson", "--json"},
		{"path", "Union secretary", "Labor union chairperson", "--json", "--data", dir},
		{"path", "Union secretary", "Labor union chairperson", "--json", "--data=" + dir},
		{"path", "--json", "--", "Union secretary", "Labor union chairperson"},
	}
	for _, args := range forms {
		got, stderr, code := runApp(t, args...)
		got = strings.ReplaceAll(got, dir, "seeds")
		if code != 0 {
			t.Errorf("careergraph %q: exit %d: %s", args, code, stderr)
			continue
		}
		if got != want {
			t.Errorf("careergraph %q =\n%s\nwant\n%s", args, got, want)
		}
	}
}

// TestBadUsage checks that every mistake exits 2 with a message that says
// what is wrong.
func TestBadUsage(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"path", "Union secretary"}, "path takes two roles"},
		{[]string{"path", "Mayr", "Union secretary"}, `did you mean "Mayor"`},
		{[]string{"path", "Union secretary", "Labor union chairperson", "--k", "0"}, "--k 0"},
		{[]string{"path", "Union secretary", "Labor union chairperson", "--lateral-cost", "0"}, "--lateral-cost 0"},
		{[]string{"path", "Union secretary", "Labor union chairperson", "--bogus"}, "flag provided but not defined: -bogus"},
		{[]string{"path", "Union secretary", "Labor union chairperson", "--avoid", "Nobody at all"}, "--avoid: role \"Nobody at all\": not found"},
		{[]string{"reach"}, "reach takes one role"},
		{[]string{"reach", "Section Chief", "--max-cost", "-1"}, "--max-cost -1"},
		{[]string{"show", "Chief"}, `not found (did you mean "Assistant Section Chief"`},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"--data", "/no/such/folder", "stats"}, "/no/such/folder: no such file or directory"},
		{[]string{"--aliases", "/no/such/aliases.csv", "stats"}, "alias file /no/such/aliases.csv"},
		{[]string{"stats", "extra"}, "stats takes no arguments"},
		{[]string{}, "no command given"},
		{[]string{"render"}, "render needs a kind: ladder, path, around, all"},
		{[]string{"render", "foo"}, `unknown render kind "foo" (known: ladder, path, around, all)`},
		{[]string{"render", "ladder", "A", "B"}, "render ladder takes one role; got 2 arguments"},
		{[]string{"path", "Union secretary", "Mayor", "--k"}, "flag --k needs a value"},
		{[]string{"stats", "--data"}, "flag --data needs a value"},
		{[]string{"path", "Local Office Director", "Branch Office Chief", "--lateral-cost", "1073741824"}, "--lateral-cost 1073741824: give a whole number from 1 to 1000"},
		{[]string{"reach", "Mayor", "--lateral-cost", "1001"}, "--lateral-cost 1001"},
		{[]string{"render", "ladder", "Section Chief", "--max-roles", "3"}, "more than --max-roles 3"},
		{[]string{"render", "all", "--max-roles", "-1"}, "--max-roles -1"},
		{[]string{"render", "ladder", "Section Chief", "--max-moves", "3"}, "would have 7 moves, more than --max-moves 3 can lay out in reasonable time: lower --depth, or raise --max-moves"},
		{[]string{"render", "path", "Section Chief", "Mayor", "--max-moves", "0"}, "--max-moves 0: give a whole number of at least 1"},
		{[]string{"export", "--k", "2"}, "--k goes with --path"},
		{[]string{"export", "--depth", "2"}, "--depth goes with --around or --ladder"},
		{[]string{"ladder", "Section Chief", "--depth", "-1"}, "--depth -1"},
		{[]string{"export", "--gexf-version", "1.3"}, "--gexf-version goes with --format gexf"},
	}
	for _, tt := range tests {
		_, stderr, code := runApp(t, tt.args...)
		if code != 2 {
			t.Errorf("careergraph %q: exit %d; want 2 (stderr %q)", tt.args, code, stderr)
		}
		if !strings.Contains(stderr, tt.want) {
			t.Errorf("careergraph %q: stderr %q; want it to say %q", tt.args, stderr, tt.want)
		}
	}
}

// TestBrokenCorpus checks that one broken file does not stop the others
// and that every command says so on stderr.
func TestBrokenCorpus(t *testing.T) {
	dir := t.TempDir()
	seeds, _ := filepath.Glob("../../seeds/*.txt")
	for _, s := range seeds {
		data, _ := os.ReadFile(s)
		os.WriteFile(filepath.Join(dir, filepath.Base(s)), data, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "binary.txt"), []byte{0xff, 0xfe, 0x00, 0x01}, 0o644)
	stdout, stderr, code := runApp(t, "--data", dir, "stats", "--json")
	if code != 0 {
		t.Fatalf("stats: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "2 files skipped") || !strings.Contains(stderr, "careergraph check") {
		t.Errorf("stderr = %q; want a summary naming 2 unreadable documents and check", stderr)
	}
	if !strings.Contains(stdout, `"roles": 38`) {
		t.Errorf("stats = %s; want the 38 roles of the readable documents", stdout)
	}
	out, _, code := runApp(t, "--data", dir, "check")
	if code != 1 {
		t.Errorf("check: exit %d; want 1 for errors", code)
	}
	for _, want := range []string{"empty.txt", "binary.txt"} {
		if !strings.Contains(out, want) {
			t.Errorf("check does not name %s:\n%s", want, out)
		}
	}
}

func TestAliasFile(t *testing.T) {
	dir := t.TempDir()
	aliases := filepath.Join(dir, "aliases.csv")
	os.WriteFile(aliases, []byte("name,canonical\nSection Chief (Main Office),Section Chief\nbad row\n"), 0o644)
	stdout, stderr, code := runApp(t, "--aliases", aliases, "stats", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, `"roles": 37`) {
		t.Errorf("stats with an alias = %s; want 37 roles", stdout)
	}
	out, _, _ := runApp(t, "--aliases", aliases, "check")
	if !strings.Contains(out, "aliases.csv:3") || !strings.Contains(out, "rule 6") {
		t.Errorf("check does not report the bad row at aliases.csv:3 and the rule-6 merge:\n%s", out)
	}
}

func TestSameAnswerEveryTime(t *testing.T) {
	first, _, _ := runApp(t, "path", "Local Public Servant Recruitment (Administrative Position)", "Secretariat Director-General", "--k", "5", "--json")
	for range 50 {
		got, _, _ := runApp(t, "path", "Local Public Servant Recruitment (Administrative Position)", "Secretariat Director-General", "--k", "5", "--json")
		if got != first {
			t.Fatalf("path gave two answers:\n%s\n%s", first, got)
		}
	}
}

func TestRenderCommands(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		file string // written, relative to dir
		want string // in the file
	}{
		{[]string{"render", "ladder", "Section Chief", "-o", "l.svg"}, "l.svg", "<svg"},
		{[]string{"render", "ladder", "-o", "l.dot", "--related", "Section Chief"}, "l.dot", "digraph"},
		{[]string{"render", "path", "Union secretary", "Labor union chairperson", "--k", "2", "-o", "p.svg"}, "p.svg", "Labor union chairperson"},
		{[]string{"render", "around", "Section Chief", "--depth", "2", "--reading", "-o", "a.svg"}, "a.svg", "<svg"},
		{[]string{"render", "all", "--direction", "lr", "-o", "sub/all.dot"}, "sub/all.dot", "rankdir=LR"},
	}
	for _, tt := range tests {
		args := slices.Clone(tt.args)
		for i, a := range args {
			if i > 0 && args[i-1] == "-o" {
				args[i] = filepath.Join(dir, a)
			}
		}
		stdout, stderr, code := runApp(t, args...)
		if code != 0 {
			t.Errorf("careergraph %q: exit %d: %s", tt.args, code, stderr)
			continue
		}
		path := filepath.Join(dir, tt.file)
		if strings.TrimSpace(stdout) != path {
			t.Errorf("careergraph %q printed %q; want the path %q", tt.args, stdout, path)
		}
		data, err := os.ReadFile(path)
		if err != nil || !strings.Contains(string(data), tt.want) {
			t.Errorf("careergraph %q: %s does not hold %q (%v)", tt.args, path, tt.want, err)
		}
	}
}

func TestRenderDefaultPath(t *testing.T) {
	t.Chdir(t.TempDir())
	stdout, stderr, code := runApp(t, "render", "ladder", "Section Chief")
	if code != 0 || strings.TrimSpace(stdout) != filepath.Join("out", "section-chief-ladder.svg") {
		t.Fatalf("render ladder: exit %d, stdout %q, stderr %q; want out/section-chief-ladder.svg", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join("out", "section-chief-ladder.svg")); err != nil {
		t.Error(err)
	}
}

func TestRenderAndExportMistakes(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"render", "ladder", "Section Chief", "-o", "x.gif"}, "use .svg, .dot, .png or .pdf"},
		{[]string{"render", "ladder", "Section Chief", "--direction", "up"}, `--direction "up"`},
		{[]string{"render", "all", "--max-roles", "10"}, "render around ROLE"},
		{[]string{"render", "around", "Section Chief", "--depth", "-1"}, "--depth -1"},
		{[]string{"render", "ladder", "Section Chief", "-o", "/proc/none/x.svg"}, "-o /proc/none/x.svg"},
		{[]string{"render", "ladder"}, "ladder takes one role"},
		{[]string{"export", "--format", "xls"}, `unknown format "xls" (known: csv, cypher`},
		{[]string{"export", "--format", "csv"}, "give a folder with -o DIR"},
		{[]string{"export", "--ladder", "Section Chief", "--around", "Mayor"}, "at most one of"},
		{[]string{"export", "Section Chief"}, "export takes no arguments unless --path"},
		{[]string{"export", "--gexf-version", "9", "--format", "gexf"}, "unknown GEXF version"},
		{[]string{"export", "-o", "/proc/none/x.json"}, "-o /proc/none/x.json"},
	}
	for _, tt := range tests {
		_, stderr, code := runApp(t, tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("careergraph %q: exit %d, stderr %q; want exit 2 saying %q", tt.args, code, stderr, tt.want)
		}
	}
}

// TestExportCounts checks every format through the command line: the
// whole graph and selections keep the roles and moves stats and the
// selection report.
func TestExportCounts(t *testing.T) {
	tests := []struct {
		args         []string
		roles, moves int
	}{
		{[]string{"export", "--format", "json"}, 38, 43},
		{[]string{"export", "--format", "json", "--ladder", "Section Chief"}, 7, 7},
		{[]string{"export", "--format", "json", "--ladder", "Section Chief", "--related"}, 9, 9},
		{[]string{"export", "--format", "json", "--ladder", "Section Chief", "--depth", "1"}, 4, 3},
		{[]string{"export", "--format", "json", "--path", "Union secretary", "Labor union chairperson"}, 4, 3},
		{[]string{"export", "Union secretary", "Labor union chairperson", "--path", "--format=json"}, 4, 3},
		{[]string{"export", "--format", "json", "--around", "Section Chief", "--depth", "1"}, 6, 5},
	}
	for _, tt := range tests {
		stdout, stderr, code := runApp(t, tt.args...)
		if code != 0 {
			t.Errorf("careergraph %q: exit %d: %s", tt.args, code, stderr)
			continue
		}
		var got struct {
			Nodes []struct{ ID string }
			Links []struct{ Source, Target, Kind string }
		}
		if err := json.Unmarshal([]byte(stdout), &got); err != nil {
			t.Fatalf("careergraph %q: %v", tt.args, err)
		}
		if len(got.Nodes) != tt.roles || len(got.Links) != tt.moves {
			t.Errorf("careergraph %q: %d roles, %d moves; want %d, %d", tt.args, len(got.Nodes), len(got.Links), tt.roles, tt.moves)
		}
	}
	dir := t.TempDir()
	for _, f := range []string{"csv", "cypher", "cytoscape", "dot", "gexf", "graphml", "json", "mermaid"} {
		out := filepath.Join(dir, f+"-out")
		_, stderr, code := runApp(t, "export", "--format", f, "-o", out)
		if code != 0 {
			t.Errorf("export --format %s: exit %d: %s", f, code, stderr)
		}
		if _, err := os.Stat(out); err != nil {
			t.Errorf("export --format %s: %v", f, err)
		}
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"help", "path"}, {"path", "--help"}, {"--help"}, {"render", "--help"}, {"render", "ladder", "-h"}} {
		stdout, stderr, code := runApp(t, args...)
		if code != 0 || !strings.Contains(stdout, "USAGE") {
			t.Errorf("careergraph %q: exit %d, stdout %q, stderr %q; want help", args, code, stdout, stderr)
		}
	}
	stdout, _, code := runApp(t, "--version")
	if code != 0 || !strings.Contains(stdout, version) {
		t.Errorf("careergraph --version: exit %d, %q", code, stdout)
	}
}

// TestWriteErrors checks that an answer that cannot be written is an
// error, whichever output it goes to, and that a failed -o leaves an
// existing file alone.
func TestWriteErrors(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full on this system")
	}
	defer full.Close()
	for _, args := range [][]string{{"stats"}, {"path", "Union secretary", "Labor union chairperson"}, {"show", "Mayor"}, {"stats", "--json"}} {
		var stderr bytes.Buffer
		if code := realMain(args, full, &stderr); code != 2 {
			t.Errorf("careergraph %q > /dev/full: exit %d (%s); want 2", args, code, stderr.String())
		}
	}
	dir := t.TempDir()
	keep := filepath.Join(dir, "keep.json")
	os.WriteFile(keep, []byte("precious"), 0o644)
	// A failing export (mermaid refuses a graph of too many moves is hard
	// to make here; a path with no route fails before writing) must not
	// touch the file.
	_, _, code := runApp(t, "export", "--path", "Union secretary", "Mayor", "-o", keep)
	if code == 0 {
		t.Fatal("export of a missing route succeeded")
	}
	if data, _ := os.ReadFile(keep); string(data) != "precious" {
		t.Errorf("a failed export changed %s to %q", keep, data)
	}
	if _, _, code := runApp(t, "export", "-o", "/dev/full"); code != 2 {
		t.Errorf("export -o /dev/full: exit %d; want 2", code)
	}
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Errorf("/dev/full is gone: %v", err)
	}
}

func TestShowMergesRelatedBothWays(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Dealer\nRelated Jobs\n- Manager\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Manager\nRelated Jobs\n- Dealer\n"), 0o644)
	stdout, stderr, code := runApp(t, "--no-cache", "--data", dir, "show", "Dealer", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct {
		Related []struct {
			Role    string
			Sources []string
		}
	}
	json.Unmarshal([]byte(stdout), &got)
	if len(got.Related) != 1 || len(got.Related[0].Sources) != 2 {
		t.Errorf("related = %+v; want Manager once, with both sources", got.Related)
	}
}

// TestEnvironment checks the settings the README says the environment
// gives: CAREERGRAPH_DATA for --data and CAREERGRAPH_NO_CACHE.
func TestEnvironment(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Astronaut\nCareer Path\nPilot → Astronaut\n"), 0o644)
	t.Setenv("CAREERGRAPH_DATA", dir)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	stdout, stderr, code := runApp(t, "stats", "--json")
	if code != 0 || !strings.Contains(stdout, `"roles": 2`) {
		t.Fatalf("stats with CAREERGRAPH_DATA: exit %d, %s %s; want the 2 roles of %s", code, stdout, stderr, dir)
	}
	snaps, _ := filepath.Glob(filepath.Join(os.Getenv("XDG_CACHE_HOME"), "careergraph", "*.snap"))
	if len(snaps) != 1 {
		t.Fatalf("snapshots after a cached load = %q; want one", snaps)
	}
	before, _ := os.ReadFile(snaps[0])
	// A new file makes the snapshot stale; with the cache off it must be
	// neither used nor rewritten.
	t.Setenv("CAREERGRAPH_NO_CACHE", "1")
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Pilot\n"), 0o644)
	if _, stderr, code := runApp(t, "stats"); code != 0 {
		t.Fatalf("stats: exit %d: %s", code, stderr)
	}
	if after, _ := os.ReadFile(snaps[0]); !bytes.Equal(before, after) {
		t.Errorf("CAREERGRAPH_NO_CACHE=1 rewrote the snapshot %s", snaps[0])
	}
}

// TestCheckStrict checks that warnings alone fail check only with
// --strict.
func TestCheckStrict(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Mayor\nCareer Path\nClerk → → Mayor\n"), 0o644)
	out, _, code := runApp(t, "--data", dir, "check")
	if code != 0 || !strings.Contains(out, "a.txt:3") {
		t.Errorf("check: exit %d; want 0, with the warning at a.txt:3:\n%s", code, out)
	}
	if _, _, code := runApp(t, "--data", dir, "check", "--strict"); code != 1 {
		t.Errorf("check --strict: exit %d; want 1 for a warning", code)
	}
}

func TestExportGEXFVersion(t *testing.T) {
	stdout, stderr, code := runApp(t, "export", "--format", "gexf", "--gexf-version", "1.2draft")
	if code != 0 || !strings.Contains(stdout, `xmlns="http://www.gexf.net/1.2draft"`) {
		t.Errorf("export --gexf-version 1.2draft: exit %d, %s; want a GEXF 1.2draft document", code, stderr)
	}
}

// TestDamagedProfileInCache damages the profile a snapshot keeps of a
// role: the snapshot is still used (profiles are read when shown), and
// the role's card says its sections cannot be read and how to recover,
// rather than show less without a word; every other command is unharmed.
func TestDamagedProfileInCache(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Astronaut\nSummary\nFlies to space.\nCareer Path\nPilot → Astronaut\n"), 0o644)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	if _, stderr, code := runApp(t, "--data", dir, "stats"); code != 0 {
		t.Fatalf("stats: exit %d: %s", code, stderr)
	}
	snaps, _ := filepath.Glob(filepath.Join(os.Getenv("XDG_CACHE_HOME"), "careergraph", "*.snap"))
	if len(snaps) != 1 {
		t.Fatalf("snapshots = %q; want one", snaps)
	}
	data, _ := os.ReadFile(snaps[0])
	// The profiles start the file; the summary's string, in the head
	// after them, is covered by its checksum.
	at := bytes.Index(data, []byte("space."))
	if at < 0 {
		t.Fatal(`the snapshot does not hold the profile's text "space."`)
	}
	data[at+2] ^= 0x20 // in the profile's text
	if err := os.WriteFile(snaps[0], data, 0o600); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runApp(t, "--data", dir, "show", "Astronaut")
	if code != 0 || !strings.Contains(stdout, "Unreadable") || !strings.Contains(stdout, "delete careergraph's cache folder") {
		t.Errorf("show with a damaged profile: exit %d\n%s%s\nwant the Unreadable section and what to do", code, stdout, stderr)
	}
	if strings.Contains(stdout, "Flies to") {
		t.Errorf("show printed the damaged text:\n%s", stdout)
	}
	if stdout, _, code := runApp(t, "--data", dir, "path", "Pilot", "Astronaut"); code != 0 || !strings.Contains(stdout, "Astronaut") {
		t.Errorf("path with a damaged profile: exit %d\n%s", code, stdout)
	}
}

// TestCPUProfile runs a command with CAREERGRAPH_CPUPROFILE set: it writes
// a profile (gzip, as pprof writes it), and a file that cannot be made is
// a clear error naming the variable.
func TestCPUProfile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "cpu.pprof")
	if stderr, code := runChild(t, []string{"CAREERGRAPH_CPUPROFILE=" + name}, "stats"); code != 0 {
		t.Fatalf("stats with a profile: exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(name)
	if err != nil || len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
		t.Errorf("profile %s: %d bytes, %v; want pprof's gzip data", name, len(data), err)
	}
	bad := filepath.Join(t.TempDir(), "missing", "cpu.pprof")
	stderr, code := runChild(t, []string{"CAREERGRAPH_CPUPROFILE=" + bad}, "stats")
	if code != 2 || !strings.Contains(stderr, "CAREERGRAPH_CPUPROFILE") || !strings.Contains(stderr, bad) {
		t.Errorf("an unwritable profile: exit %d, %q; want 2 and a message naming the variable and the file", code, stderr)
	}
}
