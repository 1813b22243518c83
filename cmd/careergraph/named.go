package main

import (
	"path/filepath"
	"slices"
	"strings"

	"careergraph/graph"
	"careergraph/loader"
)

// sourceWords names each format of loader.SourceInfo as a reader would.
var sourceWords = map[string]string{
	"onet":     "O*NET release",
	"pathways": "pathway table",
	"moves":    "moves sheet",
	"roles":    "roles sheet",
}

// sourceOf returns the source of corpus that file belongs to (the file
// itself, or a file inside an O*NET folder), or false for a document.
func sourceOf(corpus *loader.Corpus, file string) (loader.SourceInfo, bool) {
	for _, s := range corpus.Sources {
		if file == s.Name || strings.HasPrefix(file, s.Name+string(filepath.Separator)) || strings.HasPrefix(file, s.Name+"/") {
			return s, true
		}
	}
	return loader.SourceInfo{}, false
}

// undescribed is the line show prints under a role no source describes,
// saying what names it: "(mentioned in the documents; none describes
// it)" when only documents do, else the sources by kind and name,
// "(named in pathway table pathway_results.csv; no source describes
// it)".
func undescribed(corpus *loader.Corpus, out, in []graph.Move) string {
	docs := false
	var named []string
	for _, m := range slices.Concat(out, in) {
		for _, src := range m.Sources {
			s, ok := sourceOf(corpus, src.File)
			if !ok {
				docs = true
				continue
			}
			words := s.Name
			if w, ok := sourceWords[s.Format]; ok {
				words = w + " " + s.Name
			}
			named = append(named, words)
		}
	}
	if len(named) == 0 {
		return "(mentioned in the documents; none describes it)"
	}
	slices.Sort(named)
	named = slices.Compact(named)
	if docs {
		named = append([]string{"the documents"}, named...)
	}
	return "(named in " + andList(named) + "; no source describes it)"
}

// andList joins words as a sentence lists them: "a", "a and b", "a, b
// and c".
func andList(words []string) string {
	if len(words) <= 1 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
