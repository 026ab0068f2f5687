package catalog

import "strings"

// Integration patterns, as suffixes of a Task's Resource.
const (
	RequestResponse  = ""                  // call and go on with the response
	RunJob           = ".sync"             // wait for the job to finish
	RunJobJSONOutput = ".sync:2"           // Step Functions: output as JSON
	WaitForCallback  = ".waitForTaskToken" // wait for SendTaskSuccess/Failure
)

// Optimized is a curated optimized service integration, one row of AWS's
// "Integrating optimized services with Step Functions".
type Optimized struct {
	// ID is the resource after arn:aws:states::: without a pattern,
	// e.g. "lambda:invoke".
	ID string
	// Service is the service's display name.
	Service string
	// Patterns are the supported integration patterns (RequestResponse
	// is ""), in the order a palette shows them.
	Patterns []string
	// SDKService and SDKAction name the AWS SDK action whose input and
	// output shapes apply ("" when there is none, e.g. http:invoke).
	SDKService, SDKAction string
	// SyncSDKAction is the SDK action whose output a .sync run returns,
	// when it differs (states:startExecution.sync → sfn:describeExecution).
	SyncSDKAction string
	// ErrorPrefix is the prefix of the errors this integration reports,
	// which differs from the AWS SDK integration's (DynamoDB vs DynamoDb).
	ErrorPrefix string
	// GenericErrors are errors the integration reports besides the
	// service's modeled ones (full names).
	GenericErrors []string
	// Parameters lists parameters that differ from the SDK action's
	// input: added ones, and ones that take JSON where the SDK takes a
	// string or blob. For integrations with no SDK action, every parameter.
	Parameters []Param
	// Required overrides the required parameters when set.
	Required []string
	// JSONOutput lists output members holding JSON where the SDK's hold a
	// string or blob (lambda:invoke Payload).
	JSONOutput []string
}

// Param is a parameter of an optimized integration.
type Param struct {
	Name string
	// Type is a Shape type; "json" for any JSON value.
	Type string
	Note string
}

func (o *Optimized) supports(pattern string) bool {
	for _, p := range o.Patterns {
		if p == pattern {
			return true
		}
	}
	return false
}

// Supports reports whether the integration supports a pattern suffix.
func (o *Optimized) Supports(pattern string) bool { return o.supports(pattern) }

var (
	rr      = []string{RequestResponse}
	rrSync  = []string{RequestResponse, RunJob}
	rrWait  = []string{RequestResponse, WaitForCallback}
	rrAll   = []string{RequestResponse, RunJob, WaitForCallback}
	sfnPats = []string{RequestResponse, RunJob, RunJobJSONOutput, WaitForCallback}
)

func jsonParam(name, note string) Param { return Param{Name: name, Type: "json", Note: note} }

