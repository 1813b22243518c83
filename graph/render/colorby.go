package render

import (
	"fmt"
	"slices"
	"strconv"
)

// The values of Options.ColorBy: what a role's fill colour says.
const (
	ColorByDocumented = "documented" // documented or mentioned only (the default)
	ColorByClass      = "class"      // its classification
	ColorByLevel      = "level"      // its preparation level (e.g. O*NET Job Zone)
)

// ColorBys returns the values Options.ColorBy takes, the default first.
func ColorBys() []string { return []string{ColorByDocumented, ColorByClass, ColorByLevel} }

// classPalette holds fill and line colours for classes, in the order the
// classes sort; classes past its end share the last, "other", entry.
var classPalette = [][2]string{
	{"#dbe9f6", "#2f5d8a"}, // blue
	{"#dff0d8", "#3c763d"}, // green
	{"#fbe3d0", "#a0522d"}, // orange
	{"#e8dff5", "#5b3f8c"}, // purple
	{"#fdf2c4", "#8a6d00"}, // yellow
	{"#d9f2f2", "#23727a"}, // teal
	{"#f7dbe5", "#8c2f55"}, // pink
	{"#e6e6e6", "#555555"}, // other
}

// levelPalette holds fill and line colours for levels 1 to 5, light to
// dark: more preparation, deeper blue. A level above 5 takes level 5's.
var levelPalette = [][2]string{
	{"#eef5fb", "#5b7fa3"},
	{"#d3e5f5", "#46709a"},
	{"#a9cbe9", "#2f5d8a"},
	{"#7aaedb", "#1f4a73"},
	{"#4a8bc7", "#12314f"},
}

// colNoValue is the fill of a documented role without the coloured value.
const colNoValue = "#f4f4f4"

// colorNodes sets each node's fill and line for by and returns the legend
// items that explain them. Roles only mentioned keep their dashed look
// unless they carry the value.
func (d *drawing) colorNodes(by string) ([]legendItem, error) {
	switch by {
	case "", ColorByDocumented:
		return nil, nil
	case ColorByClass:
		return d.colorByClass(), nil
	case ColorByLevel:
		return d.colorByLevel(), nil
	}
	return nil, fmt.Errorf("render: colour by %q: unknown (known: %s, %s, %s)", by, ColorByDocumented, ColorByClass, ColorByLevel)
}

// colorByClass colours roles by their classification at the broadest
// level where the roles shown differ (the broadest, when they all agree).
func (d *drawing) colorByClass() []legendItem {
	depth := 0
	for _, n := range d.nodes {
		depth = max(depth, len(n.role.Classification))
	}
	level := 0
	for l := 0; l < depth; l++ {
		seen := map[string]bool{}
		for _, n := range d.nodes {
			if l < len(n.role.Classification) {
				seen[clean(n.role.Classification[l])] = true
			}
		}
		if len(seen) > 1 {
			level = l
			break
		}
	}
	var classes []string // in the legend: a focus keeps its own colour
	for _, n := range d.nodes {
		if level < len(n.role.Classification) && !n.focus {
			classes = append(classes, clean(n.role.Classification[level]))
		}
	}
	slices.Sort(classes)
	classes = slices.Compact(classes)
	colour := map[string][2]string{}
	var items []legendItem
	for i, c := range classes {
		p := classPalette[min(i, len(classPalette)-1)]
		colour[c] = p
		if i < len(classPalette)-1 {
			items = append(items, legendItem{text: c, attrs: fmt.Sprintf(`border="1" bgcolor="%s" color="%s"`, p[0], p[1])})
		} else if i == len(classPalette)-1 {
			items = append(items, legendItem{text: "other classes", attrs: fmt.Sprintf(`border="1" bgcolor="%s" color="%s"`, p[0], p[1])})
		}
	}
	none := false
	for i := range d.nodes {
		n := &d.nodes[i]
		if level < len(n.role.Classification) {
			if p, ok := colour[clean(n.role.Classification[level])]; ok {
				n.fill, n.line = p[0], p[1]
			}
		} else if n.role.Documented {
			n.fill, n.line = colNoValue, colDocLine
			none = none || !n.focus
		}
	}
	if none {
		items = append(items, legendItem{text: "no class", attrs: fmt.Sprintf(`border="1" bgcolor="%s" color="%s"`, colNoValue, colDocLine)})
	}
	return items
}

// colorByLevel colours roles by their level, 1 to 5.
func (d *drawing) colorByLevel() []legendItem {
	used := make([]bool, len(levelPalette))
	none := false
	for i := range d.nodes {
		n := &d.nodes[i]
		switch l := n.role.Level; {
		case l >= 1:
			k := min(l, len(levelPalette)) - 1
			n.fill, n.line = levelPalette[k][0], levelPalette[k][1]
			used[k] = used[k] || !n.focus // a focus keeps its own colour
		case n.role.Documented:
			n.fill, n.line = colNoValue, colDocLine
			none = none || !n.focus
		}
	}
	var items []legendItem
	for k, ok := range used {
		if ok {
			text := "level " + strconv.Itoa(k+1)
			items = append(items, legendItem{text: text, attrs: fmt.Sprintf(`border="1" bgcolor="%s" color="%s"`, levelPalette[k][0], levelPalette[k][1])})
		}
	}
	if none {
		items = append(items, legendItem{text: "level unknown", attrs: fmt.Sprintf(`border="1" bgcolor="%s" color="%s"`, colNoValue, colDocLine)})
	}
	return items
}
