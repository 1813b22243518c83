package loader

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
	"golang.org/x/text/unicode/norm"
)

// srcLine is one line of the input, trimmed, with its 1-based number and the
// known heading it is, if any.
type srcLine struct {
	text string
	num  int
	kind secKind // 0 (kNone) when the line is not a known heading
}

// splitLines appends the lines of s to lines[:0]: s split at "\n", "\r\n"
// and lone "\r". A final line end does not start another line.
func splitLines(lines []srcLine, s string) []srcLine {
	lines = lines[:0] // usually a previous document's, with room enough
	pos, nl := 0, -1
	for pos < len(s) {
		if nl < pos {
			nl = strings.IndexByte(s[pos:], '\n')
			if nl < 0 {
				nl = len(s)
			} else {
				nl += pos
			}
		}
		end, next := nl, nl+1
		if j := strings.IndexByte(s[pos:end], '\r'); j >= 0 {
			j += pos
			if j == end-1 && end < len(s) {
				end = j // CRLF
			} else {
				end, next = j, j+1 // a lone CR ends the line
			}
		}
		lines = append(lines, srcLine{text: trimLine(s[pos:end]), num: len(lines) + 1})
		pos = next
	}
	return lines
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r' || c == '\n'
}

func isTrimSpace(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' || r == '\u200B' }

// trimLine removes white space, zero-width spaces and stray byte-order marks
// from both ends of s.
func trimLine(s string) string {
	for len(s) > 0 && isASCIISpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isASCIISpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	if len(s) > 0 && (s[0] >= utf8.RuneSelf || s[len(s)-1] >= utf8.RuneSelf) {
		s = strings.TrimFunc(s, isTrimSpace)
	}
	return s
}

// secKind is a known section, or kNone for the text before the first heading
// and kUnknown for a section under a heading careergraph does not know.
type secKind uint8

const (
	kNone secKind = iota
	kIndustry
	kClassification
	kSummary
	kDescription
	kOutlook
	kTraits
	kWorkStyle
	kCareer
	kRequired
	kRecommended
	kStrengths
	kWeaknesses
	kQualifications
	kAliases
	kRelated
	kTags
	kKeywords
	kUnknown
	numKinds
)

// headingKeys maps a heading, NFKC-normalised, lower-cased, without white
// space and without a trailing colon, to its section.
var headingKeys = map[string]secKind{
	"industry&occupation":             kIndustry,
	"industryandoccupation":           kIndustry,
	"industry/occupation":             kIndustry,
	"classification":                  kClassification,
	"occupationalclassification":      kClassification,
	"summary":                         kSummary,
	"overview":                        kSummary,
	"description":                     kDescription,
	"jobdescription":                  kDescription,
	"futureoutlook":                   kOutlook,
	"outlook":                         kOutlook,
	"personalitytraits":               kTraits,
	"personalitytrait":                kTraits,
	"workstyle":                       kWorkStyle,
	"workstyles":                      kWorkStyle,
	"workingstyle":                    kWorkStyle,
	"careerpath":                      kCareer,
	"careerpaths":                     kCareer,
	"requiredskills":                  kRequired,
	"requiredskill":                   kRequired,
	"recommendedskills":               kRecommended,
	"recommendedskill":                kRecommended,
	"preferredskills":                 kRecommended,
	"aptitudes(strengthspreferred)":   kStrengths,
	"aptitude(strengthspreferred)":    kStrengths,
	"aptitudes(strengths)":            kStrengths,
	"strengthspreferred":              kStrengths,
	"strengths":                       kStrengths,
	"aptitudes(weaknessesacceptable)": kWeaknesses,
	"aptitude(weaknessesacceptable)":  kWeaknesses,
	"aptitudes(weaknesses)":           kWeaknesses,
	"weaknessesacceptable":            kWeaknesses,
	"weaknesses":                      kWeaknesses,
	"relatedqualifications":           kQualifications,
	"relatedqualification":            kQualifications,
	"qualifications":                  kQualifications,
	"qualification":                   kQualifications,
	"aliases":                         kAliases,
	"alias":                           kAliases,
	"alsoknownas":                     kAliases,
	"othernames":                      kAliases,
	"relatedjobs":                     kRelated,
	"relatedjob":                      kRelated,
	"relatedoccupations":              kRelated,
	"relatedoccupation":               kRelated,
	"tags":                            kTags,
	"tag":                             kTags,
	"keywords":                        kKeywords,
	"keyword":                         kKeywords,
}

// maxHeadingBytes bounds the lines worth testing as headings: the longest
// known heading written in full-width letters fits.
const maxHeadingBytes = 128

// longestHeadingKey is the length of the longest key of headingKeys.
var longestHeadingKey = func() int {
	n := 0
	for k := range headingKeys {
		n = max(n, len(k))
	}
	return n
}()

// headingKind returns the known section s is the heading of, or kNone.
// Only short lines that start with a letter, '#' or a full-width form are
// normalised; everything else is rejected on its first byte.
func headingKind(s string) secKind {
	if s == "" || len(s) > maxHeadingBytes {
		return kNone
	}
	if c := s[0]; c < utf8.RuneSelf {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '#') {
			return kNone
		}
	} else if r, _ := utf8.DecodeRuneInString(s); r < '\uFF01' || r > '\uFF5E' {
		return kNone
	}
	if !isASCII(s) {
		s = norm.NFKC.String(s)
		if len(s) > maxHeadingBytes {
			return kNone
		}
	}
	// Headings are a fixed vocabulary of ASCII words, and after NFKC any
	// line that is one is ASCII too: folding ASCII bytes here is exact for
	// them, and spares the cost of graph.NormalName on every short line.
	// Names (roles, aptitude items) use graph.NormalName alone.
	var buf [maxHeadingBytes]byte
	n, i := 0, 0
	for i < len(s) && s[i] == '#' {
		i++
	}
	// Past the longest key in bytes other than colons (only trailing
	// ones are dropped), no key can match: most long lines that start
	// with a letter (career paths, sentences) stop here.
	other := 0
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case isASCIISpace(c):
			continue
		case c >= utf8.RuneSelf:
			return kNone
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if c != ':' {
			if other++; other > longestHeadingKey {
				return kNone
			}
		}
		buf[n] = c
		n++
	}
	for n > 0 && buf[n-1] == ':' {
		n--
	}
	return headingKeys[string(buf[:n])]
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// headingLike reports whether s reads like a heading: short, starting with
// an upper-case letter, and without the marks of a sentence, a list, a
// table row or a career path. Whether it is taken for one depends on where
// it stands; see docParser.startsUnknown.
func headingLike(s string) bool {
	if r, _ := utf8.DecodeRuneInString(s); !unicode.IsUpper(r) {
		return false
	}
	runes, spaces := 0, 0
	for i, r := range s {
		if runes++; runes > 60 {
			return false
		}
		switch r {
		case ' ':
			if spaces++; spaces > 5 || strings.HasPrefix(s[i:], " / ") {
				return false
			}
		case '.':
			if i+1 == len(s) || s[i+1] == ' ' {
				return false
			}
		case '>':
			if i > 0 && (s[i-1] == '-' || s[i-1] == '=') { // an arrow, "->" or "=>"
				return false
			}
		case ',', '、', ';', '；', '!', '?', '！', '？', '。', '→', '⇒', '|', '\t':
			return false
		case ':', '：':
			if i+utf8.RuneLen(r) != len(s) {
				return false
			}
		}
	}
	return true
}

