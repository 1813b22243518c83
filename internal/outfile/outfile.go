// Package outfile writes output files so that a reader never sees half of
// one: everything goes to a temporary file in the target's folder, which
// is renamed onto the target only once it is complete.
//
// The rules, the same for every file careergraph writes:
//
//   - A file being replaced keeps its permission bits (a 0600 file stays
//     0600); a new file gets 0666 less the umask, as any program's would.
//   - A target that is a symbolic link is refused, not written through:
//     writing through a link changes a file elsewhere, which the person
//     who typed the name may not know of. Links in the folders above the
//     target are followed as usual.
//   - A target that exists and is not a regular file (a folder, a device,
//     a FIFO) is refused.
//   - On failure the temporary file is removed and the target is as it
//     was. Cleanup removes the temporary files of writes still under way,
//     for a program interrupted by a signal.
package outfile

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// Error is a file-system failure of a write: Op is what could not be
// done ("create the folder", "write", "replace"), Path the target.
type Error struct {
	Op   string
	Path string
	Err  error
}

// Error returns "cannot OP: ERR"; the caller names the path, as it knows
// where the name came from.
func (e *Error) Error() string { return fmt.Sprintf("cannot %s: %v", e.Op, e.Err) }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Errors of a target that cannot be replaced, wrapped in an *Error.
var (
	ErrSymlink    = errors.New("a symbolic link")
	ErrNotRegular = errors.New("not a regular file")
	ErrClosed     = errors.New("interrupted")
)

// Write creates or replaces the file name with what write writes,
// buffered. An error of write is returned as it is; the file-system
// errors of Write are *Error.
func Write(name string, write func(io.Writer) error) error {
	t, err := Create(name)
	if err != nil {
		return err
	}
	defer t.Abort() // a no-op once committed
	w := bufio.NewWriter(t.f)
	if err := write(w); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return &Error{"write", name, unwrapPath(err)}
	}
	return t.Commit()
}

// Temp is a temporary file that becomes its target on Commit.
type Temp struct {
	f      *os.File
	target string
	mode   fs.FileMode // the mode to give it; 0: keep the umask's
}

// Create checks that name may be replaced and opens a temporary file
// beside it, creating the folder if need be. Write to it with Write,
// then Commit or Abort.
func Create(name string) (*Temp, error) {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, &Error{"create the folder", name, unwrapPath(err)}
	}
	mode, err := replaceable(name)
	if err != nil {
		return nil, err
	}
	f, err := createTemp(dir, filepath.Base(name))
	if err != nil {
		return nil, &Error{"write", name, unwrapPath(err)}
	}
	t := &Temp{f: f, target: name, mode: mode}
	if !pending.add(f.Name()) {
		f.Close()
		os.Remove(f.Name())
		return nil, &Error{"write", name, ErrClosed}
	}
	return t, nil
}

// Write writes p to the temporary file.
func (t *Temp) Write(p []byte) (int, error) { return t.f.Write(p) }

// Abort removes the temporary file; after Commit it does nothing.
func (t *Temp) Abort() {
	if t.f == nil {
		return
	}
	t.f.Close()
	pending.remove(t.f.Name(), func(tmp string) error { return os.Remove(tmp) })
	t.f = nil
}

// Commit closes the temporary file, gives it the mode of the file it
// replaces, and renames it onto the target.
func (t *Temp) Commit() error {
	if t.f == nil {
		return &Error{"replace", t.target, ErrClosed}
	}
	tmp := t.f.Name()
	defer t.Abort()
	if err := t.f.Close(); err != nil {
		return &Error{"write", t.target, unwrapPath(err)}
	}
	if t.mode != 0 {
		if err := os.Chmod(tmp, t.mode); err != nil {
			return &Error{"write", t.target, unwrapPath(err)}
		}
	}
	if err := place(tmp, t.target); err != nil {
		return err
	}
	t.f = nil
	return nil
}

// Check reports, as an *Error, why the file name may not be replaced:
// for checking every target before the first of several is replaced.
func Check(name string) error {
	_, err := replaceable(name)
	return err
}

