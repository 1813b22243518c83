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
// # The compact index
//
// Build gives each role an int32 index (its rank by ID) and lays out the
// moves in compressed sparse rows: for each role, the arcs it can be left
// by, sorted by target, and likewise the arcs it can be entered by. Every
// query runs on this index with scratch memory drawn from a pool and
// stamped by generation, so a query allocates little and never clears an
// array the size of the graph. The dominikbraun/graph model serves
// structural checks only (CareerCycles): its traversals rebuild maps on
// every call.
//
// # Costs
//
// A career move costs 1 and a related move PathOptions.LateralCost
// (DefaultLateralCost, 2, unless set); CareerOnly leaves related moves
// out. Path runs a bidirectional Dijkstra search, Paths is Yen's algorithm
// over the same search, Reach one Dijkstra search, Ladder and SelectAround
// breadth-first searches.
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
