// Command loadtest measures `careergraph serve` under load, on loopback
// only, and stops by itself:
//
//	go run ./cmd/loadtest -bin out/careergraph -data out/bench/100k
//
// It starts the server on 127.0.0.1 with a free port, then
//
//   - sends path, reach, role and search requests, the ones the page
//     sends, from -clients concurrent clients for -duration each kind,
//     then all four mixed, and prints requests per second, p50, p99 and
//     the slowest latency and the errors of each (-kinds sends only the
//     kinds named, and then no mixed run);
//   - sends -diagrams diagram requests (ladders and neighbourhoods of
//     roles drawn from a pool, so that some are cached and most are not)
//     and prints the server's resident memory before, during and after;
//   - changes a document's summary on disk and prints the time until the
//     page would show it: the reload event on /api/events, and the role's
//     answer holding the new text. The document is put back afterwards.
//
// Any error answer fails the run (exit status 1).
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

func main() {
	bin := flag.String("bin", "out/careergraph", "the careergraph `program` to serve with")
	data := flag.String("data", "out/bench/100k", "document `folder` to serve")
	clients := flag.Int("clients", 50, "concurrent `clients`")
	duration := flag.Duration("duration", 5*time.Second, "how long to send each kind of request")
	diagrams := flag.Int("diagrams", 10000, "diagram requests for the memory measure (0: none)")
	pool := flag.Int("pool", 2000, "distinct diagram questions to draw the requests from")
	reload := flag.Bool("reload", true, "measure the time from a changed document to the page showing it")
	seed := flag.Uint64("seed", 1, "random `seed` of the questions")
	diagramLimit := flag.Duration("diagram-limit", 3*time.Minute, "stop the diagram requests after this long")
	rate := flag.Int("rate", 2000, "path requests per second to offer in the paced run (0: none)")
	only := flag.String("kinds", "path,reach,role,search", "the `kinds` of request to send as fast as answered, comma-separated (the mixed run needs all four)")
	flag.Parse()
	if err := run(*bin, *data, *clients, *rate, *duration, *diagrams, *pool, *diagramLimit, *reload, *seed, strings.Split(*only, ",")); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

func run(bin, data string, clients, rate int, duration time.Duration, diagrams, pool int, diagramLimit time.Duration, reload bool, seed uint64, only []string) error {
	srv, err := startServer(bin, data)
	if err != nil {
		return err
	}
	defer srv.stop()
	fmt.Printf("server: %s, %s, started in %v, resident memory %s\n", srv.url, data, srv.started.Round(time.Millisecond), mb(srv.rss()))

	var roles struct {
		Roles []struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		} `json:"roles"`
	}
	if err := getJSON(srv.client, srv.url+"api/roles?documented=true", &roles); err != nil {
		return err
	}
	if len(roles.Roles) < 2 {
		return fmt.Errorf("%s: %d documented roles; need two or more", data, len(roles.Roles))
	}
	ids := make([]string, len(roles.Roles))
	var words []string
	for i, r := range roles.Roles {
		ids[i] = r.ID
		if i < 5000 {
			words = append(words, strings.Fields(r.Name)...)
		}
	}
	slices.Sort(words)
	words = slices.Compact(words)
	fmt.Printf("questions from %d documented roles, %d words\n\n", len(ids), len(words))

	rng := rand.New(rand.NewPCG(seed, 2))
	var mu sync.Mutex
	pick := func(s []string) string {
		mu.Lock()
		defer mu.Unlock()
		return s[rng.IntN(len(s))]
	}
	esc := url.PathEscape
	kinds := []struct {
		name string
		next func() string
	}{
		{"path", func() string {
			return "api/path?from=" + url.QueryEscape(pick(ids)) + "&to=" + url.QueryEscape(pick(ids))
		}},
		{"reach", func() string { return "api/reach/" + esc(pick(ids)) + "?max_cost=3" }},
		{"role", func() string { return "api/roles/" + esc(pick(ids)) }},
		{"search", func() string {
			w := pick(words)
			return "api/roles?limit=8&q=" + url.QueryEscape(w[:min(len(w), 3+rng.IntN(4))])
		}},
	}
	fmt.Printf("%d clients, %v each kind, as fast as answered (reach: max_cost=3; search: the page's suggestions, limit=8)\n", clients, duration)
	fmt.Printf("%-8s %9s %9s %9s %9s %9s %7s\n", "kind", "requests", "req/s", "p50", "p99", "slowest", "errors")
	failed := 0
	for _, k := range kinds {
		if !slices.Contains(only, k.name) {
			continue
		}
		r := hammer(srv, clients, duration, func(int) (string, string) { return k.name, k.next() })
		failed += r.print()
	}
	if rate > 0 {
		fmt.Printf("path requests offered at %d/s by %d clients for %v (latency from when each was due)\n", rate, clients, duration)
		r := paced(srv, clients, rate, duration, kinds[0].next)
		failed += r.print()
	}
	if len(only) == len(kinds) {
		fmt.Println("as fast as answered, mixed, the four kinds in turn:")
		mixed := hammer(srv, clients, duration, func(i int) (string, string) { k := kinds[i%len(kinds)]; return k.name, k.next() })
		failed += mixed.print()
	}
	fmt.Printf("resident memory after the load: %s\n\n", mb(srv.rss()))

	if diagrams > 0 {
		if err := diagramMemory(srv, ids, diagrams, pool, diagramLimit, rng); err != nil {
			failed++
			fmt.Println("diagrams:", err)
		}
	}
	if reload {
		if err := reloadLatency(srv, data, roles.Roles[0].ID); err != nil {
			failed++
			fmt.Println("reload:", err)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d failures", failed)
	}
	return nil
}

// server is a careergraph serve process.
type server struct {
	cmd     *exec.Cmd
	url     string
	started time.Duration
	client  *http.Client
	stderr  *syncBuffer
}

func startServer(bin, data string) (*server, error) {
	if _, err := os.Stat(bin); err != nil {
		return nil, fmt.Errorf("%v (make build writes it)", err)
	}
	cmd := exec.Command(bin, "serve", "--data", data, "--addr", "127.0.0.1:0")
	stopWithUs(cmd)
	s := &server{cmd: cmd, stderr: &syncBuffer{}}
	cmd.Stderr = s.stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	go io.Copy(io.Discard, out)
	s.url = regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+/`).FindString(line)
	if s.url == "" {
		cmd.Process.Kill()
		cmd.Wait()
		return nil, fmt.Errorf("serve printed %q, no loopback URL; stderr: %s", line, s.stderr.String())
	}
	s.started = time.Since(start)
	s.client = &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 256}}
	return s, nil
}

// stop interrupts the server as Ctrl-C does and waits for it.
func (s *server) stop() {
	s.cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		s.cmd.Process.Kill()
		<-done
	}
}

// rss is the server's resident memory in bytes, from /proc (Linux); 0
// where there is none.
func (s *server) rss() int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}

func mb(n int64) string {
	if n == 0 {
		return "unknown"
	}
	return fmt.Sprintf("%.0f MB", float64(n)/(1<<20))
}

// result holds the latencies and errors of a run, by kind.
type result struct {
	kinds    []string
	lat      map[string][]time.Duration
	errs     map[string]int
	firstErr map[string]string
	elapsed  time.Duration
}

// hammer sends requests from clients goroutines for d; next gives the
// kind and the URL (relative to the server's) of the i-th request of a
// client.
func hammer(s *server, clients int, d time.Duration, next func(i int) (kind, rel string)) *result {
	r := &result{lat: map[string][]time.Duration{}, errs: map[string]int{}, firstErr: map[string]string{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(d)
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lat := map[string][]time.Duration{}
			errs := map[string]int{}
			first := map[string]string{}
			for i := c; time.Now().Before(deadline); i++ {
				kind, rel := next(i)
				t0 := time.Now()
				err := fetch(s.client, s.url+rel)
				lat[kind] = append(lat[kind], time.Since(t0))
				if err != nil {
					errs[kind]++
					if first[kind] == "" {
						first[kind] = rel + ": " + err.Error()
					}
				}
			}
			mu.Lock()
			for k, v := range lat {
				if _, ok := r.lat[k]; !ok {
					r.kinds = append(r.kinds, k)
				}
				r.lat[k] = append(r.lat[k], v...)
			}
			for k, n := range errs {
				r.errs[k] += n
				if r.firstErr[k] == "" {
					r.firstErr[k] = first[k]
				}
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	r.elapsed = time.Since(start)
	slices.Sort(r.kinds)
	return r
}

// paced offers rate requests a second, spread over clients goroutines,
// for d. A request's latency is counted from when it was due, so a
// server that falls behind shows it (no coordinated omission).
func paced(s *server, clients, rate int, d time.Duration, next func() string) *result {
	r := &result{kinds: []string{"path"}, lat: map[string][]time.Duration{}, errs: map[string]int{}, firstErr: map[string]string{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now().Add(50 * time.Millisecond)
	total := int(d.Seconds() * float64(rate))
	gap := time.Second / time.Duration(rate)
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lat []time.Duration
			errs, first := 0, ""
			for j := c; j < total; j += clients {
				due := start.Add(time.Duration(j) * gap)
				time.Sleep(time.Until(due))
				rel := next()
				err := fetch(s.client, s.url+rel)
				lat = append(lat, time.Since(due))
				if err != nil {
					errs++
					if first == "" {
						first = rel + ": " + err.Error()
					}
				}
			}
			mu.Lock()
			r.lat["path"] = append(r.lat["path"], lat...)
			r.errs["path"] += errs
			if r.firstErr["path"] == "" {
				r.firstErr["path"] = first
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	r.elapsed = time.Since(start)
	return r
}

// print writes a line per kind and returns the number of errors.
func (r *result) print() int {
	failed := 0
	for _, k := range r.kinds {
		l := r.lat[k]
		slices.Sort(l)
		fmt.Printf("%-8s %9d %9.0f %9s %9s %9s %7d\n", k, len(l), float64(len(l))/r.elapsed.Seconds(),
			ms(quantile(l, 0.50)), ms(quantile(l, 0.99)), ms(l[len(l)-1]), r.errs[k])
		if r.errs[k] > 0 {
			fmt.Printf("  first error: %s\n", r.firstErr[k])
			failed += r.errs[k]
		}
	}
	return failed
}

func quantile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, int(q*float64(len(sorted))))]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond)) }

// fetch GETs u, reads the body and fails on any status but 200.
func fetch(c *http.Client, u string) error {
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %.200s", resp.Status, body)
	}
	return nil
}

func getJSON(c *http.Client, u string, v any) error {
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("GET %s: %s: %.200s", u, resp.Status, b)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// diagramMemory sends n diagram requests, ladders and neighbourhoods of
// roles from a pool of questions, from four clients, and prints the
// server's resident memory as it goes.
func diagramMemory(s *server, ids []string, n, pool int, limit time.Duration, rng *rand.Rand) error {
	questions := make([]string, 0, pool)
	for i := 0; i < pool; i++ {
		id := url.QueryEscape(ids[rng.IntN(len(ids))])
		switch i % 3 {
		case 0:
			questions = append(questions, "api/diagram/ladder?role="+id+"&depth=1")
		case 1:
			questions = append(questions, "api/diagram/around?role="+id+"&depth=1")
		default:
			questions = append(questions, "api/diagram/ladder?role="+id+"&depth=1&reading=true")
		}
	}
	order := make([]int, n)
	for i := range order {
		order[i] = rng.IntN(len(questions))
	}
	before := s.rss()
	fmt.Printf("%d diagram requests from %d questions (ladders and neighbourhoods), 4 clients\n", n, pool)
	fmt.Printf("%8s %10s %10s\n", "requests", "memory", "elapsed")
	fmt.Printf("%8d %10s %10s\n", 0, mb(before), "0s")
	var next, done int
	var mu sync.Mutex
	var wg sync.WaitGroup
	var lat []time.Duration
	var firstErr error
	errs := 0
	start := time.Now()
	for c := 0; c < 4; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				if next == n || time.Since(start) > limit {
					mu.Unlock()
					return
				}
				q := questions[order[next]]
				next++
				mu.Unlock()
				t0 := time.Now()
				err := fetch(s.client, s.url+q)
				d := time.Since(t0)
				mu.Lock()
				lat = append(lat, d)
				if err != nil {
					errs++
					if firstErr == nil {
						firstErr = fmt.Errorf("%s: %w", q, err)
					}
				}
				done++
				if done%(max(n/10, 1)) == 0 {
					fmt.Printf("%8d %10s %10s\n", done, mb(s.rss()), time.Since(start).Round(time.Second))
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	slices.Sort(lat)
	after := s.rss()
	if done < n {
		fmt.Printf("stopped after %v: %d of %d requests\n", limit, done, n)
	}
	fmt.Printf("memory before %s, after %s (%+.0f MB); p50 %s, p99 %s, %d errors\n\n",
		mb(before), mb(after), float64(after-before)/(1<<20), ms(quantile(lat, .5)), ms(quantile(lat, .99)), errs)
	return firstErr
}

// reloadLatency changes the summary of the document that describes role
// and measures the time until the reload event, and until the role's
// answer holds the new summary; then it puts the document back.
func reloadLatency(s *server, data, role string) error {
	var card struct {
		Summary   string   `json:"summary"`
		Documents []string `json:"documents"`
	}
	if err := getJSON(s.client, s.url+"api/roles/"+url.PathEscape(role), &card); err != nil {
		return err
	}
	if len(card.Documents) == 0 || card.Summary == "" {
		return fmt.Errorf("role %s: no document or no summary to change", role)
	}
	file := card.Documents[0]
	if i := strings.LastIndexByte(file, ':'); i > 0 {
		if _, err := strconv.Atoi(file[i+1:]); err == nil {
			file = file[:i]
		}
	}
	if _, err := os.Stat(file); err != nil && !filepath.IsAbs(file) {
		file = filepath.Join(data, file)
	}
	orig, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if !strings.Contains(string(orig), card.Summary) {
		return fmt.Errorf("%s does not hold the summary %q", file, card.Summary)
	}
	events, stop, err := listen(s)
	if err != nil {
		return err
	}
	defer stop()
	var measured []string
	for i, mark := range []string{"first", "second", "third"} {
		text := fmt.Sprintf("Changed summary %d %s.", os.Getpid(), mark)
		start := time.Now()
		if err := writeReplacing(file, strings.Replace(string(orig), card.Summary, text, 1)); err != nil {
			return err
		}
		if err := waitEvent(events, 60*time.Second); err != nil {
			writeReplacing(file, string(orig))
			return err
		}
		evt := time.Since(start)
		var now struct {
			Summary string `json:"summary"`
		}
		if err := getJSON(s.client, s.url+"api/roles/"+url.PathEscape(role), &now); err != nil {
			return err
		}
		if now.Summary != text {
			writeReplacing(file, string(orig))
			return fmt.Errorf("after the reload the summary is %q, want %q", now.Summary, text)
		}
		measured = append(measured, fmt.Sprintf("change %d: reload event after %v, page's answer after %v", i+1,
			evt.Round(time.Millisecond), time.Since(start).Round(time.Millisecond)))
	}
	if err := writeReplacing(file, string(orig)); err != nil {
		return err
	}
	err = waitEvent(events, 60*time.Second)
	fmt.Printf("a changed document (%s) until the page shows it (debounce 200 ms included):\n  %s\n", file, strings.Join(measured, "\n  "))
	fmt.Printf("resident memory after the reloads: %s\n", mb(s.rss()))
	return err
}

// writeReplacing writes name as editors do: a new file renamed over it.
func writeReplacing(name, content string) error {
	tmp := name + ".loadtest~"
	if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}

// listen opens /api/events and returns a channel of its reload events.
func listen(s *server) (<-chan string, func(), error) {
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.url+"api/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		return nil, nil, err
	}
	ch := make(chan string, 8)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		event := ""
		for sc.Scan() {
			line := sc.Text()
			if name, ok := strings.CutPrefix(line, "event:"); ok {
				event = strings.TrimSpace(name)
			} else if strings.HasPrefix(line, "data:") && event == "reload" {
				ch <- line
			}
		}
		close(ch)
	}()
	return ch, cancel, nil
}

func waitEvent(events <-chan string, d time.Duration) error {
	select {
	case e, ok := <-events:
		if !ok {
			return errors.New("the event stream ended")
		}
		if strings.Contains(e, `"ok":false`) {
			return fmt.Errorf("reload failed: %s", e)
		}
		return nil
	case <-time.After(d):
		return fmt.Errorf("no reload event within %v", d)
	}
}

// syncBuffer is a strings.Builder safe for the server's stderr.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
