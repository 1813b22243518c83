package serve

import "net/http"

// downloadSpool is how much of an export a download holds before it
// answers: far more than any export that fails (a Mermaid chart of too
// many moves fails before it writes), far less than a large corpus's.
const downloadSpool = 1 << 20

// download writes an export to w as it is made. It holds the first
// downloadSpool bytes before it answers, so that an export that fails
// early is answered with its error; past them it sends the headers (set
// by header) and the rest goes out as it comes, so that the whole graph
// of a large corpus is never held as one file in memory (its node-link
// JSON at 100k documents: 613 MB).
type download struct {
	w      http.ResponseWriter
	header func(http.Header)
	buf    []byte
	sent   bool  // the headers and the held bytes went out
	err    error // writing to w failed: the client is gone
}

// Write holds or sends p.
func (d *download) Write(p []byte) (int, error) {
	if d.err != nil {
		return 0, d.err
	}
	if !d.sent && len(d.buf)+len(p) <= downloadSpool {
		d.buf = append(d.buf, p...)
		return len(p), nil
	}
	if !d.sent {
		d.send()
		if d.err != nil {
			return 0, d.err
		}
	}
	n, err := d.w.Write(p)
	d.err = err
	return n, err
}

// send sends the headers and what is held.
func (d *download) send() {
	d.header(d.w.Header())
	d.sent = true
	_, d.err = d.w.Write(d.buf)
	d.buf = nil
}

// finish ends a download whose export returned err. It reports whether
// the caller is still to answer: err is not nil and nothing went out, so
// an error can be the answer. When the export failed after the download
// began, it aborts the response (http.ErrAbortHandler), so that the
// browser reports the download as failed rather than keeping a file cut
// short.
func (d *download) finish(err error) (answer bool) {
	switch {
	case err == nil && !d.sent:
		d.send()
	case err != nil && !d.sent:
		return true
	case err != nil && d.err == nil:
		panic(http.ErrAbortHandler)
	}
	return false
}
