// GENERATED FILE. DO NOT EDIT: change packages/codegen and run `pnpm codegen`.
// Input: ../shared/argo/v4.1.2/schema.json (sha256 3f84c5722c48a5aa815fe69119a9375fc3635114f8046da20ede55a8596529f5)
// Command: pnpm codegen (packages/codegen/src/main.ts)
/** Any JSON value: what Argo accepts where its schema leaves a field free-form. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/**
 * @schema io.argoproj.workflow.v1alpha1.Amount
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#amount
 */
export type Amount = number;

/**
 * @schema io.argoproj.workflow.v1alpha1.ArchiveStrategy
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#archivestrategy
 */
export interface ArchiveStrategy {
    readonly none?: NoneStrategy;
    readonly tar?: TarStrategy;
    readonly zip?: ZipStrategy;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Arguments
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#arguments
 */
export interface Arguments {
    readonly artifacts?: readonly Artifact[];
    readonly parameters?: readonly Parameter[];
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ArtGCStatus
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#artgcstatus
 */
export interface ArtGCStatus {
    readonly notSpecified?: boolean;
    readonly podsRecouped?: { readonly [key: string]: boolean };
    readonly strategiesProcessed?: { readonly [key: string]: boolean };
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Artifact
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#artifact
 */
export interface Artifact {
    readonly archive?: ArchiveStrategy;
    readonly archiveLogs?: boolean;
    readonly artifactGC?: ArtifactGC;
    readonly artifactory?: ArtifactoryArtifact;
    readonly azure?: AzureArtifact;
    readonly deleted?: boolean;
    readonly from?: string;
    readonly fromExpression?: string;
    readonly gcs?: GCSArtifact;
    readonly git?: GitArtifact;
    readonly globalName?: string;
    readonly hdfs?: HDFSArtifact;
    readonly http?: HTTPArtifact;
    readonly mode?: number;
    readonly name: string;
    readonly optional?: boolean;
    readonly oss?: OSSArtifact;
    readonly path?: string;
    readonly plugin?: PluginArtifact;
    readonly raw?: RawArtifact;
    readonly recurseMode?: boolean;
    readonly s3?: S3Artifact;
    readonly subPath?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ArtifactGC
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#artifactgc
 */
export interface ArtifactGC {
    readonly podMetadata?: Metadata;
    readonly serviceAccountName?: string;
    readonly strategy?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ArtifactLocation
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#artifactlocation
 */
export interface ArtifactLocation {
    readonly archiveLogs?: boolean;
    readonly artifactory?: ArtifactoryArtifact;
    readonly azure?: AzureArtifact;
    readonly gcs?: GCSArtifact;
    readonly git?: GitArtifact;
    readonly hdfs?: HDFSArtifact;
    readonly http?: HTTPArtifact;
    readonly oss?: OSSArtifact;
    readonly plugin?: PluginArtifact;
    readonly raw?: RawArtifact;
    readonly s3?: S3Artifact;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ArtifactPaths
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#artifactpaths
 */
export interface ArtifactPaths {
    readonly archive?: ArchiveStrategy;
    readonly archiveLogs?: boolean;
    readonly artifactGC?: ArtifactGC;
    readonly artifactory?: ArtifactoryArtifact;
    readonly azure?: AzureArtifact;
    readonly deleted?: boolean;
    readonly from?: string;
    readonly fromExpression?: string;
    readonly gcs?: GCSArtifact;
    readonly git?: GitArtifact;
    readonly globalName?: string;
    readonly hdfs?: HDFSArtifact;
    readonly http?: HTTPArtifact;
    readonly mode?: number;
    readonly name: string;
    readonly optional?: boolean;
    readonly oss?: OSSArtifact;
    readonly path?: string;
    readonly plugin?: PluginArtifact;
    readonly raw?: RawArtifact;
    readonly recurseMode?: boolean;
    readonly s3?: S3Artifact;
    readonly subPath?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ArtifactRepository
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#artifactrepository
 */
export interface ArtifactRepository {
    readonly archiveLogs?: boolean;
    readonly artifactory?: ArtifactoryArtifactRepository;
    readonly azure?: AzureArtifactRepository;
    readonly gcs?: GCSArtifactRepository;
    readonly hdfs?: HDFSArtifactRepository;
    readonly oss?: OSSArtifactRepository;
    readonly plugin?: PluginArtifactRepository;
    readonly s3?: S3ArtifactRepository;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ArtifactRepositoryRef
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#artifactrepositoryref
 */
export interface ArtifactRepositoryRef {
    readonly configMap?: string;
    readonly key?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ArtifactRepositoryRefStatus
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#artifactrepositoryrefstatus
 */
export interface ArtifactRepositoryRefStatus {
    readonly artifactRepository?: ArtifactRepository;
    readonly configMap?: string;
    readonly default?: boolean;
    readonly key?: string;
    readonly namespace?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ArtifactoryArtifact
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#artifactoryartifact
 */
export interface ArtifactoryArtifact {
    readonly passwordSecret?: SecretKeySelector;
    readonly url: string;
    readonly usernameSecret?: SecretKeySelector;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ArtifactoryArtifactRepository
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#artifactoryartifactrepository
 */
export interface ArtifactoryArtifactRepository {
    readonly keyFormat?: string;
    readonly passwordSecret?: SecretKeySelector;
    readonly repoURL?: string;
    readonly usernameSecret?: SecretKeySelector;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.AzureArtifact
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#azureartifact
 */
export interface AzureArtifact {
    readonly accountKeySecret?: SecretKeySelector;
    readonly blob: string;
    readonly container: string;
    readonly endpoint: string;
    readonly useSDKCreds?: boolean;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.AzureArtifactRepository
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#azureartifactrepository
 */
export interface AzureArtifactRepository {
    readonly accountKeySecret?: SecretKeySelector;
    readonly blobNameFormat?: string;
    readonly container: string;
    readonly endpoint: string;
    readonly useSDKCreds?: boolean;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Backoff
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#backoff
 */
export interface Backoff {
    readonly cap?: string;
    readonly duration?: string;
    readonly factor?: IntOrString;
    readonly maxDuration?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.BasicAuth
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#basicauth
 */
export interface BasicAuth {
    readonly passwordSecret?: SecretKeySelector;
    readonly usernameSecret?: SecretKeySelector;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Cache
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#cache
 */
export interface Cache {
    readonly configMap: LocalObjectReference;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ClientCertAuth
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#clientcertauth
 */
export interface ClientCertAuth {
    readonly clientCertSecret?: SecretKeySelector;
    readonly clientKeySecret?: SecretKeySelector;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ClusterWorkflowTemplate
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#clusterworkflowtemplate
 */
export interface ClusterWorkflowTemplate {
    readonly apiVersion?: "argoproj.io/v1alpha1";
    readonly kind?: "ClusterWorkflowTemplate";
    readonly metadata: ObjectMeta;
    readonly spec: WorkflowSpec;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Condition
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#condition
 */
export interface Condition {
    readonly message?: string;
    readonly status?: string;
    readonly type?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ContainerNode
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#containernode
 */
export interface ContainerNode {
    readonly args?: readonly string[];
    readonly command?: readonly string[];
    readonly dependencies?: readonly string[];
    readonly env?: readonly EnvVar[];
    readonly envFrom?: readonly EnvFromSource[];
    readonly image?: string;
    readonly imagePullPolicy?: string;
    readonly lifecycle?: Lifecycle;
    readonly livenessProbe?: Probe;
    readonly name: string;
    readonly ports?: readonly ContainerPort[];
    readonly readinessProbe?: Probe;
    readonly resizePolicy?: readonly ContainerResizePolicy[];
    readonly resources?: ResourceRequirements;
    readonly restartPolicy?: string;
    readonly restartPolicyRules?: readonly ContainerRestartRule[];
    readonly securityContext?: SecurityContext;
    readonly startupProbe?: Probe;
    readonly stdin?: boolean;
    readonly stdinOnce?: boolean;
    readonly terminationMessagePath?: string;
    readonly terminationMessagePolicy?: string;
    readonly tty?: boolean;
    readonly volumeDevices?: readonly VolumeDevice[];
    readonly volumeMounts?: readonly VolumeMount[];
    readonly workingDir?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ContainerSetRetryStrategy
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#containersetretrystrategy
 */
export interface ContainerSetRetryStrategy {
    readonly duration?: string;
    readonly retries: IntOrString;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ContainerSetTemplate
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#containersettemplate
 */
export interface ContainerSetTemplate {
    readonly containers: readonly ContainerNode[];
    readonly retryStrategy?: ContainerSetRetryStrategy;
    readonly volumeMounts?: readonly VolumeMount[];
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ContinueOn
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#continueon
 */
export interface ContinueOn {
    readonly error?: boolean;
    readonly failed?: boolean;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Counter
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#counter
 */
export interface Counter {
    readonly value: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.CreateS3BucketOptions
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#creates3bucketoptions
 */
export interface CreateS3BucketOptions {
    readonly objectLocking?: boolean;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.CronWorkflow
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#cronworkflow
 */
export interface CronWorkflow {
    readonly apiVersion?: "argoproj.io/v1alpha1";
    readonly kind?: "CronWorkflow";
    readonly metadata: ObjectMeta;
    readonly spec: CronWorkflowSpec;
    readonly status?: CronWorkflowStatus;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.CronWorkflowSpec
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#cronworkflowspec
 */
export interface CronWorkflowSpec {
    readonly concurrencyPolicy?: string;
    readonly failedJobsHistoryLimit?: number;
    readonly schedules: readonly string[];
    readonly startingDeadlineSeconds?: number;
    readonly stopStrategy?: StopStrategy;
    readonly successfulJobsHistoryLimit?: number;
    readonly suspend?: boolean;
    readonly timezone?: string;
    readonly when?: string;
    readonly workflowMetadata?: ObjectMeta;
    readonly workflowSpec: WorkflowSpec;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.CronWorkflowStatus
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#cronworkflowstatus
 */
export interface CronWorkflowStatus {
    readonly active?: readonly ObjectReference[];
    readonly conditions?: readonly Condition[];
    readonly failed?: number;
    readonly lastScheduledTime?: Time;
    readonly phase?: string;
    readonly succeeded?: number;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.DAGTask
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#dagtask
 */
export interface DAGTask {
    readonly arguments?: Arguments;
    readonly continueOn?: ContinueOn;
    readonly dependencies?: readonly string[];
    readonly depends?: string;
    readonly hooks?: { readonly [key: string]: LifecycleHook };
    readonly inline?: Template;
    readonly name: string;
    readonly onExit?: string;
    readonly template?: string;
    readonly templateRef?: TemplateRef;
    readonly when?: string;
    readonly withItems?: readonly Item[];
    readonly withParam?: string;
    readonly withSequence?: Sequence;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.DAGTemplate
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#dagtemplate
 */
export interface DAGTemplate {
    readonly failFast?: boolean;
    readonly target?: string;
    readonly tasks: readonly DAGTask[];
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Data
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#data
 */
export interface Data {
    readonly source: DataSource;
    readonly transformation: readonly TransformationStep[];
}

/**
 * @schema io.argoproj.workflow.v1alpha1.DataSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#datasource
 */
export interface DataSource {
    readonly artifactPaths?: ArtifactPaths;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Event
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#event
 */
export interface Event {
    readonly selector: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ExecutorConfig
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#executorconfig
 */
export interface ExecutorConfig {
    readonly serviceAccountName?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ExecutorPlugin
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#executorplugin
 */
export interface ExecutorPlugin {
    readonly metadata: ObjectMeta;
    readonly spec: ExecutorPluginSpec;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ExecutorPluginSidecar
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#executorpluginsidecar
 */
export interface ExecutorPluginSidecar {
    readonly automountServiceAccountToken?: boolean;
    readonly container: Container;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ExecutorPluginSpec
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#executorpluginspec
 */
export interface ExecutorPluginSpec {
    readonly sidecar: ExecutorPluginSidecar;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.GCSArtifact
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#gcsartifact
 */
export interface GCSArtifact {
    readonly bucket?: string;
    readonly key: string;
    readonly serviceAccountKeySecret?: SecretKeySelector;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.GCSArtifactRepository
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#gcsartifactrepository
 */
export interface GCSArtifactRepository {
    readonly bucket?: string;
    readonly keyFormat?: string;
    readonly serviceAccountKeySecret?: SecretKeySelector;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Gauge
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#gauge
 */
export interface Gauge {
    readonly operation?: string;
    readonly realtime: boolean;
    readonly value: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.GitArtifact
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#gitartifact
 */
export interface GitArtifact {
    readonly branch?: string;
    readonly depth?: number;
    readonly disableSubmodules?: boolean;
    readonly fetch?: readonly string[];
    readonly insecureIgnoreHostKey?: boolean;
    readonly insecureSkipTLS?: boolean;
    readonly passwordSecret?: SecretKeySelector;
    readonly repo: string;
    readonly revision?: string;
    readonly singleBranch?: boolean;
    readonly sshPrivateKeySecret?: SecretKeySelector;
    readonly usernameSecret?: SecretKeySelector;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.HDFSArtifact
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#hdfsartifact
 */
export interface HDFSArtifact {
    readonly addresses?: readonly string[];
    readonly dataTransferProtection?: string;
    readonly force?: boolean;
    readonly hdfsUser?: string;
    readonly krbCCacheSecret?: SecretKeySelector;
    readonly krbConfigConfigMap?: ConfigMapKeySelector;
    readonly krbKeytabSecret?: SecretKeySelector;
    readonly krbRealm?: string;
    readonly krbServicePrincipalName?: string;
    readonly krbUsername?: string;
    readonly path: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.HDFSArtifactRepository
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#hdfsartifactrepository
 */
export interface HDFSArtifactRepository {
    readonly addresses?: readonly string[];
    readonly dataTransferProtection?: string;
    readonly force?: boolean;
    readonly hdfsUser?: string;
    readonly krbCCacheSecret?: SecretKeySelector;
    readonly krbConfigConfigMap?: ConfigMapKeySelector;
    readonly krbKeytabSecret?: SecretKeySelector;
    readonly krbRealm?: string;
    readonly krbServicePrincipalName?: string;
    readonly krbUsername?: string;
    readonly pathFormat?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.HTTP
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#http
 */
export interface HTTP {
    readonly body?: string;
    readonly bodyFrom?: HTTPBodySource;
    readonly headers?: readonly HTTPHeader[];
    readonly insecureSkipVerify?: boolean;
    readonly method?: string;
    readonly successCondition?: string;
    readonly timeoutSeconds?: number;
    readonly url: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.HTTPArtifact
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#httpartifact
 */
export interface HTTPArtifact {
    readonly auth?: HTTPAuth;
    readonly headers?: readonly Header[];
    readonly saveStreamViaFile?: boolean;
    readonly url: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.HTTPAuth
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#httpauth
 */
export interface HTTPAuth {
    readonly basicAuth?: BasicAuth;
    readonly clientCert?: ClientCertAuth;
    readonly oauth2?: OAuth2Auth;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.HTTPBodySource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#httpbodysource
 */
export interface HTTPBodySource {
    readonly bytes?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.HTTPHeader
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#httpheader
 */
export interface HTTPHeader {
    readonly name: string;
    readonly value?: string;
    readonly valueFrom?: HTTPHeaderSource;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.HTTPHeaderSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#httpheadersource
 */
export interface HTTPHeaderSource {
    readonly secretKeyRef?: SecretKeySelector;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Header
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#header
 */
export interface Header {
    readonly name: string;
    readonly value: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Histogram
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#histogram
 */
export interface Histogram {
    readonly buckets: readonly Amount[];
    readonly value: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Inputs
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#inputs
 */
export interface Inputs {
    readonly artifacts?: readonly Artifact[];
    readonly parameters?: readonly Parameter[];
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Item
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#item
 */
export type Item = JsonValue;

/**
 * @schema io.argoproj.workflow.v1alpha1.LabelValueFrom
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#labelvaluefrom
 */
export interface LabelValueFrom {
    readonly expression: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.LifecycleHook
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#lifecyclehook
 */
export interface LifecycleHook {
    readonly arguments?: Arguments;
    readonly expression?: string;
    readonly template?: string;
    readonly templateRef?: TemplateRef;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ManifestFrom
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#manifestfrom
 */
export interface ManifestFrom {
    readonly artifact: Artifact;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.MemoizationStatus
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#memoizationstatus
 */
export interface MemoizationStatus {
    readonly cacheName: string;
    readonly hit: boolean;
    readonly key: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Memoize
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#memoize
 */
export interface Memoize {
    readonly cache: Cache;
    readonly key: string;
    readonly maxAge: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Metadata
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#metadata
 */
export interface Metadata {
    readonly annotations?: { readonly [key: string]: string };
    readonly labels?: { readonly [key: string]: string };
}

/**
 * @schema io.argoproj.workflow.v1alpha1.MetricLabel
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#metriclabel
 */
export interface MetricLabel {
    readonly key: string;
    readonly value: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Metrics
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#metrics
 */
export interface Metrics {
    readonly prometheus: readonly Prometheus[];
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Mutex
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#mutex
 */
export interface Mutex {
    readonly database?: boolean;
    readonly name?: string;
    readonly namespace?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.MutexHolding
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#mutexholding
 */
export interface MutexHolding {
    readonly holder?: string;
    readonly mutex?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.MutexStatus
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#mutexstatus
 */
export interface MutexStatus {
    readonly holding?: readonly MutexHolding[];
    readonly waiting?: readonly MutexHolding[];
}

/**
 * @schema io.argoproj.workflow.v1alpha1.NodeFlag
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#nodeflag
 */
export interface NodeFlag {
    readonly hooked?: boolean;
    readonly retried?: boolean;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.NodeStatus
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#nodestatus
 */
export interface NodeStatus {
    readonly boundaryID?: string;
    readonly children?: readonly string[];
    readonly daemoned?: boolean;
    readonly displayName?: string;
    readonly estimatedDuration?: number;
    readonly failedPodRestarts?: number;
    readonly finishedAt?: Time;
    readonly hostNodeName?: string;
    readonly id: string;
    readonly inputs?: Inputs;
    readonly memoizationStatus?: MemoizationStatus;
    readonly message?: string;
    readonly name: string;
    readonly nodeFlag?: NodeFlag;
    readonly outboundNodes?: readonly string[];
    readonly outputs?: Outputs;
    readonly phase?: string;
    readonly podIP?: string;
    readonly progress?: string;
    readonly resourcesDuration?: { readonly [key: string]: number };
    readonly restartingPodUID?: string;
    readonly startedAt?: Time;
    readonly synchronizationStatus?: NodeSynchronizationStatus;
    readonly taskResultSynced?: boolean;
    readonly templateName?: string;
    readonly templateRef?: TemplateRef;
    readonly templateScope?: string;
    readonly type: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.NodeSynchronizationStatus
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#nodesynchronizationstatus
 */
export interface NodeSynchronizationStatus {
    readonly waiting?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.NoneStrategy
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#nonestrategy
 */
export type NoneStrategy = { readonly [key: string]: JsonValue };

/**
 * @schema io.argoproj.workflow.v1alpha1.OAuth2Auth
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#oauth2auth
 */
export interface OAuth2Auth {
    readonly clientIDSecret?: SecretKeySelector;
    readonly clientSecretSecret?: SecretKeySelector;
    readonly endpointParams?: readonly OAuth2EndpointParam[];
    readonly scopes?: readonly string[];
    readonly tokenURLSecret?: SecretKeySelector;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.OAuth2EndpointParam
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#oauth2endpointparam
 */
export interface OAuth2EndpointParam {
    readonly key: string;
    readonly value?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.OSSArtifact
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#ossartifact
 */
export interface OSSArtifact {
    readonly accessKeySecret?: SecretKeySelector;
    readonly bucket?: string;
    readonly createBucketIfNotPresent?: boolean;
    readonly endpoint?: string;
    readonly key: string;
    readonly lifecycleRule?: OSSLifecycleRule;
    readonly secretKeySecret?: SecretKeySelector;
    readonly securityToken?: string;
    readonly useSDKCreds?: boolean;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.OSSArtifactRepository
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#ossartifactrepository
 */
export interface OSSArtifactRepository {
    readonly accessKeySecret?: SecretKeySelector;
    readonly bucket?: string;
    readonly createBucketIfNotPresent?: boolean;
    readonly endpoint?: string;
    readonly keyFormat?: string;
    readonly lifecycleRule?: OSSLifecycleRule;
    readonly secretKeySecret?: SecretKeySelector;
    readonly securityToken?: string;
    readonly useSDKCreds?: boolean;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.OSSLifecycleRule
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#osslifecyclerule
 */
export interface OSSLifecycleRule {
    readonly markDeletionAfterDays?: number;
    readonly markInfrequentAccessAfterDays?: number;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Outputs
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#outputs
 */
export interface Outputs {
    readonly artifacts?: readonly Artifact[];
    readonly exitCode?: string;
    readonly parameters?: readonly Parameter[];
    readonly result?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ParallelSteps
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#parallelsteps
 */
export type ParallelSteps = readonly WorkflowStep[];

/**
 * @schema io.argoproj.workflow.v1alpha1.Parameter
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#parameter
 */
export interface Parameter {
    readonly default?: string | number | boolean;
    readonly description?: string;
    readonly enum?: readonly (string | number | boolean)[];
    readonly globalName?: string;
    readonly name: string;
    readonly value?: string | number | boolean;
    readonly valueFrom?: ValueFrom;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Plugin
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#plugin
 */
export type Plugin = { readonly [key: string]: JsonValue };

/**
 * @schema io.argoproj.workflow.v1alpha1.PluginArtifact
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#pluginartifact
 */
export interface PluginArtifact {
    readonly configuration?: string;
    readonly connectionTimeoutSeconds?: number;
    readonly key: string;
    readonly name?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.PluginArtifactRepository
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#pluginartifactrepository
 */
export interface PluginArtifactRepository {
    readonly configuration: string;
    readonly keyFormat?: string;
    readonly name: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.PodGC
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#podgc
 */
export interface PodGC {
    readonly deleteDelayDuration?: string;
    readonly labelSelector?: LabelSelector;
    readonly strategy?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Prometheus
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#prometheus
 */
export interface Prometheus {
    readonly counter?: Counter;
    readonly gauge?: Gauge;
    readonly help: string;
    readonly histogram?: Histogram;
    readonly labels?: readonly MetricLabel[];
    readonly name: string;
    readonly when?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.RawArtifact
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#rawartifact
 */
export interface RawArtifact {
    readonly data: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ResourceTemplate
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#resourcetemplate
 */
export interface ResourceTemplate {
    readonly action: string;
    readonly failureCondition?: string;
    readonly flags?: readonly string[];
    readonly manifest?: string;
    readonly manifestFrom?: ManifestFrom;
    readonly mergeStrategy?: string;
    readonly setOwnerReference?: boolean;
    readonly successCondition?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.RetryAffinity
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#retryaffinity
 */
export interface RetryAffinity {
    readonly nodeAntiAffinity?: RetryNodeAntiAffinity;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.RetryNodeAntiAffinity
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#retrynodeantiaffinity
 */
export type RetryNodeAntiAffinity = { readonly [key: string]: JsonValue };

/**
 * @schema io.argoproj.workflow.v1alpha1.RetryStrategy
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#retrystrategy
 */
export interface RetryStrategy {
    readonly affinity?: RetryAffinity;
    readonly backoff?: Backoff;
    readonly expression?: string;
    readonly limit?: IntOrString;
    readonly retryPolicy?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.S3Artifact
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#s3artifact
 */
export interface S3Artifact {
    readonly accessKeySecret?: SecretKeySelector;
    readonly addressingStyle?: string;
    readonly bucket?: string;
    readonly caSecret?: SecretKeySelector;
    readonly createBucketIfNotPresent?: CreateS3BucketOptions;
    readonly encryptionOptions?: S3EncryptionOptions;
    readonly endpoint?: string;
    readonly insecure?: boolean;
    readonly key?: string;
    readonly region?: string;
    readonly roleARN?: string;
    readonly secretKeySecret?: SecretKeySelector;
    readonly sessionTokenSecret?: SecretKeySelector;
    readonly useSDKCreds?: boolean;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.S3ArtifactRepository
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#s3artifactrepository
 */
export interface S3ArtifactRepository {
    readonly accessKeySecret?: SecretKeySelector;
    readonly addressingStyle?: string;
    readonly bucket?: string;
    readonly caSecret?: SecretKeySelector;
    readonly createBucketIfNotPresent?: CreateS3BucketOptions;
    readonly encryptionOptions?: S3EncryptionOptions;
    readonly endpoint?: string;
    readonly insecure?: boolean;
    readonly keyFormat?: string;
    readonly keyPrefix?: string;
    readonly region?: string;
    readonly roleARN?: string;
    readonly secretKeySecret?: SecretKeySelector;
    readonly sessionTokenSecret?: SecretKeySelector;
    readonly useSDKCreds?: boolean;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.S3EncryptionOptions
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#s3encryptionoptions
 */
export interface S3EncryptionOptions {
    readonly enableEncryption?: boolean;
    readonly kmsEncryptionContext?: string;
    readonly kmsKeyId?: string;
    readonly serverSideCustomerKeySecret?: SecretKeySelector;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ScriptTemplate
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#scripttemplate
 */
export interface ScriptTemplate {
    readonly args?: readonly string[];
    readonly command?: readonly string[];
    readonly env?: readonly EnvVar[];
    readonly envFrom?: readonly EnvFromSource[];
    readonly image?: string;
    readonly imagePullPolicy?: string;
    readonly lifecycle?: Lifecycle;
    readonly livenessProbe?: Probe;
    readonly name?: string;
    readonly ports?: readonly ContainerPort[];
    readonly readinessProbe?: Probe;
    readonly resizePolicy?: readonly ContainerResizePolicy[];
    readonly resources?: ResourceRequirements;
    readonly restartPolicy?: string;
    readonly restartPolicyRules?: readonly ContainerRestartRule[];
    readonly securityContext?: SecurityContext;
    readonly source?: string;
    readonly startupProbe?: Probe;
    readonly stdin?: boolean;
    readonly stdinOnce?: boolean;
    readonly terminationMessagePath?: string;
    readonly terminationMessagePolicy?: string;
    readonly tty?: boolean;
    readonly volumeDevices?: readonly VolumeDevice[];
    readonly volumeMounts?: readonly VolumeMount[];
    readonly workingDir?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.SemaphoreHolding
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#semaphoreholding
 */
export interface SemaphoreHolding {
    readonly holders?: readonly string[];
    readonly semaphore?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.SemaphoreRef
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#semaphoreref
 */
export interface SemaphoreRef {
    readonly configMapKeyRef?: ConfigMapKeySelector;
    readonly database?: SyncDatabaseRef;
    readonly namespace?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.SemaphoreStatus
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#semaphorestatus
 */
export interface SemaphoreStatus {
    readonly holding?: readonly SemaphoreHolding[];
    readonly waiting?: readonly SemaphoreHolding[];
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Sequence
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#sequence
 */
export interface Sequence {
    readonly count?: IntOrString;
    readonly end?: IntOrString;
    readonly format?: string;
    readonly start?: IntOrString;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.StopStrategy
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#stopstrategy
 */
export interface StopStrategy {
    readonly expression: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Submit
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#submit
 */
export interface Submit {
    readonly arguments?: Arguments;
    readonly metadata?: ObjectMeta;
    readonly workflowTemplateRef: WorkflowTemplateRef;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.SuppliedValueFrom
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#suppliedvaluefrom
 */
export type SuppliedValueFrom = { readonly [key: string]: JsonValue };

/**
 * @schema io.argoproj.workflow.v1alpha1.SuspendTemplate
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#suspendtemplate
 */
export interface SuspendTemplate {
    readonly duration?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.SyncDatabaseRef
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#syncdatabaseref
 */
export interface SyncDatabaseRef {
    readonly key: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Synchronization
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#synchronization
 */
export interface Synchronization {
    readonly mutexes?: readonly Mutex[];
    readonly semaphores?: readonly SemaphoreRef[];
}

/**
 * @schema io.argoproj.workflow.v1alpha1.SynchronizationStatus
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#synchronizationstatus
 */
export interface SynchronizationStatus {
    readonly mutex?: MutexStatus;
    readonly semaphore?: SemaphoreStatus;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.TTLStrategy
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#ttlstrategy
 */
export interface TTLStrategy {
    readonly secondsAfterCompletion?: number;
    readonly secondsAfterFailure?: number;
    readonly secondsAfterSuccess?: number;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.TarStrategy
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#tarstrategy
 */
export interface TarStrategy {
    readonly compressionLevel?: number;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Template
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#template
 */
export interface Template {
    readonly activeDeadlineSeconds?: IntOrString;
    readonly affinity?: Affinity;
    readonly annotations?: { readonly [key: string]: string };
    readonly archiveLocation?: ArtifactLocation;
    readonly automountServiceAccountToken?: boolean;
    readonly container?: Container;
    readonly containerSet?: ContainerSetTemplate;
    readonly daemon?: boolean;
    readonly dag?: DAGTemplate;
    readonly data?: Data;
    readonly executor?: ExecutorConfig;
    readonly failFast?: boolean;
    readonly hostAliases?: readonly HostAlias[];
    readonly http?: HTTP;
    readonly initContainers?: readonly UserContainer[];
    readonly inputs?: Inputs;
    readonly memoize?: Memoize;
    readonly metadata?: Metadata;
    readonly metrics?: Metrics;
    readonly name?: string;
    readonly nodeSelector?: { readonly [key: string]: string };
    readonly outputs?: Outputs;
    readonly parallelism?: number;
    readonly pendingTimeout?: string;
    readonly plugin?: Plugin;
    readonly podResources?: ResourceRequirements;
    readonly podSpecPatch?: string;
    readonly priorityClassName?: string;
    readonly resource?: ResourceTemplate;
    readonly resourceClaims?: readonly PodResourceClaim[];
    readonly retryStrategy?: RetryStrategy;
    readonly schedulerName?: string;
    readonly script?: ScriptTemplate;
    readonly securityContext?: PodSecurityContext;
    readonly serviceAccountName?: string;
    readonly sidecars?: readonly UserContainer[];
    readonly steps?: readonly ParallelSteps[];
    readonly suspend?: SuspendTemplate;
    readonly synchronization?: Synchronization;
    readonly timeout?: string;
    readonly tolerations?: readonly Toleration[];
    readonly volumes?: readonly Volume[];
}

/**
 * @schema io.argoproj.workflow.v1alpha1.TemplateRef
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#templateref
 */
export interface TemplateRef {
    readonly clusterScope?: boolean;
    readonly name?: string;
    readonly template?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.TransformationStep
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#transformationstep
 */
export interface TransformationStep {
    readonly expression: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.UserContainer
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#usercontainer
 */
export interface UserContainer {
    readonly args?: readonly string[];
    readonly command?: readonly string[];
    readonly env?: readonly EnvVar[];
    readonly envFrom?: readonly EnvFromSource[];
    readonly image?: string;
    readonly imagePullPolicy?: string;
    readonly lifecycle?: Lifecycle;
    readonly livenessProbe?: Probe;
    readonly mirrorVolumeMounts?: boolean;
    readonly name: string;
    readonly ports?: readonly ContainerPort[];
    readonly readinessProbe?: Probe;
    readonly resizePolicy?: readonly ContainerResizePolicy[];
    readonly resources?: ResourceRequirements;
    readonly restartPolicy?: string;
    readonly restartPolicyRules?: readonly ContainerRestartRule[];
    readonly securityContext?: SecurityContext;
    readonly startupProbe?: Probe;
    readonly stdin?: boolean;
    readonly stdinOnce?: boolean;
    readonly terminationMessagePath?: string;
    readonly terminationMessagePolicy?: string;
    readonly tty?: boolean;
    readonly volumeDevices?: readonly VolumeDevice[];
    readonly volumeMounts?: readonly VolumeMount[];
    readonly workingDir?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ValueFrom
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#valuefrom
 */
export interface ValueFrom {
    readonly configMapKeyRef?: ConfigMapKeySelector;
    readonly default?: string;
    readonly event?: string;
    readonly expression?: string;
    readonly jqFilter?: string;
    readonly jsonPath?: string;
    readonly parameter?: string;
    readonly path?: string;
    readonly supplied?: SuppliedValueFrom;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.VolumeClaimGC
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#volumeclaimgc
 */
export interface VolumeClaimGC {
    readonly strategy?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.Workflow
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#workflow
 */
export interface Workflow {
    readonly apiVersion?: "argoproj.io/v1alpha1";
    readonly kind?: "Workflow";
    readonly metadata: ObjectMeta;
    readonly spec: WorkflowSpec;
    readonly status?: WorkflowStatus;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.WorkflowEventBinding
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#workfloweventbinding
 */
export interface WorkflowEventBinding {
    readonly apiVersion?: "argoproj.io/v1alpha1";
    readonly kind?: "WorkflowEventBinding";
    readonly metadata: ObjectMeta;
    readonly spec: WorkflowEventBindingSpec;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.WorkflowEventBindingSpec
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#workfloweventbindingspec
 */
export interface WorkflowEventBindingSpec {
    readonly event: Event;
    readonly submit?: Submit;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.WorkflowLevelArtifactGC
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#workflowlevelartifactgc
 */
export interface WorkflowLevelArtifactGC {
    readonly forceFinalizerRemoval?: boolean;
    readonly podMetadata?: Metadata;
    readonly podSpecPatch?: string;
    readonly serviceAccountName?: string;
    readonly strategy?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.WorkflowMetadata
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#workflowmetadata
 */
export interface WorkflowMetadata {
    readonly annotations?: { readonly [key: string]: string };
    readonly labels?: { readonly [key: string]: string };
    readonly labelsFrom?: { readonly [key: string]: LabelValueFrom };
}

/**
 * @schema io.argoproj.workflow.v1alpha1.WorkflowSpec
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#workflowspec
 */
export interface WorkflowSpec {
    readonly activeDeadlineSeconds?: number;
    readonly affinity?: Affinity;
    readonly archiveLogs?: boolean;
    readonly arguments?: Arguments;
    readonly artifactGC?: WorkflowLevelArtifactGC;
    readonly artifactRepositoryRef?: ArtifactRepositoryRef;
    readonly automountServiceAccountToken?: boolean;
    readonly dnsConfig?: PodDNSConfig;
    readonly dnsPolicy?: string;
    readonly entrypoint?: string;
    readonly executor?: ExecutorConfig;
    readonly executorPlugins?: readonly ExecutorPlugin[];
    readonly hooks?: { readonly [key: string]: LifecycleHook };
    readonly hostAliases?: readonly HostAlias[];
    readonly hostNetwork?: boolean;
    readonly imagePullSecrets?: readonly LocalObjectReference[];
    readonly metrics?: Metrics;
    readonly nodeSelector?: { readonly [key: string]: string };
    readonly onExit?: string;
    readonly parallelism?: number;
    readonly podDisruptionBudget?: PodDisruptionBudgetSpec;
    readonly podGC?: PodGC;
    readonly podMetadata?: Metadata;
    readonly podPriorityClassName?: string;
    readonly podResources?: ResourceRequirements;
    readonly podSpecPatch?: string;
    readonly priority?: number;
    readonly resourceClaims?: readonly PodResourceClaim[];
    readonly retryStrategy?: RetryStrategy;
    readonly schedulerName?: string;
    readonly securityContext?: PodSecurityContext;
    readonly serviceAccountName?: string;
    readonly shutdown?: string;
    readonly suspend?: boolean;
    readonly synchronization?: Synchronization;
    readonly templateDefaults?: Template;
    readonly templates?: readonly Template[];
    readonly tolerations?: readonly Toleration[];
    readonly ttlStrategy?: TTLStrategy;
    readonly volumeClaimGC?: VolumeClaimGC;
    readonly volumeClaimTemplates?: readonly PersistentVolumeClaim[];
    readonly volumes?: readonly Volume[];
    readonly workflowMetadata?: WorkflowMetadata;
    readonly workflowTemplateRef?: WorkflowTemplateRef;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.WorkflowStatus
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#workflowstatus
 */
export interface WorkflowStatus {
    readonly artifactGCStatus?: ArtGCStatus;
    readonly artifactRepositoryRef?: ArtifactRepositoryRefStatus;
    readonly compressedNodes?: string;
    readonly conditions?: readonly Condition[];
    readonly estimatedDuration?: number;
    readonly finishedAt?: Time;
    readonly message?: string;
    readonly nodes?: { readonly [key: string]: NodeStatus };
    readonly offloadNodeStatusVersion?: string;
    readonly outputs?: Outputs;
    readonly persistentVolumeClaims?: readonly Volume[];
    readonly phase?: string;
    readonly progress?: string;
    readonly resourcesDuration?: { readonly [key: string]: number };
    readonly startedAt?: Time;
    readonly storedTemplates?: { readonly [key: string]: Template };
    readonly storedWorkflowTemplateSpec?: WorkflowSpec;
    readonly synchronization?: SynchronizationStatus;
    readonly taskResultsCompletionStatus?: { readonly [key: string]: boolean };
}

/**
 * @schema io.argoproj.workflow.v1alpha1.WorkflowStep
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#workflowstep
 */
export interface WorkflowStep {
    readonly arguments?: Arguments;
    readonly continueOn?: ContinueOn;
    readonly hooks?: { readonly [key: string]: LifecycleHook };
    readonly inline?: Template;
    readonly name?: string;
    readonly onExit?: string;
    readonly template?: string;
    readonly templateRef?: TemplateRef;
    readonly when?: string;
    readonly withItems?: readonly Item[];
    readonly withParam?: string;
    readonly withSequence?: Sequence;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.WorkflowTemplate
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#workflowtemplate
 */
export interface WorkflowTemplate {
    readonly apiVersion?: "argoproj.io/v1alpha1";
    readonly kind?: "WorkflowTemplate";
    readonly metadata: ObjectMeta;
    readonly spec: WorkflowSpec;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.WorkflowTemplateRef
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#workflowtemplateref
 */
export interface WorkflowTemplateRef {
    readonly clusterScope?: boolean;
    readonly name?: string;
}

/**
 * @schema io.argoproj.workflow.v1alpha1.ZipStrategy
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#zipstrategy
 */
export type ZipStrategy = { readonly [key: string]: JsonValue };

/**
 * @schema io.k8s.api.core.v1.AWSElasticBlockStoreVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#awselasticblockstorevolumesource
 */
export interface AWSElasticBlockStoreVolumeSource {
    readonly fsType?: string;
    readonly partition?: number;
    readonly readOnly?: boolean;
    readonly volumeID: string;
}

/**
 * @schema io.k8s.api.core.v1.Affinity
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#affinity
 */
export interface Affinity {
    readonly nodeAffinity?: NodeAffinity;
    readonly podAffinity?: PodAffinity;
    readonly podAntiAffinity?: PodAntiAffinity;
}

/**
 * @schema io.k8s.api.core.v1.AppArmorProfile
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#apparmorprofile
 */
export interface AppArmorProfile {
    readonly localhostProfile?: string;
    readonly type: string;
}

/**
 * @schema io.k8s.api.core.v1.AzureDiskVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#azurediskvolumesource
 */
export interface AzureDiskVolumeSource {
    readonly cachingMode?: string;
    readonly diskName: string;
    readonly diskURI: string;
    readonly fsType?: string;
    readonly kind?: string;
    readonly readOnly?: boolean;
}

/**
 * @schema io.k8s.api.core.v1.AzureFileVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#azurefilevolumesource
 */
export interface AzureFileVolumeSource {
    readonly readOnly?: boolean;
    readonly secretName: string;
    readonly shareName: string;
}

/**
 * @schema io.k8s.api.core.v1.CSIVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#csivolumesource
 */
export interface CSIVolumeSource {
    readonly driver: string;
    readonly fsType?: string;
    readonly nodePublishSecretRef?: LocalObjectReference;
    readonly readOnly?: boolean;
    readonly volumeAttributes?: { readonly [key: string]: string };
}

/**
 * @schema io.k8s.api.core.v1.Capabilities
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#capabilities
 */
export interface Capabilities {
    readonly add?: readonly string[];
    readonly drop?: readonly string[];
}

/**
 * @schema io.k8s.api.core.v1.CephFSVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#cephfsvolumesource
 */
export interface CephFSVolumeSource {
    readonly monitors: readonly string[];
    readonly path?: string;
    readonly readOnly?: boolean;
    readonly secretFile?: string;
    readonly secretRef?: LocalObjectReference;
    readonly user?: string;
}

/**
 * @schema io.k8s.api.core.v1.CinderVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#cindervolumesource
 */
export interface CinderVolumeSource {
    readonly fsType?: string;
    readonly readOnly?: boolean;
    readonly secretRef?: LocalObjectReference;
    readonly volumeID: string;
}

/**
 * @schema io.k8s.api.core.v1.ClusterTrustBundleProjection
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#clustertrustbundleprojection
 */
export interface ClusterTrustBundleProjection {
    readonly labelSelector?: LabelSelector;
    readonly name?: string;
    readonly optional?: boolean;
    readonly path: string;
    readonly signerName?: string;
}

/**
 * @schema io.k8s.api.core.v1.ConfigMapEnvSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#configmapenvsource
 */
export interface ConfigMapEnvSource {
    readonly name?: string;
    readonly optional?: boolean;
}

/**
 * @schema io.k8s.api.core.v1.ConfigMapKeySelector
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#configmapkeyselector
 */
export interface ConfigMapKeySelector {
    readonly key: string;
    readonly name?: string;
    readonly optional?: boolean;
}

/**
 * @schema io.k8s.api.core.v1.ConfigMapProjection
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#configmapprojection
 */
export interface ConfigMapProjection {
    readonly items?: readonly KeyToPath[];
    readonly name?: string;
    readonly optional?: boolean;
}

/**
 * @schema io.k8s.api.core.v1.ConfigMapVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#configmapvolumesource
 */
export interface ConfigMapVolumeSource {
    readonly defaultMode?: number;
    readonly items?: readonly KeyToPath[];
    readonly name?: string;
    readonly optional?: boolean;
}

/**
 * @schema io.k8s.api.core.v1.Container
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#container
 */
export interface Container {
    readonly args?: readonly string[];
    readonly command?: readonly string[];
    readonly env?: readonly EnvVar[];
    readonly envFrom?: readonly EnvFromSource[];
    readonly image?: string;
    readonly imagePullPolicy?: string;
    readonly lifecycle?: Lifecycle;
    readonly livenessProbe?: Probe;
    readonly name?: string;
    readonly ports?: readonly ContainerPort[];
    readonly readinessProbe?: Probe;
    readonly resizePolicy?: readonly ContainerResizePolicy[];
    readonly resources?: ResourceRequirements;
    readonly restartPolicy?: string;
    readonly restartPolicyRules?: readonly ContainerRestartRule[];
    readonly securityContext?: SecurityContext;
    readonly startupProbe?: Probe;
    readonly stdin?: boolean;
    readonly stdinOnce?: boolean;
    readonly terminationMessagePath?: string;
    readonly terminationMessagePolicy?: string;
    readonly tty?: boolean;
    readonly volumeDevices?: readonly VolumeDevice[];
    readonly volumeMounts?: readonly VolumeMount[];
    readonly workingDir?: string;
}

/**
 * @schema io.k8s.api.core.v1.ContainerPort
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#containerport
 */
export interface ContainerPort {
    readonly containerPort: number;
    readonly hostIP?: string;
    readonly hostPort?: number;
    readonly name?: string;
    readonly protocol?: string;
}

/**
 * @schema io.k8s.api.core.v1.ContainerResizePolicy
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#containerresizepolicy
 */
export interface ContainerResizePolicy {
    readonly resourceName: string;
    readonly restartPolicy: string;
}

/**
 * @schema io.k8s.api.core.v1.ContainerRestartRule
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#containerrestartrule
 */
export interface ContainerRestartRule {
    readonly action: string;
    readonly exitCodes?: ContainerRestartRuleOnExitCodes;
}

/**
 * @schema io.k8s.api.core.v1.ContainerRestartRuleOnExitCodes
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#containerrestartruleonexitcodes
 */
export interface ContainerRestartRuleOnExitCodes {
    readonly operator: string;
    readonly values?: readonly number[];
}

/**
 * @schema io.k8s.api.core.v1.DownwardAPIProjection
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#downwardapiprojection
 */
export interface DownwardAPIProjection {
    readonly items?: readonly DownwardAPIVolumeFile[];
}

/**
 * @schema io.k8s.api.core.v1.DownwardAPIVolumeFile
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#downwardapivolumefile
 */
export interface DownwardAPIVolumeFile {
    readonly fieldRef?: ObjectFieldSelector;
    readonly mode?: number;
    readonly path: string;
    readonly resourceFieldRef?: ResourceFieldSelector;
}

/**
 * @schema io.k8s.api.core.v1.DownwardAPIVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#downwardapivolumesource
 */
export interface DownwardAPIVolumeSource {
    readonly defaultMode?: number;
    readonly items?: readonly DownwardAPIVolumeFile[];
}

/**
 * @schema io.k8s.api.core.v1.EmptyDirVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#emptydirvolumesource
 */
export interface EmptyDirVolumeSource {
    readonly medium?: string;
    readonly sizeLimit?: Quantity;
}

/**
 * @schema io.k8s.api.core.v1.EnvFromSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#envfromsource
 */
export interface EnvFromSource {
    readonly configMapRef?: ConfigMapEnvSource;
    readonly prefix?: string;
    readonly secretRef?: SecretEnvSource;
}

/**
 * @schema io.k8s.api.core.v1.EnvVar
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#envvar
 */
export interface EnvVar {
    readonly name: string;
    readonly value?: string;
    readonly valueFrom?: EnvVarSource;
}

/**
 * @schema io.k8s.api.core.v1.EnvVarSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#envvarsource
 */
export interface EnvVarSource {
    readonly configMapKeyRef?: ConfigMapKeySelector;
    readonly fieldRef?: ObjectFieldSelector;
    readonly fileKeyRef?: FileKeySelector;
    readonly resourceFieldRef?: ResourceFieldSelector;
    readonly secretKeyRef?: SecretKeySelector;
}

/**
 * @schema io.k8s.api.core.v1.EphemeralVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#ephemeralvolumesource
 */
export interface EphemeralVolumeSource {
    readonly volumeClaimTemplate?: PersistentVolumeClaimTemplate;
}

/**
 * @schema io.k8s.api.core.v1.ExecAction
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#execaction
 */
export interface ExecAction {
    readonly command?: readonly string[];
}

/**
 * @schema io.k8s.api.core.v1.FCVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#fcvolumesource
 */
export interface FCVolumeSource {
    readonly fsType?: string;
    readonly lun?: number;
    readonly readOnly?: boolean;
    readonly targetWWNs?: readonly string[];
    readonly wwids?: readonly string[];
}

/**
 * @schema io.k8s.api.core.v1.FileKeySelector
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#filekeyselector
 */
export interface FileKeySelector {
    readonly key: string;
    readonly optional?: boolean;
    readonly path: string;
    readonly volumeName: string;
}

/**
 * @schema io.k8s.api.core.v1.FlexVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#flexvolumesource
 */
export interface FlexVolumeSource {
    readonly driver: string;
    readonly fsType?: string;
    readonly options?: { readonly [key: string]: string };
    readonly readOnly?: boolean;
    readonly secretRef?: LocalObjectReference;
}

/**
 * @schema io.k8s.api.core.v1.FlockerVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#flockervolumesource
 */
export interface FlockerVolumeSource {
    readonly datasetName?: string;
    readonly datasetUUID?: string;
}

/**
 * @schema io.k8s.api.core.v1.GCEPersistentDiskVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#gcepersistentdiskvolumesource
 */
export interface GCEPersistentDiskVolumeSource {
    readonly fsType?: string;
    readonly partition?: number;
    readonly pdName: string;
    readonly readOnly?: boolean;
}

/**
 * @schema io.k8s.api.core.v1.GRPCAction
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#grpcaction
 */
export interface GRPCAction {
    readonly port: number;
    readonly service?: string;
}

/**
 * @schema io.k8s.api.core.v1.GitRepoVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#gitrepovolumesource
 */
export interface GitRepoVolumeSource {
    readonly directory?: string;
    readonly repository: string;
    readonly revision?: string;
}

/**
 * @schema io.k8s.api.core.v1.GlusterfsVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#glusterfsvolumesource
 */
export interface GlusterfsVolumeSource {
    readonly endpoints: string;
    readonly path: string;
    readonly readOnly?: boolean;
}

/**
 * @schema io.k8s.api.core.v1.HTTPGetAction
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#httpgetaction
 */
export interface HTTPGetAction {
    readonly host?: string;
    readonly httpHeaders?: readonly CoreV1HTTPHeader[];
    readonly path?: string;
    readonly port: IntOrString;
    readonly scheme?: string;
}

/**
 * @schema io.k8s.api.core.v1.HTTPHeader
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#httpheader
 */
export interface CoreV1HTTPHeader {
    readonly name: string;
    readonly value: string;
}

/**
 * @schema io.k8s.api.core.v1.HostAlias
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#hostalias
 */
export interface HostAlias {
    readonly hostnames?: readonly string[];
    readonly ip: string;
}

/**
 * @schema io.k8s.api.core.v1.HostPathVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#hostpathvolumesource
 */
export interface HostPathVolumeSource {
    readonly path: string;
    readonly type?: string;
}

/**
 * @schema io.k8s.api.core.v1.ISCSIVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#iscsivolumesource
 */
export interface ISCSIVolumeSource {
    readonly chapAuthDiscovery?: boolean;
    readonly chapAuthSession?: boolean;
    readonly fsType?: string;
    readonly initiatorName?: string;
    readonly iqn: string;
    readonly iscsiInterface?: string;
    readonly lun: number;
    readonly portals?: readonly string[];
    readonly readOnly?: boolean;
    readonly secretRef?: LocalObjectReference;
    readonly targetPortal: string;
}

/**
 * @schema io.k8s.api.core.v1.ImageVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#imagevolumesource
 */
export interface ImageVolumeSource {
    readonly pullPolicy?: string;
    readonly reference?: string;
}

/**
 * @schema io.k8s.api.core.v1.KeyToPath
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#keytopath
 */
export interface KeyToPath {
    readonly key: string;
    readonly mode?: number;
    readonly path: string;
}

/**
 * @schema io.k8s.api.core.v1.Lifecycle
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#lifecycle
 */
export interface Lifecycle {
    readonly postStart?: LifecycleHandler;
    readonly preStop?: LifecycleHandler;
    readonly stopSignal?: string;
}

/**
 * @schema io.k8s.api.core.v1.LifecycleHandler
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#lifecyclehandler
 */
export interface LifecycleHandler {
    readonly exec?: ExecAction;
    readonly httpGet?: HTTPGetAction;
    readonly sleep?: SleepAction;
    readonly tcpSocket?: TCPSocketAction;
}

/**
 * @schema io.k8s.api.core.v1.LocalObjectReference
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#localobjectreference
 */
export interface LocalObjectReference {
    readonly name?: string;
}

/**
 * @schema io.k8s.api.core.v1.ModifyVolumeStatus
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#modifyvolumestatus
 */
export interface ModifyVolumeStatus {
    readonly status: string;
    readonly targetVolumeAttributesClassName?: string;
}

/**
 * @schema io.k8s.api.core.v1.NFSVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#nfsvolumesource
 */
export interface NFSVolumeSource {
    readonly path: string;
    readonly readOnly?: boolean;
    readonly server: string;
}

/**
 * @schema io.k8s.api.core.v1.NodeAffinity
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#nodeaffinity
 */
export interface NodeAffinity {
    readonly preferredDuringSchedulingIgnoredDuringExecution?: readonly PreferredSchedulingTerm[];
    readonly requiredDuringSchedulingIgnoredDuringExecution?: NodeSelector;
}

/**
 * @schema io.k8s.api.core.v1.NodeSelector
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#nodeselector
 */
export interface NodeSelector {
    readonly nodeSelectorTerms: readonly NodeSelectorTerm[];
}

/**
 * @schema io.k8s.api.core.v1.NodeSelectorRequirement
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#nodeselectorrequirement
 */
export interface NodeSelectorRequirement {
    readonly key: string;
    readonly operator: string;
    readonly values?: readonly string[];
}

/**
 * @schema io.k8s.api.core.v1.NodeSelectorTerm
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#nodeselectorterm
 */
export interface NodeSelectorTerm {
    readonly matchExpressions?: readonly NodeSelectorRequirement[];
    readonly matchFields?: readonly NodeSelectorRequirement[];
}

/**
 * @schema io.k8s.api.core.v1.ObjectFieldSelector
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#objectfieldselector
 */
export interface ObjectFieldSelector {
    readonly apiVersion?: string;
    readonly fieldPath: string;
}

/**
 * @schema io.k8s.api.core.v1.ObjectReference
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#objectreference
 */
export interface ObjectReference {
    readonly apiVersion?: string;
    readonly fieldPath?: string;
    readonly kind?: string;
    readonly name?: string;
    readonly namespace?: string;
    readonly resourceVersion?: string;
    readonly uid?: string;
}

/**
 * @schema io.k8s.api.core.v1.PersistentVolumeClaim
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#persistentvolumeclaim
 */
export interface PersistentVolumeClaim {
    readonly apiVersion?: string;
    readonly kind?: string;
    readonly metadata?: ObjectMeta;
    readonly spec?: PersistentVolumeClaimSpec;
    readonly status?: PersistentVolumeClaimStatus;
}

/**
 * @schema io.k8s.api.core.v1.PersistentVolumeClaimCondition
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#persistentvolumeclaimcondition
 */
export interface PersistentVolumeClaimCondition {
    readonly lastProbeTime?: Time;
    readonly lastTransitionTime?: Time;
    readonly message?: string;
    readonly reason?: string;
    readonly status: string;
    readonly type: string;
}

/**
 * @schema io.k8s.api.core.v1.PersistentVolumeClaimSpec
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#persistentvolumeclaimspec
 */
export interface PersistentVolumeClaimSpec {
    readonly accessModes?: readonly string[];
    readonly dataSource?: TypedLocalObjectReference;
    readonly dataSourceRef?: TypedObjectReference;
    readonly resources?: VolumeResourceRequirements;
    readonly selector?: LabelSelector;
    readonly storageClassName?: string;
    readonly volumeAttributesClassName?: string;
    readonly volumeMode?: string;
    readonly volumeName?: string;
}

/**
 * @schema io.k8s.api.core.v1.PersistentVolumeClaimStatus
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#persistentvolumeclaimstatus
 */
export interface PersistentVolumeClaimStatus {
    readonly accessModes?: readonly string[];
    readonly allocatedResourceStatuses?: { readonly [key: string]: string };
    readonly allocatedResources?: { readonly [key: string]: Quantity };
    readonly capacity?: { readonly [key: string]: Quantity };
    readonly conditions?: readonly PersistentVolumeClaimCondition[];
    readonly currentVolumeAttributesClassName?: string;
    readonly modifyVolumeStatus?: ModifyVolumeStatus;
    readonly phase?: string;
}

/**
 * @schema io.k8s.api.core.v1.PersistentVolumeClaimTemplate
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#persistentvolumeclaimtemplate
 */
export interface PersistentVolumeClaimTemplate {
    readonly metadata?: ObjectMeta;
    readonly spec: PersistentVolumeClaimSpec;
}

/**
 * @schema io.k8s.api.core.v1.PersistentVolumeClaimVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#persistentvolumeclaimvolumesource
 */
export interface PersistentVolumeClaimVolumeSource {
    readonly claimName: string;
    readonly readOnly?: boolean;
}

/**
 * @schema io.k8s.api.core.v1.PhotonPersistentDiskVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#photonpersistentdiskvolumesource
 */
export interface PhotonPersistentDiskVolumeSource {
    readonly fsType?: string;
    readonly pdID: string;
}

/**
 * @schema io.k8s.api.core.v1.PodAffinity
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#podaffinity
 */
export interface PodAffinity {
    readonly preferredDuringSchedulingIgnoredDuringExecution?: readonly WeightedPodAffinityTerm[];
    readonly requiredDuringSchedulingIgnoredDuringExecution?: readonly PodAffinityTerm[];
}

/**
 * @schema io.k8s.api.core.v1.PodAffinityTerm
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#podaffinityterm
 */
export interface PodAffinityTerm {
    readonly labelSelector?: LabelSelector;
    readonly matchLabelKeys?: readonly string[];
    readonly mismatchLabelKeys?: readonly string[];
    readonly namespaceSelector?: LabelSelector;
    readonly namespaces?: readonly string[];
    readonly topologyKey: string;
}

/**
 * @schema io.k8s.api.core.v1.PodAntiAffinity
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#podantiaffinity
 */
export interface PodAntiAffinity {
    readonly preferredDuringSchedulingIgnoredDuringExecution?: readonly WeightedPodAffinityTerm[];
    readonly requiredDuringSchedulingIgnoredDuringExecution?: readonly PodAffinityTerm[];
}

/**
 * @schema io.k8s.api.core.v1.PodCertificateProjection
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#podcertificateprojection
 */
export interface PodCertificateProjection {
    readonly certificateChainPath?: string;
    readonly credentialBundlePath?: string;
    readonly keyPath?: string;
    readonly keyType: string;
    readonly maxExpirationSeconds?: number;
    readonly signerName: string;
    readonly userAnnotations?: { readonly [key: string]: string };
}

/**
 * @schema io.k8s.api.core.v1.PodDNSConfig
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#poddnsconfig
 */
export interface PodDNSConfig {
    readonly nameservers?: readonly string[];
    readonly options?: readonly PodDNSConfigOption[];
    readonly searches?: readonly string[];
}

/**
 * @schema io.k8s.api.core.v1.PodDNSConfigOption
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#poddnsconfigoption
 */
export interface PodDNSConfigOption {
    readonly name?: string;
    readonly value?: string;
}

/**
 * @schema io.k8s.api.core.v1.PodResourceClaim
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#podresourceclaim
 */
export interface PodResourceClaim {
    readonly name: string;
    readonly resourceClaimName?: string;
    readonly resourceClaimTemplateName?: string;
}

/**
 * @schema io.k8s.api.core.v1.PodSecurityContext
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#podsecuritycontext
 */
export interface PodSecurityContext {
    readonly appArmorProfile?: AppArmorProfile;
    readonly fsGroup?: number;
    readonly fsGroupChangePolicy?: string;
    readonly runAsGroup?: number;
    readonly runAsNonRoot?: boolean;
    readonly runAsUser?: number;
    readonly seLinuxChangePolicy?: string;
    readonly seLinuxOptions?: SELinuxOptions;
    readonly seccompProfile?: SeccompProfile;
    readonly supplementalGroups?: readonly number[];
    readonly supplementalGroupsPolicy?: string;
    readonly sysctls?: readonly Sysctl[];
    readonly windowsOptions?: WindowsSecurityContextOptions;
}

/**
 * @schema io.k8s.api.core.v1.PortworxVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#portworxvolumesource
 */
export interface PortworxVolumeSource {
    readonly fsType?: string;
    readonly readOnly?: boolean;
    readonly volumeID: string;
}

/**
 * @schema io.k8s.api.core.v1.PreferredSchedulingTerm
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#preferredschedulingterm
 */
export interface PreferredSchedulingTerm {
    readonly preference: NodeSelectorTerm;
    readonly weight: number;
}

/**
 * @schema io.k8s.api.core.v1.Probe
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#probe
 */
export interface Probe {
    readonly exec?: ExecAction;
    readonly failureThreshold?: number;
    readonly grpc?: GRPCAction;
    readonly httpGet?: HTTPGetAction;
    readonly initialDelaySeconds?: number;
    readonly periodSeconds?: number;
    readonly successThreshold?: number;
    readonly tcpSocket?: TCPSocketAction;
    readonly terminationGracePeriodSeconds?: number;
    readonly timeoutSeconds?: number;
}

/**
 * @schema io.k8s.api.core.v1.ProjectedVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#projectedvolumesource
 */
export interface ProjectedVolumeSource {
    readonly defaultMode?: number;
    readonly sources?: readonly VolumeProjection[];
}

/**
 * @schema io.k8s.api.core.v1.QuobyteVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#quobytevolumesource
 */
export interface QuobyteVolumeSource {
    readonly group?: string;
    readonly readOnly?: boolean;
    readonly registry: string;
    readonly tenant?: string;
    readonly user?: string;
    readonly volume: string;
}

/**
 * @schema io.k8s.api.core.v1.RBDVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#rbdvolumesource
 */
export interface RBDVolumeSource {
    readonly fsType?: string;
    readonly image: string;
    readonly keyring?: string;
    readonly monitors: readonly string[];
    readonly pool?: string;
    readonly readOnly?: boolean;
    readonly secretRef?: LocalObjectReference;
    readonly user?: string;
}

/**
 * @schema io.k8s.api.core.v1.ResourceClaim
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#resourceclaim
 */
export interface ResourceClaim {
    readonly name: string;
    readonly request?: string;
}

/**
 * @schema io.k8s.api.core.v1.ResourceFieldSelector
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#resourcefieldselector
 */
export interface ResourceFieldSelector {
    readonly containerName?: string;
    readonly divisor?: Quantity;
    readonly resource: string;
}

/**
 * @schema io.k8s.api.core.v1.ResourceRequirements
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#resourcerequirements
 */
export interface ResourceRequirements {
    readonly claims?: readonly ResourceClaim[];
    readonly limits?: { readonly [key: string]: Quantity };
    readonly requests?: { readonly [key: string]: Quantity };
}

/**
 * @schema io.k8s.api.core.v1.SELinuxOptions
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#selinuxoptions
 */
export interface SELinuxOptions {
    readonly level?: string;
    readonly role?: string;
    readonly type?: string;
    readonly user?: string;
}

/**
 * @schema io.k8s.api.core.v1.ScaleIOVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#scaleiovolumesource
 */
export interface ScaleIOVolumeSource {
    readonly fsType?: string;
    readonly gateway: string;
    readonly protectionDomain?: string;
    readonly readOnly?: boolean;
    readonly secretRef: LocalObjectReference;
    readonly sslEnabled?: boolean;
    readonly storageMode?: string;
    readonly storagePool?: string;
    readonly system: string;
    readonly volumeName?: string;
}

/**
 * @schema io.k8s.api.core.v1.SeccompProfile
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#seccompprofile
 */
export interface SeccompProfile {
    readonly localhostProfile?: string;
    readonly type: string;
}

/**
 * @schema io.k8s.api.core.v1.SecretEnvSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#secretenvsource
 */
export interface SecretEnvSource {
    readonly name?: string;
    readonly optional?: boolean;
}

/**
 * @schema io.k8s.api.core.v1.SecretKeySelector
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#secretkeyselector
 */
export interface SecretKeySelector {
    readonly key: string;
    readonly name?: string;
    readonly optional?: boolean;
}

/**
 * @schema io.k8s.api.core.v1.SecretProjection
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#secretprojection
 */
export interface SecretProjection {
    readonly items?: readonly KeyToPath[];
    readonly name?: string;
    readonly optional?: boolean;
}

/**
 * @schema io.k8s.api.core.v1.SecretVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#secretvolumesource
 */
export interface SecretVolumeSource {
    readonly defaultMode?: number;
    readonly items?: readonly KeyToPath[];
    readonly optional?: boolean;
    readonly secretName?: string;
}

/**
 * @schema io.k8s.api.core.v1.SecurityContext
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#securitycontext
 */
export interface SecurityContext {
    readonly allowPrivilegeEscalation?: boolean;
    readonly appArmorProfile?: AppArmorProfile;
    readonly capabilities?: Capabilities;
    readonly privileged?: boolean;
    readonly procMount?: string;
    readonly readOnlyRootFilesystem?: boolean;
    readonly runAsGroup?: number;
    readonly runAsNonRoot?: boolean;
    readonly runAsUser?: number;
    readonly seLinuxOptions?: SELinuxOptions;
    readonly seccompProfile?: SeccompProfile;
    readonly windowsOptions?: WindowsSecurityContextOptions;
}

/**
 * @schema io.k8s.api.core.v1.ServiceAccountTokenProjection
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#serviceaccounttokenprojection
 */
export interface ServiceAccountTokenProjection {
    readonly audience?: string;
    readonly expirationSeconds?: number;
    readonly path: string;
}

/**
 * @schema io.k8s.api.core.v1.SleepAction
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#sleepaction
 */
export interface SleepAction {
    readonly seconds: number;
}

/**
 * @schema io.k8s.api.core.v1.StorageOSVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#storageosvolumesource
 */
export interface StorageOSVolumeSource {
    readonly fsType?: string;
    readonly readOnly?: boolean;
    readonly secretRef?: LocalObjectReference;
    readonly volumeName?: string;
    readonly volumeNamespace?: string;
}

/**
 * @schema io.k8s.api.core.v1.Sysctl
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#sysctl
 */
export interface Sysctl {
    readonly name: string;
    readonly value: string;
}

/**
 * @schema io.k8s.api.core.v1.TCPSocketAction
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#tcpsocketaction
 */
export interface TCPSocketAction {
    readonly host?: string;
    readonly port: IntOrString;
}

/**
 * @schema io.k8s.api.core.v1.Toleration
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#toleration
 */
export interface Toleration {
    readonly effect?: string;
    readonly key?: string;
    readonly operator?: string;
    readonly tolerationSeconds?: number;
    readonly value?: string;
}

/**
 * @schema io.k8s.api.core.v1.TypedLocalObjectReference
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#typedlocalobjectreference
 */
export interface TypedLocalObjectReference {
    readonly apiGroup?: string;
    readonly kind: string;
    readonly name: string;
}

/**
 * @schema io.k8s.api.core.v1.TypedObjectReference
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#typedobjectreference
 */
export interface TypedObjectReference {
    readonly apiGroup?: string;
    readonly kind: string;
    readonly name: string;
    readonly namespace?: string;
}

/**
 * @schema io.k8s.api.core.v1.Volume
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#volume
 */
export interface Volume {
    readonly awsElasticBlockStore?: AWSElasticBlockStoreVolumeSource;
    readonly azureDisk?: AzureDiskVolumeSource;
    readonly azureFile?: AzureFileVolumeSource;
    readonly cephfs?: CephFSVolumeSource;
    readonly cinder?: CinderVolumeSource;
    readonly configMap?: ConfigMapVolumeSource;
    readonly csi?: CSIVolumeSource;
    readonly downwardAPI?: DownwardAPIVolumeSource;
    readonly emptyDir?: EmptyDirVolumeSource;
    readonly ephemeral?: EphemeralVolumeSource;
    readonly fc?: FCVolumeSource;
    readonly flexVolume?: FlexVolumeSource;
    readonly flocker?: FlockerVolumeSource;
    readonly gcePersistentDisk?: GCEPersistentDiskVolumeSource;
    readonly gitRepo?: GitRepoVolumeSource;
    readonly glusterfs?: GlusterfsVolumeSource;
    readonly hostPath?: HostPathVolumeSource;
    readonly image?: ImageVolumeSource;
    readonly iscsi?: ISCSIVolumeSource;
    readonly name: string;
    readonly nfs?: NFSVolumeSource;
    readonly persistentVolumeClaim?: PersistentVolumeClaimVolumeSource;
    readonly photonPersistentDisk?: PhotonPersistentDiskVolumeSource;
    readonly portworxVolume?: PortworxVolumeSource;
    readonly projected?: ProjectedVolumeSource;
    readonly quobyte?: QuobyteVolumeSource;
    readonly rbd?: RBDVolumeSource;
    readonly scaleIO?: ScaleIOVolumeSource;
    readonly secret?: SecretVolumeSource;
    readonly storageos?: StorageOSVolumeSource;
    readonly vsphereVolume?: VsphereVirtualDiskVolumeSource;
}

/**
 * @schema io.k8s.api.core.v1.VolumeDevice
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#volumedevice
 */
export interface VolumeDevice {
    readonly devicePath: string;
    readonly name: string;
}

/**
 * @schema io.k8s.api.core.v1.VolumeMount
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#volumemount
 */
export interface VolumeMount {
    readonly mountPath: string;
    readonly mountPropagation?: string;
    readonly name: string;
    readonly readOnly?: boolean;
    readonly recursiveReadOnly?: string;
    readonly subPath?: string;
    readonly subPathExpr?: string;
}

/**
 * @schema io.k8s.api.core.v1.VolumeProjection
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#volumeprojection
 */
export interface VolumeProjection {
    readonly clusterTrustBundle?: ClusterTrustBundleProjection;
    readonly configMap?: ConfigMapProjection;
    readonly downwardAPI?: DownwardAPIProjection;
    readonly podCertificate?: PodCertificateProjection;
    readonly secret?: SecretProjection;
    readonly serviceAccountToken?: ServiceAccountTokenProjection;
}

/**
 * @schema io.k8s.api.core.v1.VolumeResourceRequirements
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#volumeresourcerequirements
 */
export interface VolumeResourceRequirements {
    readonly limits?: { readonly [key: string]: Quantity };
    readonly requests?: { readonly [key: string]: Quantity };
}

/**
 * @schema io.k8s.api.core.v1.VsphereVirtualDiskVolumeSource
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#vspherevirtualdiskvolumesource
 */
export interface VsphereVirtualDiskVolumeSource {
    readonly fsType?: string;
    readonly storagePolicyID?: string;
    readonly storagePolicyName?: string;
    readonly volumePath: string;
}

/**
 * @schema io.k8s.api.core.v1.WeightedPodAffinityTerm
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#weightedpodaffinityterm
 */
export interface WeightedPodAffinityTerm {
    readonly podAffinityTerm: PodAffinityTerm;
    readonly weight: number;
}

/**
 * @schema io.k8s.api.core.v1.WindowsSecurityContextOptions
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#windowssecuritycontextoptions
 */
export interface WindowsSecurityContextOptions {
    readonly gmsaCredentialSpec?: string;
    readonly gmsaCredentialSpecName?: string;
    readonly hostProcess?: boolean;
    readonly runAsUserName?: string;
}

/**
 * @schema io.k8s.api.policy.v1.PodDisruptionBudgetSpec
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#poddisruptionbudgetspec
 */
export interface PodDisruptionBudgetSpec {
    readonly maxUnavailable?: IntOrString;
    readonly minAvailable?: IntOrString;
    readonly selector?: LabelSelector;
    readonly unhealthyPodEvictionPolicy?: string;
}

/**
 * @schema io.k8s.apimachinery.pkg.api.resource.Quantity
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#quantity
 */
export type Quantity = string | number;
/**
 * @schema io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#fieldsv1
 */
export type FieldsV1 = { readonly [key: string]: JsonValue };

/**
 * @schema io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#labelselector
 */
export interface LabelSelector {
    readonly matchExpressions?: readonly LabelSelectorRequirement[];
    readonly matchLabels?: { readonly [key: string]: string };
}

/**
 * @schema io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#labelselectorrequirement
 */
export interface LabelSelectorRequirement {
    readonly key: string;
    readonly operator: string;
    readonly values?: readonly string[];
}

/**
 * @schema io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#managedfieldsentry
 */
export interface ManagedFieldsEntry {
    readonly apiVersion?: string;
    readonly fieldsType?: string;
    readonly fieldsV1?: FieldsV1;
    readonly manager?: string;
    readonly operation?: string;
    readonly subresource?: string;
    readonly time?: Time;
}

/**
 * @schema io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#objectmeta
 */
export interface ObjectMeta {
    readonly annotations?: { readonly [key: string]: string };
    readonly creationTimestamp?: Time;
    readonly deletionGracePeriodSeconds?: number;
    readonly deletionTimestamp?: Time;
    readonly finalizers?: readonly string[];
    readonly generateName?: string;
    readonly generation?: number;
    readonly labels?: { readonly [key: string]: string };
    readonly managedFields?: readonly ManagedFieldsEntry[];
    readonly name?: string;
    readonly namespace?: string;
    readonly ownerReferences?: readonly OwnerReference[];
    readonly resourceVersion?: string;
    readonly selfLink?: string;
    readonly uid?: string;
}

/**
 * @schema io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#ownerreference
 */
export interface OwnerReference {
    readonly apiVersion: string;
    readonly blockOwnerDeletion?: boolean;
    readonly controller?: boolean;
    readonly kind: string;
    readonly name: string;
    readonly uid: string;
}

/**
 * @schema io.k8s.apimachinery.pkg.apis.meta.v1.Time
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#time
 */
export type Time = string;
/**
 * @schema io.k8s.apimachinery.pkg.util.intstr.IntOrString
 * @see https://argo-workflows.readthedocs.io/en/v4.1.2/fields/#intorstring
 */
export type IntOrString = number | string;
