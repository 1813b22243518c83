package render

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"careergraph/graph"
)

// TestRings checks that a dense neighbourhood is laid out in rows no
// wider than ringWidth, the focus alone on top and every other role
// below it, pinned for neato; and that small ones are left to dot.
func TestRings(t *testing.T) {
	for _, c := range []struct {
		roles int
		rings bool
	}{{5, false}, {denseRoles - 1, false}, {60, true}} {
		var b graph.Builder
		hub := b.AddRole(graph.Role{Name: "Hub Role", Documented: true})
		var hs []int
		for i := 1; i < c.roles; i++ {
			h := b.AddRole(graph.Role{Name: fmt.Sprintf("Neighbour Role Number %02d", i), Documented: true})
			b.AddMove(hub, h, graph.Related, graph.Source{File: "f.txt", Line: i})
			for _, o := range hs {
				b.AddMove(o, h, graph.Related, graph.Source{File: "f.txt", Line: i})
			}
			hs = append(hs, h)
		}
		g, err := b.Build()
		if err != nil {
			t.Fatal(err)
		}
		sel, err := g.SelectAround("hub-role", 1)
		if err != nil {
			t.Fatal(err)
		}
		var out strings.Builder
		if err := DOT(&out, g, sel, Options{}); err != nil {
			t.Fatal(err)
		}
		src := out.String()
		if got := strings.Contains(src, "layout=neato"); got != c.rings {
			t.Errorf("%d roles: layout=neato %v; want %v", c.roles, got, c.rings)
		}
		// Only a picture dot lays out counts its moves.
		want := len(sel.Moves)
		if c.rings {
			want = 0
		}
		if got, err := LayoutMoves(g, sel, Options{}); got != want || err != nil {
			t.Errorf("%d roles: LayoutMoves = %d, %v; want %d", c.roles, got, err, want)
		}
		if !c.rings {
			continue
		}
		pos := regexp.MustCompile(`id="role-([^"]+)".*width=([0-9.]+).*pos="(-?[0-9.]+),(-?[0-9.]+)!"`)
		rows := map[float64][2]float64{} // y → leftmost, rightmost edge
		hubY, highest := 0.0, math.Inf(-1)
		n := 0
		for _, line := range strings.Split(src, "\n") {
			m := pos.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			n++
			w, _ := strconv.ParseFloat(m[2], 64)
			x, _ := strconv.ParseFloat(m[3], 64)
			y, _ := strconv.ParseFloat(m[4], 64)
			if m[1] == "hub-role" {
				hubY = y
			} else {
				highest = max(highest, y)
			}
			r, ok := rows[y]
			if !ok {
				r = [2]float64{x - w/2, x + w/2}
			}
			rows[y] = [2]float64{min(r[0], x-w/2), max(r[1], x+w/2)}
		}
		if n != c.roles {
			t.Errorf("%d roles: %d pinned", c.roles, n)
		}
		if highest >= hubY {
			t.Errorf("%d roles: a role at y %v, not below the focus at %v", c.roles, highest, hubY)
		}
		for y, r := range rows {
			if r[1]-r[0] > ringWidth+0.01 {
				t.Errorf("%d roles: row at y %v is %.2f in wide; want at most %v", c.roles, y, r[1]-r[0], ringWidth)
			}
		}
		if len(rows) < 3 {
			t.Errorf("%d roles: %d rows; want the ring wrapped", c.roles, len(rows))
		}
	}
}

// TestLayoutMovesOptions checks that LayoutMoves refuses what DOT refuses.
func TestLayoutMovesOptions(t *testing.T) {
	var b graph.Builder
	from := b.AddRole(graph.Role{Name: "Clerk", Documented: true})
	to := b.AddRole(graph.Role{Name: "Chief", Documented: true})
	b.AddMove(from, to, graph.Career, graph.Source{File: "f.txt", Line: 1})
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	sel, err := g.SelectLadder("clerk", 0, false)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := LayoutMoves(g, sel, Options{}); n != 1 || err != nil {
		t.Errorf("LayoutMoves of a one-move ladder = %d, %v; want 1", n, err)
	}
	if _, err := LayoutMoves(g, sel, Options{Direction: "up"}); err == nil {
		t.Error("LayoutMoves with direction up: no error")
	}
}
