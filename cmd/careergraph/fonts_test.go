package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestFontWarning checks that a picture drawing kana on a machine with no
// font for them says so, naming the package to install, and that a
// machine with such a font hears nothing. Fontconfig is pointed at an
// empty configuration for the first case.
func TestFontWarning(t *testing.T) {
	if _, err := exec.LookPath("fc-list"); err != nil {
		t.Skip("fc-list not found: install fontconfig to run this test")
	}
	dir := t.TempDir()
	empty := filepath.Join(dir, "fonts.conf")
	if err := os.WriteFile(empty, []byte("<?xml version=\"1.0\"?>\n<fontconfig></fontconfig>\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	svg := filepath.Join(dir, "ladder.svg")
	args := []string{"render", "ladder", "Labor union chairperson", "--reading", "-o", svg}

	stderr, code := runChild(t, []string{"FONTCONFIG_FILE=" + empty}, args...)
	if code != 0 || !strings.Contains(stderr, "warning: no installed font has") || !strings.Contains(stderr, "fonts-noto-cjk") {
		t.Errorf("with no fonts: exit %d, stderr %q; want a warning naming fonts-noto-cjk", code, stderr)
	}

	out, err := exec.Command("fc-list", ":lang=ja").Output()
	if err != nil || len(out) == 0 {
		t.Skip("no Japanese font installed: install fonts-noto-cjk to check the quiet case")
	}
	stderr, code = runChild(t, nil, args...)
	if code != 0 || strings.Contains(stderr, "warning") {
		t.Errorf("with a Japanese font: exit %d, stderr %q; want no warning", code, stderr)
	}
}
