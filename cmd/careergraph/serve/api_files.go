package serve

// Downloads and diagrams: selections of the graph written by the
// exports and drawn by the renderer.

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"careergraph/graph"
	"careergraph/graph/export"
	"careergraph/graph/render"
)

// selection reads which part of the graph an export or a diagram is of.
// Export names it by ladder=, around= or path_from= and path_to=; a
// diagram by its kind and role= or from= and to=.
type selParams struct {
	kind           string // graph.Selection* kinds
	role, from, to string // parameter names
}

func (q query) selection(p selParams) (graph.Selection, string, error) {
	switch p.kind {
	case graph.SelectionLadder:
		r, err := q.role(p.role, false)
		if err != nil {
			return graph.Selection{}, "", err
		}
		depth, err := q.int("depth", 0, 0, MaxLadderDepth)
		if err != nil {
			return graph.Selection{}, "", err
		}
		related, err := q.bool("related")
		if err != nil {
			return graph.Selection{}, "", err
		}
		sel, err := q.g.SelectLadder(r.ID, depth, related)
		return sel, r.ID + "-ladder", roleError(p.role, err)
	case graph.SelectionAround:
		r, err := q.role(p.role, false)
		if err != nil {
			return graph.Selection{}, "", err
		}
		depth, err := q.int("depth", 1, 0, MaxAroundDepth)
		if err != nil {
			return graph.Selection{}, "", err
		}
		sel, err := q.g.SelectAround(r.ID, depth)
		return sel, r.ID + "-around", roleError(p.role, err)
	case graph.SelectionPath:
		from, to, err := q.ends(p.from, p.to)
		if err != nil {
			return graph.Selection{}, "", err
		}
		k, err := q.int("k", 1, 1, MaxK)
		if err != nil {
			return graph.Selection{}, "", err
		}
		opt, err := q.pathOptions()
		if err != nil {
			return graph.Selection{}, "", err
		}
		sel, err := q.g.SelectPath(from.ID, to.ID, k, opt)
		if errors.Is(err, graph.ErrNoPath) {
			return sel, "", &apiError{status: http.StatusNotFound, msg: noRouteReason(err, opt)}
		}
		if err != nil {
			return sel, "", routeError(err)
		}
		return sel, from.ID + "-to-" + to.ID + "-path", nil
	}
	return q.g.SelectAll(), "careergraph", nil
}

// export writes the graph, or the part of it that ladder=, around= or
// path_from= and path_to= select, in format= as a download.
func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	snap := s.cur.Load()
	q, err := routeGraph(snap, r)
	if err != nil {
		s.writeErr(w, r, err)
		return
	}
	name := r.URL.Query().Get("format")
	if name == "" {
		name = "json"
	}
	format, err := export.Lookup(name)
	if err != nil {
		s.writeErr(w, r, badParam("format", "%v", err))
		return
	}
	p := selParams{kind: graph.SelectionAll, role: "", from: "path_from", to: "path_to"}
	given := 0
	for _, k := range []struct{ param, kind string }{{"ladder", graph.SelectionLadder}, {"around", graph.SelectionAround}, {"path_from", graph.SelectionPath}, {"path_to", graph.SelectionPath}} {
		if r.URL.Query().Has(k.param) {
			if p.kind != k.kind {
				given++
			}
			p.kind, p.role = k.kind, k.param
		}
	}
	if given > 1 {
		s.writeErr(w, r, badParam("ladder", "give at most one of ladder, around and path_from with path_to"))
		return
	}
	sel, base, err := q.selection(p)
	if err != nil {
		s.writeErr(w, r, err)
		return
	}
	g := q.g
	if sel.Kind != graph.SelectionAll {
		g = g.Subgraph(sel)
	}
	ext := format.Ext
	ctype := exportType(format.Name)
	if format.IsDir() {
		ext, ctype = ".zip", "application/zip"
	}
	d := &download{w: w, header: func(h http.Header) {
		h.Set("Content-Type", ctype)
		h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", safeFileName(base)+ext))
		h.Set("Cache-Control", "no-store")
	}}
	if format.IsDir() {
		err = writeCSVZip(d, g)
	} else {
		err = format.Write(d, g)
	}
	if !d.finish(err) {
		return
	}
	var tooLarge *export.TooLargeError
	if errors.As(err, &tooLarge) || errors.Is(err, export.ErrTooLarge) {
		s.writeErr(w, r, badParam("format", "%v", err))
		return
	}
	s.writeErr(w, r, err)
}

