package render

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"careergraph/graph"
)

func TestFormats(t *testing.T) {
	got := Formats()
	if want := []string{"dot", "pdf", "png", "svg"}; !slices.Equal(got, want) {
		t.Errorf("Formats() = %q; want %q", got, want)
	}
	got[0] = "changed"
	if Formats()[0] != "dot" {
		t.Error("Formats shares its slice with callers")
	}
}

func TestWrite(t *testing.T) {
	f := ladderFixture(t)
	ctx := context.Background()
	var dot bytes.Buffer
	if err := DOT(&dot, f.g, f.sel, f.opt); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"dot", ".dot", "DOT"} {
		var buf bytes.Buffer
		if err := Write(ctx, &buf, format, f.g, f.sel, f.opt); err != nil {
			t.Fatalf("Write(%q): %v", format, err)
		}
		if buf.String() != dot.String() {
			t.Errorf("Write(%q) differs from DOT", format)
		}
	}
	for _, format := range []string{"svg", ".SVG"} {
		var buf bytes.Buffer
		if err := Write(ctx, &buf, format, f.g, f.sel, f.opt); err != nil {
			t.Fatalf("Write(%q): %v", format, err)
		}
		checkPicture(t, f, parseSVG(t, buf.Bytes()))
	}
	var buf bytes.Buffer
	err := Write(ctx, &buf, "gif", f.g, f.sel, f.opt)
	if err == nil || !strings.Contains(err.Error(), "dot, pdf, png, svg") {
		t.Errorf(`Write("gif") = %v; want an error listing the known formats`, err)
	}
}

func TestWriteSystemDot(t *testing.T) {
	needDot(t)
	f := ladderFixture(t)
	for format, magic := range map[string]string{"png": "\x89PNG\r\n", "pdf": "%PDF-"} {
		var buf bytes.Buffer
		if err := Write(context.Background(), &buf, format, f.g, f.sel, f.opt); err != nil {
			t.Fatalf("Write(%q): %v", format, err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte(magic)) {
			t.Errorf("Write(%q) wrote %q…; want a %s file", format, buf.Bytes()[:min(8, buf.Len())], format)
		}
	}
}

func TestWriteNoDot(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	f := ladderFixture(t)
	for _, format := range []string{"png", "pdf"} {
		var buf bytes.Buffer
		err := Write(context.Background(), &buf, format, f.g, f.sel, f.opt)
		if !errors.Is(err, ErrNoDot) {
			t.Fatalf("Write(%q) without dot = %v; want ErrNoDot", format, err)
		}
		for _, hint := range []string{"apt-get install graphviz", "brew install graphviz"} {
			if !strings.Contains(err.Error(), hint) {
				t.Errorf("Write(%q) error %q does not say %q", format, err, hint)
			}
		}
		if buf.Len() > 0 {
			t.Errorf("Write(%q) without dot wrote %d bytes", format, buf.Len())
		}
	}
	// SVG needs no system Graphviz.
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, "svg", f.g, f.sel, f.opt); err != nil {
		t.Errorf(`Write("svg") without dot: %v`, err)
	}
}

func TestDOTErrors(t *testing.T) {
	f := ladderFixture(t)
	var buf bytes.Buffer
	if err := DOT(&buf, f.g, f.sel, Options{Direction: "up"}); err == nil || !strings.Contains(err.Error(), "BT, TB, LR, RL") {
		t.Errorf(`DOT(Direction "up") = %v; want an error listing the directions`, err)
	}
	for _, dir := range []string{"", "BT", "tb", "LR", "RL"} {
		if err := DOT(&buf, f.g, f.sel, Options{Direction: dir}); err != nil {
			t.Errorf("DOT(Direction %q) = %v", dir, err)
		}
	}
	sel := f.sel
	sel.Roles = append(slices.Clone(sel.Roles), "no-such-role")
	if err := DOT(&buf, f.g, sel, Options{}); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("DOT(unknown role) = %v; want graph.ErrNotFound", err)
	}
	sel = f.sel
	sel.Roles = sel.Roles[1:]
	buf.Reset()
	if err := DOT(&buf, f.g, sel, Options{}); err == nil || buf.Len() > 0 {
		t.Errorf("DOT(move to a role outside the selection) = %v and wrote %d bytes; want an error and nothing", err, buf.Len())
	}
}

func TestDOTEmpty(t *testing.T) {
	f := ladderFixture(t)
	var buf bytes.Buffer
	if err := SVG(context.Background(), &buf, f.g, graph.Selection{}, Options{}); err != nil {
		t.Fatalf("SVG(empty selection): %v", err)
	}
	if doc := parseSVG(t, buf.Bytes()); len(doc.nodes) != 0 {
		t.Errorf("empty selection drew %d nodes", len(doc.nodes))
	}
}
