package loader

import (
	"bytes"
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
	"careergraph/loader/source"
	"careergraph/seeds"
)

// Options say what to load.
type Options struct {
	// Paths are files or directories; directories are read recursively,
	// hidden files and folders left out. Each file is a source told by
	// its content (source.DetectBytes): an occupation document, a pathway
	// table, a moves or roles spreadsheet; a folder holding an O*NET text
	// release is read whole. A file that is none of these is skipped with
	// a warning saying why. Empty means the embedded seed documents.
	Paths []string
	// Format, unless source.None, is the format of every path, not told
	// by content: source.ONET takes each folder path as an O*NET
	// release; another format reads every file found as that format.
	Format source.Format
	// Aliases is the path of a user alias file (CSV: name,canonical), or
	// empty.
	Aliases string
	// Progress, when set, is called now and then with the number of files
	// parsed so far and the total. It may be called from several
	// goroutines, never at once.
	Progress func(done, total int)
	// MaxFileSize is the size limit, in bytes, of every document and of
	// the alias file; 0 means DefaultMaxFileSize. A larger document is
	// skipped with a problem naming it and the limit; a larger alias file
	// is an error.
	MaxFileSize int64
	// DropDocuments makes the Corpus keep no Documents: each document is
	// let go as soon as its names are read, which lowers the memory a
	// large load takes. NumDocuments still counts them.
	DropDocuments bool
}

// DefaultMaxFileSize is the size limit of a file when
// Options.MaxFileSize is 0: far above any occupation profile, far below
// what would exhaust memory.
const DefaultMaxFileSize = 16 << 20

func (opt Options) maxFileSize() int64 {
	if opt.MaxFileSize > 0 {
		return opt.MaxFileSize
	}
	return DefaultMaxFileSize
}

// ErrNoDocuments is wrapped by a *DataError when the paths name no
// files to read.
var ErrNoDocuments = errors.New("no files found")

// DataError reports document paths that cannot be loaded: a path that
// does not exist (Err wraps fs.ErrNotExist), or paths that name no
// documents (Err is ErrNoDocuments).
type DataError struct {
	Paths []string
	Err   error
}

// Error returns "path: what is wrong", the paths joined by ", ".
func (e *DataError) Error() string { return strings.Join(e.Paths, ", ") + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *DataError) Unwrap() error { return e.Err }

// AliasFileError reports an alias file that cannot be read.
type AliasFileError struct {
	Path string
	Err  error
}

// Error returns "alias file path: what is wrong".
func (e *AliasFileError) Error() string { return "alias file " + e.Path + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *AliasFileError) Unwrap() error { return e.Err }

// The errors of a file that is not read. Test for them with errors.Is.
var (
	ErrNotRegular = errors.New("not a regular file")
	ErrTooLarge   = errors.New("file too large")
)

// SeedsName is the name the embedded seed documents go by in messages:
// a seed file reads as "seeds/000_f8fb08b187d7aa4f.txt".
const SeedsName = "seeds"

// Load reads the sources opt names, resolves their names and builds the
// graph: documents, O*NET folders, pathway tables and spreadsheets alike
// (see Options.Paths). Files that cannot be read, or are no source, are
// reported in the Corpus's Problems and Skipped; Load itself fails only
// when a path does not exist or names no files at all (a *DataError), or
// the alias file is unreadable (an *AliasFileError).
func Load(opt Options) (*Corpus, error) {
	files, err := listFiles(opt)
	if err != nil {
		return nil, err
	}
	return loadFiles(files, opt)
}

// ListFiles returns the files opt.Paths name, sorted, as Load would read
// them: a path that is a file, else every file below it, hidden files and
// folders left out, and each folder holding an O*NET release (or one
// like it) as one name.
// It returns nil when opt names the embedded seeds. Errors are Load's.
func ListFiles(opt Options) ([]string, error) {
	if len(opt.Paths) == 0 {
		return nil, nil
	}
	files, err := listFiles(opt)
	if err != nil {
		return nil, err
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.name
	}
	return names, nil
}

