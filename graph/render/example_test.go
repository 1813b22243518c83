package render_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"careergraph/graph"
	"careergraph/graph/render"
)

// twoRoles returns a graph of one career move and its selection.
func twoRoles() (*graph.Graph, graph.Selection) {
	var b graph.Builder
	clerk := b.AddRole(graph.Role{Name: "Clerk", Documented: true, Reading: "じむいん", Docs: []string{"clerk.txt"}})
	chief := b.AddRole(graph.Role{Name: "Section Chief"})
	b.AddMove(clerk, chief, graph.Career, graph.Source{File: "clerk.txt", Line: 12})
	g, err := b.Build()
	if err != nil {
		panic(err)
	}
	return g, graph.Selection{
		Kind: graph.SelectionLadder, Title: "Career ladder of Section Chief",
		Focus: []string{"section-chief"}, Roles: []string{"clerk", "section-chief"}, Moves: g.Moves(),
	}
}

func ExampleDOT() {
	g, sel := twoRoles()
	var out strings.Builder
	if err := render.DOT(&out, g, sel, render.Options{}); err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(out.String(), "\n") {
		if strings.Contains(line, "->") || strings.Contains(line, "n1 [") {
			fmt.Println(strings.TrimSpace(line))
		}
	}
	// Output:
	// n1 [id="role-section-chief", label="Section Chief", tooltip="Section Chief\nMentioned only, no document of its own\nMoves read at clerk.txt:12", width=1.33, height=0.4, style="rounded,dashed,filled", color="#9c5b00", fillcolor="#fde3a1", penwidth=2.5];
	// n0 -> n1 [id="move-clerk-section-chief-career", tooltip="Clerk → Section Chief\nCareer move\nRead at clerk.txt:12"];
}

func ExampleWrite() {
	g, sel := twoRoles()
	var svg bytes.Buffer
	if err := render.Write(context.Background(), &svg, "svg", g, sel, render.Options{Reading: true}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Count(svg.String(), `class="node"`), "roles,", strings.Count(svg.String(), `class="edge"`), "move")
	fmt.Println(strings.Contains(svg.String(), "<title>Clerk → Section Chief&#xA;Career move&#xA;Read at clerk.txt:12</title>"))
	// Output:
	// 2 roles, 1 move
	// true
}
