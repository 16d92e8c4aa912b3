package views

import (
	"strconv"

	"nexuslab/sim"
)

// kmeansInput steps k-means from the keyboard and changes k with the
// up and down arrows.
var kmeansInput = func() Input {
	in := keyActions("", map[string]string{"ArrowRight": "step", "Enter": "run", " ": "run", "Home": "reset", "n": "restart", "N": "restart"})
	step := in.Handle
	in.Keys = "Right arrow: next half-step; Enter: run to the end; Home: back to the starting centroids; N: new starting centroids; up and down arrows: one cluster more or fewer."
	in.Handle = func(m sim.Model, ev Event, w, h float64) bool {
		if ev.Kind == Key && !ev.Ctrl && (ev.Key == "ArrowUp" || ev.Key == "ArrowDown") {
			q := m.Query()
			k, _ := strconv.Atoi(q.Get("k"))
			if ev.Key == "ArrowUp" {
				k++
			} else {
				k--
			}
			q.Set("k", strconv.Itoa(k))
			v, probs := m.Schema().Parse(q)
			if len(probs) > 0 {
				return false // already at the smallest or largest k
			}
			return m.Reset(v) == nil
		}
		return step(m, ev, w, h)
	}
	return in
}()
