package graph

import "fmt"

// DefaultLateralCost is what a related (lateral) move costs a route unless
// the caller says otherwise; a career move costs 1.
const DefaultLateralCost = 2

// MaxLateralCost is the most a related move may cost: route costs must
// stay far inside the range the searches count in.
const MaxLateralCost = 1000

// PathOptions shape a route search.
type PathOptions struct {
	Avoid       []string // role IDs the route must not pass through
	CareerOnly  bool     // take career moves only, no lateral ones
	LateralCost int      // cost of a related move at its default cost, at most MaxLateralCost; 0 or less means DefaultLateralCost
	// NoDown leaves out moves that go down a level: from a role with a
	// level to one with a lower level (roles without one go either way).
	NoDown bool
}

// Step is one move of a route, in the direction travelled.
type Step struct {
	From, To string // role IDs, in travel order
	Kind     Kind
	// Against is true for a related move taken against the direction its
	// document wrote it in.
	Against bool
	Sources []Source
	Cost    float64    // what the step costs under the query's options
	Attrs   *MoveAttrs // the move's attributes, shared with the graph; nil for moves from documents
}

// Route is a way from one role to another. Cost is the sum of its steps'
// costs, exact to 0.001.
type Route struct {
	Cost  float64
	Steps []Step
}

// Roles returns the IDs of the roles the route passes, start and end
// included.
func (r Route) Roles() []string {
	if len(r.Steps) == 0 {
		return nil
	}
	out := []string{r.Steps[0].From}
	for _, s := range r.Steps {
		out = append(out, s.To)
	}
	return out
}

// pathQuery is a checked route query: the ends and the roles to avoid as
// indices, and the arc weights.
type pathQuery struct {
	from, to int32
	avoid    []int32
	w        weights
}

func (g *Graph) pathQuery(from, to string, opt PathOptions) (pathQuery, error) {
	f, err := g.index(from)
	if err != nil {
		return pathQuery{}, err
	}
	t, err := g.index(to)
	if err != nil {
		return pathQuery{}, err
	}
	w, err := newWeights(opt.CareerOnly, opt.LateralCost, opt.NoDown)
	if err != nil {
		return pathQuery{}, err
	}
	q := pathQuery{from: f, to: t, w: w}
	for _, id := range opt.Avoid {
		a, err := g.index(id)
		if err != nil {
			return pathQuery{}, fmt.Errorf("avoid: %w", err)
		}
		switch a {
		case f:
			return pathQuery{}, fmt.Errorf("cannot avoid %q: the route starts there", g.role(a).Name)
		case t:
			return pathQuery{}, fmt.Errorf("cannot avoid %q: the route ends there", g.role(a).Name)
		}
		q.avoid = append(q.avoid, a)
	}
	return q, nil
}

func (g *Graph) noPath(q pathQuery) error {
	return fmt.Errorf("no route from %q to %q: %w", g.role(q.from).Name, g.role(q.to).Name, ErrNoPath)
}

// Path returns the cheapest route from the role with ID from to the role
// with ID to. A move with its own cost (Move.Milli) costs that; otherwise
// a career move costs 1 and a related move opt.LateralCost
// (DefaultLateralCost when 0). With opt.NoDown no step goes down a level.
// Related moves may be taken in either
// direction unless opt.CareerOnly, and a step that takes one against its
// written direction has Against set. The route never enters a role in
// opt.Avoid. Each step's Sources are the move's, shared with the graph.
//
// Ties are broken the same way on every run: among routes of equal cost,
// the one with the fewest steps, then the one whose sequence of role IDs
// sorts first; between two roles, the cheapest move, career before
// related. So Path returns the first route of Paths(from, to, 1, opt).
//
// When from == to, the route is empty with cost 0. Errors: an unknown ID
// wraps ErrNotFound; avoiding either end is an error; when no route
// exists the error wraps ErrNoPath. Path runs a bidirectional Dijkstra
// search on the compact index: O((V+E) log V) at worst, typically a small
// part of the graph; the neighbours of a role with many moves are
// labelled only as far as the search goes.
func (g *Graph) Path(from, to string, opt PathOptions) (Route, error) {
	q, err := g.pathQuery(from, to, opt)
	if err != nil {
		return Route{}, err
	}
	if q.from == q.to {
		return Route{}, nil
	}
	sc := g.getScratch()
	defer putScratch(sc)
	for _, a := range q.avoid {
		sc.avoidRole(a)
	}
	hops, k, ok := g.cheapest(sc, q.from, q.to, &spec{w: q.w, from: -1}, nil)
	if !ok {
		return Route{}, g.noPath(q)
	}
	return g.route(hops, k, q.w), nil
}
