package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"careergraph/graph"
	"careergraph/graph/export"
)

// corpus writes documents (file name → text) into a new folder.
func corpus(t *testing.T, docs map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range docs {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestFlagValuesKeepCommas checks that a flag value is one value: titles
// and folder names hold commas.
func TestFlagValuesKeepCommas(t *testing.T) {
	dir := corpus(t, map[string]string{
		"a,b/clerk.txt": "Clerk\nCareer Path\nClerk → Manager, Sales → Director\nClerk → Manager, Marketing → Director\n",
	})
	data := filepath.Join(dir, "a,b")
	other := corpus(t, map[string]string{"pilot.txt": "Pilot\nCareer Path\nCadet → Pilot\n"})
	tests := []struct {
		name string
		env  string
		args []string
		want string // in stdout
	}{
		{"avoid", "", []string{"--data", data, "path", "Clerk", "Director", "--avoid", "Manager, Sales", "--json"}, `"to": "Manager, Marketing"`},
		{"data", "", []string{"--data", data, "stats", "--json"}, `"roles": 4`},
		{"env list", data + string(os.PathListSeparator) + other, []string{"stats", "--json"}, `"roles": 6`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(dataEnv, tt.env)
			stdout, stderr, code := runApp(t, tt.args...)
			if code != 0 || !strings.Contains(stdout, tt.want) {
				t.Errorf("careergraph %q: exit %d, stdout %s, stderr %s; want %s", tt.args, code, stdout, stderr, tt.want)
			}
		})
	}
}

// TestNoAnswerJSON checks that every command that can find nothing
// still prints JSON, with a reason, and exits 1.
func TestNoAnswerJSON(t *testing.T) {
	dir := corpus(t, map[string]string{
		"a.txt": "Clerk\nCareer Path\nClerk → Manager → Director\n",
		"b.txt": "Hermit\nSummary\nLives alone.\n",
	})
	tests := [][]string{
		{"path", "Clerk", "Hermit"},
		{"path", "Clerk", "Director", "--no-lateral", "--avoid", "Manager"},
		{"gap", "Clerk", "Hermit"},
		{"reach", "Hermit"},
		{"reach", "Clerk", "--reverse"},
		{"ladder", "Hermit"},
		{"roles", "zzzz"},
	}
	for _, args := range tests {
		args = append([]string{"--data", dir, "--json"}, args...)
		stdout, stderr, code := runApp(t, args...)
		var got map[string]any
		if err := json.Unmarshal([]byte(stdout), &got); err != nil {
			t.Errorf("careergraph %q: stdout is not JSON (%v): %q, stderr %q", args, err, stdout, stderr)
			continue
		}
		if code != 1 {
			t.Errorf("careergraph %q: exit %d; want 1", args, code)
		}
		if r, _ := got["reason"].(string); r == "" {
			t.Errorf("careergraph %q: JSON has no reason: %s", args, stdout)
		}
	}
}

// TestTerminalInjection checks that control and bidi characters of the
// documents reach the terminal escaped, and JSON intact.
func TestTerminalInjection(t *testing.T) {
	dir := corpus(t, map[string]string{
		"a.txt":          "Evil\x1b[31mRed\nCareer Path\nClerk → Evil\x1b[31mRed → \u202eBoss\n",
		"bad\x1b[2J.txt": "",
	})
	raw := []string{"\x1b", "\u202e"}
	for _, args := range [][]string{
		{"roles"}, {"show", "Clerk"}, {"show", "Boss"}, {"path", "Clerk", "Boss"}, {"reach", "Clerk"},
		{"ladder", "Clerk"}, {"check"}, {"stats"}, {"show", "Nobody\x1b[2J"},
	} {
		stdout, stderr, _ := runApp(t, append([]string{"--data", dir}, args...)...)
		for _, r := range raw {
			if strings.Contains(stdout+stderr, r) {
				t.Errorf("careergraph %q printed %q raw:\n%s%s", args, r, stdout, stderr)
			}
		}
	}
	stdout, _, _ := runApp(t, "--data", dir, "roles")
	if !strings.Contains(stdout, `Evil\x1b[31mRed`) || !strings.Contains(stdout, `\u202eBoss`) {
		t.Errorf("roles does not show the escapes visibly:\n%s", stdout)
	}
	stdout, _, _ = runApp(t, "--data", dir, "roles", "--json")
	var got struct{ Roles []struct{ Name string } }
	json.Unmarshal([]byte(stdout), &got)
	var names []string
	for _, r := range got.Roles {
		names = append(names, r.Name)
	}
	if !strings.Contains(strings.Join(names, "|"), "Evil\x1b[31mRed") {
		t.Errorf("roles --json names = %q; want the name as the document writes it", names)
	}
}

func TestEscapeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Section Chief", "Section Chief"},
		{"課長 ▶ → ·", "課長 ▶ → ·"},
		{"a\nb\tc", "a\nb\tc"},
		{"a\x1b[2Jb", `a\x1b[2Jb`},
		{"a\rb\x7f", `a\x0db\x7f`},
		{"\u0085\u009b", `\u0085\u009b`},
		{"\u202eevil\u202c \u2066x\u2069 \u200f\ufeff", `\u202eevil\u202c \u2066x\u2069 \u200f\ufeff`},
		{"bad\xffbyte", `bad\xffbyte`},
	}
	for _, tt := range tests {
		if got := escapeText(tt.in); got != tt.want {
			t.Errorf("escapeText(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestSkippedDocuments checks that skipped documents are named on
// stderr, ten at most, and that --quiet silences what is not an answer.
func TestSkippedDocuments(t *testing.T) {
	docs := map[string]string{"a.txt": "Clerk\nCareer Path\nClerk → Manager\n"}
	for i := range 12 {
		docs[fmt.Sprintf("empty%02d.txt", i)] = ""
	}
	dir := corpus(t, docs)
	_, stderr, code := runApp(t, "--data", dir, "stats")
	if code != 0 {
		t.Fatalf("stats: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"empty00.txt: error: empty document", "empty09.txt", "and 2 more skipped files", "12 files skipped"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not say %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "empty10.txt") {
		t.Errorf("stderr names more than 10 skipped documents:\n%s", stderr)
	}
	for _, args := range [][]string{{"--quiet", "--data", dir, "stats"}, {"--data", dir, "stats", "-q"}} {
		if _, stderr, code := runApp(t, args...); code != 0 || stderr != "" {
			t.Errorf("careergraph %q: exit %d, stderr %q; want 0 and nothing", args, code, stderr)
		}
	}
}

// TestRenderLongTitle checks that render's default file name stays short
// whatever the role's name.
func TestRenderLongTitle(t *testing.T) {
	title := strings.TrimSpace(strings.Repeat("Senior Principal Deputy Regional ", 15)) + " Officer"
	dir := corpus(t, map[string]string{"a.txt": title + "\nCareer Path\nClerk → " + title + "\n"})
	t.Chdir(t.TempDir())
	stdout, stderr, code := runApp(t, "--data", dir, "render", "ladder", title)
	out := strings.TrimSpace(stdout)
	if code != 0 {
		t.Fatalf("render ladder of a %d-byte title: exit %d: %s", len(title), code, stderr)
	}
	if base := filepath.Base(out); len(base) > maxStemBytes+len(".svg") || !strings.HasPrefix(base, "senior-principal") {
		t.Errorf("default file name %q: want the slug cut to %d bytes", base, maxStemBytes)
	}
	if _, err := os.Stat(out); err != nil {
		t.Error(err)
	}
	if a, b := defaultOutput(strings.Repeat("x", 100)+"a"), defaultOutput(strings.Repeat("x", 100)+"b"); a == b {
		t.Errorf("two long stems cut to the same name %s", a)
	}
}

// TestNumericFlagRanges checks that numbers out of range are usage
// errors naming the flag and the range, found before any work is done.
func TestNumericFlagRanges(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"reach", "Section Chief", "--max-cost", "2147483648"}, "--max-cost 2147483648: give 0 (no limit) to 100000000"},
		{[]string{"path", "Union secretary", "Labor union chairperson", "--k", "1000000"}, "--k 1000000: give a whole number from 1 to 100"},
		{[]string{"render", "path", "Union secretary", "Labor union chairperson", "--k", "1000000"}, "--k 1000000: give a whole number from 1 to 100"},
		{[]string{"export", "--path", "Union secretary", "Labor union chairperson", "--k", "101"}, "--k 101"},
		{[]string{"render", "path", "Union secretary", "Labor union chairperson", "--k", "1e6"}, `invalid value "1e6" for flag -k`},
	}
	for _, tt := range tests {
		_, stderr, code := runApp(t, tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("careergraph %q: exit %d, stderr %q; want exit 2 saying %q", tt.args, code, stderr, tt.want)
		}
	}
}

// failingWriter fails every write, as a closed pipe or a full disk does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestExitCodes checks the one place errors become messages and exit
// codes: the hints the command adds, never twice, and a write error that
// is not blamed on a flag.
func TestExitCodes(t *testing.T) {
	tests := []struct {
		err  error
		code int
		want string // the message
	}{
		{nil, 0, ""},
		{errNoAnswer, 1, ""},
		{fmt.Errorf("no route: %w", graph.ErrNoPath), 1, "careergraph: no route: no path\n"},
		{&noRouteError{err: graph.ErrNoPath, narrowedBy: []string{"--no-lateral", "--avoid"}}, 1, "careergraph: no path (try again without --no-lateral or --avoid)\n"},
		{&noRouteError{err: graph.ErrNoPath, narrowedBy: []string{"--no-down"}}, 1, "careergraph: no path (try again without --no-down)\n"},
		{usagef("--k 0: give a whole number"), 2, "careergraph: --k 0: give a whole number\n"},
		{fmt.Errorf("--avoid: %w", &graph.NotFoundError{Name: "X"}), 2, "careergraph: --avoid: role \"X\": not found (list roles with `careergraph roles`)\n"},
		{&export.TooLargeError{Format: "mermaid", What: "moves", Max: 500, Has: 900}, 2, "(--ladder, --around --depth, --path --k)"},
		{errors.New("role \"a\x1bb\" is odd"), 2, `careergraph: role "a\x1bb" is odd` + "\n"},
	}
	for _, tt := range tests {
		var stderr bytes.Buffer
		code := report(&stderr, tt.err)
		if code != tt.code || !strings.Contains(stderr.String(), tt.want) || tt.want == "" && stderr.Len() > 0 {
			t.Errorf("report(%v) = %d, %q; want %d, %q", tt.err, code, stderr.String(), tt.code, tt.want)
		}
		if strings.Count(stderr.String(), "careergraph roles") > 1 || strings.Count(stderr.String(), "--ladder") > 1 {
			t.Errorf("report(%v) gives a hint twice: %q", tt.err, stderr.String())
		}
	}
	var stderr bytes.Buffer
	code := realMain([]string{"export", "--format", "gexf"}, failingWriter{}, &stderr)
	if code != 2 || strings.Contains(stderr.String(), "--gexf-version") || !strings.Contains(stderr.String(), "no space left") {
		t.Errorf("export --format gexf to a failing writer: exit %d, %q; want 2 and the write error, not a --gexf-version mistake", code, stderr.String())
	}
}

// TestAppsShareNoFlags checks that a flag given to one run does not
// stay for the next.
func TestAppsShareNoFlags(t *testing.T) {
	runApp(t, "path", "Union secretary", "Labor union chairperson", "--avoid", "Labor union secretary general", "--k", "2", "--json")
	stdout, stderr, code := runApp(t, "path", "Union secretary", "Labor union chairperson")
	if code != 0 || !strings.Contains(stdout, "Cheapest route") {
		t.Errorf("path after a run with --avoid and --json: exit %d, %s %s; want the plain answer", code, stdout, stderr)
	}
}

// TestOutputFiles checks -o and export --format csv -o DIR against
// outfile's rules: a replaced file keeps its mode, a link is refused and
// its target left alone, a failed export leaves the previous files, and
// no temporary file is left behind.
func TestOutputFiles(t *testing.T) {
	dir := t.TempDir()
	file := func(name, content string, mode os.FileMode) string {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(content), mode)
		os.Chmod(p, mode)
		return p
	}
	private := file("private.json", "old", 0o600)
	target := file("target.json", "target", 0o644)
	link := filepath.Join(dir, "link.json")
	os.Symlink(target, link)
	csvLinked := filepath.Join(dir, "csv-linked")
	file("csv-linked/moves.csv", "target", 0o644)
	os.Symlink(filepath.Join(csvLinked, "moves.csv"), filepath.Join(csvLinked, "roles.csv"))
	csvBlocked := filepath.Join(dir, "csv-blocked")
	oldRoles := file("csv-blocked/roles.csv", "previous", 0o600)
	os.MkdirAll(filepath.Join(csvBlocked, "moves.csv"), 0o755)
	csvPrivate := filepath.Join(dir, "csv-private")
	file("csv-private/roles.csv", "previous", 0o600)

	tests := []struct {
		args    []string
		code    int
		want    string      // in stderr
		check   string      // a file to look at afterwards
		content string      // what it must hold ("" : anything but the old content)
		mode    os.FileMode // its mode (0: not checked)
	}{
		{[]string{"export", "-o", private}, 0, "", private, "", 0o600},
		{[]string{"render", "ladder", "Section Chief", "-o", filepath.Join(dir, "private.dot")}, 0, "", "", "", 0},
		{[]string{"export", "-o", link}, 2, "-o " + link + ": cannot replace: a symbolic link (choose another -o)", target, "target", 0o644},
		{[]string{"export", "--format", "csv", "-o", csvLinked}, 2, "a symbolic link", filepath.Join(csvLinked, "moves.csv"), "target", 0o644},
		{[]string{"export", "--format", "csv", "-o", csvBlocked}, 2, "not a regular file", oldRoles, "previous", 0o600},
		{[]string{"export", "--format", "csv", "-o", csvPrivate}, 0, "", filepath.Join(csvPrivate, "roles.csv"), "", 0o600},
	}
	for _, tt := range tests {
		_, stderr, code := runApp(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("careergraph %q: exit %d, stderr %q; want %d saying %q", tt.args, code, stderr, tt.code, tt.want)
		}
		if tt.check == "" {
			continue
		}
		data, _ := os.ReadFile(tt.check)
		info, err := os.Stat(tt.check)
		switch {
		case err != nil:
			t.Errorf("careergraph %q: %v", tt.args, err)
		case tt.content != "" && string(data) != tt.content, tt.content == "" && (string(data) == "old" || string(data) == "previous"):
			t.Errorf("careergraph %q: %s holds %.40q", tt.args, tt.check, data)
		case tt.mode != 0 && info.Mode().Perm() != tt.mode:
			t.Errorf("careergraph %q: %s has mode %v; want %v", tt.args, tt.check, info.Mode().Perm(), tt.mode)
		}
	}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if strings.Contains(filepath.Base(p), ".tmp") {
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
}

// TestShowMatchedAs checks that show says by which name a role was found
// when that is not its own: an alias, a rung's short form.
func TestShowMatchedAs(t *testing.T) {
	tests := []struct{ query, first string }{
		{"Party headquarters executive", `Political party headquarters executive (excluding legislators) (as "Party headquarters executive")`},
		{"section chief", "Section Chief"},
		{"Section Chief", "Section Chief"},
	}
	for _, tt := range tests {
		stdout, stderr, code := runApp(t, "show", tt.query)
		if first, _, _ := strings.Cut(stdout, "\n"); code != 0 || first != tt.first {
			t.Errorf("show %q: exit %d, first line %q, stderr %q; want %q", tt.query, code, first, stderr, tt.first)
		}
	}
	stdout, _, _ := runApp(t, "show", "Party headquarters executive", "--json")
	if !strings.Contains(stdout, `"matched_as": "Party headquarters executive"`) {
		t.Errorf("show --json by alias: no matched_as in %s", stdout)
	}
}

// TestMaxFileSize checks that --max-file-size skips a larger document,
// naming it and the limit, and keeps the others.
func TestMaxFileSize(t *testing.T) {
	big := "Big Role\nSummary\n" + strings.Repeat("A long summary line.\n", 60_000) // about 1.2 MiB
	dir := corpus(t, map[string]string{
		"a.txt": "Clerk\nCareer Path\nClerk → Manager\n",
		"b.txt": big,
	})
	_, stderr, code := runApp(t, "--data", dir, "--max-file-size", "1", "stats")
	if code != 0 || !strings.Contains(stderr, "b.txt") || !strings.Contains(stderr, "1 MiB") {
		t.Errorf("--max-file-size 1: exit %d, stderr %q; want b.txt skipped naming the limit", code, stderr)
	}
	stdout, stderr, code := runApp(t, "--data", dir, "--json", "stats")
	if code != 0 || !strings.Contains(stdout, `"documents": 2`) {
		t.Errorf("default limit: exit %d, stdout %s, stderr %q; want both documents", code, stdout, stderr)
	}
	if _, stderr, code := runApp(t, "--max-file-size", "0", "stats"); code != 2 || !strings.Contains(stderr, "--max-file-size 0") {
		t.Errorf("--max-file-size 0: exit %d, stderr %q; want a usage error naming the flag", code, stderr)
	}
}

// TestImportedFlags checks the flags that matter once other sources load:
// --data-format forces how every path is read, --no-down keeps routes
// from going down a level, and render --color-by colours by a field.
func TestImportedFlags(t *testing.T) {
	dir := corpus(t, map[string]string{
		"moves.csv": "from,to,kind,cost\nClerk,Officer,career,1\nOfficer,Director,career,1\nClerk,Analyst,career,1\nAnalyst,Director,career,5\n",
		"roles.csv": "role,level\nClerk,1\nOfficer,3\nAnalyst,2\nDirector,2\n",
	})
	svg := filepath.Join(t.TempDir(), "x.svg")
	tests := []struct {
		name string
		args []string
		code int
		want string // in stdout, or in stderr for a failure
	}{
		{"detected", []string{"--data", dir, "path", "Clerk", "Director"}, 0, "cost 2, 2 steps"},
		{"no down", []string{"--data", dir, "path", "Clerk", "Director", "--no-down"}, 0, "cost 6, 2 steps"},
		{"no down, no route", []string{"--data", dir, "path", "Officer", "Director", "--no-down"}, 1, "try again without --no-down"},
		{"forced as documents", []string{"--data", dir, "--data-format", "document", "--no-cache", "stats"}, 0, "roles                 0"},
		{"unknown format", []string{"--data", dir, "--data-format", "xml", "stats"}, 2, "--data-format"},
		{"color by level", []string{"--data", dir, "render", "ladder", "Clerk", "--color-by", "level", "-o", svg}, 0, svg},
		{"color by nothing", []string{"--data", dir, "render", "ladder", "Clerk", "--color-by", "size", "-o", svg}, 2, "--color-by"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runApp(t, tt.args...)
			got := stdout
			if tt.code != 0 {
				got = stderr
			}
			if code != tt.code || !strings.Contains(got, tt.want) {
				t.Errorf("careergraph %q: exit %d, stdout %q, stderr %q; want exit %d and %q", tt.args, code, stdout, stderr, tt.code, tt.want)
			}
		})
	}
	if data, err := os.ReadFile(svg); err != nil || !strings.Contains(string(data), "level 3") {
		t.Errorf("render --color-by level: %v; want a legend naming level 3 in %s", err, svg)
	}
}
