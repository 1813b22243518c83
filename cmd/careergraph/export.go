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
		&cli.IntFlag{Name: "depth", Value: 1, Usage: "with --around: how many moves away"},
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
				if err := format.Dir(out, g); err != nil {
					return fmt.Errorf("-o %s: %w", out, err)
				}
				fmt.Fprintf(c.App.Writer, "wrote %s and %s\n", filepath.Join(out, export.RolesFile), filepath.Join(out, export.MovesFile))
				return nil
			}
			write := format.Write
			if format.Name == "gexf" {
				version := c.String("gexf-version")
				write = func(w io.Writer, g *graph.Graph) error { return export.WriteGEXF(w, g, version) }
			}
			if out == "" {
				return write(c.App.Writer, g)
			}
			if err := writeFile(out, func(w io.Writer) error { return write(w, g) }); err != nil {
				return err
			}
			fmt.Fprintf(c.App.Writer, "wrote %s\n", out)
			return nil
		},
	}
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
		r, err := resolveRole(g, c.String("ladder"))
		if err != nil {
			return graph.Selection{}, fmt.Errorf("--ladder: %w", err)
		}
		return g.SelectLadder(r.ID, c.Bool("related"))
	case c.IsSet("around"):
		r, err := resolveRole(g, c.String("around"))
		if err != nil {
			return graph.Selection{}, fmt.Errorf("--around: %w", err)
		}
		return selectAround(g, r, c.Int("depth"))
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
	k := c.Int("k")
	if k < 1 {
		return graph.Selection{}, usagef("--k %d: give a whole number of at least 1", k)
	}
	return g.SelectPath(from.ID, to.ID, k, opt)
}

// writeFile writes a file through a buffer, creating its folder, and
// names the file in any error.
func writeFile(name string, write func(io.Writer) error) (err error) {
	if dir := filepath.Dir(name); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("-o %s: cannot create the folder: %w (choose another -o)", name, unwrapPathErr(err))
		}
	}
	f, err := os.Create(name)
	if err != nil {
		return fmt.Errorf("-o %s: cannot write: %w (choose another -o)", name, unwrapPathErr(err))
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("-o %s: %w", name, cerr)
		}
		if err != nil {
			os.Remove(name)
		}
	}()
	w := bufio.NewWriter(f)
	if err := write(w); err != nil {
		return err
	}
	return w.Flush()
}

func unwrapPathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
