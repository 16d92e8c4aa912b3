package views

var _ = Input{Keys: "A test-only key."}
