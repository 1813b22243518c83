package source

// This file reads an O*NET text release: occupations, titles, job zones,
// related occupations, the career changers and starters matrices, skills,
// knowledge and education, each a small function over one of its files.

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"careergraph/graph"
)

// The files of an O*NET text release that ReadONET reads. Only
// Occupation Data.txt is required; the others are read when present.
const (
	onetOccupations = "Occupation Data.txt"
	onetReadMe      = "Read Me.txt"
	onetZones       = "Job Zones.txt"
	onetReported    = "Sample of Reported Titles.txt"
	onetAlternate   = "Alternate Titles.txt"
	onetRelated     = "Related Occupations.txt"
	onetChangers    = "Career Changers Matrix.txt"
	onetStarters    = "Career Starters Matrix.txt"
	onetSkills      = "Skills.txt"
	onetKnowledge   = "Knowledge.txt"
	onetEducation   = "Education, Training, and Experience.txt"
	onetEduCats     = "Education, Training, and Experience Categories.txt"
)

// ONETFiles returns the names of the files of a folder that Detect and
// ReadONET look at, sorted: the files of a text release, and those that
// tell another release or layout. A folder source is what these files
// are; nothing else in the folder is read.
func ONETFiles() []string {
	names := []string{onetOccupations, onetReadMe, onetZones, onetReported, onetAlternate, onetRelated,
		onetChangers, onetStarters, onetSkills, onetKnowledge, onetEducation, onetEduCats,
		"Occupation Data.xlsx", "occupation_data.txt", "03_occupation_data.sql"}
	names = append(names, onetMarkers...)
	slices.Sort(names)
	return slices.Compact(names)
}

// onetCode is the column of O*NET-SOC codes; onetCodeKey its headerKey.
const (
	onetCode    = "O*NET-SOC Code"
	onetCodeKey = "o*net soc code"
)

// TopElements is how many skills and how many knowledge areas ReadONET
// keeps per occupation: those of importance MinImportance or more, most
// important first.
const TopElements = 10

// MinImportance is the least O*NET importance (scale IM, 1–5) of a skill
// or knowledge area ReadONET keeps: 3 is "important".
const MinImportance = 3.0

// KnownONETReleases is the range of O*NET releases whose text layout
// ReadONET was written for; others are read and warned about.
var KnownONETReleases = [2]int{20, 30}

// ReadONETDir reads the O*NET text release in folder dir. See ReadONET.
func ReadONETDir(dir string) (*Set, error) {
	return ReadONET(os.DirFS(dir), ".", dir)
}

// ReadONET reads the O*NET text release in folder dir of fsys; name is the
// folder's name in messages. Every occupation of Occupation Data.txt is a
// role (title, O*NET-SOC code, description, and as its classification the
// SOC 2018 major group its code starts with, SOCMajorGroup); Sample of Reported Titles and
// Alternate Titles give its other names, Job Zones its level, Skills and
// Knowledge its most important elements (TopElements), Education,
// Training, and Experience its most required education level. Each
// Related Occupations row is a related move keeping its tier and index
// (cost: ONETRelatedCost); each Career Changers and Career Starters Matrix
// row is a career move (cost: ONETMatrixCost). Files that are absent are
// skipped. The release is read from Read Me.txt.
//
// ReadONET fails when Occupation Data.txt is missing, unreadable or
// without the columns it needs (an error wrapping ErrUnknownLayout); a
// companion file without its columns is a problem and is skipped, and
// every bad row is a problem with file and line.
func ReadONET(fsys fs.FS, dir, name string) (*Set, error) {
	s := &Set{Format: ONET, Name: name}
	r := onetReader{fsys: fsys, dir: dir, name: name, set: s, byCode: map[string]int{}}
	if data, err := fs.ReadFile(fsys, path.Join(dir, onetReadMe)); err == nil {
		s.Version = readMeVersion(data)
		if s.Version == "" {
			s.warnf(r.file(onetReadMe), 1, "no O*NET release named (want a first line like \"O*NET 29.3 Database\")")
		} else if major, _, _ := strings.Cut(s.Version, "."); !knownRelease(major) {
			s.warnf(r.file(onetReadMe), 1, "O*NET %s is outside the releases careergraph knows (%d to %d): read as their layout",
				s.Version, KnownONETReleases[0], KnownONETReleases[1])
		}
	} else {
		s.warnf(name, 0, "no %s: O*NET release unknown", onetReadMe)
	}
	if err := r.occupations(); err != nil {
		return nil, err
	}
	steps := []struct {
		file string
		read func(*tsv) error
	}{
		{onetZones, r.zones},
		{onetReported, func(t *tsv) error { return r.names(t, "Reported Job Title") }},
		{onetAlternate, func(t *tsv) error { return r.names(t, "Alternate Title") }},
		{onetSkills, func(t *tsv) error { return r.elements(t, func(ro *Role) *[]Element { return &ro.Skills }) }},
		{onetKnowledge, func(t *tsv) error { return r.elements(t, func(ro *Role) *[]Element { return &ro.Knowledge }) }},
		{onetEducation, r.education},
		{onetRelated, r.related},
		{onetChangers, func(t *tsv) error { return r.matrix(t, ONETChangers) }},
		{onetStarters, func(t *tsv) error { return r.matrix(t, ONETStarters) }},
	}
	for _, st := range steps {
		if err := r.each(st.file, st.read); err != nil {
			return nil, err
		}
	}
	for i := range s.Roles {
		ro := &s.Roles[i]
		ro.Names = sortedNames(ro.Names, ro.Name)
	}
	return s, nil
}

