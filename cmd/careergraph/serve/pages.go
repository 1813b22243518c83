package serve

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
)

// assets are the page's script, styles and vendored libraries, embedded:
// no request path reaches the file system.
//
//go:embed assets
var assets embed.FS

var pageTemplate = template.Must(template.ParseFS(assets, "assets/index.html"))

// pageData fills the page shell: the title (from document text, so
// html/template escapes it) and the generation served.
type pageData struct {
	Title string
}

// pageRoutes serves the page at every address the page itself shows
// (shareable: /role/{id}, /path?from=..&to=.., /around/{id}, /check,
// /downloads) and the embedded assets under /assets/.
func (s *Server) pageRoutes(m *http.ServeMux) {
	sub, _ := fs.Sub(assets, "assets")
	files := http.FileServerFS(sub)
	m.Handle("GET /assets/", http.StripPrefix("/assets/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "" || strings.HasSuffix(r.URL.Path, "/") || r.URL.Path == "index.html" {
			http.NotFound(w, r) // no listings
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})))
	page := func(title func(*snapshot, *http.Request) string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			snap := s.cur.Load()
			t := "careergraph"
			if title != nil {
				if x := title(snap, r); x != "" {
					t = x + " · careergraph"
				}
			}
			var b bytes.Buffer
			if err := pageTemplate.Execute(&b, pageData{Title: t}); err != nil {
				writeError(w, http.StatusInternalServerError, err.Error(), nil)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Cache-Control", "no-cache")
			w.Write(b.Bytes())
		}
	}
	roleTitle := func(snap *snapshot, r *http.Request) string {
		if role, err := snap.corpus.Graph.Resolve(r.PathValue("role")); err == nil {
			return role.Name
		}
		return ""
	}
	m.HandleFunc("GET /{$}", page(nil))
	m.HandleFunc("GET /role/{role}", page(roleTitle))
	m.HandleFunc("GET /around/{role}", page(roleTitle))
	m.HandleFunc("GET /path", page(func(*snapshot, *http.Request) string { return "Routes" }))
	m.HandleFunc("GET /check", page(func(*snapshot, *http.Request) string { return "Data quality" }))
	m.HandleFunc("GET /downloads", page(func(*snapshot, *http.Request) string { return "Downloads" }))
	m.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	m.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no page at "+r.URL.Path, nil)
	})
}
