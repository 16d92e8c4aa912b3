package simtest

import (
	"net/url"
	"testing"

	"nexuslab/sim"
)

// Values parses query with s and fails t if the query does not parse or
// any value had to be corrected: a test's query must mean what it says.
func Values(t testing.TB, s sim.Schema, query string) sim.Values {
	t.Helper()
	q, err := url.ParseQuery(query)
	if err != nil {
		t.Fatalf("query %q: %v", query, err)
	}
	v, probs := s.Parse(q)
	if len(probs) > 0 {
		t.Fatalf("query %q: corrected %v", query, probs)
	}
	return v
}

// Reset resets m with the values of query, failing t on any error.
func Reset(t testing.TB, m sim.Model, query string) {
	t.Helper()
	if err := m.Reset(Values(t, m.Schema(), query)); err != nil {
		t.Fatalf("Reset(%q): %v", query, err)
	}
}
