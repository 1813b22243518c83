package loader

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"careergraph/loader/source"
	"careergraph/loader/synth"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadFindsDocuments(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt":          "Mayor\nCareer Path\nClerk → Mayor\n",
		"sub/b.md":       "Governor\nCareer Path\nMayor → Governor\n",
		"notes.csv":      "not a document",
		".hidden/c.txt":  "Hidden\n",
		".skipped.txt":   "Skipped\n",
		"sub/empty.txt":  "",
		"sub/binary.txt": "\xff\xfe\x00",
	})
	c, err := Load(Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	// Every file is looked at, whatever its name; notes.csv is no source.
	if c.NumFiles != 5 || len(c.Skipped) != 3 || len(c.Documents) != 2 {
		t.Errorf("NumFiles, Skipped, Documents = %d, %v, %d; want 5, 3 files, 2", c.NumFiles, c.Skipped, len(c.Documents))
	}
	for i, want := range []string{"notes.csv", "sub/binary.txt", "sub/empty.txt"} {
		if i < len(c.Skipped) && c.Skipped[i] != filepath.Join(dir, want) {
			t.Errorf("Skipped[%d] = %q; want %q", i, c.Skipped[i], filepath.Join(dir, want))
		}
	}
	var broken []string
	for _, p := range c.Problems {
		broken = append(broken, filepath.Base(p.File)+": "+p.Msg)
	}
	got := strings.Join(broken, "\n")
	for _, want := range []string{"binary.txt: not UTF-8", "empty.txt: empty", "notes.csv: not a source careergraph reads: text with no occupation-document section heading"} {
		if !strings.Contains(got, want) {
			t.Errorf("problems do not say %q:\n%s", want, got)
		}
	}
	if _, err := c.Graph.Resolve("Governor"); err != nil {
		t.Errorf("the good documents did not load: %v", err)
	}
	// A file named on its own loads whatever its extension.
	one := filepath.Join(dir, "notes.csv")
	if c, err := Load(Options{Paths: []string{one}}); err != nil || c.NumFiles != 1 {
		t.Errorf("Load(%s) = %+v, %v; want the one file read", one, c, err)
	}
}

// TestLoadHooks checks that Options.Parsing and Options.Building are
// called once each, in that order, with the number of files to read and
// of documents, whether the load keeps its documents or drops them.
func TestLoadHooks(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt": "Mayor\nCareer Path\nClerk → Mayor\n",
		"b.txt": "Governor\nCareer Path\nMayor → Governor\n",
	})
	for _, drop := range []bool{false, true} {
		var calls []string
		c, err := Load(Options{
			Paths:         []string{dir},
			DropDocuments: drop,
			Parsing:       func(files int) { calls = append(calls, fmt.Sprintf("parsing %d", files)) },
			Building:      func(docs int) { calls = append(calls, fmt.Sprintf("building %d", docs)) },
		})
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"parsing 2", "building 2"}; !slices.Equal(calls, want) {
			t.Errorf("DropDocuments %v: hooks called %q; want %q", drop, calls, want)
		}
		if _, err := c.Graph.Resolve("Governor"); err != nil {
			t.Errorf("DropDocuments %v: %v", drop, err)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	empty := t.TempDir()
	tests := []struct {
		opt  Options
		want string
	}{
		{Options{Paths: []string{"/no/such/dir"}}, "/no/such/dir: no such file or directory"},
		{Options{Paths: []string{empty}}, "no files found"},
		{Options{Aliases: "/no/such/aliases.csv"}, "alias file /no/such/aliases.csv"},
	}
	for _, tt := range tests {
		if _, err := Load(tt.opt); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Load(%+v) = %v; want an error saying %q", tt.opt, err, tt.want)
		}
	}
}

// TestAptitudeNamesFromCorpus checks that a row with no delimiter is split
// by an item name another document's delimited table gave.
func TestAptitudeNamesFromCorpus(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt": "Juggler\nAptitudes (Strengths Preferred)\n| Item | Description |\n|---|---|\n| Zany Juggling | Because it is fun. |\n",
		"b.txt": "Clown\n\nAptitudes (Strengths Preferred)\n\nItem Description\nZany Juggling Because it is needed.\n",
	})
	c, err := Load(Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Problems) != 0 {
		t.Errorf("Problems = %v; want none: the corpus knows the item name", c.Problems)
	}
}

