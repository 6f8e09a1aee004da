//go:build !argo37

package main

import (
	"context"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	wfv1 "github.com/argoproj/argo-workflows/v4/pkg/apis/workflow/v1alpha1"
	"github.com/argoproj/argo-workflows/v4/workflow/templateresolution"
)

// argoValidate is what the 4.x offline service clients call (the functions and
// options per minor version are in validate_v41.go / validate_v40.go): lint mode,
// except for a CronWorkflow, whose validator takes no options (its spec is checked
// without lint mode), and a ClusterWorkflowTemplate, which gets a nil namespaced getter.
func argoValidate(ctx context.Context, ns templateresolution.WorkflowTemplateNamespacedGetter, cluster templateresolution.ClusterWorkflowTemplateGetter, obj metav1.Object) error {
	switch v := obj.(type) {
	case *wfv1.Workflow:
		return validateWorkflow(ctx, ns, cluster, v, nil, lintOpts)
	case *wfv1.WorkflowTemplate:
		return validateWorkflowTemplate(ctx, ns, cluster, v, nil, lintOpts)
	case *wfv1.ClusterWorkflowTemplate:
		return validateClusterWorkflowTemplate(ctx, nil, cluster, v, nil, lintOpts)
	case *wfv1.CronWorkflow:
		return validateCronWorkflow(ctx, ns, cluster, v, nil)
	}
	return nil
}
