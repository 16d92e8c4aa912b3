// Package fairness is the fairness audit: a screening classifier, trained
// in the browser on synthetic health data from two groups, is audited
// group by group, and the learner moves its thresholds to see what each
// notion of fairness costs.
//
// # The data
//
// dataset.Screening draws people in groups A and B with different base
// rates of a disease; the test reads lower in group B by a measurement
// shift the learner sets. A logistic regression on the reading and a
// symptom score (and, if the learner allows it, the group) is trained on
// half of the people and audited on the other half.
//
// # The lesson
//
// With one threshold, the groups get different error rates. Equalising
// the true positive rates, or the selection rates, takes one threshold per
// group; and whenever base rates differ, equal error rates and equal
// precision cannot both hold. Describe states the numbers; Summary and
// Summarize write them up in plain language for a memo.
//
// # The learner's own data
//
// Audit reads a CSV file of the learner's (columns for the true outcome,
// a score or a prediction, and a group) and audits it the same way. It
// does no I/O: the page hands it the file's bytes, which never leave the
// device.
package fairness
