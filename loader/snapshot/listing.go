package snapshot

import (
	"encoding/binary"
	"hash/crc32"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"time"
	"unsafe"

	"careergraph/internal/mapfile"
	"careergraph/loader"
)

// Beside each snapshot (NAME.snap) is the listing of the files last
// loaded from the same paths (NAME.list): the files, and the folders
// whose entries gave them with the modification times they had (see
// loader.ListFilesAndFolders). While every folder has the modification
// time it had, the files are those the listing names, and a warm start
// looks at them without reading a folder: at 300k documents, reading the
// folders was a third of a warm start. The listing is a file of its own,
// written whole whenever the folders are read again, so that the
// snapshot, hundreds of megabytes, is never written for it.
//
// A listing is kept only where it proves what the folders hold: every
// folder was read and looked at, none was one source told by its
// content (an O*NET release), and none had changed within RacyWindow of
// the listing (a change in the same tick of a coarse clock would not
// show). It is used only for the same paths, spelled alike, from the
// same working folder, with the same format forced: the files' names
// depend on all three.
//
// A listing file is the format line, the length of what follows it
// before its checksum, that (the context, then the folders, each with
// its modification time, then the files), and a CRC-32C of everything
// before it.

// listingFormat names the layout of a listing file.
const listingFormat = "careergraph listing 1\n"

// listings counts the listings load has made, rather than taken from a
// listing file: for tests.
var listings atomic.Int64

// listing is the files and folders of a listing.
type listing struct {
	files   []string
	folders []folderStamp
}

// folderStamp is what a listing keeps of a folder it read: its name, its
// modification time (Unix nanoseconds), and which folder it was (see
// fileID).
type folderStamp struct {
	name     string
	mtime    int64
	dev, ino uint64
}

// stampFolderSeen returns the stamp of the folder name seen as info.
func stampFolderSeen(name string, info fs.FileInfo) folderStamp {
	dev, ino := fileID(info)
	return folderStamp{name: name, mtime: info.ModTime().UnixNano(), dev: dev, ino: ino}
}

// stampsOf returns the stamps of the folders a listing read.
func stampsOf(folders []loader.ListedFolder) []folderStamp {
	out := make([]folderStamp, len(folders))
	for i, f := range folders {
		out[i] = stampFolderSeen(f.Name, f.Info)
	}
	return out
}

// listingName returns the name of the listing file beside the snapshot
// name.
func listingName(snapshot string) string {
	return snapshot[:len(snapshot)-len(filepath.Ext(snapshot))] + ".list"
}

// listingContext is what the names a listing gives depend on besides the
// folders: the paths as given, the working folder and the format forced.
func listingContext(opt loader.Options) string {
	cwd, _ := os.Getwd()
	b := binary.AppendUvarint(nil, uint64(opt.Format))
	for _, s := range append([]string{cwd}, opt.Paths...) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return string(b)
}

// provable reports whether the folders, listed at time now, prove which
// files they hold (see above).
func provable(folders []loader.ListedFolder, complete bool, now time.Time) bool {
	return complete && !slices.ContainsFunc(folders, func(f loader.ListedFolder) bool {
		return f.Info.ModTime().After(now.Add(-RacyWindow))
	})
}

// writeListing writes the listing l, made for context, to the file name,
// whole (see writeWhole).
func writeListing(name, context string, l listing) error {
	b := []byte(listingFormat + "\x00\x00\x00\x00\x00\x00\x00\x00")
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	str(context)
	b = binary.AppendUvarint(b, uint64(len(l.folders)))
	for _, f := range l.folders {
		str(f.name)
		b = binary.AppendVarint(b, f.mtime)
		b = binary.AppendUvarint(b, f.dev)
		b = binary.AppendUvarint(b, f.ino)
	}
	b = binary.AppendUvarint(b, uint64(len(l.files)))
	for _, f := range l.files {
		str(f)
	}
	binary.LittleEndian.PutUint64(b[len(listingFormat):], uint64(len(b)-len(listingFormat)-8))
	b = binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, crcTable))
	return writeWhole(name, "listing-*.tmp", func(f *os.File) error {
		_, err := f.Write(b)
		return err
	})
}

// readListing returns the listing in the file name, if it is there,
// whole and made for context. Its names share the file's bytes, mapped:
// keep m reachable while they are used, and copy any kept longer.
func readListing(name, context string) (l listing, m *mapfile.Mapping, ok bool) {
	f, err := os.Open(name)
	if err != nil {
		return l, nil, false
	}
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() < int64(len(listingFormat)+12) {
		f.Close()
		return l, nil, false
	}
	data, m, err := mapfile.Map(f, info.Size()) // takes f
	if err != nil {
		return l, nil, false
	}
	b := unsafe.Slice(unsafe.StringData(data), len(data))
	head := len(listingFormat) + 8
	if string(b[:len(listingFormat)]) != listingFormat ||
		binary.LittleEndian.Uint64(b[len(listingFormat):]) != uint64(len(b)-head-4) ||
		crc32.Checksum(b[:len(b)-4], crcTable) != binary.LittleEndian.Uint32(b[len(b)-4:]) {
		return l, nil, false
	}
	d := &decoder{buf: b[head : len(b)-4]}
	str := func() string {
		s := d.bytes()
		return unsafe.String(unsafe.SliceData(s), len(s))
	}
	if str() != context || d.err != nil {
		return l, nil, false
	}
	l.folders = make([]folderStamp, d.count(4))
	for i := range l.folders {
		l.folders[i] = folderStamp{name: str(), mtime: int64(d.signed())}
		l.folders[i].dev, l.folders[i].ino = d.uint(), d.uint()
	}
	l.files = make([]string, d.count(1))
	for i := range l.files {
		l.files[i] = str()
	}
	if d.err != nil || d.off != len(d.buf) || len(l.files) == 0 {
		return listing{}, nil, false
	}
	return l, m, true
}

// unchanged reports whether every folder is still the folder it was,
// with the modification time it had.
func unchanged(folders []folderStamp) bool {
	for _, f := range folders {
		info, err := os.Stat(f.name)
		if err != nil || !info.IsDir() || stampFolderSeen(f.name, info) != f {
			return false
		}
	}
	return true
}

// bytes reads a length and as many bytes.
func (d *decoder) bytes() []byte {
	n := d.uint()
	if d.err != nil || n > uint64(len(d.buf)-d.off) || n > math.MaxInt32 {
		d.fail()
		return nil
	}
	b := d.buf[d.off : d.off+int(n)]
	d.off += int(n)
	return b
}
