package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"careergraph/graph"
	"careergraph/loader"
)

// DefaultAddr is where the server listens unless told otherwise: loopback
// only.
const DefaultAddr = "127.0.0.1:7878"

// Config says what to serve and where.
type Config struct {
	// Addr is the host:port to listen on; empty means DefaultAddr. Port 0
	// picks a free port.
	Addr string
	// Load loads the corpus; it is called once at start and again for
	// every reload. It must not be nil.
	Load func(ctx context.Context) (*loader.Corpus, error)
	// Watch names the files and folders whose changes reload the corpus;
	// empty (the embedded seeds) watches nothing.
	Watch []string
	// Logf, when set, is told of reloads and their problems.
	Logf func(format string, args ...any)
	// Debounce is how long the watcher waits after the last change before
	// reloading; 0 means 200 ms.
	Debounce time.Duration
	// Ready, when set, is called once Run listens, with the page's URL
	// (the one Run prints): to open a browser on it.
	Ready func(url string)
}

// snapshot is one loaded corpus with its generation: every request works
// on the snapshot it started with.
type snapshot struct {
	corpus *loader.Corpus
	gen    uint64
	loaded time.Time

	similarOnce  sync.Once
	similarGraph *graph.Graph // the graph with suggested moves (path --similar), built on first use
	similarErr   error
}

// withSimilar returns the snapshot's graph with suggested moves between
// roles that share content, built once on first use.
func (s *snapshot) withSimilar() (*graph.Graph, error) {
	s.similarOnce.Do(func() { s.similarGraph, s.similarErr = s.corpus.Graph.WithSimilar() })
	return s.similarGraph, s.similarErr
}

// Server answers the API and serves the page for one corpus at a time. It
// is an http.Handler, safe for concurrent use.
type Server struct {
	cfg     Config
	cur     atomic.Pointer[snapshot]
	lastErr atomic.Pointer[string] // why the last reload failed; nil after a good one
	gen     atomic.Uint64
	events  *broker
	cache   *svgCache
	mux     *http.ServeMux
	hostOK  func(host string) bool

	reloadMu sync.Mutex // one reload at a time
}

// New returns a server for cfg that has not loaded anything yet; call
// Reload before serving (Run does).
func New(cfg Config) *Server {
	if cfg.Addr == "" {
		cfg.Addr = DefaultAddr
	}
	if cfg.Debounce <= 0 {
		cfg.Debounce = 200 * time.Millisecond
	}
	s := &Server{cfg: cfg, events: newBroker(), cache: newSVGCache(maxCachedDiagrams, maxCachedBytes)}
	s.hostOK = hostChecker(cfg.Addr)
	s.mux = s.routes()
	return s
}

// NewHandler returns a handler serving corpus as it is, without reloads:
// for tests and embedding. Requests must name localhost, a loopback or
// other IP address, or the host of DefaultAddr.
func NewHandler(corpus *loader.Corpus) http.Handler {
	s := New(Config{Load: func(context.Context) (*loader.Corpus, error) { return corpus, nil }})
	s.swap(corpus)
	return s
}

// Reload loads the corpus again with Config.Load and swaps it in. On
// error the current corpus stays and the error is kept for /api/status
// and sent to pages as a "reload" event with ok false.
func (s *Server) Reload(ctx context.Context) error {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	start := time.Now()
	corpus, err := s.cfg.Load(ctx)
	if err == nil && (corpus == nil || corpus.Graph == nil) {
		err = errors.New("the loader returned no graph")
	}
	if err != nil {
		msg := err.Error()
		s.lastErr.Store(&msg)
		s.logf("reload failed, still serving the previous documents: %v", err)
		s.events.publish(reloadEvent(s.cur.Load(), msg))
		return err
	}
	s.lastErr.Store(nil)
	snap := s.swap(corpus)
	read := fmt.Sprintf("%d documents", corpus.NumDocuments)
	if n := len(corpus.Sources); n > 0 {
		read += fmt.Sprintf(" and %d other sources", n)
		if n == 1 {
			read = strings.TrimSuffix(read, "s")
		}
	}
	s.logf("loaded %s, %d roles in %v", read, corpus.Graph.NumRoles(), time.Since(start).Round(time.Millisecond))
	s.events.publish(reloadEvent(snap, ""))
	return nil
}

