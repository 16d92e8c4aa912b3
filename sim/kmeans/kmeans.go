package kmeans

import (
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"strconv"
	"strings"

	"nexuslab/sim"
	"nexuslab/sim/learn/cluster"
	"nexuslab/sim/learn/dataset"
)

// Name is the simulation's name in URLs and data-sim attributes.
const Name = "kmeans"

// Limits of the model's parameters.
const (
	MaxK     = 10  // clusters, and the largest k of Curve
	MaxSteps = 200 // half-steps; k-means on these data converges long before
)

var schema = sim.Schema{
	{Name: "dataset", Kind: sim.Choice, Label: "Data set", Choices: []string{"districts", "blobs"}, ChoiceLabels: []string{"Districts by climate risk", "Four separate blobs"}, Default: "districts"},
	{Name: "points", Kind: sim.Int, Label: "Points", Min: 20, Max: 1000, Step: 10, Default: "200"},
	{Name: "k", Kind: sim.Int, Label: "Clusters (k)", Min: 1, Max: MaxK, Default: "4"},
	{Name: "scale", Kind: sim.Bool, Label: "Standardise the indicators", Help: "Measure each indicator in standard deviations, so that neither dominates the distances", Default: "true"},
	{Name: "seed", Kind: sim.Int, Label: "Seed", Help: "The same seed gives the same points", Min: 0, Max: 1<<31 - 1, Default: "1"},
	{Name: "start", Kind: sim.Int, Label: "Start", Min: 0, Max: 1<<31 - 1, Default: "0", Hidden: true},
	{Name: "step", Kind: sim.Int, Label: "Step", Min: 0, Max: MaxSteps, Default: "0", Hidden: true},
}

var actions = []sim.Action{
	{Name: "step", Label: "Step"},
	{Name: "run", Label: "Run to the end"},
	{Name: "reset", Label: "Reset"},
	{Name: "restart", Label: "New starting centroids"},
}

// CurvePoint is the outcome of k-means for one k.
type CurvePoint struct {
	K          int     // number of clusters
	Inertia    float64 // in the units clustered, as Model.Inertia
	Silhouette float64 // mean silhouette; NaN for k = 1
}

// Model is the clustering simulation. Its zero value is ready to Reset.
type Model struct {
	v         sim.Values
	set       *dataset.Set // points in their units
	z         []float64    // points as clustered: standardised or not
	mean, sd  [2]float64   // z = (x − mean)/sd per column
	k         int
	cen       []float64 // centroids, in the space of z
	assign    []int     // nil before the first assignment
	steps     int
	changed   int     // points that changed cluster at the last assignment
	moved     float64 // farthest a centroid moved at the last update
	converged bool
	sil       float64      // silhouette of the current assignment; NaN until known
	curve     []CurvePoint // computed on first use
}

// New returns a model in its default state.
func New() *Model { return sim.Start(&Model{}) }

// Schema returns the parameters: the data, k, standardisation and the
// seed, and the hidden start and step that a reload replays.
func (m *Model) Schema() sim.Schema { return schema }

// Actions returns step, run, reset and restart.
func (m *Model) Actions() []sim.Action { return actions }

// Reset generates the points, seeds the centroids by k-means++ and takes
// v's steps.
func (m *Model) Reset(v sim.Values) error {
	m.v = schema.Complete(v)
	n := min(max(m.v.Int("points"), 20), 1000)
	rng := rand.New(rand.NewPCG(uint64(m.v.Int("seed")), 0x6b6d6e73))
	switch m.v.String("dataset") {
	case "blobs":
		m.set = dataset.Blobs(rng, n, 4)
	case "districts":
		m.set = dataset.Districts(rng, n)
	default:
		return fmt.Errorf("kmeans: unknown data set %q", m.v.String("dataset"))
	}
	m.standardise()
	m.k = min(max(m.v.Int("k"), 1), MaxK)
	m.curve = nil
	if err := m.seed(); err != nil {
		return err
	}
	for range min(max(m.v.Int("step"), 0), MaxSteps) {
		m.half()
	}
	m.v["step"] = strconv.Itoa(m.steps)
	return nil
}

