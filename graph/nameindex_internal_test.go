package graph

import (
	"fmt"
	"testing"
)

// BenchmarkIndexNames indexes the names of 100k roles with a written
// form, an alias and a reading each, as a restored graph does.
func BenchmarkIndexNames(b *testing.B) {
	roles := make([]Role, 100_000)
	for i := range roles {
		name := fmt.Sprintf("Regional Sales Manager %d (Office %d)", i, i%97)
		roles[i] = Role{ID: fmt.Sprint(i), Name: name, Names: []string{name, fmt.Sprintf("Sales Manager %d", i%5000)}, Reading: "せーるすまねーじゃー"}
	}
	b.ReportAllocs()
	for b.Loop() {
		g := &Graph{roles: roles}
		g.indexNames()
	}
}
