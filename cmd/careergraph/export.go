package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"careergraph/graph"
	"careergraph/graph/export"
)

func exportCommand() *cli.Command {
	var known []string
	for _, f := range export.Formats() {
		known = append(known, f.Name)
	}
	flags := []cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "json", Usage: "one of " + strings.Join(known, ", ")},
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (a folder for csv) instead of standard output"},
		&cli.StringFlag{Name: "gexf-version", Value: export.DefaultGEXFVersion, Usage: "GEXF version: " + strings.Join(export.GEXFVersions(), " or ")},
		&cli.StringFlag{Name: "ladder", Usage: "export only the career ladder of `ROLE`"},
		&cli.StringFlag{Name: "around", Usage: "export only the roles within --depth moves of `ROLE`"},
		&cli.IntFlag{Name: "depth", Usage: "with --around: roles up to `N` moves away (default 1); with --ladder: the N nearest rungs (default all)"},
		&cli.BoolFlag{Name: "path", Usage: "export only the route(s) between the two roles given as arguments"},
		&cli.BoolFlag{Name: "related", Usage: "with --ladder: add the role's lateral moves"},
	}
	return &cli.Command{
		Name:      "export",
		Usage:     "write the graph (or a part of it) for Gephi, yEd, Cytoscape, NetworkX, Neo4j or Mermaid",
		ArgsUsage: "[--path FROM TO]",
		Flags:     append(flags, pathFlags(true)...),
		Action: func(c *cli.Context) error {
			format, err := export.Lookup(c.String("format"))
			if err != nil {
				return usagef("--format: %v", err)
			}
			if err := exportFlagsAgree(c, format); err != nil {
				return err
			}
			corpus, err := loadCorpus(c, false)
			if err != nil {
				return err
			}
			g := corpus.Graph
			sel, err := exportSelection(c, g)
			if err != nil {
				return err
			}
			if sel.Kind != "all" {
				g = g.Subgraph(sel)
			}
			out := c.String("output")
			if format.IsDir() {
				if out == "" {
					return usagef("--format %s writes two files: give a folder with -o DIR", format.Name)
				}
				create := func(name string) (io.WriteCloser, error) { return os.Create(filepath.Join(out, name)) }
				err := os.MkdirAll(out, 0o755)
				if err == nil {
					err = format.Dir(create, g)
				}
				if err != nil {
					return fmt.Errorf("-o %s: %w (choose another -o)", out, unwrapPathErr(err))
				}
				fmt.Fprintf(c.App.Writer, "wrote %s and %s\n", filepath.Join(out, export.RolesFile), filepath.Join(out, export.MovesFile))
				return nil
			}
			write := format.Write
			if format.Name == "gexf" {
				version := c.String("gexf-version")
				write = func(w io.Writer, g *graph.Graph) error {
					if err := export.WriteGEXF(w, g, version); err != nil {
						return usagef("--gexf-version: %v", err)
					}
					return nil
				}
			}
			if out == "" {
				err = write(c.App.Writer, g)
			} else {
				err = writeFile(out, func(w io.Writer) error { return write(w, g) })
			}
			if tl := (*export.TooLargeError)(nil); errors.As(err, &tl) {
				return fmt.Errorf("%w: export a smaller selection (--ladder, --around --depth, --path --k) or use another format", err)
			}
			if err != nil || out == "" {
				return err
			}
			fmt.Fprintf(c.App.Writer, "wrote %s\n", out)
			return nil
		},
	}
}

// exportFlagsAgree refuses flags that would be silently ignored: route
// flags without --path, --depth without --around, --related without
// --ladder, --gexf-version with another format.
func exportFlagsAgree(c *cli.Context, format export.Format) error {
	needs := []struct{ flag, needs string }{
		{"k", "path"}, {"avoid", "path"}, {"no-lateral", "path"}, {"lateral-cost", "path"},
		{"related", "ladder"},
	}
	for _, n := range needs {
		if c.IsSet(n.flag) && !c.IsSet(n.needs) {
			return usagef("--%s goes with --%s", n.flag, n.needs)
		}
	}
	if c.IsSet("depth") && !c.IsSet("around") && !c.IsSet("ladder") {
		return usagef("--depth goes with --around or --ladder")
	}
	if c.IsSet("gexf-version") && format.Name != "gexf" {
		return usagef("--gexf-version goes with --format gexf")
	}
	return nil
}

