package loader

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"careergraph/graph"
	"careergraph/seeds"
)

// Options say what to load.
type Options struct {
	// Paths are files or directories; directories are read recursively
	// for *.txt and *.md files. Empty means the embedded seed documents.
	Paths []string
	// Aliases is the path of a user alias file (CSV: name,canonical), or
	// empty.
	Aliases string
	// Progress, when set, is called now and then with the number of files
	// parsed so far and the total. It may be called from several
	// goroutines, never at once.
	Progress func(done, total int)
}

// SeedsName is the name the embedded seed documents go by in messages:
// a seed file reads as "seeds/000_f8fb08b187d7aa4f.txt".
const SeedsName = "seeds"

// Load reads the documents opt names, resolves their names and builds the
// graph. Files that cannot be read as documents are reported in the
// Corpus's Problems and skipped; Load itself fails only when a path does
// not exist, names no documents at all, or the alias file is unreadable.
func Load(opt Options) (*Corpus, error) {
	files, err := listFiles(opt)
	if err != nil {
		return nil, err
	}
	return loadFiles(files, opt, true)
}

// listFiles lists the documents opt names, sorted by name.
func listFiles(opt Options) ([]sourceFile, error) {
	var files []sourceFile
	if len(opt.Paths) == 0 {
		fsFiles, err := listFS(seeds.FS, SeedsName)
		if err != nil {
			return nil, err
		}
		files = fsFiles
	} else {
		for _, p := range opt.Paths {
			found, err := listPath(p)
			if err != nil {
				return nil, err
			}
			files = append(files, found...)
		}
		slices.SortFunc(files, func(a, b sourceFile) int { return strings.Compare(a.name, b.name) })
		if len(opt.Paths) > 1 { // one path lists no file twice
			files = dedupe(files)
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("%s: no documents (*.txt or *.md) found", strings.Join(opt.Paths, ", "))
		}
	}
	return files, nil
}

// loadFiles is Load once the files are listed. Unless keepDocs is set,
// the Corpus has no Docs and each document is compacted as soon as it is
// parsed, so that its file's text can be freed: see compactDocument.
func loadFiles(files []sourceFile, opt Options, keepDocs bool) (*Corpus, error) {
	var aliases []AliasRule
	var aliasProblems []Problem
	if opt.Aliases != "" {
		var err error
		aliases, aliasProblems, err = ReadAliasFile(opt.Aliases)
		if err != nil {
			return nil, err
		}
	}
	docs, problems := parseAll(files, opt.Progress, keepDocs)
	c, err := build(docs, aliases, keepDocs)
	if err != nil {
		return nil, err
	}
	c.Files = len(files)
	c.Broken = len(files) - len(docs)
	c.Problems = append(c.Problems, problems...)
	c.Problems = append(c.Problems, aliasProblems...)
	sortProblems(c.Problems)
	return c, nil
}

// dedupe drops files named twice, however the paths were written
// ("seeds" and "/home/me/seeds"), keeping the first name in sorted order.
func dedupe(files []sourceFile) []sourceFile {
	seen := make(map[string]bool, len(files))
	out := files[:0]
	// filepath.Abs asks the system for the working folder on every call:
	// ask once.
	cwd, err := os.Getwd()
	if err != nil {
		cwd = ""
	}
	for _, f := range files {
		key := filepath.Clean(f.name)
		if !filepath.IsAbs(key) && cwd != "" {
			key = filepath.Join(cwd, key)
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, f)
		}
	}
	return out
}

// LoadSeeds loads the embedded seed documents.
func LoadSeeds() (*Corpus, error) { return Load(Options{}) }

// sourceFile is a document file to read: its name for messages and how
// to read it.
type sourceFile struct {
	name string
	read func() ([]byte, error)
}

// isDocument reports whether a file found in a directory is a document.
func isDocument(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".txt" || ext == ".md"
}

func listFS(fsys fs.FS, prefix string) ([]sourceFile, error) {
	var out []sourceFile
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !isDocument(p) {
			return nil
		}
		out = append(out, sourceFile{name: path.Join(prefix, p), read: func() ([]byte, error) { return fs.ReadFile(fsys, p) }})
		return nil
	})
	return out, err
}

