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
// whose entries gave them, each with its modification time, device,
// inode and change time just before it was read (see
// loader.ListFilesAndFolders). While every folder is the same (the
// change time tells a folder whose modification time was set back, by
// rsync -a or an archive unpacked, from one left alone), the files are
// those the listing names, and a warm start looks at them without
// reading a folder: at 300k documents, reading the folders was a third
// of a warm start. git's untracked cache trusts folders' times the same
// way. The listing is a file of its own, written whole whenever the
// folders are read again, so that the snapshot, hundreds of megabytes,
// is never written for it.
//
// A listing is kept only where it proves what the folders hold: every
// path is a folder, every folder was read and looked at, none was one
// source told by its content (an O*NET release), none had changed within
// RacyWindow before the listing started (a change in the same tick of a
// coarse clock would not show), and the system gives a folder's change
// time (Linux; elsewhere the folders are read at every start). It is
// used only for the same paths, spelled alike, from the same working
// folder, with the same format forced, by the same build of careergraph:
// the files' names, and which files are taken, depend on all of them.
// On a network file system whose client caches folders' times, a file
// another machine adds shows once that cache expires.
//
// A listing file is the format line, the length of what follows it
// before its checksum, that (the context, then the folders, each with
// its modification time, then the files), and a CRC-32C of everything
// before it.

// listingFormat names the layout of a listing file.
const listingFormat = "careergraph listing 2\n"

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
// folderID).
type folderStamp struct {
	name  string
	mtime int64
	id    folderIdentity
}

// folderIdentity tells a folder from another of the same name and
// modification time: see folderID.
type folderIdentity struct {
	dev, ino uint64
	ctime    int64 // Unix nanoseconds
}

// stampFolderSeen returns the stamp of the folder name seen as info; ok
// is false where the folder's identity cannot be read.
func stampFolderSeen(name string, info fs.FileInfo) (s folderStamp, ok bool) {
	id, ok := folderID(info)
	return folderStamp{name: name, mtime: info.ModTime().UnixNano(), id: id}, ok
}

// stampsOf returns the stamps of the folders a listing read; ok is false
// where one's identity cannot be read.
func stampsOf(folders []loader.ListedFolder) (stamps []folderStamp, ok bool) {
	stamps = make([]folderStamp, len(folders))
	for i, f := range folders {
		if stamps[i], ok = stampFolderSeen(f.Name, f.Info); !ok {
			return nil, false
		}
	}
	return stamps, true
}

// listingName returns the name of the listing file beside the snapshot
// name.
func listingName(snapshot string) string {
	return snapshot[:len(snapshot)-len(filepath.Ext(snapshot))] + ".list"
}

// listingContext is what the names a listing gives depend on besides the
// folders: the paths as given, the working folder, the format forced,
// and the program that listed them (its version, and its file as the
// snapshot's key has it): another build may take other files.
func listingContext(opt loader.Options, version string) string {
	cwd, _ := os.Getwd()
	b := binary.AppendUvarint(nil, uint64(opt.Format))
	for _, s := range append([]string{version, string(appendProgram(nil)), cwd}, opt.Paths...) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return string(b)
}

// provable reports whether the folders, listed from time start on, prove
// which files they hold (see above): each was changed more than
// RacyWindow before the listing started, so that a change after it was
// looked at gives it another modification time, however coarse the
// clock.
func provable(folders []loader.ListedFolder, complete bool, start time.Time) bool {
	return complete && !slices.ContainsFunc(folders, func(f loader.ListedFolder) bool {
		return f.Info.ModTime().After(start.Add(-RacyWindow))
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
		b = binary.AppendUvarint(b, f.id.dev)
		b = binary.AppendUvarint(b, f.id.ino)
		b = binary.AppendVarint(b, f.id.ctime)
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
	l.folders = make([]folderStamp, d.count(5))
	for i := range l.folders {
		f := &l.folders[i]
		f.name, f.mtime = str(), int64(d.signed())
		f.id = folderIdentity{dev: d.uint(), ino: d.uint(), ctime: int64(d.signed())}
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
		if err != nil || !info.IsDir() {
			return false
		}
		if s, ok := stampFolderSeen(f.name, info); !ok || s != f {
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