// exportSelection reads which part of the graph to export: --ladder,
// --around or --path; the whole graph when none is given.
func exportSelection(c *cli.Context, g *graph.Graph) (graph.Selection, error) {
	given := 0
	for _, f := range []string{"ladder", "around", "path"} {
		if c.IsSet(f) {
			given++
		}
	}
	if given > 1 {
		return graph.Selection{}, usagef("give at most one of --ladder, --around and --path")
	}
	if !c.Bool("path") && c.NArg() > 0 {
		return graph.Selection{}, usagef("export takes no arguments unless --path FROM TO is given; got %q", c.Args().First())
	}
	switch {
	case c.IsSet("ladder"):
		r, err := g.Resolve(c.String("ladder"))
		if err != nil {
			return graph.Selection{}, fmt.Errorf("--ladder: %w", err)
		}
		depth, err := ladderDepth(c)
		if err != nil {
			return graph.Selection{}, err
		}
		return g.SelectLadder(r.ID, depth, c.Bool("related"))
	case c.IsSet("around"):
		r, err := g.Resolve(c.String("around"))
		if err != nil {
			return graph.Selection{}, fmt.Errorf("--around: %w", err)
		}
		depth := 1
		if c.IsSet("depth") {
			depth = c.Int("depth")
		}
		return selectAround(g, r, depth)
	case c.Bool("path"):
		return selectPath(c, g)
	}
	return g.SelectAll(), nil
}

func selectAround(g *graph.Graph, r graph.Role, depth int) (graph.Selection, error) {
	if depth < 0 {
		return graph.Selection{}, usagef("--depth %d: give 0 or more", depth)
	}
	return g.SelectAround(r.ID, depth)
}

// selectPath selects the routes between the FROM and TO arguments with
// the route flags.
func selectPath(c *cli.Context, g *graph.Graph) (graph.Selection, error) {
	from, to, err := twoRoles(c, g)
	if err != nil {
		return graph.Selection{}, err
	}
	opt, err := pathOptions(c, g)
	if err != nil {
		return graph.Selection{}, err
	}
	k, err := routeCount(c)
	if err != nil {
		return graph.Selection{}, err
	}
	sel, err := g.SelectPath(from.ID, to.ID, k, opt)
	return sel, noRoute(err, opt)
}

// writeFile writes a file through a temporary file beside it, renamed
// into place only when everything was written: a failed write leaves an
// existing file as it was. Errors name the file and say what to do.
func writeFile(name string, write func(io.Writer) error) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("-o %s: cannot create the folder: %w (choose another -o)", name, unwrapPathErr(err))
	}
	if info, err := os.Stat(name); err == nil && !info.Mode().IsRegular() {
		return fmt.Errorf("-o %s: not a regular file (choose another -o)", name)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(name)+".*")
	if err != nil {
		return fmt.Errorf("-o %s: cannot write: %w (choose another -o)", name, unwrapPathErr(err))
	}
	defer os.Remove(f.Name()) // a no-op once renamed
	w := bufio.NewWriter(f)
	if err := write(w); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("-o %s: %w", name, unwrapPathErr(err))
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("-o %s: %w", name, unwrapPathErr(err))
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return fmt.Errorf("-o %s: %w", name, unwrapPathErr(err))
	}
	if err := os.Rename(f.Name(), name); err != nil {
		return fmt.Errorf("-o %s: %w (choose another -o)", name, unwrapPathErr(err))
	}
	return nil
}

func unwrapPathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
