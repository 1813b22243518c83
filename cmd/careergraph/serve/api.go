package serve

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"careergraph/cmd/careergraph/internal/wire"
	"careergraph/graph"
	"careergraph/graph/render"
)

// Limits on what one request may ask, answered with 400 beyond them.
const (
	MaxK            = 20              // routes per path question
	MaxAroundDepth  = 5               // neighbourhood depth
	MaxLadderDepth  = 50              // ladder rungs each way (0: all)
	MaxDiagramRoles = render.MaxRoles // roles in one diagram
	MaxDiagramMoves = render.MaxMoves // moves dot lays out in one diagram (render.LayoutMoves)
	MaxAvoid        = 50              // roles to avoid
	MaxQueryLen     = 200             // characters of a search or a role name
	MaxFilters      = 20              // content filters of one roles search
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
	switch {
	case errors.Is(err, graph.ErrNotFound):
		return &apiError{http.StatusNotFound, param + ": " + err.Error(), wire.Candidates(err)}
	case errors.Is(err, graph.ErrAmbiguous), errors.Is(err, graph.ErrBadOption):
		return &apiError{http.StatusBadRequest, param + ": " + err.Error(), wire.Candidates(err)}
	}
	return err
}

func writeError(w http.ResponseWriter, status int, msg string, candidates []string) {
	w.Header().Set("Cache-Control", "no-store")
	writeJSONStatus(w, status, wire.Error{Error: msg, Candidates: emptyIfNil(candidates)})
}

// writeJSONStatus writes v as --json prints it: indented by two spaces,
// HTML characters unescaped (the type and nosniff keep browsers from
// reading it as HTML), one trailing newline.
func writeJSONStatus(w http.ResponseWriter, status int, v any) {
	b := answerBuffers.Get().(*bytes.Buffer)
	defer putAnswerBuffer(b)
	if err := wire.Write(b, v); err != nil {
		status = http.StatusInternalServerError
		b.Reset()
		fmt.Fprintf(b, "{\"error\": %q, \"candidates\": []}\n", "encoding the answer: "+err.Error())
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// answerBuffers holds the buffers answers are written into before they
// are sent: a busy server then makes few, and collects less garbage.
var answerBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// putAnswerBuffer returns b to answerBuffers, unless it grew past what
// most answers need (a reach of thousands of roles): kept, one such
// answer would hold its memory for good.
func putAnswerBuffer(b *bytes.Buffer) {
	if b.Cap() > 256<<10 {
		return
	}
	b.Reset()
	answerBuffers.Put(b)
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
	r    *http.Request
	g    *graph.Graph
	vals url.Values // r's query parameters, parsed once
}

func newQuery(r *http.Request, g *graph.Graph) query {
	return query{r: r, g: g, vals: r.URL.Query()}
}

func (q query) str(name string) (string, error) {
	v := q.vals.Get(name)
	if len([]rune(v)) > MaxQueryLen {
		return "", badParam(name, "longer than %d characters", MaxQueryLen)
	}
	return v, nil
}

// intParam reads an integer parameter in [lo, hi], def when absent.
func (q query) int(name string, def, lo, hi int) (int, error) {
	v := q.vals.Get(name)
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
	vals, ok := q.vals[name]
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
		v = q.vals.Get(name)
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
	avoid := q.vals["avoid"]
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

// emptyIfNil keeps JSON lists as [] rather than null.
func emptyIfNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
