module github.com/argo-gen/argo-gen/test/yaml-oracle

go 1.25.7

// The versions Argo v4.1.2 resolves (../shared/argo/src/v4.1.2/go.mod): sigs.k8s.io/yaml v1.6.0 over
// go.yaml.in/yaml/v2 v2.4.4 (v1.6.0 itself asks for v2.4.2; Argo's build selects v2.4.4).
require (
	go.yaml.in/yaml/v2 v2.4.4 // indirect
	sigs.k8s.io/yaml v1.6.0
)
