package loader

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"careergraph/graph"
)

// doc builds a document for resolution tests: career paths are written
// "A → B · C → D", one string a path.
func doc(file, title string, career []string, related []string, aliases ...string) *Document {
	d := &Document{File: file, Title: title, TitleLine: 1}
	line := 2
	for _, p := range career {
		cp := CareerPath{Line: line}
		for _, r := range strings.Split(p, "→") {
			var rung Rung
			for _, alt := range strings.Split(r, "·") {
				rung = append(rung, Item{Text: strings.TrimSpace(alt), Line: line})
			}
			cp.Rungs = append(cp.Rungs, rung)
		}
		d.Career = append(d.Career, cp)
		line++
	}
	for _, r := range related {
		d.Related = append(d.Related, Item{Text: r, Line: line})
		line++
	}
	for _, a := range aliases {
		d.Aliases = append(d.Aliases, Item{Text: a, Line: line})
		line++
	}
	return d
}

// edges returns the graph's moves as "From -kind-> To" with display names.
func edges(g *graph.Graph) []string {
	var out []string
	for _, m := range g.Moves() {
		f, _ := g.Role(m.From)
		t, _ := g.Role(m.To)
		out = append(out, f.Name+" -"+m.Kind.String()+"-> "+t.Name)
	}
	slices.Sort(out)
	return out
}

func mustBuild(t *testing.T, aliases []Alias, docs ...*Document) *Corpus {
	t.Helper()
	c, err := Build(docs, aliases)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return c
}

