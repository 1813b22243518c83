package graph

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"careergraph/internal/parallel"
)

// goIndexNames starts indexNames on another core, once g.roles is final:
// the name index shares nothing with the rest of the graph's making. The
// graph must not be used before wait returns. known is as for
// normalForms.
func (g *Graph) goIndexNames(known []string) (wait func()) {
	var wg sync.WaitGroup
	wg.Go(func() { g.indexNamesKnown(known) })
	return wg.Wait
}

// indexNames works out the normal form of every name of every role,
// which look-ups and Search compare with. The map from form to roles is
// made only when look-ups are many: see rolesNamed.
func (g *Graph) indexNames() { g.indexNamesKnown(nil) }

// indexNamesKnown is indexNames with the normal forms of display names
// known already (see normalForms).
func (g *Graph) indexNamesKnown(known []string) {
	if g.forms == nil && g.formAt == nil {
		g.forms, g.formOff = normalForms(g.allRoles(), known)
	}
}

// scanLimit is how many look-ups by name scan the normal forms before
// the map of them is made. A scan of 100k roles' forms costs about a
// millisecond and the map two hundred: a command looks up a few names
// and never pays for the map; a server that looks up many pays once.
const scanLimit = 64

// rolesNamed returns the indices of the roles with a name whose normal
// form is form, in order, each once. The slice is shared: do not modify
// it. It scans the forms (O(names)) for the first scanLimit calls, then
// makes the map (once, O(names)) and looks form up in it (O(1)).
func (g *Graph) rolesNamed(form string) []int32 {
	if g.nameScans.Load() < scanLimit && g.nameScans.Add(1) <= scanLimit {
		var out []int32
		i := 0
		for j := range int32(g.numForms()) {
			if g.form(j) != form {
				continue
			}
			for g.formOff[i+1] <= j {
				i++
			}
			if len(out) == 0 || out[len(out)-1] != int32(i) {
				out = append(out, int32(i))
			}
		}
		return out
	}
	g.namesOnce.Do(g.mapNames)
	return g.names[form]
}

// mapNames makes the map of every role by the normal form of each of its
// names.
func (g *Graph) mapNames() {
	n := g.numRoles()
	// Most roles' names share one normal form, and most forms belong to
	// one role: a form seen before in the same role is skipped without a
	// look-up, and a form's first role costs one look-up and one store,
	// into a list carved from one array (full, so a second role copies).
	g.names = make(map[string][]int32, n+n/2)
	one := make([]int32, n)
	for i := range g.numRoles() {
		for j := g.formOff[i]; j < g.formOff[i+1]; j++ {
			f := g.form(j)
			if f == "" || g.formAmong(f, g.formOff[i], j) {
				continue
			}
			if l, ok := g.names[f]; ok {
				g.names[f] = append(l, int32(i))
				continue
			}
			one[i] = int32(i)
			g.names[f] = one[i : i+1 : i+1]
		}
	}
}

// isPlainKana reports whether s is only hiragana and katakana letters
// (ぁ–ん, ァ–ン, ー), as readings are. Such a string is its own normal
// form: NFKC leaves these letters as they are and they have no case.
func isPlainKana(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !('ぁ' <= r && r <= 'ん' || 'ァ' <= r && r <= 'ン' || r == 'ー') {
			return false
		}
	}
	return true
}

// form returns the normal form j: see Graph.forms.
func (g *Graph) form(j int32) string {
	if g.formAt != nil {
		return g.formBlob[g.formAt[j]:g.formAt[j+1]]
	}
	return g.forms[j]
}

// numForms returns how many normal forms the name index holds.
func (g *Graph) numForms() int {
	if g.formAt != nil {
		return len(g.formAt) - 1
	}
	return len(g.forms)
}

// formAmong reports whether f is one of the forms lo to hi.
func (g *Graph) formAmong(f string, lo, hi int32) bool {
	for j := lo; j < hi; j++ {
		if g.form(j) == f {
			return true
		}
	}
	return false
}

// normalForms returns the normal form of every name of every role in
// eachName order, role i's at forms[off[i]:off[i+1]]. Normalising is most
// of the cost of indexing names, so it runs on all cores, and each
// role's display name is normalised once, though it is most often one
// of its written forms too. known, if not nil, holds by role the normal
// forms of display names worked out already ("" for one that was not).
func normalForms(roles []Role, known []string) (forms []string, off []int32) {
	off = make([]int32, len(roles)+1)
	for i := range roles {
		c := int32(0)
		roles[i].eachName(func(string) { c++ })
		off[i+1] = off[i] + c
	}
	forms = make([]string, off[len(roles)])
	parallel.Chunks(len(roles), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			j, r := off[i], &roles[i]
			r.eachName(func(s string) {
				switch {
				case j == off[i] && known != nil && known[i] != "":
					forms[j] = known[i]
				case j > off[i] && s == r.Name: // the display name again
					forms[j] = forms[off[i]]
				case isPlainKana(s):
					forms[j] = s // its own normal form, at a tenth of the cost
				default:
					forms[j] = NormalName(s)
				}
				j++
			})
		}
	})
	return forms, off
}

// eachName calls fn with every name a role is known by, in a fixed order:
// display name, written forms, reading.
func (r *Role) eachName(fn func(string)) {
	fn(r.Name)
	for _, s := range r.Names {
		fn(s)
	}
	if r.Reading != "" {
		fn(r.Reading)
	}
}

// nameOrder returns the indices of all roles sorted by display name, then
// ID, the order listings sort by. The slice is shared: do not modify it.
// Sorting 100k names costs tens of milliseconds, so it is done once per
// graph, on first use: O(V log V) then, O(1) after.
func (g *Graph) nameOrder() []int32 {
	g.byNameOnce.Do(func() {
		roles := g.allRoles()
		order := make([]int32, len(roles))
		for i := range order {
			order[i] = int32(i)
		}
		slices.SortFunc(order, func(a, b int32) int {
			return cmp.Or(strings.Compare(roles[a].Name, roles[b].Name), cmp.Compare(a, b))
		})
		g.byName = order
	})
	return g.byName
}
