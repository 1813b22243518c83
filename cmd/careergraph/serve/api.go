package serve

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"careergraph/cmd/careergraph/internal/wire"
	"careergraph/graph"
	"careergraph/graph/export"
	"careergraph/graph/render"
)

// Limits on what one request may ask, answered with 400 beyond them.
const (
	MaxK            = 20  // routes per path question
	MaxAroundDepth  = 5   // neighbourhood depth
	MaxLadderDepth  = 50  // ladder rungs each way (0: all)
	MaxDiagramRoles = 300 // roles in one diagram, as render's default --max-roles
	MaxAvoid        = 50  // roles to avoid
	MaxQueryLen     = 200 // characters of a search or a role name
	MaxFilters      = 20  // content filters of one roles search
)

func (s *Server) routes() *http.ServeMux {
	m := http.NewServeMux()
	m.HandleFunc("GET /api/roles", s.api(s.roles))
	m.HandleFunc("GET /api/roles/{role}", s.api(s.show))
	m.HandleFunc("GET /api/path", s.api(s.path))
	m.HandleFunc("GET /api/reach/{role}", s.api(s.reach))
	m.HandleFunc("GET /api/ladder/{role}", s.api(s.ladder))
	m.HandleFunc("GET /api/gap", s.api(s.gap))
	m.HandleFunc("GET /api/similar/{role}", s.api(s.similar))
	m.HandleFunc("GET /api/vocabulary/{field}", s.api(s.vocabulary))
	m.HandleFunc("GET /api/stats", s.api(s.stats))
	m.HandleFunc("GET /api/check", s.api(s.check))
	m.HandleFunc("GET /api/status", s.api(s.status))
	m.HandleFunc("GET /api/export", s.export)
	m.HandleFunc("GET /api/formats", s.api(s.formats))
	m.HandleFunc("GET /api/diagram/{kind}", s.diagram)
	m.HandleFunc("GET /api/events", s.serveEvents)
	m.HandleFunc("GET /api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such API endpoint: "+r.URL.Path, nil)
	})
	s.pageRoutes(m)
	return m
}

// apiError is an answer that is not one: its status and what to say.
type apiError struct {
	status     int
	msg        string
	candidates []string
}

func (e *apiError) Error() string { return e.msg }

func badParam(name, format string, args ...any) error {
	return &apiError{status: http.StatusBadRequest, msg: name + ": " + fmt.Sprintf(format, args...)}
}

// roleError turns a resolution error for parameter param into the
// answer: 404 with suggestions for an unknown name, 400 with candidates
// for an ambiguous one.
func roleError(param string, err error) error {
	var nf *graph.NotFoundError
	var amb *graph.AmbiguousError
	switch {
	case errors.As(err, &nf):
		return &apiError{http.StatusNotFound, param + ": " + err.Error(), emptyIfNil(nf.Suggestions)}
	case errors.As(err, &amb):
		return &apiError{http.StatusBadRequest, param + ": " + err.Error(), emptyIfNil(amb.Candidates)}
	case errors.Is(err, graph.ErrNotFound):
		return &apiError{http.StatusNotFound, param + ": " + err.Error(), []string{}}
	case errors.Is(err, graph.ErrBadOption):
		return &apiError{http.StatusBadRequest, param + ": " + err.Error(), nil}
	}
	return err
}

type errorJSON struct {
	Error      string   `json:"error"`
	Candidates []string `json:"candidates"`
}

func writeError(w http.ResponseWriter, status int, msg string, candidates []string) {
	w.Header().Set("Cache-Control", "no-store")
	writeJSONStatus(w, status, errorJSON{Error: msg, Candidates: emptyIfNil(candidates)})
}

