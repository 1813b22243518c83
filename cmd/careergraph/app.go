package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"

	"github.com/urfave/cli/v2"

	"careergraph/cmd/careergraph/internal/wire"
	"careergraph/internal/outfile"
	"careergraph/loader"
)

// version is careergraph's version; the snapshot cache is keyed by it.
var version = "0.1.0"

// realMain runs careergraph on args (the command line without the
// program's name), printing the answer to stdout and messages to stderr,
// and returns the exit code: see exitCode. main and the tests both run
// it.
func realMain(args []string, stdout, stderr io.Writer) int {
	ctx, stop := interruptible()
	defer stop()
	err := run(ctx, newApp(stdout, stderr), args)
	// The answer is out; a snapshot written meanwhile (snapshot.Start)
	// still has to be, even when the answer's reader has gone (`| head`):
	// then careergraph dies of the broken pipe only once it is written.
	if errors.Is(err, syscall.EPIPE) {
		snapshotWrites.Wait()
		// Go dies of a write to a closed standard output or error only
		// while SIGPIPE is not notified: write again, as careergraph did
		// before it answered while writing a snapshot.
		signal.Reset(syscall.SIGPIPE)
		if f, ok := stdout.(*os.File); ok {
			_, _ = f.Write([]byte{'\n'})
		}
		return exitBrokenPipe // not reached where the write above kills
	}
	code := report(stderr, err)
	snapshotWrites.Wait()
	return code
}

// lingering is set while a command runs that stops by itself, cleanly,
// when its context is cancelled: serve. The first Ctrl-C or SIGTERM then
// only cancels the context.
var lingering atomic.Bool

// interruptible returns a context cancelled by Ctrl-C or SIGTERM. On
// either, the temporary files of output and snapshots being written are
// removed (outfile.Cleanup) and the signal is raised again with its
// default action, so careergraph dies of it as any program would,
// leaving every output file as it was; while lingering, only a second
// signal does. A write to a closed pipe is an error (EPIPE) rather than
// death by SIGPIPE, so that realMain can keep the snapshot first. stop
// releases the signals.
func interruptible() (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	pipe := make(chan os.Signal, 1)
	signal.Notify(pipe, syscall.SIGPIPE)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-sigs:
			cancel()
			outfile.Cleanup()
			if lingering.Load() {
				// The command stops by itself when ctx is cancelled
				// (serve lets requests in flight finish); a second
				// signal kills as usual.
				select {
				case sig = <-sigs:
				case <-done:
					return
				}
			}
			signal.Stop(sigs)
			if p, err := os.FindProcess(os.Getpid()); err == nil {
				_ = p.Signal(sig) // where signals cannot be raised, the write fails instead
			}
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		signal.Stop(pipe)
		close(done)
		cancel()
	}
}

// globalOptions are the flags every command reads its documents by.
type globalOptions struct {
	data       cli.StringSlice
	dataFormat string
	aliases    string
	noCache    bool
	quiet      bool
	maxFileMiB int
	// lasting is set by a command whose process lives on and loads
	// again (serve): it does not ask for huge pages, and collects as
	// usual as soon as it has loaded (see loadCorpus).
	lasting bool
}

func (o *globalOptions) flags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{
			Name:        "data",
			Aliases:     []string{"d"},
			Usage:       "data `PATH`: occupation documents, an O*NET text release folder, a pathway table, moves or roles spreadsheets, each told by its content (a folder is read recursively); repeatable; default: $" + dataEnv + " (paths separated by " + string(os.PathListSeparator) + "), else the embedded seeds",
			Destination: &o.data,
		},
		&cli.StringFlag{
			Name:        "data-format",
			Usage:       "read every --data path as `FORMAT` instead of telling it by content: document, onet, pathways, moves or roles",
			Destination: &o.dataFormat,
		},
		&cli.StringFlag{
			Name:        "aliases",
			Usage:       "alias `FILE`: CSV rows of name,canonical that join names into one role",
			Destination: &o.aliases,
		},
		&cli.BoolFlag{
			Name:        "no-cache",
			Usage:       "parse the documents even if a snapshot of them is cached (in the user cache folder, careergraph/)",
			EnvVars:     []string{"CAREERGRAPH_NO_CACHE"},
			Destination: &o.noCache,
		},
		&cli.IntFlag{
			Name:        "max-file-size",
			Value:       loader.DefaultMaxFileSize >> 20,
			Usage:       "skip a document, table or sheet larger than `MIB` mebibytes (and refuse such an alias file), so that a stray huge file cannot exhaust memory; an O*NET release's files have a limit of their own (256 MiB)",
			Destination: &o.maxFileMiB,
		},
		&cli.BoolFlag{
			Name:        "quiet",
			Aliases:     []string{"q"},
			Usage:       "do not name skipped documents or summarise the documents' problems on stderr",
			Destination: &o.quiet,
		},
	}
}

