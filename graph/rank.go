package graph

import (
	"cmp"
	"slices"
	"strings"
)

// nameOrder returns the indices of all roles sorted by display name, then
// ID, the order listings sort by. The slice is shared: do not modify it.
// Sorting 100k names costs tens of milliseconds, so it is done once per
// graph, on first use: O(V log V) then, O(1) after.
func (g *Graph) nameOrder() []int32 {
	g.byNameOnce.Do(func() {
		order := make([]int32, len(g.roles))
		for i := range order {
			order[i] = int32(i)
		}
		slices.SortFunc(order, func(a, b int32) int {
			return cmp.Or(strings.Compare(g.roles[a].Name, g.roles[b].Name), cmp.Compare(a, b))
		})
		g.byName = order
	})
	return g.byName
}
