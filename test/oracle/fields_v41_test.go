//go:build !argo40 && !argo37

package main

import (
	"strings"
	"testing"
)

// Fields new in Argo 4.1 decode strictly and validate with the v4.1.2 oracle
// (the v4.0 one rejects them as unknown fields).
func TestArgo41FieldsDecode(t *testing.T) {
	doc := strings.Replace(tinyWorkflow, "  entrypoint: main\n",
		"  entrypoint: main\n  podResources:\n    limits: {cpu: 100m}\n", 1)
	one(t, lintFiles(t, "a.yaml", doc), Valid, "")
	typo := strings.Replace(doc, "podResources:", "podResource:", 1)
	one(t, lintFiles(t, "a.yaml", typo), Invalid, `unknown field "spec.podResource"`)
}
