package dataset

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
)

// Column describes one input of a Set. A stored value x stands for the
// quantity Offset + Scale·x in the column's unit; a zero Scale means 1.
type Column struct {
	Name   string  // short name for CSV headers and URLs, such as "soil_moisture"
	Label  string  // English label with the unit, also its message key
	Offset float64 // value in the unit when the stored value is 0
	Scale  float64 // units per stored unit; zero means 1
}

// Value returns the quantity, in the column's unit, that the stored value
// x stands for.
func (c Column) Value(x float64) float64 {
	if c.Scale == 0 {
		return c.Offset + x
	}
	return c.Offset + c.Scale*x
}

// Set is a labelled data set. Its zero value is empty.
type Set struct {
	Name       string    // name of the generator, such as "circle"
	Dim        int       // inputs per example
	X          []float64 // inputs, row-major: Len() rows of Dim values
	Y          []float64 // one label per example: 0 or 1, or a real value for regression
	Group      []int     // index into Groups per example, or nil
	Groups     []string  // names of the groups, or nil
	Columns    []Column  // Dim descriptions of the inputs
	Regression bool      // whether Y is real-valued rather than 0 or 1
	Unlabelled bool      // whether Y means nothing, as in sets for clustering
}

// Len returns the number of examples.
func (s *Set) Len() int { return len(s.Y) }

// Row returns the inputs of example i, sharing storage with X.
func (s *Set) Row(i int) []float64 { return s.X[i*s.Dim : i*s.Dim+s.Dim : i*s.Dim+s.Dim] }

// Subset returns a new set of the examples idx, in that order.
func (s *Set) Subset(idx []int) *Set {
	t := &Set{
		Name: s.Name, Dim: s.Dim, Groups: s.Groups, Columns: s.Columns, Regression: s.Regression, Unlabelled: s.Unlabelled,
		X: make([]float64, 0, len(idx)*s.Dim),
		Y: make([]float64, 0, len(idx)),
	}
	if s.Group != nil {
		t.Group = make([]int, 0, len(idx))
	}
	for _, i := range idx {
		t.X = append(t.X, s.Row(i)...)
		t.Y = append(t.Y, s.Y[i])
		if s.Group != nil {
			t.Group = append(t.Group, s.Group[i])
		}
	}
	return t
}

// Split shuffles the examples with rng and returns the first
// round(frac·Len()) of them as the training set and the rest as the test
// set. frac is clamped to [0, 1].
func Split(rng *rand.Rand, s *Set, frac float64) (train, test *Set) {
	idx := rng.Perm(s.Len())
	frac = math.Min(math.Max(frac, 0), 1)
	if math.IsNaN(frac) {
		frac = 0
	}
	k := int(math.Round(frac * float64(len(idx))))
	return s.Subset(idx[:k]), s.Subset(idx[k:])
}

// CSV returns the set as comma-separated values with a header line: the
// inputs in their units, then the label unless the set is unlabelled,
// then the group when there is one. Extra columns come after, each with its header and one value per
// example.
func (s *Set) CSV(extra ...CSVColumn) []byte {
	var b []byte
	for j, c := range s.Columns {
		if j > 0 {
			b = append(b, ',')
		}
		b = append(b, c.Name...)
	}
	if !s.Unlabelled {
		b = append(b, ",label"...)
	}
	if s.Group != nil {
		b = append(b, ",group"...)
	}
	for _, e := range extra {
		b = append(b, ',')
		b = append(b, e.Name...)
	}
	b = append(b, '\n')
	for i := range s.Len() {
		for j, v := range s.Row(i) {
			if j > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendFloat(b, round(s.Columns[j].Value(v)), 'g', -1, 64)
		}
		if !s.Unlabelled {
			b = append(b, ',')
			b = strconv.AppendFloat(b, round(s.Y[i]), 'g', -1, 64)
		}
		if s.Group != nil {
			b = append(b, ',')
			b = append(b, s.Groups[s.Group[i]]...)
		}
		for _, e := range extra {
			b = append(b, ',')
			b = append(b, e.Values[i]...)
		}
		b = append(b, '\n')
	}
	return b
}

// CSVColumn is a column added to Set.CSV.
type CSVColumn struct {
	Name   string   // header
	Values []string // one value per example, already formatted
}

// round keeps six significant digits: the data are synthetic, and more
// digits would only make the download larger.
func round(v float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 6, 64), 64)
	return f
}

// Check reports an error if the set is inconsistent: lengths that
// disagree, labels that are not 0 or 1 for classification, group indices
// out of range, or values that are not finite.
func (s *Set) Check() error {
	switch {
	case s.Dim < 0 || len(s.X) != len(s.Y)*s.Dim:
		return fmt.Errorf("dataset: %s has %d input values for %d examples of %d inputs", s.Name, len(s.X), len(s.Y), s.Dim)
	case len(s.Columns) != s.Dim:
		return fmt.Errorf("dataset: %s has %d column descriptions for %d inputs", s.Name, len(s.Columns), s.Dim)
	case s.Group != nil && len(s.Group) != len(s.Y):
		return fmt.Errorf("dataset: %s has %d groups for %d examples", s.Name, len(s.Group), len(s.Y))
	}
	for i, v := range s.X {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("dataset: %s example %d input %d is %v", s.Name, i/max(s.Dim, 1), i%max(s.Dim, 1), v)
		}
	}
	for i, y := range s.Y {
		if math.IsNaN(y) || math.IsInf(y, 0) || (!s.Regression && y != 0 && y != 1) {
			return fmt.Errorf("dataset: %s example %d has label %v", s.Name, i, y)
		}
	}
	for i, g := range s.Group {
		if g < 0 || g >= len(s.Groups) {
			return fmt.Errorf("dataset: %s example %d has group %d of %d", s.Name, i, g, len(s.Groups))
		}
	}
	return nil
}