// listPath lists the documents at p: p itself when it is a file (whatever
// its extension), else every *.txt and *.md file below it, skipping
// hidden files and folders.
func listPath(p string) ([]sourceFile, error) {
	info, err := os.Stat(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such file or directory (give --data a file or folder of documents)", p)
		}
		return nil, err
	}
	readFile := func(name string) sourceFile {
		return sourceFile{name: name, read: func() ([]byte, error) { return os.ReadFile(name) }}
	}
	if !info.IsDir() {
		return []sourceFile{readFile(p)}, nil
	}
	var out []sourceFile
	err = filepath.WalkDir(p, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			// An unreadable folder is reported like an unreadable file.
			out = append(out, sourceFile{name: name, read: func() ([]byte, error) { return nil, err }})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if name != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && isDocument(name) {
			out = append(out, readFile(name))
		}
		return nil
	})
	return out, err
}

// parseResult is what parsing one file gave.
type parseResult struct {
	doc       *Document
	keyed     keyedDoc // doc with its names normalised, while it is in cache
	problems  []Problem
	aptitudes []string // aptitude item names its delimited rows gave
	unsplit   bool     // see parsed.unsplit
}

// parseAll reads and parses files on all cores. It returns the documents,
// with their names normalised for build, in file order and a problem for
// every file that could not be read. Unless keep is set, the documents are
// compacted (see compactDocument).
func parseAll(files []sourceFile, progress func(done, total int), keep bool) ([]keyedDoc, []Problem) {
	results := make([]parseResult, len(files))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(files)/8))
	var next, done atomic.Int64
	var progressMu sync.Mutex
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			// Aptitude names share the file's text: kept as they are, they
			// would keep every file in memory until all are parsed.
			names := map[string]string{}
			var scratch keyScratch
			var parser Parser
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				f := files[i]
				data, err := f.read()
				if err != nil {
					results[i].problems = []Problem{{File: f.name, Severity: Error, Msg: fmt.Sprintf("cannot read: %v: skipped", unwrapPath(err))}}
				} else {
					res, err := parser.parseOwned(data, f.name) // data is ours alone
					results[i] = parseResult{doc: res.doc, problems: res.problems, unsplit: res.unsplit}
					if err != nil {
						results[i].doc = nil
						results[i].problems = append(results[i].problems, problemOf(err, f.name))
					} else {
						results[i].aptitudes = AptitudeItems(res.doc)
						if !keep {
							results[i].doc = compactDocument(res.doc)
							for j, a := range results[i].aptitudes {
								c, ok := names[a]
								if !ok {
									c = strings.Clone(a)
									names[c] = c
								}
								results[i].aptitudes[j] = c
							}
						}
						results[i].keyed = keyedDoc{Document: results[i].doc}
						results[i].keyed.normalise(&scratch)
					}
				}
				if n := done.Add(1); progress != nil && (n%256 == 0 || int(n) == len(files)) {
					progressMu.Lock()
					progress(int(n), len(files))
					progressMu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	reparseAptitudes(files, results, keep)
	docs := make([]keyedDoc, 0, len(results))
	var problems []Problem
	for _, r := range results {
		if r.doc != nil {
			docs = append(docs, r.keyed)
		}
		problems = append(problems, r.problems...)
	}
	return docs, problems
}

// reparseAptitudes parses again, with the aptitude item names of the whole
// corpus, the documents that had rows the parser could not split alone.
// It is rare, so it costs nothing on most corpora.
func reparseAptitudes(files []sourceFile, results []parseResult, keep bool) {
	var again []int
	for i, r := range results {
		if r.doc != nil && r.unsplit {
			again = append(again, i)
		}
	}
	if len(again) == 0 {
		return
	}
	var items []string
	for _, r := range results {
		items = append(items, r.aptitudes...)
	}
	slices.Sort(items)
	p := Parser{AptitudeItems: slices.Compact(items)}
	for _, i := range again {
		data, err := files[i].read()
		if err != nil {
			continue // keep the first parse
		}
		if res, err := p.parseOwned(data, files[i].name); err == nil {
			doc := res.doc
			if !keep {
				doc = compactDocument(doc)
			}
			results[i] = parseResult{doc: doc, problems: res.problems, keyed: keyedDoc{Document: doc}}
			results[i].keyed.normalise(new(keyScratch))
		}
	}
}

