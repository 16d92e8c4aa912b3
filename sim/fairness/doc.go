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
// With the source parameter set to OwnCSV, the model audits a CSV file
// of the learner's (columns for the true outcome, a score or a decision,
// and a group; their names are parameters too) the same way, with one
// threshold or one per group. The file's text is a private parameter
// (sim.Param.Private): the host keeps it in memory only, never in the
// URL, the device's storage or a message to another page, and the page
// says so next to it. A problem with the file is a *sim.ParamError naming
// its row and column, and the text stays to be corrected. ExampleCSV is a
// file to start from.
//
// Audit is the same audit as one function call. Neither does any I/O:
// the caller hands over the file's bytes.
package fairness
