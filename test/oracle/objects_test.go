package main

import (
	"encoding/json"
	"testing"
)

// -objects attaches the document as go-yaml reads it, for the Argo kinds only.
func TestObjectsAreAttachedToArgoKinds(t *testing.T) {
	doc := tinyWorkflow + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {mode: 0755}\n"
	got, _ := run(testCtx(), []input{{path: "a.yaml", data: []byte(doc)}}, runOpts{strict: true, objects: true})
	if len(got) != 2 {
		t.Fatalf("want 2 verdicts, got %+v", got)
	}
	var wf struct {
		Kind     string `json:"kind"`
		Metadata struct {
			GenerateName string `json:"generateName"`
		} `json:"metadata"`
	}
	if err := json.Unmarshal(got[0].Object, &wf); err != nil || wf.Kind != "Workflow" || wf.Metadata.GenerateName != "hello-" {
		t.Fatalf("Workflow object: %s (%v)", got[0].Object, err)
	}
	if got[1].Object != nil {
		t.Fatalf("a ConfigMap gets no object: %s", got[1].Object)
	}
}
