package main

// The oracle's modes beyond the original `when`/value cases: each evaluates with the library itself, as Argo calls it,
// and describes the result with its Go type (an int and a float64 print alike in JSON; NaN is no JSON number).
//
//	{"mode":"govaluate","expr":"…","params":{…}|null}  govaluate.NewEvaluableExpression + Evaluate(params); params
//	                                                     null: nil (a CronWorkflow's `when`)
//	{"mode":"when","expr":"…"}                          the controller's shouldExecute (steps.go)
//	{"mode":"expr","expr":"…","env":{…}}                expr.Compile(expr, expr.Env(env)) + expr.Run
//	{"mode":"expr-argo","expr":"…","params":{…}}        the same with Argo's environment over the flat map (GetFuncMap)
//	{"mode":"template","text":"…","params":{…},"unresolved":"keep"|"error"|"strict","prefixes":[…]}
//	                                                     util/template over the JSON-encoded text, decoded again
//	{"mode":"depends","expr":"…","results":{task:{Succeeded:…}}}  dag.go's evaluateDependsLogic evaluation
//	{"mode":"value-from","expr":"…","params":{…}}      an output's valueFrom.expression (scope.go resolveParameter, then
//	                                                     the value as AnyStringPtr writes it: fmt's %v; nil is an error)
//	{"mode":"eval-bool","expr":"…","params":{…}}       argoexpr.EvalBool over GetFuncMap (hooks, retryStrategy.expression)
//
// A result is {"value":<described>} or {"error":"…","stage":"compile"|"run"|"parse"|"panic"}.

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/Knetic/govaluate"
	"github.com/expr-lang/expr"

	"github.com/argoproj/argo-workflows/v4/util/expr/argoexpr"
	exprenv "github.com/argoproj/argo-workflows/v4/util/expr/env"
	"github.com/argoproj/argo-workflows/v4/util/template"
)

type modeCase struct {
	Mode       string                 `json:"mode"`
	Expr       string                 `json:"expr"`
	Text       string                 `json:"text"`
	Params     map[string]any         `json:"params"`
	Env        map[string]any         `json:"env"`
	Unresolved string                 `json:"unresolved"`
	Prefixes   []string               `json:"prefixes"`
	Results    map[string]TaskResults `json:"results"`
}

type modeResult struct {
	Value any    `json:"value,omitempty"`
	Error string `json:"error,omitempty"`
	Stage string `json:"stage,omitempty"`
}

