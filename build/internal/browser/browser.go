package browser

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// Env is a built site served on loopback and a running Chromium.
type Env struct {
	URL     string // base URL of the site, without a trailing slash
	Dir     string // the built site
	browser context.Context
	cleanup []func()
}

// Chromium returns the path of the Chromium to test with: $CHROME, or
// chromium or chromium-browser on the PATH.
func Chromium() (string, error) {
	if p := os.Getenv("CHROME"); p != "" {
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("headless Chromium is needed for the browser tests and was not found: install it with `sudo apt-get install -y chromium` (Debian, Ubuntu) or set CHROME to a Chrome or Chromium binary")
}

// Start builds the site from the repository at root into a temporary
// folder, serves it and starts Chromium. Call Close when done.
func Start(root string) (*Env, error) {
	exe, err := Chromium()
	if err != nil {
		return nil, err
	}
	env := &Env{}
	url, dir, stop, err := Serve(root, "")
	if err != nil {
		return nil, err
	}
	env.URL, env.Dir = url, dir
	env.cleanup = append(env.cleanup, stop)

	profile, err := os.MkdirTemp("", "nexus-chromium-")
	if err != nil {
		env.Close()
		return nil, err
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), Options(exe, profile, 1000, 700)...)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	env.browser = browser
	env.cleanup = append(env.cleanup, cancelBrowser, cancelAlloc, func() { removeRetry(profile) })
	// Start the browser now, on a context without a deadline: a deadline
	// on the first run would stop the whole browser.
	if err := chromedp.Do(browser); err != nil {
		env.Close()
		return nil, fmt.Errorf("start %s: %w", exe, err)
	}
	return env, nil
}

// Close stops Chromium and the server and removes the built site.
func (e *Env) Close() {
	for i := len(e.cleanup) - 1; i >= 0; i-- {
		e.cleanup[i]()
	}
	e.cleanup = nil
}

// Tab opens a new tab for t. When the test ends the tab closes and the
// test fails if the page logged an error, threw an uncaught exception or
// had a request fail, except for statuses listed in allow (such as a
// deliberate 404).
func (e *Env) Tab(t *testing.T, allow ...int) context.Context {
	t.Helper()
	tab, cancel := chromedp.NewContext(e.browser)
	ctx, cancelTimeout := context.WithTimeout(tab, 3*time.Minute)
	var mu sync.Mutex
	var problems []string
	add := func(s string) {
		mu.Lock()
		problems = append(problems, s)
		mu.Unlock()
	}
	err := chromedp.Listen(tab, func(ev any) {
		switch ev := ev.(type) {
		case *network.EventLoadingFailed:
			if !ev.Canceled {
				add(fmt.Sprintf("request failed: %s (%s)", ev.ErrorText, ev.Type))
			}
		case *network.EventResponseReceived:
			if ev.Response.Status >= 400 && !slices.Contains(allow, int(ev.Response.Status)) {
				add(fmt.Sprintf("HTTP %d for %s", ev.Response.Status, ev.Response.URL))
			}
		}
	})
	if err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	consoleCtx, stopConsole := context.WithCancel(tab)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range chromedp.Console(consoleCtx) {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				if m.Source == "network" && allowedNetwork(m.Text, allow) {
					continue
				}
				add(fmt.Sprintf("console %s", m))
			}
		}
	}()
	t.Cleanup(func() {
		// Let late messages arrive before judging the page.
		time.Sleep(200 * time.Millisecond)
		stopConsole()
		<-done
		cancelTimeout()
		cancel()
		mu.Lock()
		defer mu.Unlock()
		for _, p := range problems {
			t.Errorf("page problem: %s", p)
		}
	})
	return ctx
}

// allowedNetwork reports whether a network console error is about an
// allowed status, which the browser also logs.
func allowedNetwork(text string, allow []int) bool {
	for _, s := range allow {
		if strings.Contains(text, fmt.Sprintf("status of %d", s)) {
			return true
		}
	}
	return false
}

// removeRetry removes a Chromium profile, which child processes may still
// be writing for a moment after the browser stops.
func removeRetry(dir string) {
	for range 50 {
		if os.RemoveAll(dir) == nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}