func (s *Server) swap(corpus *loader.Corpus) *snapshot {
	snap := &snapshot{corpus: corpus, gen: s.gen.Add(1), loaded: time.Now()}
	s.cur.Store(snap)
	return snap
}

func (s *Server) logf(format string, args ...any) {
	if s.cfg.Logf != nil {
		s.cfg.Logf(format, args...)
	}
}

// Run loads the corpus, listens on cfg.Addr, writes the URL to w (and a
// warning when the address is reachable from other machines), reloads on
// changes to cfg.Watch, and serves until ctx is cancelled. Then it stops
// listening, ends event streams, and waits up to ten seconds for requests
// in flight. It returns the first error of loading, listening or serving;
// a cancelled ctx is no error.
func Run(ctx context.Context, cfg Config, w io.Writer) error {
	if cfg.Load == nil {
		return errors.New("serve: no loader given")
	}
	s := New(cfg)
	if err := s.Reload(ctx); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", s.cfg.Addr, err)
	}
	addr := ln.Addr().(*net.TCPAddr)
	if !addr.IP.IsLoopback() {
		fmt.Fprintf(w, "warning: listening on %s, which other machines can reach: anyone who can connect can read these documents\n", ln.Addr())
	}
	s.hostOK = hostChecker(s.cfg.Addr)
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	srv.RegisterOnShutdown(s.events.close)
	url := pageURL(addr)
	fmt.Fprintf(w, "careergraph: serving on %s (Ctrl-C stops)\n", url)
	if cfg.Ready != nil {
		cfg.Ready(url)
	}

	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	if len(cfg.Watch) > 0 {
		if err := s.watch(watchCtx, cfg.Watch); err != nil {
			s.logf("not watching for changes: %v", err)
		}
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	stopWatch()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// pageURL is the URL to print for a listening address: an unspecified
// address (0.0.0.0) is shown as localhost, which reaches it.
func pageURL(a *net.TCPAddr) string {
	host := a.IP.String()
	if a.IP.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, fmt.Sprint(a.Port)) + "/"
}

// hostChecker returns whether a request's Host names this server: an IP
// address (which no DNS rebinding can forge), localhost, or the host of
// addr. Any port is accepted: the Host a browser sends is what the user
// typed.
func hostChecker(addr string) func(string) bool {
	cfgHost, _, err := net.SplitHostPort(addr)
	if err != nil {
		cfgHost = addr
	}
	cfgHost = strings.ToLower(strings.TrimSuffix(cfgHost, "."))
	return func(host string) bool {
		h := host
		if hh, _, err := net.SplitHostPort(host); err == nil {
			h = hh
		}
		h = strings.ToLower(strings.TrimSuffix(strings.Trim(h, "[]"), "."))
		if h == "" {
			return false
		}
		if net.ParseIP(h) != nil || h == "localhost" || strings.HasSuffix(h, ".localhost") {
			return true
		}
		return cfgHost != "" && h == cfgHost
	}
}

// contentPolicy allows the page's own scripts, styles, images and API
// calls, nothing inline (styles set from script through the CSSOM are
// allowed by CSP), and no framing.
const contentPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
	"connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// ServeHTTP checks the Host, sets the security headers and serves the
// request from the current snapshot.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", contentPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	if !s.hostOK(r.Host) {
		writeError(w, http.StatusForbidden, fmt.Sprintf("host %q is not this server: open it as localhost or by its IP address", r.Host), nil)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+": the server is read-only (GET only)", nil)
		return
	}
	if s.cur.Load() == nil {
		writeError(w, http.StatusServiceUnavailable, "the documents are still loading", nil)
		return
	}
	s.mux.ServeHTTP(w, r)
}
