declare class StepFunctions extends Service {
  startExecution(params: StepFunctions.Types.StartExecutionInput, callback?: (err: AWSError, data: StepFunctions.Types.StartExecutionOutput) => void): Request<StepFunctions.Types.StartExecutionOutput, AWSError>;
  describeExecution(params: StepFunctions.Types.DescribeExecutionInput, callback?: (err: AWSError, data: StepFunctions.Types.DescribeExecutionOutput) => void): Request<StepFunctions.Types.DescribeExecutionOutput, AWSError>;
}
declare namespace StepFunctions {
  export type Arn = string;
  export interface CloudWatchEventsExecutionDataDetails {
    included?: includedDetails;
  }
  export interface DescribeExecutionInput {
    executionArn: Arn;
    includedData?: IncludedData;
  }
  export interface DescribeExecutionOutput {
    executionArn: Arn;
    stateMachineArn: Arn;
    name?: Name;
    status: ExecutionStatus;
    startDate: Timestamp;
    stopDate?: Timestamp;
    input?: SensitiveData;
    inputDetails?: CloudWatchEventsExecutionDataDetails;
    output?: SensitiveData;
    outputDetails?: CloudWatchEventsExecutionDataDetails;
    traceHeader?: TraceHeader;
    mapRunArn?: LongArn;
    error?: SensitiveError;
    cause?: SensitiveCause;
    stateMachineVersionArn?: Arn;
    stateMachineAliasArn?: Arn;
    redriveCount?: RedriveCount;
    redriveDate?: Timestamp;
    redriveStatus?: ExecutionRedriveStatus;
    redriveStatusReason?: SensitiveData;
  }
  export type ExecutionRedriveStatus = "REDRIVABLE"|"NOT_REDRIVABLE"|"REDRIVABLE_BY_MAP_RUN"|string;
  export type ExecutionStatus = "RUNNING"|"SUCCEEDED"|"FAILED"|"TIMED_OUT"|"ABORTED"|"PENDING_REDRIVE"|string;
  export type IncludedData = "ALL_DATA"|"METADATA_ONLY"|string;
  export type LongArn = string;
  export type Name = string;
  export type RedriveCount = number;
  export type SensitiveCause = string;
  export type SensitiveData = string;
  export type SensitiveError = string;
  export interface StartExecutionOutput {
    executionArn: Arn;
    startDate: Timestamp;
  }
  export type Timestamp = Date;
  export type TraceHeader = string;
}
