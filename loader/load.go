package loader

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

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
	// large load takes. NumDocuments still counts them. A load of 10,000
	// documents or more (the roles other sources describe counted as
	// documents) then runs the garbage collector once, when the
	// documents are let go, so that the graph is built in their memory
	// rather than in memory the system must give the process first (at
	// 100k documents, about 0.4 s less; the collection costs in proportion
	// to all the process holds). Under GOGC=off it does not.
	DropDocuments bool
	// SpillDir, when set, is a folder for a temporary file that the
	// documents' packed profiles are written to while they are parsed,
	// then read from, mapped, rather than kept in memory (see spill.go);
	// the file has no name and is gone when the Corpus is. On systems
	// where careergraph does not map files, or when the file cannot be
	// made, the profiles stay in memory.
	SpillDir string
	// Parsing, when set, is called once before the first document is
	// parsed, from the goroutine that called Load, with the number of
	// files to read; a load that parses nothing (a snapshot's, see
	// package snapshot) does not call it. A program that holds off the
	// garbage collector while files are looked at, which makes only live
	// data, turns it back on here, and one that prepares its heap for
	// what the files will take does that here.
	Parsing func(files int)
	// Building, when set, is called once the documents' names are
	// resolved, just before the graph is built, from the goroutine that
	// called Load, with the number of documents (each role a source
	// other than documents describes counted as one); with DropDocuments
	// the documents are let go (and collected, see there) by then. Most
	// of what the build allocates is the graph, which stays: a program
	// that answers once and exits may hold the garbage collector off
	// here, where a collection would mark what it cannot free. A load
	// that parses nothing does not call it.
	Building func(docs int)
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
	files, _, _, err := listFiles(opt)
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
	files, _, _, err := ListFilesAndFolders(opt)
	return files, err
}

// ListedFolder is a folder whose entries ListFilesAndFolders read, by the
// name it was read by, and what a look at it saw just before: its
// modification time, and which folder it is (Info.Sys()).
type ListedFolder struct {
	Name string
	Info fs.FileInfo
}

// ListFilesAndFolders is ListFiles, and also returns every folder whose
// entries it read, with the modification time each had just before.
// While a folder's modification time stays the same, no entry has been
// added to it, removed from it or renamed in it (on the file systems in
// use; git's untracked cache relies on the same), so a program may take
// the files for listed again until one of the folders changes. complete
// is false when a folder could not be read or looked at, or a path is
// not a folder the walk read (a file, an O*NET release): the files then
// are no proof of what the paths hold.
func ListFilesAndFolders(opt Options) (files []string, folders []ListedFolder, complete bool, err error) {
	if len(opt.Paths) == 0 {
		return nil, nil, false, nil
	}
	found, folders, complete, err := listFiles(opt)
	if err != nil {
		return nil, nil, false, err
	}
	files = make([]string, len(found))
	for i, f := range found {
		files[i] = f.name
	}
	return files, folders, complete, nil
}

// LoadFiles is Load for the files ListFiles returned, which it does not
// list again; opt.Paths is not read.
func LoadFiles(files []string, opt Options) (*Corpus, error) {
	limit := opt.maxFileSize()
	src := make([]sourceFile, len(files))
	for i, name := range files {
		// Which names are folders is seen when they are read, rather
		// than by looking at every file first, one by one: a folder is
		// rare, and at 100k files the look took a third of a second.
		src[i] = sourceFile{name: name, limit: limit, listed: true}
	}
	return loadFiles(src, opt)
}

// listedFolder returns the source a name ListFiles gave is when it is a
// folder: ListFiles names a folder for an O*NET release, or one that
// looks like one, and a link it found, which may lead to a folder. A
// link is read as the walk reads the folder it leads to: an O*NET
// release unless every path has a format of its own; else it is not
// followed, as the walk follows no link into a folder (it could lead back
// up). ok is false when name is no folder.
func listedFolder(name string, format source.Format) (f sourceFile, ok bool) {
	if info, err := os.Stat(name); err != nil || !info.IsDir() {
		return sourceFile{}, false
	}
	det, reason := source.Detect(name)
	if format == source.ONET || format == source.None && det == source.ONET {
		return sourceFile{name: name, onet: true}, true
	}
	if l, err := os.Lstat(name); err == nil && l.Mode()&fs.ModeSymlink != 0 && (det == source.Folder || format != source.None) {
		return sourceFile{name: name, unfollowed: true}, true
	}
	return sourceFile{name: name, none: reason}, true
}

