package graph

import "sync"

// scratch holds the per-query working memory of a search. Arrays are
// stamped with a generation instead of being cleared, so starting a new
// search costs O(1) rather than O(V).
type scratch struct {
	gen          uint32
	distF, distB []int64
	seenF, seenB []uint32 // == gen: distF/distB holds a label
	doneF, doneB []uint32 // == gen: the label is final
	avoid        []uint32 // == avoidGen: the role may not be entered
	avoidGen     uint32   // the generation of avoid, apart from gen: a Yen round keeps its roles avoided over many searches
	stamped      int      // roles stamped in avoid since the scratch was taken: the work a test can bound
	onPath       []uint32 // == gen: a forward-settled role lies on a cheapest route
	heapF, heapB keyHeap
	orderF       []int32 // roles in the order the forward search settled them
	buckets      [][]heapItem
	via          []Via    // the kinds of move of the route a one-way search settled each role by
	settled      int      // roles settled by point-to-point searches since the scratch was taken: what benchmarks report
	orderB       []int32  // roles in the order the backward search settled them
	cursors      []cursor // the hubs' lazy arcs of a search; heap entries name them as nRoles+index
	nRoles       int32    // roles of the graph searched: heap entries from it up are cursors
	lazy         int32    // roles with this many arcs one way or more are hubs: see bidi
	strict       bool     // bidi stops only when topF+topB > mu, as it did before finish: the plain search tests hold it to
	edgeB        int64    // a backward label this low or lower is final (see finalB); -1 until bidi's finish
	frontB       []int32  // roles labelled, not settled, at edgeB (see finish)
	lazyF, lazyB int      // arcs the cursors of each side have not handed out yet
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// getScratch returns a scratch sized for g with a fresh generation.
func (g *Graph) getScratch() *scratch {
	sc := scratchPool.Get().(*scratch)
	if n := g.numRoles(); len(sc.distF) < n {
		*sc = scratch{
			distF: make([]int64, n), distB: make([]int64, n),
			seenF: make([]uint32, n), seenB: make([]uint32, n),
			doneF: make([]uint32, n), doneB: make([]uint32, n),
			avoid: make([]uint32, n), onPath: make([]uint32, n), via: make([]Via, n),
			heapF: sc.heapF[:0], heapB: sc.heapB[:0], orderF: sc.orderF[:0],
			orderB: sc.orderB[:0], cursors: sc.cursors[:0], frontB: sc.frontB[:0],
			buckets: sc.buckets,
		}
	}
	sc.next()
	sc.newAvoid()
	sc.stamped = 0
	sc.settled = 0
	sc.lazy = lazyDegree
	sc.strict = false
	return sc
}

func putScratch(sc *scratch) { scratchPool.Put(sc) }

// next starts a new generation: every stamp of the last one is void.
func (sc *scratch) next() {
	sc.gen++
	if sc.gen == 0 {
		for _, s := range [][]uint32{sc.seenF, sc.seenB, sc.doneF, sc.doneB, sc.onPath} {
			clear(s)
		}
		sc.gen = 1
	}
	sc.heapF = sc.heapF[:0]
	sc.heapB = sc.heapB[:0]
	sc.orderF = sc.orderF[:0]
	sc.orderB = sc.orderB[:0]
	sc.cursors = sc.cursors[:0]
	sc.frontB = sc.frontB[:0]
	sc.edgeB = -1
	sc.lazyF, sc.lazyB = 0, 0
}

// newAvoid starts a new generation of sc.avoid: no role is avoided.
func (sc *scratch) newAvoid() {
	sc.avoidGen++
	if sc.avoidGen == 0 {
		clear(sc.avoid)
		sc.avoidGen = 1
	}
}

// avoidRole stamps role r as one searches may not enter, until the next
// newAvoid.
func (sc *scratch) avoidRole(r int32) {
	sc.avoid[r] = sc.avoidGen
	sc.stamped++
}

// avoided reports whether role r may not be entered. Until a role is
// stamped, as on most questions, it reads nothing: on a large graph the
// look-up is a cache miss per arc.
func (sc *scratch) avoided(r int32) bool {
	return sc.stamped > 0 && sc.avoid[r] == sc.avoidGen
}

// keyHeap is a binary min-heap of (key, role) ordered by key and then by
// role index, so equal keys pop in ID order on every run.
type keyHeap []heapItem

type heapItem struct {
	key  int64
	role int32
}

func (a heapItem) less(b heapItem) bool {
	return a.key < b.key || a.key == b.key && a.role < b.role
}

func (h *keyHeap) push(key int64, role int32) {
	s := append(*h, heapItem{key, role})
	i := len(s) - 1
	it := s[i]
	for i > 0 {
		p := (i - 1) / 2
		if !it.less(s[p]) {
			break
		}
		s[i] = s[p]
		i = p
	}
	s[i] = it
	*h = s
}

func (h *keyHeap) pop() heapItem {
	s := *h
	top := s[0]
	n := len(s) - 1
	it := s[n]
	s = s[:n]
	i := 0
	for {
		c := 2*i + 1
		if c >= n {
			break
		}
		if c+1 < n && s[c+1].less(s[c]) {
			c++
		}
		if !s[c].less(it) {
			break
		}
		s[i] = s[c]
		i = c
	}
	if n > 0 {
		s[i] = it
	}
	*h = s
	return top
}
