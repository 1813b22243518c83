//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"careergraph/loader/synth"
)

// TestBrokenPipeKeepsSnapshot runs a first command whose answer's reader
// has gone (`careergraph roles | head -0`): careergraph answers while it
// writes the snapshot, and must write it whole before it dies of the
// broken pipe, as it did when it wrote the snapshot first.
func TestBrokenPipeKeepsSnapshot(t *testing.T) {
	data := t.TempDir()
	if err := synth.Write(data, 300, 3); err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close() // no reader: the first write of the answer fails
	cmd := exec.Command(os.Args[0], "-test.run=^$", "--", "--data", data, "roles")
	cmd.Env = append(os.Environ(), "CAREERGRAPH_TEST_MAIN=1", "XDG_CACHE_HOME="+cache)
	cmd.Stdout = w
	err = cmd.Run()
	w.Close()
	ws, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if !(ws.Signaled() && ws.Signal() == syscall.SIGPIPE) && cmd.ProcessState.ExitCode() != exitBrokenPipe {
		t.Errorf("careergraph with its answer's reader gone: %v; want death by SIGPIPE (or exit %d)", err, exitBrokenPipe)
	}
	snaps, _ := filepath.Glob(filepath.Join(cache, "careergraph", "*.snap"))
	temps, _ := filepath.Glob(filepath.Join(cache, "careergraph", "*.tmp"))
	if len(snaps) != 1 || len(temps) != 0 {
		t.Errorf("cache after a broken pipe: snapshots %q, temporary files %q; want one snapshot and nothing else", snaps, temps)
	}
}
