declare class DynamoDB extends Service {
  putItem(params: DynamoDB.Types.PutItemInput, callback?: (err: AWSError, data: DynamoDB.Types.PutItemOutput) => void): Request<DynamoDB.Types.PutItemOutput, AWSError>;
  getItem(params: DynamoDB.Types.GetItemInput, callback?: (err: AWSError, data: DynamoDB.Types.GetItemOutput) => void): Request<DynamoDB.Types.GetItemOutput, AWSError>;
}
declare namespace DynamoDB {
  export type AttributeMap = {[key: string]: AttributeValue};
  export type AttributeName = string;
  export type AttributeNameList = AttributeName[];
  export interface AttributeValue {
    S?: StringAttributeValue;
    N?: NumberAttributeValue;
    B?: BinaryAttributeValue;
    SS?: StringSetAttributeValue;
    NS?: NumberSetAttributeValue;
    BS?: BinarySetAttributeValue;
    M?: MapAttributeValue;
    L?: ListAttributeValue;
    NULL?: NullAttributeValue;
    BOOL?: BooleanAttributeValue;
  }
  export type AttributeValueList = AttributeValue[];
  export type BinaryAttributeValue = Buffer|Uint8Array|Blob|string;
  export type BinarySetAttributeValue = BinaryAttributeValue[];
  export type BooleanAttributeValue = boolean;
  export type BooleanObject = boolean;
  export interface Capacity {
    ReadCapacityUnits?: ConsumedCapacityUnits;
    WriteCapacityUnits?: ConsumedCapacityUnits;
    CapacityUnits?: ConsumedCapacityUnits;
  }
  export type ComparisonOperator = "EQ"|"NE"|"IN"|"LE"|"LT"|"GE"|"GT"|"BETWEEN"|"NOT_NULL"|"NULL"|"CONTAINS"|"NOT_CONTAINS"|"BEGINS_WITH"|string;
  export type ConditionExpression = string;
  export type ConditionalOperator = "AND"|"OR"|string;
  export type ConsistentRead = boolean;
  export interface ConsumedCapacity {
    TableName?: TableArn;
    CapacityUnits?: ConsumedCapacityUnits;
    ReadCapacityUnits?: ConsumedCapacityUnits;
    WriteCapacityUnits?: ConsumedCapacityUnits;
    Table?: Capacity;
    LocalSecondaryIndexes?: SecondaryIndexesCapacityMap;
    GlobalSecondaryIndexes?: SecondaryIndexesCapacityMap;
  }
  export type ConsumedCapacityUnits = number;
  export type ExpectedAttributeMap = {[key: string]: ExpectedAttributeValue};
  export interface ExpectedAttributeValue {
    Value?: AttributeValue;
    Exists?: BooleanObject;
    ComparisonOperator?: ComparisonOperator;
    AttributeValueList?: AttributeValueList;
  }
  export type ExpressionAttributeNameMap = {[key: string]: AttributeName};
  export type ExpressionAttributeValueMap = {[key: string]: AttributeValue};
  export interface GetItemInput {
    TableName: TableArn;
    Key: Key;
    AttributesToGet?: AttributeNameList;
    ConsistentRead?: ConsistentRead;
    ReturnConsumedCapacity?: ReturnConsumedCapacity;
    ProjectionExpression?: ProjectionExpression;
    ExpressionAttributeNames?: ExpressionAttributeNameMap;
  }
  export interface GetItemOutput {
    Item?: AttributeMap;
    ConsumedCapacity?: ConsumedCapacity;
  }
  export interface GlobalSecondaryIndexInfo {
    IndexName?: IndexName;
    KeySchema?: KeySchema;
    Projection?: Projection;
    ProvisionedThroughput?: ProvisionedThroughput;
    OnDemandThroughput?: OnDemandThroughput;
  }
  export type GlobalSecondaryIndexes = GlobalSecondaryIndexInfo[];
  export type IndexName = string;
  export type ItemCollectionKeyAttributeMap = {[key: string]: AttributeValue};
  export interface ItemCollectionMetrics {
    ItemCollectionKey?: ItemCollectionKeyAttributeMap;
    SizeEstimateRangeGB?: ItemCollectionSizeEstimateRange;
  }
  export type ItemCollectionSizeEstimateBound = number;
  export type ItemCollectionSizeEstimateRange = ItemCollectionSizeEstimateBound[];
  export type Key = {[key: string]: AttributeValue};
  export type KeySchema = KeySchemaElement[];
  export type KeySchemaAttributeName = string;
  export interface KeySchemaElement {
    AttributeName: KeySchemaAttributeName;
    KeyType: KeyType;
  }
  export type KeyType = "HASH"|"RANGE"|string;
  export type ListAttributeValue = AttributeValue[];
  export interface LocalSecondaryIndexInfo {
    IndexName?: IndexName;
    KeySchema?: KeySchema;
    Projection?: Projection;
  }
  export type LocalSecondaryIndexes = LocalSecondaryIndexInfo[];
  export type LongObject = number;
  export type MapAttributeValue = {[key: string]: AttributeValue};
  export type NonKeyAttributeName = string;
  export type NonKeyAttributeNameList = NonKeyAttributeName[];
  export type NullAttributeValue = boolean;
  export type NumberAttributeValue = string;
  export type NumberSetAttributeValue = NumberAttributeValue[];
  export interface OnDemandThroughput {
    MaxReadRequestUnits?: LongObject;
    MaxWriteRequestUnits?: LongObject;
  }
  export type PositiveLongObject = number;
  export interface Projection {
    ProjectionType?: ProjectionType;
    NonKeyAttributes?: NonKeyAttributeNameList;
  }
  export type ProjectionExpression = string;
  export type ProjectionType = "ALL"|"KEYS_ONLY"|"INCLUDE"|string;
  export interface ProvisionedThroughput {
    ReadCapacityUnits: PositiveLongObject;
    WriteCapacityUnits: PositiveLongObject;
  }
  export interface PutItemInput {
    TableName: TableArn;
    Item: PutItemInputAttributeMap;
    Expected?: ExpectedAttributeMap;
    ReturnValues?: ReturnValue;
    ReturnConsumedCapacity?: ReturnConsumedCapacity;
    ReturnItemCollectionMetrics?: ReturnItemCollectionMetrics;
    ConditionalOperator?: ConditionalOperator;
    ConditionExpression?: ConditionExpression;
    ExpressionAttributeNames?: ExpressionAttributeNameMap;
    ExpressionAttributeValues?: ExpressionAttributeValueMap;
    ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure;
  }
  export type PutItemInputAttributeMap = {[key: string]: AttributeValue};
  export interface PutItemOutput {
    Attributes?: AttributeMap;
    ConsumedCapacity?: ConsumedCapacity;
    ItemCollectionMetrics?: ItemCollectionMetrics;
  }
  export type ReturnConsumedCapacity = "INDEXES"|"TOTAL"|"NONE"|string;
  export type ReturnItemCollectionMetrics = "SIZE"|"NONE"|string;
  export type ReturnValue = "NONE"|"ALL_OLD"|"UPDATED_OLD"|"ALL_NEW"|"UPDATED_NEW"|string;
  export type ReturnValuesOnConditionCheckFailure = "ALL_OLD"|"NONE"|string;
  export type SecondaryIndexesCapacityMap = {[key: string]: Capacity};
  export type StringAttributeValue = string;
  export type StringSetAttributeValue = StringAttributeValue[];
  export type TableArn = string;
  export type TableName = string;
}
