package graph

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func packedDocs() []DocProfile {
	return []DocProfile{
		{File: "a.txt", Line: 1, Sections: []Section{
			{Key: SecSummary, Heading: "Summary", Line: 3, Text: "Keeps the files.\nAll of them."},
			{Key: SecTraits, Heading: "Traits", Line: 5, Items: []string{"Patient", "", "課長"}},
			{Key: SecStrengths, Heading: "Strengths", Line: 9, Aptitudes: []Aptitude{{"Focus", "long days"}, {"Calm", ""}}},
		}},
		{File: "b.md", Line: -1},
		{File: "c.txt", Line: 1 << 40, Sections: []Section{{Key: SecExtra, Heading: "Notes", Line: 2, Items: []string{"x"}}}},
	}
}

// packed returns what p.WritePacked writes.
func packed(t testing.TB, p *Profile) string {
	t.Helper()
	var b strings.Builder
	if err := p.WritePacked(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestPackedProfileRoundTrip(t *testing.T) {
	docs := packedDocs()
	tests := []struct {
		name string
		docs []DocProfile
	}{
		{"none", nil},
		{"one", docs[:1]},
		{"several", docs},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p Profile
			p.SetDocs(tt.docs...)
			got, err := p.Docs()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.docs, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("SetDocs then Docs (-want +got):\n%s", diff)
			}
			// Packed forms join: each document's, set together.
			joined := ""
			for _, dp := range tt.docs {
				joined += PackDocProfile(dp)
			}
			var q Profile
			q.SetPacked(joined, nil)
			if packed(t, &q) != packed(t, &p) {
				t.Errorf("joined packed documents differ from SetDocs's")
			}
		})
	}
}

func TestPackedProfileDamaged(t *testing.T) {
	docs := packedDocs()[:2]
	first := len(PackDocProfile(docs[0]))
	whole := PackDocProfile(docs[0]) + PackDocProfile(docs[1])
	// Cut short anywhere: the documents before the cut, and an error
	// unless the cut falls between documents.
	for cut := range len(whole) {
		got, err := unpackDocProfiles(whole[:cut])
		if boundary := cut == 0 || cut == first; (err == nil) != boundary {
			t.Errorf("cut at %d: error %v", cut, err)
		}
		if want := min(cut/first, 1); len(got) != want {
			t.Errorf("cut at %d: %d documents before the damage, want %d", cut, len(got), want)
		}
	}
	// Any byte changed: the checksum or the frame tells.
	for i := range len(whole) {
		b := []byte(whole)
		b[i] ^= 0x20
		got, err := unpackDocProfiles(string(b))
		if !errors.Is(err, ErrDamagedProfile) {
			t.Errorf("byte %d flipped: error %v", i, err)
		}
		if want := min(i/first, 1); len(got) > want {
			t.Errorf("byte %d flipped: %d documents, at most %d are whole", i, len(got), want)
		}
	}
	var p Profile
	p.SetPacked(whole[:len(whole)-1], nil)
	if got, err := p.Docs(); len(got) != 1 || !errors.Is(err, ErrDamagedProfile) {
		t.Errorf("Docs of damaged sections: %d documents, %v", len(got), err)
	}
}

func FuzzUnpackDocProfiles(f *testing.F) {
	f.Add(PackDocProfile(packedDocs()[0]))
	f.Add(PackDocProfile(packedDocs()[1]) + "\x05\x00")
	f.Fuzz(func(t *testing.T, s string) {
		docs, err := unpackDocProfiles(s)
		// ItemLists and Text read the frames with a parser of their
		// own (walkBody): it must read what unpackBody reads, damaged
		// or not.
		var q Profile
		q.SetPacked(s, nil)
		keys := []string{SecTraits, SecStrengths, SecExtra}
		if diff := cmp.Diff(itemsFromDocs(docs, keys), q.ItemLists(keys...)); diff != "" {
			t.Errorf("%q: ItemLists differs from the documents unpacked (-unpacked +ItemLists):\n%s", s, diff)
		}
		for _, key := range []string{SecSummary, SecDescription, SecExtra} {
			if got, want := q.Text(key), textFromDocs(docs, key); got != want {
				t.Errorf("%q: Text(%s) = %q; want %q, from the documents unpacked", s, key, got, want)
			}
		}
		if err != nil {
			return
		}
		var p Profile
		p.SetDocs(docs...)
		if packed(t, &p) != s {
			t.Errorf("%q: repacked differs", s)
		}
	})
}

