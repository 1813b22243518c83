package main

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"careergraph/cmd/careergraph/internal/wire"
	"careergraph/cmd/careergraph/serve"
	"careergraph/loader"
)

// TestJSONErrors: with --json, a question that cannot be answered prints
// the error as JSON on stdout, as the server answers the same question
// (same message but for the server naming the parameter, same
// candidates), and the message on stderr, with exit code 2. An answer
// that found nothing stays an answer.
func TestJSONErrors(t *testing.T) {
	seeds, err := loader.LoadSeeds()
	if err != nil {
		t.Fatal(err)
	}
	api := serve.NewHandler(seeds)
	tests := []struct {
		args   []string
		target string // the same question of the server; "" for none
		param  string // the parameter the server names
	}{
		{[]string{"path", "Secton Chief", "Division Director", "--json"}, "/api/path?from=Secton+Chief&to=Division+Director", "from"},
		{[]string{"path", "Section Chief", "Nobody Like This Xyzzy", "--json"}, "/api/path?from=Section+Chief&to=Nobody+Like+This+Xyzzy", "to"},
		{[]string{"show", "Chief", "--json"}, "/api/roles/Chief", "role"},
		{[]string{"ladder", "Sectoin Cheif", "--json"}, "/api/ladder/Sectoin%20Cheif", "role"},
		{[]string{"reach", "Mayr", "--json"}, "/api/reach/Mayr", "role"},
		{[]string{"path", "Section Chief", "Division Director", "--k", "0", "--json"}, "", ""},
		{[]string{"gap", "Section Chief", "--json"}, "", ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			stdout, stderr, code := runApp(t, tt.args...)
			var got wire.Error
			if err := json.Unmarshal([]byte(stdout), &got); err != nil || got.Error == "" || got.Candidates == nil {
				t.Fatalf("stdout %q (%v); want {\"error\": …, \"candidates\": […]}", stdout, err)
			}
			if code != exitBadInput || !strings.HasPrefix(stderr, "careergraph: ") {
				t.Errorf("exit %d, stderr %q; want %d and the message", code, stderr, exitBadInput)
			}
			if tt.target == "" {
				return
			}
			req := httptest.NewRequest("GET", tt.target, nil)
			req.Host = "127.0.0.1:7878"
			rec := httptest.NewRecorder()
			api.ServeHTTP(rec, req)
			var want wire.Error
			if err := json.Unmarshal(rec.Body.Bytes(), &want); err != nil {
				t.Fatalf("GET %s: %v: %s", tt.target, err, rec.Body)
			}
			if tt.param+": "+got.Error != want.Error || strings.Join(got.Candidates, "|") != strings.Join(want.Candidates, "|") {
				t.Errorf("--json error %+v; want the server's %+v, less %q", got, want, tt.param+": ")
			}
		})
	}
	if stdout, _, code := runApp(t, "path", "Section Chief", "Passed National Public Service Examination (Category I)", "--json"); code != exitNoAnswer || strings.Contains(stdout, `"error"`) {
		t.Errorf("no route with --json: exit %d, stdout %s; want %d and the answer with its reason", code, stdout, exitNoAnswer)
	}
}
