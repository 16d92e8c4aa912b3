package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"time"

	"nexuslab/build/internal/pipeline"
	"nexuslab/site"
	"nexuslab/site/serve"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("nexus serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	out := fs.String("out", "public", "output folder")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, "nexus:", err)
		return 1
	}
	url := "http://" + ln.Addr().String() + "/"
	if err := pipeline.Build(pipeline.Options{Out: *out, BaseURL: url}); err != nil {
		ln.Close()
		return report(stderr, err)
	}
	// The build's memory goes back to the system before serving for hours.
	debug.FreeOSMemory()
	srv := serve.NewServer(site.Handler(os.DirFS(*out)))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	fmt.Fprintf(stdout, "Nexus Lab is being served at %s (Ctrl+C to stop)\n", url)
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(stderr, "nexus:", err)
		return 1
	}
	return 0
}
