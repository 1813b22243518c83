package graph

// GapStep is what one role on a route adds to what the roles before it
// list.
type GapStep struct {
	Role       string // role ID: the role the step reaches
	Documented bool   // the role has a Profile; without one it adds nothing known
	// Skills and Qualifications are what the role's documents list that
	// no role before it on the route lists, as its documents write them
	// and in their order (required skills first).
	Skills, Qualifications []string
	// Known are the role's skills and qualifications that a role before
	// it already lists.
	Known []string
}

// RouteGap is what a route asks, role by role.
type RouteGap struct {
	// Start is what the start role lists: the user's footing.
	Start GapStep
	// Steps has one entry per step of the route, in order.
	Steps []GapStep
	// Skills and Qualifications are everything to gain on the route: the
	// union of the steps' own, in route order.
	Skills, Qualifications []string
	// Covered are the skills and qualifications roles on the way list
	// that the start already lists, each once.
	Covered []string
}

// Gap returns the cheapest route from the role with ID from to the role
// with ID to, as Path does, and what it asks (see GapAlong). The errors
// are Path's.
func (g *Graph) Gap(from, to string, opt PathOptions) (Route, RouteGap, error) {
	r, err := g.Path(from, to, opt)
	if err != nil {
		return Route{}, RouteGap{}, err
	}
	return r, g.GapAlong(r), nil
}

// GapAlong returns what route r asks, role by role: each role reached adds
// the skills and qualifications its Profile lists that neither the start
// nor any role before it on r lists. Names are compared in normal form
// (NormalName). Roles without a Profile are steps with Documented false
// and nothing listed. It costs O(total length of the lists on r).
func (g *Graph) GapAlong(r Route) RouteGap {
	var out RouteGap
	if len(r.Steps) == 0 {
		return out
	}
	skills, quals := map[string]bool{}, map[string]bool{}
	start := map[string]bool{}
	out.Start = g.gapStep(r.Steps[0].From, skills, quals)
	for _, s := range out.Start.Skills {
		start["s\x00"+NormalName(s)] = true
	}
	for _, s := range out.Start.Qualifications {
		start["q\x00"+NormalName(s)] = true
	}
	out.Skills, out.Qualifications, out.Covered = []string{}, []string{}, []string{}
	covered := map[string]bool{}
	for _, st := range r.Steps {
		gs := g.gapStep(st.To, skills, quals)
		out.Steps = append(out.Steps, gs)
		out.Skills = append(out.Skills, gs.Skills...)
		out.Qualifications = append(out.Qualifications, gs.Qualifications...)
		if p := g.role(g.at(st.To)).Profile; p != nil {
			for _, kl := range []struct {
				kind string
				list []string
			}{{"s", p.Skills()}, {"q", p.Qualifications}} {
				for _, s := range kl.list {
					k := kl.kind + "\x00" + NormalName(s)
					if start[k] && !covered[k] {
						covered[k] = true
						out.Covered = append(out.Covered, s)
					}
				}
			}
		}
	}
	return out
}

// gapStep returns what role id lists beyond skills and quals (normal
// forms already listed), and adds its lists to them.
func (g *Graph) gapStep(id string, skills, quals map[string]bool) GapStep {
	p := g.role(g.at(id)).Profile
	gs := GapStep{Role: id, Documented: p != nil, Skills: []string{}, Qualifications: []string{}, Known: []string{}}
	if p == nil {
		return gs
	}
	gs.Skills, gs.Known = split(gs.Skills, gs.Known, skills, p.RequiredSkills, p.RecommendedSkills)
	gs.Qualifications, gs.Known = split(gs.Qualifications, gs.Known, quals, p.Qualifications)
	return gs
}

// split appends the names of lists not in has to fresh and the others to
// known, each once, and marks them all in has.
func split(fresh, known []string, has map[string]bool, lists ...[]string) ([]string, []string) {
	seen := map[string]bool{}
	for _, list := range lists {
		for _, s := range list {
			k := NormalName(s)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			if has[k] {
				known = append(known, s)
			} else {
				fresh = append(fresh, s)
			}
		}
	}
	for k := range seen {
		has[k] = true
	}
	return fresh, known
}
