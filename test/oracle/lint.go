package main

import (
	"context"
	"encoding/json"
	"fmt"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/yaml"

	wf "github.com/argoproj/argo-workflows/v4/pkg/apis/workflow"
	wfv1 "github.com/argoproj/argo-workflows/v4/pkg/apis/workflow/v1alpha1"
)

// Verdict values.
const (
	Valid       = "valid"
	Invalid     = "invalid"
	Skipped     = "skipped"     // a kind `argo lint` does not validate
	Unparseable = "unparseable" // YAML syntax error, duplicate key, or an Argo kind that cannot be decoded at all
)

type input struct {
	path string
	data []byte
}

// Verdict is one output line. Error is Argo's message without the CLI's
// `in "<name>" (<Kind>): ` wrapper (Name and Kind carry that).
type Verdict struct {
	File    string `json:"file"`
	Index   int    `json:"index"` // 0-based, counting only non-empty documents of the file
	Line    int    `json:"line"`  // 1-based line of the document's "---" (1 for the first)
	Kind    string `json:"kind"`
	Name    string `json:"name"` // metadata.name, else metadata.generateName
	Verdict string `json:"verdict"`
	Error   string `json:"error"`
	// Object is the document as JSON, as go-yaml reads it (sigs.k8s.io/yaml, last
	// duplicate key wins), for the Argo kinds only and only with -objects: what a
	// client sends to the API server (test/conformance's second oracle).
	Object json.RawMessage `json:"object,omitempty"`
}

// runOpts are the command-line switches that change verdicts or output.
type runOpts struct {
	strict  bool // strict decoding, as `argo lint` (default --strict)
	objects bool // attach Verdict.Object
}

// run validates every document of every input. Like `argo lint --offline`, it
// first indexes the WorkflowTemplates and ClusterWorkflowTemplates of all inputs
// (non-strict parse), then lints each document (strict parse by default).
func run(ctx context.Context, inputs []input, opts runOpts) ([]Verdict, []string) {
	idx := newTemplateIndex()
	var warnings []string
	for _, in := range inputs {
		for _, c := range splitChunks(in.data) {
			obj, ok, err := parseChunk(ctx, c.text, false)
			if err != nil {
				warnings = append(warnings, fmt.Sprintf("%s:%d: not indexed (argo lint --offline would abort: failed to parse YAML from file %s: %v)", in.path, c.line, in.path, err))
				continue
			}
			if !ok || obj == nil {
				continue // not a Kubernetes object
			}
			if msg := idx.add(obj); msg != "" {
				warnings = append(warnings, fmt.Sprintf("%s:%d: first definition kept (argo lint --offline would abort: %s)", in.path, c.line, msg))
			}
		}
	}

	var out []Verdict
	for _, in := range inputs {
		n := 0
		for _, c := range splitChunks(in.data) {
			v, isDoc := lintChunk(ctx, idx, c, opts.strict)
			if isDoc && opts.objects && lintKinds[v.Kind] {
				v.Object = asJSON(c.text)
			}
			if !isDoc {
				continue
			}
			v.File, v.Index, v.Line = in.path, n, c.line
			out = append(out, v)
			n++
		}
	}
	return out, warnings
}

// lintKinds are the kinds `argo lint` validates (WorkflowEventBinding is parsed but not linted).
var lintKinds = map[string]bool{
	wf.WorkflowKind: true, wf.WorkflowTemplateKind: true,
	wf.ClusterWorkflowTemplateKind: true, wf.CronWorkflowKind: true,
}

// lintChunk gives the verdict for one chunk; isDoc is false for blank or
// comment-only chunks, which are not documents.
func lintChunk(ctx context.Context, idx *templateIndex, c chunk, strict bool) (v Verdict, isDoc bool) {
	obj, ok, err := parseChunk(ctx, c.text, strict)
	if !ok || obj == nil {
		empty, h, syntaxErr := classify(c.text)
		if empty && err == nil {
			return v, false
		}
		v.Kind, v.Name = h.Kind, nameOr(h.Metadata.Name, h.Metadata.GenerateName)
		if err == nil && syntaxErr == nil && strict && lintKinds[h.Kind] {
			// Argo's strict parse failed before decoding (YAMLToJSONStrict: a duplicate
			// key), and ParseObjects then returns nothing, so `argo lint` silently
			// skips the document. Report the reason rather than a false "skipped".
			_, err = yaml.YAMLToJSONStrict([]byte(c.text))
		}
		switch {
		case syntaxErr != nil:
			v.Verdict, v.Error = Unparseable, syntaxErr.Error()
		case err != nil && (h.Kind == "" || lintKinds[h.Kind]):
			// A duplicate key under strict decoding, or an Argo kind whose YAML
			// cannot be read as an object. `argo lint` reports neither.
			v.Verdict, v.Error = Unparseable, err.Error()
		case h.Kind == "":
			v.Verdict, v.Error = Skipped, "not a Kubernetes object (no kind)"
		default:
			v.Verdict = Skipped
		}
		return v, true
	}

	kind := kindOf(obj)
	if kind == "" || !lintKinds[kind] {
		empty, h, _ := classify(c.text)
		if empty {
			return v, false // a comment-only chunk decodes to an empty ObjectMeta
		}
		v.Kind, v.Name, v.Verdict = h.Kind, nameOr(h.Metadata.Name, h.Metadata.GenerateName), Skipped
		return v, true
	}
	v.Kind, v.Name = kind, nameOr(obj.GetName(), obj.GetGenerateName())
	if err == nil {
		err = validateObject(ctx, idx, obj)
	}
	if err != nil {
		v.Verdict, v.Error = Invalid, err.Error()
	} else {
		v.Verdict = Valid
	}
	return v, true
}

// validateObject calls Argo's validator (argoValidate, one file per Argo version)
// with the options and getters the offline service clients use
// (pkg/apiclient/offline-*-service-client.go). The namespace is the object's own,
// else "" (the offline default namespace).
func validateObject(ctx context.Context, idx *templateIndex, obj metav1.Object) (err error) {
	// A ClusterWorkflowTemplate is validated with a nil namespaced getter, as
	// offline lint does, so a non-clusterScope templateRef in it makes Argo panic.
	// Report that as invalid instead of crashing the whole run.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("argo-oracle: Argo's validator panicked (argo lint --offline would crash): %v", r)
		}
	}()
	return argoValidate(ctx, idx.namespaced(obj.GetNamespace()), idx.cluster(), obj)
}

func kindOf(obj metav1.Object) string {
	switch obj.(type) {
	case *wfv1.Workflow:
		return wf.WorkflowKind
	case *wfv1.WorkflowTemplate:
		return wf.WorkflowTemplateKind
	case *wfv1.ClusterWorkflowTemplate:
		return wf.ClusterWorkflowTemplateKind
	case *wfv1.CronWorkflow:
		return wf.CronWorkflowKind
	case *wfv1.WorkflowEventBinding:
		return wf.WorkflowEventBindingKind
	case *wfv1.WorkflowTaskSet:
		return wf.WorkflowTaskSetKind
	}
	return ""
}

func nameOr(name, generateName string) string {
	if name != "" {
		return name
	}
	return generateName
}

// asJSON converts one chunk the way Argo's non-strict parse does (a JSON chunk is
// kept as it is); nil when go-yaml cannot read it.
func asJSON(text string) json.RawMessage {
	j, err := yaml.YAMLToJSON([]byte(text))
	if err != nil || !json.Valid(j) {
		return nil
	}
	return j
}
