// Package graph holds a career graph and answers questions about it.
//
// A Graph is a set of roles (occupations, and the roles their documents
// mention) joined by moves. A career move leads from one rung of a career
// path to the next and is taken forward only. A related move joins an
// occupation to a related job; it is lateral, and route queries may take
// it in either direction. Every role has a stable ID, every move keeps the
// file and line it was read from. A Builder collects roles and moves and
// builds an immutable Graph, safe for concurrent readers; the package
// knows nothing of the text format the roles were read from.
//
// # Words
//
// One word per idea, in the code, its comments and its messages:
//
//   - role: a node of the graph (Role); documented when some source
//     describes it (Role.Documented), otherwise only mentioned.
//   - name: any way a role is written: display name, written form, alias,
//     reading. Its normal form (NormalName) is what two names are compared
//     by; "form" in the code always means a normal form.
//   - move: an edge (Move), of kind career or related (Kind).
//   - lateral: a related move taken either way by a route query; a step
//     taken against the written direction has Step.Against set.
//   - rung: one step of a written career path, possibly with alternatives
//     ("Section Chief · Counsellor"); Graph.Rungs lists those with more
//     than one role. The distance rings of a ladder are layers, not rungs.
//   - level: a role's preparation level (such as an O*NET Job Zone).
//   - source: a place a fact was read from, file and line (Source).
//   - problem: an error or warning about a source; this package reports
//     none, its callers do.
//   - route: a sequence of steps from one role to another (Route), with a
//     cost; a step is one move taken in the direction travelled (Step).
//   - key: inside the searches, a route's cost and number of steps packed
//     into one int64 (see weights); never a name.
//
// # Files
//
// Each file has one job: role.go the domain types, errors.go the errors,
// graph.go the Graph and its accessors, build.go the Builder, restore.go
// Restore, index.go the compact index of moves, nameindex.go the index of
// names, normal.go the normal form of names, lookup.go Lookup, Resolve
// and Search, cheapest.go the point-to-point route search, scratch.go its
// pooled memory, path.go Path, paths.go Paths (Yen), reach.go Reach,
// ladder.go Ladder, gap.go Gap and GapAlong, profile.go Profile (each
// document's sections), fields.go SearchFields and Vocabulary (search by
// content), similar.go Similar and WithSimilar, stats.go Stats, moves.go MovesOf,
// select.go the selections to draw or export, subgraph.go Subgraph,
// cycles.go CareerCycles (the one use of dominikbraun/graph).
//
// # The compact index
//
// Build gives each role an int32 index (its rank by ID) and lays out the
// moves in compressed sparse rows: for each role, the arcs it can be left
// by, sorted by target, and likewise the arcs it can be entered by. Every
// query runs on this index with scratch memory drawn from a pool and
// stamped by generation, so a query allocates little and never clears an
// array the size of the graph.
//
// Queries do not run on dominikbraun/graph: its AdjacencyMap rebuilds a
// nested map on every call, and its ShortestPath, BFS, DFS and strongly
// connected components all call it, so one shortest path on 100k roles
// took about 1 s there against 1.7 ms on the compact index; and it
// returns tied answers in an order that varies from run to run. It serves
// one structural check, CareerCycles, on a model built for that call.
//
// # Costs
//
// A career move costs 1 and a related move PathOptions.LateralCost
// (DefaultLateralCost, 2, unless set, at most MaxLateralCost); CareerOnly
// leaves related moves out. Path runs a bidirectional Dijkstra search,
// Paths is Yen's algorithm over the same search (at most MaxPaths
// routes), Reach one Dijkstra search with a bucket per cost (MaxCost at
// most MaxReachCost), Ladder and SelectAround breadth-first searches.
// Options out of range wrap ErrBadOption.
//
// # Determinism
//
// Every answer depends on the graph and the question alone, never on
// map order or on the order the graph was built in. Routes of equal cost
// are ordered by number of steps and then by their sequence of role IDs,
// and between two roles the cheapest move is taken, career before related;
// so Path returns the first of Paths' routes, the same on every run. Lists
// come sorted, as each method's comment says.
package graph
