package playground

// Export returns the data to download, as CSV returns it, named after the
// simulation.
func (m *Model) Export() (name string, csv []byte) { return Name + ".csv", m.CSV() }
