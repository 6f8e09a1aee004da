//go:build !argo37

package main

import (
	"context"
	"io"

	wfv1 "github.com/argoproj/argo-workflows/v4/pkg/apis/workflow/v1alpha1"
	"github.com/argoproj/argo-workflows/v4/util/file"
	"github.com/argoproj/argo-workflows/v4/util/logging"
	"github.com/argoproj/argo-workflows/v4/workflow/common"
)

// The Argo 4.x entry points the oracle uses besides the validator (argo_v37.go
// has the 3.7 ones, which take no context).

// argoContext carries the logger Argo's 4.x code requires (it panics without one).
func argoContext(logOut io.Writer) context.Context {
	return logging.WithLogger(context.Background(), logging.NewSlogLoggerCustom(logging.Warn, logging.Text, logOut))
}

func walkManifests(ctx context.Context, root string, fn func(path string, data []byte) error) error {
	return file.WalkManifests(ctx, root, fn)
}

func parseObjects(ctx context.Context, body []byte, strict bool) []common.ParseResult {
	return common.ParseObjects(ctx, body, strict)
}

func (g nsGetter) Get(_ context.Context, name string) (*wfv1.WorkflowTemplate, error) {
	return g.get(name)
}

func (g clusterGetter) Get(_ context.Context, name string) (*wfv1.ClusterWorkflowTemplate, error) {
	return g.get(name)
}
