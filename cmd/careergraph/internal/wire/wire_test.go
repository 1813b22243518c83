package wire

import (
	"bytes"
	"strings"
	"testing"

	"careergraph/graph"
)

// TestEmptyAnswers checks the promise of the contract for answers that
// found nothing: lists are [] and never null, and there is no reason
// unless one is given.
func TestEmptyAnswers(t *testing.T) {
	role := graph.Role{ID: "clerk", Name: "Clerk"}
	tests := []struct {
		name   string
		answer any
		want   string
	}{
		{"path", NewPath(nil, role, role, nil), `{"from":"Clerk","to":"Clerk","paths":[]}`},
		{"reach", NewReach(nil, role, true, nil), `{"role":"Clerk","reverse":true,"reached":[],"counts":{"career":0,"related":0,"both":0}}`},
		{"ladder", NewLadder(nil, role, graph.Ladder{}), `{"role":"Clerk","below":[],"above":[],"moves":[]}`},
		{"roles", NewRoles("x", nil), `{"query":"x","roles":[]}`},
		{"gap", NoGap("A", "B", "none"), `{"from":"A","to":"B","routes":[],"reason":"none"}`},
		{"card", NewCard(nil, role, nil, nil), `{"id":"clerk","name":"Clerk","documented":false,"reading":"","classification":[],"names":[],"summary":"","required_skills":[],"recommended_skills":[],"qualifications":[],"career_from":[],"career_to":[],"related":[],"documents":[],"profiles":[],"mentioned_in":[]}`},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := Write(&b, tt.answer); err != nil {
			t.Fatal(err)
		}
		got := strings.NewReplacer("\n", "", " ", "").Replace(b.String())
		if got != tt.want {
			t.Errorf("%s: Write = %s; want %s", tt.name, got, tt.want)
		}
	}
}

func TestWriteKeepsCharacters(t *testing.T) {
	var b bytes.Buffer
	Write(&b, map[string]string{"name": "R&D <Lead> \x1b \u202e"})
	if got, want := b.String(), "{\n  \"name\": \"R&D <Lead> \\u001b \u202e\"\n}\n"; got != want {
		t.Errorf("Write = %q; want %q", got, want)
	}
}

// TestReachReason checks that an empty reach names what narrowed it.
func TestReachReason(t *testing.T) {
	tests := []struct {
		opt  graph.ReachOptions
		want string
	}{
		{graph.ReachOptions{}, "no move leads from this role"},
		{graph.ReachOptions{Reverse: true}, "no move leads to this role"},
		{graph.ReachOptions{MaxCost: 1}, "no role within the maximum cost"},
		{graph.ReachOptions{CareerOnly: true, NoDown: true}, "no role within career moves only, no move down a level"},
	}
	for _, tt := range tests {
		if got := ReachReason(tt.opt); got != tt.want {
			t.Errorf("ReachReason(%+v) = %q; want %q", tt.opt, got, tt.want)
		}
	}
}
