//go:build argo40

package main

import "github.com/argoproj/argo-workflows/v4/workflow/validate"

// Argo 4.0's validator entry points (built with -tags argo40 -modfile=versions/v4.0.10.mod).
var (
	lintOpts                        = validate.ValidateOpts{Lint: true}
	validateWorkflow                = validate.ValidateWorkflow
	validateWorkflowTemplate        = validate.ValidateWorkflowTemplate
	validateClusterWorkflowTemplate = validate.ValidateClusterWorkflowTemplate
	validateCronWorkflow            = validate.ValidateCronWorkflow
)
