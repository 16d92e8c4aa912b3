package learncli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"nexuslab/build/internal/cliargs"
	"nexuslab/sim"
	"nexuslab/sim/fairness"
	"nexuslab/sim/learn"
	"nexuslab/sim/learn/audit"
	"nexuslab/sim/learn/dataset"
	"nexuslab/sim/playground"
)

// MaxEpochs bounds --epochs.
const MaxEpochs = 1_000_000

const usage = `usage: nexus learn COMMAND [flags]

commands:
  train --dataset NAME [--features x1,x2] [--hidden 4,2] [--activation tanh]
        [--lr 0.03] [--l1 0] [--l2 0] [--batch 10] [--epochs 100]
        [--noise 0] [--points 500] [--train 0.5] [--seed 1]
        train a network on a generated data set and print its losses as JSON
  fairness FILE.csv|- --label COL --group COL (--score COL [--threshold 0.5] | --prediction COL) [--summary]
        audit a classifier's outputs by group and print the metrics as JSON
`

// Main runs the learn command with args (after "learn") and returns the
// exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "train":
		return train(args[1:], stdout, stderr)
	case "fairness":
		return audit1(args[1:], stdin, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "nexus learn: unknown command %q\n%s", args[0], usage)
	return 2
}

// usageError is bad usage or bad input: exit code 2.
type usageError struct{ error }

func badf(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// finish prints err, if any, and returns the exit code.
func finish(stderr io.Writer, err error) int {
	if err == nil {
		return 0
	}
	fmt.Fprintln(stderr, "nexus learn:", err)
	var ue usageError
	var ce *audit.CSVError
	if errors.As(err, &ue) || errors.As(err, &ce) {
		return 2
	}
	return 1
}

// num is a float64 that encodes NaN and infinities as JSON null.
type num float64

func (n num) MarshalJSON() ([]byte, error) {
	f := float64(n)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, f, 'g', 6, 64), nil
}

func writeJSON(w io.Writer, v any) error {
	e := json.NewEncoder(w)
	e.SetIndent("", "  ")
	return e.Encode(v)
}

type trainResult struct {
	Dataset       string   `json:"dataset"`
	Task          string   `json:"task"`
	Features      []string `json:"features"`
	Hidden        []int    `json:"hidden"`
	Activation    string   `json:"activation"`
	Epochs        int      `json:"epochs"`
	TrainLoss     num      `json:"train_loss"`
	TestLoss      num      `json:"test_loss"`
	TrainAccuracy *num     `json:"train_accuracy,omitempty"`
	TestAccuracy  *num     `json:"test_accuracy,omitempty"`
}

func train(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("nexus learn train", flag.ContinueOnError)
	fs.SetOutput(stderr)
	name := fs.String("dataset", "", "data set: "+strings.Join(dataset.PlaneNames(), ", "))
	features := fs.String("features", "x1,x2", "inputs, from "+featureNames())
	hidden := fs.String("hidden", "4,2", "widths of the hidden layers, comma-separated")
	activation := fs.String("activation", "tanh", "activation of the hidden units: tanh, relu, sigmoid or linear")
	lr := fs.Float64("lr", 0.03, "learning rate")
	l1 := fs.Float64("l1", 0, "L1 regularisation rate")
	l2 := fs.Float64("l2", 0, "L2 regularisation rate")
	batch := fs.Int("batch", 10, "examples per weight update")
	epochs := fs.Int("epochs", 100, "passes over the training data")
	noise := fs.Float64("noise", 0, "noise, from 0 to 0.5")
	points := fs.Int("points", playground.Points, "points generated")
	trainFrac := fs.Float64("train", 0.5, "share of the points used for training")
	seed := fs.Uint64("seed", 1, "seed of the data, the split and the initial weights")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		return finish(stderr, badf("train: unexpected argument %q", fs.Arg(0)))
	}
	err := func() error {
		if *name == "" {
			return badf("train: --dataset is required (%s)", strings.Join(dataset.PlaneNames(), ", "))
		}
		c := playground.Config{Dataset: *name, Points: *points, Rate: *lr, L1: *l1, L2: *l2, Batch: *batch, TrainFrac: *trainFrac, Seed: *seed}
		var err error
		if c.Features, err = learn.ParseFeatures(*features); err != nil {
			return usageError{err}
		}
		if c.Hidden, err = parseWidths(*hidden); err != nil {
			return err
		}
		if c.Activation, err = learn.ParseActivation(*activation); err != nil {
			return usageError{err}
		}
		switch {
		case !(*noise >= 0 && *noise <= 0.5):
			return badf("train: --noise %v; want 0 to 0.5", *noise)
		case *epochs < 0 || *epochs > MaxEpochs:
			return badf("train: --epochs %d; want 0 to %d", *epochs, MaxEpochs)
		case !(*lr > 0):
			return badf("train: --lr %v; want a number above 0", *lr)
		case *batch < 1:
			return badf("train: --batch %d; want at least 1", *batch)
		}
		c.Noise = *noise
		t, err := playground.NewTrainer(c)
		if err != nil {
			return usageError{err}
		}
		for range *epochs {
			t.Epoch()
		}
		r := trainResult{
			Dataset: *name, Task: "classification", Hidden: c.Hidden, Activation: c.Activation.String(),
			Epochs: t.Epochs(), TrainLoss: num(t.TrainLoss()), TestLoss: num(t.TestLoss()),
			Features: []string{},
		}
		if r.Hidden == nil {
			r.Hidden = []int{}
		}
		for _, f := range c.Features {
			r.Features = append(r.Features, f.String())
		}
		if t.Regression() {
			r.Task = "regression"
		} else {
			tr, te := num(t.TrainAccuracy()), num(t.TestAccuracy())
			r.TrainAccuracy, r.TestAccuracy = &tr, &te
		}
		return writeJSON(stdout, r)
	}()
	return finish(stderr, err)
}