// compactDocument keeps only what Build reads of d — title, reading,
// classification, summary, skills, qualifications, aliases, career paths
// and related jobs — and copies those strings into one allocation, so
// that nothing refers to the file's text any more. It modifies d and
// returns it.
func compactDocument(d *Document) *Document {
	*d = Document{
		File: d.File, Title: d.Title, TitleLine: d.TitleLine, Reading: d.Reading,
		Classification: d.Classification, Summary: d.Summary, Career: d.Career,
		RequiredSkills: d.RequiredSkills, RecommendedSkills: d.RecommendedSkills,
		Qualifications: d.Qualifications, Aliases: d.Aliases, Related: d.Related,
	}
	var ptrs []*string
	ptrs = append(ptrs, &d.Title, &d.Reading, &d.Summary,
		&d.Classification.Major, &d.Classification.Middle, &d.Classification.Minor, &d.Classification.Industry)
	for _, list := range [][]Item{d.RequiredSkills, d.RecommendedSkills, d.Qualifications, d.Aliases, d.Related} {
		for i := range list {
			ptrs = append(ptrs, &list[i].Text)
		}
	}
	for _, cp := range d.Career {
		for _, rung := range cp.Rungs {
			for i := range rung {
				ptrs = append(ptrs, &rung[i].Text)
			}
		}
	}
	n := 0
	for _, p := range ptrs {
		n += len(*p)
	}
	var b strings.Builder
	b.Grow(n)
	for _, p := range ptrs {
		b.WriteString(*p)
	}
	all, off := b.String(), 0
	for _, p := range ptrs {
		l := len(*p)
		*p = all[off : off+l]
		off += l
	}
	return d
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func problemOf(err error, name string) Problem {
	var pe *ParseError
	if errors.As(err, &pe) {
		return Problem{File: pe.File, Line: pe.Line, Severity: Error, Msg: pe.Err.Error() + ": document skipped"}
	}
	return Problem{File: name, Severity: Error, Msg: err.Error() + ": document skipped"}
}

// ReadAliasFile reads a user alias file: CSV rows of name,canonical, an
// optional header row "name,canonical", lines starting with # ignored.
// Rows that are not two non-empty fields are returned as problems; an
// unreadable file is an error.
func ReadAliasFile(name string) ([]AliasRule, []Problem, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, fmt.Errorf("alias file %s: %w (give --aliases a CSV file of name,canonical rows)", name, unwrapPath(err))
	}
	defer f.Close()
	return ParseAliases(f, name)
}

// ParseAliases reads alias rows from r; name is used in messages. See
// ReadAliasFile.
func ParseAliases(r io.Reader, name string) ([]AliasRule, []Problem, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.Comment = '#'
	cr.TrimLeadingSpace = true
	var rules []AliasRule
	var problems []Problem
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				problems = append(problems, Problem{File: name, Line: pe.Line, Severity: Error, Msg: pe.Err.Error() + ": row skipped"})
				continue
			}
			return nil, nil, fmt.Errorf("alias file %s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 2 && strings.EqualFold(strings.TrimSpace(rec[0]), "name") && strings.EqualFold(strings.TrimSpace(rec[1]), "canonical") {
			continue
		}
		if len(rec) != 2 || strings.TrimSpace(rec[0]) == "" || strings.TrimSpace(rec[1]) == "" {
			problems = append(problems, Problem{File: name, Line: line, Severity: Error,
				Msg: fmt.Sprintf("want two fields, name,canonical; got %d: row skipped", len(rec))})
			continue
		}
		rules = append(rules, AliasRule{
			Name:      strings.TrimSpace(rec[0]),
			Canonical: strings.TrimSpace(rec[1]),
			Source:    graph.Source{File: name, Line: line},
		})
	}
	return rules, problems, nil
}
