package render

import (
	"cmp"
	"math"
	"slices"

	"careergraph/graph"
)

// A neighbourhood picture (graph.SelectionAround) of many roles, most of
// them linked to each other, gives dot nothing to rank by: related moves
// are free to share a rank, so every role lands on one row many metres
// wide. Ranking the roles in rows does not help dot either: each move
// that spans rows gets a virtual node in every row between, and hundreds
// of moves widen every row again. Such a picture is laid out here
// instead, in rings: the focus at the top, then the roles one move away,
// then two, each ring wrapped into centred rows of at most ringWidth
// inches; Graphviz's neato then only draws, every role pinned where it
// is placed (pos with "!"), the moves as straight lines under the roles (splines=curved takes
// minutes at this size).

// ringWidth is the widest a row of a ring may be, in inches: about an
// A4 page's width at the picture's size.
const ringWidth = 11.0

// denseRoles is the fewest roles a neighbourhood must have to be drawn in
// rings; below it dot's own ranking reads well.
const denseRoles = 20

// rings sets d.rows when the selection is a neighbourhood that dot's own
// ranking would draw too wide: the roles by distance from the focus (in
// moves either way, among the selection's moves), each distance wrapped
// into rows of at most ringWidth inches, nearest first. It leaves d.rows
// nil otherwise.
func (d *drawing) rings(sel graph.Selection) {
	if sel.Kind != graph.SelectionAround || len(d.nodes) < denseRoles {
		return
	}
	adj := make([][]int, len(d.nodes))
	for _, e := range d.edges {
		adj[e.from] = append(adj[e.from], e.to)
		adj[e.to] = append(adj[e.to], e.from)
	}
	dist := make([]int, len(d.nodes))
	var queue []int
	for i, n := range d.nodes {
		dist[i] = -1
		if n.focus {
			dist[i] = 0
			queue = append(queue, i)
		}
	}
	if len(queue) == 0 {
		return
	}
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		for _, j := range adj[i] {
			if dist[j] < 0 {
				dist[j] = dist[i] + 1
				queue = append(queue, j)
			}
		}
	}
	most := slices.Max(dist)
	byDist := make([][]int, most+2) // the last: roles no move reaches
	for i, k := range dist {
		if k < 0 {
			k = most + 1
		}
		byDist[k] = append(byDist[k], i)
	}
	var rows [][]int
	wide := false
	for _, ring := range byDist {
		// Within a ring, the best linked roles first, then by name, so
		// that the roles most moves meet sit nearest the focus.
		slices.SortFunc(ring, func(a, b int) int {
			return cmp.Or(cmp.Compare(len(adj[b]), len(adj[a])), cmp.Compare(d.nodes[a].role.Name, d.nodes[b].role.Name), cmp.Compare(a, b))
		})
		var row []int
		w := 0.0
		for _, i := range ring {
			if len(row) > 0 && w+d.nodes[i].w > ringWidth {
				rows = append(rows, row)
				row, w, wide = nil, 0, true
			}
			row = append(row, i)
			w += d.nodes[i].w + rowGap
		}
		if len(row) > 0 {
			rows = append(rows, row)
		}
	}
	if !wide {
		return
	}
	d.rows = rows
	d.pos = make([][2]float64, len(d.nodes))
	y := 0.0
	for _, row := range rows {
		w, h := -rowGap, 0.0
		for _, i := range row {
			w += d.nodes[i].w + rowGap
			h = max(h, d.nodes[i].h)
		}
		x := -w / 2
		for _, i := range row {
			d.pos[i] = [2]float64{x + d.nodes[i].w/2, y - h/2}
			x += d.nodes[i].w + rowGap
		}
		y -= h + ringGap
	}
}

// Gaps between roles in a row and between rows of the rings, in inches.
const (
	rowGap  = 0.3
	ringGap = 0.45
)

// round2 rounds f to two decimals, as num expects.
func round2(f float64) float64 { return math.Round(f*100) / 100 }

// MaxRoles and MaxMoves are the most roles, and the most moves Graphviz's
// dot lays out (see LayoutMoves), that a picture may have to be laid out
// in seconds: the command's defaults and the web explorer's limits. The
// layout's time grows with the moves far faster than with the roles:
// ladders of the MaRS pathway table within 300 roles took 0.45 s with 300
// moves, 4.6 s with 900, 13 s with 1,100, 30 s with 1,300 and six minutes
// with 1,856.
const (
	MaxRoles = 300
	MaxMoves = 1000
)

// LayoutMoves returns how many moves Graphviz's dot would lay out to draw
// sel with opt: every move drawn, or 0 when the picture is a dense
// neighbourhood placed here in rings, which Graphviz only draws. A dot
// layout's time grows steeply with its moves (see MaxMoves), so a caller
// may refuse a picture above a limit before drawing it. The errors are
// those of opt (see DOT).
func LayoutMoves(g *graph.Graph, sel graph.Selection, opt Options) (int, error) {
	d, err := newDrawing(g, sel, opt)
	if err != nil {
		return 0, err
	}
	if d.rows != nil {
		return 0, nil
	}
	return len(d.edges), nil
}