// listFiles lists the documents opt names, sorted by name, and the
// folders it read; complete is false when one could not be read or
// looked at (see ListFilesAndFolders).
func listFiles(opt Options) (files []sourceFile, folders []ListedFolder, complete bool, err error) {
	complete = len(opt.Paths) > 0
	if len(opt.Paths) == 0 {
		fsFiles, err := listFS(seeds.FS, SeedsName)
		if err != nil {
			return nil, nil, false, err
		}
		files = fsFiles
	} else {
		for _, p := range opt.Paths {
			found, read, ok, err := listPath(p, opt.maxFileSize(), opt.Format)
			if err != nil {
				return nil, nil, false, err
			}
			files = append(files, found...)
			folders = append(folders, read...)
			complete = complete && ok
		}
		// A walk lists files almost sorted, most often sorted: sorting
		// what is sorted would only move them about.
		byName := func(a, b sourceFile) int { return strings.Compare(a.name, b.name) }
		if !slices.IsSortedFunc(files, byName) {
			slices.SortFunc(files, byName)
		}
		if len(opt.Paths) > 1 { // one path lists no file twice
			files = dedupe(files)
		}
		if len(files) == 0 {
			return nil, nil, false, &DataError{Paths: opt.Paths, Err: ErrNoDocuments}
		}
	}
	return files, folders, complete, nil
}

// loadFiles is Load once the files are listed. With opt.DropDocuments,
// each document is compacted as soon as it is parsed, so that its file's
// text can be freed: see compactCore.
func loadFiles(files []sourceFile, opt Options) (*Corpus, error) {
	if opt.Parsing != nil {
		opt.Parsing(len(files))
	}
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
	docs, sets, skipped, problems := parseAll(files, opt.Progress, keepDocs, opt.Format, newSpill(opt.SpillDir))
	c, err := buildWith(docs, sets, aliases, keepDocs, opt.Building)
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
	// open, when set, reads the file; when nil, it is a file of the
	// system's read by readRegular up to limit: most files are, and a
	// walk of 100k files made as many closures.
	open  func(buf []byte) ([]byte, error)
	limit int64
	onet  bool
	none  string
	// unfollowed: a link to a folder found below a path, not read.
	unfollowed bool
	// listed: named by ListFiles, and not looked at since (LoadFiles):
	// it may be a folder (see listedFolder).
	listed bool
}

// read reads the file, into buf when it may (see readRegular), calling
// uncached, unless nil, when it finds the file is not in memory.
func (f *sourceFile) read(buf []byte, uncached func()) ([]byte, error) {
	if f.open != nil {
		return f.open(buf)
	}
	return readRegular(f.name, f.limit, buf, uncached)
}

// plain reports whether f is a file of the system's, read by readRegular.
func (f *sourceFile) plain() bool {
	return f.open == nil && !f.onet && f.none == "" && !f.unfollowed
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
		out = append(out, sourceFile{name: path.Join(prefix, p), open: func([]byte) ([]byte, error) { return fs.ReadFile(fsys, p) }})
		return nil
	})
	return out, err
}

// osFile is a document file to read with readRegular.
func osFile(name string, limit int64) sourceFile {
	return sourceFile{name: name, limit: limit}
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
func listPath(p string, limit int64, format source.Format) (files []sourceFile, folders []ListedFolder, complete bool, err error) {
	info, err := os.Stat(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, false, &DataError{Paths: []string{p}, Err: unwrapPath(err)}
		}
		return nil, nil, false, err
	}
	// A path that is not a folder walked proves nothing: it could be a
	// folder of documents by the next listing, and no folder would tell.
	if !info.IsDir() {
		return []sourceFile{osFile(p, limit)}, nil, false, nil
	}
	if format == source.ONET {
		return []sourceFile{{name: p, onet: true}}, nil, false, nil
	}
	root := p
	if l, err := os.Lstat(p); err == nil && l.Mode()&fs.ModeSymlink != 0 {
		// WalkDir does not follow a link at its root; with a trailing
		// separator the system does. The names below are cleaned.
		root = p + string(filepath.Separator)
	}
	files, folders, complete = walkDir(root, limit, format)
	return files, folders, complete, nil
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
