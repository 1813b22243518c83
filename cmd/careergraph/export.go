package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"careergraph/graph"
	"careergraph/graph/export"
	"careergraph/internal/outfile"
)

// exportOptions are the flags of export.
type exportOptions struct {
	format      string
	output      string
	gexfVersion string
	ladder      string
	around      string
	depth       int
	path        bool
	related     bool
	route       routeOptions
}

func exportCommand(global *globalOptions) *cli.Command {
	o := &exportOptions{}
	var known []string
	for _, f := range export.Formats() {
		known = append(known, f.Name)
	}
	flags := []cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "json", Usage: "one of " + strings.Join(known, ", "), Destination: &o.format},
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (a folder for csv) instead of standard output", Destination: &o.output},
		&cli.StringFlag{Name: "gexf-version", Value: export.DefaultGEXFVersion, Usage: "GEXF version: " + strings.Join(export.GEXFVersions(), " or "), Destination: &o.gexfVersion},
		&cli.StringFlag{Name: "ladder", Usage: "export only the career ladder of `ROLE`", Destination: &o.ladder},
		&cli.StringFlag{Name: "around", Usage: "export only the roles within --depth moves of `ROLE`", Destination: &o.around},
		&cli.IntFlag{Name: "depth", Usage: "with --around: roles up to `N` moves away (default 1); with --ladder: the N nearest rungs (default all)", Destination: &o.depth},
		&cli.BoolFlag{Name: "path", Usage: "export only the route(s) between the two roles given as arguments", Destination: &o.path},
		&cli.BoolFlag{Name: "related", Usage: "with --ladder: add the role's lateral moves", Destination: &o.related},
	}
	return &cli.Command{
		Name:      "export",
		Usage:     "write the graph (or a part of it) for Gephi, yEd, Cytoscape, NetworkX, Neo4j or Mermaid",
		ArgsUsage: "[--path FROM TO]",
		Flags:     append(flags, o.route.flags(true)...),
		Action: func(c *cli.Context) error {
			format, err := export.Lookup(o.format)
			if err != nil {
				return usagef("--format: %v", err)
			}
			if err := o.agree(c, format); err != nil {
				return err
			}
			corpus, err := loadCorpus(c, global, false)
			if err != nil {
				return err
			}
			g := corpus.Graph
			sel, err := o.selection(c, g)
			if err != nil {
				return err
			}
			if sel.Kind != "all" {
				g = g.Subgraph(sel)
			}
			w := answerWriter(c, false) // for "wrote FILE"; the export itself is written raw
			if format.IsDir() {
				files, err := writeDir(o.output, g, format)
				if err != nil {
					return err
				}
				fmt.Fprintf(w, "wrote %s\n", strings.Join(files, " and "))
				return nil
			}
			write := func(w io.Writer) error { return format.Write(w, g) }
			if format.Name == "gexf" {
				write = func(w io.Writer) error { return export.WriteGEXF(w, g, o.gexfVersion) }
			}
			if o.output == "" {
				return write(c.App.Writer)
			}
			if err := writeOutput("-o", o.output, write); err != nil {
				return err
			}
			fmt.Fprintf(w, "wrote %s\n", o.output)
			return nil
		},
	}
}

// agree checks the flags before anything is loaded. It refuses flags
// that would be silently ignored: route flags without --path, --depth
// without --around, --related without --ladder, --gexf-version with
// another format.
func (o *exportOptions) agree(c *cli.Context, format export.Format) error {
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
	if !slices.Contains(export.GEXFVersions(), o.gexfVersion) {
		return usagef("--gexf-version: unknown GEXF version %q (known: %s)", o.gexfVersion, strings.Join(export.GEXFVersions(), ", "))
	}
	if format.IsDir() && o.output == "" {
		return usagef("--format %s writes two files: give a folder with -o DIR", format.Name)
	}
	given := 0
	for _, f := range []string{"ladder", "around", "path"} {
		if c.IsSet(f) {
			given++
		}
	}
	if given > 1 {
		return usagef("give at most one of --ladder, --around and --path")
	}
	if !o.path && c.NArg() > 0 {
		return usagef("export takes no arguments unless --path FROM TO is given; got %q", c.Args().First())
	}
	switch {
	case o.path:
		return o.route.check(true)
	case c.IsSet("ladder"):
		return checkLadderDepth(o.depth)
	case c.IsSet("around") && o.depth < 0:
		return usagef("--depth %d: give 0 or more", o.depth)
	}
	return nil
}

// selection returns which part of the graph to export: --ladder,
// --around or --path; the whole graph when none is given.
func (o *exportOptions) selection(c *cli.Context, g *graph.Graph) (graph.Selection, error) {
	switch {
	case c.IsSet("ladder"):
		r, err := g.Resolve(o.ladder)
		if err != nil {
			return graph.Selection{}, fmt.Errorf("--ladder: %w", err)
		}
		return g.SelectLadder(r.ID, o.depth, o.related)
	case c.IsSet("around"):
		r, err := g.Resolve(o.around)
		if err != nil {
			return graph.Selection{}, fmt.Errorf("--around: %w", err)
		}
		depth := 1
		if c.IsSet("depth") {
			depth = o.depth
		}
		return g.SelectAround(r.ID, depth)
	case o.path:
		return selectPath(c, g, &o.route)
	}
	return g.SelectAll(), nil
}

// selectPath selects the routes between the FROM and TO arguments with
// the route flags, checked already.
func selectPath(c *cli.Context, g *graph.Graph, o *routeOptions) (graph.Selection, error) {
	from, to, err := twoRoles(c, g)
	if err != nil {
		return graph.Selection{}, err
	}
	opt, err := o.pathOptions(g)
	if err != nil {
		return graph.Selection{}, err
	}
	sel, err := g.SelectPath(from.ID, to.ID, o.k, opt)
	return sel, noRoute(err, opt)
}

// csvFiles are the files export --format csv writes into its folder.
var csvFiles = []string{export.RolesFile, export.MovesFile}

// writeDir writes a format of several files (csv) into the folder dir:
// into a temporary folder beside them first, then each file renamed onto
// its target by outfile's rules. An export that fails or is interrupted
// leaves the previous files as they were. It returns the files written.
func writeDir(dir string, g *graph.Graph, format export.Format) ([]string, error) {
	var files []string
	for _, f := range csvFiles {
		name := filepath.Join(dir, f)
		if err := outfile.Check(name); err != nil {
			return nil, &outputError{flag: "-o", name: name, err: err}
		}
		files = append(files, name)
	}
	tmp, done, err := outfile.TempDir(dir)
	if err != nil {
		return nil, &outputError{flag: "-o", name: dir, err: err}
	}
	defer done()
	if err := format.Dir(tmp, g); err != nil {
		return nil, &outputError{flag: "-o", name: dir, err: &outfile.Error{Op: "write", Path: dir, Err: unwrapPath(err)}}
	}
	for i, f := range csvFiles {
		if err := outfile.Move(filepath.Join(tmp, f), files[i]); err != nil {
			return nil, &outputError{flag: "-o", name: files[i], err: err}
		}
	}
	return files, nil
}
