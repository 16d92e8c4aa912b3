package playground

// Active reports whether the network is training on its own: after the
// "play" action, until "play" again pauses it or training reaches
// MaxEpochs, and while a Replay has epochs left. Playing is not part of
// the URL state: a reload shows the epoch reached, paused.
func (m *Model) Active() bool {
	return (m.playing || m.replaying()) && m.t.Epochs() < MaxEpochs
}

// Advance trains a chunk of a Replay, or else one epoch while playing,
// whatever the time elapsed: called once a frame, that is about sixty
// epochs a second on a device that keeps up, and slower, never stalled,
// on one that does not.
func (m *Model) Advance(seconds float64) {
	switch {
	case m.replaying():
		m.train(min(m.replayChunk(), m.replayTo-m.t.Epochs()))
	case m.Active():
		m.train(1)
	}
}