var releaseRE = regexp.MustCompile(`O\*NET\s+(\d+\.\d+)`)

// readMeVersion returns the release a Read Me.txt names on its first
// lines, "29.3", or "".
func readMeVersion(data []byte) string {
	if len(data) > 4096 {
		data = data[:4096]
	}
	if m := releaseRE.FindSubmatch(data); m != nil {
		return string(m[1])
	}
	return ""
}

func knownRelease(major string) bool {
	n, err := strconv.Atoi(major)
	return err == nil && n >= KnownONETReleases[0] && n <= KnownONETReleases[1]
}

type onetReader struct {
	fsys      fs.FS
	dir, name string
	set       *Set
	byCode    map[string]int // O*NET-SOC code → index in set.Roles
	seen      map[moveKey]int
	eduNames  map[int]string
}

func (r *onetReader) file(base string) string { return path.Join(r.name, base) }

// each opens file and hands it to read; an absent file is skipped. A
// companion file of a layout not known is a problem, not a failure.
func (r *onetReader) each(file string, read func(*tsv) error) error {
	f, err := r.fsys.Open(path.Join(r.dir, file))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		r.set.errorf(r.file(file), 0, "cannot read: %v: skipped", unwrapPath(err))
		return nil
	}
	defer f.Close()
	t, err := openTSV(f, r.file(file))
	if err == nil {
		err = read(t)
	}
	if err != nil {
		if errors.Is(err, ErrUnknownLayout) || errors.Is(err, ErrTooLarge) {
			r.set.errorf(r.file(file), 0, "%v: skipped", trimName(err, r.file(file)))
			return nil
		}
		r.set.errorf(r.file(file), 0, "%v: rest of file skipped", trimName(err, r.file(file)))
	}
	return nil
}

// trimName drops a leading "file:" or "file:line:" from err's text, for a
// problem that already names the file.
func trimName(err error, file string) string {
	s := err.Error()
	if rest, ok := strings.CutPrefix(s, file+":"); ok {
		if i := strings.Index(rest, ": "); i > 0 {
			if _, e := strconv.Atoi(rest[:i]); e == nil {
				return rest[i+2:]
			}
		}
		return strings.TrimSpace(rest)
	}
	return s
}

func (r *onetReader) occupations() error {
	fname := r.file(onetOccupations)
	f, err := r.fsys.Open(path.Join(r.dir, onetOccupations))
	if err != nil {
		return fmt.Errorf("%s: %w (an O*NET text release has one)", fname, unwrapPath(err))
	}
	defer f.Close()
	t, err := openTSV(f, fname)
	if err != nil {
		return err
	}
	c, err := t.need(onetCode, "Title", "Description")
	if err != nil {
		return err
	}
	for {
		row, err := t.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		code, title := field(row, c[0]), field(row, c[1])
		switch {
		case code == "":
			r.set.errorf(fname, t.line, "no O*NET-SOC code: row skipped")
			continue
		case title == "":
			r.set.errorf(fname, t.line, "occupation %s has no title: row skipped", code)
			continue
		}
		if i, dup := r.byCode[code]; dup {
			r.set.errorf(fname, t.line, "occupation %s listed again (first at line %d): row skipped", code, r.set.Roles[i].Source.Line)
			continue
		}
		r.byCode[code] = len(r.set.Roles)
		ro := Role{Name: title, Code: code, Description: field(row, c[2]), Source: graph.Source{File: fname, Line: t.line}}
		if g := SOCMajorGroup(code); g != "" {
			ro.Classification = []string{g}
		}
		r.set.Roles = append(r.set.Roles, ro)
	}
}

