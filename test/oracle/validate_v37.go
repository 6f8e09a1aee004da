//go:build argo37

package main

import (
	"context"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	wfv1 "github.com/argoproj/argo-workflows/v4/pkg/apis/workflow/v1alpha1"
	"github.com/argoproj/argo-workflows/v4/workflow/templateresolution"
	"github.com/argoproj/argo-workflows/v4/workflow/validate"
)

// argoValidate for Argo 3.7 (module /v3; see argo_v37.go): the 4.0 names,
// without a context except for the CronWorkflow validator.
func argoValidate(ctx context.Context, ns templateresolution.WorkflowTemplateNamespacedGetter, cluster templateresolution.ClusterWorkflowTemplateGetter, obj metav1.Object) error {
	lint := validate.ValidateOpts{Lint: true}
	switch v := obj.(type) {
	case *wfv1.Workflow:
		return validate.ValidateWorkflow(ns, cluster, v, nil, lint)
	case *wfv1.WorkflowTemplate:
		return validate.ValidateWorkflowTemplate(ns, cluster, v, nil, lint)
	case *wfv1.ClusterWorkflowTemplate:
		return validate.ValidateClusterWorkflowTemplate(nil, cluster, v, nil, lint)
	case *wfv1.CronWorkflow:
		return validate.ValidateCronWorkflow(ctx, ns, cluster, v, nil)
	}
	return nil
}
