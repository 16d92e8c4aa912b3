package dataset_test

import (
	"bytes"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"nexuslab/sim/learn/dataset"
)

func TestPlaneSets(t *testing.T) {
	for _, name := range dataset.PlaneNames() {
		for _, noise := range []float64{0, 0.5} {
			a, err := dataset.Generate(rand.New(rand.NewPCG(1, 1)), name, 301, noise)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := dataset.Generate(rand.New(rand.NewPCG(1, 1)), name, 301, noise)
			if err := a.Check(); err != nil {
				t.Error(err)
			}
			if a.Len() != 301 || a.Dim != 2 {
				t.Errorf("%s: got %d points of %d inputs want: 301 of 2", name, a.Len(), a.Dim)
			}
			if !slices.Equal(a.X, b.X) || !slices.Equal(a.Y, b.Y) {
				t.Errorf("%s: same seed gave different sets", name)
			}
			for i, v := range a.X {
				if math.Abs(v) > 2*dataset.Extent {
					t.Errorf("%s: coordinate %d is %v, far outside the square", name, i, v)
					break
				}
			}
			if !a.Regression {
				ones := 0
				for _, y := range a.Y {
					ones += int(y)
				}
				if ones == 0 || ones == a.Len() {
					t.Errorf("%s: %d of %d labels are 1", name, ones, a.Len())
				}
			}
		}
	}
	if _, err := dataset.Generate(rand.New(rand.NewPCG(1, 1)), "moons", 10, 0); err == nil {
		t.Error("Generate(moons) got: nil want: an error")
	}
}

func TestCropRule(t *testing.T) {
	s := dataset.Crop(rand.New(rand.NewPCG(1, 1)), 1000, 0)
	for i := range s.Len() {
		theta, temp := s.Columns[0].Value(s.X[2*i]), s.Columns[1].Value(s.X[2*i+1])
		if theta < 5-1e-9 || theta > 45+1e-9 || temp < 20-1e-9 || temp > 42+1e-9 {
			t.Fatalf("reading %d: moisture %v, temperature %v out of range", i, theta, temp)
		}
		if want := theta < dataset.CropThreshold(temp); (s.Y[i] == 1) != want {
			t.Fatalf("reading %d: moisture %v at %v °C labelled %v", i, theta, temp, s.Y[i])
		}
	}
}

func TestScreeningRates(t *testing.T) {
	s := dataset.Screening(rand.New(rand.NewPCG(1, 1)), dataset.ScreeningConfig{N: 40000, ShareB: 0.5, BaseA: 0.3, BaseB: 0.1, Shift: 1})
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	var n, sick [2]float64
	var reading [2][2]float64
	for i := range s.Len() {
		g, y := s.Group[i], int(s.Y[i])
		n[g]++
		sick[g] += s.Y[i]
		reading[g][y] += s.X[2*i]
	}
	for g, want := range []float64{0.3, 0.1} {
		if got := sick[g] / n[g]; math.Abs(got-want) > 0.015 {
			t.Errorf("group %s base rate got: %v want: %v", s.Groups[g], got, want)
		}
	}
	// Healthy readings average 0 in A and −Shift in B.
	healthyA := reading[0][0] / (n[0] - sick[0])
	healthyB := reading[1][0] / (n[1] - sick[1])
	if math.Abs(healthyA) > 0.05 || math.Abs(healthyB+1) > 0.05 {
		t.Errorf("healthy mean readings got: %v and %v want: 0 and −1", healthyA, healthyB)
	}
}

func TestDistricts(t *testing.T) {
	s := dataset.Districts(rand.New(rand.NewPCG(1, 1)), 500)
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	seen := map[int]bool{}
	for i := range s.Len() {
		seen[s.Group[i]] = true
		if h, f := s.X[2*i], s.X[2*i+1]; h < 0 || h > 365 || f < 0 || f > 100 {
			t.Fatalf("district %d: %v heat days, %v %% flood-prone", i, h, f)
		}
	}
	if len(seen) != len(dataset.DistrictArchetypes()) {
		t.Errorf("archetypes drawn got: %d want: %d", len(seen), len(dataset.DistrictArchetypes()))
	}
}

func TestSplitAndCSV(t *testing.T) {
	s := dataset.Crop(rand.New(rand.NewPCG(1, 1)), 10, 0)
	train, test := dataset.Split(rand.New(rand.NewPCG(2, 2)), s, 0.7)
	if train.Len() != 7 || test.Len() != 3 {
		t.Errorf("split got: %d and %d want: 7 and 3", train.Len(), test.Len())
	}
	csv := s.CSV(dataset.CSVColumn{Name: "split", Values: strings.Split("a,b,c,d,e,f,g,h,i,j", ",")})
	lines := bytes.Split(bytes.TrimSpace(csv), []byte("\n"))
	if len(lines) != 11 || string(lines[0]) != "soil_moisture,air_temperature,label,split" {
		t.Errorf("CSV got: %d lines, header %q", len(lines), lines[0])
	}
	if !bytes.HasSuffix(lines[10], []byte(",j")) {
		t.Errorf("last line got: %q want: it to end with ,j", lines[10])
	}
}
