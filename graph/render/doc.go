// Package render draws a selection of a career graph (a ladder, a path, a
// neighbourhood, the whole graph; see graph.Selection) as a picture.
//
// DOT builds the Graphviz source; it is deterministic and golden-tested,
// and every other format starts from it. SVG lays that source out with
// the Graphviz compiled to WebAssembly that go-graphviz embeds, so it
// needs no system install; that Graphviz starts with the first SVG, not
// with the program. Write picks the format from a file extension
// and sends PNG and PDF through the system's Graphviz dot program, whose
// raster output, unlike the embedded one's, has every line and glyph.
//
// The picture: documented roles are filled boxes, roles only mentioned
// are dashed outlines, the focus roles have a heavy border and a warm
// fill. Career moves are solid arrows, related (lateral) moves dashed
// lines without a direction. A path picture draws the cheapest route
// thick and red and the alternatives in a lighter red. Roles that share a
// rung of a career path sit side by side; the whole graph is grouped into
// boxes by classification. A title and a legend of what appears head the
// picture, and hovering over a role or a move in a browser shows where it
// was read (file:line).
//
// Node sizes come from this package's own estimate of the label width
// (DejaVu Sans metrics, East Asian wide characters a full em), not from
// Graphviz's, so labels fit their boxes in kana too.
package render
