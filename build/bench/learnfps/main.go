// Command learnfps measures how smoothly the neural-network playground
// redraws while it trains in Chromium: it builds the site, opens the
// playground's embed page in headless Chromium for each network below,
// presses Play, and for a few seconds counts the animation frames the page
// draws and the epochs the network trains. While the model is live the
// page redraws the decision surface, the network and the losses on every
// frame, so the frame rate is that of the redraw.
//
// Software GL in a headless browser on a shared machine is slower than a
// phone's GPU; the numbers compare networks and changes, not devices.
//
// Run it from the repository root: go run ./build/bench/learnfps
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/chromedp/chromedp"

	"nexuslab/build/internal/browser"
)

// nets are the playground states measured, from the default network to
// the largest one the controls allow.
var nets = []struct{ name, query string }{
	{"default 2-4-2-1, circle", "dataset=circle"},
	{"2-8-8-1, spiral", "dataset=spiral&layers=2&n1=8&n2=8"},
	{"largest 7-8-8-8-8-8-8-1, spiral, batch 1", "dataset=spiral&layers=6&n1=8&n2=8&n3=8&n4=8&n5=8&n6=8&x1sq=true&x2sq=true&x1x2=true&sinx1=true&sinx2=true&batch=1"},
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "learnfps:", err)
		os.Exit(1)
	}
}

func run() error {
	seconds := flag.Float64("seconds", 5, "how long to count frames for each network")
	built := flag.String("site", "", "measure this already built site instead of building one")
	flag.Parse()
	url, _, stop, err := browser.Serve(".", *built)
	if err != nil {
		return err
	}
	defer stop()
	exe, err := browser.Chromium()
	if err != nil {
		return err
	}
	profile, err := os.MkdirTemp("", "nexus-learnfps-chromium-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	// The embed snippet's size.
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), browser.Options(exe, profile, 800, 520)...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()
	if err := chromedp.Do(bctx); err != nil {
		return fmt.Errorf("start %s: %w", exe, err)
	}

	fmt.Printf("Playground redraw while training, headless Chromium with software GL, 800×520, %.0f s each:\n", *seconds)
	// Paused, the page draws nothing new: the frame rate the browser
	// gives an idle page, for reference.
	idle, _, err := measure(bctx, url+"/embed/playground/", *seconds, false)
	if err != nil {
		return fmt.Errorf("paused: %w", err)
	}
	fmt.Printf("  %-42s %6.1f frames/s\n", "paused (no redraw)", idle)
	for _, n := range nets {
		fps, eps, err := measure(bctx, url+"/embed/playground/?"+n.query, *seconds, true)
		if err != nil {
			return fmt.Errorf("%s: %w", n.name, err)
		}
		fmt.Printf("  %-42s %6.1f frames/s  %6.1f epochs/s\n", n.name, fps, eps)
	}
	return nil
}

// counter counts animation frames for SECONDS, with the network training
// when PLAY is true, and resolves to the frame rate and the epochs trained
// per second. Pausing makes the page describe the epoch reached at once;
// the page opens at epoch 0.
const counter = `new Promise(resolve => {
	const play = () => document.querySelector('button[data-action="play"]').click();
	if (PLAY) play();
	let frames = 0;
	const t0 = performance.now();
	const tick = now => {
		if (now - t0 < SECONDS * 1000) { frames++; requestAnimationFrame(tick); return; }
		let epochs = 0;
		if (PLAY) {
			play();
			const m = document.querySelector('[data-sim-description]').textContent.match(/^Epoch (\d+)/);
			epochs = m ? +m[1] : 0;
		}
		const s = (performance.now() - t0) / 1000;
		resolve([frames / ((now - t0) / 1000), epochs / s]);
	};
	requestAnimationFrame(tick);
})`

// measure opens url, waits until the simulation is ready and counts.
func measure(bctx context.Context, url string, seconds float64, play bool) (fps, eps float64, err error) {
	tab, cancel := chromedp.NewContext(bctx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(tab, 3*time.Minute)
	defer cancelTimeout()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return 0, 0, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](`document.body.dataset.simState === 'ready'`)); err != nil {
		return 0, 0, fmt.Errorf("waiting for the simulation: %w", err)
	}
	js := fmt.Sprintf("((SECONDS, PLAY) => %s)(%g, %t)", counter, seconds, play)
	r, err := chromedp.Run(ctx, chromedp.Evaluate[[2]float64](js, chromedp.EvalAwaitPromise))
	if err != nil {
		return 0, 0, err
	}
	return r[0], r[1], nil
}
