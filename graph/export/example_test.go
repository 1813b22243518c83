package export_test

import (
	"fmt"
	"os"

	"careergraph/graph"
	"careergraph/graph/export"
)

// smallGraph is a clerk who can become a section chief, and a related
// move between them.
func smallGraph() *graph.Graph {
	var b graph.Builder
	clerk := b.AddRole(graph.Role{Name: "Clerk", Names: []string{"Clerk"}})
	chief := b.AddRole(graph.Role{Name: "Section Chief", Documented: true, Reading: "かちょう",
		Names: []string{"Section Chief"}, Docs: []string{"chief.txt"}})
	b.AddMove(clerk, chief, graph.Career, graph.Source{File: "chief.txt", Line: 14})
	b.AddMove(chief, clerk, graph.Related, graph.Source{File: "chief.txt", Line: 20})
	g, err := b.Build()
	if err != nil {
		panic(err)
	}
	return g
}

func ExampleLookup() {
	f, err := export.Lookup("mermaid")
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := f.Write(os.Stdout, smallGraph()); err != nil {
		fmt.Println(err)
	}

	_, err = export.Lookup("svg")
	fmt.Println(err)
	// Output:
	// flowchart BT
	//     classDef documented fill:#dbeafe,stroke:#1d4ed8,stroke-width:2px
	//     classDef mentioned fill:#f3f4f6,stroke:#6b7280,stroke-dasharray:4 2
	//     n0["Clerk"]:::mentioned
	//     n1["Section Chief"]:::documented
	//     n0 --> n1
	//     n1 -.- n0
	// unknown format "svg" (known: csv, cypher, cytoscape, dot, gexf, graphml, json, mermaid)
}

func ExampleWriteCypher() {
	if err := export.WriteCypher(os.Stdout, smallGraph()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// // careergraph: 2 roles, 2 moves. Running this again changes nothing.
	// CREATE CONSTRAINT role_id IF NOT EXISTS FOR (r:Role) REQUIRE r.id IS UNIQUE;
	// MERGE (r:Role {id: 'clerk'}) REMOVE r:Documented SET r.name = 'Clerk', r.documented = false, r.reading = null, r.names = ['Clerk'], r.docs = null, r.level = null, r.code = null, r.description = null, r.classification = null, r.summary = null, r.required_skills = null, r.recommended_skills = null, r.qualifications = null, r.strengths = null, r.weaknesses = null, r.traits = null, r.tags = null, r.keywords = null;
	// MERGE (r:Role {id: 'section-chief'}) SET r:Documented, r.name = 'Section Chief', r.documented = true, r.reading = 'かちょう', r.names = ['Section Chief'], r.docs = ['chief.txt'], r.level = null, r.code = null, r.description = null, r.classification = null, r.summary = null, r.required_skills = null, r.recommended_skills = null, r.qualifications = null, r.strengths = null, r.weaknesses = null, r.traits = null, r.tags = null, r.keywords = null;
	// MATCH (a:Role {id: 'clerk'}), (b:Role {id: 'section-chief'}) MERGE (a)-[m:CAREER_STEP]->(b) SET m.cost = 1.0, m.basis = null, m.tier = null, m.index = null, m.similarity = null, m.note = null, m.sources = ['chief.txt:14'];
	// MATCH (a:Role {id: 'section-chief'}), (b:Role {id: 'clerk'}) MERGE (a)-[m:RELATED_TO]->(b) SET m.cost = 2.0, m.basis = null, m.tier = null, m.index = null, m.similarity = null, m.note = null, m.sources = ['chief.txt:20'];
}

func ExampleWriteGEXF() {
	// GEXF 1.2draft for NetworkX before 3.6; "gexf" in the registry is 1.3.
	if err := export.WriteGEXF(os.Stdout, graphWithoutRoles(), "1.2draft"); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
	//   <meta>
	//     <creator>careergraph</creator>
	//   </meta>
	//   <graph defaultedgetype="directed" mode="static">
	//     <attributes class="node">
	//       <attribute id="documented" title="documented" type="boolean"></attribute>
	//       <attribute id="reading" title="reading" type="string"></attribute>
	//       <attribute id="names" title="names" type="string"></attribute>
	//       <attribute id="docs" title="docs" type="string"></attribute>
	//       <attribute id="level" title="level" type="integer"></attribute>
	//       <attribute id="code" title="code" type="string"></attribute>
	//       <attribute id="description" title="description" type="string"></attribute>
	//       <attribute id="classification" title="classification" type="string"></attribute>
	//       <attribute id="summary" title="summary" type="string"></attribute>
	//       <attribute id="required_skills" title="required_skills" type="string"></attribute>
	//       <attribute id="recommended_skills" title="recommended_skills" type="string"></attribute>
	//       <attribute id="qualifications" title="qualifications" type="string"></attribute>
	//       <attribute id="strengths" title="strengths" type="string"></attribute>
	//       <attribute id="weaknesses" title="weaknesses" type="string"></attribute>
	//       <attribute id="traits" title="traits" type="string"></attribute>
	//       <attribute id="tags" title="tags" type="string"></attribute>
	//       <attribute id="keywords" title="keywords" type="string"></attribute>
	//     </attributes>
	//     <attributes class="edge">
	//       <attribute id="kind" title="kind" type="string"></attribute>
	//       <attribute id="cost" title="cost" type="double"></attribute>
	//       <attribute id="basis" title="basis" type="string"></attribute>
	//       <attribute id="tier" title="tier" type="string"></attribute>
	//       <attribute id="index" title="index" type="integer"></attribute>
	//       <attribute id="similarity" title="similarity" type="double"></attribute>
	//       <attribute id="note" title="note" type="string"></attribute>
	//       <attribute id="sources" title="sources" type="string"></attribute>
	//     </attributes>
	//     <nodes count="0"></nodes>
	//     <edges count="0"></edges>
	//   </graph>
	// </gexf>
}

func graphWithoutRoles() *graph.Graph {
	var b graph.Builder
	g, err := b.Build()
	if err != nil {
		panic(err)
	}
	return g
}