// OptimizedIntegrations is the curated table of optimized integrations.
var OptimizedIntegrations = []*Optimized{
	{ID: "lambda:invoke", Service: "AWS Lambda", Patterns: rrWait, SDKService: "lambda", SDKAction: "invoke",
		ErrorPrefix: "Lambda", GenericErrors: []string{"Lambda.AWSLambdaException", "Lambda.SdkClientException"},
		Parameters: []Param{jsonParam("Payload", "any JSON; the SDK takes a blob")}, JSONOutput: []string{"Payload"}},
	{ID: "sns:publish", Service: "Amazon SNS", Patterns: rrWait, SDKService: "sns", SDKAction: "publish",
		ErrorPrefix: "SNS", GenericErrors: []string{"SNS.AmazonSNSException", "SNS.SdkClientException"},
		Parameters: []Param{jsonParam("Message", "JSON is serialized to a string")}},
	{ID: "sqs:sendMessage", Service: "Amazon SQS", Patterns: rrWait, SDKService: "sqs", SDKAction: "sendMessage",
		ErrorPrefix: "SQS", GenericErrors: []string{"SQS.AmazonSQSException", "SQS.SdkClientException"},
		Parameters: []Param{jsonParam("MessageBody", "JSON is serialized to a string")}},
	{ID: "dynamodb:getItem", Service: "Amazon DynamoDB", Patterns: rr, SDKService: "dynamodb", SDKAction: "getItem",
		ErrorPrefix: "DynamoDB", GenericErrors: []string{"DynamoDB.AmazonDynamoDBException", "DynamoDB.SdkClientException"}},
	{ID: "dynamodb:putItem", Service: "Amazon DynamoDB", Patterns: rr, SDKService: "dynamodb", SDKAction: "putItem",
		ErrorPrefix: "DynamoDB", GenericErrors: []string{"DynamoDB.AmazonDynamoDBException", "DynamoDB.SdkClientException"}},
	{ID: "dynamodb:updateItem", Service: "Amazon DynamoDB", Patterns: rr, SDKService: "dynamodb", SDKAction: "updateItem",
		ErrorPrefix: "DynamoDB", GenericErrors: []string{"DynamoDB.AmazonDynamoDBException", "DynamoDB.SdkClientException"}},
	{ID: "dynamodb:deleteItem", Service: "Amazon DynamoDB", Patterns: rr, SDKService: "dynamodb", SDKAction: "deleteItem",
		ErrorPrefix: "DynamoDB", GenericErrors: []string{"DynamoDB.AmazonDynamoDBException", "DynamoDB.SdkClientException"}},
	{ID: "events:putEvents", Service: "Amazon EventBridge", Patterns: rrWait, SDKService: "eventbridge", SDKAction: "putEvents",
		ErrorPrefix: "EventBridge", GenericErrors: []string{"EventBridge.AmazonEventBridgeException", "EventBridge.SdkClientException"},
		Parameters: []Param{{Name: "Entries", Type: "list", Note: "an entry's Detail may be JSON; the SDK takes a string"}}},
	{ID: "states:startExecution", Service: "AWS Step Functions", Patterns: sfnPats, SDKService: "sfn", SDKAction: "startExecution",
		SyncSDKAction: "describeExecution", ErrorPrefix: "StepFunctions",
		GenericErrors: []string{"StepFunctions.AWSStepFunctionsException", "StepFunctions.SdkClientException"},
		Parameters:    []Param{jsonParam("Input", "any JSON; the SDK takes a string")}},
	{ID: "ecs:runTask", Service: "Amazon ECS/Fargate", Patterns: rrAll, SDKService: "ecs", SDKAction: "runTask",
		ErrorPrefix: "ECS", GenericErrors: []string{"ECS.AmazonECSException"}},
	{ID: "batch:submitJob", Service: "AWS Batch", Patterns: rrSync, SDKService: "batch", SDKAction: "submitJob",
		ErrorPrefix: "Batch", GenericErrors: []string{"Batch.AWSBatchException"}},
	{ID: "glue:startJobRun", Service: "AWS Glue", Patterns: rrSync, SDKService: "glue", SDKAction: "startJobRun",
		SyncSDKAction: "getJobRun", ErrorPrefix: "Glue", GenericErrors: []string{"Glue.AWSGlueException"}},
	{ID: "databrew:startJobRun", Service: "AWS Glue DataBrew", Patterns: rrSync, SDKService: "databrew", SDKAction: "startJobRun", ErrorPrefix: "DataBrew"},
	{ID: "athena:startQueryExecution", Service: "Amazon Athena", Patterns: rrSync, SDKService: "athena", SDKAction: "startQueryExecution",
		SyncSDKAction: "getQueryExecution", ErrorPrefix: "Athena", GenericErrors: []string{"Athena.AmazonAthenaException"}},
	{ID: "athena:stopQueryExecution", Service: "Amazon Athena", Patterns: rr, SDKService: "athena", SDKAction: "stopQueryExecution", ErrorPrefix: "Athena"},
	{ID: "athena:getQueryExecution", Service: "Amazon Athena", Patterns: rr, SDKService: "athena", SDKAction: "getQueryExecution", ErrorPrefix: "Athena"},
	{ID: "athena:getQueryResults", Service: "Amazon Athena", Patterns: rr, SDKService: "athena", SDKAction: "getQueryResults", ErrorPrefix: "Athena"},
	{ID: "apigateway:invoke", Service: "Amazon API Gateway", Patterns: rrWait, ErrorPrefix: "ApiGateway",
		Parameters: []Param{
			{Name: "ApiEndpoint", Type: "string", Note: "host name of the API"},
			{Name: "Method", Type: "string", Note: "GET, POST, PUT, DELETE, PATCH, HEAD or OPTIONS"},
			{Name: "Headers", Type: "map"}, {Name: "Stage", Type: "string"}, {Name: "Path", Type: "string"},
			{Name: "QueryParameters", Type: "map"}, jsonParam("RequestBody", ""),
			{Name: "AllowNullValues", Type: "boolean"}, {Name: "AuthType", Type: "string", Note: "NO_AUTH, IAM_ROLE or RESOURCE_POLICY"},
		},
		Required: []string{"ApiEndpoint", "Method"}},
	{ID: "http:invoke", Service: "HTTPS endpoints", Patterns: rr, ErrorPrefix: "States.Http",
		Parameters: []Param{
			{Name: "ApiEndpoint", Type: "string", Note: "the URL"},
			{Name: "Method", Type: "string", Note: "GET, POST, PUT, DELETE, PATCH, OPTIONS or HEAD"},
			{Name: "Authentication", Type: "structure", Note: `{"ConnectionArn": an EventBridge connection}`},
			{Name: "Headers", Type: "map"}, {Name: "QueryParameters", Type: "map"}, jsonParam("RequestBody", ""),
			{Name: "Transform", Type: "structure", Note: "RequestBodyEncoding, RequestEncodingOptions"},
		},
		Required: []string{"ApiEndpoint", "Method", "Authentication"}},
	{ID: "bedrock:invokeModel", Service: "Amazon Bedrock", Patterns: rr, SDKService: "bedrockruntime", SDKAction: "invokeModel",
		ErrorPrefix: "Bedrock",
		Parameters: []Param{jsonParam("Body", "JSON; the SDK takes a blob"), {Name: "Input", Type: "structure", Note: `{"S3Uri": ...} instead of Body`},
			{Name: "Output", Type: "structure", Note: `{"S3Uri": ...} for the response`}},
		Required: []string{"ModelId"}, JSONOutput: []string{"Body"}},
	{ID: "bedrock:createModelCustomizationJob", Service: "Amazon Bedrock", Patterns: rrAll, SDKService: "bedrock", SDKAction: "createModelCustomizationJob", ErrorPrefix: "Bedrock"},
	{ID: "codebuild:startBuild", Service: "AWS CodeBuild", Patterns: rrSync, SDKService: "codebuild", SDKAction: "startBuild", ErrorPrefix: "CodeBuild", GenericErrors: []string{"CodeBuild.AWSCodeBuildException"}},
	{ID: "codebuild:stopBuild", Service: "AWS CodeBuild", Patterns: rr, SDKService: "codebuild", SDKAction: "stopBuild", ErrorPrefix: "CodeBuild"},
	{ID: "codebuild:batchDeleteBuilds", Service: "AWS CodeBuild", Patterns: rr, SDKService: "codebuild", SDKAction: "batchDeleteBuilds", ErrorPrefix: "CodeBuild"},
	{ID: "codebuild:batchGetReports", Service: "AWS CodeBuild", Patterns: rr, SDKService: "codebuild", SDKAction: "batchGetReports", ErrorPrefix: "CodeBuild"},
	{ID: "codebuild:startBuildBatch", Service: "AWS CodeBuild", Patterns: rrSync, SDKService: "codebuild", SDKAction: "startBuildBatch", ErrorPrefix: "CodeBuild"},
	{ID: "codebuild:stopBuildBatch", Service: "AWS CodeBuild", Patterns: rr, SDKService: "codebuild", SDKAction: "stopBuildBatch", ErrorPrefix: "CodeBuild"},
	{ID: "codebuild:retryBuildBatch", Service: "AWS CodeBuild", Patterns: rrSync, SDKService: "codebuild", SDKAction: "retryBuildBatch", ErrorPrefix: "CodeBuild"},
	{ID: "codebuild:deleteBuildBatch", Service: "AWS CodeBuild", Patterns: rr, SDKService: "codebuild", SDKAction: "deleteBuildBatch", ErrorPrefix: "CodeBuild"},
	{ID: "eks:createCluster", Service: "Amazon EKS", Patterns: rrSync, SDKService: "eks", SDKAction: "createCluster", ErrorPrefix: "EKS", GenericErrors: []string{"EKS.AmazonEKSException"}},
	{ID: "eks:deleteCluster", Service: "Amazon EKS", Patterns: rrSync, SDKService: "eks", SDKAction: "deleteCluster", ErrorPrefix: "EKS"},
	{ID: "eks:createFargateProfile", Service: "Amazon EKS", Patterns: rrSync, SDKService: "eks", SDKAction: "createFargateProfile", ErrorPrefix: "EKS"},
	{ID: "eks:deleteFargateProfile", Service: "Amazon EKS", Patterns: rrSync, SDKService: "eks", SDKAction: "deleteFargateProfile", ErrorPrefix: "EKS"},
	{ID: "eks:createNodegroup", Service: "Amazon EKS", Patterns: rrSync, SDKService: "eks", SDKAction: "createNodegroup", ErrorPrefix: "EKS"},
	{ID: "eks:deleteNodegroup", Service: "Amazon EKS", Patterns: rrSync, SDKService: "eks", SDKAction: "deleteNodegroup", ErrorPrefix: "EKS"},
	{ID: "eks:runJob", Service: "Amazon EKS", Patterns: rrSync, ErrorPrefix: "EKS",
		Parameters: []Param{{Name: "ClusterName", Type: "string"}, {Name: "CertificateAuthority", Type: "string"}, {Name: "Endpoint", Type: "string"},
			{Name: "Namespace", Type: "string"}, {Name: "LogOptions", Type: "structure"}, jsonParam("Job", "a Kubernetes Job manifest")},
		Required: []string{"ClusterName", "CertificateAuthority", "Endpoint", "Job"}},
	{ID: "eks:call", Service: "Amazon EKS", Patterns: rr, ErrorPrefix: "EKS",
		Parameters: []Param{{Name: "ClusterName", Type: "string"}, {Name: "CertificateAuthority", Type: "string"}, {Name: "Endpoint", Type: "string"},
			{Name: "Method", Type: "string"}, {Name: "Path", Type: "string"}, {Name: "QueryParameters", Type: "map"}, jsonParam("RequestBody", "")},
		Required: []string{"ClusterName", "CertificateAuthority", "Endpoint", "Method", "Path"}},
	{ID: "elasticmapreduce:createCluster", Service: "Amazon EMR", Patterns: rrSync, SDKService: "emr", SDKAction: "runJobFlow", ErrorPrefix: "ElasticMapReduce"},
	{ID: "elasticmapreduce:terminateCluster", Service: "Amazon EMR", Patterns: rrSync, ErrorPrefix: "ElasticMapReduce",
		Parameters: []Param{{Name: "ClusterId", Type: "string"}}, Required: []string{"ClusterId"}},
	{ID: "elasticmapreduce:addStep", Service: "Amazon EMR", Patterns: rrSync, ErrorPrefix: "ElasticMapReduce",
		Parameters: []Param{{Name: "ClusterId", Type: "string"}, {Name: "Step", Type: "structure", Note: "a StepConfig"}, {Name: "ExecutionRoleArn", Type: "string"}},
		Required:   []string{"ClusterId", "Step"}},
	{ID: "elasticmapreduce:cancelStep", Service: "Amazon EMR", Patterns: rr, ErrorPrefix: "ElasticMapReduce",
		Parameters: []Param{{Name: "ClusterId", Type: "string"}, {Name: "StepId", Type: "string"}}, Required: []string{"ClusterId", "StepId"}},
	{ID: "elasticmapreduce:setClusterTerminationProtection", Service: "Amazon EMR", Patterns: rr, ErrorPrefix: "ElasticMapReduce",
		Parameters: []Param{{Name: "ClusterId", Type: "string"}, {Name: "TerminationProtected", Type: "boolean"}}, Required: []string{"ClusterId", "TerminationProtected"}},
	{ID: "elasticmapreduce:modifyInstanceFleetByName", Service: "Amazon EMR", Patterns: rr, ErrorPrefix: "ElasticMapReduce",
		Parameters: []Param{{Name: "ClusterId", Type: "string"}, {Name: "InstanceFleetName", Type: "string"}, {Name: "InstanceFleet", Type: "structure"}},
		Required:   []string{"ClusterId", "InstanceFleetName", "InstanceFleet"}},
	{ID: "elasticmapreduce:modifyInstanceGroupByName", Service: "Amazon EMR", Patterns: rr, ErrorPrefix: "ElasticMapReduce",
		Parameters: []Param{{Name: "ClusterId", Type: "string"}, {Name: "InstanceGroupName", Type: "string"}, {Name: "InstanceGroup", Type: "structure"}},
		Required:   []string{"ClusterId", "InstanceGroupName", "InstanceGroup"}},
	{ID: "emr-containers:createVirtualCluster", Service: "Amazon EMR on EKS", Patterns: rr, SDKService: "emrcontainers", SDKAction: "createVirtualCluster", ErrorPrefix: "EmrContainers"},
	{ID: "emr-containers:deleteVirtualCluster", Service: "Amazon EMR on EKS", Patterns: rrSync, SDKService: "emrcontainers", SDKAction: "deleteVirtualCluster", ErrorPrefix: "EmrContainers"},
	{ID: "emr-containers:startJobRun", Service: "Amazon EMR on EKS", Patterns: rrSync, SDKService: "emrcontainers", SDKAction: "startJobRun", ErrorPrefix: "EmrContainers"},
	{ID: "emr-serverless:createApplication", Service: "Amazon EMR Serverless", Patterns: rrSync, SDKService: "emrserverless", SDKAction: "createApplication", ErrorPrefix: "EmrServerless"},
	{ID: "emr-serverless:startApplication", Service: "Amazon EMR Serverless", Patterns: rrSync, SDKService: "emrserverless", SDKAction: "startApplication", ErrorPrefix: "EmrServerless"},
	{ID: "emr-serverless:stopApplication", Service: "Amazon EMR Serverless", Patterns: rrSync, SDKService: "emrserverless", SDKAction: "stopApplication", ErrorPrefix: "EmrServerless"},
	{ID: "emr-serverless:deleteApplication", Service: "Amazon EMR Serverless", Patterns: rrSync, SDKService: "emrserverless", SDKAction: "deleteApplication", ErrorPrefix: "EmrServerless"},
	{ID: "emr-serverless:startJobRun", Service: "Amazon EMR Serverless", Patterns: rrSync, SDKService: "emrserverless", SDKAction: "startJobRun", ErrorPrefix: "EmrServerless"},
	{ID: "emr-serverless:cancelJobRun", Service: "Amazon EMR Serverless", Patterns: rrSync, SDKService: "emrserverless", SDKAction: "cancelJobRun", ErrorPrefix: "EmrServerless"},
	{ID: "mediaconvert:createJob", Service: "AWS Elemental MediaConvert", Patterns: rrSync, SDKService: "mediaconvert", SDKAction: "createJob", ErrorPrefix: "MediaConvert"},
	{ID: "sagemaker:createTrainingJob", Service: "Amazon SageMaker", Patterns: rrSync, SDKService: "sagemaker", SDKAction: "createTrainingJob", SyncSDKAction: "describeTrainingJob", ErrorPrefix: "SageMaker", GenericErrors: []string{"SageMaker.AmazonSageMakerException"}},
	{ID: "sagemaker:createTransformJob", Service: "Amazon SageMaker", Patterns: rrSync, SDKService: "sagemaker", SDKAction: "createTransformJob", SyncSDKAction: "describeTransformJob", ErrorPrefix: "SageMaker"},
	{ID: "sagemaker:createProcessingJob", Service: "Amazon SageMaker", Patterns: rrSync, SDKService: "sagemaker", SDKAction: "createProcessingJob", SyncSDKAction: "describeProcessingJob", ErrorPrefix: "SageMaker"},
	{ID: "sagemaker:createHyperParameterTuningJob", Service: "Amazon SageMaker", Patterns: rrSync, SDKService: "sagemaker", SDKAction: "createHyperParameterTuningJob", SyncSDKAction: "describeHyperParameterTuningJob", ErrorPrefix: "SageMaker"},
	{ID: "sagemaker:createLabelingJob", Service: "Amazon SageMaker", Patterns: rrSync, SDKService: "sagemaker", SDKAction: "createLabelingJob", SyncSDKAction: "describeLabelingJob", ErrorPrefix: "SageMaker"},
	{ID: "sagemaker:createModel", Service: "Amazon SageMaker", Patterns: rr, SDKService: "sagemaker", SDKAction: "createModel", ErrorPrefix: "SageMaker"},
	{ID: "sagemaker:createEndpointConfig", Service: "Amazon SageMaker", Patterns: rr, SDKService: "sagemaker", SDKAction: "createEndpointConfig", ErrorPrefix: "SageMaker"},
	{ID: "sagemaker:createEndpoint", Service: "Amazon SageMaker", Patterns: rr, SDKService: "sagemaker", SDKAction: "createEndpoint", ErrorPrefix: "SageMaker"},
	{ID: "sagemaker:updateEndpoint", Service: "Amazon SageMaker", Patterns: rr, SDKService: "sagemaker", SDKAction: "updateEndpoint", ErrorPrefix: "SageMaker"},
}

var optimizedByID = func() map[string]*Optimized {
	m := map[string]*Optimized{}
	for _, o := range OptimizedIntegrations {
		m[o.ID] = o
	}
	return m
}()

// FindOptimized returns the optimized integration of a resource (with or
// without arn:aws:states::: and a pattern suffix), or nil.
func FindOptimized(resource string) *Optimized {
	id, _ := splitResource(resource)
	if strings.HasPrefix(id, "aws-sdk:") {
		return nil
	}
	return optimizedByID[id]
}