// role returns the role of the row's code, or nil after a problem.
func (r *onetReader) role(t *tsv, code string) *Role {
	if code == "" {
		r.set.errorf(t.name, t.line, "no O*NET-SOC code: row skipped")
		return nil
	}
	i, ok := r.byCode[code]
	if !ok {
		r.set.errorf(t.name, t.line, "O*NET-SOC code %s is not in %s: row skipped", code, onetOccupations)
		return nil
	}
	return &r.set.Roles[i]
}

func (r *onetReader) zones(t *tsv) error {
	c, err := t.need(onetCode, "Job Zone")
	if err != nil {
		return err
	}
	return rows(t, func(row []string) {
		ro := r.role(t, field(row, c[0]))
		if ro == nil {
			return
		}
		z, err := strconv.Atoi(field(row, c[1]))
		if err != nil || z < 1 || z > 5 {
			r.set.errorf(t.name, t.line, "job zone %q: want 1 to 5: row skipped", field(row, c[1]))
			return
		}
		ro.Level = z
	})
}

func (r *onetReader) names(t *tsv, col string) error {
	c, err := t.need(onetCode, col)
	if err != nil {
		return err
	}
	short := t.opt("Short Title")
	return rows(t, func(row []string) {
		ro := r.role(t, field(row, c[0]))
		if ro == nil {
			return
		}
		n := field(row, c[1])
		if n == "" {
			r.set.warnf(t.name, t.line, "empty %s: row skipped", strings.ToLower(col))
			return
		}
		ro.Names = append(ro.Names, n)
		if s := field(row, short); s != "" && s != "n/a" {
			ro.Names = append(ro.Names, s)
		}
	})
}

// elements reads a Skills- or Knowledge-like file: importance (IM) and
// level (LV) of each element per occupation, then keeps the TopElements
// most important of importance MinImportance or more.
func (r *onetReader) elements(t *tsv, list func(*Role) *[]Element) error {
	c, err := t.need(onetCode, "Element Name", "Scale ID", "Data Value")
	if err != nil {
		return err
	}
	notRelevant, suppress := t.opt("Not Relevant"), t.opt("Recommend Suppress")
	found := map[int]map[string]*Element{}
	var order []int
	err = rows(t, func(row []string) {
		ro := r.role(t, field(row, c[0]))
		if ro == nil {
			return
		}
		name, scale := field(row, c[1]), strings.ToUpper(field(row, c[2]))
		if name == "" || (scale != "IM" && scale != "LV") {
			return // another scale, or nothing to name
		}
		if strings.EqualFold(field(row, notRelevant), "Y") || strings.EqualFold(field(row, suppress), "Y") {
			return
		}
		v, err := strconv.ParseFloat(field(row, c[3]), 64)
		if err != nil || v < 0 || v > 7 {
			r.set.errorf(t.name, t.line, "data value %q: want a number from 0 to 7: row skipped", field(row, c[3]))
			return
		}
		i := r.byCode[ro.Code]
		m := found[i]
		if m == nil {
			m = map[string]*Element{}
			found[i] = m
			order = append(order, i)
		}
		e := m[name]
		if e == nil {
			e = &Element{Name: name}
			m[name] = e
		}
		if scale == "IM" {
			e.Importance = v
		} else {
			e.Level = v
		}
	})
	for _, i := range order {
		var es []Element
		for _, e := range found[i] {
			if e.Importance >= MinImportance {
				es = append(es, *e)
			}
		}
		slices.SortFunc(es, func(a, b Element) int {
			if a.Importance != b.Importance {
				if a.Importance > b.Importance {
					return -1
				}
				return 1
			}
			return strings.Compare(a.Name, b.Name)
		})
		*list(&r.set.Roles[i]) = es[:min(len(es), TopElements)]
	}
	return err
}

