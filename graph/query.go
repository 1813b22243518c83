package graph

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
	LateralCost int      // cost of a related move, at most MaxLateralCost; 0 or less means DefaultLateralCost
}

// Step is one move of a route, in the direction travelled.
type Step struct {
	From, To string // role IDs, in travel order
	Kind     Kind
	// Against is true for a related move taken against the direction its
	// document wrote it in.
	Against bool
	Sources []Source
}

// Route is a way from one role to another.
type Route struct {
	Cost  int
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

// ReachOptions shape a reach query.
type ReachOptions struct {
	Reverse     bool // roles that reach the start, instead of roles it reaches
	CareerOnly  bool
	LateralCost int // 0 or less means DefaultLateralCost
	MaxCost     int // 0 means no limit
}

// Reached is one role a reach query found, with the cheapest cost to it
// and the number of steps of that cheapest route.
type Reached struct {
	Role  string // role ID
	Cost  int
	Steps int
}

// Ladder is the career ladder through one role: every role from which a
// chain of career moves leads to it (Below) and every role such a chain
// leads to from it (Above), by rungs of distance, nearest first.
type Ladder struct {
	Role  string
	Below [][]string // Below[0]: roles one career move below; each rung sorted
	Above [][]string
	Moves []Move // the career moves among those roles, sorted
}

// Gap is what one step of a route asks that its start does not have:
// skills and qualifications the target's documents list and the start's
// do not.
type Gap struct {
	From, To       string // role IDs
	Skills         []string
	Qualifications []string
}

// Stats summarises a graph.
type Stats struct {
	Documents  int // distinct document files
	Roles      int
	Documented int
	Moves      map[Kind]int
	Components int   // weakly connected, over moves of every kind
	Hubs       []Hub // most connected roles first, at most 10
}

// Hub is a role with its number of moves in and out.
type Hub struct {
	Role   string // role ID
	Degree int
}

// Selection is a part of the graph chosen to be drawn or exported: the
// roles and moves a question is about, with what to emphasise.
type Selection struct {
	Kind   string   // "ladder", "path", "around" or "all"
	Title  string   // the question it answers, in words
	Focus  []string // role IDs emphasised (the ladder's role, a path's ends), sorted
	Roles  []string // role IDs, sorted
	Moves  []Move   // sorted as Graph.Moves
	Routes []Route  // for "path": the routes, cheapest first
}
