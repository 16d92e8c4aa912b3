package fairness

// Export returns the data to download, as CSV returns it, named after the
// simulation, and for the learner's file after the audit.
func (m *Model) Export() (name string, csv []byte) {
	if m.Source() == OwnCSV {
		return Name + "-audit.csv", m.CSV()
	}
	return Name + ".csv", m.CSV()
}
