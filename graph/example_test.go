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

func ExampleGraph_GapAlong() {
	var b graph.Builder
	clerk := b.AddRole(graph.Role{Name: "Clerk", Documented: true,
		Profile: &graph.Profile{RequiredSkills: []string{"Typing", "Filing"}}})
	chief := b.AddRole(graph.Role{Name: "Section Chief"})
	director := b.AddRole(graph.Role{Name: "Division Director", Documented: true,
		Profile: &graph.Profile{RequiredSkills: []string{"Budgeting", "typing"}, Qualifications: []string{"Civil Service Exam"}}})
	b.AddMove(clerk, chief, graph.Career)
	b.AddMove(chief, director, graph.Career)
	g, err := b.Build()
	if err != nil {
		panic(err)
	}

	r, gap, err := g.Gap("clerk", "division-director", graph.PathOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println("route cost", r.Cost)
	for _, s := range gap.Steps {
		fmt.Printf("%s documented=%v adds %v %v, had %v\n", s.Role, s.Documented, s.Skills, s.Qualifications, s.Known)
	}
	fmt.Println("to gain:", gap.Skills, gap.Qualifications, "covered:", gap.Covered)
	// Output:
	// route cost 2
	// section-chief documented=false adds [] [], had []
	// division-director documented=true adds [Budgeting] [Civil Service Exam], had [typing]
	// to gain: [Budgeting] [Civil Service Exam] covered: [typing]
}

func ExampleGraph_SearchFields() {
	var b graph.Builder
	b.AddRole(graph.Role{Name: "Clerk", Documented: true, Classification: []string{"Office", "Records"},
		Profile: &graph.Profile{RequiredSkills: []string{"Negotiation Skills", "Filing"}}})
	b.AddRole(graph.Role{Name: "Driver", Documented: true, Classification: []string{"Transport"},
		Profile: &graph.Profile{RequiredSkills: []string{"Driving"}}})
	g, err := b.Build()
	if err != nil {
		panic(err)
	}

	hits, err := g.SearchFields([]graph.FieldQuery{{Field: graph.FieldSkill, Value: "negociation"}, {Field: graph.FieldClass, Value: "records"}})
	if err != nil {
		panic(err)
	}
	for _, h := range hits {
		fmt.Println(h.Role.Name)
		for _, m := range h.Matches {
			fmt.Printf("  %s %q matched %q\n", m.Field, m.Query, m.Value)
		}
	}
	vocab, _ := g.Vocabulary(graph.FieldSkill)
	fmt.Println(vocab)
	// Output:
	// Clerk
	//   skill "negociation" matched "Negotiation Skills"
	//   class "records" matched "Records"
	// [{Driving 1} {Filing 1} {Negotiation Skills 1}]
}
