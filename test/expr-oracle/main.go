// Command expr-oracle evaluates `when` conditions and `{{=…}}` expressions exactly as Argo v4.1.2's controller does,
// with sample parameter values, so that argo-gen's typed expressions can be checked against Argo's own evaluators.
//
// Both go through Argo's substitution (util/template ReplaceStrictAny over the JSON-marshalled string, as
// resolveDependencyReferences in workflow/controller/dag.go and steps.go do): simple `{{x}}` tags are replaced by the
// raw value, `{{=…}}` tags are evaluated by expr-lang with Argo's environment (util/expr/env: sprig, asInt, asFloat,
// jsonpath, toJson). A `when` is then evaluated by the controller's own shouldExecute (govaluate), whose text
// build.sh takes from ../shared/argo/src/v4.1.2/workflow/controller/steps.go at build time (it is unexported, and the
// controller package is too large to link for one function; no copy of it is kept in this repository).
//
//	expr-oracle    stdin: a JSON array of {"text":…, "when":bool, "params":{"tasks.a.outputs.parameters.x":"3",…}}
//	               stdout: a JSON array, one per case: {"value":"…"} (the substituted text), {"when":true|false}, or
//	               {"error":"…"} when Argo refuses (a substitution, expr-lang or govaluate error)
//	               A case with a "mode" evaluates one library as Argo calls it (modes.go).
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/argoproj/argo-workflows/v4/util/logging"
	"github.com/argoproj/argo-workflows/v4/util/template"
)

type evalCase struct {
	Text   string            `json:"text"`
	When   bool              `json:"when"`
	Params map[string]string `json:"params"`
}

type evalResult struct {
	Value *string `json:"value,omitempty"`
	When  *bool   `json:"when,omitempty"`
	Error string  `json:"error,omitempty"`
}

func main() {
	var cases []json.RawMessage
	if err := json.NewDecoder(os.Stdin).Decode(&cases); err != nil {
		fmt.Fprintln(os.Stderr, "expr-oracle: stdin is not a JSON array of cases:", err)
		os.Exit(2)
	}
	// Argo's code requires a logger in the context; its debug lines are not wanted here.
	ctx := logging.WithLogger(context.Background(), logging.NewSlogLoggerCustom(logging.Warn, logging.Text, io.Discard))
	results := make([]any, len(cases))
	for i, raw := range cases {
		var m modeCase
		if err := json.Unmarshal(raw, &m); err != nil {
			fmt.Fprintln(os.Stderr, "expr-oracle: case", i, "is not a case:", err)
			os.Exit(2)
		}
		if m.Mode != "" {
			results[i] = runMode(ctx, m)
			continue
		}
		var c evalCase
		if err := json.Unmarshal(raw, &c); err != nil {
			fmt.Fprintln(os.Stderr, "expr-oracle: case", i, "is not a case:", err)
			os.Exit(2)
		}
		results[i] = evaluate(ctx, c)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(results); err != nil {
		fmt.Fprintln(os.Stderr, "expr-oracle:", err)
		os.Exit(2)
	}
}

func evaluate(ctx context.Context, c evalCase) (r evalResult) {
	// expr-lang and sprig panic on some inputs; the controller recovers per workflow, here per case.
	defer func() {
		if p := recover(); p != nil {
			r = evalResult{Error: fmt.Sprintf("panic: %v", p)}
		}
	}()
	params := make(map[string]any, len(c.Params))
	for k, v := range c.Params {
		params[k] = v
	}
	// As the controller does: marshal the field, substitute (tasks.* and steps.* must resolve), unmarshal.
	marshalled, err := json.Marshal(c.Text)
	if err != nil {
		return evalResult{Error: err.Error()}
	}
	replaced, err := template.ReplaceStrictAny(ctx, string(marshalled), params, []string{"tasks", "steps"})
	if err != nil {
		return evalResult{Error: err.Error()}
	}
	var resolved string
	if err := json.Unmarshal([]byte(replaced), &resolved); err != nil {
		return evalResult{Error: err.Error()}
	}
	if !c.When {
		return evalResult{Value: &resolved}
	}
	proceed, err := shouldExecute(resolved)
	if err != nil {
		return evalResult{Error: err.Error()}
	}
	return evalResult{When: &proceed}
}
