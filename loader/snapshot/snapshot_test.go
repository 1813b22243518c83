package snapshot

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"careergraph/graph"
	"careergraph/internal/mapfile"
	"careergraph/loader"
	"careergraph/loader/synth"
)

// cacheFixture writes a small synthetic corpus and returns its folder and
// an empty cache folder.
func cacheFixture(t *testing.T) (data, cache string) {
	t.Helper()
	data = t.TempDir()
	if err := synth.Write(data, 300, 7); err != nil {
		t.Fatal(err)
	}
	age(t, data)
	return data, filepath.Join(t.TempDir(), "cache")
}

// age sets the modification time of the files and folders below root
// changed in the last minute an hour back: a file a test has just
// written is racy (see RacyWindow) for a few seconds, and a slow run
// would see its key change between two loads; a folder just written
// keeps the snapshot from keeping its listing. What was aged before is
// left as it is.
func age(t *testing.T, root string) {
	t.Helper()
	now := time.Now()
	past := now.Add(-time.Hour)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if info, err := d.Info(); err == nil && info.ModTime().After(now.Add(-time.Minute)) {
			return os.Chtimes(p, past, past)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func loadCached(t *testing.T, opt loader.Options, cache, version string) (*loader.Corpus, bool) {
	t.Helper()
	c, hit, err := Load(opt, cache, version)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return c, hit
}

// unpacked compares profiles by their fields and their documents'
// sections, however packed.
var unpacked = cmp.Transformer("profile", func(p graph.Profile) any {
	docs, err := p.Docs()
	return struct {
		Summary                                           string
		RequiredSkills, RecommendedSkills, Qualifications []string
		Docs                                              []graph.DocProfile
		Err                                               string
	}{p.Summary, p.RequiredSkills, p.RecommendedSkills, p.Qualifications, docs, fmt.Sprint(err)}
})

// sameCorpus fails unless a and b hold the same graph and findings.
func sameCorpus(t *testing.T, a, b *loader.Corpus) {
	t.Helper()
	type view struct {
		Roles                  []graph.Role
		Moves                  []graph.Move
		Rungs                  [][]string
		Stats                  graph.Stats
		NumDocuments, NumFiles int
		Skipped                []string
		Problems               []loader.Problem
		Merges                 []loader.Merge
		Ambiguous              []loader.Ambiguity
		NearDuplicates         []loader.NearDuplicate
		Routes                 []graph.Route
	}
	see := func(c *loader.Corpus) view {
		g := c.Graph
		v := view{
			Roles: g.Roles(), Moves: g.Moves(), Rungs: g.Rungs(), Stats: g.Stats(),
			NumDocuments: c.NumDocuments, NumFiles: c.NumFiles, Skipped: c.Skipped,
			Problems: c.Problems, Merges: c.Merges, Ambiguous: c.Ambiguous, NearDuplicates: c.NearDuplicates,
		}
		roles := g.Roles()
		for i := 0; i < 20; i++ {
			r, err := g.Path(roles[i*7%len(roles)].ID, roles[i*13%len(roles)].ID, graph.PathOptions{})
			if err == nil {
				v.Routes = append(v.Routes, r)
			}
		}
		return v
	}
	if diff := cmp.Diff(see(a), see(b), cmpopts.EquateEmpty(), unpacked); diff != "" {
		t.Errorf("corpora differ (-first +second):\n%s", diff)
	}
}

// parsedAndWarm returns the corpus opt names parsed, then loaded twice
// through the empty cache: the first Load must parse it and write its
// snapshot, the second use the snapshot.
func parsedAndWarm(t *testing.T, opt loader.Options, cache string) (parsed, first, warm *loader.Corpus) {
	t.Helper()
	parsed, err := loader.Load(opt)
	if err != nil {
		t.Fatal(err)
	}
	first, hit := loadCached(t, opt, cache, "1")
	if hit {
		t.Fatal("first Load came from a cache that was empty")
	}
	warm, hit = loadCached(t, opt, cache, "1")
	if !hit {
		t.Fatal("second Load did not use the snapshot")
	}
	return parsed, first, warm
}

func TestLoad(t *testing.T) {
	data, cache := cacheFixture(t)
	spilled := spilledSnapshots.Load()
	want, first, second := parsedAndWarm(t, loader.Options{Paths: []string{data}}, cache)
	// On Linux, the file the profiles were spilled to is the snapshot
	// (saveInSpill), where the cache's file system makes files with no
	// name.
	if spilledSnapshots.Load() == spilled && tmpfileWorks(cache) {
		t.Error("the snapshot was not made of the spill file")
	}
	if first.Documents != nil || second.Documents != nil {
		t.Error("Load kept Documents")
	}
	if want.NumDocuments != len(want.Documents) || want.NumDocuments != 300 {
		t.Errorf("loader.Load: NumDocuments = %d, len(Documents) = %d; want 300", want.NumDocuments, len(want.Documents))
	}
	sameCorpus(t, want, first)
	sameCorpus(t, want, second)
}

// TestStart loads through an empty cache with Start and reads the whole
// corpus (every profile, every role, routes) while its snapshot is being
// written: under -race, the writer and the reader must not conflict. Once
// written, the snapshot is used, and gives the same corpus.
func TestStart(t *testing.T) {
	data, cache := cacheFixture(t)
	opt := loader.Options{Paths: []string{data}}
	want, err := loader.Load(opt)
	if err != nil {
		t.Fatal(err)
	}
	c, hit, wait, err := Start(opt, cache, "1")
	if err != nil || hit {
		t.Fatalf("Start on an empty cache: hit %v, %v", hit, err)
	}
	sameCorpus(t, want, c) // while the snapshot is written
	wait()
	sameCorpus(t, want, c)
	warm, hit, wait, err := Start(opt, cache, "1")
	if err != nil || !hit {
		t.Fatalf("Start once the snapshot is written: hit %v, %v", hit, err)
	}
	wait() // nothing to write: returns at once
	sameCorpus(t, want, warm)
}

// TestLoadCopied is TestLoad where the spill file cannot become the
// snapshot (off Linux, or a file system that makes no file without a
// name): the profiles are copied into a file of the snapshot's own, and
// the corpus then reads them there.
func TestLoadCopied(t *testing.T) {
	spillSnapshots = false
	defer func() { spillSnapshots = true }()
	data, cache := cacheFixture(t)
	spilled := spilledSnapshots.Load()
	want, first, second := parsedAndWarm(t, loader.Options{Paths: []string{data}}, cache)
	if spilledSnapshots.Load() != spilled {
		t.Error("the snapshot was made of the spill file")
	}
	// Once copied, the profiles are read from the snapshot's file.
	if runtime.GOOS == "linux" {
		for _, r := range first.Graph.Roles() {
			if r.Profile == nil {
				continue
			}
			_, owner := r.Profile.Packed()
			if m, ok := owner.(*mapfile.Mapping); !ok || !strings.HasPrefix(filepath.Base(m.File().Name()), "snapshot-") {
				t.Fatalf("%s: profile owned by %v, not the snapshot's file", r.Name, owner)
			}
		}
	}
	sameCorpus(t, want, first)
	sameCorpus(t, want, second)
}

// TestLoadSameTitle loads a corpus where two documents share a title:
// that occupation's profile is the two documents' joined in memory, so a
// snapshot made of the spill file holds it after the spilled ones.
func TestLoadSameTitle(t *testing.T) {
	data, cache := cacheFixture(t)
	one := filepath.Join(data, synth.New(300, 7).Name(5))
	text, err := os.ReadFile(one)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(filepath.Dir(one), "same-title.txt"), text, 0o644); err != nil {
		t.Fatal(err)
	}
	age(t, data)
	opt := loader.Options{Paths: []string{data}}
	spilled := spilledSnapshots.Load()
	want, first, warm := parsedAndWarm(t, opt, cache)
	if spilledSnapshots.Load() == spilled && tmpfileWorks(cache) {
		t.Error("the snapshot was not made of the spill file")
	}
	if l, m := spillLayout(first.Graph.Roles()); m != nil && len(l.written) == 0 {
		t.Error("no profile held in memory: the occupation of two documents was not joined")
	}
	// The spill file is the snapshot now: never written to again, even
	// once that snapshot is gone and the file has no name again.
	if err := os.Remove(filepath.Join(cache, fileName(opt))); err != nil {
		t.Fatal(err)
	}
	var key [32]byte
	if err := saveInSpill(filepath.Join(cache, "again.snap"), key, first); !errors.Is(err, errNoSpill) {
		t.Errorf("the snapshot's corpus saved in its spill file again: %v; want %v", err, errNoSpill)
	}
	sameCorpus(t, want, first)
	sameCorpus(t, want, warm)
}

func TestLoadStale(t *testing.T) {
	data, cache := cacheFixture(t)
	opt := loader.Options{Paths: []string{data}}
	file := filepath.Join(data, synth.New(300, 7).Name(5))
	loadCached(t, opt, cache, "1")

	changes := []struct {
		name   string
		change func(t *testing.T) (version string)
	}{
		{"modification time", func(t *testing.T) string {
			later := time.Now().Add(time.Hour)
			if err := os.Chtimes(file, later, later); err != nil {
				t.Fatal(err)
			}
			return "1"
		}},
		{"size and title", func(t *testing.T) string {
			text, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			info, _ := os.Stat(file)
			if err := os.WriteFile(file, append([]byte("Changed Title For Test\n"), text...), 0o644); err != nil {
				t.Fatal(err)
			}
			os.Chtimes(file, info.ModTime(), info.ModTime()) // only the size tells
			return "1"
		}},
		{"new file", func(t *testing.T) string {
			if err := os.WriteFile(filepath.Join(data, "extra.txt"), []byte("Extra Occupation\nSummary\nNew.\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			age(t, filepath.Join(data, "extra.txt"))
			return "1"
		}},
		{"version", func(t *testing.T) string { return "2" }},
	}
	for _, ch := range changes {
		version := ch.change(t)
		c, hit := loadCached(t, opt, cache, version)
		if hit {
			t.Errorf("after a change of %s: the stale snapshot was used", ch.name)
		}
		want, err := loader.Load(opt)
		if err != nil {
			t.Fatal(err)
		}
		sameCorpus(t, want, c)
		if _, hit := loadCached(t, opt, cache, version); !hit {
			t.Errorf("after a change of %s: the snapshot was not rebuilt", ch.name)
		}
	}
	if _, err := os.Stat(filepath.Join(data, "extra.txt")); err == nil {
		g, _ := loadCached(t, opt, cache, "2")
		if _, err := g.Graph.Resolve("Extra Occupation"); err != nil {
			t.Errorf("the cached corpus misses the new document: %v", err)
		}
	}
}

func TestLoadAliases(t *testing.T) {
	data, cache := cacheFixture(t)
	aliases := filepath.Join(t.TempDir(), "aliases.csv")
	if err := os.WriteFile(aliases, []byte("name,canonical\nFoo,Bar\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	age(t, aliases)
	opt := loader.Options{Paths: []string{data}, Aliases: aliases}
	loadCached(t, opt, cache, "1")
	if _, hit := loadCached(t, opt, cache, "1"); !hit {
		t.Fatal("the snapshot was not used")
	}
	if err := os.WriteFile(aliases, []byte("name,canonical\nFoo,Baz\nQux,Bar\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	age(t, aliases)
	c, hit := loadCached(t, opt, cache, "1")
	if hit {
		t.Fatal("the snapshot was used after the alias file changed")
	}
	want, err := loader.Load(opt)
	if err != nil {
		t.Fatal(err)
	}
	sameCorpus(t, want, c)
}

// TestLoadCorrupt damages the snapshot in many ways: each load must
// notice, load the documents and write a good snapshot again.
func TestLoadCorrupt(t *testing.T) {
	data, cache := cacheFixture(t)
	opt := loader.Options{Paths: []string{data}}
	want, _ := loadCached(t, opt, cache, "1")
	snap := filepath.Join(cache, fileName(opt))
	good, err := os.ReadFile(snap)
	if err != nil {
		t.Fatal(err)
	}
	damages := map[string][]byte{
		"empty":     {},
		"truncated": good[:len(good)/2],
		"no format": good[:len(good)-1],
		"flipped":   flip(good, headAt(good)+headSize(good)/2), // in the head
		"index":     flip(good, indexAt(good)+1),
		"sizes":     flip(good, len(good)-trailerSize+2*8), // the head's length
		"long":      append(good[:len(good):len(good)], 'x'),
		"garbage":   []byte("not a snapshot at all"),
		"directory": nil, // the snapshot's name is taken by a folder
	}
	for name, bad := range damages {
		os.RemoveAll(snap)
		if name == "directory" {
			os.Mkdir(snap, 0o755)
		} else if err := os.WriteFile(snap, bad, 0o644); err != nil {
			t.Fatal(err)
		}
		c, hit := loadCached(t, opt, cache, "1")
		if hit {
			t.Errorf("%s snapshot: used", name)
		}
		sameCorpus(t, want, c)
		if name == "directory" {
			continue
		}
		if _, hit := loadCached(t, opt, cache, "1"); !hit {
			t.Errorf("%s snapshot: not rewritten", name)
		}
	}
}

// TestLoadDamagedProfile damages one role's profile in the snapshot: the
// snapshot is used (profiles are not read when it is) and that profile
// says it is damaged, the others unharmed.
func TestLoadDamagedProfile(t *testing.T) {
	data, cache := cacheFixture(t)
	opt := loader.Options{Paths: []string{data}}
	want, _ := loadCached(t, opt, cache, "1")
	snap := filepath.Join(cache, fileName(opt))
	good, err := os.ReadFile(snap)
	if err != nil {
		t.Fatal(err)
	}
	at := profilesSize(good) - 10 // in the last role's profile
	if err := os.WriteFile(snap, flip(good, at), 0o644); err != nil {
		t.Fatal(err)
	}
	c, hit := loadCached(t, opt, cache, "1")
	if !hit {
		t.Fatal("snapshot with a damaged profile: not used")
	}
	damaged := 0
	for i, r := range c.Graph.Roles() {
		docs, err := r.Profile.Docs()
		wantDocs, _ := want.Graph.Roles()[i].Profile.Docs()
		switch {
		case errors.Is(err, graph.ErrDamagedProfile):
			damaged++
		case err != nil:
			t.Errorf("%s: %v", r.Name, err)
		case !cmp.Equal(docs, wantDocs):
			t.Errorf("%s: profile differs", r.Name)
		}
	}
	if damaged != 1 {
		t.Errorf("%d profiles damaged, want 1", damaged)
	}
}

// sizeOf returns the length the trailer of a snapshot file gives
// its profiles (i 0), index (1) or head (2).
func sizeOf(data []byte, i int) int {
	return int(binary.LittleEndian.Uint64(data[len(data)-trailerSize+8*i:]))
}

func profilesSize(data []byte) int { return sizeOf(data, 0) }
func indexAt(data []byte) int      { return align(sizeOf(data, 0)) }
func headAt(data []byte) int       { return indexAt(data) + sizeOf(data, 1) }
func headSize(data []byte) int     { return sizeOf(data, 2) }

func flip(b []byte, i int) []byte {
	out := append([]byte(nil), b...)
	out[i] ^= 0x55
	return out
}

// TestDecodeSnapshotDamaged feeds the decoder every truncation and many
// single-byte changes of a good snapshot body (skipping the checksum that
// would catch them): it must fail or succeed, never panic.
func TestDecodeSnapshotDamaged(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, 20, 3); err != nil {
		t.Fatal(err)
	}
	c, err := loader.Load(loader.Options{Paths: []string{dir}, DropDocuments: true})
	if err != nil {
		t.Fatal(err)
	}
	var key [32]byte
	body, index, profiles := splitSnapshot(t, encodeSnapshot(t, key, c))
	if _, err := decodeSnapshot(body, index, profiles, nil, nil); err != nil {
		t.Fatalf("good snapshot: %v", err)
	}
	// A damaged snapshot that decodes all the same must still give its
	// roles and moves, read one at a time or all at once, without a
	// panic.
	good := c.Graph.Roles()
	use := func(c *loader.Corpus, err error) {
		if err != nil {
			return
		}
		for i, r := range good[:5] {
			c.Graph.Role(r.ID)
			c.Graph.Lookup(r.Name)
			c.Graph.Paths(r.ID, good[len(good)-1-i].ID, 2, graph.PathOptions{})
		}
		for _, r := range c.Graph.Roles()[:5] {
			c.Graph.MovesOf(r.ID)
		}
		c.Graph.Moves()
	}
	step := max(1, len(body)/800)
	for n := 0; n < len(body); n += step {
		use(decodeSnapshot(body[:n], index, profiles, nil, nil))
		for _, x := range []byte{0x01, 0x80, 0xff} {
			use(decodeSnapshot(flip2(body, n, x), index, profiles, nil, nil))
		}
	}
	// Profiles cut short or too long.
	for _, p := range []string{"", profiles[:len(profiles)/2], profiles + "x"} {
		if _, err := decodeSnapshot(body, index, p, nil, nil); err == nil {
			t.Errorf("profiles of %d bytes, not %d: decoded", len(p), len(profiles))
		}
	}
}

// splitSnapshot returns the head of a snapshot file, its index and its
// profiles.
func splitSnapshot(t testing.TB, data []byte) (head, index []byte, profiles string) {
	t.Helper()
	sec, err := split(data, nil)
	if err != nil {
		t.Fatalf("snapshot of %d bytes: %v", len(data), err)
	}
	return sec.head, sec.index, string(sec.profiles)
}

func flip2(b []byte, i int, x byte) []byte {
	out := append([]byte(nil), b...)
	out[i] ^= x
	return out
}

func TestLoadUnwritable(t *testing.T) {
	data, _ := cacheFixture(t)
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	cache := filepath.Join(blocker, "cache") // below a file: never creatable
	opt := loader.Options{Paths: []string{data}}
	want, err := loader.Load(opt)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		c, hit := loadCached(t, opt, cache, "1")
		if hit {
			t.Fatal("a snapshot that cannot exist was used")
		}
		sameCorpus(t, want, c)
	}
}

func TestLoadSeedsAndNoCache(t *testing.T) {
	cache := filepath.Join(t.TempDir(), "cache")
	c, hit := loadCached(t, loader.Options{}, cache, "1")
	if hit || c.NumDocuments != 5 {
		t.Errorf("seeds: from cache %v, %d documents; want false, 5", hit, c.NumDocuments)
	}
	if _, err := os.Stat(cache); err == nil {
		t.Error("the seeds were cached")
	}
	data, _ := cacheFixture(t)
	for range 2 {
		if _, hit := loadCached(t, loader.Options{Paths: []string{data}}, "", "1"); hit {
			t.Error("an empty cache folder was used")
		}
	}
}

// TestRemoveStale checks that the cache folder does not grow without end:
// snapshots unused for a month and temporary files left for an hour go,
// everything else stays.
func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	files := map[string]time.Time{
		"old.snap":            now.Add(-31 * 24 * time.Hour),
		"recent.snap":         now.Add(-29 * 24 * time.Hour),
		"snapshot-1.tmp":      now.Add(-2 * time.Hour),
		"snapshot-2.tmp":      now.Add(-time.Minute),
		"old.list":            now.Add(-31 * 24 * time.Hour),
		"recent.list":         now.Add(-29 * 24 * time.Hour),
		"listing-1.tmp":       now.Add(-2 * time.Hour),
		"listing-2.tmp":       now.Add(-time.Minute),
		"someone-elses.thing": now.Add(-365 * 24 * time.Hour),
	}
	for name, mtime := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, mtime, mtime)
	}
	removeStale(dir)
	for name := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		gone := err != nil
		if want := strings.HasPrefix(name, "old.") || strings.HasSuffix(name, "-1.tmp"); gone != want {
			t.Errorf("%s: removed %v; want %v", name, gone, want)
		}
	}
}

// TestLoadRacyEdit edits a document within the same tick of the file
// system's clock as the snapshot, keeping its size and modification time:
// the snapshot must not be served (git's racy-entry rule).
func TestLoadRacyEdit(t *testing.T) {
	// A window wider than this test is slow keeps the file racy to the
	// end, so that the last load sees the key it wrote.
	defer func(w time.Duration) { RacyWindow = w }(RacyWindow)
	RacyWindow = time.Minute
	data := t.TempDir()
	file := filepath.Join(data, "a.txt")
	if err := os.WriteFile(file, []byte("Mayor\nCareer Path\nClerk → Mayor\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tick := time.Now().Truncate(time.Second)
	os.Chtimes(file, tick, tick)
	cache := t.TempDir()
	opt := loader.Options{Paths: []string{data}}
	loadCached(t, opt, cache, "1")
	if err := os.WriteFile(file, []byte("Mayor\nCareer Path\nClerk → Mayer\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(file, tick, tick) // the same tick, the same size
	c, hit := loadCached(t, opt, cache, "1")
	if hit {
		t.Fatal("the snapshot was used after a racy edit")
	}
	if _, err := c.Graph.Resolve("Mayer"); err != nil {
		t.Errorf("the corpus misses the edit: %v", err)
	}
	if _, hit := loadCached(t, opt, cache, "1"); !hit {
		t.Error("the snapshot was not used when nothing changed")
	}
}

// TestFileKeyRacy checks that a file keyed while racy and the same file
// keyed later, no longer racy, give different keys: a snapshot written
// while a file could still change unseen is never used once it cannot.
func TestFileKeyRacy(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(file, []byte("Mayor\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mtime := time.Now()
	os.Chtimes(file, mtime, mtime)
	racy, ok1 := fileKey([]string{file}, loader.Options{}, "1", mtime)
	later, ok2 := fileKey([]string{file}, loader.Options{}, "1", mtime.Add(time.Hour))
	again, ok3 := fileKey([]string{file}, loader.Options{}, "1", mtime.Add(time.Hour))
	if !ok1 || !ok2 || !ok3 || racy == later || later != again {
		t.Errorf("keys racy %x, later %x, again %x; want racy to differ, later to equal again", racy[:4], later[:4], again[:4])
	}
}

// TestRead: Read gives the cached corpus when its files are unchanged,
// and nothing, without parsing or writing, otherwise.
func TestRead(t *testing.T) {
	data, cache := cacheFixture(t)
	opt := loader.Options{Paths: []string{data}}
	if c, hit, err := Read(opt, cache, "v1"); c != nil || hit || err != nil {
		t.Fatalf("Read with no snapshot = %v, %v, %v; want nothing", c, hit, err)
	}
	if entries, _ := os.ReadDir(cache); len(entries) != 0 {
		t.Fatalf("Read with no snapshot wrote %d files", len(entries))
	}
	parsed, _ := loadCached(t, opt, cache, "v1")
	c, hit, err := Read(opt, cache, "v1")
	if err != nil || !hit {
		t.Fatalf("Read after Load = %v, %v; want the snapshot", hit, err)
	}
	sameCorpus(t, parsed, c)
	file := filepath.Join(data, synth.New(300, 7).Name(5))
	past := time.Now().Add(-30 * time.Minute)
	if err := os.Chtimes(file, past, past); err != nil {
		t.Fatal(err)
	}
	if c, hit, err := Read(opt, cache, "v1"); c != nil || hit || err != nil {
		t.Errorf("Read after a file changed = %v, %v, %v; want nothing", c, hit, err)
	}
}

// TestLoadConcurrentMoves asks a snapshot's graph for moves from many
// goroutines at once, one route's at a time and all of them, as a server
// does: the moves are decoded as they are asked for (run with -race).
func TestLoadConcurrentMoves(t *testing.T) {
	data, cache := cacheFixture(t)
	want, _, got := parsedAndWarm(t, loader.Options{Paths: []string{data}}, cache)
	wg, g := want.Graph, got.Graph
	roles := wg.Roles()
	var done sync.WaitGroup
	for w := range 6 {
		done.Go(func() {
			if w == 0 {
				if !reflect.DeepEqual(g.Moves(), wg.Moves()) {
					t.Error("Moves differ from the parsed graph's")
				}
			}
			for i := w; i < len(roles); i += 6 {
				id := roles[i].ID
				out, in, _ := g.MovesOf(id)
				wantOut, wantIn, _ := wg.MovesOf(id)
				if !reflect.DeepEqual(out, wantOut) || !reflect.DeepEqual(in, wantIn) {
					t.Errorf("MovesOf(%q) differs from the parsed graph's", id)
					return
				}
				to := roles[(i*7+3)%len(roles)].ID
				r1, err1 := g.Paths(id, to, 2, graph.PathOptions{})
				r2, err2 := wg.Paths(id, to, 2, graph.PathOptions{})
				if !reflect.DeepEqual(r1, r2) || (err1 == nil) != (err2 == nil) {
					t.Errorf("Paths(%q, %q) differ from the parsed graph's", id, to)
					return
				}
			}
		})
	}
	done.Wait()
}

// TestLoadParsing counts the calls of opt.Parsing and opt.Building: one
// each when documents are parsed, with or without a cache, told how many
// files, none when a snapshot spares it.
func TestLoadParsing(t *testing.T) {
	data, cache := cacheFixture(t)
	files, err := loader.ListFiles(loader.Options{Paths: []string{data}})
	if err != nil {
		t.Fatal(err)
	}
	calls, builds := 0, 0
	opt := loader.Options{Paths: []string{data}, Parsing: func(n int) {
		calls++
		if n != len(files) {
			t.Errorf("Parsing(%d); want Parsing(%d), the files listed", n, len(files))
		}
	}, Building: func(int) { builds++ }}
	for _, step := range []struct {
		what  string
		dir   string
		calls int
	}{
		{"no cache", "", 1},
		{"empty cache", cache, 1},
		{"warm cache", cache, 0},
	} {
		calls, builds = 0, 0
		if _, _, err := Load(opt, step.dir, "1"); err != nil {
			t.Fatal(err)
		}
		if calls != step.calls || builds != step.calls {
			t.Errorf("%s: Parsing called %d times, Building %d; want %d each", step.what, calls, builds, step.calls)
		}
	}
}

// TestLoadListing: a warm start takes the files from the snapshot's
// listing while no folder has changed, and lists them again, to the
// same answer as a load with no cache, once one has: a file added,
// removed or renamed, a folder added, a hidden file added (listed
// again, the same files: the snapshot is used). A file changed in place
// changes no folder: the listing is taken, the key differs, and the
// files are parsed again.
func TestLoadListing(t *testing.T) {
	data, cache := cacheFixture(t)
	opt := loader.Options{Paths: []string{data}}
	names := synth.New(300, 7)
	loadCached(t, opt, cache, "1")
	tests := []struct {
		name   string
		change func(t *testing.T)
		listed bool // the folders are listed again
		hit    bool // the snapshot is used
	}{
		{"nothing", func(*testing.T) {}, false, true},
		{"file added", func(t *testing.T) {
			writeDoc(t, filepath.Join(data, "added.txt"), "Added Occupation")
		}, true, false},
		{"file added in a folder below", func(t *testing.T) {
			writeDoc(t, filepath.Join(data, filepath.Dir(names.Name(7)), "below.txt"), "Below Occupation")
		}, true, false},
		{"folder added", func(t *testing.T) {
			writeDoc(t, filepath.Join(data, "new", "deeper.txt"), "Deeper Occupation")
		}, true, false},
		{"file removed", func(t *testing.T) {
			if err := os.Remove(filepath.Join(data, names.Name(3))); err != nil {
				t.Fatal(err)
			}
		}, true, false},
		{"file renamed", func(t *testing.T) {
			if err := os.Rename(filepath.Join(data, "added.txt"), filepath.Join(data, "renamed.txt")); err != nil {
				t.Fatal(err)
			}
		}, true, false},
		{"file added, the folder's time set back", func(t *testing.T) {
			dir := filepath.Join(data, filepath.Dir(names.Name(11)))
			info, err := os.Stat(dir)
			if err != nil {
				t.Fatal(err)
			}
			writeDoc(t, filepath.Join(dir, "behind.txt"), "Behind Occupation")
			os.Chtimes(dir, info.ModTime(), info.ModTime()) // as rsync -a and tar do
		}, true, false},
		{"hidden file added", func(t *testing.T) {
			writeDoc(t, filepath.Join(data, ".hidden.txt"), "Hidden Occupation")
		}, true, true},
		{"file changed in place", func(t *testing.T) {
			file := filepath.Join(data, names.Name(9))
			info, err := os.Stat(file)
			if err != nil {
				t.Fatal(err)
			}
			f, err := os.OpenFile(file, os.O_WRONLY|os.O_APPEND, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString("\nAliases\n- Changed In Place\n")
			f.Close()
			os.Chtimes(file, info.ModTime().Add(time.Minute), info.ModTime().Add(time.Minute))
		}, false, false},
	}
	for _, tt := range tests {
		tt.change(t)
		// The folders just changed are racy: aged, they are not, and the
		// snapshot written next keeps its listing.
		age(t, data)
		before := listings.Load()
		c, hit := loadCached(t, opt, cache, "1")
		// The listing's file is unmapped once unreachable: the corpus
		// must not hold its bytes.
		runtime.GC()
		runtime.GC()
		if listed := listings.Load() > before; listed != tt.listed || hit != tt.hit {
			t.Errorf("%s: listed again %v, snapshot used %v; want %v, %v", tt.name, listed, hit, tt.listed, tt.hit)
		}
		want, err := loader.Load(opt)
		if err != nil {
			t.Fatal(err)
		}
		sameCorpus(t, want, c)
		if tt.listed && !tt.hit {
			// Written again, with the listing it was made from.
			before := listings.Load()
			if _, hit := loadCached(t, opt, cache, "1"); !hit || listings.Load() != before {
				t.Errorf("%s: the next load used the snapshot %v, listed again %v; want used, not listed", tt.name, hit, listings.Load() != before)
			}
		}
	}
}

// TestLoadListingRacyOrElsewhere: a listing whose folders changed within
// RacyWindow is not kept, and one made for the paths spelled otherwise
// is not taken.
func TestLoadListingRacyOrElsewhere(t *testing.T) {
	defer func(w time.Duration) { RacyWindow = w }(RacyWindow)
	data, cache := cacheFixture(t)
	opt := loader.Options{Paths: []string{data}}
	loadCached(t, opt, cache, "1")
	for _, tt := range []struct {
		name    string
		opt     loader.Options
		version string
		listed  bool
	}{
		{"paths as before", opt, "1", false},
		{"paths spelled otherwise", loader.Options{Paths: []string{data + string(filepath.Separator)}}, "1", true},
		{"paths as before, listed last otherwise", opt, "1", true},
		{"paths as before again", opt, "1", false},
		{"another version", opt, "2", true},
	} {
		before := listings.Load()
		_, hit := loadCached(t, tt.opt, cache, tt.version)
		if listed := listings.Load() > before; listed != tt.listed || hit != (tt.version == "1") {
			t.Errorf("%s: snapshot used %v, listed again %v; want listed again %v", tt.name, hit, listed, tt.listed)
		}
	}
	RacyWindow = time.Hour // what changes now is racy to the end of the test
	writeDoc(t, filepath.Join(data, "racy.txt"), "Racy Occupation")
	for i := range 2 {
		before := listings.Load()
		c, _ := loadCached(t, opt, cache, "1")
		if listings.Load() == before {
			t.Errorf("load %d after a racy change: the folders were not read", i+1)
		}
		if _, err := c.Graph.Resolve("Racy Occupation"); err != nil {
			t.Errorf("load %d after a racy change: %v", i+1, err)
		}
	}
}

// TestLoadListingFolderReplaced: a listing is not taken for a folder that
// is another one now, though it has the same name and modification time
// (a link retargeted to a copy made with its times).
func TestLoadListingFolderReplaced(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("a folder is known by its device and inode on Linux only")
	}
	root := t.TempDir()
	one, two := filepath.Join(root, "one"), filepath.Join(root, "two")
	for _, dir := range []string{one, two} {
		if err := synth.Write(dir, 30, 7); err != nil {
			t.Fatal(err)
		}
	}
	writeDoc(t, filepath.Join(two, "extra.txt"), "Extra Occupation")
	// Both trees with the same times, file for file, folder for folder.
	past := time.Now().Add(-time.Hour).Truncate(time.Second)
	for _, dir := range []string{one, two} {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil {
				err = os.Chtimes(p, past, past)
			}
			return err
		})
	}
	link := filepath.Join(root, "corpus")
	if err := os.Symlink(one, link); err != nil {
		t.Fatal(err)
	}
	opt, cache := loader.Options{Paths: []string{link}}, filepath.Join(root, "cache")
	loadCached(t, opt, cache, "1")
	if _, hit := loadCached(t, opt, cache, "1"); !hit {
		t.Fatal("the snapshot was not used")
	}
	if err := os.Remove(link); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(two, link); err != nil {
		t.Fatal(err)
	}
	c, _ := loadCached(t, opt, cache, "1")
	if _, err := c.Graph.Resolve("Extra Occupation"); err != nil {
		t.Errorf("after the link was retargeted: %v", err)
	}
}

// TestLoadFileBecomesFolder: a path that was a file and is now a folder
// of documents is listed again, whatever the times say.
func TestLoadFileBecomesFolder(t *testing.T) {
	root := t.TempDir()
	path := filepath.Join(root, "corpus.txt")
	writeDoc(t, path, "Lone Occupation")
	age(t, root)
	opt, cache := loader.Options{Paths: []string{path}}, filepath.Join(root, "cache")
	loadCached(t, opt, cache, "1")
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	writeDoc(t, filepath.Join(path, "a.txt"), "Folder Occupation")
	writeDoc(t, filepath.Join(path, "b.txt"), "Second Occupation")
	age(t, root)
	c, _ := loadCached(t, opt, cache, "1")
	if _, err := c.Graph.Resolve("Second Occupation"); err != nil || c.NumDocuments != 2 {
		t.Errorf("after the file became a folder: %d documents, %v; want the folder's two", c.NumDocuments, err)
	}
}

// writeDoc writes a document of one occupation to name, making its
// folder if need be.
func writeDoc(t *testing.T, name, title string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(title+"\nSummary\nA test.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}