// endsSentence reports whether s ends with sentence-final punctuation,
// ignoring closing brackets and quotes.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, ")）」』\"'”’")
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '。', '!', '?', '！', '？':
		return true
	}
	return false
}

// stripBullet returns s without a leading list marker ("- ", "* ", "• ",
// "・" and the like) and reports whether it had one.
func stripBullet(s string) (string, bool) {
	if s == "" {
		return s, false
	}
	if c := s[0]; c < utf8.RuneSelf {
		if c != '-' && c != '*' && c != '+' {
			return s, false
		}
		if len(s) == 1 {
			return "", true
		}
		if s[1] == ' ' || s[1] == '\t' {
			return trimLine(s[2:]), true
		}
		return s, false
	}
	r, size := utf8.DecodeRuneInString(s)
	switch r {
	case '•', '・', '･', '●', '○', '◦', '▪', '‣', '∙':
		return trimLine(s[size:]), true
	case '–', '—':
		if len(s) == size {
			return "", true
		}
		if s[size] == ' ' || s[size] == '\t' {
			return trimLine(s[size:]), true
		}
	}
	return s, false
}

func isTableRow(s string) bool { return s != "" && (s[0] == '|' || strings.HasPrefix(s, "｜")) }

// hasListMark reports whether s carries a list or table mark: a bullet, a table
// row, a " / " separator, or a "key : value" colon.
func hasListMark(s string) bool {
	if _, ok := stripBullet(s); ok || isTableRow(s) {
		return true
	}
	return indexSep(s) >= 0 || indexColon(s) >= 0
}

