// Package export writes a career graph in the formats other tools read:
// Graphviz DOT, GraphML, GEXF, NetworkX node-link JSON, Cytoscape.js JSON,
// CSV for Neo4j, Mermaid and Cypher.
//
// Each stream format is one Func, func(w io.Writer, g *graph.Graph) error,
// in one registry: Lookup finds a format by name and Formats lists them.
// CSV is the one directory format (two tables, roles.csv and moves.csv):
// its Format has Dir set and Write nil. To export a part of the graph,
// pass g.Subgraph(selection).
//
// Every format keeps every role and every move with its attributes; a
// career and a related move between the same two roles are two edges
// everywhere. Output is deterministic: roles in the order of
// Graph.Roles, moves in the order of Graph.Moves, attributes in a fixed
// order, so exports diff well and golden files work.
//
// The formats and their readers:
//
//	dot        Graphviz (dot, xdot); Gephi
//	graphml    yEd, Gephi, Cytoscape desktop, NetworkX (nx.read_graphml), igraph
//	gexf       Gephi (1.3); NetworkX nx.read_gexf (1.2draft before NetworkX 3.6)
//	json       NetworkX (nx.node_link_graph), D3 force layouts
//	cytoscape  Cytoscape.js (elements option), Cytoscape desktop (.cyjs)
//	csv        neo4j-admin database import; spreadsheets
//	mermaid    Markdown on GitHub and GitLab, mermaid.live (at most 500 moves)
//	cypher     cypher-shell, Neo4j Browser
//
// Into Neo4j, the CSV tables import into a new database with
//
//	neo4j-admin database import full --nodes=Role=roles.csv --relationships=moves.csv --array-delimiter=";"
//
// and the Cypher export merges into a running one with
//
//	cypher-shell -u neo4j -f careergraph.cypher
package export