// standardise fills z from the points.
func (m *Model) standardise() {
	x := m.set.X
	m.z = append(m.z[:0], x...)
	m.mean, m.sd = [2]float64{0, 0}, [2]float64{1, 1}
	if !m.v.Bool("scale") {
		return
	}
	n := float64(m.set.Len())
	for j := range 2 {
		s, ss := 0.0, 0.0
		for i := j; i < len(x); i += 2 {
			s += x[i]
		}
		mean := s / n
		for i := j; i < len(x); i += 2 {
			ss += (x[i] - mean) * (x[i] - mean)
		}
		sd := math.Sqrt(ss / n)
		if !(sd > 0) {
			sd = 1
		}
		m.mean[j], m.sd[j] = mean, sd
		for i := j; i < len(x); i += 2 {
			m.z[i] = (x[i] - mean) / sd
		}
	}
}

// seed chooses the starting centroids from the start seed.
func (m *Model) seed() error {
	rng := rand.New(rand.NewPCG(uint64(m.v.Int("seed")), uint64(m.v.Int("start"))))
	var err error
	if m.cen, err = cluster.Seed(m.cen, rng, m.z, 2, m.k); err != nil {
		return fmt.Errorf("kmeans: %w", err)
	}
	m.assign, m.steps, m.changed, m.moved, m.converged = nil, 0, 0, 0, false
	m.sil = math.NaN()
	return nil
}

// half takes the next half-step: an assignment after the seeding or an
// update, an update after an assignment. It does nothing once converged.
func (m *Model) half() {
	if m.converged || m.steps >= MaxSteps {
		return
	}
	if m.assign == nil || m.steps%2 == 0 {
		m.assign, m.changed = cluster.Assign(m.assign, m.z, 2, m.cen)
		m.sil = math.NaN()
		m.converged = m.changed == 0
	} else {
		m.moved = cluster.Update(m.cen, m.z, 2, m.assign)
	}
	m.steps++
}

// Do applies an action: "step" takes one half-step, "run" steps until
// k-means converges, "reset" goes back to the starting centroids, and
// "restart" draws new ones.
func (m *Model) Do(action string) error {
	switch action {
	case "step":
		m.half()
	case "run":
		for !m.converged && m.steps < MaxSteps {
			m.half()
		}
	case "reset":
		if err := m.seed(); err != nil {
			return err
		}
	case "restart":
		m.v["start"] = strconv.Itoa((m.v.Int("start") + 1) % (1 << 31))
		if err := m.seed(); err != nil {
			return err
		}
	default:
		return sim.ErrUnknownAction(action)
	}
	m.v["step"] = strconv.Itoa(m.steps)
	return nil
}

// Query returns every parameter, with the steps taken.
func (m *Model) Query() url.Values { return m.v.Query() }

// Points returns the points in their units; Columns names them and Group
// holds each point's true kind, which k-means does not see. The set must
// not be modified.
func (m *Model) Points() *dataset.Set { return m.set }

// K returns the number of clusters.
func (m *Model) K() int { return m.k }

// Step returns the number of half-steps taken.
func (m *Model) Step() int { return m.steps }

// NextIsAssign reports whether the next step assigns points to centroids;
// if not, it moves the centroids.
func (m *Model) NextIsAssign() bool { return m.assign == nil || m.steps%2 == 0 }

// Converged reports whether the last assignment changed nothing.
func (m *Model) Converged() bool { return m.converged }

// Assignments returns each point's cluster, or nil before the first
// assignment. The slice must not be modified.
func (m *Model) Assignments() []int { return m.assign }

// Centroids sets dst, grown if needed, to the centroids in the points'
// units, K rows of two values, and returns it.
func (m *Model) Centroids(dst []float64) []float64 {
	if cap(dst) < len(m.cen) {
		dst = make([]float64, len(m.cen))
	}
	dst = dst[:len(m.cen)]
	for i, c := range m.cen {
		dst[i] = m.mean[i%2] + m.sd[i%2]*c
	}
	return dst
}

