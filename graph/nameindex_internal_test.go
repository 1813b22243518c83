package graph

import (
	"fmt"
	"slices"
	"testing"
)

// nameTestRoles returns n roles with a written form, an alias and a
// reading each, some forms shared by many roles.
func nameTestRoles(n int) []Role {
	roles := make([]Role, n)
	for i := range roles {
		name := fmt.Sprintf("Regional Sales Manager %d (Office %d)", i, i%97)
		roles[i] = Role{ID: fmt.Sprint(i), Name: name, Names: []string{name, fmt.Sprintf("Sales Manager %d", i%50)}, Reading: "せーるすまねーじゃー"}
	}
	return roles
}

// TestRolesNamedScanIsMap checks that the scan the first look-ups make
// and the map the later ones use give the same roles in the same order.
func TestRolesNamedScanIsMap(t *testing.T) {
	g := &Graph{roles: nameTestRoles(500)}
	g.indexNames()
	tests := []string{
		NormalName("Regional Sales Manager 7 (Office 7)"), // one role, two names
		NormalName("Sales Manager 3"),                     // ten roles
		"せーるすまねーじゃー",                                      // every role
		"nobody",                                          // none
	}
	var scanned [][]int32
	for _, form := range tests {
		scanned = append(scanned, slices.Clone(g.rolesNamed(form)))
	}
	g.nameScans.Store(scanLimit)
	for i, form := range tests {
		if got := g.rolesNamed(form); !slices.Equal(got, scanned[i]) {
			t.Errorf("rolesNamed(%q) = %v from the map; want %v, as scanned", form, got, scanned[i])
		}
	}
	if len(scanned[1]) != 10 || len(scanned[2]) != 500 || scanned[0][0] != 7 || len(scanned[0]) != 1 {
		t.Errorf("scanned %v, %v, %v roles; want 1, 10, 500", len(scanned[0]), len(scanned[1]), len(scanned[2]))
	}
}

// BenchmarkIndexNames works out the normal forms of 100k roles' names,
// as a built or restored graph does.
func BenchmarkIndexNames(b *testing.B) {
	roles := nameTestRoles(100_000)
	b.ReportAllocs()
	for b.Loop() {
		g := &Graph{roles: roles}
		g.indexNames()
	}
}

// BenchmarkNameScan is one look-up by name in a graph of 100k roles
// before the map is made, and BenchmarkNameMap makes the map.
func BenchmarkNameScan(b *testing.B) {
	g := &Graph{roles: nameTestRoles(100_000)}
	g.indexNames()
	for b.Loop() {
		g.nameScans.Store(0)
		g.rolesNamed("sales manager 3")
	}
}

func BenchmarkNameMap(b *testing.B) {
	g := &Graph{roles: nameTestRoles(100_000)}
	g.indexNames()
	b.ReportAllocs()
	for b.Loop() {
		g.mapNames()
	}
}
