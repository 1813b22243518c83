package wire

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"careergraph/graph"
)

func TestCandidates(t *testing.T) {
	tests := []struct {
		err  error
		want []string
	}{
		{&graph.NotFoundError{Name: "Mayr", Suggestions: []string{"Mayor"}}, []string{"Mayor"}},
		{&graph.NotFoundError{Name: "Qqq"}, []string{}},
		{fmt.Errorf("to: %w", &graph.AmbiguousError{Name: "Chief", Candidates: []string{"A Chief", "B Chief"}}), []string{"A Chief", "B Chief"}},
		{graph.ErrNotFound, []string{}},
		{errors.New("--k 0: give a whole number"), []string{}},
	}
	for _, tt := range tests {
		got := Candidates(tt.err)
		if got == nil || !slices.Equal(got, tt.want) {
			t.Errorf("Candidates(%v) = %#v; want %#v", tt.err, got, tt.want)
		}
	}
	if e := NewError("boom", errors.New("boom")); e.Error != "boom" || e.Candidates == nil {
		t.Errorf("NewError = %#v; want the message and an empty list", e)
	}
}
