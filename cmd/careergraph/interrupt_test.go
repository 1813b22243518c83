package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"

	"careergraph/internal/outfile"
)

// interruptedWrite is the child of TestInterruptRemovesTemporaryFiles:
// with realMain's signal handling in place it starts writing a file in
// dir, says so, and waits to be interrupted.
func interruptedWrite(dir string) {
	_, stop := interruptible()
	defer stop()
	t, err := outfile.Create(filepath.Join(dir, "out.json"))
	if err != nil {
		fmt.Println(err)
		os.Exit(3)
	}
	t.Write([]byte("half of it"))
	fmt.Println("writing")
	select {}
}

// TestInterruptRemovesTemporaryFiles checks that Ctrl-C and SIGTERM in
// the middle of a write leave no temporary file and no half target, and
// that careergraph dies of the signal as a program that did not catch it.
func TestInterruptRemovesTemporaryFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no signals to send on Windows")
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		dir := t.TempDir()
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "CAREERGRAPH_TEST_INTERRUPT="+dir)
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, _ := bufio.NewReader(out).ReadString('\n')
		if line != "writing\n" {
			cmd.Process.Kill()
			t.Fatalf("child said %q; want writing", line)
		}
		if tmp, _ := filepath.Glob(filepath.Join(dir, ".*")); len(tmp) != 1 {
			t.Fatalf("while writing, %s holds %q; want one temporary file", dir, tmp)
		}
		cmd.Process.Signal(sig)
		err := cmd.Wait()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != sig {
			t.Errorf("%v: child ended with %v; want death by the signal", sig, err)
		}
		if left, _ := os.ReadDir(dir); len(left) > 0 {
			t.Errorf("%v: %s still holds %v", sig, dir, left)
		}
	}
}
