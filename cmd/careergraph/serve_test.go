package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// startServe runs `careergraph args...` (a serve command) through
// realMain in a child process, as main does, and returns it with the URL
// it printed.
func startServe(t *testing.T, env []string, args ...string) (*exec.Cmd, string, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(append(os.Environ(), env...), "CAREERGRAPH_TEST_SERVE="+strings.Join(args, "\x1f"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(out).ReadString('\n')
		lines <- line
		io.Copy(io.Discard, out)
	}()
	select {
	case line := <-lines:
		url := regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+/`).FindString(line)
		if url == "" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("serve printed %q, no URL; stderr:\n%s", line, stderr.String())
		}
		return cmd, url, &stderr
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("serve printed no URL within 30 s; stderr:\n%s", stderr.String())
	}
	return nil, "", nil
}

func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s: %s", url, resp.Status, body)
	}
	return string(body)
}

// TestServe starts serve through realMain, asks the API what `stats
// --json` answers, and stops it with Ctrl-C or SIGTERM: it stops
// cleanly, with exit code 0.
func TestServe(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no signals to send on Windows")
	}
	want, _, _ := runApp(t, "stats", "--json")
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		cmd, url, stderr := startServe(t, nil, "serve", "--addr", "127.0.0.1:0")
		if got := get(t, url+"api/stats"); got != want {
			t.Errorf("GET /api/stats:\n%s\nwant what stats --json prints:\n%s", got, want)
		}
		if page := get(t, url); !strings.Contains(page, "<html") {
			t.Errorf("GET /: %.200s", page)
		}
		cmd.Process.Signal(sig)
		if err := cmd.Wait(); err != nil {
			t.Errorf("%v: serve ended with %v; want exit 0; stderr:\n%s", sig, err, stderr)
		}
		if !strings.HasSuffix(stderr.String(), "careergraph: stopped\n") {
			t.Errorf("%v: stderr %q; want it to end with the stop", sig, stderr)
		}
		if _, err := http.Get(url + "api/stats"); err == nil {
			t.Errorf("%v: still answering after the stop", sig)
		}
	}
}

// TestServeReload checks that serve watches --data and --aliases: a new
// document, and a changed alias file, reload the graph.
func TestServeReload(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no signals to send on Windows")
	}
	dir, aliasDir := t.TempDir(), t.TempDir()
	copyFile(t, filepath.Join("..", "..", "seeds", "000_f8fb08b187d7aa4f.txt"), filepath.Join(dir, "a.txt"))
	aliases := filepath.Join(aliasDir, "aliases.csv")
	os.WriteFile(aliases, []byte("Chief,Section Chief\n"), 0o644)
	cmd, url, stderr := startServe(t, nil, "serve", "--data", dir, "--aliases", aliases, "--addr", "127.0.0.1:0", "--no-cache")
	defer func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() }()
	waitGeneration := func(what string, gen int) {
		t.Helper()
		want := fmt.Sprintf(`"generation": %d,`, gen)
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if strings.Contains(get(t, url+"api/status"), want) {
				return
			}
		}
		t.Fatalf("%s: no reload to generation %d within 10 s; stderr:\n%s", what, gen, stderr)
	}
	waitGeneration("start", 1)
	copyFile(t, filepath.Join("..", "..", "seeds", "001_9e113ec9da426a31.txt"), filepath.Join(dir, "b.txt"))
	waitGeneration("a new document", 2)
	os.WriteFile(aliases, []byte("Chief,Section Chief\nBoss,Section Chief\n"), 0o644)
	waitGeneration("a changed alias file", 3)
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestServeOpen checks that --open starts xdg-open on the URL, and says
// what to do when there is none.
func TestServeOpen(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("xdg-open is Linux's")
	}
	bin := t.TempDir()
	opened := filepath.Join(bin, "opened")
	os.WriteFile(filepath.Join(bin, "xdg-open"), []byte("#!/bin/sh\necho \"$1\" > "+opened+"\n"), 0o755)
	cmd, url, _ := startServe(t, []string{"PATH=" + bin}, "serve", "--addr", "127.0.0.1:0", "--open")
	deadline := time.Now().Add(10 * time.Second)
	var got []byte
	for time.Now().Before(deadline) {
		if got, _ = os.ReadFile(opened); len(got) > 0 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Signal(os.Interrupt)
	cmd.Wait()
	if strings.TrimSpace(string(got)) != url {
		t.Errorf("xdg-open was given %q; want %q", got, url)
	}

	cmd, url, stderr := startServe(t, []string{"PATH=" + t.TempDir()}, "serve", "--addr", "127.0.0.1:0", "--open")
	time.Sleep(100 * time.Millisecond)
	cmd.Process.Signal(os.Interrupt)
	cmd.Wait()
	if want := "careergraph: --open: no xdg-open to start a browser with; open " + url + " yourself"; !strings.Contains(stderr.String(), want) {
		t.Errorf("without xdg-open, stderr %q; want %q", stderr, want)
	}
}

// TestServeUsage checks serve's usage errors and a busy port.
func TestServeUsage(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "Section Chief"}, `serve takes no arguments; got "Section Chief"`},
		{[]string{"serve", "--addr", "7878"}, `--addr "7878": give HOST:PORT, such as 127.0.0.1:7878`},
		{[]string{"serve", "--addr", ln.Addr().String()}, "(choose another --addr, or port 0 for any free one)"},
	} {
		_, stderr, code := runApp(t, tc.args...)
		if code != exitBadInput || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tc.args, code, stderr, exitBadInput, tc.want)
		}
	}
}
