package loader

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestZZPhases(t *testing.T) {
	dir := os.Getenv("CAREERGRAPH_BENCH_DATA")
	if dir == "" {
		t.Skip()
	}
	cache := "/tmp/zzcache"
	opt := Options{Paths: []string{dir}}
	if _, _, err := LoadCached(opt, cache, "x"); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		t0 := time.Now()
		files, _ := listFiles(opt)
		t1 := time.Now()
		key, _ := snapshotKey(files, "", "x")
		t2 := time.Now()
		data, _ := os.ReadFile(filepath.Join(cache, snapshotName(opt)))
		t3 := time.Now()
		_, err := readSnapshot(filepath.Join(cache, snapshotName(opt)), key)
		t4 := time.Now()
		t.Logf("list %v key %v read %v (%d MB) read+decode+restore %v err %v", t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), len(data)>>20, t4.Sub(t3), err)
	}
}
