package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Format is a kind of source.
type Format int

// The formats Detect tells apart.
const (
	// None is not a source careergraph reads: a README, an image, a table
	// with unknown columns, an O*NET folder of a layout not known.
	None Format = iota
	// Document is an occupation document, read by package loader.
	Document
	// ONET is an O*NET database folder, text release.
	ONET
	// Pathways is a pathway or similarity table: title_start, title_end
	// and a similarity.
	Pathways
	// Moves is a moves spreadsheet: from, to, and optionally kind, cost,
	// source, note.
	Moves
	// Roles is a roles spreadsheet: role or title, and at least one of
	// aliases, reading, level, description, code (a lone title column is
	// too common in other tables to mean roles).
	Roles
	// Folder is a folder that is not itself a source: each file below it
	// is detected on its own.
	Folder
)

var formatNames = [...]string{None: "none", Document: "document", ONET: "onet", Pathways: "pathways", Moves: "moves", Roles: "roles", Folder: "folder"}

// String returns the format's name, as ParseFormat takes it.
func (f Format) String() string {
	if f >= 0 && int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("format(%d)", int(f))
}

// ParseFormat returns the format a name stands for: "document", "onet",
// "pathways", "moves" or "roles" (any case). Other names are an error
// listing the known ones.
func ParseFormat(name string) (Format, error) {
	for f, n := range formatNames {
		if f != int(None) && f != int(Folder) && strings.EqualFold(name, n) {
			return Format(f), nil
		}
	}
	return None, fmt.Errorf("unknown source format %q (known: document, moves, onet, pathways, roles)", name)
}

// ErrUnknownLayout marks a source whose layout careergraph does not know,
// such as an O*NET file without the columns it needs.
var ErrUnknownLayout = errors.New("layout not known")

// onetMarkers are file names of an O*NET text release; one of them in a
// folder without Occupation Data.txt is a folder careergraph cannot read.
var onetMarkers = []string{"Related Occupations.txt", "Job Zones.txt", "Sample of Reported Titles.txt",
	"Alternate Titles.txt", "Skills.txt", "Knowledge.txt", "Content Model Reference.txt"}

// detectHead is how much of a file Detect reads.
const detectHead = 64 << 10

// Detect says what kind of source path is, and why: an O*NET folder, a
// table by its header row, an occupation document by its headings, a
// folder to look into, or None with the reason it is not a source. A path
// that cannot be read is None with the error as reason.
func Detect(p string) (Format, string) {
	info, err := os.Stat(p)
	if err != nil {
		return None, fmt.Sprintf("cannot read: %v", unwrapPath(err))
	}
	if info.IsDir() {
		return DetectFS(os.DirFS(p), ".")
	}
	f, err := os.Open(p)
	if err != nil {
		return None, fmt.Sprintf("cannot read: %v", unwrapPath(err))
	}
	defer f.Close()
	head, err := io.ReadAll(io.LimitReader(f, detectHead))
	if err != nil {
		return None, fmt.Sprintf("cannot read: %v", unwrapPath(err))
	}
	return DetectBytes(path.Base(p), head)
}

// DetectFS is Detect for the file or folder dir of fsys.
func DetectFS(fsys fs.FS, dir string) (Format, string) {
	info, err := fs.Stat(fsys, dir)
	if err != nil {
		return None, fmt.Sprintf("cannot read: %v", unwrapPath(err))
	}
	if !info.IsDir() {
		f, err := fsys.Open(dir)
		if err != nil {
			return None, fmt.Sprintf("cannot read: %v", unwrapPath(err))
		}
		defer f.Close()
		head, err := io.ReadAll(io.LimitReader(f, detectHead))
		if err != nil {
			return None, fmt.Sprintf("cannot read: %v", unwrapPath(err))
		}
		return DetectBytes(path.Base(dir), head)
	}
	has := func(name string) bool {
		_, err := fs.Stat(fsys, path.Join(dir, name))
		return err == nil
	}
	if has(onetOccupations) {
		v, reason := onetVersion(fsys, dir)
		if reason != "" {
			return None, reason
		}
		if v == "" {
			return ONET, "O*NET text release (Occupation Data.txt; release unknown: no Read Me.txt naming it)"
		}
		return ONET, "O*NET " + v + " text release (Occupation Data.txt, Read Me.txt)"
	}
	switch {
	case has("Occupation Data.xlsx"):
		return None, "O*NET Excel release: careergraph reads the text release (tab-separated .txt files)"
	case has("occupation_data.txt") || has("03_occupation_data.sql"):
		return None, "O*NET database-script release: careergraph reads the text release (\"Occupation Data.txt\" and its companions)"
	}
	for _, m := range onetMarkers {
		if has(m) {
			return None, fmt.Sprintf("an O*NET folder of a layout not known: it has %q but no %q", m, onetOccupations)
		}
	}
	return Folder, "a folder: each file in it is detected on its own"
}

// onetVersion returns the release named in dir's Read Me.txt ("29.3"),
// "" when there is none, or a reason the folder is not one careergraph
// knows.
func onetVersion(fsys fs.FS, dir string) (version, reason string) {
	f, err := fsys.Open(path.Join(dir, onetOccupations))
	if err != nil {
		return "", fmt.Sprintf("cannot read %s: %v", onetOccupations, unwrapPath(err))
	}
	t, err := openTSV(io.LimitReader(f, detectHead), onetOccupations)
	f.Close()
	if err == nil {
		_, err = t.need(onetCode, "Title", "Description")
	}
	if err != nil {
		return "", "an O*NET folder of a layout not known: " + err.Error()
	}
	data, err := fs.ReadFile(fsys, path.Join(dir, onetReadMe))
	if err != nil {
		return "", ""
	}
	return readMeVersion(data), ""
}