// indexSep returns the offset of the first " / " in s, or -1. It looks
// for the slash, which is rare, rather than the space, which a line has
// many of: strings.Index stops at each space.
func indexSep(s string) int {
	for from := 0; ; {
		i := strings.IndexByte(s[from:], '/')
		if i < 0 {
			return -1
		}
		i += from
		if i > 0 && i+1 < len(s) && s[i-1] == ' ' && s[i+1] == ' ' {
			return i - 1
		}
		from = i + 1
	}
}

// countSeps returns the number of " / " in s that do not overlap, as
// strings.Count does.
func countSeps(s string) int {
	n := 0
	for {
		i := indexSep(s)
		if i < 0 {
			return n
		}
		n++
		s = s[i+3:]
	}
}

// indexColon returns the offset of the first ':' or '：' in s, or -1.
func indexColon(s string) int {
	i := strings.IndexByte(s, ':')
	if i < 0 {
		i = len(s)
	}
	if j := strings.Index(s[:i], "："); j >= 0 {
		return j
	}
	if i == len(s) {
		return -1
	}
	return i
}

// headingNames are the known headings as the README writes them, by
// section: the suggestions for a heading that is close to one.
var headingNames = [numKinds]string{
	kIndustry:       "Industry & Occupation",
	kClassification: "Classification",
	kSummary:        "Summary",
	kDescription:    "Description",
	kOutlook:        "Future Outlook",
	kTraits:         "Personality Traits",
	kWorkStyle:      "Work Style",
	kCareer:         "Career Path",
	kRequired:       "Required Skills",
	kRecommended:    "Recommended Skills",
	kStrengths:      "Aptitudes (Strengths Preferred)",
	kWeaknesses:     "Aptitudes (Weaknesses Acceptable)",
	kQualifications: "Related Qualifications",
	kAliases:        "Aliases",
	kRelated:        "Related Jobs",
	kTags:           "Tags",
	kKeywords:       "Keywords",
}

// nearHeading returns the known heading s is a likely misspelling of (at
// most two edits from one of its forms, and fewer than a third of its
// letters), or "".
func nearHeading(s string) string {
	key := strings.ToLower(strings.Join(strings.Fields(norm.NFKC.String(strings.TrimLeft(s, "#"))), ""))
	key = strings.TrimRight(key, ":")
	best, bestDist := kNone, 3
	for _, k := range sortedHeadingKeys {
		if d := levenshtein.ComputeDistance(key, k); d < bestDist && 3*d < len(k) {
			best, bestDist = headingKeys[k], d
		}
	}
	if best == kNone {
		return ""
	}
	return headingNames[best]
}

// sortedHeadingKeys are the keys of headingKeys, sorted, so that a tie
// between two forms suggests the same heading every run.
var sortedHeadingKeys = func() []string {
	keys := make([]string, 0, len(headingKeys))
	for k := range headingKeys {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}()
