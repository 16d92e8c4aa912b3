package serve

import (
	"net/http"
	"time"
)

// NewServer returns an http.Server for h with limits that keep slow or
// hostile clients from holding it: a client has ReadHeaderTimeout to send
// its request headers, which may not exceed MaxHeaderBytes, and an idle
// kept-alive connection is closed after IdleTimeout. There is no overall
// write timeout, because a learner on a slow link may need minutes for the
// simulation program; Handler instead drops a client that stops reading.
func NewServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		// Requests carry no body; this bounds one that pretends to.
		ReadTimeout:    30 * time.Second,
		IdleTimeout:    60 * time.Second,
		MaxHeaderBytes: 32 << 10,
	}
}