// DetectBytes says what kind of source a file is from its name (used only
// to tell images and the like by extension in the reason) and the first
// bytes of its content.
func DetectBytes(name string, head []byte) (Format, string) {
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	if len(bytes.TrimSpace(head)) == 0 {
		return None, "empty"
	}
	ct := http.DetectContentType(head)
	if strings.Contains(ct, "utf-16") {
		return None, "UTF-16 text: save it as UTF-8 (in a spreadsheet: CSV UTF-8)"
	}
	if !strings.HasPrefix(ct, "text/") || bytes.IndexByte(head, 0) >= 0 {
		return None, "not text (" + strings.TrimSuffix(ct, "; charset=utf-8") + ")"
	}
	if !utf8.Valid(trimPartialRune(head)) {
		return None, "not UTF-8 text: save it as UTF-8 (in a spreadsheet: CSV UTF-8)"
	}
	text := string(head)
	first, _, _ := strings.Cut(text, "\n")
	first = strings.TrimRight(first, "\r")
	if delim := sniffDelimiter(first); delim != 0 {
		if f, reason, ok := detectHeader(first, delim); ok {
			return f, reason
		}
	}
	if n := documentHeadings(text); n > 0 {
		return Document, fmt.Sprintf("an occupation document (%d known section headings)", n)
	}
	if strings.HasPrefix(strings.TrimSpace(first), "#") {
		return None, "Markdown text with no occupation-document section heading"
	}
	if delim := sniffDelimiter(first); delim != 0 && len(strings.Split(first, string(delim))) >= 2 {
		t, err := openTable(strings.NewReader(first+"\n"), name)
		if err == nil {
			return None, "a table with columns " + quoteList(t.header, 6) +
				": careergraph reads from,to (moves), role or title (roles) and title_start,title_end (pathways)"
		}
	}
	return None, "text with no occupation-document section heading (Summary, Career Path, Related Jobs, ...)"
}

// detectHeader tells the tables apart by their header row.
func detectHeader(first string, delim rune) (Format, string, bool) {
	t, err := openTable(strings.NewReader(first+"\n"), "")
	if err != nil || len(t.header) < 2 {
		return None, "", false
	}
	has := func(k ...string) bool { return t.col(k...) >= 0 }
	name := map[rune]string{',': "comma", '\t': "tab", ';': "semicolon"}[delim]
	switch {
	case has(pathFrom...) && has(pathTo...):
		return Pathways, fmt.Sprintf("a pathway table (%s-separated: title_start, title_end)", name), true
	case has(moveFrom...) && has(moveTo...):
		return Moves, fmt.Sprintf("a moves spreadsheet (%s-separated: from, to)", name), true
	case has(roleName...) && (has(roleAliases...) || has(roleReading...) || has(roleLevel...) || has(roleDesc...) || has(roleCode...)) &&
		!has(moveFrom...) && !has(moveTo...) && !has(onetCodeKey):
		return Roles, fmt.Sprintf("a roles spreadsheet (%s-separated: %s)", name, t.header[t.col(roleName...)]), true
	case has(onetCodeKey):
		return None, "a single O*NET file: give the O*NET folder it belongs to", true
	case has(moveFrom...) || has(moveTo...):
		return None, "a moves table needs both a from and a to column; it has " + quoteList(t.header, 6), true
	}
	return None, "", false
}

func quoteList(s []string, max int) string {
	var q []string
	for i, x := range s {
		if i == max {
			q = append(q, "...")
			break
		}
		q = append(q, fmt.Sprintf("%q", x))
	}
	return strings.Join(q, ", ")
}

// trimPartialRune drops a rune cut off at the end of a head of a file.
func trimPartialRune(b []byte) []byte {
	for i := 0; i < utf8.UTFMax && i < len(b); i++ {
		if utf8.RuneStart(b[len(b)-1-i]) {
			if !utf8.FullRune(b[len(b)-1-i:]) {
				return b[:len(b)-1-i]
			}
			break
		}
	}
	return b
}

// documentHeadings counts the lines of text that are section headings of
// an occupation document (the headings package loader knows best).
func documentHeadings(text string) int {
	n := 0
	for line := range strings.Lines(text) {
		if len(line) > 128 {
			continue
		}
		k := norm.NFKC.String(strings.TrimSpace(line))
		k = strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(strings.Join(strings.Fields(k), "")), ":"), "：")
		if documentHeadingKeys[k] {
			n++
		}
	}
	return n
}

// documentHeadingKeys are the document section headings, NFKC-normalised,
// lower-cased, without white space: the usual spellings, enough to tell a
// document from other text.
var documentHeadingKeys = map[string]bool{
	"industry&occupation": true, "classification": true, "summary": true, "description": true,
	"futureoutlook": true, "personalitytraits": true, "workstyle": true, "careerpath": true,
	"requiredskills": true, "recommendedskills": true, "aptitudes(strengthspreferred)": true,
	"aptitudes(weaknessesacceptable)": true, "relatedqualifications": true, "qualifications": true,
	"aliases": true, "relatedjobs": true, "relatedoccupations": true, "tags": true, "keywords": true,
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
