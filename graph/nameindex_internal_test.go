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

// TestBuiltNormalForms checks that the normal forms a built graph indexes,
// its display names' worked out with their slugs, are those of every
// name worked out anew: roles added out of ID order, with IDs of their
// own and without, display names among their written forms and not,
// kana, full-width letters and names that normalise to nothing.
func TestBuiltNormalForms(t *testing.T) {
	var b Builder
	for _, r := range []Role{
		{Name: "Ｚｏｏ  Keeper", Names: []string{"Ｚｏｏ  Keeper", "zoo keeper"}},
		{ID: "a-own", Name: "Harbour Master", Names: []string{"Harbour Master"}},
		{Name: "せーるすまねーじゃー", Names: []string{"せーるすまねーじゃー"}, Reading: "せーるす"},
		{Name: "---", Names: []string{"---", "…"}},
		{Name: "", Names: []string{"Nameless Clerk"}},
		{Name: "Chief (Port)", Names: []string{"chief (port)", "CHIEF (PORT)"}},
		{ID: "m-own", Name: "Mayor", Names: []string{"Town Mayor"}},
		{Name: "Zoo Keeper", Names: []string{"Zoo Keeper"}},
	} {
		b.AddRole(r)
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	wantForms, wantOff := normalForms(g.allRoles(), nil)
	var got []string
	for j := range int32(g.numForms()) {
		got = append(got, g.form(j))
	}
	if !slices.Equal(got, wantForms) || !slices.Equal(g.formOff, wantOff) {
		t.Errorf("built forms %q at %v; want %q at %v", got, g.formOff, wantForms, wantOff)
	}
	for i, r := range g.allRoles() {
		if f := got[g.formOff[i]]; f != NormalName(r.Name) {
			t.Errorf("role %q: display name's form %q; want %q", r.Name, f, NormalName(r.Name))
		}
	}
}
