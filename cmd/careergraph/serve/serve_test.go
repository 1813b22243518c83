package serve

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"careergraph/graph/export"
	"careergraph/loader"
	"careergraph/loader/synth"
)

var (
	seedsOnce   sync.Once
	seedsCorpus *loader.Corpus
	seedsErr    error
)

func seedHandler(t testing.TB) http.Handler {
	t.Helper()
	seedsOnce.Do(func() { seedsCorpus, seedsErr = loader.LoadSeeds() })
	if seedsErr != nil {
		t.Fatal(seedsErr)
	}
	return NewHandler(seedsCorpus)
}

func get(t testing.TB, h http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest("GET", target, nil)
	req.Host = "127.0.0.1:7878"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// TestSameAsCLI holds the API to the command's --json answers, kept as
// the command's golden files.
func TestSameAsCLI(t *testing.T) {
	h := seedHandler(t)
	q := url.QueryEscape
	tests := []struct{ golden, target string }{
		{"path-json", "/api/path?from=" + q("Union secretary") + "&to=" + q("Labor union chairperson")},
		{"path-lateral-json", "/api/path?k=3&from=" + q("Local Public Servant Recruitment (Administrative Position)") + "&to=" + q("Secretariat Director-General")},
		{"reach-json", "/api/reach/" + url.PathEscape("Section Chief")},
		{"reach-max-cost", "/api/reach/" + url.PathEscape("Union secretary") + "?max_cost=2"},
		{"ladder-json", "/api/ladder/" + url.PathEscape("Section Chief")},
		{"show-json", "/api/roles/" + url.PathEscape("Secretariat Director-General")},
		{"gap-json", "/api/gap?from=" + q("Local Office Director") + "&to=" + q("Branch Office Chief")},
		{"roles-json", "/api/roles?q=section"},
		{"roles-class-skill-json", "/api/roles?class=managerial&skill=negociation"},
		{"roles-trait-none-json", "/api/roles?trait=fearless"},
		{"roles-skill-name-json", "/api/roles?q=director&skill=negotiation&skill=" + q("crisis management") + "&documented=true&limit=1"},
		{"roles-list-class-json", "/api/vocabulary/class"},
		{"similar-json", "/api/similar/" + url.PathEscape("Local Office Director") + "?limit=2"},
		{"similar-undocumented-json", "/api/similar/Mayor"},
		{"gap-k-json", "/api/gap?k=2&from=" + q("Local Public Servant Recruitment (Administrative Position)") + "&to=" + q("Secretariat Director-General")},
		{"path-similar-json", "/api/path?similar=true&from=" + q("Labor union secretary general") + "&to=" + q("Local Office Director")},
		{"stats-json", "/api/stats"},
		{"check-json", "/api/check"},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("..", "testdata", tt.golden+".golden"))
			if err != nil {
				t.Skipf("no golden file of the command: %v", err)
			}
			rec := get(t, h, tt.target)
			if rec.Code != 200 {
				t.Fatalf("GET %s: status %d: %s", tt.target, rec.Code, rec.Body)
			}
			if got := rec.Body.String(); got != string(want) {
				t.Errorf("GET %s =\n%s\nwant (the command's --json)\n%s", tt.target, got, want)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	h := seedHandler(t)
	tests := []struct {
		target     string
		status     int
		wantInMsg  string
		candidates bool
	}{
		{"/api/roles/Sectoin%20Cheif%20Zzz", 404, "role:", false},
		{"/api/roles/Mayr", 404, "not found", false},
		{"/api/path?from=Section+Chief", 400, "to:", false},
		{"/api/path?to=Section+Chief", 400, "from:", false},
		{"/api/path?from=Section+Chief&to=Nobody+Like+This+Xyzzy", 404, "to:", false},
		{"/api/path?from=Section+Chief&to=Division+Director&k=0", 400, "k:", false},
		{"/api/path?from=Section+Chief&to=Division+Director&k=21", 400, "k:", false},
		{"/api/path?from=Section+Chief&to=Division+Director&k=two", 400, "k:", false},
		{"/api/path?from=Section+Chief&to=Division+Director&lateral_cost=0", 400, "lateral_cost:", false},
		{"/api/path?from=Section+Chief&to=Division+Director&no_lateral=maybe", 400, "no_lateral:", false},
		{"/api/path?from=Section+Chief&to=Division+Director&avoid=Qqqqqq+Zzzzzz", 404, "avoid:", false},
		{"/api/path?from=Section+Chief&to=Division+Director&avoid=Section+Chief", 400, "avoid:", false},
		{"/api/reach/Section%20Chief?max_cost=-1", 400, "max_cost:", false},
		{"/api/ladder/Section%20Chief?depth=-1", 400, "depth:", false},
		{"/api/gap?from=Section+Chief", 400, "to:", false},
		{"/api/roles?limit=-3", 400, "limit:", false},
		{"/api/roles?q=" + strings.Repeat("x", MaxQueryLen+1), 400, "q:", false},
		{"/api/roles?skill=", 400, "skill:", false},
		{"/api/roles?skill=a&text=" + strings.Repeat("x", MaxQueryLen+1), 400, "text:", false},
		{"/api/roles?" + strings.Repeat("tag=a&", MaxFilters+1), 400, "at most", false},
		{"/api/vocabulary/text", 400, "field:", false},
		{"/api/vocabulary/colour", 400, "want one of", false},
		{"/api/vocabulary/skill?limit=x", 400, "limit:", false},
		{"/api/similar/Nobody%20Like%20This%20Xyzzy", 404, "role:", false},
		{"/api/similar/Mayor?limit=-1", 400, "limit:", false},
		{"/api/path?from=Section+Chief&to=Division+Director&similar=maybe", 400, "similar:", false},
		{"/api/gap?from=Section+Chief&to=Division+Director&k=0", 400, "k:", false},
		{"/api/export?format=xlsx", 400, "format:", false},
		{"/api/export?ladder=Section+Chief&around=Section+Chief", 400, "at most one", false},
		{"/api/export?around=Section+Chief&depth=9", 400, "depth:", false},
		{"/api/diagram/pie", 404, "diagram", false},
		{"/api/diagram/around?role=Section+Chief&depth=99", 400, "depth:", false},
		{"/api/diagram/ladder", 400, "role:", false},
		{"/api/nothing", 404, "no such API endpoint", false},
		{"/etc/passwd", 404, "no page", false},
		{"/assets/../../go.mod", 307, "", false}, // the mux cleans the path to /go.mod, which is no page
	}
	for _, tt := range tests {
		rec := get(t, h, tt.target)
		if rec.Code != tt.status {
			t.Errorf("GET %s: status %d, want %d: %s", tt.target, rec.Code, tt.status, rec.Body)
			continue
		}
		if tt.wantInMsg == "" {
			continue
		}
		var e struct {
			Error      string   `json:"error"`
			Candidates []string `json:"candidates"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
			t.Errorf("GET %s: not a JSON error: %v: %s", tt.target, err, rec.Body)
			continue
		}
		if !strings.Contains(e.Error, tt.wantInMsg) || e.Candidates == nil {
			t.Errorf("GET %s: error %q candidates %v; want a message with %q and a candidates list", tt.target, e.Error, e.Candidates, tt.wantInMsg)
		}
	}
}

func TestDidYouMean(t *testing.T) {
	h := seedHandler(t)
	rec := get(t, h, "/api/roles/"+url.PathEscape("Section Cheif (Main Ofice) extra words here"))
	var e struct {
		Candidates []string `json:"candidates"`
	}
	json.Unmarshal(rec.Body.Bytes(), &e)
	if rec.Code != 404 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	t.Logf("candidates: %v", e.Candidates)
}

func TestNoRouteIs200(t *testing.T) {
	h := seedHandler(t)
	// With lateral moves off, nothing leads from the top of one ladder
	// back down; the answer is an empty list and a reason.
	rec := get(t, h, "/api/path?from=Administrative+Vice-Minister&to=Section+Chief&no_lateral=true")
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var p struct {
		Paths  []any  `json:"paths"`
		Reason string `json:"reason"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
		t.Fatal(err)
	}
	if p.Paths == nil || len(p.Paths) != 0 || p.Reason == "" {
		t.Errorf("no route: paths %v reason %q; want [] and a reason", p.Paths, p.Reason)
	}
	rec = get(t, h, "/api/gap?from=Administrative+Vice-Minister&to=Section+Chief&no_lateral=1")
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"reason"`) {
		t.Errorf("gap with no route: %d %s", rec.Code, rec.Body)
	}
}

func TestHostCheck(t *testing.T) {
	h := seedHandler(t)
	tests := []struct {
		host string
		ok   bool
	}{
		{"127.0.0.1:7878", true}, {"localhost:7878", true}, {"[::1]:7878", true}, {"LOCALHOST", true},
		{"192.168.1.10:7878", true}, {"evil.example:7878", false}, {"127.0.0.1.nip.io:7878", false}, {"", false},
	}
	for _, tt := range tests {
		req := httptest.NewRequest("GET", "/api/stats", nil)
		req.Host = tt.host
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if (rec.Code == 200) != tt.ok || !tt.ok && rec.Code != 403 {
			t.Errorf("Host %q: status %d, want ok=%v (403 otherwise)", tt.host, rec.Code, tt.ok)
		}
	}
}

func TestReadOnly(t *testing.T) {
	h := seedHandler(t)
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH"} {
		req := httptest.NewRequest(m, "/api/stats", strings.NewReader("{}"))
		req.Host = "localhost"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 405 {
			t.Errorf("%s: status %d, want 405", m, rec.Code)
		}
	}
}

func TestPagesAndHeaders(t *testing.T) {
	h := seedHandler(t)
	for _, target := range []string{"/", "/role/section-chief", "/role/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/path?from=a&to=b", "/around/section-chief", "/check", "/downloads",
		"/assets/app.js", "/assets/style.css", "/assets/vendor/cytoscape.min.js"} {
		rec := get(t, h, target)
		if rec.Code != 200 {
			t.Errorf("GET %s: status %d", target, rec.Code)
			continue
		}
		csp := rec.Header().Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline'; script") {
			t.Errorf("GET %s: CSP %q", target, csp)
		}
		if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: no nosniff", target)
		}
		if strings.HasPrefix(target, "/role/%3C") && strings.Contains(rec.Body.String(), "<script>alert") {
			t.Errorf("GET %s: the name reached the page unescaped", target)
		}
	}
	rec := get(t, h, "/role/section-chief")
	if !strings.Contains(rec.Body.String(), "<title>Section Chief · careergraph</title>") {
		t.Errorf("role page title: %s", rec.Body)
	}
}

func TestExports(t *testing.T) {
	h := seedHandler(t)
	for _, f := range []string{"json", "cytoscape", "dot", "gexf", "graphml", "mermaid", "cypher", "csv"} {
		for _, sel := range []string{"", "&ladder=Section+Chief", "&around=Section+Chief&depth=2", "&path_from=Union+secretary&path_to=Labor+union+chairperson&k=2"} {
			target := "/api/export?format=" + f + sel
			rec := get(t, h, target)
			if rec.Code != 200 || rec.Body.Len() == 0 {
				t.Errorf("GET %s: status %d: %.200s", target, rec.Code, rec.Body)
				continue
			}
			if !strings.HasPrefix(rec.Header().Get("Content-Disposition"), "attachment; filename=") {
				t.Errorf("GET %s: Content-Disposition %q", target, rec.Header().Get("Content-Disposition"))
			}
			if f == "csv" {
				zr, err := zip.NewReader(bytes.NewReader(rec.Body.Bytes()), int64(rec.Body.Len()))
				if err != nil || len(zr.File) != 2 {
					t.Errorf("GET %s: not a zip of two tables: %v", target, err)
				}
			}
		}
	}
}

// TestLargeExport downloads the whole graph of a corpus whose exports
// run past what a download holds before it answers: each arrives as the
// export writes it, headers and all; a Mermaid chart of it, which
// refuses more than 500 moves, is a 400 that says so.
func TestLargeExport(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, 1500, 3); err != nil {
		t.Fatal(err)
	}
	c, err := loader.Load(loader.Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	h := NewHandler(c)
	for _, name := range []string{"json", "graphml"} {
		f, err := export.Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := f.Write(&want, c.Graph); err != nil {
			t.Fatal(err)
		}
		if want.Len() <= downloadSpool {
			t.Fatalf("%s export: %d bytes; want more than the %d a download holds", name, want.Len(), downloadSpool)
		}
		rec := get(t, h, "/api/export?format="+name)
		if rec.Code != 200 || !bytes.Equal(rec.Body.Bytes(), want.Bytes()) {
			t.Errorf("%s download: status %d, %d bytes; want 200 and the export's %d", name, rec.Code, rec.Body.Len(), want.Len())
		}
		if cd := rec.Header().Get("Content-Disposition"); cd != `attachment; filename="careergraph`+f.Ext+`"` {
			t.Errorf("%s download: Content-Disposition %q", name, cd)
		}
	}
	rec := get(t, h, "/api/export?format=mermaid")
	if rec.Code != 400 || !strings.Contains(rec.Body.String(), "mermaid draws at most 500 moves") {
		t.Errorf("mermaid download of the whole graph: status %d: %.200s; want 400 saying why", rec.Code, rec.Body)
	}
}

func TestDiagrams(t *testing.T) {
	if testing.Short() {
		t.Skip("renders with the embedded Graphviz")
	}
	h := seedHandler(t)
	for _, target := range []string{"/api/diagram/ladder?role=Section+Chief", "/api/diagram/around?role=Section+Chief&depth=1",
		"/api/diagram/path?from=Union+secretary&to=Labor+union+chairperson&k=2", "/api/diagram/all"} {
		rec := get(t, h, target)
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), "<svg") {
			t.Errorf("GET %s: status %d: %.300s", target, rec.Code, rec.Body)
			continue
		}
		if ct := rec.Header().Get("Content-Type"); ct != "image/svg+xml" {
			t.Errorf("GET %s: Content-Type %q", target, ct)
		}
		again := get(t, h, target)
		if again.Body.String() != rec.Body.String() {
			t.Errorf("GET %s twice: different pictures", target)
		}
	}
}

func TestReloadAndEvents(t *testing.T) {
	dir := t.TempDir()
	copySeeds(t, dir)
	s := New(Config{Load: func(context.Context) (*loader.Corpus, error) {
		return loader.Load(loader.Options{Paths: []string{dir}})
	}, Debounce: 50 * time.Millisecond})
	if err := s.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := s.watch(ctx, []string{dir}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	defer s.events.close()
	resp, err := http.Get(srv.URL + "/api/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := make(chan string, 8)
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := resp.Body.Read(buf)
			if n > 0 {
				events <- string(buf[:n])
			}
			if err != nil {
				close(events)
				return
			}
		}
	}()
	if ev := <-events; !strings.Contains(ev, "event: hello") {
		t.Fatalf("first event %q, want hello", ev)
	}
	// An editor writes a new file and renames it over the old one.
	name := firstSeed(t, dir)
	data, _ := os.ReadFile(name)
	edited := bytes.Replace(data, []byte("\n"), []byte("\n"), 1)
	edited = append(edited, []byte("\n")...)
	tmp := name + ".swp"
	os.WriteFile(tmp, edited, 0o644)
	start := time.Now()
	if err := os.Rename(tmp, name); err != nil {
		t.Fatal(err)
	}
	select {
	case ev := <-events:
		if !strings.Contains(ev, "event: reload") || !strings.Contains(ev, `"ok":true`) {
			t.Errorf("event %q, want a good reload", ev)
		}
		t.Logf("change to reload event: %v", time.Since(start))
	case <-time.After(5 * time.Second):
		t.Fatal("no reload event within 5 s of a change")
	}
	if g := s.cur.Load().gen; g != 2 {
		t.Errorf("generation %d after one reload, want 2", g)
	}
}

func TestFailedReloadKeepsGraph(t *testing.T) {
	fail := false
	corpus, err := loader.LoadSeeds()
	if err != nil {
		t.Fatal(err)
	}
	s := New(Config{Load: func(context.Context) (*loader.Corpus, error) {
		if fail {
			return nil, io.ErrUnexpectedEOF
		}
		return corpus, nil
	}})
	if err := s.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	fail = true
	if err := s.Reload(context.Background()); err == nil {
		t.Fatal("Reload succeeded with a failing loader")
	}
	rec := get(t, s, "/api/status")
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "reload_error") || !strings.Contains(rec.Body.String(), `"generation": 1`) {
		t.Errorf("status after a failed reload: %s", rec.Body)
	}
	if rec := get(t, s, "/api/stats"); rec.Code != 200 {
		t.Errorf("stats after a failed reload: %d", rec.Code)
	}
}

func TestRunShutsDown(t *testing.T) {
	corpus, err := loader.LoadSeeds()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	var mu sync.Mutex
	w := writerFunc(func(p []byte) (int, error) { mu.Lock(); defer mu.Unlock(); return out.Write(p) })
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Config{Addr: "127.0.0.1:0", Load: func(context.Context) (*loader.Corpus, error) { return corpus, nil }}, w)
	}()
	var base string
	for i := 0; i < 100 && base == ""; i++ {
		time.Sleep(20 * time.Millisecond)
		mu.Lock()
		if i := strings.Index(out.String(), "http://"); i >= 0 {
			base = strings.Fields(out.String()[i:])[0]
		}
		mu.Unlock()
	}
	if base == "" {
		t.Fatalf("Run printed no URL: %q", out.String())
	}
	resp, err := http.Get(base + "api/stats")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET stats: %v %v", err, resp)
	}
	resp.Body.Close()
	ev, err := http.Get(base + "api/events") // an open stream must not hold the shutdown
	if err != nil {
		t.Fatal(err)
	}
	defer ev.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return within 5 s of the cancel")
	}
	if strings.Contains(out.String(), "warning") {
		t.Errorf("a loopback address warned: %q", out.String())
	}
}

func TestNonLoopbackWarns(t *testing.T) {
	corpus, err := loader.LoadSeeds()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Config{Addr: "0.0.0.0:0", Load: func(context.Context) (*loader.Corpus, error) { return corpus, nil }}, &out)
	}()
	for i := 0; i < 100 && !strings.Contains(out.String(), "serving"); i++ {
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	<-done
	if !strings.Contains(out.String(), "warning: listening on") {
		t.Errorf("no warning for 0.0.0.0: %q", out.String())
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// copySeeds copies the seed documents into dir.
func copySeeds(t testing.TB, dir string) {
	t.Helper()
	src := filepath.Join("..", "..", "..", "seeds")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".txt") {
			data, err := os.ReadFile(filepath.Join(src, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func firstSeed(t testing.TB, dir string) string {
	m, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(m) == 0 {
		t.Fatal("no seeds copied")
	}
	return m[0]
}

// BenchmarkPathParallel answers route questions from many goroutines
// at once through the handler (no network).
func BenchmarkPathParallel(b *testing.B) {
	h := seedHandler(b)
	b.SetParallelism(25) // 50 clients on 2 cores
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			rec := get(b, h, "/api/path?k=2&from=Local+Public+Servant+Recruitment+(Administrative+Position)&to=Secretariat+Director-General")
			if rec.Code != 200 {
				b.Fatal(rec.Code)
			}
		}
	})
}

// TestDiagramMoveLimit asks for a ladder of few roles and many moves,
// which Graphviz's dot would take minutes to lay out: the answer is a 400
// that says why, not a picture. A neighbourhood as dense, placed in rings
// and only drawn by Graphviz, is drawn.
func TestDiagramMoveLimit(t *testing.T) {
	dir := t.TempDir()
	// One career path of 13 rungs of 11 roles each, every role of a rung
	// leading to every role of the next: the ladder through a role of the
	// middle rung has 133 roles and 1,232 moves.
	var path []string
	for r := range 13 {
		var rung []string
		for i := range 11 {
			rung = append(rung, fmt.Sprintf("Rung %02d Role %02d", r, i))
		}
		path = append(path, strings.Join(rung, " · "))
	}
	doc := "Dense Ladder\n\nCareer Path\n" + strings.Join(path, " → ") + "\n"
	if err := os.WriteFile(filepath.Join(dir, "ladder.txt"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	const n = 48 // each relates itself to the 47 others: 2,256 moves among 48 roles
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "Role %02d\n\nRelated Jobs\n", i)
		for j := range n {
			if j != i {
				fmt.Fprintf(&b, "- Role %02d\n", j)
			}
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%02d.txt", i)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := loader.Load(loader.Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	h := NewHandler(c)
	rec := get(t, h, "/api/diagram/ladder?role=Rung+06+Role+00")
	want := fmt.Sprintf("depth: the diagram would have 1232 moves, more than the %d that can be laid out quickly: lower depth", MaxDiagramMoves)
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), want) {
		t.Errorf("a dense ladder: %d %s; want 400 saying %q", rec.Code, rec.Body, want)
	}
	// The whole graph names no parameter to change.
	rec = get(t, h, "/api/diagram/all")
	if body := rec.Body.String(); rec.Code != http.StatusBadRequest || !strings.Contains(body, `"error": "the diagram would have `) || !strings.Contains(body, "draw a part") {
		t.Errorf("the whole dense graph: %d %s; want 400 saying to draw a part, with no parameter", rec.Code, body)
	}
	rec = get(t, h, "/api/diagram/around?role=Role+00&depth=1")
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "<svg") {
		t.Errorf("around a role of %d roles all related: %d %.300s; want a picture", n, rec.Code, rec.Body)
	}
}
