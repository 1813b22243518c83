package serve

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestDownload writes exports of several sizes through a download: one
// that fits in what it holds goes out whole at the end; one larger goes
// out as it comes, its headers first; one that fails before anything
// went out leaves the answer to the caller; one that fails after aborts
// the response.
func TestDownload(t *testing.T) {
	header := func(h http.Header) { h.Set("Content-Disposition", "attachment") }
	chunk := bytes.Repeat([]byte("<node/>\n"), 4096) // 32 KiB
	failed := errors.New("export failed")
	for _, tt := range []struct {
		name   string
		chunks int
		err    error
		answer bool // the caller is to answer
		abort  bool
	}{
		{"small", 3, nil, false, false},
		{"large", 3 * downloadSpool / len(chunk), nil, false, false},
		{"fails early", 3, failed, true, false},
		{"fails late", 3 * downloadSpool / len(chunk), failed, false, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			d := &download{w: rec, header: header}
			var want []byte
			for i := range tt.chunks {
				if n, err := d.Write(chunk); n != len(chunk) || err != nil {
					t.Fatalf("Write: %d, %v", n, err)
				}
				want = append(want, chunk...)
				if sentBy := (i+1)*len(chunk) > downloadSpool; rec.Body.Len() > 0 != sentBy {
					t.Fatalf("after %d bytes: %d sent", (i+1)*len(chunk), rec.Body.Len())
				}
			}
			var answer, aborted bool
			func() {
				defer func() {
					if p := recover(); p != nil {
						if p != http.ErrAbortHandler {
							panic(p)
						}
						aborted = true
					}
				}()
				answer = d.finish(tt.err)
			}()
			if answer != tt.answer || aborted != tt.abort {
				t.Fatalf("finish: answer %v, aborted %v; want %v, %v", answer, aborted, tt.answer, tt.abort)
			}
			switch {
			case tt.answer:
				if rec.Body.Len() != 0 || rec.Header().Get("Content-Disposition") != "" {
					t.Errorf("a download that failed early sent %d bytes and headers %v", rec.Body.Len(), rec.Header())
				}
			case !tt.abort:
				if !bytes.Equal(rec.Body.Bytes(), want) {
					t.Errorf("sent %d bytes; want the %d written, in order", rec.Body.Len(), len(want))
				}
				if rec.Header().Get("Content-Disposition") != "attachment" {
					t.Errorf("headers %v; want those the download sets", rec.Header())
				}
			}
		})
	}
}

// goneWriter is a response whose client hung up: every write fails.
type goneWriter struct{ http.ResponseWriter }

func (goneWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

// TestDownloadClientGone: when the client hangs up once the download has
// begun, the export's writes fail, and finishing with that error neither
// answers again nor aborts (there is no one to tell).
func TestDownloadClientGone(t *testing.T) {
	d := &download{w: goneWriter{httptest.NewRecorder()}, header: func(http.Header) {}}
	chunk := bytes.Repeat([]byte("x"), downloadSpool+1)
	n, err := d.Write(chunk)
	if n != 0 || err == nil {
		t.Fatalf("Write to a client that is gone: %d, %v; want 0 and its error", n, err)
	}
	defer func() {
		if p := recover(); p != nil {
			t.Errorf("finish panicked with %v; want nothing done", p)
		}
	}()
	if d.finish(err) {
		t.Error("finish: the caller is to answer; want nothing more, the client is gone")
	}
}
