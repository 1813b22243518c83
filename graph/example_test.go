package graph_test

import (
	"fmt"

	"careergraph/graph"
)

func ExampleGraph_Path() {
	var b graph.Builder
	clerk := b.AddRole(graph.Role{Name: "Clerk"})
	chief := b.AddRole(graph.Role{Name: "Section Chief"})
	director := b.AddRole(graph.Role{Name: "Division Director"})
	aide := b.AddRole(graph.Role{Name: "Policy Aide"})
	src := graph.Source{File: "clerk.txt", Line: 12}
	b.AddMove(clerk, chief, graph.Career, src)
	b.AddMove(chief, director, graph.Career, src)
	b.AddMove(clerk, aide, graph.Related, graph.Source{File: "clerk.txt", Line: 20})
	g, err := b.Build()
	if err != nil {
		panic(err)
	}

	r, err := g.Path("policy-aide", "division-director", graph.PathOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println("cost", r.Cost)
	for _, s := range r.Steps {
		fmt.Printf("%s → %s (%v, against %v) %v\n", s.From, s.To, s.Kind, s.Against, s.Sources)
	}

	_, err = g.Path("policy-aide", "division-director", graph.PathOptions{CareerOnly: true})
	fmt.Println(err)
	// Output:
	// cost 4
	// policy-aide → clerk (related, against true) [clerk.txt:20]
	// clerk → section-chief (career, against false) [clerk.txt:12]
	// section-chief → division-director (career, against false) [clerk.txt:12]
	// no route from "Policy Aide" to "Division Director": no path
}

func ExampleGraph_Paths() {
	var b graph.Builder
	h := map[string]int{}
	for _, n := range []string{"Clerk", "Chief", "Counsellor", "Director"} {
		h[n] = b.AddRole(graph.Role{ID: n, Name: n})
	}
	b.AddMove(h["Clerk"], h["Chief"], graph.Career)
	b.AddMove(h["Clerk"], h["Counsellor"], graph.Career)
	b.AddMove(h["Chief"], h["Director"], graph.Career)
	b.AddMove(h["Counsellor"], h["Director"], graph.Career)
	b.AddMove(h["Clerk"], h["Director"], graph.Related)
	g, err := b.Build()
	if err != nil {
		panic(err)
	}
	routes, err := g.Paths("Clerk", "Director", 5, graph.PathOptions{LateralCost: 3})
	if err != nil {
		panic(err)
	}
	for _, r := range routes {
		fmt.Println(r.Cost, r.Roles())
	}
	// Output:
	// 2 [Clerk Chief Director]
	// 2 [Clerk Counsellor Director]
	// 3 [Clerk Director]
}
