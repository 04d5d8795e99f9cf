import { createRPCError } from 'ocpp-rpc';
import standardValidators from 'ocpp-rpc/lib/standard-validators';
import { Validator } from 'ocpp-rpc/lib/validator';
import { OCPP_PROTOCOLS } from './handshake-auth';

/**
 * ocpp-rpc's own schemas, except that an action without a schema is answered NotImplemented (OCPP-J 1.6 §4.2.3,
 * 2.0.1 part 4 §4.3: "Requested Action is not known by receiver") instead of ProtocolError.
 */
function unknownActionsNotImplemented(inner: Validator): Validator {
  const wrapper = Object.create(inner) as Validator;
  wrapper.validate = (schemaId: string, params: unknown) => {
    if (!inner._ajv.getSchema(schemaId)) {
      throw createRPCError('NotImplemented', `${schemaId.replace(/^urn:|\.(req|conf)$/g, '')} is not known`, {});
    }
    return inner.validate(schemaId, params);
  };
  return wrapper;
}

export function strictValidators(): Validator[] {
  return standardValidators
    .filter((validator) => (OCPP_PROTOCOLS as readonly string[]).includes(validator.subprotocol))
    .map(unknownActionsNotImplemented);
}
