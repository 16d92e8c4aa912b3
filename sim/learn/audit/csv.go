package audit

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Limits on a CSV file, so that a wrong file or a wrong column choice
// gets a clear message rather than a long wait.
const (
	MaxRows   = 1000000 // data rows
	MaxGroups = 100     // distinct values in the group column
)

// Columns names the columns of a CSV file to audit. Label and Group are
// required, and exactly one of Score and Prediction.
type Columns struct {
	Label      string // true outcome: 1/0, true/false, yes/no, positive/negative
	Score      string // classifier score, a number; flagged at or above a threshold
	Prediction string // classifier decision, spelled like Label
	Group      string // group of each row, any text
}

// CSVError reports a problem with one row of a CSV file.
type CSVError struct {
	Row    int    // line of the file, counting the header as 1
	Column int    // 1-based column, or character for a syntax error; 0 for the whole row
	Name   string // the column's name, when the problem is a field
	Err    error  // what is wrong
}

// Error formats the error with its row and column.
func (e *CSVError) Error() string {
	switch {
	case e.Name != "":
		return fmt.Sprintf("audit: row %d, column %d (%s): %v", e.Row, e.Column, e.Name, e.Err)
	case e.Column > 0:
		return fmt.Sprintf("audit: row %d, character %d: %v", e.Row, e.Column, e.Err)
	}
	return fmt.Sprintf("audit: row %d: %v", e.Row, e.Err)
}

// Unwrap returns what is wrong, without the position.
func (e *CSVError) Unwrap() error { return e.Err }

// MissingColumnError reports a chosen column that the header lacks,
// so that a caller can point at the choice rather than at the file.
type MissingColumnError struct {
	Name   string   // the column asked for
	Header []string // the columns the file has
}

func (e *MissingColumnError) Error() string {
	return fmt.Sprintf("no column %q; the columns are %s", e.Name, quoteAll(e.Header))
}

// Header returns the column names of a CSV file: its first row, trimmed.
func Header(data []byte) ([]string, error) {
	r := newReader(data)
	rec, err := r.Read()
	if err == io.EOF {
		return nil, errors.New("audit: the file is empty")
	}
	if err != nil {
		return nil, csvError(err)
	}
	h := make([]string, len(rec))
	for i, s := range rec {
		h[i] = strings.TrimSpace(s)
	}
	return h, nil
}

// ParseCSV reads the columns cols of a CSV file with a header row. Rows
// must have the chosen columns; other columns are ignored. Groups are
// numbered in the order they first appear. Errors name the row and the
// column.
func ParseCSV(data []byte, cols Columns) (*Data, error) {
	if (cols.Score == "") == (cols.Prediction == "") {
		return nil, errors.New("audit: choose either a score column or a prediction column")
	}
	if cols.Label == "" || cols.Group == "" {
		return nil, errors.New("audit: choose a label column and a group column")
	}
	header, err := Header(data)
	if err != nil {
		return nil, err
	}
	find := func(name string) (int, error) {
		name = strings.TrimSpace(name)
		for i, h := range header {
			if h == name {
				return i, nil
			}
		}
		for i, h := range header {
			if strings.EqualFold(h, name) {
				return i, nil
			}
		}
		return 0, &CSVError{Row: 1, Err: &MissingColumnError{Name: name, Header: header}}
	}
	type column struct {
		index int
		name  string
	}
	var label, value, group column
	if label.index, err = find(cols.Label); err != nil {
		return nil, err
	}
	valueName := cols.Score
	if valueName == "" {
		valueName = cols.Prediction
	}
	if value.index, err = find(valueName); err != nil {
		return nil, err
	}
	if group.index, err = find(cols.Group); err != nil {
		return nil, err
	}
	label.name, value.name, group.name = header[label.index], header[value.index], header[group.index]

	d := &Data{}
	if cols.Score != "" {
		d.Score = []float64{}
	}
	groupIndex := map[string]int{}
	r := newReader(data)
	if _, err := r.Read(); err != nil { // the header, read above
		return nil, csvError(err)
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(err)
		}
		row, _ := r.FieldPos(0)
		if d.Len() == MaxRows {
			return nil, &CSVError{Row: row, Err: fmt.Errorf("more than %d rows", MaxRows)}
		}
		field := func(c column) (string, error) {
			if c.index >= len(rec) {
				return "", &CSVError{Row: row, Column: c.index + 1, Name: c.name, Err: fmt.Errorf("missing: the row has only %d columns", len(rec))}
			}
			return strings.TrimSpace(rec[c.index]), nil
		}
		fieldErr := func(c column, err error) error {
			return &CSVError{Row: row, Column: c.index + 1, Name: c.name, Err: err}
		}

		s, err := field(label)
		if err != nil {
			return nil, err
		}
		y, err := parseOutcome(s)
		if err != nil {
			return nil, fieldErr(label, err)
		}
		if s, err = field(value); err != nil {
			return nil, err
		}
		if d.Score != nil {
			v, err := parseScore(s)
			if err != nil {
				return nil, fieldErr(value, err)
			}
			d.Score = append(d.Score, v)
		} else {
			p, err := parseOutcome(s)
			if err != nil {
				return nil, fieldErr(value, err)
			}
			d.Pred = append(d.Pred, p)
		}
		if s, err = field(group); err != nil {
			return nil, err
		}
		if s == "" {
			return nil, fieldErr(group, errors.New("the group is empty"))
		}
		g, ok := groupIndex[s]
		if !ok {
			if len(d.Groups) == MaxGroups {
				return nil, fieldErr(group, fmt.Errorf("more than %d different groups; is this the group column?", MaxGroups))
			}
			g = len(d.Groups)
			groupIndex[s] = g
			d.Groups = append(d.Groups, s)
		}
		d.Label = append(d.Label, y)
		d.Group = append(d.Group, g)
		d.Line = append(d.Line, row)
	}
	if d.Len() == 0 {
		return nil, &CSVError{Row: 2, Err: errors.New("no data rows after the header")}
	}
	return d, nil
}

func newReader(data []byte) *csv.Reader {
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // spreadsheets often start with a byte-order mark
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	return r
}

func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &CSVError{Row: pe.Line, Column: pe.Column, Err: pe.Err}
	}
	return fmt.Errorf("audit: %w", err)
}

// parseOutcome reads a true or predicted outcome.
func parseOutcome(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "1", "1.0", "true", "t", "yes", "y", "positive", "pos":
		return true, nil
	case "0", "0.0", "false", "f", "no", "n", "negative", "neg":
		return false, nil
	case "":
		return false, errors.New("empty; want 1 or 0")
	}
	return false, fmt.Errorf("%q is not an outcome; want 1 or 0, true or false, yes or no", short(s))
}

func parseScore(s string) (float64, error) {
	if s == "" {
		return 0, errors.New("empty; want a number")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a number", short(s))
	}
	return v, nil
}

func short(s string) string {
	if len(s) > 24 {
		return s[:21] + "..."
	}
	return s
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(short(n))
	}
	return strings.Join(q, ", ")
}