func TestParseAliases(t *testing.T) {
	in := "name,canonical\n# a comment\nSection Chief (Main Office),Section Chief\none field\n\"unclosed,x\n"
	rules, problems, err := ParseAliases(strings.NewReader(in), "al.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(rules) != 1 || rules[0].Name != "Section Chief (Main Office)" || rules[0].Source.Line != 3 {
		t.Errorf("rules = %+v; want the one row at line 3", rules)
	}
	if len(problems) != 2 || problems[0].Line != 4 {
		t.Errorf("problems = %v; want two, the first at line 4", problems)
	}
}

func TestLoadCountsAFileOnce(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "Mayor\n"})
	t.Chdir(dir)
	c, err := Load(Options{Paths: []string{".", dir, "a.txt", "./a.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	if c.NumFiles != 1 {
		t.Errorf("Files = %d; want 1: every path names the same file", c.NumFiles)
	}
}

// TestDroppingDocumentsChangesNothing loads a corpus keeping the
// documents and not, with the profiles in memory and spilled to a file:
// without the documents each file's memory is read into again once its
// document is packed and compacted, so that any name, list or profile
// still sharing that memory would come out changed; spilled, every
// profile must come back from the file as it was packed. A spill folder
// that does not exist keeps the profiles in memory.
func TestDroppingDocumentsChangesNothing(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, 400, 7); err != nil {
		t.Fatal(err)
	}
	paths := []string{dir, "../seeds"}
	kept, err := Load(Options{Paths: paths})
	if err != nil {
		t.Fatal(err)
	}
	spillDir := t.TempDir()
	for _, opt := range []Options{
		{Paths: paths, DropDocuments: true},
		{Paths: paths, DropDocuments: true, SpillDir: spillDir},
		{Paths: paths, SpillDir: spillDir},
		{Paths: paths, DropDocuments: true, SpillDir: filepath.Join(spillDir, "missing")},
	} {
		c, err := Load(opt)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(corpusText(kept), corpusText(c)); diff != "" {
			t.Errorf("load with %+v differs (-kept +this):\n%s", opt, diff)
		}
	}
	if left, _ := os.ReadDir(spillDir); len(left) != 0 {
		t.Errorf("spill folder holds %d files after the loads; want none", len(left))
	}
}

// corpusText returns what c holds, line by line: every role with its
// profile, every move and every problem; profiles by content, not by
// where they are kept.
func corpusText(c *Corpus) []string {
	var out []string
	for _, r := range c.Graph.Roles() {
		p := r.Profile
		docs, err := p.Docs()
		r.Profile = nil // not its address, nor where its sections are kept
		var fields []any
		if p != nil {
			fields = []any{p.Summary, p.RequiredSkills, p.RecommendedSkills, p.Qualifications}
		}
		out = append(out, fmt.Sprintf("%+v %q %+v %v", r, fields, docs, err))
	}
	for _, m := range c.Graph.Moves() {
		a := m.Attrs
		m.Attrs = nil
		out = append(out, fmt.Sprintf("%+v %+v", m, a))
	}
	for _, p := range c.Problems {
		out = append(out, p.String())
	}
	return out
}

