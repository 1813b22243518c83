package graph

// Gap is what one step of a route asks that its start does not have:
// skills and qualifications the target's documents list and the start's
// do not.
type Gap struct {
	From, To       string // role IDs
	Skills         []string
	Qualifications []string
}

// Gap returns the cheapest route from the role with ID from to the role
// with ID to, as Path does, and what each documented step asks.
//
// For each step whose two roles both have a Profile, in route order, there
// is one Gap: Skills holds the To role's required and then recommended
// skills that are in neither skill list of the From role, and
// Qualifications the To role's qualifications that are not in the From
// role's; names are compared in normal form (NormalName), kept as the To
// role's documents write them and in their order, each once. A Gap may
// be empty: it says the step asks nothing new. When the route has more
// than one step and both its start and its end have a Profile, one more
// Gap, from the start to the end, comes last: what the whole route asks.
// Steps with an undocumented end have no Gap. When from == to the route
// is empty and there are no gaps.
//
// The errors are Path's. Beyond the search, Gap costs O(total length of
// the lists on the route).
func (g *Graph) Gap(from, to string, opt PathOptions) (Route, []Gap, error) {
	r, err := g.Path(from, to, opt)
	if err != nil {
		return Route{}, nil, err
	}
	gaps := []Gap{}
	for _, s := range r.Steps {
		if gp, ok := g.gap(s.From, s.To); ok {
			gaps = append(gaps, gp)
		}
	}
	if len(r.Steps) > 1 {
		if gp, ok := g.gap(from, to); ok {
			gaps = append(gaps, gp)
		}
	}
	return r, gaps, nil
}

// gap compares the profiles of two roles; ok is false unless both have
// one.
func (g *Graph) gap(from, to string) (Gap, bool) {
	a, b := g.roles[g.byID[from]].Profile, g.roles[g.byID[to]].Profile
	if a == nil || b == nil {
		return Gap{}, false
	}
	has := make(map[string]bool)
	for _, list := range [][]string{a.RequiredSkills, a.RecommendedSkills} {
		for _, s := range list {
			has[NormalName(s)] = true
		}
	}
	gp := Gap{From: from, To: to, Skills: []string{}, Qualifications: []string{}}
	gp.Skills = missing(gp.Skills, has, b.RequiredSkills, b.RecommendedSkills)
	clear(has)
	for _, s := range a.Qualifications {
		has[NormalName(s)] = true
	}
	gp.Qualifications = missing(gp.Qualifications, has, b.Qualifications)
	return gp, true
}

// missing appends to out the names of lists not in has, each once, and
// marks them in has.
func missing(out []string, has map[string]bool, lists ...[]string) []string {
	for _, list := range lists {
		for _, s := range list {
			if k := NormalName(s); k != "" && !has[k] {
				has[k] = true
				out = append(out, s)
			}
		}
	}
	return out
}