func runMode(ctx context.Context, c modeCase) (r modeResult) {
	defer func() {
		if p := recover(); p != nil {
			r = modeResult{Error: fmt.Sprintf("panic: %v", p), Stage: "panic"}
		}
	}()
	switch c.Mode {
	case "govaluate":
		e, err := govaluate.NewEvaluableExpression(c.Expr)
		if err != nil {
			return modeResult{Error: err.Error(), Stage: "parse"}
		}
		var v any
		if c.Params == nil {
			v, err = e.Evaluate(nil)
		} else {
			v, err = e.Evaluate(c.Params)
		}
		if err != nil {
			return modeResult{Error: err.Error(), Stage: "run"}
		}
		return modeResult{Value: describe(v)}
	case "when":
		ok, err := shouldExecute(c.Expr)
		if err != nil {
			return modeResult{Error: err.Error(), Stage: "run"}
		}
		return modeResult{Value: describe(ok)}
	case "expr", "expr-argo":
		env := c.Env
		if c.Mode == "expr-argo" {
			env = exprenv.GetFuncMap(c.Params)
		}
		if env == nil {
			env = map[string]any{}
		}
		v, failed := compileAndRun(c.Expr, env)
		if failed != nil {
			return *failed
		}
		return modeResult{Value: describe(v)}
	case "value-from":
		v, failed := compileAndRun(c.Expr, exprenv.GetFuncMap(c.Params))
		if failed != nil {
			return *failed
		}
		if v == nil {
			return modeResult{Error: "failed to evaluate expression", Stage: "run"}
		}
		return modeResult{Value: describe(fmt.Sprintf("%v", v))}
	case "eval-bool":
		ok, err := argoexpr.EvalBool(c.Expr, exprenv.GetFuncMap(c.Params))
		if err != nil {
			return modeResult{Error: err.Error(), Stage: "run"}
		}
		return modeResult{Value: describe(ok)}
	case "template":
		marshalled, err := json.Marshal(c.Text)
		if err != nil {
			return modeResult{Error: err.Error(), Stage: "run"}
		}
		var replaced string
		switch c.Unresolved {
		case "keep":
			replaced, err = template.Replace(ctx, string(marshalled), c.Params, true)
		case "error":
			replaced, err = template.Replace(ctx, string(marshalled), c.Params, false)
		default:
			replaced, err = template.ReplaceStrictAny(ctx, string(marshalled), c.Params, c.Prefixes)
		}
		if err != nil {
			return modeResult{Error: err.Error(), Stage: "run"}
		}
		var s string
		if err := json.Unmarshal([]byte(replaced), &s); err != nil {
			return modeResult{Error: err.Error(), Stage: "run"}
		}
		return modeResult{Value: describe(s)}
	case "depends":
		// As evaluateDependsLogic: dashes read as underscores, the first of two colliding names wins.
		scope := make(map[string]TaskResults)
		names := make([]string, 0, len(c.Results))
		for name := range c.Results {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			key := strings.ReplaceAll(name, "-", "_")
			if _, ok := scope[key]; !ok {
				scope[key] = c.Results[name]
			}
		}
		ok, err := argoexpr.EvalBool(strings.ReplaceAll(c.Expr, "-", "_"), scope)
		if err != nil {
			return modeResult{Error: err.Error(), Stage: "run"}
		}
		return modeResult{Value: describe(ok)}
	}
	return modeResult{Error: "unknown mode " + c.Mode, Stage: "parse"}
}

// compileAndRun is expr.Compile with the environment, then expr.Run, saying which of the two refused.
func compileAndRun(input string, env map[string]any) (any, *modeResult) {
	program, err := expr.Compile(input, expr.Env(env))
	if err != nil {
		return nil, &modeResult{Error: err.Error(), Stage: "compile"}
	}
	v, err := expr.Run(program, env)
	if err != nil {
		return nil, &modeResult{Error: err.Error(), Stage: "run"}
	}
	return v, nil
}

// describe gives a value with its Go type: {"t":"float","v":"1.5"} (strconv 'g'), {"t":"int","v":"3"},
// {"t":"string","v":…}, {"t":"bool","v":…}, {"t":"nil"}, {"t":"list","v":[…]}, {"t":"map","v":{…}}, or
// {"t":"other","v":"<%T>"} for anything else (a function, a time).
func describe(v any) map[string]any {
	switch x := v.(type) {
	case nil:
		return map[string]any{"t": "nil"}
	case float64:
		if math.IsNaN(x) {
			return map[string]any{"t": "float", "v": "NaN"}
		}
		return map[string]any{"t": "float", "v": strconv.FormatFloat(x, 'g', -1, 64)}
	case int:
		return map[string]any{"t": "int", "v": strconv.Itoa(x)}
	case string:
		return map[string]any{"t": "string", "v": x}
	case bool:
		return map[string]any{"t": "bool", "v": x}
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = describe(e)
		}
		return map[string]any{"t": "list", "v": out}
	case []string:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = describe(e)
		}
		return map[string]any{"t": "list", "v": out}
	case []int:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = describe(e)
		}
		return map[string]any{"t": "list", "v": out}
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = describe(e)
		}
		return map[string]any{"t": "map", "v": out}
	}
	return map[string]any{"t": "other", "v": fmt.Sprintf("%T", v)}
}
