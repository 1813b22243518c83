package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"careergraph/graph"
	"careergraph/loader"
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
		Writer:          stdout,
		ErrWriter:       stderr,
		HideHelpCommand: true,
		Suggest:         true,
		Flags:           globalFlags(),
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
			return usagef("%v (see careergraph %s --help)", err, commandName(c))
		},
		ExitErrHandler: func(*cli.Context, error) {}, // only main exits
	}
	for _, cmd := range app.Commands {
		cmd.OnUsageError = app.OnUsageError
	}
	return app
}

func commandName(c *cli.Context) string {
	if c != nil && c.Command != nil && c.Command.Name != "" {
		return c.Command.FullName()
	}
	return ""
}

// run runs the app on argv, with flags allowed anywhere.
func run(app *cli.App, argv []string) error {
	if name := unknownCommand(app, argv); name != "" {
		return usagef("unknown command %q (see careergraph --help)", name)
	}
	return app.Run(reorderArgs(app, argv))
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
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p := &progress{w: stderr, start: time.Now()}
		opt.Progress = p.update
		defer p.finish()
	}
	corpus, _, err := loader.LoadCached(opt, cacheDir(c), version)
	if err != nil {
		return nil, err
	}
	if !quiet {
		if s := problemSummary(corpus); s != "" {
			fmt.Fprintln(stderr, s)
		}
	}
	return corpus, nil
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
	if c.Broken > 0 {
		parts = append(parts, plural(c.Broken, "document could not be read", "documents could not be read"))
	}
	if e := c.Errors() - c.Broken; e > 0 {
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
	fmt.Fprintf(p.w, "\rreading documents: %d/%d (%d%%)", done, total, done*100/max(total, 1))
}

func (p *progress) finish() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// resolveRole resolves a ROLE argument to a role of the graph.
func resolveRole(g *graph.Graph, arg string) (graph.Role, error) {
	return g.Resolve(arg)
}