// LoadFiles is Load for the files ListFiles returned, which it does not
// list again; opt.Paths is not read.
func LoadFiles(files []string, opt Options) (*Corpus, error) {
	limit := opt.maxFileSize()
	src := make([]sourceFile, len(files))
	for i, name := range files {
		src[i] = osFile(name, limit)
		// ListFiles names a folder only for an O*NET release, or one
		// that looks like one.
		if info, err := os.Stat(name); err == nil && info.IsDir() {
			if f, reason := source.Detect(name); f == source.ONET || opt.Format == source.ONET {
				src[i] = sourceFile{name: name, onet: true}
			} else {
				src[i] = sourceFile{name: name, none: reason}
			}
		}
	}
	return loadFiles(src, opt)
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
			found, err := listPath(p, opt.maxFileSize(), opt.Format)
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
			return nil, &DataError{Paths: opt.Paths, Err: ErrNoDocuments}
		}
	}
	return files, nil
}

// loadFiles is Load once the files are listed. With opt.DropDocuments,
// each document is compacted as soon as it is parsed, so that its file's
// text can be freed: see compactDocument.
func loadFiles(files []sourceFile, opt Options) (*Corpus, error) {
	keepDocs := !opt.DropDocuments
	var aliases []Alias
	var aliasProblems []Problem
	if opt.Aliases != "" {
		var err error
		aliases, aliasProblems, err = readAliasFile(opt.Aliases, opt.maxFileSize())
		if err != nil {
			return nil, err
		}
	}
	docs, sets, skipped, problems := parseAll(files, opt.Progress, keepDocs, opt.Format)
	c, err := buildWith(docs, sets, aliases, keepDocs)
	if err != nil {
		return nil, err
	}
	c.NumFiles = len(files)
	c.Skipped = skipped
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

// sourceFile is a file to read: its name for messages and how to read
// it; or an O*NET folder (onet), or a folder that is no source (none
// says why).
type sourceFile struct {
	name string
	read func() ([]byte, error)
	onet bool
	none string
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

// osFile is a document file to read with readRegular.
func osFile(name string, limit int64) sourceFile {
	return sourceFile{name: name, read: func() ([]byte, error) { return readRegular(name, limit) }}
}

// readAll is io.ReadAll into buf.
func readAll(r io.Reader, buf []byte) ([]byte, error) {
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// tooLarge returns ErrTooLarge with the limit in words.
func tooLarge(limit int64) error {
	size := fmt.Sprintf("%d bytes", limit)
	if limit%(1<<20) == 0 {
		size = fmt.Sprintf("%d MiB", limit>>20)
	}
	return fmt.Errorf("%w (over the limit of %s)", ErrTooLarge, size)
}

// listPath lists the sources at p: p itself when it is a file, else
// every file below it, skipping hidden files and folders, and each folder
// holding an O*NET release as one source (not looked into). A link to a
// folder is followed. With format ONET, p is the O*NET folder.
func listPath(p string, limit int64, format source.Format) ([]sourceFile, error) {
	info, err := os.Stat(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &DataError{Paths: []string{p}, Err: unwrapPath(err)}
		}
		return nil, err
	}
	if !info.IsDir() {
		return []sourceFile{osFile(p, limit)}, nil
	}
	if format == source.ONET {
		return []sourceFile{{name: p, onet: true}}, nil
	}
	root := p
	if l, err := os.Lstat(p); err == nil && l.Mode()&fs.ModeSymlink != 0 {
		// WalkDir does not follow a link at its root; with a trailing
		// separator the system does. The names below are cleaned.
		root = p + string(filepath.Separator)
	}
	return walkDir(root, limit, format), nil
}

// onetLike reports whether folder dir holds a file that only an O*NET
// release (text, Excel or database-script) has: a few look-ups, so that a
// folder of documents costs almost nothing.
func onetLike(dir string) bool {
	for _, f := range []string{"Occupation Data.txt", "Occupation Data.xlsx", "occupation_data.txt", "Related Occupations.txt"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			return true
		}
	}
	return false
}

// parseResult is what parsing one file gave.
type parseResult struct {
	doc       *Document
	keyed     keyedDoc // doc with its names normalised, while it is in cache
	problems  []Problem
	aptitudes []string    // aptitude item names its delimited rows gave
	unsplit   bool        // see parsed.unsplit
	set       *source.Set // what a source other than a document gave
}

// parseAll reads and parses files on all cores. It returns the documents,
// with their names normalised for build, in file order, the sets of the
// other sources in file order, and a problem for every file that could
// not be read or is no source, with the names of those files. Unless
// keep is set, the documents are compacted (see compactDocument). format,
// unless source.None, is the format of every file.
func parseAll(files []sourceFile, progress func(done, total int), keep bool, format source.Format) ([]keyedDoc, []*source.Set, []string, []Problem) {
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
				var data []byte
				var err error
				kind := format
				switch {
				case f.none != "":
					results[i].problems = []Problem{notSource(f.name, f.none)}
				case f.onet:
					results[i] = readSet(f.name, func() (*source.Set, error) { return source.ReadONETDir(f.name) })
				default:
					data, err = f.read()
					if err != nil {
						results[i].problems = []Problem{{File: f.name, Severity: Error, Msg: fmt.Sprintf("cannot read: %v: skipped", unwrapPath(err))}}
						break
					}
					if kind == source.None {
						kind = sniff(f.name, data)
					}
				}
				switch kind {
				case source.Pathways, source.Moves, source.Roles:
					if data != nil {
						results[i] = readSet(f.name, func() (*source.Set, error) { return readTable(kind, data, f.name) })
					}
				case source.ONET:
					if data != nil {
						results[i].problems = []Problem{{File: f.name, Severity: Error, Msg: "an O*NET release is a folder, not a file: skipped"}}
					}
				case source.None, source.Folder:
					if data != nil {
						_, reason := source.DetectBytes(path.Base(f.name), head(data))
						results[i].problems = []Problem{notSource(f.name, reason)}
					}
				}
				if kind == source.Document && data != nil {
					res, err := parser.parseOwned(data, f.name) // data is ours alone
					results[i] = parseResult{doc: res.doc, problems: res.problems, unsplit: res.unsplit}
					if err != nil {
						results[i].doc = nil
						if format == source.None && errors.Is(err, ErrNotDocument) {
							_, reason := source.DetectBytes(path.Base(f.name), head(data))
							results[i].problems = []Problem{notSource(f.name, reason)}
						} else {
							results[i].problems = append(results[i].problems, problemOf(err, f.name))
						}
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
	var sets []*source.Set
	var skipped []string
	var problems []Problem
	for i, r := range results {
		switch {
		case r.doc != nil:
			docs = append(docs, r.keyed)
		case r.set != nil:
			sets = append(sets, r.set)
		default:
			skipped = append(skipped, files[i].name)
		}
		problems = append(problems, r.problems...)
	}
	return docs, sets, skipped, problems
}

// sniff returns the format of a file found: a document when it is named
// *.txt or *.md and its first line is not a table's header, without
// looking further (the parser tells a document from other text, and the
// document path stays as fast as it was); else what source.DetectBytes
// says.
func sniff(name string, data []byte) source.Format {
	ext := strings.ToLower(path.Ext(name))
	first, _, _ := bytes.Cut(data[:min(len(data), 4096)], []byte("\n"))
	if (ext == ".txt" || ext == ".md") && !bytes.ContainsAny(first, ",;\t") {
		return source.Document
	}
	f, _ := source.DetectBytes(path.Base(name), head(data))
	return f
}

// head returns as much of data as source.Detect looks at.
func head(data []byte) []byte { return data[:min(len(data), 64<<10)] }

// notSource is the problem of a file that is no source careergraph reads.
func notSource(name, reason string) Problem {
	return Problem{File: name, Severity: Warning, Msg: "not a source careergraph reads: " + reason + ": skipped"}
}

// readTable reads a table of format f from data.
func readTable(f source.Format, data []byte, name string) (*source.Set, error) {
	switch f {
	case source.Pathways:
		return source.ReadPathways(bytes.NewReader(data), name)
	case source.Moves:
		return source.ReadMoves(bytes.NewReader(data), name)
	default:
		return source.ReadRoles(bytes.NewReader(data), name)
	}
}

// readSet runs read and returns its set, with its problems as the
// file's; a source that cannot be read is a problem and is skipped.
func readSet(name string, read func() (*source.Set, error)) parseResult {
	set, err := read()
	if err != nil {
		msg := err.Error()
		msg = strings.TrimPrefix(msg, name+": ")
		return parseResult{problems: []Problem{{File: name, Severity: Error, Msg: msg + ": skipped"}}}
	}
	r := parseResult{set: set}
	for _, p := range set.Problems {
		r.problems = append(r.problems, Problem{File: p.File, Line: p.Line, Severity: Severity(p.Severity), Msg: p.Msg})
	}
	return r
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

// compactDocument keeps only what Build reads of d — every section, for
// the profile, but not the parser's working state — and copies its
// strings into one allocation, so
// that nothing refers to the file's text any more. It modifies d and
// returns it.
func compactDocument(d *Document) *Document {
	*d = Document{
		File: d.File, Title: d.Title, TitleLine: d.TitleLine, Reading: d.Reading,
		Classification: d.Classification, Summary: d.Summary, Career: d.Career,
		RequiredSkills: d.RequiredSkills, RecommendedSkills: d.RecommendedSkills,
		Qualifications: d.Qualifications, Aliases: d.Aliases, Related: d.Related,
		Description: d.Description, Outlook: d.Outlook, Traits: d.Traits, WorkStyle: d.WorkStyle,
		Strengths: d.Strengths, Weaknesses: d.Weaknesses, Tags: d.Tags, Keywords: d.Keywords,
		Extra: d.Extra, Order: d.Order,
	}
	var ptrs []*string
	ptrs = append(ptrs, &d.Title, &d.Reading, &d.Summary, &d.Description, &d.Outlook,
		&d.Classification.Major, &d.Classification.Middle, &d.Classification.Minor, &d.Classification.Industry)
	for _, list := range [][]Item{d.RequiredSkills, d.RecommendedSkills, d.Qualifications, d.Aliases, d.Related} {
		for i := range list {
			ptrs = append(ptrs, &list[i].Text)
		}
	}
	for _, list := range [][]string{d.Traits, d.WorkStyle, d.Tags, d.Keywords} {
		for i := range list {
			ptrs = append(ptrs, &list[i])
		}
	}
	for _, list := range [][]Aptitude{d.Strengths, d.Weaknesses} {
		for i := range list {
			ptrs = append(ptrs, &list[i].Item, &list[i].Reason)
		}
	}
	for x := range d.Extra {
		e := &d.Extra[x]
		ptrs = append(ptrs, &e.Heading)
		for i := range e.Lines {
			ptrs = append(ptrs, &e.Lines[i])
		}
	}
	for i := range d.Order {
		ptrs = append(ptrs, &d.Order[i].Heading)
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
// Rows that are not two non-empty fields are returned as problems; a file
// that cannot be read, is not a regular file or is larger than
// DefaultMaxFileSize is an *AliasFileError.
func ReadAliasFile(name string) ([]Alias, []Problem, error) {
	return readAliasFile(name, DefaultMaxFileSize)
}

func readAliasFile(name string, limit int64) ([]Alias, []Problem, error) {
	data, err := readRegular(name, limit)
	if err != nil {
		return nil, nil, &AliasFileError{Path: name, Err: unwrapPath(err)}
	}
	return ParseAliases(bytes.NewReader(data), name)
}

// ParseAliases reads alias rows from r; name is used in messages. See
// ReadAliasFile.
func ParseAliases(r io.Reader, name string) ([]Alias, []Problem, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.Comment = '#'
	cr.TrimLeadingSpace = true
	var rules []Alias
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
			return nil, nil, &AliasFileError{Path: name, Err: err}
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
		rules = append(rules, Alias{
			Name:      strings.TrimSpace(rec[0]),
			Canonical: strings.TrimSpace(rec[1]),
			Source:    graph.Source{File: name, Line: line},
		})
	}
	return rules, problems, nil
}