func featureNames() string {
	var n []string
	for _, f := range learn.AllFeatures() {
		n = append(n, f.String())
	}
	return strings.Join(n, ", ")
}

// parseWidths reads "8,8" as hidden-layer widths; "" and "0" mean none.
func parseWidths(s string) ([]int, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "0" {
		return nil, nil
	}
	var w []int
	for part := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(part))
		if err != nil || n < 1 || n > 4096 {
			return nil, badf("train: --hidden %q: each width must be a whole number from 1 to 4096", s)
		}
		w = append(w, n)
	}
	if len(w) > learn.MaxLayers {
		return nil, badf("train: --hidden %q: at most %d layers", s, learn.MaxLayers)
	}
	return w, nil
}

type confusionJSON struct {
	N             int `json:"n"`
	TP            int `json:"tp"`
	FP            int `json:"fp"`
	TN            int `json:"tn"`
	FN            int `json:"fn"`
	BaseRate      num `json:"base_rate"`
	SelectionRate num `json:"selection_rate"`
	Accuracy      num `json:"accuracy"`
	TPR           num `json:"tpr"`
	FPR           num `json:"fpr"`
	Precision     num `json:"precision"`
}

func confusion(c audit.Confusion) confusionJSON {
	return confusionJSON{
		N: c.N(), TP: c.TP, FP: c.FP, TN: c.TN, FN: c.FN,
		BaseRate: num(c.BaseRate()), SelectionRate: num(c.SelectionRate()), Accuracy: num(c.Accuracy()),
		TPR: num(c.TPR()), FPR: num(c.FPR()), Precision: num(c.Precision()),
	}
}

type binJSON struct {
	Lo        float64 `json:"lo"`
	Hi        float64 `json:"hi"`
	N         int     `json:"n"`
	Positives int     `json:"positives"`
	MeanScore num     `json:"mean_score"`
	Rate      num     `json:"rate"`
}

type groupJSON struct {
	Group     string `json:"group"`
	Threshold *num   `json:"threshold,omitempty"`
	confusionJSON
	ECE         *num      `json:"ece,omitempty"`
	Calibration []binJSON `json:"calibration,omitempty"`
}

type reportJSON struct {
	Cases       int           `json:"cases"`
	Groups      []groupJSON   `json:"groups"`
	Overall     confusionJSON `json:"overall"`
	Differences struct {
		DemographicParity num `json:"demographic_parity"`
		EqualOpportunity  num `json:"equal_opportunity"`
		EqualisedOdds     num `json:"equalised_odds"`
		PredictiveParity  num `json:"predictive_parity"`
		DisparateImpact   num `json:"disparate_impact_ratio"`
	} `json:"differences"`
	Summary string `json:"summary,omitempty"`
}

func audit1(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("nexus learn fairness", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cols audit.Columns
	fs.StringVar(&cols.Label, "label", "", "column of the true outcome (1/0, true/false, yes/no)")
	fs.StringVar(&cols.Score, "score", "", "column of the classifier's score")
	fs.StringVar(&cols.Prediction, "prediction", "", "column of the classifier's decision")
	fs.StringVar(&cols.Group, "group", "", "column of the group")
	threshold := fs.Float64("threshold", 0.5, "with --score: flag scores at or above this")
	summary := fs.Bool("summary", false, "add a plain-language summary")
	pos, err := cliargs.Parse(fs, args)
	if err != nil {
		return 2
	}
	return finish(stderr, func() error {
		if len(pos) != 1 {
			return badf("fairness: want one file, FILE.csv or -, got %d", len(pos))
		}
		if cols.Label == "" || cols.Group == "" || (cols.Score == "") == (cols.Prediction == "") {
			return badf("fairness: give --label, --group and one of --score or --prediction")
		}
		if cols.Prediction != "" && flagSet(fs, "threshold") {
			return badf("fairness: --threshold goes with --score, not --prediction")
		}
		var data []byte
		if pos[0] == "-" {
			data, err = io.ReadAll(stdin)
		} else {
			data, err = os.ReadFile(pos[0])
		}
		if err != nil {
			return err
		}
		d, err := audit.ParseCSV(data, cols)
		if err != nil {
			if pos[0] != "-" {
				err = fmt.Errorf("%s: %w", pos[0], err)
			}
			return usageError{err}
		}
		r, err := audit.Measure(d, *threshold)
		if err != nil {
			return err
		}
		out := reportJSON{Cases: d.Len(), Overall: confusion(r.Overall)}
		for _, g := range r.Groups {
			gj := groupJSON{Group: g.Name, confusionJSON: confusion(g.Confusion)}
			if d.Score != nil {
				t := num(g.Threshold)
				gj.Threshold = &t
			}
			if g.Calibration != nil {
				e := num(g.ECE)
				gj.ECE = &e
				for _, b := range g.Calibration {
					gj.Calibration = append(gj.Calibration, binJSON{Lo: b.Lo, Hi: b.Hi, N: b.N, Positives: b.Positives, MeanScore: num(b.MeanScore), Rate: num(b.Rate())})
				}
			}
			out.Groups = append(out.Groups, gj)
		}
		out.Differences.DemographicParity = num(r.DemographicParity)
		out.Differences.EqualOpportunity = num(r.EqualOpportunity)
		out.Differences.EqualisedOdds = num(r.EqualisedOdds)
		out.Differences.PredictiveParity = num(r.PredictiveParity)
		out.Differences.DisparateImpact = num(r.DisparateImpact)
		if *summary {
			out.Summary = fairness.Summarize(sim.English{}, r)
		}
		return writeJSON(stdout, out)
	}())
}

func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
