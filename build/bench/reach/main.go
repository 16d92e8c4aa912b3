// Command reach measures what a reader on a slow phone gets: Lighthouse's
// mobile scores for the home page and a case study, the compressed weight
// of those pages, and the time from pressing "Run simulation" until the
// simulation is ready over a throttled connection (1.6 Mbps down, 150 ms
// round trip, 4× CPU slowdown).
//
// Run it from the repository root: go run ./build/bench/reach
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"nexuslab/build/internal/browser"
)

const caseStudy = "/case-studies/entanglement-secure-public-services/"

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "reach:", err)
		os.Exit(1)
	}
}

func run() error {
	runs := flag.Int("runs", 3, "throttled sim loads to time; 0 skips them")
	built := flag.String("site", "", "measure this already built site instead of building one")
	flag.Parse()
	url, _, stop, err := browser.Serve(".", *built)
	if err != nil {
		return err
	}
	defer stop()
	chrome, err := browser.Chromium()
	if err != nil {
		return err
	}

	fmt.Println("Lighthouse, mobile (performance / accessibility / best practices / SEO):")
	for _, p := range []string{"/", caseStudy} {
		scores, err := lighthouse(chrome, url+p)
		if err != nil {
			return err
		}
		fmt.Printf("  %-58s %3.0f / %3.0f / %3.0f / %3.0f\n", p, scores[0], scores[1], scores[2], scores[3])
	}

	if *runs == 0 {
		return nil
	}
	loads, err := simReady(chrome, url+caseStudy, *runs)
	if err != nil {
		return err
	}
	fmt.Printf("Run simulation → ready, 1.6 Mbps / 150 ms RTT / 4× CPU (%d runs):", len(loads))
	for _, l := range loads {
		fmt.Printf(" %.1f s", l.ready.Seconds())
	}
	fmt.Println("  (target ≤ 15 s)")
	fmt.Print("  of which sims.wasm downloading:")
	for _, l := range loads {
		fmt.Printf(" %.1f s", l.download.Seconds())
	}
	fmt.Println()
	return nil
}

// lighthouse returns the four category scores, 0–100, for url in
// Lighthouse's default mobile configuration.
func lighthouse(chrome, url string) ([4]float64, error) {
	var scores [4]float64
	cli := filepath.Join("build", "node", "node_modules", "lighthouse", "cli", "index.js")
	profile, err := os.MkdirTemp("", "nexus-lh-")
	if err != nil {
		return scores, err
	}
	defer os.RemoveAll(profile)
	cmd := exec.Command("node", cli, url, "--quiet", "--output=json", "--output-path=stdout",
		"--only-categories=performance,accessibility,best-practices,seo",
		"--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --enable-unsafe-swiftshader --user-data-dir="+profile)
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chrome)
	cmd.Stderr = os.Stderr
	outb, err := cmd.Output()
	if err != nil {
		return scores, fmt.Errorf("lighthouse %s: %w", url, err)
	}
	var report struct {
		Categories map[string]struct {
			Score *float64 `json:"score"`
		} `json:"categories"`
	}
	if err := json.Unmarshal(outb, &report); err != nil {
		return scores, fmt.Errorf("lighthouse report: %w", err)
	}
	for i, c := range []string{"performance", "accessibility", "best-practices", "seo"} {
		s := report.Categories[c].Score
		if s == nil {
			return scores, fmt.Errorf("lighthouse gave no %s score for %s", c, url)
		}
		scores[i] = *s * 100
	}
	return scores, nil
}

// load is one timed start of a simulation.
type load struct {
	ready    time.Duration // from pressing Run simulation to data-sim-state=ready
	download time.Duration // from pressing it to the last byte of sims.wasm
}

// simReady opens the case study in a fresh browser with an empty cache
// on a throttled link, presses Run simulation and times until the
// figure's data-sim-state is ready.
func simReady(chrome, url string, runs int) ([]load, error) {
	var loads []load
	for range runs {
		profile, err := os.MkdirTemp("", "nexus-reach-chrome-")
		if err != nil {
			return nil, err
		}
		l, err := oneLoad(chrome, profile, url)
		os.RemoveAll(profile)
		if err != nil {
			return nil, err
		}
		loads = append(loads, l)
	}
	return loads, nil
}

func oneLoad(chrome, profile, url string) (load, error) {
	// A phone-sized window.
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), browser.Options(chrome, profile, 412, 823)...)
	defer cancel()
	ctx, cancelCtx := chromedp.NewContext(alloc)
	defer cancelCtx()
	throttle := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{
				Latency:            150,
				DownloadThroughput: 1.6e6 / 8,
				UploadThroughput:   750e3 / 8,
			}},
		}); err != nil {
			return err
		}
		// The page's emulated link does not slow requests its service
		// worker makes for it, so they go around the worker.
		if _, err := cdp.Call(ctx, t, network.SetBypassServiceWorker, network.SetBypassServiceWorkerParams{Bypass: true}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, t, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4})
		return err
	})
	if err := chromedp.Do(ctx, throttle, chromedp.Navigate(url)); err != nil {
		return load{}, err
	}
	clicked, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.now()`))
	if err != nil {
		return load{}, err
	}
	start := time.Now()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`figure[data-sim] button[data-action="load"]`))); err != nil {
		return load{}, err
	}
	wait, cancelWait := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelWait()
	state, err := chromedp.Run(wait, chromedp.Poll[string](`(() => { const s = document.querySelector('figure[data-sim]').dataset.simState; return (s === 'ready' || s === 'error') && s })()`, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(0)))
	if err != nil {
		return load{}, fmt.Errorf("waiting for the simulation: %w", err)
	}
	if state != "ready" {
		return load{}, errors.New("the simulation failed to start")
	}
	l := load{ready: time.Since(start)}
	// The figure on the case study starts the download (site.js).
	arrived, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(() => {
		const fig = document.querySelector('figure[data-sim]');
		const e = performance.getEntriesByName(new URL(fig.dataset.wasm, location.href).href)[0];
		return e ? e.responseEnd : -1;
	})()`))
	if err != nil {
		return load{}, fmt.Errorf("reading the download's timing: %w", err)
	}
	if arrived < 0 {
		return load{}, errors.New("the figure did not start downloading sims.wasm")
	}
	l.download = time.Duration((arrived - clicked) * float64(time.Millisecond))
	return l, nil
}
