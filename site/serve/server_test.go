package serve

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// liveServer is the handler behind NewServer on a loopback port, over a
// site with a large incompressible file, counting open connections.
type liveServer struct {
	addr  string
	big   []byte
	open  atomic.Int64
	srv   *http.Server
	close func()
}

// bound is how long any single wait in these tests may take before the
// test fails: a hang detector, not a performance requirement.
const bound = 60 * time.Second

func startServer(t *testing.T, tune func(*http.Server)) *liveServer {
	t.Helper()
	dir := t.TempDir()
	big := make([]byte, 4<<20)
	if _, err := rand.Read(big); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"index.html":                  []byte("<p>home</p>"),
		"404.html":                    []byte("<p>not here</p>"),
		"assets/sims.0123456789.wasm": big,
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &liveServer{addr: ln.Addr().String(), big: big}
	s.srv = NewServer(Handler(os.DirFS(dir)))
	s.srv.ConnState = func(_ net.Conn, st http.ConnState) {
		switch st {
		case http.StateNew:
			s.open.Add(1)
		case http.StateClosed, http.StateHijacked:
			s.open.Add(-1)
		}
	}
	if tune != nil {
		tune(s.srv)
	}
	done := make(chan error, 1)
	go func() { done <- s.srv.Serve(ln) }()
	s.close = func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = s.srv.Shutdown(ctx)
		_ = s.srv.Close()
		if err := <-done; err != http.ErrServerClosed {
			t.Errorf("Serve: %v", err)
		}
	}
	t.Cleanup(s.close)
	return s
}

