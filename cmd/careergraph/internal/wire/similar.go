package wire

import "careergraph/graph"

// SimilarRole is a role whose documents share content with the asked
// role's: score is 3 points per shared skill and per shared
// qualification, 1 per shared aptitude item and 2 per shared
// classification level (broadest first); the lists say what is shared.
type SimilarRole struct {
	Role           string   `json:"role"`
	Score          int      `json:"score"`
	Skills         []string `json:"skills"`
	Qualifications []string `json:"qualifications"`
	Aptitudes      []string `json:"aptitudes"`
	Class          []string `json:"class"`
}

// Similar is the answer of similar: suggestions from shared content, not
// documented moves, highest score first.
type Similar struct {
	Role    string        `json:"role"`
	Similar []SimilarRole `json:"similar"`
	Reason  string        `json:"reason,omitempty"` // why Similar is empty
}

// NewSimilar returns the answer of a similar question.
func NewSimilar(g *graph.Graph, role graph.Role, found []graph.Similar) Similar {
	out := Similar{Role: role.Name, Similar: []SimilarRole{}}
	for _, s := range found {
		out.Similar = append(out.Similar, SimilarRole{g.NameOf(s.Role), s.Score, emptyIfNil(s.Skills),
			emptyIfNil(s.Qualifications), emptyIfNil(s.Aptitudes), emptyIfNil(s.Class)})
	}
	return out
}
