declare class Lambda extends Service {
  invoke(params: Lambda.Types.InvocationRequest, callback?: (err: AWSError, data: Lambda.Types.InvocationResponse) => void): Request<Lambda.Types.InvocationResponse, AWSError>;
  getFunction(params: Lambda.Types.GetFunctionRequest, callback?: (err: AWSError, data: Lambda.Types.GetFunctionResponse) => void): Request<Lambda.Types.GetFunctionResponse, AWSError>;
}
declare namespace Lambda {
  export type ApplicationLogLevel = "TRACE"|"DEBUG"|"INFO"|"WARN"|"ERROR"|"FATAL"|string;
  export type Architecture = "x86_64"|"arm64"|string;
  export type ArchitecturesList = Architecture[];
  export type Arn = string;
  export interface Concurrency {
    ReservedConcurrentExecutions?: ReservedConcurrentExecutions;
  }
  export interface DeadLetterConfig {
    TargetArn?: ResourceArn;
  }
  export type Description = string;
  export interface Environment {
    Variables?: EnvironmentVariables;
  }
  export interface EnvironmentError {
    ErrorCode?: String;
    Message?: SensitiveString;
  }
  export interface EnvironmentResponse {
    Variables?: EnvironmentVariables;
    Error?: EnvironmentError;
  }
  export type EnvironmentVariableValue = string;
  export type EnvironmentVariables = {[key: string]: EnvironmentVariableValue};
  export interface EphemeralStorage {
    Size: EphemeralStorageSize;
  }
  export type EphemeralStorageSize = number;
  export type FileSystemArn = string;
  export interface FileSystemConfig {
    Arn: FileSystemArn;
    LocalMountPath: LocalMountPath;
  }
  export type FileSystemConfigList = FileSystemConfig[];
  export type FunctionArn = string;
  export interface FunctionCodeLocation {
    RepositoryType?: String;
    Location?: String;
    ImageUri?: String;
    ResolvedImageUri?: String;
  }
  export interface FunctionConfiguration {
    FunctionName?: NamespacedFunctionName;
    FunctionArn?: NameSpacedFunctionArn;
    Runtime?: Runtime;
    Role?: RoleArn;
    Handler?: Handler;
    CodeSize?: Long;
    Description?: Description;
    Timeout?: Timeout;
    MemorySize?: MemorySize;
    LastModified?: Timestamp;
    CodeSha256?: String;
    Version?: Version;
    VpcConfig?: VpcConfigResponse;
    DeadLetterConfig?: DeadLetterConfig;
    Environment?: EnvironmentResponse;
    KMSKeyArn?: KMSKeyArn;
    TracingConfig?: TracingConfigResponse;
    MasterArn?: FunctionArn;
    RevisionId?: String;
    Layers?: LayersReferenceList;
    State?: State;
    StateReason?: StateReason;
    StateReasonCode?: StateReasonCode;
    LastUpdateStatus?: LastUpdateStatus;
    LastUpdateStatusReason?: LastUpdateStatusReason;
    LastUpdateStatusReasonCode?: LastUpdateStatusReasonCode;
    FileSystemConfigs?: FileSystemConfigList;
    PackageType?: PackageType;
    ImageConfigResponse?: ImageConfigResponse;
    SigningProfileVersionArn?: Arn;
    SigningJobArn?: Arn;
    Architectures?: ArchitecturesList;
    EphemeralStorage?: EphemeralStorage;
    SnapStart?: SnapStartResponse;
    RuntimeVersionConfig?: RuntimeVersionConfig;
    LoggingConfig?: LoggingConfig;
  }
  export type FunctionName = string;
  export interface GetFunctionRequest {
    FunctionName: NamespacedFunctionName;
    Qualifier?: Qualifier;
  }
  export interface GetFunctionResponse {
    Configuration?: FunctionConfiguration;
    Code?: FunctionCodeLocation;
    Tags?: Tags;
    Concurrency?: Concurrency;
  }
  export type Handler = string;
  export interface ImageConfig {
    EntryPoint?: StringList;
    Command?: StringList;
    WorkingDirectory?: WorkingDirectory;
  }
  export interface ImageConfigError {
    ErrorCode?: String;
    Message?: SensitiveString;
  }
  export interface ImageConfigResponse {
    ImageConfig?: ImageConfig;
    Error?: ImageConfigError;
  }
  export type Integer = number;
  export interface InvocationRequest {
    FunctionName: NamespacedFunctionName;
    InvocationType?: InvocationType;
    LogType?: LogType;
    ClientContext?: String;
    Payload?: _Blob;
    Qualifier?: Qualifier;
  }
  export interface InvocationResponse {
    StatusCode?: Integer;
    FunctionError?: String;
    LogResult?: String;
    Payload?: _Blob;
    ExecutedVersion?: Version;
  }
  export type InvocationType = "Event"|"RequestResponse"|"DryRun"|string;
  export type KMSKeyArn = string;
  export type LastUpdateStatus = "Successful"|"Failed"|"InProgress"|string;
  export type LastUpdateStatusReason = string;
  export type LastUpdateStatusReasonCode = "EniLimitExceeded"|"InsufficientRolePermissions"|"InvalidConfiguration"|"InternalError"|"SubnetOutOfIPAddresses"|"InvalidSubnet"|"InvalidSecurityGroup"|"ImageDeleted"|"ImageAccessDenied"|"InvalidImage"|"KMSKeyAccessDenied"|"KMSKeyNotFound"|"InvalidStateKMSKey"|"DisabledKMSKey"|"EFSIOError"|"EFSMountConnectivityError"|"EFSMountFailure"|"EFSMountTimeout"|"InvalidRuntime"|"InvalidZipFileException"|"FunctionError"|string;
  export interface Layer {
    Arn?: LayerVersionArn;
    CodeSize?: Long;
    SigningProfileVersionArn?: Arn;
    SigningJobArn?: Arn;
  }
  export type LayerVersionArn = string;
  export type LayersReferenceList = Layer[];
  export type LocalMountPath = string;
  export type LogFormat = "JSON"|"Text"|string;
  export type LogGroup = string;
  export type LogType = "None"|"Tail"|string;
  export interface LoggingConfig {
    LogFormat?: LogFormat;
    ApplicationLogLevel?: ApplicationLogLevel;
    SystemLogLevel?: SystemLogLevel;
    LogGroup?: LogGroup;
  }
  export type Long = number;
  export type MemorySize = number;
  export type NameSpacedFunctionArn = string;
  export type NamespacedFunctionName = string;
  export type NullableBoolean = boolean;
  export type PackageType = "Zip"|"Image"|string;
  export type Qualifier = string;
  export type ReservedConcurrentExecutions = number;
  export type ResourceArn = string;
  export type RoleArn = string;
  export type Runtime = "nodejs"|"nodejs4.3"|"nodejs6.10"|"nodejs8.10"|"nodejs10.x"|"nodejs12.x"|"nodejs14.x"|"nodejs16.x"|"java8"|"java8.al2"|"java11"|"python2.7"|"python3.6"|"python3.7"|"python3.8"|"python3.9"|"dotnetcore1.0"|"dotnetcore2.0"|"dotnetcore2.1"|"dotnetcore3.1"|"dotnet6"|"dotnet8"|"nodejs4.3-edge"|"go1.x"|"ruby2.5"|"ruby2.7"|"provided"|"provided.al2"|"nodejs18.x"|"python3.10"|"java17"|"ruby3.2"|"ruby3.3"|"python3.11"|"nodejs20.x"|"provided.al2023"|"python3.12"|"java21"|string;
  export type RuntimeVersionArn = string;
  export interface RuntimeVersionConfig {
    RuntimeVersionArn?: RuntimeVersionArn;
    Error?: RuntimeVersionError;
  }
  export interface RuntimeVersionError {
    ErrorCode?: String;
    Message?: SensitiveString;
  }
  export type SecurityGroupId = string;
  export type SecurityGroupIds = SecurityGroupId[];
  export type SensitiveString = string;
  export interface SnapStart {
    ApplyOn?: SnapStartApplyOn;
  }
  export type SnapStartApplyOn = "PublishedVersions"|"None"|string;
  export type SnapStartOptimizationStatus = "On"|"Off"|string;
  export interface SnapStartResponse {
    ApplyOn?: SnapStartApplyOn;
    OptimizationStatus?: SnapStartOptimizationStatus;
  }
  export type State = "Pending"|"Active"|"Inactive"|"Failed"|string;
  export type StateReason = string;
  export type StateReasonCode = "Idle"|"Creating"|"Restoring"|"EniLimitExceeded"|"InsufficientRolePermissions"|"InvalidConfiguration"|"InternalError"|"SubnetOutOfIPAddresses"|"InvalidSubnet"|"InvalidSecurityGroup"|"ImageDeleted"|"ImageAccessDenied"|"InvalidImage"|"KMSKeyAccessDenied"|"KMSKeyNotFound"|"InvalidStateKMSKey"|"DisabledKMSKey"|"EFSIOError"|"EFSMountConnectivityError"|"EFSMountFailure"|"EFSMountTimeout"|"InvalidRuntime"|"InvalidZipFileException"|"FunctionError"|string;
  export type String = string;
  export type StringList = String[];
  export type SubnetId = string;
  export type SubnetIds = SubnetId[];
  export type SystemLogLevel = "DEBUG"|"INFO"|"WARN"|string;
  export type TagValue = string;
  export type Tags = {[key: string]: TagValue};
  export type Timeout = number;
  export type Timestamp = string;
  export interface TracingConfig {
    Mode?: TracingMode;
  }
  export interface TracingConfigResponse {
    Mode?: TracingMode;
  }
  export type TracingMode = "Active"|"PassThrough"|string;
  export type Version = string;
  export interface VpcConfig {
    SubnetIds?: SubnetIds;
    SecurityGroupIds?: SecurityGroupIds;
    Ipv6AllowedForDualStack?: NullableBoolean;
  }
  export interface VpcConfigResponse {
    SubnetIds?: SubnetIds;
    SecurityGroupIds?: SecurityGroupIds;
    VpcId?: VpcId;
    Ipv6AllowedForDualStack?: NullableBoolean;
  }
  export type VpcId = string;
  export type WorkingDirectory = string;
}
