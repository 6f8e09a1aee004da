//go:build !argo40 && !argo37

package main

import "github.com/argoproj/argo-workflows/v4/workflow/validate"

// Argo 4.1's validator entry points (4.0 names them ValidateWorkflow, ValidateOpts, …).
var (
	lintOpts                        = validate.Opts{Lint: true}
	validateWorkflow                = validate.Workflow
	validateWorkflowTemplate        = validate.WorkflowTemplate
	validateClusterWorkflowTemplate = validate.ClusterWorkflowTemplate
	validateCronWorkflow            = validate.CronWorkflow
)
