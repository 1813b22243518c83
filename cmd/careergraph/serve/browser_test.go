package serve

import (
	"context"
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"careergraph/loader"
)

// injection is a document whose names try to run script in the page.
const injection = `<script>alert(1)</script>
いんじぇくしょん
Industry & Occupation
Classification
- Major : "><img src=x onerror=alert(2)>
Summary
%s "><img src=x onerror=alert(3)> <b>not bold</b>
Career Path
Section Chief → <script>alert(1)</script> → "><img src=x onerror=alert(4)>
Required Skills
<svg onload=alert(5)> / Plain skill
Related Jobs
- Local Office Director
`

// updateScreenshot rewrites the README's screenshot, docs/serve.png.
var updateScreenshot = flag.Bool("update-screenshot", false, "rewrite docs/serve.png from the browser test")

// findChromium returns the path of a Chromium or Chrome, or "".
func findChromium() string {
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestBrowser drives a real browser through the page: search, role,
// routes with k=2, a click on a role in a diagram, back, a download, a
// document edited on disk, and names that try to inject script.
// Screenshots go to out/ (from the module root) and docs/serve.png.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("drives a browser")
	}
	exe := findChromium()
	if exe == "" {
		t.Skip("no browser found: install the Debian package chromium")
	}
	root, _ := filepath.Abs(filepath.Join("..", "..", ".."))
	outDir := filepath.Join(root, "out")
	os.MkdirAll(outDir, 0o755)

	// The corpus is read as "seeds" from its parent folder, so the page
	// (and its screenshots) name files as a user's relative --data does.
	parent := t.TempDir()
	dir := filepath.Join(parent, "seeds")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	copySeeds(t, dir)
	injFile := filepath.Join(dir, "zz_injection.txt")
	writeAtomic(t, injFile, fmt.Sprintf(injection, "Original summary."))
	t.Chdir(parent)

	s := New(Config{Load: func(context.Context) (*loader.Corpus, error) {
		return loader.Load(loader.Options{Paths: []string{"seeds"}})
	}, Debounce: 100 * time.Millisecond, Watch: []string{dir}, Logf: t.Logf})
	if err := s.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	wctx, stopWatch := context.WithCancel(context.Background())
	defer stopWatch()
	if err := s.watch(wctx, []string{dir}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	defer s.events.close()
	base := srv.URL

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.WindowSize(1366, 900), chromedp.Flag("lang", "en-GB"))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	defer cancelT()

	var dialogs []string
	var mu sync.Mutex
	downloaded := make(chan string, 4)
	chromedp.ListenTarget(ctx, func(ev any) {
		switch e := ev.(type) {
		case *page.EventJavascriptDialogOpening:
			mu.Lock()
			dialogs = append(dialogs, e.Message)
			mu.Unlock()
			go chromedp.Run(ctx, page.HandleJavaScriptDialog(false))
		case *browser.EventDownloadProgress:
			if e.State == browser.DownloadProgressStateCompleted {
				downloaded <- e.GUID
			}
		}
	})
	dlDir := t.TempDir()
	shot := func(name string) chromedp.Action {
		return chromedp.ActionFunc(func(ctx context.Context) error {
			var buf []byte // quality 100 is PNG; below it, JPEG
			if err := chromedp.FullScreenshot(&buf, 100).Do(ctx); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(outDir, name), buf, 0o644)
		})
	}
	var h1, loc string
	run := func(step string, actions ...chromedp.Action) {
		t.Helper()
		if err := chromedp.Run(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}

	// Search as you type; Enter opens the first suggestion.
	run("search",
		browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllowAndName).WithDownloadPath(dlDir).WithEventsEnabled(true),
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(`.stat`, chromedp.ByQuery),
		chromedp.SendKeys(`#q`, "local office dir", chromedp.ByID),
		chromedp.WaitVisible(`#suggestions li[role=option]`, chromedp.ByQuery),
		shot("serve-search.png"),
		chromedp.SendKeys(`#q`, "\r", chromedp.ByID),
		chromedp.WaitVisible(`.diagram svg g.node`, chromedp.ByQuery),
		chromedp.Text(`main h1`, &h1, chromedp.ByQuery),
		chromedp.Location(&loc),
	)
	if !strings.HasPrefix(h1, "Local Office Director") || !strings.Contains(loc, "/role/") {
		t.Errorf("after search and Enter: h1 %q at %s", h1, loc)
	}
	// Similar roles and reach counts, every role name a link.
	var similarLinks int
	var reachText string
	run("similar and reach",
		chromedp.WaitVisible(`.similar li a[data-role]`, chromedp.ByQuery),
		chromedp.WaitVisible(`.reach ul`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('.similar li > a[data-role]').length`, &similarLinks),
		chromedp.Text(`.reach p`, &reachText, chromedp.ByQuery),
	)
	if similarLinks == 0 || !strings.Contains(reachText, "within reach") || !strings.Contains(reachText, "by both") {
		t.Errorf("role page: %d similar roles, reach %q; want links and counts by kind", similarLinks, reachText)
	}
	run("role screenshot", shot("serve-role.png"))
	if data, err := os.ReadFile(filepath.Join(outDir, "serve-role.png")); err == nil && *updateScreenshot {
		os.MkdirAll(filepath.Join(root, "docs"), 0o755)
		os.WriteFile(filepath.Join(root, "docs", "serve.png"), data, 0o644)
	}

	// Routes with k=2 through the form.
	var routes int
	run("routes",
		chromedp.Navigate(base+"/path"),
		chromedp.WaitVisible(`#route-form`, chromedp.ByID),
		chromedp.SetValue(`input[name=from]`, "Local Public Servant Recruitment (Administrative Position)", chromedp.ByQuery),
		chromedp.SetValue(`input[name=to]`, "Secretariat Director-General", chromedp.ByQuery),
		chromedp.SetValue(`input[name=k]`, "2", chromedp.ByQuery),
		chromedp.Click(`#route-form button`, chromedp.ByQuery),
		chromedp.WaitVisible(`.route-card`, chromedp.ByQuery),
		chromedp.WaitVisible(`#routes .diagram svg g.node`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('.route-card').length`, &routes),
		chromedp.Location(&loc),
		shot("serve-path.png"),
	)
	if routes != 2 || !strings.Contains(loc, "k=2") {
		t.Errorf("routes: %d cards at %s; want 2 and k=2 in the address", routes, loc)
	}
	// The skill gap of the second route, step by step.
	var gapHead string
	var gapSteps int
	run("gap of route 2",
		chromedp.WaitVisible(`#gap .gap-steps`, chromedp.ByQuery),
		chromedp.Click(`.gap-pick[data-route="1"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#gap .gap-gain, #gap h3`, chromedp.ByQuery),
		chromedp.Text(`#gap h2`, &gapHead, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('#gap .gap-steps > li > a[data-role]').length`, &gapSteps),
		chromedp.Evaluate(`window.scrollTo(0, 0)`, nil), // the sticky header stays at the top of the picture
		shot("serve-gap.png"),
	)
	if gapHead != "Skill gap along route 2" || gapSteps == 0 {
		t.Errorf("gap: heading %q with %d steps; want route 2 and its steps as links", gapHead, gapSteps)
	}
	pathLoc := loc

	// A click on a role in the route diagram opens it; back returns.
	var clicked string
	run("click in diagram",
		chromedp.Evaluate(`(() => { const g = document.querySelectorAll('#routes .diagram svg g.node[data-id^="role-"]')[1]; const id = g.getAttribute('data-id').slice(5); g.dispatchEvent(new MouseEvent('click', {bubbles: true})); return id; })()`, &clicked),
		chromedp.WaitVisible(`.cols`, chromedp.ByQuery),
		chromedp.Location(&loc),
	)
	if !strings.HasSuffix(loc, "/role/"+clicked) {
		t.Errorf("clicked role %q in the diagram; now at %s", clicked, loc)
	}
	run("back",
		chromedp.NavigateBack(),
		chromedp.WaitVisible(`.route-card`, chromedp.ByQuery),
		chromedp.Location(&loc),
	)
	if loc != pathLoc {
		t.Errorf("back: at %s, want %s", loc, pathLoc)
	}

	// A download of the routes.
	run("download", chromedp.Click(`#routes a[data-format="graphml"]`, chromedp.ByQuery))
	select {
	case guid := <-downloaded:
		data, err := os.ReadFile(filepath.Join(dlDir, guid))
		if err != nil || !strings.Contains(string(data), "<graphml") {
			t.Errorf("downloaded file: %v, %.100s", err, data)
		}
	case <-time.After(15 * time.Second):
		t.Error("no download completed within 15 s")
	}

	// Names that try to inject script show as text.
	var texts []string
	var foreign int
	run("injection",
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(`.stat`, chromedp.ByQuery),
		chromedp.SendKeys(`#q`, "<script>", chromedp.ByID),
		chromedp.WaitVisible(`#suggestions li[role=option]`, chromedp.ByQuery),
		chromedp.SendKeys(`#q`, "\r", chromedp.ByID),
		chromedp.WaitVisible(`.diagram svg g.node`, chromedp.ByQuery),
		chromedp.Evaluate(`[document.querySelector('main h1').firstChild.textContent, document.querySelector('main p:nth-of-type(2)') ? document.querySelector('main').innerText : '']`, &texts),
		chromedp.Evaluate(`document.querySelectorAll('main script, main img, main iframe, main [onerror], main [onload], main svg svg').length`, &foreign),
		shot("serve-injection.png"),
	)
	if len(texts) == 0 || texts[0] != "<script>alert(1)</script>" {
		t.Errorf("injection role heading %q, want the name as text", texts)
	}
	if len(texts) > 1 && !strings.Contains(texts[1], `"><img src=x onerror=alert(3)>`) {
		t.Errorf("injection summary not shown as text: %q", texts[1])
	}
	if foreign != 0 {
		t.Errorf("%d script, img, iframe or handler elements in the page built from documents", foreign)
	}
	run("check page", chromedp.Navigate(base+"/check"), chromedp.WaitVisible(`main h1`, chromedp.ByQuery), shot("serve-check.png"))
	run("neighbourhood", chromedp.Navigate(base+"/around/section-chief?depth=2"), chromedp.WaitVisible(`#cy canvas`, chromedp.ByQuery),
		chromedp.Sleep(300*time.Millisecond), shot("serve-around.png"))

	// Edit the document on disk: the open page updates by itself.
	var body string
	run("open the role", chromedp.Navigate(base+"/role/"+urlPathEscape("<script>alert(1)</script>")), chromedp.WaitVisible(`.cols`, chromedp.ByQuery),
		chromedp.Sleep(300*time.Millisecond)) // the event stream connects
	start := time.Now()
	writeAtomic(t, injFile, fmt.Sprintf(injection, "Edited summary 4711."))
	run("live update",
		chromedp.Poll(`document.querySelector('main').innerText.includes('Edited summary 4711.')`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Text(`main`, &body, chromedp.ByQuery),
	)
	t.Logf("a changed document showed in the page after %v", time.Since(start).Round(time.Millisecond))
	run("after edit", shot("serve-live.png"))

	mu.Lock()
	defer mu.Unlock()
	if len(dialogs) > 0 {
		t.Errorf("script from the documents ran: dialogs %q", dialogs)
	}
}

func urlPathEscape(s string) string {
	r := strings.NewReplacer("<", "%3C", ">", "%3E", "(", "%28", ")", "%29", "/", "%2F", " ", "%20")
	return r.Replace(s)
}

// writeAtomic writes name as editors do: a new file renamed over the old.
func writeAtomic(t testing.TB, name, content string) {
	t.Helper()
	tmp := name + ".tmp~"
	if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, name); err != nil {
		t.Fatal(err)
	}
}
