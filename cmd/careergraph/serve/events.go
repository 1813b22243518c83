package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// broker fans reload events out to every page listening on /api/events.
type broker struct {
	mu     sync.Mutex
	subs   map[chan []byte]struct{}
	done   chan struct{}
	closed bool
}

func newBroker() *broker {
	return &broker{subs: map[chan []byte]struct{}{}, done: make(chan struct{})}
}

func (b *broker) subscribe() (chan []byte, func()) {
	ch := make(chan []byte, 4)
	b.mu.Lock()
	b.subs[ch] = struct{}{}
	b.mu.Unlock()
	return ch, func() {
		b.mu.Lock()
		delete(b.subs, ch)
		b.mu.Unlock()
	}
}

// publish sends msg to every subscriber; one too slow to take it misses
// it (its page refreshes on the next event or by itself).
func (b *broker) publish(msg []byte) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		select {
		case ch <- msg:
		default:
		}
	}
}

// close ends every stream, so that a shutdown need not wait for them.
func (b *broker) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.closed {
		b.closed = true
		close(b.done)
	}
}

// reloadEventJSON is the data of a "reload" event.
type reloadEventJSON struct {
	OK         bool   `json:"ok"`
	Generation uint64 `json:"generation"`
	Error      string `json:"error,omitempty"` // why the reload failed
	Errors     int    `json:"errors"`          // problems of the documents served
	Warnings   int    `json:"warnings"`
}

func reloadEvent(snap *snapshot, failure string) []byte {
	ev := reloadEventJSON{OK: failure == "", Error: failure}
	if snap != nil {
		ev.Generation = snap.gen
		ev.Errors, ev.Warnings = snap.corpus.Errors(), snap.corpus.Warnings()
	}
	data, _ := json.Marshal(ev)
	return []byte(fmt.Sprintf("event: reload\ndata: %s\n\n", data))
}

// serveEvents streams server-sent events: "hello" with the generation
// served on connecting, "reload" after each reload, a comment every 25
// seconds to keep the connection alive.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	rc.SetWriteDeadline(time.Time{}) // a stream outlives the write timeout
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	ch, unsubscribe := s.events.subscribe()
	defer unsubscribe()
	snap := s.cur.Load()
	fmt.Fprintf(w, "retry: 2000\nevent: hello\ndata: {\"generation\":%d}\n\n", snap.gen)
	if err := rc.Flush(); err != nil {
		return
	}
	tick := time.NewTicker(25 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.events.done:
			return
		case msg := <-ch:
			if _, err := w.Write(msg); err != nil {
				return
			}
		case <-tick.C:
			if _, err := fmt.Fprint(w, ": keep-alive\n\n"); err != nil {
				return
			}
		}
		if err := rc.Flush(); err != nil {
			return
		}
	}
}
