// Package learncli implements the nexus learn command: it trains the
// playground's networks from the command line and audits a classifier's
// outputs for fairness, printing JSON.
//
// # Training
//
//	nexus learn train --dataset NAME [--features x1,x2,…] [--hidden 8,8]
//	    [--activation tanh] [--lr 0.03] [--l1 0] [--l2 0] [--batch 10]
//	    [--epochs 100] [--noise 0] [--points 500] [--train 0.5] [--seed 1]
//
// generates one of the playground's data sets (circle, xor, gauss, spiral,
// reg-plane, reg-gauss, crop), trains the network exactly as the
// playground does, and prints train_loss, test_loss and, for
// classification, train_accuracy and test_accuracy. --noise is a share,
// from 0 to 0.5; --hidden "" means no hidden layer.
//
// # Auditing
//
//	nexus learn fairness FILE.csv|- --label COL --group COL
//	    (--score COL [--threshold 0.5] | --prediction COL) [--summary]
//
// reads a CSV file with a header row and prints, per group, the confusion
// matrix, accuracy, true and false positive rates, precision, selection
// and base rates (and calibration, with scores in [0, 1]), then the
// differences between groups. --summary adds a plain-language summary.
//
// Rates that are undefined, such as a true positive rate in a group
// without positives, are null.
//
// # Exit codes
//
// 0 on success; 2 for bad usage or bad input, such as a malformed CSV
// file, reported on standard error with its row and column; 1 when the
// work failed for another reason, such as a file that cannot be read.
package learncli
