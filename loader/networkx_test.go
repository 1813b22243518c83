package loader

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"careergraph/graph"
)

// The cheapest routes over imported costs are checked against NetworkX:
// the graph's moves are written as a weighted directed graph — each move
// from its start to its end at its cost, a related move also the other
// way at the same cost, as route searches take them — and
// networkx.dijkstra_path_length must give every sampled pair's cost, or
// find no path exactly when careergraph finds none.

// systemPython is Debian's interpreter, which sees python3-networkx; a
// python3 earlier on PATH (pyenv, a virtualenv) may not.
const systemPython = "/usr/bin/python3"

// needNetworkX skips the test unless Debian's python3 imports networkx.
func needNetworkX(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(systemPython); err != nil {
		t.Skipf("%s not found: install python3-networkx to run this test", systemPython)
	}
	if err := exec.Command(systemPython, "-c", "import networkx").Run(); err != nil {
		t.Skipf("%s cannot import networkx: install python3-networkx to run this test", systemPython)
	}
}

// dijkstraScript reads {"nodes", "edges": [[u, v, w]], "pairs"} as JSON
// on stdin and prints, for each pair, the cheapest path's length or -1.
const dijkstraScript = `
import json, sys
import networkx as nx

data = json.load(sys.stdin)
G = nx.DiGraph()
G.add_nodes_from(data["nodes"])
for u, v, w in data["edges"]:
    if G.has_edge(u, v) and G[u][v]["weight"] <= w:
        continue
    G.add_edge(u, v, weight=w)
out = []
for s, t in data["pairs"]:
    try:
        out.append(nx.dijkstra_path_length(G, s, t, weight="weight"))
    except nx.NetworkXNoPath:
        out.append(-1)
print(json.dumps(out))
`

// nxQuery is a weighted graph and pairs for dijkstraScript. Weights are
// thousandths, so that both sides add whole numbers.
type nxQuery struct {
	Nodes []string    `json:"nodes"`
	Edges [][3]any    `json:"edges"`
	Pairs [][2]string `json:"pairs"`
}

// weightedGraph returns g's moves as dijkstraScript's edges under opt:
// career moves at their cost or 1, related ones both ways at their cost
// or opt's lateral cost, none down a level with opt.NoDown.
func weightedGraph(g *graph.Graph, opt graph.PathOptions) nxQuery {
	q := nxQuery{Edges: [][3]any{}}
	level := map[string]int{}
	for _, r := range g.Roles() {
		q.Nodes = append(q.Nodes, r.ID)
		level[r.ID] = r.Level
	}
	lateral := opt.LateralCost
	if lateral <= 0 {
		lateral = graph.DefaultLateralCost
	}
	down := func(from, to string) bool {
		return opt.NoDown && level[from] > 0 && level[to] > 0 && level[to] < level[from]
	}
	for _, m := range g.Moves() {
		w := int64(m.Milli)
		switch {
		case w != 0:
		case m.Kind == graph.Career:
			w = 1000
		default:
			w = int64(lateral) * 1000
		}
		if m.Kind == graph.Related && opt.CareerOnly {
			continue
		}
		if !down(m.From, m.To) {
			q.Edges = append(q.Edges, [3]any{m.From, m.To, w})
		}
		if m.Kind == graph.Related && !down(m.To, m.From) {
			q.Edges = append(q.Edges, [3]any{m.To, m.From, w})
		}
	}
	return q
}

// samplePairs returns n pairs of distinct roles of g drawn with a fixed
// seed, or every pair when n is 0.
func samplePairs(g *graph.Graph, n int) [][2]string {
	roles := g.Roles()
	var out [][2]string
	if n == 0 {
		for _, a := range roles {
			for _, b := range roles {
				if a.ID != b.ID {
					out = append(out, [2]string{a.ID, b.ID})
				}
			}
		}
		return out
	}
	rng := rand.New(rand.NewPCG(10, 30))
	for len(out) < n {
		a, b := roles[rng.IntN(len(roles))], roles[rng.IntN(len(roles))]
		if a.ID != b.ID {
			out = append(out, [2]string{a.ID, b.ID})
		}
	}
	return out
}

// dijkstra runs dijkstraScript on q and returns its lengths in
// thousandths, -1 for no path.
func dijkstra(t *testing.T, q nxQuery) []int64 {
	t.Helper()
	in, err := json.Marshal(q)
	if err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(t.TempDir(), "dijkstra.py")
	if err := os.WriteFile(script, []byte(dijkstraScript), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(systemPython, script)
	cmd.Stdin = strings.NewReader(string(in))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("networkx: %v: %s", err, stderr.String())
	}
	var lengths []int64
	if err := json.Unmarshal(out, &lengths); err != nil {
		t.Fatalf("networkx printed %q: %v", out, err)
	}
	if len(lengths) != len(q.Pairs) {
		t.Fatalf("networkx gave %d lengths for %d pairs", len(lengths), len(q.Pairs))
	}
	return lengths
}

func TestNetworkXImportedCosts(t *testing.T) {
	needNetworkX(t)
	type corpus struct {
		name   string
		sample int // pairs to check; 0: every pair
		paths  func(t *testing.T) []string
	}
	corpora := []corpus{
		{"moves sheet", 0, func(t *testing.T) []string {
			return []string{filepath.Join("source", "testdata", "files", "moves.csv"), filepath.Join("source", "testdata", "files", "pathways.csv")}
		}},
		{"O*NET fixture", 0, func(t *testing.T) []string { return []string{filepath.Join("source", "testdata", "onet")} }},
		{"O*NET 29.3", 30, func(t *testing.T) []string { return []string{sharedData(t, "onet-29.3")} }},
		{"MaRS", 30, func(t *testing.T) []string {
			return []string{filepath.Join(sharedData(t, "mars-pathways"), "pathway_results.csv")}
		}},
	}
	options := []struct {
		name string
		opt  graph.PathOptions
	}{
		{"default", graph.PathOptions{}},
		{"lateral cost 3", graph.PathOptions{LateralCost: 3}},
		{"career only", graph.PathOptions{CareerOnly: true}},
		{"no down", graph.PathOptions{NoDown: true}},
	}
	for _, cp := range corpora {
		t.Run(cp.name, func(t *testing.T) {
			c, err := Load(Options{Paths: cp.paths(t), DropDocuments: true})
			if err != nil {
				t.Fatal(err)
			}
			g := c.Graph
			pairs := samplePairs(g, cp.sample)
			for _, o := range options {
				q := weightedGraph(g, o.opt)
				q.Pairs = pairs
				want := dijkstra(t, q)
				found, none := 0, 0
				for i, p := range pairs {
					route, err := g.Path(p[0], p[1], o.opt)
					switch {
					case errors.Is(err, graph.ErrNoPath):
						none++
						if want[i] != -1 {
							t.Errorf("%s: %s → %s: careergraph finds no route; networkx finds one of cost %.3f", o.name, p[0], p[1], float64(want[i])/1000)
						}
					case err != nil:
						t.Fatalf("%s: %s → %s: %v", o.name, p[0], p[1], err)
					default:
						found++
						if got := int64(math.Round(route.Cost * 1000)); got != want[i] {
							t.Errorf("%s: %s → %s: careergraph's cheapest route costs %.3f; networkx's %.3f", o.name, p[0], p[1], route.Cost, float64(want[i])/1000)
						}
					}
				}
				t.Logf("%s: %d pairs, %d routes, %d without one", o.name, len(pairs), found, none)
			}
		})
	}
}
