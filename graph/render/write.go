package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"

	"careergraph/graph"
)

// ErrNoDot is wrapped by Write's error for a format that needs the system
// Graphviz dot program when none is on the PATH.
var ErrNoDot = errors.New("graphviz dot program not found")

// installHint says how to get the system Graphviz.
const installHint = "install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz)"

// pngDPI is the resolution PNGs are drawn at: sharp enough to print.
const pngDPI = "150"

// Formats returns the formats Write knows, sorted: "dot", "pdf", "png",
// "svg".
func Formats() []string { return []string{"dot", "pdf", "png", "svg"} }

// Write renders the selection in the format named by a file extension,
// with or without its dot, in any case: "dot" writes DOT, "svg" renders
// with the embedded Graphviz (see SVG), "png" and "pdf" run the system's
// Graphviz dot program with our DOT on its standard input. Where dot is
// missing the error wraps ErrNoDot and says how to install it. Other
// errors: an unknown format (the message lists the known ones), DOT's,
// SVG's, dot's own (with what it printed) and the writer's.
func Write(ctx context.Context, w io.Writer, format string, g *graph.Graph, sel graph.Selection, opt Options) error {
	f := strings.ToLower(strings.TrimPrefix(format, "."))
	switch f {
	case "dot":
		return DOT(w, g, sel, opt)
	case "svg":
		return SVG(ctx, w, g, sel, opt)
	case "png", "pdf":
		return runDot(ctx, w, f, g, sel, opt)
	}
	return fmt.Errorf("render: format %q: unknown (known: %s)", format, strings.Join(Formats(), ", "))
}

// runDot pipes our DOT through the system dot. Its output is buffered so
// that a failing run writes nothing.
func runDot(ctx context.Context, w io.Writer, format string, g *graph.Graph, sel graph.Selection, opt Options) error {
	path, err := exec.LookPath("dot")
	if err != nil {
		return fmt.Errorf("render %s: needs the Graphviz dot program; %s: %w", format, installHint, ErrNoDot)
	}
	var src bytes.Buffer
	if err := DOT(&src, g, sel, opt); err != nil {
		return err
	}
	args := []string{"-T" + format}
	if format == "png" {
		args = append(args, "-Gdpi="+pngDPI)
	}
	cmd := exec.CommandContext(ctx, path, args...)
	var out, stderr bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = &src, &out, &stderr
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return fmt.Errorf("render %s: %s: %s: %w", format, path, msg, err)
		}
		return fmt.Errorf("render %s: %s: %w", format, path, err)
	}
	_, err = w.Write(out.Bytes())
	return err
}
