package loader

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"careergraph/loader/source"
)

// walkEntry says what the walk does with an entry it finds below the
// root: descend into a folder, take a file as a source, or leave it.
// With walkFolder, it is the walk's one decision about a file; name is
// the entry's path.
func walkEntry(name string, d fs.DirEntry) (descend, take bool) {
	if strings.HasPrefix(d.Name(), ".") {
		return false, false // hidden files and folders are left out
	}
	return d.IsDir(), !d.IsDir()
}

// walkFolder returns the one source a folder the walk comes to is, not
// looked into, when it is one: a folder holding an O*NET release (or
// what looks like one, with why it is not) unless the format of every
// path is given.
func walkFolder(name string, format source.Format) (sourceFile, bool) {
	if format != source.None || !onetLike(name) {
		return sourceFile{}, false
	}
	dir := filepath.Clean(name)
	f, reason := source.Detect(dir)
	if f == source.ONET {
		return sourceFile{name: dir, onet: true}, true
	}
	return sourceFile{name: dir, none: reason}, true
}

// walkNode is one folder of a walk: its sources and subfolders in the
// order of their names, so that the walk's result comes out almost
// sorted, whatever order the folders were read in; and the folder as
// read, when its entries were.
type walkNode struct {
	items  []walkItem
	folder ListedFolder
	read   bool
}

// walkItem is a file found (file set) or a subfolder (sub set).
type walkItem struct {
	file sourceFile
	sub  *walkNode
}

// walkDir lists the sources below root, as filepath.WalkDir visiting
// entries with walkEntry would, but reading folders on all cores. An
// unreadable folder is returned as a file whose read fails, like an
// unreadable file. The result is in the order of a depth-first walk of
// names sorted in each folder, which is nearly sorted by path: the
// caller sorts it. It also returns the folders whose entries it read,
// in the same order, and whether the files are all the folders held and
// nothing else decided what they are (see ListFilesAndFolders): every
// folder was read and looked at, and none is one source (an O*NET
// release, told by what is in it).
func walkDir(root string, limit int64, format source.Format) ([]sourceFile, []ListedFolder, bool) {
	w := &walker{limit: limit, format: format, sem: make(chan struct{}, runtime.GOMAXPROCS(0)-1)}
	top := &walkNode{}
	w.readDir(root, top)
	w.wg.Wait()
	var folders []ListedFolder
	var gather func(n *walkNode)
	gather = func(n *walkNode) {
		if n.read {
			folders = append(folders, n.folder)
		}
		for _, it := range n.items {
			if it.sub != nil {
				gather(it.sub)
			}
		}
	}
	gather(top)
	var count func(n *walkNode) int
	count = func(n *walkNode) int {
		c := 0
		for _, it := range n.items {
			if it.sub != nil {
				c += count(it.sub)
			} else {
				c++
			}
		}
		return c
	}
	out := make([]sourceFile, 0, count(top))
	var flatten func(n *walkNode)
	flatten = func(n *walkNode) {
		for _, it := range n.items {
			if it.sub != nil {
				flatten(it.sub)
			} else {
				out = append(out, it.file)
			}
		}
	}
	flatten(top)
	return out, folders, top.read && !w.partial.Load()
}

// walker reads the folders of one walk. A folder is read on a goroutine
// of its own while sem has room (one per core besides the caller's), and
// by the goroutine that found it otherwise.
type walker struct {
	limit   int64
	format  source.Format
	sem     chan struct{}
	wg      sync.WaitGroup
	partial atomic.Bool // a folder was not read, or was one source
}

// readDir fills n with what the folder name holds, or with the folder
// itself when it is one source (walkFolder).
func (w *walker) readDir(name string, n *walkNode) {
	if f, ok := walkFolder(name, w.format); ok {
		n.items = append(n.items, walkItem{file: f})
		w.partial.Store(true)
		return
	}
	f, err := os.Open(name)
	var entries []fs.DirEntry
	if err == nil {
		// The folder's modification time before its entries are read:
		// an entry added meanwhile makes it differ next time.
		var info fs.FileInfo
		if info, err = f.Stat(); err == nil {
			if entries, err = f.ReadDir(-1); err == nil {
				n.folder, n.read = ListedFolder{Name: name, Info: info}, true
			}
		}
		f.Close()
	}
	if err != nil {
		w.partial.Store(true)
		// Like an unreadable file; what could be read is still walked.
		n.items = append(n.items, walkItem{file: failedFile(name, err)})
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	n.items = slices.Grow(n.items, len(entries))
	for _, d := range entries {
		p := filepath.Join(name, d.Name())
		descend, take := walkEntry(p, d)
		switch {
		case take:
			f := osFile(p, w.limit)
			// A link may lead to a folder: looked at as one if it cannot
			// be read as a file, as LoadFiles looks at what ListFiles
			// named, so that a link to an O*NET release is read alike
			// with a snapshot's listing and without.
			f.listed = d.Type()&fs.ModeSymlink != 0
			n.items = append(n.items, walkItem{file: f})
		case descend:
			sub := &walkNode{}
			n.items = append(n.items, walkItem{sub: sub})
			select {
			case w.sem <- struct{}{}:
				w.wg.Go(func() {
					w.readDir(p, sub)
					<-w.sem
				})
			default:
				w.readDir(p, sub)
			}
		}
	}
}

// failedFile is a file whose read returns err.
func failedFile(name string, err error) sourceFile {
	return sourceFile{name: name, open: func([]byte) ([]byte, error) { return nil, err }}
}