// newApp builds the command-line application writing to stdout and
// stderr. Each app has its own options: two apps share nothing.
func newApp(stdout, stderr io.Writer) *cli.App {
	global := &globalOptions{}
	app := &cli.App{
		Name:    "careergraph",
		Usage:   "career paths through a graph of occupations",
		Version: version,
		Description: "careergraph reads occupation documents (the embedded seeds unless --data is given),\n" +
			"resolves the roles they name into one graph and answers questions of it.\n" +
			"Flags may come before or after the arguments.",
		Writer:    stdout,
		ErrWriter: stderr,
		Suggest:   true,
		Flags:     global.flags(),
		Commands: []*cli.Command{
			rolesCommand(global),
			showCommand(global),
			pathCommand(global),
			reachCommand(global),
			ladderCommand(global),
			gapCommand(global),
			similarCommand(global),
			statsCommand(global),
			checkCommand(global),
			exportCommand(global),
			renderCommand(global),
			serveCommand(global),
		},
		// Titles hold commas ("Managers, Sales"): a flag value is one
		// value, never a list.
		DisableSliceFlagSeparator: true,
		OnUsageError: func(c *cli.Context, err error, _ bool) error {
			return usagef("%v (see %s --help)", err, strings.TrimSpace("careergraph "+commandName(c)))
		},
		ExitErrHandler: func(*cli.Context, error) {}, // only main exits
	}
	var setUsage func([]*cli.Command)
	setUsage = func(cmds []*cli.Command) {
		for _, cmd := range cmds {
			cmd.OnUsageError = app.OnUsageError
			setUsage(cmd.Subcommands)
		}
	}
	setUsage(app.Commands)
	return app
}

// commandName returns the command c runs, with its parent: "render
// ladder".
func commandName(c *cli.Context) string {
	if c == nil {
		return ""
	}
	var parts []string
	for _, l := range c.Lineage() {
		if l.Command != nil && l.Command.Name != "" && l.Command.Name != c.App.Name {
			parts = append([]string{l.Command.Name}, parts...)
		}
	}
	return strings.Join(parts, " ")
}

// run runs the app on args, with flags allowed anywhere. It returns the
// first error writing the answer too, so a full disk is never a silent
// success.
func run(ctx context.Context, app *cli.App, args []string) error {
	name := app.Name
	p := parseArgs(app, args)
	if p.err != nil {
		return p.err
	}
	if len(p.commands) == 0 && len(p.flags) == 0 && !slices.ContainsFunc(p.global, isHelpOrVersion) {
		if err := app.RunContext(ctx, []string{name}); err != nil { // prints the help
			return err
		}
		return usagef("no command given (see the list above)")
	}
	out := &errWriter{w: app.Writer}
	app.Writer = out
	if err := app.RunContext(ctx, p.argv(name)); err != nil {
		// A program that asked for JSON gets the error as JSON on stdout
		// (what the server answers), people the message on stderr.
		if app.Metadata[jsonErrors] == true && !errors.Is(err, errNoAnswer) {
			_ = wire.Write(out, wire.NewError(err.Error(), err))
		}
		return err
	}
	if out.err != nil {
		return fmt.Errorf("writing the answer: %w", out.err)
	}
	return nil
}

func isHelpOrVersion(a string) bool {
	switch a {
	case "-h", "--help", "-help", "-v", "--version", "-version":
		return true
	}
	return false
}

// errWriter remembers the first write error of w and writes nothing
// after it.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}