// writeJSONStatus writes v as --json prints it: indented by two spaces,
// HTML characters unescaped (the type and nosniff keep browsers from
// reading it as HTML), one trailing newline.
func writeJSONStatus(w http.ResponseWriter, status int, v any) {
	var b bytes.Buffer
	if err := wire.Write(&b, v); err != nil {
		status = http.StatusInternalServerError
		b.Reset()
		fmt.Fprintf(&b, "{\"error\": %q, \"candidates\": []}\n", "encoding the answer: "+err.Error())
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// api adapts an answering function to a handler: it runs on the current
// snapshot and turns errors into JSON errors with their status.
func (s *Server) api(f func(*snapshot, *http.Request) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		snap := s.cur.Load()
		v, err := f(snap, r)
		if err != nil {
			s.writeErr(w, r, err)
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("X-Careergraph-Generation", strconv.FormatUint(snap.gen, 10))
		writeJSONStatus(w, http.StatusOK, v)
	}
}

func (s *Server) writeErr(w http.ResponseWriter, r *http.Request, err error) {
	var ae *apiError
	if errors.As(err, &ae) {
		writeError(w, ae.status, ae.msg, ae.candidates)
		return
	}
	if r.Context().Err() != nil {
		return // the client went away
	}
	s.logf("%s: %v", r.URL.Path, err)
	writeError(w, http.StatusInternalServerError, err.Error(), nil)
}

// query reads request parameters, checking them as it goes.
type query struct {
	r *http.Request
	g *graph.Graph
}

func (q query) str(name string) (string, error) {
	v := q.r.URL.Query().Get(name)
	if len([]rune(v)) > MaxQueryLen {
		return "", badParam(name, "longer than %d characters", MaxQueryLen)
	}
	return v, nil
}

// intParam reads an integer parameter in [lo, hi], def when absent.
func (q query) int(name string, def, lo, hi int) (int, error) {
	v := q.r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, badParam(name, "%q: give a whole number from %d to %d", v, lo, hi)
	}
	return n, nil
}

// bool reads a flag parameter: absent, "", "0" or "false" is false;
// "1", "true" or "on" is true.
func (q query) bool(name string) (bool, error) {
	vals, ok := q.r.URL.Query()[name]
	if !ok {
		return false, nil
	}
	switch strings.ToLower(vals[len(vals)-1]) {
	case "1", "true", "on", "yes", "": // a bare ?no_lateral is set, as a flag is
		return true, nil
	case "0", "false", "off", "no":
		return false, nil
	}
	return false, badParam(name, "%q: give true or false", vals[len(vals)-1])
}

// role resolves parameter name (or, when fromPath, the path value) as the
// command line resolves a role argument.
func (q query) role(name string, fromPath bool) (graph.Role, error) {
	found, err := q.lookup(name, fromPath)
	return found.Role, err
}

// lookup is role, also saying by which of its names the role was found.
func (q query) lookup(name string, fromPath bool) (graph.Resolved, error) {
	var v string
	if fromPath {
		v = q.r.PathValue(name)
	} else {
		v = q.r.URL.Query().Get(name)
	}
	if strings.TrimSpace(v) == "" {
		return graph.Resolved{}, badParam(name, "give a role (its id or any name)")
	}
	if len([]rune(v)) > MaxQueryLen {
		return graph.Resolved{}, badParam(name, "longer than %d characters", MaxQueryLen)
	}
	found, err := q.g.Lookup(v)
	if err != nil {
		return found, roleError(name, err)
	}
	return found, nil
}

// pathOptions reads avoid, no_lateral and lateral_cost.
func (q query) pathOptions() (graph.PathOptions, error) {
	var opt graph.PathOptions
	var err error
	if opt.CareerOnly, err = q.bool("no_lateral"); err != nil {
		return opt, err
	}
	if opt.LateralCost, err = q.int("lateral_cost", graph.DefaultLateralCost, 1, graph.MaxLateralCost); err != nil {
		return opt, err
	}
	avoid := q.r.URL.Query()["avoid"]
	if len(avoid) > MaxAvoid {
		return opt, badParam("avoid", "at most %d roles", MaxAvoid)
	}
	for _, a := range avoid {
		if strings.TrimSpace(a) == "" {
			continue
		}
		r, err := q.g.Resolve(a)
		if err != nil {
			return opt, roleError("avoid", err)
		}
		opt.Avoid = append(opt.Avoid, r.ID)
	}
	return opt, nil
}

// ends reads the from and to parameters (or path_from and path_to).
func (q query) ends(fromName, toName string) (from, to graph.Role, err error) {
	if from, err = q.role(fromName, false); err != nil {
		return from, to, err
	}
	to, err = q.role(toName, false)
	return from, to, err
}

// routeError turns an error of a route search other than "no route"
// into the answer. With both ends and k checked before the search, what
// is left is the options: avoiding an end.
func routeError(err error) error {
	return &apiError{status: http.StatusBadRequest, msg: "avoid: " + err.Error()}
}

// noRouteReason says why a search found nothing and what to try.
func noRouteReason(err error, opt graph.PathOptions) string {
	hint := "the documents link no chain of moves between them"
	if opt.CareerOnly || len(opt.Avoid) > 0 {
		hint = "try again with lateral moves on and nothing avoided"
	}
	return fmt.Sprintf("%v (%s)", err, hint)
}

// fieldParams are the content filters of /api/roles, as roles' flags:
// parameter name and graph field, in the order the command reads them.
var fieldParams = []struct{ name, field string }{
	{"skill", graph.FieldSkill},
	{"qualification", graph.FieldQualification},
	{"class", graph.FieldClass},
	{"trait", graph.FieldTrait},
	{"tag", graph.FieldTag},
	{"keyword", graph.FieldTag},
	{"aptitude", graph.FieldAptitude},
	{"text", graph.FieldText},
}

// filters reads the content filters: every value of every field
// parameter, all of which a role must match.
func (q query) filters() ([]graph.FieldQuery, error) {
	var out []graph.FieldQuery
	for _, p := range fieldParams {
		vals := q.r.URL.Query()[p.name]
		for _, v := range vals {
			if strings.TrimSpace(v) == "" {
				return nil, badParam(p.name, "give a value; /api/vocabulary/%s lists every %s the documents list", p.field, p.field)
			}
			if len([]rune(v)) > MaxQueryLen {
				return nil, badParam(p.name, "longer than %d characters", MaxQueryLen)
			}
			out = append(out, graph.FieldQuery{Field: p.field, Value: v})
		}
	}
	if len(out) > MaxFilters {
		return nil, badParam(out[MaxFilters].Field, "at most %d filters", MaxFilters)
	}
	return out, nil
}

func (s *Server) roles(snap *snapshot, r *http.Request) (any, error) {
	q := query{r, snap.corpus.Graph}
	text, err := q.str("q")
	if err != nil {
		return nil, err
	}
	limit, err := q.int("limit", 0, 0, 1<<30)
	if err != nil {
		return nil, err
	}
	documented, err := q.bool("documented")
	if err != nil {
		return nil, err
	}
	filters, err := q.filters()
	if err != nil {
		return nil, err
	}
	if len(filters) > 0 {
		return searchFields(q.g, text, filters, documented, limit)
	}
	// Without a filter, Search keeps only the closest limit roles
	// (O(n log limit)) rather than sorting every match.
	searchLimit := limit
	if documented {
		searchLimit = 0
	}
	var found []graph.Match
	for _, m := range q.g.Search(text, searchLimit) {
		if !documented || m.Role.Documented {
			found = append(found, m)
			if limit > 0 && len(found) == limit {
				break
			}
		}
	}
	out := wire.NewRoles(text, found)
	if len(found) == 0 {
		out.Reason = "no role matches" // as roles --json says it
	}
	return out, nil
}

// searchFields answers a roles search by content, and by name when text
// is given, as roles does.
func searchFields(g *graph.Graph, text string, filters []graph.FieldQuery, documented bool, limit int) (any, error) {
	hits, err := g.SearchFields(filters)
	if err != nil {
		return nil, badParam(filters[0].Field, "%v", err)
	}
	var byName map[string]bool
	if text != "" {
		byName = map[string]bool{}
		for _, m := range g.Search(text, 0) {
			byName[m.Role.ID] = true
		}
	}
	var kept []graph.FieldHit
	for _, h := range hits {
		if (!documented || h.Role.Documented) && (byName == nil || byName[h.Role.ID]) {
			kept = append(kept, h)
			if limit > 0 && len(kept) == limit {
				break
			}
		}
	}
	out := wire.NewFieldRoles(text, filters, kept)
	if len(kept) == 0 {
		out.Reason = "no role matches"
	}
	return out, nil
}

// vocabulary answers roles --list FIELD: every entry of the field, most
// roles first.
func (s *Server) vocabulary(snap *snapshot, r *http.Request) (any, error) {
	q := query{r, snap.corpus.Graph}
	field := r.PathValue("field")
	if field == graph.FieldText || !slices.Contains(graph.Fields, field) {
		return nil, badParam("field", "%q: want one of %s", field, strings.Join(graph.Fields[:len(graph.Fields)-1], ", "))
	}
	limit, err := q.int("limit", 0, 0, 1<<30)
	if err != nil {
		return nil, err
	}
	terms, err := q.g.Vocabulary(field)
	if err != nil {
		return nil, badParam("field", "%v", err)
	}
	if limit > 0 && len(terms) > limit {
		terms = terms[:limit]
	}
	return wire.NewVocabulary(field, terms), nil
}

// similar answers similar ROLE: suggestions from shared content, not
// documented moves.
func (s *Server) similar(snap *snapshot, r *http.Request) (any, error) {
	q := query{r, snap.corpus.Graph}
	role, err := q.role("role", true)
	if err != nil {
		return nil, err
	}
	limit, err := q.int("limit", 10, 0, 1<<30)
	if err != nil {
		return nil, err
	}
	found, err := q.g.Similar(role.ID, limit)
	if err != nil {
		return nil, roleError("role", err)
	}
	out := wire.NewSimilar(q.g, role, found)
	if len(found) == 0 { // as similar --json says it
		out.Reason = "no documented role shares anything with this role's documents"
		if role.Profile == nil {
			out.Reason = "no document describes this role, so there is nothing to compare"
		}
	}
	return out, nil
}

func (s *Server) show(snap *snapshot, r *http.Request) (any, error) {
	q := query{r, snap.corpus.Graph}
	found, err := q.lookup("role", true)
	if err != nil {
		return nil, err
	}
	out, in, err := q.g.MovesOf(found.Role.ID)
	if err != nil {
		return nil, roleError("role", err)
	}
	card := wire.NewCard(q.g, found.Role, out, in)
	card.MatchedAs = found.MatchedAs // as show says it
	return card, nil
}

// routeGraph returns the graph a route question is asked of: the
// snapshot's, or with similar= set, the one with suggested moves between
// roles that share content (path --similar).
func routeGraph(snap *snapshot, r *http.Request) (query, error) {
	q := query{r, snap.corpus.Graph}
	similar, err := q.bool("similar")
	if err != nil || !similar {
		return q, err
	}
	if q.g, err = snap.withSimilar(); err != nil {
		return q, err
	}
	return q, nil
}

func (s *Server) path(snap *snapshot, r *http.Request) (any, error) {
	q, err := routeGraph(snap, r)
	if err != nil {
		return nil, err
	}
	from, to, err := q.ends("from", "to")
	if err != nil {
		return nil, err
	}
	k, err := q.int("k", 1, 1, MaxK)
	if err != nil {
		return nil, err
	}
	opt, err := q.pathOptions()
	if err != nil {
		return nil, err
	}
	routes, err := q.g.Paths(from.ID, to.ID, k, opt)
	if errors.Is(err, graph.ErrNoPath) {
		out := wire.NewPath(q.g, from, to, nil)
		out.Reason = err.Error() // as path --json says it
		return out, nil
	}
	if err != nil {
		return nil, routeError(err)
	}
	return wire.NewPath(q.g, from, to, routes), nil
}

// gap answers gap: for each of the k cheapest routes, what each role on
// it adds.
func (s *Server) gap(snap *snapshot, r *http.Request) (any, error) {
	q, err := routeGraph(snap, r)
	if err != nil {
		return nil, err
	}
	from, to, err := q.ends("from", "to")
	if err != nil {
		return nil, err
	}
	k, err := q.int("k", 1, 1, MaxK)
	if err != nil {
		return nil, err
	}
	opt, err := q.pathOptions()
	if err != nil {
		return nil, err
	}
	routes, err := q.g.Paths(from.ID, to.ID, k, opt)
	if errors.Is(err, graph.ErrNoPath) {
		return wire.NoGap(from.Name, to.Name, err.Error()), nil
	}
	if err != nil {
		return nil, routeError(err)
	}
	gaps := make([]graph.RouteGap, len(routes))
	for i, rt := range routes {
		gaps[i] = q.g.GapAlong(rt)
	}
	return wire.NewGap(q.g, from, to, routes, gaps), nil
}

func (s *Server) reach(snap *snapshot, r *http.Request) (any, error) {
	q := query{r, snap.corpus.Graph}
	role, err := q.role("role", true)
	if err != nil {
		return nil, err
	}
	var opt graph.ReachOptions
	if opt.Reverse, err = q.bool("reverse"); err != nil {
		return nil, err
	}
	if opt.CareerOnly, err = q.bool("no_lateral"); err != nil {
		return nil, err
	}
	if opt.LateralCost, err = q.int("lateral_cost", graph.DefaultLateralCost, 1, graph.MaxLateralCost); err != nil {
		return nil, err
	}
	if opt.MaxCost, err = q.int("max_cost", 0, 0, 1<<30); err != nil {
		return nil, err
	}
	reached, err := q.g.Reach(role.ID, opt)
	if err != nil {
		return nil, roleError("role", err)
	}
	return wire.NewReach(q.g, role, opt.Reverse, reached), nil
}

func (s *Server) ladder(snap *snapshot, r *http.Request) (any, error) {
	q := query{r, snap.corpus.Graph}
	role, err := q.role("role", true)
	if err != nil {
		return nil, err
	}
	depth, err := q.int("depth", 0, 0, MaxLadderDepth)
	if err != nil {
		return nil, err
	}
	l, err := q.g.Ladder(role.ID, depth)
	if err != nil {
		return nil, roleError("role", err)
	}
	return wire.NewLadder(q.g, role, l), nil
}

func (s *Server) stats(snap *snapshot, r *http.Request) (any, error) {
	return wire.NewStats(snap.corpus, snap.corpus.Graph.Stats()), nil
}

func (s *Server) check(snap *snapshot, r *http.Request) (any, error) {
	return wire.NewCheck(snap.corpus, snap.corpus.Graph.CareerCycles()), nil
}

// statusJSON is what /api/status says of the server: the generation of
// the graph served, when it was loaded, and why the last reload failed.
type statusJSON struct {
	Generation  uint64 `json:"generation"`
	Loaded      string `json:"loaded"`
	Documents   int    `json:"documents"`
	Roles       int    `json:"roles"`
	Errors      int    `json:"errors"`
	Warnings    int    `json:"warnings"`
	Watching    bool   `json:"watching"`
	ReloadError string `json:"reload_error,omitempty"`
}

func (s *Server) status(snap *snapshot, r *http.Request) (any, error) {
	return statusOf(snap, s.lastErr.Load(), len(s.cfg.Watch) > 0), nil
}

func statusOf(snap *snapshot, lastErr *string, watching bool) statusJSON {
	c := snap.corpus
	st := statusJSON{Generation: snap.gen, Loaded: snap.loaded.UTC().Format("2006-01-02T15:04:05Z"),
		Documents: c.NumDocuments, Roles: len(c.Graph.Roles()), Errors: c.Errors(), Warnings: c.Warnings(), Watching: watching}
	if lastErr != nil {
		st.ReloadError = *lastErr
	}
	return st
}

type formatJSON struct {
	Name        string `json:"name"`
	Ext         string `json:"ext"`
	Description string `json:"description"`
}

func (s *Server) formats(*snapshot, *http.Request) (any, error) {
	out := []formatJSON{}
	for _, f := range export.Formats() {
		ext := f.Ext
		if f.IsDir() {
			ext = ".zip"
		}
		out = append(out, formatJSON{f.Name, ext, f.Description})
	}
	return out, nil
}

// selection reads which part of the graph an export or a diagram is of.
// Export names it by ladder=, around= or path_from= and path_to=; a
// diagram by its kind and role= or from= and to=.
type selParams struct {
	kind              string // graph.Selection* kinds
	role, from, to    string // parameter names
	depthDef, depthHi int
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
	var body bytes.Buffer
	ext := format.Ext
	ctype := exportType(format.Name)
	if format.IsDir() {
		err = writeCSVZip(&body, g)
		ext, ctype = ".zip", "application/zip"
	} else {
		err = format.Write(&body, g)
	}
	var tooLarge *export.TooLargeError
	if errors.As(err, &tooLarge) || errors.Is(err, export.ErrTooLarge) {
		s.writeErr(w, r, badParam("format", "%v", err))
		return
	}
	if err != nil {
		s.writeErr(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", safeFileName(base)+ext))
	h.Set("Cache-Control", "no-store")
	w.Write(body.Bytes())
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
		hint := "draw a part: a ladder, a neighbourhood or a route"
		if p.kind != graph.SelectionAll {
			hint = "lower depth or k"
		}
		s.writeErr(w, r, &apiError{status: http.StatusBadRequest,
			msg: fmt.Sprintf("depth: the diagram would have %d roles, more than the %d that can be laid out quickly: %s", len(sel.Roles), MaxDiagramRoles, hint)})
		return
	}
	similar := q.g != snap.corpus.Graph
	key := fmt.Sprintf("%d|%s|%t|%t|%s|%v|%v", snap.gen, sel.Kind, reading, similar, strings.Join(sel.Roles, ","), sel.Focus, routesKey(sel.Routes))
	svg, err := s.cache.get(key, func() ([]byte, error) {
		var b bytes.Buffer
		err := render.SVG(r.Context(), &b, q.g, sel, render.Options{Reading: reading})
		return b.Bytes(), err
	})
	if err != nil {
		s.writeErr(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "image/svg+xml")
	// Opened on its own, the picture runs nothing and loads nothing.
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Careergraph-Generation", strconv.FormatUint(snap.gen, 10))
	w.Write(svg)
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

// emptyIfNil keeps JSON lists as [] rather than null.
func emptyIfNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
