package serve

// Whole-graph answers: stats, check, the server's status and the export
// formats it offers.

import (
	"net/http"

	"careergraph/cmd/careergraph/internal/wire"
	"careergraph/graph/export"
)

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
		Documents: c.NumDocuments, Roles: c.Graph.NumRoles(), Errors: c.Errors(), Warnings: c.Warnings(), Watching: watching}
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
