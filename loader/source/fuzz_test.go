package source

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
)

// checkSet holds what every reader promises whatever its input: costs
// positive multiples of 0.001, no self-links, problems with a file.
func checkSet(t *testing.T, s *Set) {
	t.Helper()
	for _, m := range s.Moves {
		if m.Cost <= 0 || float64(Thousandths(m.Cost))/1000 != m.Cost {
			t.Errorf("%v: cost %v", m.Source, m.Cost)
		}
		if m.From == "" || m.To == "" || m.Kind != Career && m.Kind != Related {
			t.Errorf("%v: move %+v", m.Source, m)
		}
	}
	for _, r := range s.Roles {
		if r.Name == "" {
			t.Errorf("%v: role without a name", r.Source)
		}
	}
	for _, p := range s.Problems {
		if p.File == "" || p.Msg == "" {
			t.Errorf("problem %+v", p)
		}
	}
}

func seedTables(f *testing.F, files ...string) {
	for _, name := range files {
		data, err := readFixture(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("from,to\n\"a\"\"b\",c\r\n"))
	f.Add([]byte("\xEF\xBB\xBFFROM;TO;COST\n;;\n\xff;b;1e400\n"))
}

func FuzzReadMoves(f *testing.F) {
	seedTables(f, "files/moves.csv", "files/moves.tsv", "files/moves-semicolon.csv")
	f.Fuzz(func(t *testing.T, data []byte) {
		if s, err := ReadMoves(bytes.NewReader(data), "in"); err == nil {
			checkSet(t, s)
		}
	})
}

func FuzzReadRoles(f *testing.F) {
	seedTables(f, "files/roles.csv")
	f.Fuzz(func(t *testing.T, data []byte) {
		if s, err := ReadRoles(bytes.NewReader(data), "in"); err == nil {
			checkSet(t, s)
		}
	})
}

func FuzzReadPathways(f *testing.F) {
	seedTables(f, "files/pathways.csv")
	f.Fuzz(func(t *testing.T, data []byte) {
		if s, err := ReadPathways(bytes.NewReader(data), "in"); err == nil {
			checkSet(t, s)
		}
	})
}

// FuzzReadONET fuzzes the three files every real release has, in a
// folder of their own.
func FuzzReadONET(f *testing.F) {
	occ, _ := readFixture("onet/Occupation Data.txt")
	rel, _ := readFixture("onet/Related Occupations.txt")
	zones, _ := readFixture("onet/Job Zones.txt")
	f.Add(occ, rel, zones)
	f.Add([]byte("O*NET-SOC Code\tTitle\tDescription\n1\tA\t\n2\tB\t\n"),
		[]byte("O*NET-SOC Code\tRelated O*NET-SOC Code\tRelatedness Tier\tIndex\n1\t2\tprimary-long\t-3\n2\t1\tSupplemental\t99999999999999999999\n"),
		[]byte("O*NET-SOC Code\tJob Zone\n1\t\n"))
	f.Fuzz(func(t *testing.T, occ, rel, zones []byte) {
		fsys := fstest.MapFS{
			"Occupation Data.txt":     {Data: occ},
			"Related Occupations.txt": {Data: rel},
			"Job Zones.txt":           {Data: zones},
			"Read Me.txt":             {Data: []byte("O*NET 29.3 Database\n")},
		}
		s, err := ReadONET(fsys, ".", "onet")
		if err == nil {
			checkSet(t, s)
			for _, r := range s.Roles {
				if r.Level < 0 || r.Level > 5 {
					t.Errorf("%v: level %d", r.Source, r.Level)
				}
			}
		}
		if f, _ := DetectFS(fsys, "."); (f == ONET) != (err == nil) && f != None {
			t.Errorf("DetectFS = %v, ReadONET error %v", f, err)
		}
	})
}

func FuzzDetectBytes(f *testing.F) {
	for _, name := range []string{"files/moves.csv", "files/readme.md", "files/document.txt", "files/image.png", "files/pathways.csv"} {
		data, _ := readFixture(name)
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, reason := DetectBytes("in", data)
		if reason == "" {
			t.Errorf("DetectBytes = %v with no reason", got)
		}
		// A table Detect accepts must not be refused for its layout by
		// the reader.
		var err error
		switch got {
		case Moves:
			_, err = ReadMoves(bytes.NewReader(data), "in")
		case Roles:
			_, err = ReadRoles(bytes.NewReader(data), "in")
		case Pathways:
			_, err = ReadPathways(bytes.NewReader(data), "in")
		}
		if err != nil && strings.Contains(err.Error(), "layout not known") {
			t.Errorf("DetectBytes = %v (%s), but the reader says %v", got, reason, err)
		}
	})
}
