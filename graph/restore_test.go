package graph

import (
	"reflect"
	"slices"
	"testing"
)

// parts takes g apart as a snapshot keeps it: moves' ends and rungs by
// role index.
func parts(g *Graph) ([]Role, []Move, []Ends, [][]int32) {
	roles := slices.Clone(g.Roles())
	moves := slices.Clone(g.Moves())
	ends := make([]Ends, len(moves))
	for i, m := range moves {
		ends[i] = Ends{g.byID[m.From], g.byID[m.To]}
		moves[i].From, moves[i].To = "", ""
	}
	var rungs [][]int32
	for _, r := range g.Rungs() {
		var idx []int32
		for _, id := range r {
			idx = append(idx, g.byID[id])
		}
		rungs = append(rungs, idx)
	}
	return roles, moves, ends, rungs
}

func restoreFixture(t *testing.T) *Graph {
	t.Helper()
	var b Builder
	h := map[string]int{}
	for _, n := range []string{"Clerk", "Chief", "Director", "Counsellor", "Mayor"} {
		h[n] = b.AddRole(Role{Name: n, Names: []string{n}, Reading: "よみ"})
	}
	b.AddMove(h["Clerk"], h["Chief"], Career, Source{"a.txt", 3})
	b.AddMove(h["Chief"], h["Director"], Career, Source{"a.txt", 3})
	b.AddMove(h["Counsellor"], h["Director"], Career, Source{"b.txt", 4})
	b.AddMove(h["Director"], h["Mayor"], Related, Source{"b.txt", 9})
	b.AddMove(h["Clerk"], h["Counsellor"], Career, Source{"b.txt", 4}, Source{"a.txt", 7})
	b.AddRung(h["Chief"], h["Counsellor"])
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestRestore(t *testing.T) {
	g := restoreFixture(t)
	r, err := Restore(parts(g))
	if err != nil {
		t.Fatalf("Restore: %v", err)
	}
	if !reflect.DeepEqual(r.Roles(), g.Roles()) || !reflect.DeepEqual(r.Moves(), g.Moves()) || !reflect.DeepEqual(r.Rungs(), g.Rungs()) {
		t.Errorf("Restore: parts differ from the graph's")
	}
	for _, q := range [][2]string{{"clerk", "mayor"}, {"mayor", "clerk"}, {"counsellor", "director"}} {
		want, err1 := g.Path(q[0], q[1], PathOptions{})
		got, err2 := r.Path(q[0], q[1], PathOptions{})
		if !reflect.DeepEqual(got, want) || (err1 == nil) != (err2 == nil) {
			t.Errorf("Path(%q, %q) = %v, %v after Restore; want %v, %v", q[0], q[1], got, err2, want, err1)
		}
	}
	if got, err := r.Resolve("DIRECTOR"); err != nil || got.ID != "director" {
		t.Errorf("Resolve(%q) = %v, %v after Restore; want director", "DIRECTOR", got.ID, err)
	}
}

func TestRestoreRejects(t *testing.T) {
	g := restoreFixture(t)
	damage := map[string]func(roles []Role, moves []Move, ends []Ends, rungs [][]int32) ([]Role, []Move, []Ends, [][]int32){
		"roles out of order": func(r []Role, m []Move, e []Ends, u [][]int32) ([]Role, []Move, []Ends, [][]int32) {
			r[0], r[1] = r[1], r[0]
			return r, m, e, u
		},
		"role without id": func(r []Role, m []Move, e []Ends, u [][]int32) ([]Role, []Move, []Ends, [][]int32) {
			r[0].ID = ""
			return r, m, e, u
		},
		"end out of range": func(r []Role, m []Move, e []Ends, u [][]int32) ([]Role, []Move, []Ends, [][]int32) {
			e[0].To = int32(len(r))
			return r, m, e, u
		},
		"negative end": func(r []Role, m []Move, e []Ends, u [][]int32) ([]Role, []Move, []Ends, [][]int32) {
			e[1].From = -1
			return r, m, e, u
		},
		"move to itself": func(r []Role, m []Move, e []Ends, u [][]int32) ([]Role, []Move, []Ends, [][]int32) {
			e[0].To = e[0].From
			return r, m, e, u
		},
		"moves out of order": func(r []Role, m []Move, e []Ends, u [][]int32) ([]Role, []Move, []Ends, [][]int32) {
			m[0], m[1] = m[1], m[0]
			e[0], e[1] = e[1], e[0]
			return r, m, e, u
		},
		"unknown kind": func(r []Role, m []Move, e []Ends, u [][]int32) ([]Role, []Move, []Ends, [][]int32) {
			m[0].Kind = 7
			return r, m, e, u
		},
		"fewer ends": func(r []Role, m []Move, e []Ends, u [][]int32) ([]Role, []Move, []Ends, [][]int32) {
			return r, m, e[1:], u
		},
		"rung of one": func(r []Role, m []Move, e []Ends, u [][]int32) ([]Role, []Move, []Ends, [][]int32) {
			u[0] = u[0][:1]
			return r, m, e, u
		},
		"rung unsorted": func(r []Role, m []Move, e []Ends, u [][]int32) ([]Role, []Move, []Ends, [][]int32) {
			u[0][0], u[0][1] = u[0][1], u[0][0]
			return r, m, e, u
		},
	}
	for name, f := range damage {
		if _, err := Restore(f(parts(g))); err == nil {
			t.Errorf("Restore with %s: no error", name)
		}
	}
}

// TestPlainKana checks the shortcut indexing takes for readings: a string
// isPlainKana accepts is its own normal form.
func TestPlainKana(t *testing.T) {
	accepted := 0
	for r := rune(0x3000); r < 0x3100; r++ {
		s := string(r) + "よみ" + string(r)
		if isPlainKana(s) {
			accepted++
			if got := NormalName(s); got != s {
				t.Errorf("NormalName(%q) = %q; isPlainKana says it is normal", s, got)
			}
		}
	}
	if accepted < 150 {
		t.Errorf("isPlainKana accepts %d of the kana block; want the letters", accepted)
	}
	for _, s := range []string{"", "ｶﾅ", "か な", "カナ゛", "ゟ"} {
		if isPlainKana(s) {
			t.Errorf("isPlainKana(%q) = true", s)
		}
	}
}
