package graph

import (
	"errors"
	"math"
	"testing"
)

// TestScratchGenerationWraps checks that a scratch whose generation
// counter wraps clears its stamps instead of reading old ones as new.
func TestScratchGenerationWraps(t *testing.T) {
	var b Builder
	a := b.AddRole(Role{ID: "a", Name: "A"})
	c := b.AddRole(Role{ID: "c", Name: "C"})
	d := b.AddRole(Role{ID: "d", Name: "D"})
	b.AddMove(a, c, Career)
	b.AddMove(c, d, Career)
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	sc := g.getScratch()
	defer putScratch(sc)
	for i := range sc.avoid {
		sc.avoid[i] = 1 // stale stamps of generation 1
		sc.doneF[i] = 1
	}
	sc.gen = math.MaxUint32
	sc.avoidGen = math.MaxUint32
	sc.next()
	sc.newAvoid()
	if sc.gen != 1 || sc.avoidGen != 1 || sc.avoid[0] != 0 || sc.doneF[1] != 0 {
		t.Fatalf("after the generation wraps: gen %d, avoid %v, doneF %v; want 1 and cleared stamps", sc.gen, sc.avoid, sc.doneF)
	}
	w, _ := newWeights(false, 0, false)
	hops, key, ok := g.cheapest(sc, 0, 2, &spec{w: w, from: -1}, nil)
	if !ok || len(hops) != 2 || keyCost(key) != 2000 {
		t.Errorf("cheapest(a, d) after the wrap = %v, %d, %v; want 2 hops at cost 2000 thousandths", hops, keyCost(key), ok)
	}
}

func TestLateralCostLimit(t *testing.T) {
	for _, cost := range []int{-1, 0, 1, MaxLateralCost} {
		if _, err := newWeights(false, cost, false); err != nil {
			t.Errorf("newWeights(false, %d, false) = %v; want no error", cost, err)
		}
	}
	for _, cost := range []int{MaxLateralCost + 1, 1 << 30, 1 << 40} {
		if _, err := newWeights(false, cost, false); !errors.Is(err, ErrBadOption) {
			t.Errorf("newWeights(false, %d, false) = %v; want ErrBadOption", cost, err)
		}
	}
}
