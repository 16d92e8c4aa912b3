// Package simtest holds what the tests of every simulation model share:
// reading a query through a model's schema and resetting the model with
// it, failing the test on anything the schema had to correct.
package simtest
