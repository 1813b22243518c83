package graph

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sync"
	"testing"
	"unsafe"
)

// parts takes g apart as a snapshot keeps it: moves' ends and rungs by
// role index.
func parts(g *Graph) ([]Role, []Move, []Ends, [][]int32) {
	roles := slices.Clone(g.Roles())
	moves := slices.Clone(g.Moves())
	ends := make([]Ends, len(moves))
	for i, m := range moves {
		ends[i] = Ends{g.at(m.From), g.at(m.To)}
		moves[i].From, moves[i].To = "", ""
	}
	var rungs [][]int32
	for _, r := range g.Rungs() {
		var idx []int32
		for _, id := range r {
			idx = append(idx, g.at(id))
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

// indexedFixtures are graphs to write and restore the index of: the
// small fixture, and a random one with priced moves, levels and names
// of several forms.
func indexedFixtures(t *testing.T) map[string]*Graph {
	rng := rand.New(rand.NewPCG(7, 13))
	var b Builder
	const n = 400
	for i := range n {
		name := fmt.Sprintf("Role %d", i)
		b.AddRole(Role{Name: name, Names: []string{name, fmt.Sprintf("ＲＯＬＥ　%d", i)}, Level: rng.IntN(6)})
	}
	for range 3 * n {
		f, to := rng.IntN(n), rng.IntN(n)
		if f == to {
			continue
		}
		m := Move{Kind: Kind(rng.IntN(2)), Sources: []Source{{"x.txt", rng.IntN(90) + 1}}}
		if rng.IntN(3) == 0 {
			m.Milli = int32(500 * (rng.IntN(8) + 1))
		}
		b.AddMoveOf(f, to, m)
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*Graph{"fixture": restoreFixture(t), "random": g}
}

// TestRestoreIndexed checks that a graph restored with the index it
// wrote has the index a restore lays out, used where it lies when the
// bytes are aligned and copied when not, and answers alike.
func TestRestoreIndexed(t *testing.T) {
	for name, g := range indexedFixtures(t) {
		index := indexBytes(t, g)
		if len(index) != g.IndexSize() {
			t.Fatalf("%s: WriteIndex wrote %d bytes; IndexSize says %d", name, len(index), g.IndexSize())
		}
		for _, shift := range []int{0, 1} {
			b := append(make([]byte, shift, len(index)+8), index...)[shift:]
			for _, how := range []string{"read", "checked"} {
				var check *IndexCheck
				if how == "checked" {
					if check = checkInPieces(b, uint64(shift)); !check.checked(b) {
						t.Errorf("%s, shifted %d: the check of a sound index found a fault", name, shift)
					}
				}
				roles, moves, ends, rungs := parts(g)
				r, err := RestoreIndexed(sliceRoles(roles), &sliceMoves{moves, ends}, rungs, b, check)
				if err != nil {
					t.Fatalf("%s, shifted %d, %s: RestoreIndexed: %v", name, shift, how, err)
				}
				testRestoredIndex(t, fmt.Sprintf("%s, shifted %d, %s", name, shift, how), g, r, b, shift)
			}
		}
	}
}

// checkInPieces writes b to an IndexCheck in pieces of random sizes,
// from a byte to thousands, and returns it.
func checkInPieces(b []byte, seed uint64) *IndexCheck {
	rng := rand.New(rand.NewPCG(seed, 7))
	var c IndexCheck
	for len(b) > 0 {
		k := min(len(b), 1+rng.IntN([]int{3, 40, 5000}[rng.IntN(3)]))
		c.Write(b[:k])
		b = b[k:]
	}
	return &c
}

// testRestoredIndex checks that r, restored from b (shifted by shift
// from an aligned address), has g's index, used where it lies when it
// may be, and answers as g does.
func testRestoredIndex(t *testing.T, name string, g, r *Graph, b []byte, shift int) {
	t.Helper()
	if !reflect.DeepEqual(r.fwdOff, g.fwdOff) || !reflect.DeepEqual(r.bwdOff, g.bwdOff) ||
		!reflect.DeepEqual(r.fwd, g.fwd) || !reflect.DeepEqual(r.bwd, g.bwd) ||
		!reflect.DeepEqual(allForms(r), allForms(g)) || !reflect.DeepEqual(r.formOff, g.formOff) ||
		r.costUnit != g.costUnit || r.maxMilli != g.maxMilli {
		t.Errorf("%s: the restored index differs from the graph's", name)
	}
	if got := r.move(1); !reflect.DeepEqual(got, g.Moves()[1]) {
		t.Errorf("%s: move 1 read alone = %v; want %v", name, got, g.Moves()[1])
	}
	inPlace := unsafe.Pointer(&r.fwd[0]) == unsafe.Pointer(&b[indexHead+4*(3*(len(g.roles)+1)+g.numForms()+1)])
	if want := arcInPlace && shift == 0; inPlace != want {
		t.Errorf("%s: arcs used in place: %v; want %v", name, inPlace, want)
	}
	if r.forms != nil || unsafe.StringData(r.formBlob) != &b[len(b)-len(r.formBlob)] {
		t.Errorf("%s: the names' forms were copied, not used where they lie", name)
	}
	answered := 0
	for _, q := range [][2]string{{"clerk", "mayor"}, {"counsellor", "director"}, {"role-3", "role-17"}, {"role-5", "role-399"}, {"role-17", "role-3"}} {
		want, err1 := g.Paths(q[0], q[1], 3, PathOptions{NoDown: q[0] == "role-3"})
		got, err2 := r.Paths(q[0], q[1], 3, PathOptions{NoDown: q[0] == "role-3"})
		if !reflect.DeepEqual(got, want) || (err1 == nil) != (err2 == nil) {
			t.Errorf("%s: Path(%q, %q) = %v, %v after RestoreIndexed; want %v, %v", name, q[0], q[1], got, err2, want, err1)
		}
		if len(want) > 0 {
			answered++
		}
	}
	if answered < 2 {
		t.Errorf("%s: %d questions answered; the test asks too little", name, answered)
	}
	if !reflect.DeepEqual(r.Moves(), g.Moves()) || !reflect.DeepEqual(r.Roles(), g.Roles()) || !reflect.DeepEqual(r.Rungs(), g.Rungs()) {
		t.Errorf("%s: parts differ from the graph's after RestoreIndexed", name)
	}
}

// TestRestoreIndexedRejects damages an index: each damage is an error,
// and no byte changed anywhere makes RestoreIndexed panic.
func TestRestoreIndexedRejects(t *testing.T) {
	g := indexedFixtures(t)["random"]
	index := indexBytes(t, g)
	n := len(g.roles)
	offs := indexHead                                   // fwdOff
	arcsAt := indexHead + 4*(3*(n+1)+g.numForms()+1)    // fwd
	formsAt := arcsAt + arcSize*(len(g.fwd)+len(g.bwd)) // the forms' bytes
	formAt := indexHead + 4*3*(n+1)                     // formAt
	put := func(at int, v uint32) func([]byte) []byte {
		return func(b []byte) []byte { binary.LittleEndian.PutUint32(b[at:], v); return b }
	}
	damage := map[string]func([]byte) []byte{
		"cut short":          func(b []byte) []byte { return b[:len(b)-1] },
		"too long":           func(b []byte) []byte { return append(b, 0) },
		"no head":            func(b []byte) []byte { return b[:indexHead-1] },
		"other role count":   put(0, uint32(n+1)),
		"other move count":   put(4, uint32(g.numMoves()-1)),
		"no cost unit":       put(24, 0),
		"cost unit 7":        put(24, 7),
		"row offset falls":   put(offs+4*2, 0x7fffffff),
		"row offsets from 1": put(offs, 1),
		"form beyond bytes":  put(formAt+4*3, uint32(len(index)-formsAt+1)),
		"arc to nobody":      put(arcsAt, uint32(n)),
		"arc by no move":     put(arcsAt+4, uint32(g.numMoves())),
		"arc of kind 2":      func(b []byte) []byte { b[arcsAt+12] = 2; return b },
		"against 2":          func(b []byte) []byte { b[arcsAt+13] = 2; return b },
		"down 255":           func(b []byte) []byte { b[arcsAt+arcSize+14] = 255; return b },
		"padding":            func(b []byte) []byte { b[arcsAt+15] = 1; return b },
	}
	for name, f := range damage {
		b := f(bytes.Clone(index))
		for i, check := range []*IndexCheck{nil, checkInPieces(b, 1), checkInPieces(b, 2)} {
			roles, moves, ends, rungs := parts(g)
			if _, err := RestoreIndexed(sliceRoles(roles), &sliceMoves{moves, ends}, rungs, b, check); err == nil {
				t.Errorf("RestoreIndexed with %s (check %d): no error", name, i)
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 4000 {
		b := bytes.Clone(index)
		b[rng.IntN(len(b))] ^= byte(1 + rng.IntN(255))
		var check *IndexCheck
		if i%2 == 1 {
			check = checkInPieces(b, uint64(i))
		}
		roles, moves, ends, rungs := parts(g)
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("RestoreIndexed (checked: %v) panicked on a changed byte: %v", check != nil, p)
				}
			}()
			_, err := RestoreIndexed(sliceRoles(roles), &sliceMoves{moves, ends}, rungs, b, check)
			if check != nil {
				_, err2 := RestoreIndexed(sliceRoles(roles), &sliceMoves{moves, ends}, rungs, b, nil)
				if (err == nil) != (err2 == nil) || err2 == nil && !check.checked(b) {
					t.Fatalf("a changed byte: RestoreIndexed with a check: %v; reading the index: %v; the check passed: %v", err, err2, check.checked(b))
				}
			}
		}()
	}
}

// TestIndexCheckOfOtherBytes hands RestoreIndexed a check of bytes other
// than the index's: it reads the index itself.
func TestIndexCheckOfOtherBytes(t *testing.T) {
	g := indexedFixtures(t)["random"]
	index := indexBytes(t, g)
	// An arc to nobody: only the look at the arcs finds it, which a check
	// trusted would spare.
	bad := bytes.Clone(index)
	arcsAt := indexHead + 4*(3*(len(g.roles)+1)+g.numForms()+1)
	binary.LittleEndian.PutUint32(bad[arcsAt:], uint32(len(g.roles)))
	// A sound index whose head differs only in the cost unit, which the
	// check does not look at.
	otherHead := bytes.Clone(index)
	otherHead[24] ^= 0x40
	for name, check := range map[string]*IndexCheck{
		"of a part":       checkInPieces(index[:len(index)-1], 3),
		"of more":         checkInPieces(append(bytes.Clone(index), 0), 3),
		"of another head": checkInPieces(otherHead, 3),
		"of nothing":      {},
		"of a bad index":  checkInPieces(bad, 3),
	} {
		roles, moves, ends, rungs := parts(g)
		if _, err := RestoreIndexed(sliceRoles(roles), &sliceMoves{moves, ends}, rungs, bad, check); err == nil {
			t.Errorf("a check %s: the bad index was taken", name)
		}
	}
}

// sliceMoves is a MoveReader of moves in hand.
type sliceMoves struct {
	moves []Move
	ends  []Ends
}

func (s *sliceMoves) Len() int                { return len(s.moves) }
func (s *sliceMoves) Move(i int) (Move, Ends) { return s.moves[i], s.ends[i] }
func (s *sliceMoves) All() ([]Move, []Ends)   { return slices.Clone(s.moves), slices.Clone(s.ends) }

// allForms returns every normal form of g's name index.
func allForms(g *Graph) []string {
	out := make([]string, g.numForms())
	for j := range out {
		out[j] = g.form(int32(j))
	}
	return out
}

// restoreIndexed restores g with RestoreIndexed from the index it writes,
// its roles and moves read from slices.
func restoreIndexed(t *testing.T, g *Graph) *Graph {
	t.Helper()
	roles, moves, ends, rungs := parts(g)
	r, err := RestoreIndexed(sliceRoles(roles), &sliceMoves{moves, ends}, rungs, indexBytes(t, g), nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// sliceRoles is a RoleReader of roles in hand.
type sliceRoles []Role

func (s sliceRoles) Len() int        { return len(s) }
func (s sliceRoles) Role(i int) Role { return s[i] }
func (s sliceRoles) All() []Role     { return slices.Clone(s) }

// TestRestoreIndexedConcurrent reads a restored graph's roles and moves
// one at a time and all at once from many goroutines: run with -race.
func TestRestoreIndexedConcurrent(t *testing.T) {
	g := indexedFixtures(t)["random"]
	roles, _, _, _ := parts(g)
	r := restoreIndexed(t, g)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			switch i % 4 {
			case 0:
				if !reflect.DeepEqual(r.Moves(), g.Moves()) {
					t.Error("Moves differ")
				}
			case 1:
				if !reflect.DeepEqual(r.Roles(), g.Roles()) {
					t.Error("Roles differ")
				}
			}
			for j := range 50 {
				from, to := fmt.Sprintf("role-%d", (i*50+j)%400), fmt.Sprintf("role-%d", (j*7)%400)
				if got, _ := r.Role(from); !reflect.DeepEqual(got, roles[r.at(from)]) {
					t.Errorf("Role(%s) = %+v, want %+v", from, got, roles[r.at(from)])
				}
				want, _ := g.Paths(from, to, 2, PathOptions{})
				got, _ := r.Paths(from, to, 2, PathOptions{})
				if !reflect.DeepEqual(got, want) {
					t.Errorf("Paths(%s, %s) differ", from, to)
				}
			}
		})
	}
	wg.Wait()
}

// TestRoleIndex looks up every role of a restored graph by ID, and IDs
// it does not hold, across the change from searching the roles to the
// map made after scanLimit look-ups.
func TestRoleIndex(t *testing.T) {
	g := indexedFixtures(t)["random"]
	r, err := Restore(parts(g))
	if err != nil {
		t.Fatal(err)
	}
	if r.byIDReady.Load() {
		t.Fatal("a restored graph made the map of IDs before any look-up")
	}
	ids := map[string]bool{}
	for _, role := range g.roles {
		ids[role.ID] = true
	}
	for round := range 2 {
		for i, role := range g.roles {
			for _, missing := range []string{role.ID + "-", role.ID[:len(role.ID)-1], ""} {
				if j, ok := r.roleIndex(missing); ok && r.roles[j].ID != missing {
					t.Fatalf("roleIndex(%q) = %d, true; that is %q", missing, j, r.roles[j].ID)
				} else if want := ids[missing]; ok != want {
					t.Fatalf("roleIndex(%q) found: %v; want %v", missing, ok, want)
				}
			}
			if j, ok := r.roleIndex(role.ID); !ok || j != int32(i) {
				t.Fatalf("round %d: roleIndex(%q) = %d, %v; want %d", round, role.ID, j, ok, i)
			}
		}
	}
	if !r.byIDReady.Load() {
		t.Error("no map of IDs after many look-ups")
	}
}

// TestMoveAt: MoveAt gives each move as Moves does, with the indices of
// its ends among Roles, and NumRoles and NumMoves count them, on a built
// graph (before and after its moves are all made), one restored, and one
// restored with its index, whose roles neither makes.
func TestMoveAt(t *testing.T) {
	for name, g := range indexedFixtures(t) {
		roles, moves, ends, rungs := parts(g)
		restored, err := Restore(roles, moves, ends, rungs)
		if err != nil {
			t.Fatal(err)
		}
		indexed := restoreIndexed(t, g)
		fresh := indexedFixtures(t)[name] // no move made yet
		for kind, h := range map[string]*Graph{"built": fresh, "built, moves made": g, "restored": restored, "indexed": indexed} {
			if h.NumMoves() != len(moves) || h.NumRoles() != len(roles) {
				t.Fatalf("%s, %s: NumMoves %d, NumRoles %d; want %d, %d", name, kind, h.NumMoves(), h.NumRoles(), len(moves), len(roles))
			}
			if h.lazyRoles != nil && h.rolesReady.Load() {
				t.Errorf("%s, %s: NumRoles or MoveAt made every role", name, kind)
			}
			for i := range h.NumMoves() {
				m, e := h.MoveAt(i)
				if want := g.Moves()[i]; !reflect.DeepEqual(m, want) || e != ends[i] {
					t.Fatalf("%s, %s: MoveAt(%d) = %+v, %v; want %+v, %v", name, kind, i, m, e, want, ends[i])
				}
			}
		}
	}
}

// TestIndexCheckHugeCounts writes heads that claim parts longer than an
// int holds on a 32-bit system, and a few bytes more: Write takes them
// all and returns (on such a system it once took none and never
// returned). useIndex refuses such a head by its size.
func TestIndexCheckHugeCounts(t *testing.T) {
	for _, roles := range []uint32{0x1fffffff, 0x3fffffff, 0x40000000, 0x7fffffff, 0xffffffff} {
		b := make([]byte, indexHead+64)
		binary.LittleEndian.PutUint32(b, roles)
		var c IndexCheck
		c.Write(b)
		if c.at != int64(len(b)) || c.bad {
			t.Errorf("a head of %#x roles: the check took %d of %d bytes (fault found: %v)", roles, c.at, len(b), c.bad)
		}
	}
}

// indexBytes returns the index g writes.
func indexBytes(t *testing.T, g *Graph) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := g.WriteIndex(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
