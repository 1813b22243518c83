package source

import (
	"os"
	"path/filepath"
	"testing"
)

// The real data sets live beside the repository, in ../shared/data; a
// checkout elsewhere can name the folder in CAREERGRAPH_REALDATA.
func sharedData(t testing.TB, name string) string {
	t.Helper()
	root := filepath.Join("..", "..", "..", "shared", "data")
	if env := os.Getenv("CAREERGRAPH_REALDATA"); env != "" {
		root = env
	}
	p := filepath.Join(root, name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("real data %s not found beside the repository (../shared/data, or set CAREERGRAPH_REALDATA): %v", name, err)
	}
	return p
}

func TestRealONET(t *testing.T) {
	dir := sharedData(t, "onet-29.3")
	if f, reason := Detect(dir); f != ONET {
		t.Fatalf("Detect(%s) = %v, %q; want onet", dir, f, reason)
	}
	s, err := ReadONETDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if s.Version != "29.3" {
		t.Errorf("version = %q; want 29.3", s.Version)
	}
	if len(s.Roles) != 1016 || len(s.Moves) != 18460 {
		t.Errorf("%d roles, %d moves; want 1,016 roles and 18,460 related moves", len(s.Roles), len(s.Moves))
	}
	if len(s.Problems) != 0 || s.Dropped != (Dropped{}) {
		t.Errorf("problems %v, dropped %+v; want none", s.Problems, s.Dropped)
	}
	tiers := map[string]int{}
	for _, m := range s.Moves {
		tiers[m.Tier]++
	}
	if tiers[PrimaryShort] != 4615 || tiers[PrimaryLong] != 4615 || tiers[Supplemental] != 9230 {
		t.Errorf("tiers = %v; want 4,615 Primary-Short, 4,615 Primary-Long, 9,230 Supplemental", tiers)
	}
	levels, names := 0, 0
	var nurse *Role
	for i, r := range s.Roles {
		if r.Level > 0 {
			levels++
		}
		names += len(r.Names)
		if r.Name == "Registered Nurses" {
			nurse = &s.Roles[i]
		}
	}
	if levels != 923 {
		t.Errorf("%d roles with a job zone; want 923", levels)
	}
	if nurse == nil || nurse.Code != "29-1141.00" || nurse.Level != 4 || len(nurse.Names) == 0 || nurse.Description == "" {
		t.Errorf("Registered Nurses = %+v; want code 29-1141.00, job zone 4, reported titles and a description", nurse)
	}
	groups := map[string]int{}
	for _, r := range s.Roles {
		if len(r.Classification) != 1 {
			t.Errorf("%s %s: classification %q; want its SOC major group", r.Code, r.Name, r.Classification)
			continue
		}
		groups[r.Classification[0]]++
	}
	if len(groups) != 23 || groups["Healthcare Practitioners and Technical Occupations"] == 0 {
		t.Errorf("%d SOC major groups %v; want all 23, healthcare practitioners among them", len(groups), groups)
	}
}

func TestRealMaRS(t *testing.T) {
	file := filepath.Join(sharedData(t, "mars-pathways"), "pathway_results.csv")
	if f, reason := Detect(file); f != Pathways {
		t.Fatalf("Detect(%s) = %v, %q; want pathways", file, f, reason)
	}
	if f, reason := Detect(filepath.Join(filepath.Dir(file), "README.md")); f != None {
		t.Errorf("Detect(README.md) = %v, %q; want none", f, reason)
	}
	s, err := Read(file, Pathways)
	if err != nil {
		t.Fatal(err)
	}
	// 30,248 rows: 3,024 self-links (in normal form) and 923 repeated
	// pairs dropped leave 26,301 moves between 2,942 titles.
	if len(s.Roles) != 2942 || len(s.Moves) != 26301 {
		t.Errorf("%d roles, %d moves; want 2,942 roles and 26,301 moves", len(s.Roles), len(s.Moves))
	}
	if s.Dropped != (Dropped{SelfLinks: 3024, Duplicates: 923}) {
		t.Errorf("dropped %+v; want 3,024 self-links and 923 duplicates", s.Dropped)
	}
	if len(s.Problems) != 0 {
		t.Errorf("problems: %v", s.Problems[:min(5, len(s.Problems))])
	}
	lo, hi := 9.0, 0.0
	for _, m := range s.Moves {
		lo, hi = min(lo, m.Cost), max(hi, m.Cost)
	}
	if lo != 1 || hi != 1.165 {
		t.Errorf("costs from %v to %v; want 1 to 1.165 (similarity 1 to 0.835)", lo, hi)
	}
}

func BenchmarkReadONET(b *testing.B) {
	dir := sharedData(b, "onet-29.3")
	for b.Loop() {
		if _, err := ReadONETDir(dir); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadMaRS(b *testing.B) {
	file := filepath.Join(sharedData(b, "mars-pathways"), "pathway_results.csv")
	for b.Loop() {
		if _, err := Read(file, Pathways); err != nil {
			b.Fatal(err)
		}
	}
}
