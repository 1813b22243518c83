package loader

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"careergraph/loader/source"
)

// parseResult is what parsing one file gave, but for the document
// itself, with its names normalised (parsedDocs).
type parseResult struct {
	document  bool // the file is a document, parsed (see parsedDocs)
	problems  []Problem
	aptitudes []string    // aptitude item names its delimited rows gave
	unsplit   bool        // see parsed.unsplit
	set       *source.Set // what a source other than a document gave
}

// parsedDocs are the documents parseAll parses, by file: each with its
// names normalised, and where its packed profile is in the spill file,
// if there. They are apart from the rest of what parsing a file gave
// (parseResult) so that the documents become the loaded documents in
// place, with neither a copy nor a second array of every file's.
type parsedDocs struct {
	keyed   []keyedDoc
	spilled []spilled // nil without a spill
}

// parseAll reads and parses files on all cores. It returns the documents,
// with their names normalised for build, in file order, the sets of the
// other sources in file order, and a problem for every file that could
// not be read or is no source, with the names of those files. Unless
// keep is set, the documents are compacted (see compactCore). format,
// unless source.None, is the format of every file. With a spill, the
// documents' packed profiles are written to it (see spill.go).
func parseAll(files []sourceFile, progress func(done, total int), keep bool, format source.Format, sp *spill) ([]keyedDoc, []*source.Set, []string, []Problem) {
	results := make([]parseResult, len(files))
	parsed := &parsedDocs{keyed: make([]keyedDoc, len(files))}
	if sp != nil {
		parsed.spilled = make([]spilled, len(files))
	}
	workers := min(runtime.GOMAXPROCS(0), max(1, len(files)/8))
	var next, done atomic.Int64
	var progressMu sync.Mutex
	ahead := newReadahead(files, &next)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			// The names the documents keep come from the worker's pool
			// (see keyedDoc.normalise), and so, unless documents are
			// kept, do their aptitude names, which share the file's text:
			// kept as they are, they would keep every file in memory
			// until all are parsed.
			scratch := keyScratch{pool: newNamePool(len(files) / workers)}
			var parser Parser
			// Unless documents are kept, a document file's memory is
			// read into again once the document is parsed, packed and
			// compacted, when nothing refers to it any more (any other
			// source keeps its file's memory).
			var buf []byte
			var spillBuf *spillBuffer
			if sp != nil {
				spillBuf = &spillBuffer{s: sp}
				defer spillBuf.flush(parsed)
			}
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
				case f.none != "" || f.onet || f.unfollowed:
					results[i] = readFolder(f)
				default:
					data, err = f.read(buf, ahead.uncached)
					buf = nil // data's now, until given back
					// A folder cannot be read as a file: not even opened
					// when it may be entered but not listed.
					if f.listed && err != nil {
						if dir, ok := listedFolder(f.name, format); ok {
							data, err, results[i] = nil, nil, readFolder(dir)
							break
						}
					}
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
					results[i] = parseResult{problems: res.problems, unsplit: res.unsplit}
					if err != nil {
						if format == source.None && errors.Is(err, ErrNotDocument) {
							// Detection took it for a document; the parser
							// knows better, and says why.
							det, reason := source.DetectBytes(path.Base(f.name), head(data))
							if det == source.Document {
								reason = strings.TrimPrefix(errors.Unwrap(err).Error(), "not an occupation document: ")
							}
							results[i].problems = []Problem{notSource(f.name, reason)}
						} else {
							results[i].problems = append(results[i].problems, problemOf(err, f.name))
						}
					} else {
						results[i].document = true
						results[i].aptitudes = AptitudeItems(res.doc)
						keyed := &parsed.keyed[i]
						keyed.doc, keyed.docCore = res.doc, coreOf(res.doc)
						if spillBuf != nil {
							spillBuf.add(parsed, i, keyed.packBytes(&scratch))
						} else {
							keyed.pack(&scratch)
						}
						if !keep {
							parser.recycle(res.doc)
							keyed.doc, keyed.docCore = nil, compactCore(res.doc)
							for j, a := range results[i].aptitudes {
								results[i].aptitudes[j], _ = scratch.pool.intern(a)
							}
						}
						keyed.normalise(&scratch, res.doc)
						if !keep {
							buf = data
						}
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
	ahead.stop()
	if sp != nil {
		sp.finish(parsed)
	}
	reparseAptitudes(files, results, parsed.keyed, keep)
	// The documents move down over the files that are none, in order.
	docs := parsed.keyed[:0]
	var sets []*source.Set
	var skipped []string
	var problems []Problem
	for i, r := range results {
		switch {
		case r.document:
			docs = append(docs, parsed.keyed[i])
		case r.set != nil:
			sets = append(sets, r.set)
		default:
			skipped = append(skipped, files[i].name)
		}
		problems = append(problems, r.problems...)
	}
	clear(parsed.keyed[len(docs):])
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

// readFolder reads a folder found among the files: an O*NET release
// (f.onet), a link not followed, or no source, for the reason f.none
// gives.
func readFolder(f sourceFile) parseResult {
	switch {
	case f.onet:
		return readSet(f.name, func() (*source.Set, error) { return source.ReadONETDir(f.name) })
	case f.unfollowed:
		return parseResult{problems: []Problem{{File: f.name, Severity: Warning,
			Msg: "a link to a folder inside a data folder is not followed (it could lead back up): give the folder as a path of its own: skipped"}}}
	}
	return parseResult{problems: []Problem{notSource(f.name, f.none)}}
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
	return parseResult{set: set, problems: set.Problems}
}

// reparseAptitudes parses again, with the aptitude item names of the whole
// corpus, the documents that had rows the parser could not split alone.
// It is rare, so it costs nothing on most corpora.
func reparseAptitudes(files []sourceFile, results []parseResult, keyed []keyedDoc, keep bool) {
	var again []int
	for i, r := range results {
		if r.document && r.unsplit {
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
	// One pool for them all: a pool's first name costs a block and a
	// chunk of entries, 128 KiB, which a pool each would have cost
	// every document here (all of a corpus's, when its rows all need it).
	scratch := keyScratch{pool: newNamePool(len(again))}
	for _, i := range again {
		data, err := files[i].read(nil, nil)
		if err != nil {
			continue // keep the first parse
		}
		if res, err := p.parseOwned(data, files[i].name); err == nil {
			k := keyedDoc{doc: res.doc, docCore: coreOf(res.doc)}
			k.pack(&scratch)
			if !keep {
				k.doc, k.docCore = nil, compactCore(res.doc)
			}
			k.normalise(&scratch, res.doc)
			results[i] = parseResult{document: true, problems: res.problems}
			keyed[i] = k
		}
	}
}

// compactCore returns what Build reads of d (docCore), once its sections
// are packed for the profile (keyedDoc.pack), so that d itself can go. It
// copies the title, reading and summary into one allocation, so that
// they no longer refer to the file's text; the classification still
// does, until keyedDoc.normalise takes its name pool's copies (and those
// of the lists' and paths' names), which it must before the file's
// memory is used again.
func compactCore(d *Document) docCore {
	k := coreOf(d)
	fields := []*string{&k.Title, &k.Reading, &k.Summary}
	size := 0
	for _, p := range fields {
		size += len(*p)
	}
	var b strings.Builder
	b.Grow(size)
	for _, p := range fields {
		b.WriteString(*p)
	}
	all := b.String()
	for _, p := range fields {
		*p, all = all[:len(*p)], all[len(*p):]
	}
	return k
}
