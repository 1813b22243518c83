package serve

// Route questions: path, gap, reach and ladder.

import (
	"errors"
	"net/http"

	"careergraph/cmd/careergraph/internal/wire"
	"careergraph/graph"
)

// routeGraph returns the graph a route question is asked of: the
// snapshot's, or with similar= set, the one with suggested moves between
// roles that share content (path --similar).
func routeGraph(snap *snapshot, r *http.Request) (query, error) {
	q := newQuery(r, snap.corpus.Graph)
	similar, err := q.bool("similar")
	if err != nil || !similar {
		return q, err
	}
	if q.g, err = snap.withSimilar(); err != nil {
		return q, err
	}
	return q, nil
}

// routeQuestion is what path and gap are asked: the graph (see
// routeGraph), the two ends, k and the route options; and the k cheapest
// routes, or the error of their search.
type routeQuestion struct {
	q        query
	from, to graph.Role
	routes   []graph.Route
}

// askRoutes reads a route question and searches its routes. A search
// that finds none returns the question with graph.ErrNoPath, for the
// caller to answer with an empty result and a reason.
func askRoutes(snap *snapshot, r *http.Request) (routeQuestion, error) {
	var rq routeQuestion
	q, err := routeGraph(snap, r)
	if err != nil {
		return rq, err
	}
	rq.q = q
	if rq.from, rq.to, err = q.ends("from", "to"); err != nil {
		return rq, err
	}
	k, err := q.int("k", 1, 1, MaxK)
	if err != nil {
		return rq, err
	}
	opt, err := q.pathOptions()
	if err != nil {
		return rq, err
	}
	rq.routes, err = q.g.Paths(rq.from.ID, rq.to.ID, k, opt)
	if err != nil && !errors.Is(err, graph.ErrNoPath) {
		return rq, routeError(err)
	}
	return rq, err
}

func (s *Server) path(snap *snapshot, r *http.Request) (any, error) {
	rq, err := askRoutes(snap, r)
	if errors.Is(err, graph.ErrNoPath) {
		out := wire.NewPath(rq.q.g, rq.from, rq.to, nil)
		out.Reason = err.Error() // as path --json says it
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	return wire.NewPath(rq.q.g, rq.from, rq.to, rq.routes), nil
}

// gap answers gap: for each of the k cheapest routes, what each role on
// it adds.
func (s *Server) gap(snap *snapshot, r *http.Request) (any, error) {
	rq, err := askRoutes(snap, r)
	if errors.Is(err, graph.ErrNoPath) {
		return wire.NoGap(rq.from.Name, rq.to.Name, err.Error()), nil
	}
	if err != nil {
		return nil, err
	}
	gaps := make([]graph.RouteGap, len(rq.routes))
	for i, rt := range rq.routes {
		gaps[i] = rq.q.g.GapAlong(rt)
	}
	return wire.NewGap(rq.q.g, rq.from, rq.to, rq.routes, gaps), nil
}

func (s *Server) reach(snap *snapshot, r *http.Request) (any, error) {
	q := newQuery(r, snap.corpus.Graph)
	role, err := q.role("role", true)
	if err != nil {
		return nil, err
	}
	var opt graph.ReachOptions
	if opt.Reverse, err = q.bool("reverse"); err != nil {
		return nil, err
	}
	if opt.CareerOnly, err = q.bool("no_lateral"); err != nil {
		return nil, err
	}
	if opt.LateralCost, err = q.int("lateral_cost", graph.DefaultLateralCost, 1, graph.MaxLateralCost); err != nil {
		return nil, err
	}
	if opt.MaxCost, err = q.int("max_cost", 0, 0, 1<<30); err != nil {
		return nil, err
	}
	reached, err := q.g.Reach(role.ID, opt)
	if err != nil {
		return nil, roleError("role", err)
	}
	out := wire.NewReach(q.g, role, opt.Reverse, reached)
	if len(reached) == 0 {
		out.Reason = wire.ReachReason(opt) // as reach --json says it
	}
	return out, nil
}

func (s *Server) ladder(snap *snapshot, r *http.Request) (any, error) {
	q := newQuery(r, snap.corpus.Graph)
	role, err := q.role("role", true)
	if err != nil {
		return nil, err
	}
	depth, err := q.int("depth", 0, 0, MaxLadderDepth)
	if err != nil {
		return nil, err
	}
	l, err := q.g.Ladder(role.ID, depth)
	if err != nil {
		return nil, roleError("role", err)
	}
	return wire.NewLadder(q.g, role, l), nil
}
