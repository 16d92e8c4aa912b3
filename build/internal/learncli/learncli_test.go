package learncli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runMain(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestTrainXOR(t *testing.T) {
	code, out, errs := runMain(t, "", "train", "--dataset", "xor", "--hidden", "4,4", "--epochs", "300", "--seed", "1")
	if code != 0 {
		t.Fatalf("exit code got: %d want: 0 (%s)", code, errs)
	}
	var r map[string]any
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	for _, k := range []string{"train_loss", "test_loss", "test_accuracy"} {
		if _, ok := r[k]; !ok {
			t.Errorf("output lacks %q: %s", k, out)
		}
	}
	if acc := r["test_accuracy"].(float64); acc < 0.95 {
		t.Errorf("test_accuracy got: %v want: ≥ 0.95", acc)
	}
	// The same flags give the same numbers.
	_, again, _ := runMain(t, "", "train", "--dataset", "xor", "--hidden", "4,4", "--epochs", "300", "--seed", "1")
	if again != out {
		t.Errorf("second run differs:\n%s\n%s", out, again)
	}
}

func TestTrainRegression(t *testing.T) {
	code, out, errs := runMain(t, "", "train", "--dataset", "reg-plane", "--hidden", "", "--epochs", "20", "--features", "x1,x2")
	if code != 0 {
		t.Fatalf("exit code got: %d want: 0 (%s)", code, errs)
	}
	if strings.Contains(out, "accuracy") || !strings.Contains(out, `"task": "regression"`) {
		t.Errorf("regression output got:\n%s", out)
	}
}

func TestTrainBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"train"},
		{"train", "--dataset", "moons"},
		{"train", "--dataset", "xor", "--features", "x3"},
		{"train", "--dataset", "xor", "--hidden", "8,x"},
		{"train", "--dataset", "xor", "--activation", "gelu"},
		{"train", "--dataset", "xor", "--noise", "0.9"},
		{"train", "--dataset", "xor", "--epochs", "-1"},
		{"train", "--dataset", "xor", "--lr", "0"},
		{"train", "--dataset", "xor", "--bogus"},
		{"train", "--dataset", "xor", "extra"},
		{"explode"},
		{},
	} {
		if code, _, errs := runMain(t, "", args...); code != 2 || errs == "" {
			t.Errorf("%q: exit code got: %d want: 2, with a message (%q)", args, code, errs)
		}
	}
}

const auditCSV = `label,score,pred,group
1,0.9,1,A
1,0.4,0,A
0,0.6,1,A
0,0.1,0,A
1,0.8,1,B
0,0.2,0,B
0,0.3,0,B
0,0.7,1,B
`

func TestFairnessScores(t *testing.T) {
	path := filepath.Join(t.TempDir(), "outputs.csv")
	if err := os.WriteFile(path, []byte(auditCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runMain(t, "", "fairness", path, "--label", "label", "--score", "score", "--threshold", "0.5", "--group", "group", "--summary")
	if code != 0 {
		t.Fatalf("exit code got: %d want: 0 (%s)", code, errs)
	}
	var r struct {
		Cases  int
		Groups []struct {
			Group       string
			TP, FP      int
			TPR         *float64
			Calibration []struct{ N int }
		}
		Differences map[string]*float64
		Summary     string
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if r.Cases != 8 || len(r.Groups) != 2 || r.Groups[0].Group != "A" || r.Groups[0].TP != 1 || r.Groups[0].FP != 1 {
		t.Errorf("report got: %+v", r)
	}
	if *r.Groups[0].TPR != 0.5 || *r.Groups[1].TPR != 1 || *r.Differences["equal_opportunity"] != 0.5 {
		t.Errorf("rates got: A %v, B %v, EO %v want: 0.5, 1, 0.5", *r.Groups[0].TPR, *r.Groups[1].TPR, *r.Differences["equal_opportunity"])
	}
	if len(r.Groups[0].Calibration) != 10 || !strings.Contains(r.Summary, "In group A") {
		t.Errorf("calibration bins got: %d, summary %q", len(r.Groups[0].Calibration), r.Summary)
	}
}

func TestFairnessPredictionsFromStdin(t *testing.T) {
	code, out, errs := runMain(t, auditCSV, "fairness", "--label", "label", "--prediction", "pred", "--group", "group", "-")
	if code != 0 {
		t.Fatalf("exit code got: %d want: 0 (%s)", code, errs)
	}
	if strings.Contains(out, "calibration") || strings.Contains(out, "threshold") {
		t.Errorf("predictions have no calibration or threshold:\n%s", out)
	}
}

func TestFairnessUndefinedRateIsNull(t *testing.T) {
	// Group B has no positives, so its true positive rate is null.
	csv := "y,p,g\n1,1,A\n0,0,A\n0,1,B\n"
	code, out, _ := runMain(t, csv, "fairness", "-", "--label", "y", "--prediction", "p", "--group", "g")
	if code != 0 || !strings.Contains(out, `"tpr": null`) {
		t.Errorf("got: %d\n%s", code, out)
	}
}

func TestFairnessErrors(t *testing.T) {
	bad := "label,score,group\n1,0.9,A\n0,oops,B\n"
	code, _, errs := runMain(t, bad, "fairness", "-", "--label", "label", "--score", "score", "--group", "group")
	if code != 2 || !strings.Contains(errs, "row 3, column 2 (score)") {
		t.Errorf("malformed CSV got: %d, %q want: 2 and a message naming row 3, column 2", code, errs)
	}
	for _, args := range [][]string{
		{"fairness", "-", "--label", "label", "--group", "group"},
		{"fairness", "-", "--label", "label", "--score", "score", "--prediction", "pred", "--group", "group"},
		{"fairness", "--label", "label", "--score", "score", "--group", "group"},
		{"fairness", "-", "--label", "label", "--prediction", "pred", "--threshold", "0.3", "--group", "group"},
		{"fairness", "-", "--label", "nope", "--score", "score", "--group", "group"},
	} {
		if code, _, errs := runMain(t, auditCSV, args...); code != 2 || errs == "" {
			t.Errorf("%q: exit code got: %d want: 2 (%q)", args, code, errs)
		}
	}
	code, _, errs = runMain(t, "", "fairness", filepath.Join(t.TempDir(), "missing.csv"), "--label", "l", "--score", "s", "--group", "g")
	if code != 1 || errs == "" {
		t.Errorf("missing file got: %d, %q want: 1", code, errs)
	}
}