// healthy fetches the home page and the large file on fresh connections
// and checks both arrive whole: the server is up and serving correctly.
func (s *liveServer) healthy(t *testing.T) {
	t.Helper()
	c := &http.Client{Timeout: bound, Transport: &http.Transport{DisableKeepAlives: true}}
	for _, want := range []struct {
		path string
		body []byte
	}{{"/", []byte("<p>home</p>")}, {"/assets/sims.0123456789.wasm", s.big}} {
		resp, err := c.Get("http://" + s.addr + want.path)
		if err != nil {
			t.Fatalf("GET %s after the faults: %v", want.path, err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != 200 || !bytes.Equal(body, want.body) {
			t.Fatalf("GET %s after the faults: %d, %d bytes, %v; want 200 and %d bytes", want.path, resp.StatusCode, len(body), err, len(want.body))
		}
	}
}

// waitOpen waits until at most n connections remain open on the server.
func (s *liveServer) waitOpen(t *testing.T, n int64) {
	t.Helper()
	deadline := time.Now().Add(bound)
	for s.open.Load() > n {
		if time.Now().After(deadline) {
			t.Fatalf("%d connections still open on the server; want at most %d", s.open.Load(), n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func dial(t *testing.T, addr string) net.Conn {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, bound)
	if err != nil {
		t.Fatal(err)
	}
	_ = c.SetDeadline(time.Now().Add(bound))
	return c
}

func TestServerClientDisconnectsMidDownload(t *testing.T) {
	s := startServer(t, nil)
	for range 5 {
		c := dial(t, s.addr)
		fmt.Fprintf(c, "GET /assets/sims.0123456789.wasm HTTP/1.1\r\nHost: x\r\n\r\n")
		if _, err := io.ReadFull(c, make([]byte, 64<<10)); err != nil {
			t.Fatalf("reading the start of the download: %v", err)
		}
		// An abortive close, as when a phone loses its signal.
		if tc, ok := c.(*net.TCPConn); ok {
			_ = tc.SetLinger(0)
		}
		c.Close()
	}
	s.waitOpen(t, 0)
	s.healthy(t)
}

func TestServerThousandSlowClients(t *testing.T) {
	// Long enough that no slow client is dropped before all are attached
	// on a busy machine; dropping them is TestServerDropsIdleHeaderSenders.
	s := startServer(t, func(srv *http.Server) { srv.ReadHeaderTimeout, srv.ReadTimeout = bound, bound })
	const n = 1000
	var wg sync.WaitGroup
	conns := make([]net.Conn, 0, n)
	stop := make(chan struct{})
	for i := range n {
		c := dial(t, s.addr)
		conns = append(conns, c)
		if i%2 == 0 {
			// Half send their request a few bytes at a time and never
			// finish it.
			wg.Go(func() {
				for _, b := range []byte("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ") {
					select {
					case <-stop:
						return
					case <-time.After(50 * time.Millisecond):
					}
					if _, err := c.Write([]byte{b}); err != nil {
						return
					}
				}
			})
			continue
		}
		// The other half ask for the large file and read it a trickle.
		if tc, ok := c.(*net.TCPConn); ok {
			_ = tc.SetReadBuffer(4 << 10)
		}
		fmt.Fprintf(c, "GET /assets/sims.0123456789.wasm HTTP/1.1\r\nHost: x\r\n\r\n")
		wg.Go(func() {
			buf := make([]byte, 512)
			for {
				select {
				case <-stop:
					return
				case <-time.After(100 * time.Millisecond):
				}
				if _, err := c.Read(buf); err != nil {
					return
				}
			}
		})
	}
	// Wait until the server holds all of them at once.
	deadline := time.Now().Add(bound)
	for s.open.Load() < n {
		if time.Now().After(deadline) {
			t.Fatalf("the server holds %d of the %d slow clients", s.open.Load(), n)
		}
		time.Sleep(10 * time.Millisecond)
	}
	// With all of them attached, others are served whole.
	s.healthy(t)
	close(stop)
	for _, c := range conns {
		c.Close()
	}
	wg.Wait()
	s.waitOpen(t, 0)
	s.healthy(t)
}

func TestServerDropsIdleHeaderSenders(t *testing.T) {
	s := startServer(t, func(srv *http.Server) { srv.ReadHeaderTimeout = 200 * time.Millisecond })
	c := dial(t, s.addr)
	defer c.Close()
	fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: x\r\n")
	// The server gives up on the unfinished request and closes.
	if _, err := io.ReadAll(c); err != nil {
		t.Fatalf("waiting for the server to drop a stalled request: %v", err)
	}
	s.healthy(t)
}

func TestServerMalformedRequests(t *testing.T) {
	s := startServer(t, nil)
	cases := []struct {
		name, raw string
		status    string // expected status code, "" when the server may just close
	}{
		{"garbage", "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 not http\r\n\r\n", "400"},
		{"no version", "GET /\r\n\r\n", "400"},
		{"bad version", "GET / HTTP/9.9\r\nHost: x\r\n\r\n", "505"},
		{"no host", "GET / HTTP/1.1\r\n\r\n", "400"},
		{"bad escape", "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n", "400"},
		{"traversal", "GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", "400"},
		{"encoded traversal", "GET /assets/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", "400"},
		{"encoded nul", "GET /index.html%00 HTTP/1.1\r\nHost: x\r\n\r\n", "400"},
		{"raw nul", "GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n", "400"},
		{"long url", "GET /" + strings.Repeat("a", MaxURI) + " HTTP/1.1\r\nHost: x\r\n\r\n", "414"},
		{"huge headers", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("b", 64<<10) + "\r\n\r\n", "431"},
		{"post with body", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello", "405"},
		{"bad content length", "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", "400"},
		{"two content lengths", "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", "400"},
		// The handler reads no body: it answers, then the connection ends.
		{"bad chunking", "GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "200"},
		{"header without colon", "GET / HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n", "400"},
		{"bad range", "GET /assets/sims.0123456789.wasm HTTP/1.1\r\nHost: x\r\nRange: bytes=9999999999-\r\n\r\n", "416"},
		// Overlapping ranges adding up to more than the file are ignored.
		{"many ranges", "GET /assets/sims.0123456789.wasm HTTP/1.1\r\nHost: x\r\nRange: bytes=" + strings.Repeat("0-1000000,", 200) + "0-1\r\n\r\n", "200"},
		{"absolute form", "GET http://elsewhere.example/ HTTP/1.1\r\nHost: x\r\n\r\n", "200"},
		{"truncated", "GET / HT", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			conn := dial(t, s.addr)
			defer conn.Close()
			if _, err := io.WriteString(conn, c.raw); err != nil {
				t.Fatal(err)
			}
			if c.status == "" {
				_ = conn.(*net.TCPConn).CloseWrite()
			}
			line, err := bufio.NewReader(conn).ReadString('\n')
			if c.status == "" {
				if err == nil && !strings.HasPrefix(line, "HTTP/1.1 4") {
					t.Errorf("got %q; want a 4xx or a closed connection", line)
				}
			} else if !strings.HasPrefix(line, "HTTP/1.1 "+c.status) {
				t.Errorf("status line %q, %v; want %s", line, err, c.status)
			}
			s.healthy(t)
		})
	}
	// Two requests in one write are answered in order.
	conn := dial(t, s.addr)
	defer conn.Close()
	fmt.Fprintf(conn, "GET /nope HTTP/1.1\r\nHost: x\r\n\r\nHEAD / HTTP/1.1\r\nHost: x\r\n\r\n")
	br := bufio.NewReader(conn)
	for _, want := range []struct {
		method string
		status int
	}{{"GET", 404}, {"HEAD", 200}} {
		resp, err := http.ReadResponse(br, &http.Request{Method: want.method})
		if err != nil || resp.StatusCode != want.status {
			t.Fatalf("pipelined %s: %v %v; want %d", want.method, resp, err, want.status)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}
