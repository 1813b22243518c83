package loader

import (
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"careergraph/graph"
)

// The real data sets in ../shared/data are not in the document format;
// these tests convert them into documents, load those, and compare the
// graph with counts taken straight from the data. With -realdata-out DIR
// the documents are kept there, for trying the commands by hand.
var realdataOut = flag.String("realdata-out", "", "write the converted real-data documents under this folder")

// sharedData returns the folder of the shared real data sets, or skips.
func sharedData(t testing.TB, name string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", "data", name)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("real data %s not found beside the repository (../shared/data): %v", name, err)
	}
	return dir
}

func readTSV(t testing.TB, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for i, line := range strings.Split(strings.TrimRight(string(data), "\r\n"), "\n") {
		if i > 0 {
			rows = append(rows, strings.Split(strings.TrimRight(line, "\r"), "\t"))
		}
	}
	return rows
}

func outDir(t testing.TB, name string) string {
	if *realdataOut != "" {
		dir := filepath.Join(*realdataOut, name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	return t.TempDir()
}

// socGroups names the major groups of the SOC codes O*NET uses.
var socGroups = map[string]string{
	"11": "Management", "13": "Business and Financial Operations", "15": "Computer and Mathematical",
	"17": "Architecture and Engineering", "19": "Life, Physical, and Social Science",
	"21": "Community and Social Service", "23": "Legal", "25": "Educational Instruction and Library",
	"27": "Arts, Design, Entertainment, Sports, and Media", "29": "Healthcare Practitioners and Technical",
	"31": "Healthcare Support", "33": "Protective Service", "35": "Food Preparation and Serving Related",
	"37": "Building and Grounds Cleaning and Maintenance", "39": "Personal Care and Service",
	"41": "Sales and Related", "43": "Office and Administrative Support", "45": "Farming, Fishing, and Forestry",
	"47": "Construction and Extraction", "49": "Installation, Maintenance, and Repair", "51": "Production",
	"53": "Transportation and Material Moving", "55": "Military Specific",
}

// writeONET writes one document per O*NET occupation in the compact
// layout: its description, its reported titles as aliases and its related
// occupations as related jobs. It returns the folder and the number of
// distinct related pairs.
func writeONET(t testing.TB) (string, int, int) {
	src := sharedData(t, "onet-29.3")
	dir := outDir(t, "onet")
	occ := readTSV(t, filepath.Join(src, "Occupation Data.txt"))
	related := map[string][]string{}
	pairs := map[[2]string]bool{}
	for _, r := range readTSV(t, filepath.Join(src, "Related Occupations.txt")) {
		related[r[0]] = append(related[r[0]], r[3])
		pairs[[2]string{r[0], r[2]}] = true
	}
	aliases := map[string][]string{}
	for _, r := range readTSV(t, filepath.Join(src, "Sample of Reported Titles.txt")) {
		aliases[r[0]] = append(aliases[r[0]], r[2])
	}
	for _, r := range occ {
		code, title, desc := r[0], r[1], r[2]
		var b strings.Builder
		fmt.Fprintf(&b, "%s\nIndustry & Occupation\nClassification\n- Major : %s\n- Minor : %s\nSummary\n%s\n",
			title, socGroups[code[:2]], code, desc)
		if a := aliases[code]; len(a) > 0 {
			b.WriteString("Aliases\n- " + strings.Join(a, "\n- ") + "\n")
		}
		if rel := related[code]; len(rel) > 0 {
			b.WriteString("Related Jobs\n- " + strings.Join(rel, "\n- ") + "\n")
		}
		name := filepath.Join(dir, code[:2], code+".txt")
		os.MkdirAll(filepath.Dir(name), 0o755)
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, len(occ), len(pairs)
}

func TestRealDataONET(t *testing.T) {
	dir, occupations, pairs := writeONET(t)
	c, err := Load(Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	if c.Errors() != 0 {
		t.Errorf("%d errors, first: %v", c.Errors(), c.Problems[0])
	}
	s := c.Graph.Stats()
	// Every related title is itself an O*NET occupation, so no role is
	// only mentioned, and every related pair is one move.
	if s.Roles != occupations || s.Documented != occupations {
		t.Errorf("roles = %d (%d documented); want %d, all documented", s.Roles, s.Documented, occupations)
	}
	if s.Moves[graph.Related] != pairs {
		t.Errorf("related moves = %d; want %d, the distinct pairs of Related Occupations.txt", s.Moves[graph.Related], pairs)
	}
	// Reported titles are shared between occupations: rule 2 makes them
	// ambiguous, and none may swallow an occupation's exact title.
	if len(c.Ambiguous) == 0 {
		t.Error("no ambiguous names; O*NET's reported titles repeat across occupations")
	}
	r, err := c.Graph.Resolve("Chief Executives")
	if err != nil || !r.Documented {
		t.Fatalf(`Resolve("Chief Executives") = %+v, %v`, r, err)
	}
	route, err := c.Graph.Path(r.ID, mustResolve(t, c.Graph, "Public Relations Managers").ID, graph.PathOptions{})
	if err != nil || route.Cost != graph.DefaultLateralCost {
		t.Errorf("Path(Chief Executives, Public Relations Managers) = %+v, %v; want one lateral move", route, err)
	}
}

func mustResolve(t testing.TB, g *graph.Graph, name string) graph.Role {
	t.Helper()
	r, err := g.Resolve(name)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// writeMaRS writes one document per starting title of the MaRS pathway
// table in the spaced layout, one career path line per "next step". It
// returns the folder, the distinct titles, the distinct pairs between two
// different titles and the self-links.
func writeMaRS(t testing.TB) (dir string, titles, pairs, selfLinks int) {
	src := sharedData(t, "mars-pathways")
	dir = outDir(t, "mars")
	f, err := os.Open(filepath.Join(src, "pathway_results.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	next := map[string][]string{}
	seenTitle := map[string]bool{}
	seenPair := map[[2]string]bool{}
	for _, r := range rows[1:] {
		from, to := r[1], r[2]
		next[from] = append(next[from], to)
		seenTitle[graph.NormalName(from)] = true
		seenTitle[graph.NormalName(to)] = true
		a, b := graph.NormalName(from), graph.NormalName(to)
		if a == b {
			selfLinks++
		} else {
			seenPair[[2]string{a, b}] = true
		}
	}
	starts := make([]string, 0, len(next))
	for s := range next {
		starts = append(starts, s)
	}
	slices.Sort(starts)
	for i, s := range starts {
		var b strings.Builder
		fmt.Fprintf(&b, "%s\n\nSummary\n\nA job title from the MaRS employment pathways table.\n\nCareer Path\n\n", s)
		for _, to := range next[s] {
			fmt.Fprintf(&b, "%s → %s\n", s, to)
		}
		name := filepath.Join(dir, fmt.Sprintf("%02d", i/1000), fmt.Sprintf("%04d.txt", i))
		os.MkdirAll(filepath.Dir(name), 0o755)
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, len(seenTitle), len(seenPair), selfLinks
}

func TestRealDataMaRS(t *testing.T) {
	dir, titles, pairs, selfLinks := writeMaRS(t)
	c, err := Load(Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	s := c.Graph.Stats()
	if s.Roles != titles {
		t.Errorf("roles = %d; want the %d distinct titles", s.Roles, titles)
	}
	if s.Moves[graph.Career] != pairs {
		t.Errorf("career moves = %d; want the %d distinct pairs (duplicates merged, self-links dropped)", s.Moves[graph.Career], pairs)
	}
	self := 0
	for _, p := range c.Problems {
		if strings.Contains(p.Msg, "to itself") {
			self++
		}
	}
	if self != selfLinks {
		t.Errorf("%d self-step warnings; want one per self-link, %d", self, selfLinks)
	}
}
