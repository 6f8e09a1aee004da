package main

import (
	"context"
	"io"
	"strings"
	"testing"
)

func testCtx() context.Context {
	return argoContext(io.Discard)
}

// lintFiles runs the oracle over in-memory files, in order (path, content, path, content, ...).
func lintFiles(t *testing.T, pathAndContent ...string) []Verdict {
	t.Helper()
	var inputs []input
	for i := 0; i < len(pathAndContent); i += 2 {
		inputs = append(inputs, input{path: pathAndContent[i], data: []byte(pathAndContent[i+1])})
	}
	verdicts, _ := run(testCtx(), inputs, runOpts{strict: true})
	return verdicts
}

// one asserts a single document's verdict, and that its error contains want.
func one(t *testing.T, got []Verdict, verdict, want string) Verdict {
	t.Helper()
	if len(got) != 1 {
		t.Fatalf("want 1 verdict, got %d: %+v", len(got), got)
	}
	v := got[0]
	if v.Verdict != verdict || !strings.Contains(v.Error, want) {
		t.Fatalf("want %s with error containing %q, got %s: %q", verdict, want, v.Verdict, v.Error)
	}
	return v
}

const tinyWorkflow = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: hello-
spec:
  entrypoint: main
  templates:
    - name: main
      container:
        image: busybox
        command: [echo, hi]
`

func TestValidTinyWorkflow(t *testing.T) {
	v := one(t, lintFiles(t, "a.yaml", tinyWorkflow), Valid, "")
	if v.Kind != "Workflow" || v.Name != "hello-" || v.Index != 0 || v.Line != 1 || v.File != "a.yaml" {
		t.Fatalf("unexpected fields: %+v", v)
	}
}

func TestMisspelledFieldIsStrictDecodingError(t *testing.T) {
	doc := strings.Replace(tinyWorkflow, "container:", "contianer:", 1)
	one(t, lintFiles(t, "a.yaml", doc), Invalid, `strict decoding error: unknown field "spec.templates[0].contianer"`)
}

func TestNonStrictIgnoresUnknownField(t *testing.T) {
	doc := strings.Replace(tinyWorkflow, "entrypoint: main", "entrypoint: main\n  entrypoints: x", 1)
	verdicts, _ := run(testCtx(), []input{{path: "a.yaml", data: []byte(doc)}}, runOpts{})
	one(t, verdicts, Valid, "")
}

func TestDAGCycleIsInvalid(t *testing.T) {
	doc := `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: cycle
spec:
  entrypoint: main
  templates:
    - name: main
      dag:
        tasks:
          - {name: a, template: leaf, dependencies: [b]}
          - {name: b, template: leaf, dependencies: [a]}
    - name: leaf
      container: {image: busybox}
`
	one(t, lintFiles(t, "a.yaml", doc), Invalid, "cycle")
}

func TestMissingEntrypoint(t *testing.T) {
	noField := strings.Replace(tinyWorkflow, "  entrypoint: main\n", "", 1)
	one(t, lintFiles(t, "a.yaml", noField), Invalid, "spec.entrypoint is required")

	unknown := strings.Replace(tinyWorkflow, "entrypoint: main", "entrypoint: nope", 1)
	one(t, lintFiles(t, "a.yaml", unknown), Invalid, "nope")
}

func TestWorkflowTemplateEntrypointIsOptional(t *testing.T) {
	doc := strings.NewReplacer("kind: Workflow", "kind: WorkflowTemplate", "  entrypoint: main\n", "").Replace(tinyWorkflow)
	one(t, lintFiles(t, "a.yaml", doc), Valid, "")
}

func TestConfigMapIsSkipped(t *testing.T) {
	doc := "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  k: v\n"
	v := one(t, lintFiles(t, "cm.yaml", doc), Skipped, "")
	if v.Kind != "ConfigMap" || v.Name != "cm" {
		t.Fatalf("unexpected fields: %+v", v)
	}
}

func TestDocumentsAreIndexedAndLined(t *testing.T) {
	doc := "# header comment only\n---\n" + tinyWorkflow + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n"
	got := lintFiles(t, "multi.yaml", doc)
	if len(got) != 2 {
		t.Fatalf("want 2 documents (the comment-only chunk is not one), got %+v", got)
	}
	if got[0].Index != 0 || got[0].Line != 2 || got[0].Verdict != Valid {
		t.Fatalf("first: %+v", got[0])
	}
	if got[1].Index != 1 || got[1].Line != 14 || got[1].Verdict != Skipped {
		t.Fatalf("second: %+v", got[1])
	}
}

func TestUnparseable(t *testing.T) {
	dupKey := strings.Replace(tinyWorkflow, "entrypoint: main", "entrypoint: main\n  entrypoint: main", 1)
	one(t, lintFiles(t, "a.yaml", dupKey), Unparseable, "already set in map")

	one(t, lintFiles(t, "a.yaml", "kind: Workflow\nspec: [unclosed\n"), Unparseable, "line")
}

// templateRef resolves against WorkflowTemplates of any file in the same run.
func TestTemplateRefAcrossFiles(t *testing.T) {
	wft := `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata:
  name: lib
spec:
  templates:
    - name: say
      container: {image: busybox}
`
	caller := strings.Replace(tinyWorkflow, "      container:\n        image: busybox\n        command: [echo, hi]\n",
		"      steps:\n        - - name: s\n            templateRef: {name: lib, template: say}\n", 1)

	got := lintFiles(t, "caller.yaml", caller, "lib.yaml", wft)
	if len(got) != 2 || got[0].Verdict != Valid || got[1].Verdict != Valid {
		t.Fatalf("with the template in the run: %+v", got)
	}
	one(t, lintFiles(t, "caller.yaml", caller), Invalid, `couldn't find workflow template "lib"`)
}

func TestCronWorkflowIsNotLintMode(t *testing.T) {
	doc := `apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
metadata:
  name: cron
spec:
  schedules: ["* * * * *"]
  workflowSpec:
    entrypoint: main
    arguments:
      parameters: [{name: p}]
    templates:
      - name: main
        container: {image: busybox}
`
	one(t, lintFiles(t, "cron.yaml", doc), Invalid, "cannot validate Workflow")
}

// Argo aborts a run with two WorkflowTemplates of the same name; we keep the
// first, still give every verdict, and say what Argo would have done.
func TestDuplicateTemplateNameWarns(t *testing.T) {
	wft := strings.NewReplacer("kind: Workflow", "kind: WorkflowTemplate", "generateName: hello-", "name: dup").Replace(tinyWorkflow)
	verdicts, warnings := run(testCtx(), []input{{path: "a.yaml", data: []byte(wft)}, {path: "b.yaml", data: []byte(wft)}}, runOpts{strict: true})
	if len(verdicts) != 2 || verdicts[0].Verdict != Valid || verdicts[1].Verdict != Valid {
		t.Fatalf("verdicts: %+v", verdicts)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], `duplicate WorkflowTemplate found: "dup"`) {
		t.Fatalf("warnings: %q", warnings)
	}
}
