package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os/exec"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/urfave/cli/v2"

	"careergraph/cmd/careergraph/serve"
	"careergraph/loader"
	"careergraph/loader/snapshot"
)

// serveOptions are the flags of serve.
type serveOptions struct {
	addr string
	open bool
}

func serveCommand(global *globalOptions) *cli.Command {
	o := &serveOptions{}
	return &cli.Command{
		Name:  "serve",
		Usage: "explore the graph in a web browser, on this machine: search, roles, routes, diagrams, downloads",
		Description: "serve loads the documents once, prints the address to open and serves a page and a JSON API\n" +
			"(the answers of --json) until Ctrl-C, letting requests in flight finish. With --data, a document\n" +
			"added, changed or removed reloads the graph and open pages update. It listens on 127.0.0.1 only,\n" +
			"answers GET only and refuses requests for other host names.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: serve.DefaultAddr, Destination: &o.addr,
				Usage: "listen on `HOST:PORT`; port 0 picks a free one; a host other than 127.0.0.1, ::1 or localhost lets other machines read the documents"},
			&cli.BoolFlag{Name: "open", Destination: &o.open, Usage: "open the page in the system's browser (xdg-open, or open on macOS)"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("serve takes no arguments; got %q (documents are given with --data)", c.Args().First())
			}
			if _, _, err := net.SplitHostPort(o.addr); err != nil {
				return usagef("--addr %q: give HOST:PORT, such as %s", o.addr, serve.DefaultAddr)
			}
			return runServe(c, global, o)
		},
	}
}

// readBack is how a server keeps documents it has just parsed: their
// snapshot, just written, read back in place of the parsed corpus in
// *corpus, whose memory then goes back to the system. The two answer
// alike, but the parsed corpus lies scattered among the garbage of
// parsing: at 100k documents a server so started held 0.9–1.1 GB against
// 0.22 GB read back (0.35 GB before snapshots kept their index), and its
// slowest hundredth of route answers took 8–21 ms against 6–9 ms. Reading back costs about a second at 100k
// documents. Nothing is read back when the cache is off, or when the
// snapshot was made while a file was just changed (its key then holds
// the file's content, and no longer matches).
func readBack(opt loader.Options, dir string, corpus **loader.Corpus) {
	again, hit, err := snapshot.Read(opt, dir, version)
	if err != nil || !hit {
		return
	}
	*corpus = again
	debug.FreeOSMemory()
}

func runServe(c *cli.Context, global *globalOptions, o *serveOptions) error {
	global.lasting = true
	stderr := &lockedWriter{w: c.App.ErrWriter}
	opt, err := global.loaderOptions()
	if err != nil {
		return err
	}
	watch := opt.Paths
	if opt.Aliases != "" {
		watch = append(watch[:len(watch):len(watch)], opt.Aliases)
	}
	loads := 0
	cfg := serve.Config{
		Addr: o.addr,
		// The first load is every command's: progress on a terminal,
		// skipped documents and the problem summary. A reload prints the
		// summary once, after the server's own line about it.
		Load: func(ctx context.Context) (*loader.Corpus, error) {
			loads++
			if loads == 1 {
				return loadCorpus(c, global, false)
			}
			corpus, cached, err := snapshot.Load(opt, cacheDir(global), version)
			if err == nil && !cached {
				readBack(opt, cacheDir(global), &corpus)
			}
			if err == nil && !global.quiet {
				if s := problemSummary(corpus); s != "" {
					fmt.Fprintln(stderr, escapeText(s))
				}
			}
			return corpus, err
		},
		Watch: watch,
		Logf: func(format string, args ...any) {
			fmt.Fprintln(stderr, escapeText("careergraph: "+fmt.Sprintf(format, args...)))
		},
	}
	if o.open {
		cfg.Ready = func(url string) { openBrowser(url, stderr) }
	}
	lingering.Store(true)
	defer lingering.Store(false)
	err = serve.Run(c.Context, cfg, c.App.Writer)
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "listen" {
		return fmt.Errorf("%w (choose another --addr, or port 0 for any free one)", err)
	}
	if err == nil {
		fmt.Fprintln(stderr, "careergraph: stopped")
	}
	return err
}

// openBrowser starts the system's browser on url, or says how to open it.
func openBrowser(url string, w io.Writer) {
	opener := "xdg-open"
	if runtime.GOOS == "darwin" {
		opener = "open"
	}
	if p, err := exec.LookPath(opener); err == nil {
		cmd := exec.Command(p, url)
		if err := cmd.Start(); err == nil {
			go cmd.Wait()
			return
		}
	}
	fmt.Fprintf(w, "careergraph: --open: no %s to start a browser with; open %s yourself\n", opener, url)
}

// lockedWriter serialises writes: the server logs reloads from its own
// goroutines.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
