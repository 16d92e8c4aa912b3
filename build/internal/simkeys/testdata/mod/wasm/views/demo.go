package views

var input = Input{Keys: "Arrow keys turn it."}

type Input struct{ Keys string }
