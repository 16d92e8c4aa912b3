// Package audit measures how a binary classifier treats groups of people:
// a confusion matrix per group with its rates, the gaps between groups
// that fairness definitions name, and calibration by group. It reads the
// classifier's outputs from memory or from a CSV file.
//
// # Metrics
//
// For each group: accuracy, true and false positive rates, precision
// (positive predictive value), selection rate and base rate. Between
// groups, as in Fairlearn: the demographic parity difference (selection
// rates), the equal opportunity difference (true positive rates), the
// equalised odds difference (the larger of the true and false positive
// rate gaps), the predictive parity difference (precision), and the
// disparate impact ratio (smallest selection rate over largest).
//
// # What cannot be equal at once
//
// When base rates differ between groups, a classifier that is not perfect
// cannot have equal error rates and equal precision in every group
// (Chouldechova 2017, "Fair prediction with disparate impact"; Kleinberg,
// Mullainathan and Raghavan 2016, "Inherent trade-offs in the fair
// determination of risk scores"). The report shows both, so the choice of
// which to equalise is visible.
//
// # CSV files
//
// ParseCSV reads a file with a header row, given the names of the label,
// score or prediction, and group columns. Each error names the row (the
// line of the file, counting the header as 1) and the column; a chosen
// column the file lacks is a *MissingColumnError naming the columns it
// has. Report.CSV writes the metrics back out, one row per group.
package audit