// Inertia returns the sum of squared distances from the points to their
// centroids, in the units clustered (standard deviations when
// standardised), or NaN before the first assignment.
func (m *Model) Inertia() float64 {
	if m.assign == nil {
		return math.NaN()
	}
	return cluster.Inertia(m.z, 2, m.cen, m.assign)
}

// Silhouette returns the mean silhouette of the current assignment, or
// NaN before the first assignment or with one cluster.
func (m *Model) Silhouette() float64 {
	if m.assign != nil && math.IsNaN(m.sil) {
		m.sil = cluster.Silhouette(m.z, 2, m.assign, m.k)
	}
	return m.sil
}

// Curve returns the inertia and silhouette of k-means run to convergence
// for each k from 1 to MaxK, best of three starts, to help choose k. It is
// computed on first use after a Reset.
func (m *Model) Curve() []CurvePoint {
	if m.curve != nil {
		return m.curve
	}
	rng := rand.New(rand.NewPCG(uint64(m.v.Int("seed")), 0x6375727665))
	for k := 1; k <= MaxK; k++ {
		r, err := cluster.Fit(rng, m.z, 2, k, &cluster.Settings{Runs: 3})
		if err != nil {
			break // fewer points than k: the curve ends here
		}
		m.curve = append(m.curve, CurvePoint{K: k, Inertia: r.Inertia, Silhouette: cluster.Silhouette(m.z, 2, r.Assign, k)})
	}
	return m.curve
}

// sizes returns the number of points in each cluster.
func (m *Model) sizes() []int {
	s := make([]int, m.k)
	for _, c := range m.assign {
		s[c]++
	}
	return s
}

// CSV returns the points as comma-separated values: each indicator in its
// unit, the point's true kind (group), and its cluster, empty before the
// first assignment.
func (m *Model) CSV() []byte {
	c := make([]string, m.set.Len())
	for i := range c {
		if m.assign != nil {
			c[i] = strconv.Itoa(m.assign[i] + 1)
		}
	}
	return m.set.CSV(dataset.CSVColumn{Name: "cluster", Values: c})
}

// Describe states the step just taken, the measures of the clustering and
// the next step.
func (m *Model) Describe(p sim.Printer) string {
	n := m.set.Len()
	if m.assign == nil {
		return p.Sprintf("k-means with k = %d on %d points: %d starting centroids chosen by k-means++, no point assigned yet. Next step: assign each point to its nearest centroid.", m.k, n, m.k)
	}
	var sizes []string
	for _, s := range m.sizes() {
		sizes = append(sizes, strconv.Itoa(s))
	}
	measures := p.Sprintf("Inertia %.4g, silhouette %s; cluster sizes %s.", m.Inertia(), silhouette(p, m.Silhouette()), strings.Join(sizes, ", "))
	switch {
	case m.converged:
		return p.Sprintf("Step %d: no point changed cluster, so k-means with k = %d has converged.", m.steps, m.k) + " " + measures
	case m.steps >= MaxSteps:
		return p.Sprintf("Step %d: the step limit is reached before convergence.", m.steps) + " " + measures
	case m.NextIsAssign():
		return p.Sprintf("Step %d: each centroid moved to the mean of its points, the farthest by %.3g.", m.steps, m.moved) + " " + measures + " " + p.Sprintf("Next step: assign each point to its nearest centroid.")
	}
	assigned := p.Sprintf("Step %d: each point assigned to its nearest centroid; %d of %d changed cluster.", m.steps, m.changed, n)
	if m.steps == 1 {
		assigned = p.Sprintf("Step 1: each point assigned to its nearest centroid.")
	}
	return assigned + " " + measures + " " + p.Sprintf("Next step: move each centroid to the mean of its points.")
}

func silhouette(p sim.Printer, s float64) string {
	if math.IsNaN(s) {
		return p.Sprintf("undefined with one cluster")
	}
	return p.Sprintf("%.2f", s)
}
