package loader

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
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

// TestReadRegularUncached checks that readRegular tells of a file that
// is not in memory, once, and reads it as it reads a cached one.
func TestReadRegularUncached(t *testing.T) {
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
			if told == 0 && want == 1 && noWaitUnsupported.Load() {
				t.Skip("this kernel or file system cannot read without waiting (preadv2 with RWF_NOWAIT, Linux 4.14)")
			}
			if told != want {
				t.Errorf("size %d, read %d: told of an uncached file %d times; want %d", size, read, told, want)
			}
		}
	}
}

// TestLoadUncached loads a corpus none of whose files is in memory, so
// that the readahead starts at the first: what it loads is what the
// cached corpus gives.
func TestLoadUncached(t *testing.T) {
	dir := t.TempDir()
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
	cold, err := Load(Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	warm, err := Load(Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(corpusText(warm), corpusText(cold)); diff != "" {
		t.Errorf("loaded uncached, the corpus differs (-cached +uncached):\n%s", diff)
	}
}
