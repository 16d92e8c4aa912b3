package views

import (
	"slices"

	"nexuslab/sim"
)

// keyActions returns the canvas input that maps keys to a model's
// actions, for simulations whose canvas only needs buttons' shortcuts.
func keyActions(keys string, actions map[string]string) Input {
	return Input{
		Keys: keys,
		Handle: func(m sim.Model, ev Event, w, h float64) bool {
			if ev.Kind != Key || ev.Ctrl {
				return false
			}
			a, ok := actions[ev.Key]
			if !ok || !slices.ContainsFunc(m.Actions(), func(x sim.Action) bool { return x.Name == a }) {
				return false
			}
			return m.Do(a) == nil
		},
	}
}

// playgroundInput trains the network from the keyboard.
var playgroundInput = keyActions(
	"Space: play or pause; right arrow: one epoch; Enter: 100 epochs; Home: reset the weights; N: new data.",
	map[string]string{" ": "play", "ArrowRight": "step", "Enter": "run", "Home": "reset", "n": "regenerate", "N": "regenerate"},
)
