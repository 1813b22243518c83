package parallel

import (
	"sync/atomic"
	"testing"
)

func TestChunksCoversEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, chunk - 1, chunk, chunk + 1, 5*chunk + 17} {
		hits := make([]atomic.Int32, n)
		Chunks(n, func(lo, hi int) {
			if lo < 0 || hi > n || lo >= hi {
				t.Errorf("Chunks(%d): range [%d, %d)", n, lo, hi)
				return
			}
			for i := lo; i < hi; i++ {
				hits[i].Add(1)
			}
		})
		for i := range hits {
			if h := hits[i].Load(); h != 1 {
				t.Fatalf("Chunks(%d): index %d covered %d times; want 1", n, i, h)
			}
		}
	}
}

func TestNumberedNumbersRangesInOrder(t *testing.T) {
	for _, n := range []int{0, 1, chunk, chunk + 1, 5*chunk + 17} {
		count := Count(n)
		los := make([]atomic.Int64, count)
		for i := range los {
			los[i].Store(-1)
		}
		Numbered(n, func(c, lo, hi int) {
			if c < 0 || c >= count {
				t.Errorf("Numbered(%d): range number %d; want 0 to %d", n, c, count-1)
				return
			}
			los[c].Store(int64(lo))
		})
		next := 0
		for c := range los {
			if lo := int(los[c].Load()); lo != next {
				t.Fatalf("Numbered(%d): range %d starts at %d; want %d", n, c, lo, next)
			}
			next = min(next+chunk, n)
		}
		if next != n {
			t.Fatalf("Numbered(%d): %d ranges end at %d; want %d", n, count, next, n)
		}
	}
}

func TestEachCallsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 1000} {
		hits := make([]atomic.Int32, n)
		Each(n, func(i int) {
			if i < 0 || i >= n {
				t.Errorf("Each(%d): index %d", n, i)
				return
			}
			hits[i].Add(1)
		})
		for i := range hits {
			if h := hits[i].Load(); h != 1 {
				t.Fatalf("Each(%d): index %d called %d times; want 1", n, i, h)
			}
		}
	}
}
