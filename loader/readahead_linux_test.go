package loader

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"unsafe"

	"careergraph/loader/synth"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/sys/unix"
)

// evict writes name's pages to disk and asks the system to drop them
// from memory, as after a boot, and reports whether it did (a page
// being written back stays). Whether a page is in memory is asked of
// mincore(2), on a mapping of the file: a read would bring it back.
func evict(t *testing.T, name string) bool {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	size := int(info.Size())
	if size == 0 {
		return true
	}
	fd := int(f.Fd())
	if err := unix.Fsync(fd); err != nil {
		t.Fatal(err)
	}
	m, err := unix.Mmap(fd, 0, size, unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Munmap(m)
	pages := make([]byte, (size+os.Getpagesize()-1)/os.Getpagesize())
	for range 3 {
		if err := unix.Fadvise(fd, 0, 0, unix.FADV_DONTNEED); err != nil {
			t.Skipf("cannot drop %s from memory: %v", name, err)
		}
		_, _, errno := unix.Syscall(unix.SYS_MINCORE, uintptr(unsafe.Pointer(&m[0])), uintptr(len(m)), uintptr(unsafe.Pointer(&pages[0])))
		if errno != 0 {
			t.Fatal(errno)
		}
		if !slices.ContainsFunc(pages, func(p byte) bool { return p&1 != 0 }) {
			return true
		}
	}
	return false
}

// mustEvict is evict, skipping the test when name stays in memory.
func mustEvict(t *testing.T, name string) {
	t.Helper()
	if !evict(t, name) {
		t.Skipf("the file system of %s keeps it in memory: run the tests with TMPDIR on a disk", name)
	}
}

// requireNoWait skips the test unless the file system of the folder dir
// can read without waiting and tell a file not in memory, asked of it
// directly (preadv2 with RWF_NOWAIT on a file written and dropped from
// memory), not of the code under test.
func requireNoWait(t *testing.T, dir string) {
	t.Helper()
	name := filepath.Join(dir, "probe")
	if err := os.WriteFile(name, []byte(strings.Repeat("x", 8192)), 0o644); err != nil {
		t.Fatal(err)
	}
	defer os.Remove(name)
	mustEvict(t, name)
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	switch _, err := unix.Preadv2(int(f.Fd()), [][]byte{make([]byte, 1)}, 0, unix.RWF_NOWAIT); err {
	case unix.EAGAIN:
	case nil:
		t.Skipf("the file system of %s read a file dropped from memory without waiting: run the tests with TMPDIR on a disk", dir)
	default:
		t.Skipf("the file system of %s cannot read without waiting (preadv2 with RWF_NOWAIT, Linux 4.14; not tmpfs, NFS or FUSE): %v: run the tests with TMPDIR on a disk", dir, err)
	}
}

// TestReadRegularUncached checks that readRegular tells of a file that
// is not in memory, once, and reads it as it reads a cached one; and
// reads a file whose first pages alone are in memory, which it does not
// tell of, from where the first read stopped.
func TestReadRegularUncached(t *testing.T) {
	requireNoWait(t, t.TempDir())
	for _, size := range []int{0, 1, 4095, 4096, 70000} {
		name := filepath.Join(t.TempDir(), "doc.txt")
		text := strings.Repeat("x", size)
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if size > 0 {
			mustEvict(t, name)
		}
		// Read once, the file is in memory: the second read, into a
		// buffer of the caller's, tells of nothing.
		for read, buf := range [][]byte{nil, make([]byte, 0, 100)} {
			told := 0
			data, err := readRegular(name, DefaultMaxFileSize, buf, func() { told++ })
			if err != nil || string(data) != text {
				t.Fatalf("size %d, read %d: %d bytes, %v; want %d", size, read, len(data), err, size)
			}
			want := 0
			if size > 0 && read == 0 {
				want = 1
			}
			if told != want {
				t.Errorf("size %d, read %d: told of an uncached file %d times; want %d", size, read, told, want)
			}
		}
	}

	// Partly in memory: every byte different, so that a byte read
	// twice or skipped shows.
	name := filepath.Join(t.TempDir(), "doc.txt")
	text := make([]byte, 1<<20)
	for i := range text {
		text[i] = byte(i * 7 / 5)
	}
	if err := os.WriteFile(name, text, 0o644); err != nil {
		t.Fatal(err)
	}
	mustEvict(t, name)
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.ReadAt(make([]byte, 4096), 0); err != nil {
		t.Fatal(err)
	}
	f.Close()
	told := 0
	data, err := readRegular(name, DefaultMaxFileSize, nil, func() { told++ })
	if err != nil || !bytes.Equal(data, text) {
		t.Fatalf("partly in memory: %d bytes, %v; want the %d written", len(data), err, len(text))
	}
	if told != 0 {
		t.Errorf("partly in memory: told of an uncached file %d times; want 0 (its first bytes are in memory)", told)
	}
}

// TestReadRegularNoWaitRefused reads a file on a file system that cannot
// read without waiting (tmpfs, at /dev/shm), then one on a disk that
// can: the first is read by a plain read, and the refusal, kept for its
// file system alone, does not keep the second from telling that it is
// not in memory.
func TestReadRegularNoWaitRefused(t *testing.T) {
	shm, err := os.MkdirTemp("/dev/shm", "careergraph-test")
	if err != nil {
		t.Skipf("no tmpfs at /dev/shm: %v", err)
	}
	defer os.RemoveAll(shm)
	onShm := filepath.Join(shm, "doc.txt")
	if err := os.WriteFile(onShm, []byte("in memory"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(onShm)
	if err != nil {
		t.Fatal(err)
	}
	_, err = unix.Preadv2(int(f.Fd()), [][]byte{make([]byte, 1)}, 0, unix.RWF_NOWAIT)
	f.Close()
	if err == nil {
		t.Skip("/dev/shm reads without waiting on this kernel: nothing refused to test")
	}
	data, err := readRegular(onShm, DefaultMaxFileSize, nil, func() { t.Error("told of an uncached file on tmpfs") })
	if err != nil || string(data) != "in memory" {
		t.Fatalf("read on tmpfs: %q, %v", data, err)
	}
	disk := t.TempDir()
	requireNoWait(t, disk)
	onDisk := filepath.Join(disk, "doc.txt")
	if err := os.WriteFile(onDisk, []byte(strings.Repeat("x", 8192)), 0o644); err != nil {
		t.Fatal(err)
	}
	mustEvict(t, onDisk)
	told := 0
	if _, err := readRegular(onDisk, DefaultMaxFileSize, nil, func() { told++ }); err != nil {
		t.Fatal(err)
	}
	if told != 1 {
		t.Errorf("after a refusal on tmpfs, told of an uncached file on disk %d times; want 1", told)
	}
}

// TestLoadUncached loads a corpus none of whose files is in memory, so
// that the readahead starts at the first: it asks for files, and what
// the load gives is what the cached corpus gives, loaded with no
// readahead.
func TestLoadUncached(t *testing.T) {
	dir := t.TempDir()
	requireNoWait(t, dir)
	if err := synth.Write(dir, 3*readaheadWindow, 5); err != nil {
		t.Fatal(err)
	}
	var names []string
	err := filepath.WalkDir(dir, func(name string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			names = append(names, name)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	mustEvict(t, names[0]) // the first the workers read: the readahead starts there
	for _, name := range names[1:] {
		evict(t, name)
	}
	var advised atomic.Int64
	adviseFile = func(name string, limit int64) { advised.Add(1); willNeed(name, limit) }
	defer func() { adviseFile = willNeed }()
	cold, err := Load(Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	if advised.Load() == 0 {
		t.Error("loaded an uncached corpus: asked for no file ahead")
	}
	advised.Store(0)
	warm, err := Load(Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	if n := advised.Load(); n > 0 {
		t.Errorf("loaded a cached corpus: asked for %d files ahead; want none", n)
	}
	if diff := cmp.Diff(corpusText(warm), corpusText(cold)); diff != "" {
		t.Errorf("loaded uncached, the corpus differs (-cached +uncached):\n%s", diff)
	}
}