// Move renames the finished file tmp onto name by the same rules as
// Write: for files another function wrote into a folder from TempDir.
func Move(tmp, name string) error {
	mode, err := replaceable(name)
	if err != nil {
		return err
	}
	if mode != 0 { // a new file keeps the mode it was created with
		if err := os.Chmod(tmp, mode); err != nil {
			return &Error{"write", name, unwrapPath(err)}
		}
	}
	return place(tmp, name)
}

// TempDir creates a temporary folder in dir (created if need be) for
// files to be moved into place with Move. The returned function removes
// the folder and what is left in it.
func TempDir(dir string) (string, func(), error) {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return "", nil, &Error{"create the folder", dir, unwrapPath(err)}
	}
	tmp, err := os.MkdirTemp(dir, ".tmp-")
	if err != nil {
		return "", nil, &Error{"write", dir, unwrapPath(err)}
	}
	if !pending.add(tmp) {
		os.RemoveAll(tmp)
		return "", nil, &Error{"write", dir, ErrClosed}
	}
	return tmp, func() { pending.remove(tmp, os.RemoveAll) }, nil
}

// Cleanup removes the temporary files and folders of every write under
// way, and makes later writes fail: a program calls it when a signal
// interrupts it, before it exits.
func Cleanup() {
	pending.mu.Lock()
	defer pending.mu.Unlock()
	for p := range pending.paths {
		os.RemoveAll(p)
	}
	pending.paths = nil
	pending.closed = true
}

// Track registers tmp, a temporary file a writer of its own makes (a
// snapshot cache, say), so that Cleanup removes it too; it reports false
// once Cleanup has run, when the writer should remove tmp and stop. The
// writer ends with Place or Discard.
func Track(tmp string) bool { return pending.add(tmp) }

// Place renames tmp, tracked, onto name, unless Cleanup has run.
func Place(tmp, name string) error { return place(tmp, name) }

// Discard removes tmp, tracked, and forgets it.
func Discard(tmp string) { pending.remove(tmp, os.Remove) }

// pending is the registry of temporary files and folders that exist, for
// Cleanup. It is process-wide, as signals are.
var pending = registry{paths: map[string]bool{}}

type registry struct {
	mu     sync.Mutex
	paths  map[string]bool
	closed bool
}

func (r *registry) add(p string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return false
	}
	r.paths[p] = true
	return true
}

// remove forgets p and, if it was still registered, removes it with rm,
// under the lock so that Cleanup and remove never race.
func (r *registry) remove(p string, rm func(string) error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.paths[p] {
		delete(r.paths, p)
		rm(p)
	}
}

// place renames tmp onto name under the registry's lock: after Cleanup
// nothing is renamed into place.
func place(tmp, name string) error {
	pending.mu.Lock()
	defer pending.mu.Unlock()
	if pending.closed {
		return &Error{"replace", name, ErrClosed}
	}
	if err := os.Rename(tmp, name); err != nil {
		return &Error{"replace", name, unwrapPath(err)}
	}
	delete(pending.paths, tmp)
	return nil
}

// replaceable reports the permission bits to keep of the file name (0 if
// there is none) or why it may not be replaced.
func replaceable(name string) (fs.FileMode, error) {
	info, err := os.Lstat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return 0, nil
	case err != nil:
		return 0, &Error{"write", name, unwrapPath(err)}
	case info.Mode()&fs.ModeSymlink != 0:
		return 0, &Error{"replace", name, ErrSymlink}
	case !info.Mode().IsRegular():
		return 0, &Error{"replace", name, ErrNotRegular}
	}
	return info.Mode().Perm(), nil
}

// createTemp creates a new file in dir named after base. Unlike
// os.CreateTemp it asks for mode 0666, so the umask decides, as for any
// new file.
func createTemp(dir, base string) (*os.File, error) {
	for {
		var b [6]byte
		rand.Read(b[:])
		name := filepath.Join(dir, "."+base+".tmp-"+hex.EncodeToString(b[:]))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
