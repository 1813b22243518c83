package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watch starts watching paths and reloads, debounced, after changes. A
// folder is watched with every folder under it (fsnotify is not
// recursive); a file by its folder, since editors replace a file by
// renaming a new one over it, which a watch on the file itself misses.
// Folders created later are added as they appear.
func (s *Server) watch(ctx context.Context, paths []string) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	files := map[string]bool{} // files watched by their folder
	dirs := map[string]bool{}  // folders watched for everything in them
	addTree := func(root string) {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				if w.Add(p) == nil {
					dirs[p] = true
				}
			}
			return nil
		})
	}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		if info, err := os.Stat(abs); err == nil && info.IsDir() {
			addTree(abs)
			continue
		}
		files[abs] = true
		w.Add(filepath.Dir(abs))
	}
	relevant := func(name string) bool {
		if files[name] {
			return true
		}
		for d := filepath.Dir(name); ; d = filepath.Dir(d) {
			if dirs[d] {
				return true
			}
			if d == filepath.Dir(d) {
				return false
			}
		}
	}
	go func() {
		defer w.Close()
		timer := time.NewTimer(time.Hour)
		timer.Stop()
		for {
			select {
			case <-ctx.Done():
				timer.Stop()
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if !relevant(ev.Name) || ev.Op == fsnotify.Chmod {
					continue
				}
				if ev.Op.Has(fsnotify.Create) {
					if info, err := os.Stat(ev.Name); err == nil && info.IsDir() && dirs[filepath.Dir(ev.Name)] {
						addTree(ev.Name)
					}
				}
				timer.Reset(s.cfg.Debounce)
			case err, ok := <-w.Errors:
				if !ok {
					return
				}
				s.logf("watching the documents: %v", err)
			case <-timer.C:
				s.Reload(ctx)
			}
		}
	}()
	return nil
}
