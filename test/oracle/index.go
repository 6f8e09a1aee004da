package main

import (
	"fmt"

	wfv1 "github.com/argoproj/argo-workflows/v4/pkg/apis/workflow/v1alpha1"
	"github.com/argoproj/argo-workflows/v4/workflow/templateresolution"
)

// templateIndex holds every WorkflowTemplate (by namespace, then name) and
// ClusterWorkflowTemplate (by name) found in the files of one run. It mirrors
// pkg/apiclient/offline-client.go, whose getters are unexported, so that
// templateRef / workflowTemplateRef resolve exactly as under `argo lint --offline`.
//
// One deliberate difference: Argo aborts the whole run on a duplicate name or an
// unparseable document; we keep the first definition and return a warning, so one
// bad file does not blank the verdicts of a whole corpus.
type templateIndex struct {
	wftByNS map[string]map[string]*wfv1.WorkflowTemplate
	cwft    map[string]*wfv1.ClusterWorkflowTemplate
}

func newTemplateIndex() *templateIndex {
	return &templateIndex{
		wftByNS: map[string]map[string]*wfv1.WorkflowTemplate{},
		cwft:    map[string]*wfv1.ClusterWorkflowTemplate{},
	}
}

// add indexes one object parsed non-strictly (as the offline client does).
// It returns the message Argo would have aborted the run with, if any.
func (x *templateIndex) add(obj any) string {
	switch v := obj.(type) {
	case *wfv1.ClusterWorkflowTemplate:
		if _, dup := x.cwft[v.Name]; dup {
			return fmt.Sprintf("duplicate ClusterWorkflowTemplate found: %q", v.Name)
		}
		x.cwft[v.Name] = v
	case *wfv1.WorkflowTemplate:
		m := x.wftByNS[v.Namespace]
		if m == nil {
			m = map[string]*wfv1.WorkflowTemplate{}
			x.wftByNS[v.Namespace] = m
		}
		if _, dup := m[v.Name]; dup {
			return fmt.Sprintf("duplicate WorkflowTemplate found: %q", v.Name)
		}
		m[v.Name] = v
	}
	return ""
}

// namespaced returns the getter for one namespace ("" offline, unless the
// document sets metadata.namespace).
func (x *templateIndex) namespaced(ns string) templateresolution.WorkflowTemplateNamespacedGetter {
	return nsGetter{ns: ns, m: x.wftByNS[ns]}
}

func (x *templateIndex) cluster() templateresolution.ClusterWorkflowTemplateGetter {
	return clusterGetter(x.cwft)
}

// nsGetter and clusterGetter implement Argo's getter interfaces (their Get
// methods are in argo_v4.go / argo_v37.go: the 3.7 ones take no context).
type nsGetter struct {
	ns string
	m  map[string]*wfv1.WorkflowTemplate
}

func (g nsGetter) get(name string) (*wfv1.WorkflowTemplate, error) {
	if v, ok := g.m[name]; ok {
		return v, nil
	}
	// The same message as offlineWorkflowTemplateNamespacedGetter.
	return nil, fmt.Errorf("couldn't find workflow template %q in namespace %q", name, g.ns)
}

type clusterGetter map[string]*wfv1.ClusterWorkflowTemplate

func (g clusterGetter) get(name string) (*wfv1.ClusterWorkflowTemplate, error) {
	if v, ok := g[name]; ok {
		return v, nil
	}
	// The same message as offlineClusterWorkflowTemplateGetter.
	return nil, fmt.Errorf("couldn't find cluster workflow template %q", name)
}
