package graph

// SearchScan is Search without its index: every role scored, as Search
// answered before it had one. Tests hold the two to one answer.
func SearchScan(g *Graph, query string, limit int) []Match { return g.search(query, limit, false) }
