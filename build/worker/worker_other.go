//go:build !js

package main

import (
	"cmp"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"

	"nexuslab/site/serve"
)

// serveWorker serves h on loopback, the stand-in for the Workers runtime
// when built natively.
func serveWorker(h http.Handler) error {
	addr := net.JoinHostPort("127.0.0.1", cmp.Or(os.Getenv("PORT"), "9900"))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	fmt.Printf("serving the Worker's routes natively at http://%s/\n", ln.Addr())
	if err := serve.NewServer(h).Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// assets serves the built site from disk, as the assets binding would.
func assets() http.Handler {
	return serve.Handler(os.DirFS(cmp.Or(os.Getenv("NEXUS_SITE"), "public")))
}
