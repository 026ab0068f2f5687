declare class KMS extends Service {
  encrypt(params: KMS.Types.EncryptRequest, callback?: (err: AWSError, data: KMS.Types.EncryptResponse) => void): Request<KMS.Types.EncryptResponse, AWSError>;
}
declare namespace KMS {
  export type CiphertextType = Buffer|Uint8Array|Blob|string;
  export interface EncryptRequest {
    KeyId: KeyIdType;
    Plaintext: PlaintextType;
    EncryptionContext?: EncryptionContextType;
    GrantTokens?: GrantTokenList;
    EncryptionAlgorithm?: EncryptionAlgorithmSpec;
    DryRun?: NullableBooleanType;
  }
  export interface EncryptResponse {
    CiphertextBlob?: CiphertextType;
    KeyId?: KeyIdType;
    EncryptionAlgorithm?: EncryptionAlgorithmSpec;
  }
  export type EncryptionAlgorithmSpec = "SYMMETRIC_DEFAULT"|"RSAES_OAEP_SHA_1"|"RSAES_OAEP_SHA_256"|"SM2PKE"|string;
  export type EncryptionContextType = {[key: string]: EncryptionContextValue};
  export type EncryptionContextValue = string;
  export type GrantTokenList = GrantTokenType[];
  export type GrantTokenType = string;
  export type KeyIdType = string;
  export type NullableBooleanType = boolean;
  export type PlaintextType = Buffer|Uint8Array|Blob|string;
}