func exportType(format string) string {
	switch format {
	case "json", "cytoscape":
		return "application/json; charset=utf-8"
	case "graphml", "gexf":
		return "application/xml; charset=utf-8"
	}
	return "text/plain; charset=utf-8"
}

// safeFileName keeps letters, digits, dots and hyphens of a role-ID-based
// name for Content-Disposition.
func safeFileName(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			b.WriteRune(c)
		} else if c >= 0x80 {
			b.WriteRune('_')
		}
	}
	if b.Len() == 0 || len(b.String()) > 120 {
		return "careergraph"
	}
	return b.String()
}

// diagram draws a ladder, neighbourhood, route or the whole graph as
// render does, from the cache when the same question was drawn on the
// same graph.
func (s *Server) diagram(w http.ResponseWriter, r *http.Request) {
	snap := s.cur.Load()
	q, err := routeGraph(snap, r)
	if err != nil {
		s.writeErr(w, r, err)
		return
	}
	var p selParams
	switch kind := r.PathValue("kind"); kind {
	case graph.SelectionLadder, graph.SelectionAround:
		p = selParams{kind: kind, role: "role"}
	case graph.SelectionPath:
		p = selParams{kind: kind, from: "from", to: "to"}
	case graph.SelectionAll:
		p = selParams{kind: kind}
	default:
		s.writeErr(w, r, &apiError{status: http.StatusNotFound, msg: fmt.Sprintf("diagram %q: give ladder, around, path or all", kind)})
		return
	}
	reading, err := q.bool("reading")
	if err != nil {
		s.writeErr(w, r, err)
		return
	}
	sel, _, err := q.selection(p)
	if err != nil {
		s.writeErr(w, r, err)
		return
	}
	if len(sel.Roles) > MaxDiagramRoles {
		s.writeErr(w, r, diagramTooLarge(p.kind, fmt.Sprintf("%d roles, more than the %d", len(sel.Roles), MaxDiagramRoles)))
		return
	}
	opt := render.Options{Reading: reading}
	similar := q.g != snap.corpus.Graph
	key := fmt.Sprintf("%d|%s|%t|%t|%s|%v|%v", snap.gen, sel.Kind, reading, similar, strings.Join(sel.Roles, ","), sel.Focus, routesKey(sel.Routes))
	svg, ok := s.cache.lookup(key)
	if !ok {
		// Counted before the picture is first drawn, not each time it
		// is served: none for a neighbourhood placed in rings
		// (render.LayoutMoves).
		moves, err := render.LayoutMoves(q.g, sel, opt)
		if err == nil && moves > MaxDiagramMoves {
			err = diagramTooLarge(p.kind, fmt.Sprintf("%d moves, more than the %d", moves, MaxDiagramMoves))
		}
		if err != nil {
			s.writeErr(w, r, err)
			return
		}
		svg, err = s.cache.get(key, func() ([]byte, error) {
			var b bytes.Buffer
			err := render.SVG(r.Context(), &b, q.g, sel, opt)
			return b.Bytes(), err
		})
		if err != nil {
			s.writeErr(w, r, err)
			return
		}
	}
	h := w.Header()
	h.Set("Content-Type", "image/svg+xml")
	// Opened on its own, the picture runs nothing and loads nothing.
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Careergraph-Generation", strconv.FormatUint(snap.gen, 10))
	w.Write(svg)
}

// diagramTooLarge is the answer to a diagram of a selection of kind that
// would have size ("N moves, more than the M"), with the parameter to
// change and what to do.
func diagramTooLarge(kind, size string) error {
	param, hint := "depth: ", "lower depth"
	switch kind {
	case graph.SelectionPath:
		param, hint = "k: ", "lower k"
	case graph.SelectionAll:
		param, hint = "", "draw a part: a ladder, a neighbourhood or a route"
	}
	return &apiError{status: http.StatusBadRequest,
		msg: fmt.Sprintf("%sthe diagram would have %s that can be laid out quickly: %s", param, size, hint)}
}

func routesKey(routes []graph.Route) string {
	var b strings.Builder
	for _, r := range routes {
		for _, id := range r.Roles() {
			b.WriteString(id)
			b.WriteByte(' ')
		}
		b.WriteByte(';')
	}
	return b.String()
}