// education reads the required level of education (scale RL): the
// category with the largest share, the lower category on ties. Category
// names come from the categories file when present.
func (r *onetReader) education(t *tsv) error {
	c, err := t.need(onetCode, "Scale ID", "Category", "Data Value")
	if err != nil {
		return err
	}
	if r.eduNames == nil {
		r.eduNames = map[int]string{}
		r.each(onetEduCats, r.educationNames)
	}
	err = rows(t, func(row []string) {
		if !strings.EqualFold(field(row, c[1]), "RL") {
			return
		}
		ro := r.role(t, field(row, c[0]))
		if ro == nil {
			return
		}
		cat, err1 := strconv.Atoi(field(row, c[2]))
		pct, err2 := strconv.ParseFloat(field(row, c[3]), 64)
		if err1 != nil || err2 != nil || cat < 1 || pct < 0 || pct > 100 {
			r.set.errorf(t.name, t.line, "category %q, data value %q: want a category number and a percentage: row skipped",
				field(row, c[2]), field(row, c[3]))
			return
		}
		if pct > ro.Education.Percent || (pct == ro.Education.Percent && (ro.Education.Category == 0 || cat < ro.Education.Category)) {
			ro.Education = Education{Category: cat, Name: r.eduNames[cat], Percent: pct}
		}
	})
	return err
}

func (r *onetReader) educationNames(t *tsv) error {
	c, err := t.need("Scale ID", "Category", "Category Description")
	if err != nil {
		return err
	}
	return rows(t, func(row []string) {
		if !strings.EqualFold(field(row, c[0]), "RL") {
			return
		}
		if n, err := strconv.Atoi(field(row, c[1])); err == nil {
			r.eduNames[n] = field(row, c[2])
		}
	})
}

func (r *onetReader) related(t *tsv) error {
	c, err := t.need(onetCode, "Related O*NET-SOC Code", "Relatedness Tier", "Index")
	if err != nil {
		return err
	}
	return rows(t, func(row []string) {
		from, to := r.pair(t, field(row, c[0]), field(row, c[1]))
		if from == nil || to == nil {
			return
		}
		tier := field(row, c[2])
		idx, err := strconv.Atoi(field(row, c[3]))
		if err != nil {
			r.set.errorf(t.name, t.line, "index %q: want a whole number: row skipped", field(row, c[3]))
			return
		}
		cost, err := ONETRelatedCost(tier, idx)
		if err != nil {
			r.set.errorf(t.name, t.line, "%v: row skipped", err)
			return
		}
		r.move(Move{From: from.Name, To: to.Name, FromCode: from.Code, ToCode: to.Code, Kind: Related,
			Cost: cost, Basis: ONETTier, Tier: tier, Index: idx, Source: graph.Source{File: t.name, Line: t.line}})
	})
}

func (r *onetReader) matrix(t *tsv, basis Basis) error {
	c, err := t.need(onetCode, "Related O*NET-SOC Code", "Index")
	if err != nil {
		return err
	}
	return rows(t, func(row []string) {
		from, to := r.pair(t, field(row, c[0]), field(row, c[1]))
		if from == nil || to == nil {
			return
		}
		idx, err := strconv.Atoi(field(row, c[2]))
		if err != nil {
			r.set.errorf(t.name, t.line, "index %q: want a whole number: row skipped", field(row, c[2]))
			return
		}
		cost, err := ONETMatrixCost(idx)
		if err != nil {
			r.set.errorf(t.name, t.line, "%v: row skipped", err)
			return
		}
		r.move(Move{From: from.Name, To: to.Name, FromCode: from.Code, ToCode: to.Code, Kind: Career,
			Cost: cost, Basis: basis, Index: idx, Source: graph.Source{File: t.name, Line: t.line}})
	})
}

// pair returns the roles of a move's two codes, or nils after a problem.
func (r *onetReader) pair(t *tsv, from, to string) (*Role, *Role) {
	a := r.role(t, from)
	if a == nil {
		return nil, nil
	}
	if to == "" {
		r.set.errorf(t.name, t.line, "no related O*NET-SOC code: row skipped")
		return nil, nil
	}
	b := r.role(t, to)
	return a, b
}

func (r *onetReader) move(m Move) {
	if r.seen == nil {
		r.seen = map[moveKey]int{}
	}
	r.set.addMove(m, r.seen)
}

// rows calls f for each row of t; it stops at a read error.
func rows(t *tsv, f func(row []string)) error {
	for {
		row, err := t.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		f(row)
	}
}

// sortedNames returns names sorted, without duplicates (in normal form,
// the first written form kept) and without the title.
func sortedNames(names []string, title string) []string {
	if len(names) == 0 {
		return nil
	}
	seen := map[string]bool{graph.NormalName(title): true}
	out := names[:0]
	for _, n := range names {
		k := graph.NormalName(n)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, n)
	}
	slices.Sort(out)
	return slices.Clip(out)
}