func TestResolutionRules(t *testing.T) {
	tests := []struct {
		name    string
		docs    []*Document
		aliases []Alias
		want    []string // every move
		rules   []Rule   // rules of the merges made, sorted
	}{
		{
			name: "rule 1: normal form joins spellings",
			docs: []*Document{
				doc("a", "Mayor", []string{"Ward  chief → MAYOR"}, nil),
				doc("b", "Clerk", []string{"Clerk → ward chief"}, nil),
			},
			want: []string{"Clerk -career-> Ward  chief", "Ward  chief -career-> Mayor"},
		},
		{
			name: "rule 2: title without parenthetical, anywhere",
			docs: []*Document{
				doc("a", "Office Director (Local Bodies)", nil, nil),
				doc("b", "Clerk", []string{"Clerk → Office Director"}, nil),
			},
			want:  []string{"Clerk -career-> Office Director (Local Bodies)"},
			rules: []Rule{RuleShortTitle},
		},
		{
			name: "rule 2: alias, anywhere",
			docs: []*Document{
				doc("a", "Party executive officer", nil, nil, "Party boss"),
				doc("b", "Clerk", []string{"Clerk → Party boss"}, nil),
			},
			want:  []string{"Clerk -career-> Party executive officer"},
			rules: []Rule{RuleAlias},
		},
		{
			name: "rule 2: an exact title beats another occupation's alias",
			docs: []*Document{
				doc("a", "Chief", nil, nil),
				doc("b", "Union chief", nil, nil, "Chief"),
				doc("c", "Clerk", []string{"Clerk → Chief"}, nil),
			},
			want: []string{"Clerk -career-> Chief"},
		},
		{
			name: "rule 2: a name claimed twice is ambiguous and stays apart",
			docs: []*Document{
				doc("a", "Director (North)", nil, nil),
				doc("b", "Director (South)", nil, nil),
				doc("c", "Clerk", []string{"Clerk → Director"}, nil),
			},
			want: []string{"Clerk -career-> Director"},
		},
		{
			name: "rule 2: two documents with one title are one role",
			docs: []*Document{
				doc("a", "Mayor", []string{"Deputy mayor → Mayor"}, nil),
				doc("b", "mayor", nil, []string{"Governor"}),
			},
			want:  []string{"Deputy mayor -career-> Mayor", "Mayor -related-> Governor"},
			rules: []Rule{RuleSameTitle},
		},
		{
			name: "rule 3: a trailing part of the title is the occupation",
			docs: []*Document{
				doc("a", "Labor union secretary general", []string{"Union secretary → Secretary general → Chair"}, nil),
			},
			want:  []string{"Labor union secretary general -career-> Chair", "Union secretary -career-> Labor union secretary general"},
			rules: []Rule{RuleOwnRung},
		},
		{
			name: "rule 3 does not apply when a rung already names the occupation",
			docs: []*Document{
				doc("a", "Labor union secretary general", []string{"Secretary general → Labor union secretary general"}, nil),
			},
			want: []string{"Secretary general -career-> Labor union secretary general"},
		},
		{
			name: "rule 4: a trailing part of one related job is that job",
			docs: []*Document{
				doc("a", "Labor union secretary general", []string{"Labor union secretary general → Chairperson"},
					[]string{"Labor union chairperson", "Labor union bureau chief"}),
			},
			want: []string{
				"Labor union secretary general -career-> Labor union chairperson",
				"Labor union secretary general -related-> Labor union bureau chief",
				"Labor union secretary general -related-> Labor union chairperson",
			},
			rules: []Rule{RuleRelatedRung},
		},
		{
			name: "rule 4: two related jobs end alike, so the rung stays apart",
			docs: []*Document{
				doc("a", "Secretary", []string{"Secretary → Chief"}, []string{"Union chief", "Bureau chief"}),
			},
			want: []string{"Secretary -career-> Chief", "Secretary -related-> Bureau chief", "Secretary -related-> Union chief"},
		},
		{
			name: "rule 5: a qualifier keeps names apart",
			docs: []*Document{
				doc("a", "Mayor", []string{"Section Chief (Main Office) → Mayor", "Section Chief → Mayor"}, nil),
			},
			want: []string{"Section Chief (Main Office) -career-> Mayor", "Section Chief -career-> Mayor"},
		},
		{
			name: "rule 6: the user's alias file joins anything",
			docs: []*Document{
				doc("a", "Mayor", []string{"Section Chief (Main Office) → Mayor", "Section Chief → Mayor"}, nil),
			},
			aliases: []Alias{{Name: "Section Chief (Main Office)", Canonical: "Section Chief", Source: graph.Source{File: "aliases.csv", Line: 1}}},
			want:    []string{"Section Chief -career-> Mayor"},
			rules:   []Rule{RuleUserAlias},
		},
		{
			name: "a step from a role to itself is dropped",
			docs: []*Document{
				doc("a", "Mayor (City)", []string{"Mayor → Mayor (City) → Governor"}, []string{"Mayor"}),
			},
			want:  []string{"Mayor (City) -career-> Governor"},
			rules: []Rule{RuleShortTitle, RuleShortTitle},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustBuild(t, tt.aliases, tt.docs...)
			if got := edges(c.Graph); !slices.Equal(got, tt.want) {
				t.Errorf("moves =\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
			var rules []Rule
			for _, m := range c.Merges {
				rules = append(rules, m.Rule)
			}
			slices.Sort(rules)
			if !slices.Equal(rules, tt.rules) {
				t.Errorf("merge rules = %v; want %v (merges: %+v)", rules, tt.rules, c.Merges)
			}
		})
	}
}

func TestAmbiguousNameIsReported(t *testing.T) {
	c := mustBuild(t, nil,
		doc("a", "Director (North)", nil, nil),
		doc("b", "Director (South)", nil, nil),
		doc("c", "Clerk", []string{"Clerk → Director"}, nil),
	)
	if len(c.Ambiguous) != 1 {
		t.Fatalf("Ambiguous = %+v; want one", c.Ambiguous)
	}
	a := c.Ambiguous[0]
	if want := []string{"Director (North)", "Director (South)"}; !slices.Equal(a.Claimants, want) {
		t.Errorf("Claimants = %q; want %q", a.Claimants, want)
	}
	if len(a.Uses) != 1 || a.Uses[0].String() != "c:2" {
		t.Errorf("Uses = %v; want [c:2]", a.Uses)
	}
}

func TestSelfStepWarns(t *testing.T) {
	c := mustBuild(t, nil, doc("a", "Mayor (City)", []string{"Mayor → Mayor (City)"}, nil))
	if c.Warnings() != 1 || !strings.Contains(c.Problems[0].Msg, "to itself") {
		t.Errorf("Problems = %v; want one self-step warning", c.Problems)
	}
}

func TestUnusedUserAliasWarns(t *testing.T) {
	c := mustBuild(t, []Alias{{Name: "Nobody", Canonical: "Mayor", Source: graph.Source{File: "al.csv", Line: 3}}},
		doc("a", "Mayor", nil, nil))
	if len(c.Problems) != 1 || c.Problems[0].File != "al.csv" || c.Problems[0].Line != 3 {
		t.Errorf("Problems = %v; want one warning at al.csv:3", c.Problems)
	}
}

func TestDisplayName(t *testing.T) {
	c := mustBuild(t, nil,
		doc("a", "X", []string{"ward chief → X"}, nil),
		doc("b", "Y", []string{"Ward Chief → Y"}, nil),
		doc("c", "Z", []string{"Ward Chief → Z"}, nil),
	)
	r, err := c.Graph.Resolve("WARD CHIEF")
	if err != nil {
		t.Fatal(err)
	}
	if r.Name != "Ward Chief" || r.ID != "ward-chief" {
		t.Errorf("role = %q (id %q); want the most frequent form \"Ward Chief\" (id ward-chief)", r.Name, r.ID)
	}
}

func TestNearDuplicates(t *testing.T) {
	c := mustBuild(t, nil, doc("a", "Mayor", []string{
		"Section Chief (Main Office) → Section Chief → Employee (Junior) → Employee (Senior) → Mayor",
	}, nil))
	want := []NearDuplicate{{Key: "section chief", Roles: []string{"Section Chief", "Section Chief (Main Office)"}}}
	if !slices.EqualFunc(c.NearDuplicates, want, func(a, b NearDuplicate) bool {
		return a.Key == b.Key && slices.Equal(a.Roles, b.Roles)
	}) {
		t.Errorf("NearDuplicates = %+v; want %+v", c.NearDuplicates, want)
	}
}

func TestShortTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Local Office Director (Local Public Bodies)", "Local Office Director"},
		{"Head (Mayor (big), etc.)", "Head"},
		{"(Only parenthetical)", "(Only parenthetical)"},
		{"Plain", "Plain"},
		{"Ｃｈｉｅｆ（Ｔｏｗｎ）", "Ｃｈｉｅｆ"},
		{"Odd ) (", "Odd ) ("},
	}
	for _, tt := range tests {
		if got := shortTitle(tt.in); got != tt.want {
			t.Errorf("shortTitle(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	docs := func() []*Document {
		return []*Document{
			doc("a", "Mayor", []string{"Clerk · Aide → Deputy · Vice → Mayor"}, []string{"Governor", "Clerk"}),
			doc("b", "Governor", []string{"Mayor → Governor"}, []string{"Mayor"}),
		}
	}
	first := edges(mustBuild(t, nil, docs()...).Graph)
	for range 50 {
		if got := edges(mustBuild(t, nil, docs()...).Graph); !slices.Equal(got, first) {
			t.Fatalf("Build gave %v, then %v", first, got)
		}
	}
}

// TestUserAliasNamesTheRole checks that an alias to a name no document
// writes makes a role shown by that name, counted once however often the
// alias is used.
func TestUserAliasNamesTheRole(t *testing.T) {
	c := mustBuild(t, []Alias{{Name: "Chief (Main)", Canonical: "Chief", Source: graph.Source{File: "al.csv", Line: 1}}},
		doc("a", "Mayor", []string{"Chief (Main) → Mayor", "Clerk → Chief (Main)", "Aide → Chief (Main)"}, nil))
	r, err := c.Graph.Resolve("Chief (Main)")
	if err != nil {
		t.Fatal(err)
	}
	if r.Name != "Chief" || !slices.Equal(r.Names, []string{"Chief", "Chief (Main)"}) {
		t.Errorf("role = %q with names %q; want \"Chief\" with both names", r.Name, r.Names)
	}
}

// TestAliasIsAnotherTitle checks that an alias that is another document's
// title is that document's: the title wins, the alias's document no longer
// lists it among its names, and a warning says so at the alias's line.
func TestAliasIsAnotherTitle(t *testing.T) {
	c := mustBuild(t, nil,
		doc("a.txt", "Mayor", nil, nil, "Governor", "City Head"),
		doc("b.txt", "Governor", nil, nil),
	)
	mayor, err := c.Graph.Resolve("Mayor")
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(mayor.Names, "Governor") || !slices.Contains(mayor.Names, "City Head") {
		t.Errorf("Mayor's names = %v; want City Head and not Governor", mayor.Names)
	}
	if r, err := c.Graph.Resolve("Governor"); err != nil || r.Name != "Governor" {
		t.Errorf("Resolve(Governor) = %v, %v; want the Governor", r.Name, err)
	}
	if len(c.Problems) != 1 || c.Problems[0].File != "a.txt" || c.Problems[0].Line != 2 ||
		!strings.Contains(c.Problems[0].Msg, `alias "Governor" is the title of b.txt`) {
		t.Errorf("Problems = %v; want one warning at a.txt:2 about the alias", c.Problems)
	}
}

// TestLookupAllOrder looks the names of corpora of several sizes up, on
// one core and on several, around the blocks the look-ups are taken in:
// every document's names, once ready, must be what lookup gives them, in
// the serial pass's order.
func TestLookupAllOrder(t *testing.T) {
	for _, n := range []int{0, 1, 255, 256, 257, 600} {
		for _, procs := range []int{1, 3} {
			t.Run(fmt.Sprintf("%d docs, %d cores", n, procs), func(t *testing.T) {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
				var docs []*Document
				for i := range n {
					docs = append(docs, doc(fmt.Sprintf("d%04d.txt", i), fmt.Sprintf("Role %d", i),
						[]string{fmt.Sprintf("Role %d → Role %d · Nobody %d → Role %d", i+1, i+2, i%7, i)},
						[]string{fmt.Sprintf("Role %d", (i*7)%max(n, 1)), "Somebody Else"},
						fmt.Sprintf("Alias %d", i)))
				}
				keyed := keyDocuments(docs)
				b := &builder{exact: map[string]*occupation{}, weak: map[string]weakClaim{}, mentions: map[string]int{},
					user: map[string]Alias{}, userUsed: map[string]bool{}, ambiguous: map[string]*Ambiguity{}}
				b.collectOccupations(keyed)
				var seq []*keyedDoc
				for _, o := range b.occs {
					seq = append(seq, o.docs...)
				}
				ready := b.lookupAll(seq)
				for k, d := range seq {
					ready(k)
					var want []found
					for _, cp := range d.rungs {
						for _, rung := range cp {
							for _, name := range rung {
								want = append(want, b.lookupFound(d.key(name)))
							}
						}
					}
					for _, name := range d.related {
						want = append(want, b.lookupFound(d.key(name)))
					}
					if !slices.Equal(d.found, want) {
						t.Fatalf("%s: found %v; want %v", d.File, d.found, want)
					}
				}
			})
		}
	}
}

// TestCollectDocuments checks that the collection once the documents
// are let go runs, unless the program turned the collector off.
func TestCollectDocuments(t *testing.T) {
	for _, tt := range []struct {
		percent int
		want    bool
	}{{100, true}, {-1, false}} {
		t.Run(fmt.Sprintf("GOGC=%d", tt.percent), func(t *testing.T) {
			defer debug.SetGCPercent(debug.SetGCPercent(tt.percent))
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			collectDocuments()
			runtime.ReadMemStats(&after)
			if ran := after.NumGC > before.NumGC; ran != tt.want {
				t.Errorf("collected: %v; want %v", ran, tt.want)
			}
		})
	}
}

// TestReparsedDocumentsSharePool checks that the documents parsed again
// for their aptitude rows take their names from one pool, not a pool
// each: a pool's first name costs 128 KiB.
func TestReparsedDocumentsSharePool(t *testing.T) {
	dir := t.TempDir()
	var files []sourceFile
	for i := range 5 {
		name := filepath.Join(dir, fmt.Sprintf("%02d.txt", i))
		text := fmt.Sprintf("Harbour Role %d\nSummary\nKeeps the harbour.\nAptitudes (Strengths Preferred)\n- Patience with tides and people\nRelated Jobs\n- Lighthouse Keeper\n", i)
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, osFile(name, DefaultMaxFileSize))
	}
	docs, _, _, _ := parseAll(files, nil, false, 0, nil)
	if len(docs) != 5 {
		t.Fatalf("parsed %d documents; want 5", len(docs))
	}
	for _, d := range docs[1:] {
		if d.pool != docs[0].pool {
			t.Fatalf("%s and %s have pools of their own; want one for every document parsed again", docs[0].File, d.File)
		}
		if got := d.text(d.related[0]); got != "Lighthouse Keeper" {
			t.Errorf("%s: related job %q; want Lighthouse Keeper", d.File, got)
		}
	}
}
