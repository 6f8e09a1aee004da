//go:build argo37

package main

// Argo 3.7 is module github.com/argoproj/argo-workflows/v3: build.sh builds a
// copy of these sources with the import paths rewritten from /v4 to /v3, so
// they are written with /v4 paths (which also keeps `go mod tidy` of go.mod happy).

import (
	"context"
	"io"

	log "github.com/sirupsen/logrus"

	wfv1 "github.com/argoproj/argo-workflows/v4/pkg/apis/workflow/v1alpha1"
	"github.com/argoproj/argo-workflows/v4/util/file"
	"github.com/argoproj/argo-workflows/v4/workflow/common"
)

// argoContext: Argo 3.7 logs through logrus' standard logger, not the context.
func argoContext(logOut io.Writer) context.Context {
	log.SetOutput(logOut)
	log.SetLevel(log.WarnLevel)
	return context.Background()
}

func walkManifests(_ context.Context, root string, fn func(path string, data []byte) error) error {
	return file.WalkManifests(root, fn)
}

func parseObjects(_ context.Context, body []byte, strict bool) []common.ParseResult {
	return common.ParseObjects(body, strict)
}

func (g nsGetter) Get(name string) (*wfv1.WorkflowTemplate, error) { return g.get(name) }

func (g clusterGetter) Get(name string) (*wfv1.ClusterWorkflowTemplate, error) { return g.get(name) }
