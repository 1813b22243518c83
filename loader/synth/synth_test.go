package synth_test

import (
	"bytes"
	"testing"

	"careergraph/loader"
	"careergraph/loader/synth"
)

func TestDeterministic(t *testing.T) {
	a, b := synth.New(200, 9), synth.New(200, 9)
	for i := range a.Len() {
		if x, y := a.AppendDocument(nil, i), b.AppendDocument(nil, i); !bytes.Equal(x, y) {
			t.Fatalf("document %d differs between two corpora of one seed", i)
		}
	}
	if bytes.Equal(synth.New(200, 9).AppendDocument(nil, 0), synth.New(200, 10).AppendDocument(nil, 0)) {
		t.Error("two seeds wrote the same first document")
	}
}

// TestDocumentsParse checks that every document reads back cleanly, in
// both layouts, with the shape the generator promises.
func TestDocumentsParse(t *testing.T) {
	c := synth.New(500, 1)
	total := 0
	titles := map[string]bool{}
	var parser loader.Parser
	for i := range c.Len() {
		text := c.AppendDocument(nil, i)
		total += len(text)
		doc, problems, err := parser.Parse(bytes.NewReader(text), c.Name(i))
		if err != nil {
			t.Fatalf("%s: %v", c.Name(i), err)
		}
		for _, p := range problems {
			t.Errorf("%v", p)
		}
		if doc.Title != c.Title(i) || titles[doc.Title] {
			t.Errorf("%s: title %q; want %q, once", c.Name(i), doc.Title, c.Title(i))
		}
		titles[doc.Title] = true
		if doc.Reading == "" || doc.Summary == "" || len(doc.Strengths) == 0 || len(doc.RequiredSkills) == 0 {
			t.Errorf("%s: missing reading, summary, aptitudes or skills", c.Name(i))
		}
		if len(doc.Career) != 1 || len(doc.Career[0].Rungs) < 3 || len(doc.Career[0].Rungs) > 6 {
			t.Errorf("%s: career paths %v; want one of 3 to 6 rungs", c.Name(i), doc.Career)
		}
		if n := len(doc.Related); n < 2 || n > 6 {
			t.Errorf("%s: %d related jobs; want 2 to 6", c.Name(i), n)
		}
		for _, a := range doc.Strengths {
			if a.Reason == "" {
				t.Errorf("%s:%d: aptitude row %q not split", c.Name(i), a.Line, a.Item)
			}
		}
	}
	if avg := total / c.Len(); avg < 3000 || avg > 4000 {
		t.Errorf("documents average %d bytes; want 3–4 KB like the seeds", avg)
	}
}

// TestLinked checks that the documents name one another: the corpus is
// one graph, not a thousand islands.
func TestLinked(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, 300, 2); err != nil {
		t.Fatal(err)
	}
	corpus, err := loader.Load(loader.Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	st := corpus.Graph.Stats()
	if corpus.NumDocuments != 300 || st.Components > 3 || len(corpus.Merges) == 0 {
		t.Errorf("%d documents, %d components, %d merges; want 300, a connected graph, names joined by rules",
			corpus.NumDocuments, st.Components, len(corpus.Merges))
	}
}