// TestLoadFilesFolders loads, through LoadFiles, names that are no
// regular file, which it sees only when it reads them: a folder among
// the names is an O*NET release, read whole (even one that may be
// entered but not listed), or no source, with the reason; a FIFO or a
// vanished name cannot be read.
func TestLoadFilesFolders(t *testing.T) {
	onet, plain := onetAndPlain(t, t.TempDir())
	tests := []struct {
		name   string
		make   func(t *testing.T) string // returns the name to load
		format source.Format
		roles  bool   // the O*NET release is read
		msg    string // else the problem says this
	}{
		{"O*NET release", func(*testing.T) string { return onet }, source.None, true, ""},
		{"link to an O*NET release", func(t *testing.T) string {
			link := filepath.Join(t.TempDir(), "link")
			if err := os.Symlink(onet, link); err != nil {
				t.Skip("no symbolic links here:", err)
			}
			return link
		}, source.None, true, ""},
		{"O*NET release entered, not listed", func(t *testing.T) string {
			if os.Geteuid() == 0 {
				t.Skip("root lists every folder: run as another user to test one that cannot be listed")
			}
			shut := filepath.Join(t.TempDir(), "onet")
			if err := os.CopyFS(shut, os.DirFS(onet)); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(shut, 0o311); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(shut, 0o755) })
			return shut
		}, source.None, true, ""},
		{"plain folder", func(*testing.T) string { return plain }, source.None, false, "not a source careergraph reads"},
		{"plain folder as O*NET", func(*testing.T) string { return plain }, source.ONET, false, "O*NET"},
		{"FIFO", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "pipe.txt")
			if err := mkfifo(p); err != nil {
				t.Skip("no FIFOs here:", err)
			}
			return p
		}, source.None, false, "cannot read: not a regular file"},
		{"vanished", func(t *testing.T) string { return filepath.Join(t.TempDir(), "gone.txt") }, source.None, false, "cannot read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := tt.make(t)
			c, err := LoadFiles([]string{name}, Options{Format: tt.format, DropDocuments: true})
			if err != nil {
				t.Fatal(err)
			}
			if tt.roles {
				if c.Graph.NumRoles() == 0 || len(c.Sources) != 1 || len(c.Skipped) != 0 {
					t.Errorf("%s: %d roles, sources %v, skipped %v; want the O*NET release read", name, c.Graph.NumRoles(), c.Sources, c.Skipped)
				}
				return
			}
			var msgs []string
			for _, p := range c.Problems {
				msgs = append(msgs, p.String())
			}
			if len(c.Skipped) != 1 || !strings.Contains(strings.Join(msgs, "\n"), tt.msg) {
				t.Errorf("%s: skipped %v, problems:\n%s\nwant it skipped, saying %q", name, c.Skipped, strings.Join(msgs, "\n"), tt.msg)
			}
		})
	}
}

// TestLoadLinkedFolders loads a folder holding links to folders, an O*NET
// release and a plain folder: the release is read through its link and
// the plain folder skipped saying why, whether the files are listed by
// Load itself or by ListFiles for LoadFiles (as a warm start's listing
// gives them).
func TestLoadLinkedFolders(t *testing.T) {
	data := t.TempDir()
	onet, plain := onetAndPlain(t, t.TempDir())
	for link, to := range map[string]string{"onet-link": onet, "plain-link": plain} {
		if err := os.Symlink(to, filepath.Join(data, link)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	both := func(opt Options) map[string]*Corpus {
		loaded, err := Load(opt)
		if err != nil {
			t.Fatal(err)
		}
		files, err := ListFiles(opt)
		if err != nil {
			t.Fatal(err)
		}
		listed, err := LoadFiles(files, opt)
		if err != nil {
			t.Fatal(err)
		}
		return map[string]*Corpus{"Load": loaded, "ListFiles, LoadFiles": listed}
	}
	// With a format for every path, a folder is walked into rather than
	// read as a release: a link to one is not followed.
	for how, c := range both(Options{Paths: []string{data}, DropDocuments: true, Format: source.Document}) {
		if len(c.Sources) != 0 || len(c.Skipped) != 2 {
			t.Errorf("%s, every file a document: sources %v, skipped %v; want both links skipped", how, c.Sources, c.Skipped)
		}
	}
	for how, c := range both(Options{Paths: []string{data}, DropDocuments: true}) {
		var msgs []string
		for _, p := range c.Problems {
			msgs = append(msgs, p.String())
		}
		if len(c.Sources) != 1 || c.Graph.NumRoles() == 0 ||
			!slices.Equal(c.Skipped, []string{filepath.Join(data, "plain-link")}) ||
			!strings.Contains(strings.Join(msgs, "\n"), "a link to a folder inside a data folder is not followed") {
			t.Errorf("%s: %d roles, sources %v, skipped %v, problems:\n%s\nwant the release read and the linked plain folder skipped, not followed",
				how, c.Graph.NumRoles(), c.Sources, c.Skipped, strings.Join(msgs, "\n"))
		}
	}
}

// onetAndPlain makes, in dir, a folder holding the test O*NET release and
// an empty one, and returns their names.
func onetAndPlain(t *testing.T, dir string) (onet, plain string) {
	t.Helper()
	onet, plain = filepath.Join(dir, "onet"), filepath.Join(dir, "plain")
	if err := os.CopyFS(onet, os.DirFS("source/testdata/onet")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(plain, 0o755); err != nil {
		t.Fatal(err)
	}
	return onet, plain
}