// TestItemLists checks that the lists of several keys, read at once,
// are each what the documents Docs gives hold for the key: merged over the documents, each
// item once by normal form, aptitudes' items included, nil when none;
// a key asked for twice gets its list twice; a nil profile has none.
func TestItemLists(t *testing.T) {
	var p Profile
	p.SetDocs(
		DocProfile{File: "a.txt", Line: 1, Sections: []Section{
			{Key: SecTraits, Heading: "Personality Traits", Items: []string{"Calm", "Fair-minded"}},
			{Key: SecStrengths, Heading: "Aptitudes (Strengths Preferred)", Aptitudes: []Aptitude{{Item: "Patience", Reason: "tides"}}},
			{Key: SecTags, Heading: "Tags", Items: []string{"harbour"}},
		}},
		DocProfile{File: "b.txt", Line: 1, Sections: []Section{
			{Key: SecTraits, Heading: "Personality Traits", Items: []string{"CALM", "Patient"}},
			{Key: SecStrengths, Heading: "Aptitudes (Strengths Preferred)", Aptitudes: []Aptitude{{Item: "Stamina", Reason: "nights"}}},
		}},
	)
	keys := []string{SecTraits, SecStrengths, SecKeywords, SecTags, SecTraits}
	got := p.ItemLists(keys...)
	want := [][]string{{"Calm", "Fair-minded", "Patient"}, {"Patience", "Stamina"}, nil, {"harbour"}, {"Calm", "Fair-minded", "Patient"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ItemLists (-want +got):\n%s", diff)
	}
	docs, _ := p.Docs()
	if diff := cmp.Diff(itemsFromDocs(docs, keys), got); diff != "" {
		t.Errorf("ItemLists differs from the documents Docs gives (-Docs +ItemLists):\n%s", diff)
	}
	for i, k := range keys {
		if diff := cmp.Diff(got[i], p.Items(k)); diff != "" {
			t.Errorf("Items(%q) differs from ItemLists[%d] (-ItemLists +Items):\n%s", k, i, diff)
		}
	}
	var none *Profile
	if got := none.ItemLists(SecTraits, SecTags); len(got) != 2 || got[0] != nil || got[1] != nil {
		t.Errorf("nil profile: ItemLists = %q; want two nil lists", got)
	}
}

// TestItemListsDamaged reads the items and texts of packed sections cut
// short at every byte and with every byte changed: they are those of the
// documents that unpack, as Docs gives them, and none of the damaged
// one's, though ItemLists and Text read them in place without unpacking.
func TestItemListsDamaged(t *testing.T) {
	docs := []DocProfile{
		{File: "a.txt", Line: 1, Sections: []Section{
			{Key: SecDescription, Heading: "Description", Line: 2, Text: "Keeps the harbour."},
			{Key: SecTraits, Heading: "Traits", Line: 2, Items: []string{"Patient", "calm"}},
			{Key: SecStrengths, Heading: "Strengths", Line: 3, Aptitudes: []Aptitude{{"Focus", "long days"}}},
		}},
		{File: "b.txt", Line: 1, Sections: []Section{
			{Key: SecTraits, Heading: "Traits", Line: 2, Items: []string{"Calm", "Brave"}},
			{Key: SecStrengths, Heading: "Strengths", Line: 3, Aptitudes: []Aptitude{{"Stamina", "nights"}}},
			{Key: SecDescription, Heading: "Description", Line: 4, Text: "Watches the tides."},
		}},
	}
	whole := PackDocProfile(docs[0]) + PackDocProfile(docs[1])
	keys := []string{SecTraits, SecStrengths}
	want := func(got []DocProfile) [][]string { return itemsFromDocs(got, keys) }
	var damaged []string
	for cut := range len(whole) + 1 {
		damaged = append(damaged, whole[:cut])
	}
	for i := range len(whole) {
		b := []byte(whole)
		b[i] ^= 0x20
		damaged = append(damaged, string(b))
	}
	for _, s := range damaged {
		var p Profile
		p.SetPacked(s, nil)
		got, _ := p.Docs()
		if diff := cmp.Diff(want(got), p.ItemLists(keys...)); diff != "" {
			t.Errorf("%q: ItemLists (-from Docs +got):\n%s", s, diff)
		}
		if text, want := p.Text(SecDescription), textFromDocs(got, SecDescription); text != want {
			t.Errorf("%q: Text = %q; want %q, from Docs", s, text, want)
		}
	}
}

// itemsFromDocs is what ItemLists(keys...) is to give for the documents
// Docs gives: for each key, the items of its sections (the aptitudes'
// items after the section's own), each once by normal form, none whose
// normal form is empty, nil when none.
func itemsFromDocs(docs []DocProfile, keys []string) [][]string {
	out := make([][]string, len(keys))
	for i, k := range keys {
		seen := map[string]bool{}
		for _, d := range docs {
			for _, s := range d.Sections {
				if s.Key != k {
					continue
				}
				items := slices.Clone(s.Items)
				for _, a := range s.Aptitudes {
					items = append(items, a.Item)
				}
				for _, it := range items {
					if n := NormalName(it); n != "" && !seen[n] {
						seen[n] = true
						out[i] = append(out[i], it)
					}
				}
			}
		}
	}
	return out
}

// textFromDocs is Profile.Text read from the documents Docs gives: each
// text of a section with key once, joined by a blank line.
func textFromDocs(docs []DocProfile, key string) string {
	var parts []string
	for _, d := range docs {
		for _, s := range d.Sections {
			if s.Key == key && s.Text != "" && !slices.Contains(parts, s.Text) {
				parts = append(parts, s.Text)
			}
		}
	}
	return strings.Join(parts, "\n\n")
}

// reframe packs dp with one byte more (extra) or one fewer at the end of
// its body, under a checksum that matches: a frame whose checksum holds
// but whose body does not parse.
func reframe(dp DocProfile, extra bool) string {
	packed := PackDocProfile(dp)
	_, w := binary.Uvarint([]byte(packed))
	body := packed[w+4:]
	if extra {
		body += "x"
	} else {
		body = body[:len(body)-1]
	}
	head := binary.AppendUvarint(nil, uint64(len(body)))
	head = binary.LittleEndian.AppendUint32(head, crc32.Checksum([]byte(body), packTable))
	return string(head) + body
}

// TestItemListsFrames reads items and texts from frames Docs gives up on
// though their checksums hold, from items that normalise to nothing, an
// empty text and a text written twice, and checks that no item or text
// kept lies in the packed sections' memory.
func TestItemListsFrames(t *testing.T) {
	first := DocProfile{File: "a.txt", Line: 1, Sections: []Section{
		{Key: SecTraits, Heading: "Traits", Line: 2, Items: []string{"Calm", "  ", "", "・"}},
		{Key: SecDescription, Heading: "Description", Line: 3, Text: "Keeps the harbour."},
	}}
	bad := DocProfile{File: "b.txt", Line: 1, Sections: []Section{
		{Key: SecTraits, Heading: "Traits", Line: 2, Items: []string{"Brave"}},
		{Key: SecDescription, Heading: "Description", Line: 3, Text: "Sails."},
	}}
	third := DocProfile{File: "c.txt", Line: 1, Sections: []Section{
		{Key: SecTraits, Heading: "Traits", Line: 2, Items: []string{"Steady"}},
		{Key: SecDescription, Heading: "Description", Line: 3, Text: "Mends nets."},
		{Key: SecDescription, Heading: "Description", Line: 4, Text: ""},
		{Key: SecDescription, Heading: "Description", Line: 5, Text: "Keeps the harbour."}, // the first's again
	}}
	keys := []string{SecTraits}
	for _, packed := range []string{
		PackDocProfile(first) + PackDocProfile(bad) + PackDocProfile(third),
		PackDocProfile(first) + reframe(bad, true) + PackDocProfile(third),
		PackDocProfile(first) + reframe(bad, false) + PackDocProfile(third),
	} {
		var p Profile
		p.SetPacked(packed, nil)
		docs, _ := p.Docs()
		got := p.ItemLists(keys...)
		if diff := cmp.Diff(itemsFromDocs(docs, keys), got); diff != "" {
			t.Errorf("%q: ItemLists (-from Docs +got):\n%s", packed, diff)
		}
		text := p.Text(SecDescription)
		if want := textFromDocs(docs, SecDescription); text != want {
			t.Errorf("%q: Text = %q; want %q, from Docs", packed, text, want)
		}
		lo := uintptr(unsafe.Pointer(unsafe.StringData(packed)))
		for _, list := range append(got, []string{text}) {
			for _, it := range list {
				if at := uintptr(unsafe.Pointer(unsafe.StringData(it))); at >= lo && at < lo+uintptr(len(packed)) {
					t.Errorf("%q lies in the packed sections; want a copy", it)
				}
			}
		}
	}
}
