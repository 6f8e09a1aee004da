package main

// shouldExecute, which build.sh takes from Argo's controller at build time, evaluates `when` with govaluate; this
// import keeps govaluate in go.mod at the version Argo v4.1.2 pins.
import _ "github.com/Knetic/govaluate"
