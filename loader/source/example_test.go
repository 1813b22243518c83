package source_test

import (
	"fmt"
	"strings"

	"careergraph/loader/source"
)

func ExampleReadMoves() {
	sheet := "From,To,Kind,Cost\n" +
		"Nursing Assistant,Registered Nurse,,\n" +
		"Registered Nurse,Charge Nurse,career,1.5\n" +
		"Registered Nurse,Nurse Educator,lateral,\n" +
		"Charge Nurse,,career,\n"
	s, err := source.ReadMoves(strings.NewReader(sheet), "plan.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range s.Moves {
		fmt.Printf("%s %s → %s, cost %g (%s)\n", m.Kind, m.From, m.To, m.Cost, m.Basis)
	}
	for _, p := range s.Problems {
		fmt.Println(p)
	}
	// Output:
	// career Nursing Assistant → Registered Nurse, cost 1 (default)
	// career Registered Nurse → Charge Nurse, cost 1.5 (given)
	// related Registered Nurse → Nurse Educator, cost 2 (default)
	// plan.csv:5: error: no To (from "Charge Nurse"): row skipped
}

func ExampleDetectBytes() {
	for _, head := range []string{
		",title_start,title_end,distance\n1,Cashier,Clerk,0.9\n",
		"from;to;cost\nBarista;Shift Lead;1\n",
		"# Employment Pathway Builder\n\nWelcome.\n",
	} {
		f, reason := source.DetectBytes("in", []byte(head))
		fmt.Printf("%s: %s\n", f, reason)
	}
	// Output:
	// pathways: a pathway table (comma-separated: title_start, title_end)
	// moves: a moves spreadsheet (semicolon-separated: from, to)
	// none: Markdown text with no occupation-document section heading
}

func ExampleSimilarityCost() {
	for _, s := range []float64{1, 0.969, 0.835} {
		c, _ := source.SimilarityCost(s)
		fmt.Println(s, "→", c)
	}
	// Output:
	// 1 → 1
	// 0.969 → 1.031
	// 0.835 → 1.165
}
