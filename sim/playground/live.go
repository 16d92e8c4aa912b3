package playground

// Active reports whether the network is training on its own: after the
// "play" action, until "play" again pauses it or training reaches
// MaxEpochs. Playing is not part of the URL state: a reload shows the
// epoch reached, paused.
func (m *Model) Active() bool { return m.playing && m.t.Epochs() < MaxEpochs }

// Advance trains one epoch while the model is active, whatever the time
// elapsed: called once a frame, that is about sixty epochs a second on a
// device that keeps up, and slower, never stalled, on one that does not.
func (m *Model) Advance(seconds float64) {
	if m.Active() {
		m.train(1)
	}
}
