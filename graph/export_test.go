package graph

import "math"

// SearchScan is Search without its index: every role scored, as Search
// answered before it had one. Tests hold the two to one answer.
func SearchScan(g *Graph, query string, limit int) []Match { return g.search(query, limit, false) }

// Eager, given to PathsSettled, makes no role a hub and keeps the strict
// rule for stopping: every arc is taken when its role settles, and every
// role on a cheapest route is settled, as the search did before it had
// hubs. It is the plain search the others are held to.
const Eager = math.MaxInt32

// NoHubs, given to PathsSettled, makes no role a hub, with the search's
// own rule for stopping.
const NoHubs = math.MaxInt32 - 1

// PathsSettled is Paths with the roles of lazy or more arcs one way as
// hubs (0: the default, lazyDegree), also returning the number of roles
// its searches settled: the work benchmarks and tests compare.
func PathsSettled(g *Graph, from, to string, k int, opt PathOptions, lazy int32) ([]Route, int, error) {
	q, err := g.pathQuery(from, to, opt)
	if err != nil {
		return nil, 0, err
	}
	if q.from == q.to {
		return []Route{{}}, 0, nil
	}
	sc := g.getScratch()
	defer putScratch(sc)
	if lazy > 0 {
		sc.lazy = lazy
	}
	sc.strict = lazy == Eager
	found, err := g.yen(sc, q, k)
	if err != nil {
		return nil, sc.settled, err
	}
	return g.routes(found, q.w), sc.settled, nil
}
