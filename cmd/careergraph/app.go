package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"careergraph/loader"
	"careergraph/loader/snapshot"
)

// version is careergraph's version; the snapshot cache is keyed by it.
var version = "0.1.0"

// newApp builds the command-line application writing to stdout and
// stderr.
func newApp(stdout, stderr io.Writer) *cli.App {
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
		Flags:     globalFlags(),
		Commands: []*cli.Command{
			rolesCommand(),
			showCommand(),
			pathCommand(),
			reachCommand(),
			ladderCommand(),
			gapCommand(),
			statsCommand(),
			checkCommand(),
			exportCommand(),
			renderCommand(),
		},
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

// run runs the app on argv, with flags allowed anywhere. It returns the
// first error writing the answer too, so a full disk is never a silent
// success.
func run(app *cli.App, argv []string) error {
	p := parseArgs(app, argv[1:])
	if p.err != nil {
		return p.err
	}
	if len(p.commands) == 0 && len(p.flags) == 0 && !slices.ContainsFunc(p.global, isHelpOrVersion) {
		if err := app.Run(argv[:1]); err != nil { // prints the help
			return err
		}
		return usagef("no command given (see the list above)")
	}
	out := &errWriter{w: app.Writer}
	app.Writer = out
	if err := app.Run(p.argv(argv[0])); err != nil {
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

func globalFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{
			Name:    "data",
			Aliases: []string{"d"},
			Usage:   "document `PATH` (file or folder, read recursively for *.txt and *.md); repeatable; default: the embedded seeds",
			EnvVars: []string{"CAREERGRAPH_DATA"},
		},
		&cli.StringFlag{
			Name:  "aliases",
			Usage: "alias `FILE`: CSV rows of name,canonical that join names into one role",
		},
		&cli.BoolFlag{
			Name:    "no-cache",
			Usage:   "parse the documents even if a snapshot of them is cached (in the user cache folder, careergraph/)",
			EnvVars: []string{"CAREERGRAPH_NO_CACHE"},
		},
	}
}

// jsonFlag is the --json flag every answering command has.
var jsonFlag = &cli.BoolFlag{Name: "json", Usage: "print JSON for programs instead of text"}

// loadCorpus loads what the global flags name and prints a one-line
// summary of its problems to stderr (unless quiet).
func loadCorpus(c *cli.Context, quiet bool) (*loader.Corpus, error) {
	opt := loader.Options{
		Paths:   c.StringSlice("data"),
		Aliases: c.String("aliases"),
	}
	stderr := c.App.ErrWriter
	p := &progress{w: stderr, start: time.Now()}
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		opt.Progress = p.update
	}
	corpus, _, err := snapshot.Load(opt, cacheDir(c), version)
	p.finish()
	if err != nil {
		return nil, withLoadHint(err)
	}
	if !quiet {
		if s := problemSummary(corpus); s != "" {
			fmt.Fprintln(stderr, s)
		}
	}
	return corpus, nil
}

// withLoadHint adds to a load error the flag that would fix it.
func withLoadHint(err error) error {
	var de *loader.DataError
	var ae *loader.AliasFileError
	switch {
	case errors.As(err, &de) && errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%w (give --data a file or folder of documents)", err)
	case errors.As(err, &ae):
		return fmt.Errorf("%w (give --aliases a CSV file of name,canonical rows)", err)
	}
	return err
}

// cacheDir returns the folder of careergraph's snapshot cache, or "" when
// --no-cache is given or the user has no cache folder.
func cacheDir(c *cli.Context) string {
	if c.Bool("no-cache") {
		return ""
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "careergraph")
}

// problemSummary is the one line every command prints about a corpus
// with problems: "2 documents could not be read, 3 warnings: run
// `careergraph check`".
func problemSummary(c *loader.Corpus) string {
	var parts []string
	if len(c.Skipped) > 0 {
		parts = append(parts, plural(len(c.Skipped), "document could not be read", "documents could not be read"))
	}
	if e := c.Errors() - len(c.Skipped); e > 0 {
		parts = append(parts, plural(e, "error", "errors"))
	}
	if w := c.Warnings(); w > 0 {
		parts = append(parts, plural(w, "warning", "warnings"))
	}
	if len(parts) == 0 {
		return ""
	}
	return "careergraph: " + joinComma(parts) + ": run `careergraph check` for the list"
}

// progress shows how far a long load has come, on a terminal only, once
// it has run for a second.
type progress struct {
	w     io.Writer
	start time.Time
	shown bool
}

func (p *progress) update(done, total int) {
	if time.Since(p.start) < time.Second {
		return
	}
	p.shown = true
	if done == total {
		fmt.Fprintf(p.w, "\r\033[Kread %d documents; resolving names…", total)
		return
	}
	fmt.Fprintf(p.w, "\rreading documents: %d/%d (%d%%)", done, total, done*100/max(total, 1))
}

func (p *progress) finish() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
